#!/usr/bin/env bash
# Runs DiscScope's whole test suite on a fresh Debian/Ubuntu machine with the .NET 10 SDK.
# Installs the peer tools the tests compare against (apt-get -y when root; otherwise names them and stops), then dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(python3 python3-numpy python3-nibabel python3-pydicom python3-scipy python3-sklearn dcmtk dicom3tools libopenjp2-7 libcharls2 patchelf fonts-dejavu-core chromium poppler-utils)
missing=()
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "the tests need these Debian packages; install them as root and run again: ${missing[*]}" >&2
    exit 1
  fi
fi
export DISCSCOPE_DATA="${DISCSCOPE_DATA:-$(cd .. && pwd)/shared/data}"
dotnet build DiscScope.slnx -c Release -nologo -v q
dotnet test DiscScope.slnx -c Release --no-build -nologo "$@"
