#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so loadable where the system libstdc++ predates GCC 13 (Debian 12 has GLIBCXX_3.4.30).
# The library needs GLIBCXX_3.4.32 for a single symbol, std::ios_base_library_init(). For every libLibTorchSharp.so under DIR:
#   1. builds (once) libdiscscope_iosinit.so, a shim defining that symbol (tools/native/ios_base_library_init.cpp), copies it beside;
#   2. patchelf --clear-symbol-version _ZSt21ios_base_library_initv and --add-needed libdiscscope_iosinit.so (found via $ORIGIN);
#   3. marks the GLIBCXX_3.4.32 requirement weak (VER_FLG_WEAK) in .gnu.version_r (weaken_verneed.py).
# A no-op where the system libstdc++ already provides GLIBCXX_3.4.32, and on a library patched before. Prints one line of what it did
# (an MSBuild high-importance message) and leaves libLibTorchSharp.so.patched.txt beside each library it patched.
# Usage: fix-libtorchsharp.sh DIR      (called by build/TorchSharpGlibcxxFix.targets after each build's copy to the output folder)
set -euo pipefail
dir="${1:?usage: fix-libtorchsharp.sh OUTPUT_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
shim=libdiscscope_iosinit.so
sym=_ZSt21ios_base_library_initv
need=GLIBCXX_3.4.32

[ "$(uname -s)" = Linux ] || exit 0
mapfile -t libs < <(find "$dir" -maxdepth 5 -name libLibTorchSharp.so -type f 2>/dev/null)
[ ${#libs[@]} -gt 0 ] || exit 0

stdcxx="${DISCSCOPE_LIBSTDCXX:-/usr/lib/x86_64-linux-gnu/libstdc++.so.6}"   # override for tests only
[ -e "$stdcxx" ] || stdcxx="$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
if [ -n "$stdcxx" ] && grep -qa "$need" "$stdcxx"; then
  echo "fix-libtorchsharp: system libstdc++ ($stdcxx) has $need; libLibTorchSharp.so left as shipped"
  exit 0
fi

for tool in patchelf g++ python3; do
  command -v "$tool" >/dev/null || { echo "fix-libtorchsharp: error: '$tool' is needed to patch libLibTorchSharp.so for this libstdc++ (apt-get install patchelf g++ python3)" >&2; exit 1; }
done

build="$here/build"
mkdir -p "$build"
(
  flock 9
  if [ ! -f "$build/$shim" ] || [ "$here/ios_base_library_init.cpp" -nt "$build/$shim" ]; then
    g++ -shared -fPIC -O2 -o "$build/$shim.tmp" "$here/ios_base_library_init.cpp"
    mv -f "$build/$shim.tmp" "$build/$shim"
  fi
) 9>"$build/.lock"

patched=(); already=()
for lib in "${libs[@]}"; do
  libdir="$(dirname "$lib")"
  cmp -s "$build/$shim" "$libdir/$shim" || cp -f "$build/$shim" "$libdir/$shim"
  if patchelf --print-needed "$lib" | grep -qx "$shim"; then already+=("$lib"); continue; fi
  tmp="$lib.patching"
  cp -f "$lib" "$tmp"
  patchelf --clear-symbol-version "$sym" "$tmp"
  patchelf --add-needed "$shim" "$tmp"
  python3 "$here/weaken_verneed.py" "$tmp" "$need" >/dev/null
  mv -f "$tmp" "$lib"
  echo "patched $(date -u +%FT%TZ) by tools/native/fix-libtorchsharp.sh: system libstdc++ lacks $need; $sym unversioned, $shim added as NEEDED, $need marked weak" > "$libdir/libLibTorchSharp.so.patched.txt"
  patched+=("$lib")
done
if [ ${#patched[@]} -gt 0 ]; then
  echo "fix-libtorchsharp: system libstdc++ lacks $need; patched ${patched[*]} (unversioned $sym, added $shim, $need marked weak)"
else
  echo "fix-libtorchsharp: libLibTorchSharp.so already patched in $dir"
fi
