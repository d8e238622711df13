#!/usr/bin/env python3
"""pydicom counterpart of `discscope bench dicom DIR -n N`: dcmread + pixel_array for every file, N timed passes after
one warm-up pass; prints files/s (DICOM files read per second). Use Debian's interpreter: /usr/bin/python3."""
import os, sys, time, warnings
import pydicom

warnings.simplefilter('ignore')
root = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)


def one_pass():
    read = 0
    for p in files:
        try:
            ds = pydicom.dcmread(p)
        except Exception:  # noqa: BLE001 - not DICOM (or not readable without force): counted as rejected
            continue
        read += 1
        if 'PixelData' in ds or 'FloatPixelData' in ds or 'DoubleFloatPixelData' in ds:
            try:
                ds.pixel_array
            except Exception:  # noqa: BLE001 - no handler for the transfer syntax
                pass
    return read


one_pass()
t = time.perf_counter()
c = time.process_time()
read = sum(one_pass() for _ in range(n))
dt = time.perf_counter() - t
cpu = time.process_time() - c
print(f'files: {len(files)} ({read // n} DICOM read) per pass, {n} passes')
print(f'time: {dt:.3f} s; throughput: {read / dt:.1f} files/s (DICOM files read per second)')
print(f'cpu: {cpu:.3f} s; {read / cpu:.1f} files per CPU-second')
