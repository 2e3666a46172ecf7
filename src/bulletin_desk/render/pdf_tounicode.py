"""Make text copied or searched in our PDFs the text that was typed.

Qt's PDF writer builds each font's ToUnicode map from the font's own character map, glyph by glyph.
CJK fonts such as Noto CJK draw an ideograph and the Kangxi radical that looks the same with one
glyph (月 U+6708 and ⽉ U+2F49), and Qt picks the radical: the PDF looks right, but copying "4月"
yields "4⽉", and searching for 月 finds nothing (seen with PySide6 6.8.3 for 月日首文一心).

It is not only the 214 Kangxi radicals: 民 comes back as ⺠ (U+2EA0, CJK Radicals Supplement), which
has no Unicode decomposition at all. So the fix asks the fonts themselves: `render.pdf` passes a
resolver that, for a destination character that was never typed, finds the typed character drawn with
the same glyph of the same font (fonts.FontBook.twin_resolver). Without fonts, the fallback folds
compatibility characters (Kangxi radicals, CJK compatibility ideographs) to their ideographs by NFKC.
The ToUnicode CMaps are rewritten with pypdf (BSD; PyMuPDF is AGPL and stays in the tests); no other
mapping changes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable

from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

_SECTION = re.compile(rb"\d+\s+begin(bfchar|bfrange)(.*?)end\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_RANGE_HEAD = re.compile(rb"\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*")
_BLOCK = 100  # the CMap limit of entries per begin…end block


def _is_unified_ideograph(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def ideograph_for(char: str) -> str | None:
    """The unified ideograph a compatibility character (⽉, 﨑) stands for, else None."""
    if len(char) != 1 or _is_unified_ideograph(char):
        return None
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1 and folded != char and _is_unified_ideograph(folded):
        return folded
    return None


def _decode(hex_bytes: bytes) -> str:
    raw = bytes.fromhex(hex_bytes.decode("ascii"))
    return raw.decode("utf-16-be", errors="surrogatepass") if len(raw) % 2 == 0 else ""


def _encode(text: str) -> str:
    return text.encode("utf-16-be", errors="surrogatepass").hex().upper()


def parse_cmap(data: bytes) -> tuple[dict[int, str], int]:
    """A ToUnicode CMap's code → text map, and the code width in bytes."""
    mapping: dict[int, str] = {}
    width = 2
    for section in _SECTION.finditer(data):
        kind, body = section.group(1), section.group(2)
        if kind == b"bfchar":
            hexes = _HEX.findall(body)
            for src, dst in zip(hexes[0::2], hexes[1::2], strict=False):
                width = max(1, len(src) // 2)
                mapping[int(src, 16)] = _decode(dst)
            continue
        # bfrange: <lo> <hi> <dst> (dst's last unit increments) or <lo> <hi> [<d1> <d2> …]
        pos = 0
        while True:
            match = _RANGE_HEAD.match(body, pos)
            if not match:
                break
            lo, hi = int(match.group(1), 16), int(match.group(2), 16)
            width = max(1, len(match.group(1)) // 2)
            pos = match.end()
            if body[pos:pos + 1] == b"[":
                close = body.index(b"]", pos)
                for offset, dst in enumerate(_HEX.findall(body[pos:close])):
                    mapping[lo + offset] = _decode(dst)
                pos = close + 1
            else:
                dst_match = _HEX.match(body, pos)
                if not dst_match:
                    break
                start = _decode(dst_match.group(1))
                pos = dst_match.end()
                for offset in range(hi - lo + 1):
                    text = start[:-1] + chr(ord(start[-1]) + offset) if start else ""
                    mapping[lo + offset] = text
    return mapping, width


def write_cmap(original: bytes, mapping: dict[int, str], width: int) -> bytes:
    """The original CMap with its bfchar/bfrange sections replaced by bfchar blocks for ``mapping``."""
    first = _SECTION.search(original)
    if first is None:
        return original
    last_end = first.end()
    for section in _SECTION.finditer(original):
        last_end = section.end()
    digits = width * 2
    items = sorted(mapping.items())
    blocks = []
    for start in range(0, len(items), _BLOCK):
        chunk = items[start:start + _BLOCK]
        lines = [f"{len(chunk)} beginbfchar"]
        lines += [f"<{code:0{digits}X}> <{_encode(text)}>" for code, text in chunk]
        lines.append("endbfchar")
        blocks.append("\n".join(lines))
    return original[:first.start()] + "\n".join(blocks).encode("ascii") + original[last_end:]


Resolver = Callable[[str], "str | None"]


def compatibility_resolver(typed_text: str | None = None) -> Resolver:
    """Without fonts to ask: a compatibility character → its ideograph, unless the radical was typed."""
    typed = set(typed_text) if typed_text is not None else None

    def resolve(char: str) -> str | None:
        ideograph = ideograph_for(char)
        if ideograph is None:
            return None
        if typed is not None and char in typed and ideograph not in typed:
            return None  # the editor really typed the radical
        return ideograph

    return resolve


def fix_mapping(mapping: dict[int, str], resolve: Resolver) -> int:
    """Replace wrong destinations in place (``resolve`` returns the right text or None); count changes."""
    answers: dict[str, str | None] = {}
    changed = 0
    for code, text in mapping.items():
        if text not in answers:
            answers[text] = resolve(text) if text else None
        right = answers[text]
        if right is not None and right != text:
            mapping[code] = right
            changed += 1
    return changed


def fix_cmap_bytes(data: bytes, resolve: Resolver) -> tuple[bytes, int]:
    mapping, width = parse_cmap(data)
    changed = fix_mapping(mapping, resolve)
    if not changed:
        return data, 0
    return write_cmap(data, mapping, width), changed


def _tounicode_refs(reader: PdfReader) -> list[IndirectObject]:
    """Every font's ToUnicode stream reference, once each."""
    refs: dict[int, IndirectObject] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for font_ref in fonts.get_object().values():
            ref = font_ref.get_object().get("/ToUnicode")
            if isinstance(ref, IndirectObject):
                refs.setdefault(ref.idnum, ref)
    return list(refs.values())


def _serialise(obj: object) -> bytes:
    out = io.BytesIO()
    obj.write_to_stream(out)  # type: ignore[attr-defined]
    return out.getvalue()


def _incremental_update(pdf: bytes, reader: PdfReader, streams: dict[tuple[int, int], bytes]) -> bytes:
    """``pdf`` plus an incremental update replacing the given stream objects (PDF 1.4 classic xref).

    pypdf's own incremental writer emits an XRef stream (PDF 1.5) into Qt's PDF 1.4 file and drops
    the /Info (title) from the new trailer, so the few changed objects are appended here instead.
    """
    out = io.BytesIO()
    out.write(pdf)
    if not pdf.endswith(b"\n"):
        out.write(b"\n")
    offsets: dict[int, tuple[int, int]] = {}
    for (number, generation), data in sorted(streams.items()):
        offsets[number] = (out.tell(), generation)
        out.write(f"{number} {generation} obj\n<< /Length {len(data)} >>\nstream\n".encode("ascii"))
        out.write(data)
        out.write(b"\nendstream\nendobj\n")
    xref_at = out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f\r\n")
    for number, (offset, generation) in sorted(offsets.items()):
        out.write(f"{number} 1\n{offset:010d} {generation:05d} n\r\n".encode("ascii"))
    trailer = reader.trailer
    entries = [f"/Size {int(trailer['/Size'])}".encode("ascii"), f"/Prev {reader._startxref}".encode("ascii")]
    for key in ("/Root", "/Info"):
        ref = trailer.raw_get(key) if key in trailer else None
        if isinstance(ref, IndirectObject):
            entries.append(f"{key} {ref.idnum} {ref.generation} R".encode("ascii"))
    if "/ID" in trailer:
        entries.append(b"/ID " + _serialise(trailer["/ID"]))
    out.write(b"trailer\n<< " + b" ".join(entries) + b" >>\n")
    out.write(f"startxref\n{xref_at}\n%%EOF\n".encode("ascii"))
    return out.getvalue()


_PLAIN_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)


def _clean_without_parsing_pdf(pdf: bytes, resolve: Resolver) -> bool:
    """True when every ToUnicode map is stored uncompressed (as Qt writes them) and none needs a fix,
    so the common case costs a regex scan instead of loading the PDF."""
    maps = _PLAIN_CMAP.findall(pdf)
    if len(maps) != pdf.count(b"/ToUnicode"):
        return False
    for body in maps:
        mapping, _width = parse_cmap(body)
        if fix_mapping(mapping, resolve):
            return False
    return True


def fix_tounicode(pdf: bytes, resolve: Resolver | None = None) -> tuple[bytes, int]:
    """``pdf`` with its ToUnicode maps fixed, and the number of entries changed (0: bytes untouched).

    ``resolve`` maps a destination character to the text that was really typed (None: leave it);
    the default folds compatibility characters to their ideographs. pypdf reads the file; the changed
    maps are appended as an incremental update, so fonts and pages are not rewritten.
    """
    resolver = resolve or compatibility_resolver()
    if _clean_without_parsing_pdf(pdf, resolver):
        return pdf, 0
    reader = PdfReader(io.BytesIO(pdf))
    changed_streams: dict[tuple[int, int], bytes] = {}
    total = 0
    for ref in _tounicode_refs(reader):
        stream = ref.get_object()
        if not isinstance(stream, StreamObject):
            continue
        new_data, changed = fix_cmap_bytes(stream.get_data(), resolver)
        if changed:
            changed_streams[(ref.idnum, ref.generation)] = new_data
            total += changed
    if not total:
        return pdf, 0
    return _incremental_update(pdf, reader, changed_streams), total


__all__ = ["Resolver", "compatibility_resolver", "fix_cmap_bytes", "fix_mapping", "fix_tounicode",
           "ideograph_for", "parse_cmap", "write_cmap"]
