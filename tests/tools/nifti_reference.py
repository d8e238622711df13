#!/usr/bin/env python3
"""Peer values from nibabel for DiscScope's series-assembly tests (run at test time; nothing committed).
usage: nifti_reference.py FILE.nii  -> JSON {"affine": 4x4 RAS, "shape": [...], "data": flat C-order int list of volume 0}"""
import json, sys
import nibabel as nib
import numpy as np

im = nib.load(sys.argv[1])
a = np.asanyarray(im.dataobj)
if a.ndim == 4:
    a = a[..., 0]
print(json.dumps({"affine": im.affine.tolist(), "shape": list(a.shape), "data": a.astype(np.int64).ravel(order='C').tolist()}))
