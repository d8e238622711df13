#!/usr/bin/env python3
"""pydicom's modality values (apply_modality_lut: Rescale Slope/Intercept or Modality LUT, PS3.3 C.11.1) of a
single-frame image as JSON {"shape": [...], "values": [...]} (C order), the peer for DiscScope's volume values."""
import json, sys, warnings
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

warnings.simplefilter('ignore')
import numpy as np

ds = pydicom.dcmread(sys.argv[1])
arr = ds.pixel_array
# Signed samples narrower than their container are two's complement in Bits Stored bits (PS3.5 8.1.1); pydicom 2.3
# returns the container value unextended (e.g. 4095 for -1 in 12 bits), so extend here before the modality LUT.
if ds.get('PixelRepresentation', 0) == 1 and ds.BitsStored < ds.BitsAllocated:
    shift = 64 - ds.BitsStored
    arr = (arr.astype(np.int64) << shift) >> shift
a = apply_modality_lut(arr, ds)
print(json.dumps({"shape": list(a.shape), "values": [float(v) for v in a.ravel()]}))
