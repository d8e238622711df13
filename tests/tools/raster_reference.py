#!/usr/bin/env python3
"""Peer PNG decoder for DiscScope's PNG tests, written from the PNG specification (ISO/IEC 15948) with zlib and struct only.

  raster_reference.py FILE...           JSON list: width, height, bit_depth, color_type, interlace and, for non-interlaced 8/16-bit
                                        greyscale, RGB or RGBA images, the sum of the grey values (colour: BT.709 luminance
                                        0.2126 R + 0.7152 G + 0.0722 B rounded half up, alpha ignored) and the first row.
  raster_reference.py --size FILE...    JSON list: width and height only, from the PNG IHDR chunk or the JPEG SOFn marker.
Golden values come from this independent decoder, never from DiscScope or ImageSharp.
"""
import json
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return {"file": path, "error": "not a PNG"}
    pos, idat, ihdr = 8, b"", None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    w, h, depth, ctype, _, _, interlace = ihdr
    out = {"file": path, "width": w, "height": h, "bit_depth": depth, "color_type": ctype, "interlace": interlace}
    if interlace or depth not in (8, 16) or ctype not in CHANNELS:
        return out
    ch = CHANNELS[ctype]
    bpp = ch * depth // 8
    stride = w * bpp
    raw = zlib.decompress(idat)
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                line[x] = (line[x] + paeth(a, b, c)) & 255
        rows.append(line)
        prev = line
    total, first = 0, []
    for y, line in enumerate(rows):
        for x in range(w):
            px = line[x * bpp:(x + 1) * bpp]
            vals = [px[i] if depth == 8 else (px[2 * i] << 8) | px[2 * i + 1] for i in range(ch)]
            if ctype in (0, 4):
                g = vals[0]
            else:
                g = int(0.2126 * vals[0] + 0.7152 * vals[1] + 0.0722 * vals[2] + 0.5)
            total += g
            if y == 0:
                first.append(g)
    out["sum"] = total
    out["first_row"] = first
    return out


def size(path):
    data = open(path, "rb").read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        w, h = struct.unpack(">II", data[16:24])
        return {"file": path, "width": w, "height": h}
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 4 <= len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                pos += 1 if marker == 0xFF else 2
                continue
            length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                h, w = struct.unpack(">HH", data[pos + 5:pos + 9])
                return {"file": path, "width": w, "height": h}
            pos += 2 + length
    return {"file": path, "error": "no size found"}


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--size":
        json.dump([size(p) for p in sys.argv[2:]], sys.stdout)
    else:
        json.dump([decode(p) for p in sys.argv[1:]], sys.stdout)
