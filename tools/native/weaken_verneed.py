#!/usr/bin/env python3
"""Marks one version requirement (e.g. GLIBCXX_3.4.32) as weak (VER_FLG_WEAK) in an ELF64 little-endian shared object.

The glibc loader then only notes, instead of refusing, a missing weak version (elf/dl-version.c). Used by
fix-libtorchsharp.sh after the one symbol that needed the version has been unversioned and given a shim.
Usage: weaken_verneed.py FILE VERSION    Prints 'weakened', 'already weak' or 'absent'; exits 1 on a malformed file.
"""
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def main(path: str, version: str) -> int:
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            print(f"{path}: not an ELF64 little-endian file", file=sys.stderr)
            return 1
        e_shoff, = struct.unpack_from("<Q", data, 0x28)
        e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
        result = "absent"
        for (_name, sh_type, _flags, _addr, sh_offset, _size, sh_link, sh_info, _align, _entsize) in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            str_off = sections[sh_link][4]
            vn = sh_offset
            for _ in range(sh_info):  # sh_info = number of Verneed entries
                _vn_version, vn_cnt, _vn_file, vn_aux, vn_next = struct.unpack_from("<HHIII", data, vn)
                aux = vn + vn_aux
                for _ in range(vn_cnt):
                    _hash, flags, _other, name_off, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(0, str_off + name_off)
                    if data[str_off + name_off:end].decode() == version:
                        if flags & VER_FLG_WEAK:
                            result = "already weak" if result == "absent" else result
                        else:
                            struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                            result = "weakened"
                    if vna_next == 0:
                        break
                    aux += vna_next
                if vn_next == 0:
                    break
                vn += vn_next
        if result == "weakened":
            f.seek(0)
            f.write(data)
        print(result)
        return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
