"""Read the DLL names a Windows PE file (.dll, .pyd, .exe) imports, with the standard library only.

The build checks that every DLL and plugin it keeps finds its imports inside the bundle or in Windows
itself, and a test checks Qt6Core.dll imports no ICU DLL (Qt ≥ 6.10 does; icu.dll is missing before
Windows 10 1903). Reading the import table ourselves keeps the build free of binutils/pefile, so it runs
the same on Linux and on Windows.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_IMPORT_DIR = 1
_DELAY_IMPORT_DIR = 13


class NotAPEFile(ValueError):
    """The file is not a PE image (or is truncated)."""


@dataclass(frozen=True)
class PEImports:
    machine: int  # 0x8664 = x86-64, 0x14c = i386
    imports: tuple[str, ...]  # loaded when the image loads: must be found
    delay_imports: tuple[str, ...]  # loaded on first use

    @property
    def is_amd64(self) -> bool:
        return self.machine == 0x8664


def _rva_to_offset(rva: int, sections: list[tuple[int, int, int, int]]) -> int:
    for virtual_address, virtual_size, raw_offset, raw_size in sections:
        if virtual_address <= rva < virtual_address + max(virtual_size, raw_size):
            return raw_offset + (rva - virtual_address)
    raise NotAPEFile(f"RVA {rva:#x} outside every section")


def _cstring(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", errors="replace")


def read_imports(path: Path) -> PEImports:
    data = Path(path).read_bytes()
    if data[:2] != b"MZ" or len(data) < 0x40:
        raise NotAPEFile(str(path))
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise NotAPEFile(str(path))
    machine, n_sections = struct.unpack_from("<HH", data, pe + 4)
    opt_size = struct.unpack_from("<H", data, pe + 20)[0]
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    if magic == 0x20B:  # PE32+
        dirs_at, n_dirs = opt + 112, struct.unpack_from("<I", data, opt + 108)[0]
    elif magic == 0x10B:  # PE32
        dirs_at, n_dirs = opt + 96, struct.unpack_from("<I", data, opt + 92)[0]
    else:
        raise NotAPEFile(f"{path}: optional header magic {magic:#x}")
    sections = []
    sec = opt + opt_size
    for i in range(n_sections):
        vsize, vaddr, rsize, roff = struct.unpack_from("<IIII", data, sec + 40 * i + 8)
        sections.append((vaddr, vsize, roff, rsize))

    def directory(index: int) -> tuple[int, int]:
        if index >= n_dirs:
            return 0, 0
        return struct.unpack_from("<II", data, dirs_at + 8 * index)

    def names(index: int, entry_size: int, name_field: int) -> tuple[str, ...]:
        rva, size = directory(index)
        if not rva or not size:
            return ()
        found: list[str] = []
        offset = _rva_to_offset(rva, sections)
        while True:
            entry = data[offset : offset + entry_size]
            if len(entry) < entry_size or entry == b"\0" * entry_size:
                break
            name_rva = struct.unpack_from("<I", entry, name_field)[0]
            if name_rva:
                found.append(_cstring(data, _rva_to_offset(name_rva, sections)))
            offset += entry_size
        return tuple(found)

    return PEImports(
        machine=machine,
        imports=names(_IMPORT_DIR, 20, 12),
        delay_imports=names(_DELAY_IMPORT_DIR, 32, 4),
    )
