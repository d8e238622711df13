#!/usr/bin/env bash
# Top-edge audit of the SPIDER mid-sagittal disc counts (docs/spine-parsing.md, "Known limits").
# Parses every spider/midsag slice with `discscope segment` at its overview.csv pixel spacing, then tabulates, by what the parse
# shows at the top edge of the image, how often overview.csv's num_discs differs from the discs found.
# Usage: tools/level-audit/run.sh DISCSCOPE_BINARY DATA_DIR WORK_DIR   (needs python3 with numpy and nibabel; ~2 min on 2 cores)
set -euo pipefail
bin=$1; data=$2; work=$3
mkdir -p "$work"
tail -n +2 "$data/spider/overview.csv" | while IFS= read -r line; do
  s=${line%%,*}
  spacing=$(echo "$line" | cut -d'"' -f2 | tr -d '[] ')
  [ -f "$data/spider/midsag/$s.png" ] || continue
  "$bin" segment "$data/spider/midsag/$s.png" --pixel-spacing "$spacing" --json --out "$work/$s.nii.gz" > "$work/$s.json" 2> "$work/$s.err" || true
done
python3 "$(dirname "$0")/top_edge.py" "$data" "$work"
