"""Tabulate SPIDER mid-sagittal disc-count differences by what the parse shows at the image's top edge.

For every parsed series (the `segment --json` output and its label map in WORK), the uppermost structure of the lumbar column is either
the top disc, or the vertebral body above it. For the body: its top row within 15 mm of the top disc's centre column, and its height over
the median height of the bodies between discs. Classes:
  disc at top                 - no body above the top disc
  whole body near top edge    - body top within 8 mm of the image top, height >= 0.8 of the median (a disc above it may be in view)
  cut body at top edge        - body top within 8 mm of the image top, height < 0.8 of the median (the edge cuts the body)
  other                       - body top more than 8 mm below the image top
Prints, per class, how many series have num_discs - found = -2 .. +2 (and beyond).
"""
import collections, csv, glob, json, os, sys
import numpy as np
import nibabel as nib

data, work = sys.argv[1], sys.argv[2]
overview = {r["new_file_name"]: r for r in csv.DictReader(open(os.path.join(data, "spider", "overview.csv")))}
table = collections.Counter()
for path in sorted(glob.glob(os.path.join(work, "*.json"))):
    series = os.path.basename(path)[:-5]
    try:
        parse = json.load(open(path))
    except ValueError:
        continue
    if not parse.get("found"):
        continue
    row_mm, col_mm = (float(v) for v in overview[series]["PixelSpacing"].strip("[]").split(","))
    labels = np.asarray(nib.load(path[:-5] + ".nii.gz").dataobj).squeeze().T  # rows (superior -> inferior), columns
    discs = parse["discs"]
    top = discs[-1]
    centre_col = top["centroidMm"][0] / col_mm

    def body_extent(label):
        rows, cols = np.nonzero(labels == label)
        near = np.abs(cols - centre_col) < 15 / col_mm
        return None if not near.any() else (rows[near].min() * row_mm, (rows[near].max() - rows[near].min() + 1) * row_mm)

    above = body_extent(top["ivdLabel"])  # vertebra v lies between disc v (below) and disc v + 1 (above)
    heights = [e[1] for e in (body_extent(v) for v in range(1, top["ivdLabel"])) if e is not None]
    if above is None:
        kind = "disc at top"
    elif above[0] > 8:
        kind = "other"
    elif heights and above[1] >= 0.8 * float(np.median(heights)):
        kind = "whole body near top edge"
    else:
        kind = "cut body at top edge"
    table[(kind, int(overview[series]["num_discs"]) - len(discs))] += 1

kinds = sorted({k for k, _ in table})
print("class | series | num_discs - found: count")
for kind in kinds:
    cells = {d: n for (k, d), n in table.items() if k == kind}
    print(f"{kind} | {sum(cells.values())} | " + ", ".join(f"{d:+d}: {cells[d]}" for d in sorted(cells)))
