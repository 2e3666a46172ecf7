"""Decoding a .txt: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK — detected, not guessed.

UTF-8 is self-checking (random GBK bytes almost never decode as UTF-8), so it is tried first. GB18030
decodes almost any byte string, so a GB18030 reading must also look like Chinese: no control
characters, and nearly all of its non-ASCII characters in the common GB2312 repertoire.
"""

from __future__ import annotations

import codecs
import re

from bulletin_desk.ingest.errors import IngestError

GB_COMMON_SHARE = 0.8  # of non-ASCII characters, in GB2312; mis-decoded bytes land far outside it


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; IngestError when no encoding fits."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name.removesuffix("-sig")), name
            except UnicodeDecodeError as exc:
                raise IngestError("ingest.encoding_broken", encoding=name, offset=exc.start) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return text, "gb18030"
    if _mostly_utf8(data):
        raise IngestError("ingest.utf8_damaged", offset=first_bad)
    raise IngestError("ingest.encoding_unknown")


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a transfer error, a file cut short): nearly every non-ASCII byte
    sits in a valid sequence. Saying "save as UTF-8" would send the editor looking for the wrong fault."""
    text = data.decode("utf-8", errors="replace")
    damaged = len(re.findall("\ufffd+", text))  # one broken byte spoils a whole sequence
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return valid >= 4 and damaged <= max(2, valid // 50)


def _looks_chinese(text: str) -> bool:
    if any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text):
        return False
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return True
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= GB_COMMON_SHARE * len(wide)
