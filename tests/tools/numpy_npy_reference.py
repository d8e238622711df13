#!/usr/bin/env python3
"""Peer for DiscScope's .npy reader and writer, using numpy itself.

  numpy_npy_reference.py make DIR     Writes small arrays with numpy (every dtype DiscScope holds, '<' '>' '|' byte orders,
                                      C and Fortran order, format versions 1.0, 2.0 and 3.0, 1D to 4D shapes) and prints
                                      JSON: per file the shape, dtype and the values flattened in C order (as float, or as
                                      a decimal string for 64-bit integers so no precision is lost).
  numpy_npy_reference.py read FILE... JSON: per file the shape, dtype, and flattened C-order values as numpy loads them.
Golden values come from numpy, never from DiscScope.
"""
import json
import os
import sys

import numpy as np


def describe(path, arr):
    flat = np.ascontiguousarray(arr).ravel(order="C")
    if arr.dtype.kind in "iu" and arr.dtype.itemsize == 8:
        values = [str(int(v)) for v in flat]
    else:
        values = [float(v) for v in flat]
    return {"file": path, "shape": list(arr.shape), "dtype": arr.dtype.newbyteorder("=").str[1:], "values": values}


def make(folder):
    rng = np.random.default_rng(2024)
    out = []

    def save(name, arr, version=None):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            np.lib.format.write_array(f, arr, version=version)
        out.append(describe(path, arr))

    for code in ("u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8"):
        for order in ("<", ">"):
            dt = np.dtype(order + code)
            if code[0] in "ui":
                info = np.iinfo(dt)
                arr = rng.integers(info.min, info.max, size=(3, 4, 5), dtype=code, endpoint=True).astype(dt)
            else:
                arr = (rng.standard_normal((3, 4, 5)) * 1000).astype(dt)
            save("%s_%s_c.npy" % (code, "le" if order == "<" else "be"), arr)
            save("%s_%s_f.npy" % (code, "le" if order == "<" else "be"), np.asfortranarray(arr))
    base = np.arange(2 * 3 * 4, dtype="<i2").reshape(2, 3, 4)
    save("v2.npy", base, version=(2, 0))
    save("v3.npy", base, version=(3, 0))
    save("one_d.npy", np.arange(7, dtype="<f4"))
    save("two_d.npy", np.arange(12, dtype="<u2").reshape(3, 4))
    save("two_d_fortran.npy", np.asfortranarray(np.arange(12, dtype="<u2").reshape(3, 4)))
    save("four_d_leading_one.npy", np.arange(24, dtype="<i4").reshape(1, 2, 3, 4))
    json.dump(out, sys.stdout)


def read(paths):
    json.dump([describe(p, np.load(p)) for p in paths], sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "make":
        make(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "read":
        read(sys.argv[2:])
    else:
        sys.exit(__doc__)
