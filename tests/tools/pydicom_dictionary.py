#!/usr/bin/env python3
"""pydicom's data dictionary (peer for DiscScope's generated dictionary) as JSON: {"GGGGEEEE": [VR, VM, keyword, retired]}."""
import json
from pydicom.datadict import DicomDictionary
print(json.dumps({f'{t:08X}': [v[0], v[1], v[4], v[3] == 'Retired'] for t, v in DicomDictionary.items()}))
