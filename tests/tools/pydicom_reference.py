#!/usr/bin/env python3
"""Reference values from pydicom (the peer) for DiscScope's DICOM tests; run at test time, output never committed.

usage: pydicom_reference.py LISTFILE OUTDIR
LISTFILE holds one path per line. For line n, writes into OUTDIR:
  n.json     {"status": "read"|"rejected", "error": str, "ts": uid, "dataset": DICOM JSON model (PS3.18 F.2),
              "pixels": "ok"|"none"|"<error>", "shape": [...], "dtype": "<u2" ...}
  n.npy      the decoded pixel array (pydicom's Dataset.pixel_array), when pydicom can decode it
Bulk data: binary values of 1024 bytes or more are replaced by {"BulkDataURI": "bulk:GGGGEEEE"}, smaller ones inline,
matching DiscScope's rule (pydicom's own threshold counts base64 characters, so it is applied here instead).
"""
import base64, json, sys, warnings
import numpy as np
import pydicom
from pydicom.errors import InvalidDicomError

warnings.simplefilter('ignore')
LIMIT = 1024


def bulk(obj, tag=None):
    if isinstance(obj, dict):
        if 'InlineBinary' in obj and tag is not None:
            raw = base64.b64decode(obj['InlineBinary'])
            if len(raw) >= LIMIT:
                del obj['InlineBinary']
                obj['BulkDataURI'] = 'bulk:' + tag
            return obj
        for k, v in obj.items():
            if isinstance(v, dict) and 'vr' in v:
                bulk(v, k)
                if v['vr'] == 'SQ':
                    for item in v.get('Value', []):
                        bulk(item)
    return obj


def plausible(ds):
    """force=True parses anything; call it DICOM only when it holds a standard element beyond group 0002."""
    return any(t in ds for t in (0x00080016, 0x00080060, 0x00100010, 0x0020000D, 0x00280010))


def main():
    paths = open(sys.argv[1]).read().splitlines()
    out = sys.argv[2]
    for n, p in enumerate(paths):
        r = {'path': p}
        try:
            try:
                ds = pydicom.dcmread(p)
            except InvalidDicomError:
                ds = pydicom.dcmread(p, force=True)
                if not plausible(ds):
                    raise InvalidDicomError('not DICOM')
            js = ds.to_json_dict(bulk_data_threshold=10 ** 12)
            r['status'] = 'read'
            r['ts'] = str(getattr(ds.file_meta, 'TransferSyntaxUID', '')) if hasattr(ds, 'file_meta') else ''
            r['dataset'] = bulk(js)
        except Exception as e:  # noqa: BLE001 - any failure is pydicom's verdict "rejected"
            r['status'] = 'rejected'
            r['error'] = f'{type(e).__name__}: {e}'[:300]
            json.dump(r, open(f'{out}/{n}.json', 'w'))
            continue
        if 'PixelData' in ds or 'FloatPixelData' in ds or 'DoubleFloatPixelData' in ds:
            try:
                a = ds.pixel_array
                np.save(f'{out}/{n}.npy', np.ascontiguousarray(a))
                r['pixels'] = 'ok'
                r['shape'] = list(a.shape)
                r['dtype'] = a.dtype.str
            except Exception as e:  # noqa: BLE001
                r['pixels'] = f'{type(e).__name__}: {e}'[:300]
        else:
            r['pixels'] = 'none'
        json.dump(r, open(f'{out}/{n}.json', 'w'))


main()
