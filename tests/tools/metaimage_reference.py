#!/usr/bin/env python3
"""Peer for DiscScope's MetaImage reader: an independent reading of .mha/.mhd with zlib and numpy.

  metaimage_reference.py FILE...   JSON list: per file DimSize, ElementType, ElementSpacing, Offset and TransformMatrix as
                                   written, and the voxel count, sum, minimum and maximum (float64) of the decoded data.
Only what the fmrp_ivd files use is handled (LOCAL or one data file, zlib or raw, either byte order).
Golden values come from this script, never from DiscScope.
"""
import json
import os
import sys
import zlib

import numpy as np

TYPES = {"MET_UCHAR": "u1", "MET_CHAR": "i1", "MET_USHORT": "u2", "MET_SHORT": "i2", "MET_UINT": "u4", "MET_INT": "i4",
         "MET_ULONG_LONG": "u8", "MET_LONG_LONG": "i8", "MET_FLOAT": "f4", "MET_DOUBLE": "f8"}


def read(path):
    raw = open(path, "rb").read()
    fields, pos = {}, 0
    while True:
        end = raw.index(b"\n", pos)
        key, _, value = raw[pos:end].decode("latin-1").partition("=")
        fields[key.strip()] = value.strip()
        pos = end + 1
        if key.strip() == "ElementDataFile":
            break
    if fields["ElementDataFile"] == "LOCAL":
        data = raw[pos:]
    else:
        data = open(os.path.join(os.path.dirname(path), fields["ElementDataFile"]), "rb").read()
    if fields.get("CompressedData", "False") == "True":
        data = zlib.decompress(data)
    order = ">" if fields.get("BinaryDataByteOrderMSB", "False") == "True" else "<"
    arr = np.frombuffer(data, dtype=order + TYPES[fields["ElementType"]]).astype(np.float64)
    nums = lambda k: [float(x) for x in fields[k].split()] if k in fields else None
    return {"file": path, "dim_size": [int(x) for x in fields["DimSize"].split()], "element_type": fields["ElementType"],
            "spacing": nums("ElementSpacing"), "offset": nums("Offset"), "transform": nums("TransformMatrix"),
            "count": int(arr.size), "sum": float(arr.sum()), "min": float(arr.min()), "max": float(arr.max())}


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    json.dump([read(p) for p in sys.argv[1:]], sys.stdout)
