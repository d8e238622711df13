#!/usr/bin/env python3
"""Peer reference for DiscScope's NIfTI reader and writer, computed with nibabel (and numpy).

  nibabel_reference.py reference FILE...   JSON list: per file its RAS affine (nibabel's best affine: sform, else qform,
                                           else pixdim), shape, dtype on disk, and the sum of voxels as float64 after
                                           scl_slope/scl_inter (img.get_fdata(dtype=float64).sum()).
  nibabel_reference.py make DIR            Writes synthetic NIfTI files that exercise header variants (qform only with a
                                           rotation and qfac -1, big-endian, scaled, every integer/float datatype, 2D)
                                           and prints their names, one a line.
Golden values come from nibabel, never from DiscScope.
"""
import json
import os
import sys

import nibabel as nib
import numpy as np


def reference(paths):
    out = []
    for p in paths:
        try:
            img = nib.load(p)
            hdr = img.header
            dtype = hdr.get_data_dtype()
            if dtype.fields is not None:
                raise ValueError("structured datatype %s (e.g. RGB) has no scalar voxels" % dtype)
            data = img.get_fdata(dtype=np.float64)
            qform, qcode = img.get_qform(coded=True)
            sform, scode = img.get_sform(coded=True)
            out.append({
                "file": p,
                "affine": [[float(x) for x in row] for row in img.affine],
                "qform": None if qform is None else [[float(x) for x in row] for row in qform],
                "sform": None if sform is None else [[float(x) for x in row] for row in sform],
                "qform_code": int(qcode),
                "sform_code": int(scode),
                "shape": [int(s) for s in img.shape],
                "dtype": str(dtype.newbyteorder("=")),
                "sum": float(data.sum()),
                "sum_abs": float(np.abs(data).sum()),
            })
        except Exception as e:  # reported per file; the test decides whether an error is expected
            out.append({"file": p, "error": "%s: %s" % (type(e).__name__, e)})
    json.dump(out, sys.stdout, indent=1)


def rotation(axis, deg):
    a = np.deg2rad(deg)
    c, s = np.cos(a), np.sin(a)
    if axis == "z":
        return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def make(folder):
    rng = np.random.default_rng(20241126)
    names = []

    def save(img, name):
        path = os.path.join(folder, name)
        nib.save(img, path)
        names.append(name)

    # qform only: oblique rotation, anisotropic spacing, and a left-handed grid (qfac -1).
    aff = np.eye(4)
    aff[:3, :3] = rotation("z", 30) @ rotation("x", 12) @ np.diag([0.7, 0.9, -3.3])
    aff[:3, 3] = [-40.5, 22.25, 17.0]
    img = nib.Nifti1Image(rng.integers(-500, 1500, size=(9, 7, 5), dtype=np.int16), None)
    img.set_qform(aff, code=1)
    img.set_sform(None, code=0)
    save(img, "qform_only.nii")

    # sform and qform disagree: the sform must win.
    img = nib.Nifti1Image(rng.integers(0, 255, size=(6, 5, 4), dtype=np.uint8), None)
    img.set_qform(np.diag([2.0, 2.0, 2.0, 1.0]), code=1)
    sform = np.array([[-0.8, 0.1, 0.0, 10], [0.0, 0.9, 0.2, -20], [0.05, 0.0, 2.5, 30], [0, 0, 0, 1]])
    img.set_sform(sform, code=2)
    save(img, "sform_wins.nii.gz")

    def save_raw(name, arr, affine, endianness="<", slope=None, inter=None):
        # nibabel's own Nifti1Image.save re-derives byte order and scaling, so the header is built with nibabel and
        # the voxels are appended in the header's byte order (Fortran order, as NIfTI stores i fastest).
        hdr = nib.Nifti1Header(endianness=endianness)
        hdr.set_data_shape(arr.shape)
        hdr.set_data_dtype(arr.dtype.newbyteorder("="))
        hdr.set_sform(affine, code=1)
        hdr.set_qform(affine, code=1)
        if slope is not None:
            hdr.set_slope_inter(slope, inter)
        hdr.set_data_offset(352)
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            hdr.write_to(f)
            f.write(b"\0" * (352 - f.tell()))
            f.write(arr.astype(hdr.get_data_dtype()).tobytes(order="F"))
        names.append(name)

    # Big-endian files.
    for dt in ("i4", "f8", "u2"):
        arr = np.abs(rng.standard_normal((8, 6, 3)) * 1000).astype(dt)
        save_raw("big_endian_%s.nii" % dt, arr, np.diag([1.5, 1.25, 4.0, 1.0]), endianness=">")

    # Scaled int16 (slope, inter), and scaled big-endian uint8.
    arr = rng.integers(-1000, 3000, size=(7, 6, 5), dtype=np.int16)
    save_raw("scaled_int16.nii", arr, np.diag([-0.5, 0.5, 1.0, 1.0]), slope=0.25, inter=-1024.0)
    arr = rng.integers(0, 255, size=(4, 4, 4), dtype=np.uint8)
    save_raw("scaled_uint8_be.nii", arr, np.diag([1.0, 1.0, 1.0, 1.0]), endianness=">", slope=2.5, inter=3.0)

    # Every datatype DiscScope holds.
    for dt in ("u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8"):
        info = np.iinfo(dt) if dt[0] in "ui" else None
        if info is not None:
            arr = rng.integers(info.min, info.max, size=(5, 4, 3), dtype=dt, endpoint=True)
        else:
            arr = rng.standard_normal((5, 4, 3)).astype(dt) * 100
        img = nib.Nifti1Image(arr, np.diag([1.0, 2.0, 3.0, 1.0]), dtype=dt)
        save(img, "dtype_%s.nii" % dt)

    # 2D image.
    img = nib.Nifti1Image(rng.integers(0, 4000, size=(11, 13), dtype=np.uint16), np.diag([0.6, 0.6, 1.0, 1.0]))
    save(img, "two_d.nii")

    print("\n".join(names))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "reference":
        reference(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        sys.exit(__doc__)
