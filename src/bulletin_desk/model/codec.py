"""The bulletin-desk/1 JSON codec: canonical writing, tolerant-but-strict reading.

Writing is canonical (every key, fixed order, UTF-8 without BOM, 2-space indent, ``\\n`` line ends,
final newline) so that two equal issues are byte-equal files — backups diff cleanly and tests can
compare bytes. Reading accepts an omitted optional or null-able key with its default, and refuses an
unknown key, a wrong type or a newer format with a `FormatError` naming the JSON path
(``sections[1].articles[0].paragraphs[3].lead``), so an editor can find the mistake.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from bulletin_desk.catalogue import BulletinDeskError
from bulletin_desk.model.issue import (
    Article,
    Colophon,
    Distribution,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
)

FORMAT = "bulletin-desk/1"
FORMAT_FAMILY = "bulletin-desk"
FORMAT_VERSION = 1


class FormatError(BulletinDeskError):
    """The document is not valid bulletin-desk/1; ``path`` names where."""

    def __init__(self, code: str, path: str = "", **params: object) -> None:
        super().__init__(code, path=path or "(root)", **params)
        self.path = path


# ---------------------------------------------------------------- writing


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    """The issue as plain JSON values, every key present, in the documented order."""
    m = issue.masthead
    return {
        "format": FORMAT,
        "masthead": {
            "title": m.title,
            "number": m.number,
            "total_number": m.total_number,
            "supplement": m.supplement,
            "office": m.office,
            "date": m.date.isoformat() if m.date else None,
            "classification": m.classification,
        },
        "sections": [
            {
                "heading": s.heading,
                "articles": [
                    {
                        "title": a.title,
                        "note": a.note,
                        "source": a.source,
                        "paragraphs": [
                            {"kind": p.kind.value, "lead": p.lead, "text": p.text} for p in a.paragraphs
                        ],
                    }
                    for a in s.articles
                ],
            }
            for s in issue.sections
        ],
        "colophon": {
            "editor": issue.colophon.editor,
            "reviewer": issue.colophon.reviewer,
            "approver": issue.colophon.approver,
            "phone": issue.colophon.phone,
            "fax": issue.colophon.fax,
            "email": issue.colophon.email,
        },
        "distribution": {
            "report_to": issue.distribution.report_to,
            "send_to": issue.distribution.send_to,
            "issue_to": issue.distribution.issue_to,
            "cc": issue.distribution.cc,
        },
        "copies": issue.copies,
    }


def dumps(issue: Issue) -> str:
    """Canonical text of the issue (ends with a newline)."""
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2) + "\n"


def dump_bytes(issue: Issue) -> bytes:
    """Canonical UTF-8 bytes; raises FormatError if the text holds a lone surrogate."""
    text = dumps(issue)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FormatError("model.json.unencodable", "", position=exc.start) from exc


# ---------------------------------------------------------------- reading


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


class _Reader:
    """Walks a decoded JSON document, checking keys and types at every path."""

    def obj(self, value: Any, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            raise FormatError("model.json.wrong_type", path, expected="object", found=_type_name(value))
        for key in value:
            if key not in allowed:
                raise FormatError("model.json.unknown_key", _join(path, key), key=key)
        for key in required:
            if key not in value:
                raise FormatError("model.json.missing_key", _join(path, key), key=key)
        return value

    def string(self, d: dict, key: str, path: str, *, nullable: bool, default: str | None = "") -> Any:
        value = d.get(key, None if nullable else default)
        if value is None:
            if nullable:
                return None
            raise FormatError("model.json.wrong_type", _join(path, key), expected="string", found="null")
        if not isinstance(value, str):
            raise FormatError("model.json.wrong_type", _join(path, key), expected="string",
                              found=_type_name(value))
        return value

    def integer(self, d: dict, key: str, path: str) -> int | None:
        value = d.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError("model.json.wrong_type", _join(path, key), expected="integer",
                              found=_type_name(value))
        if value < 0:
            raise FormatError("model.json.negative", _join(path, key), value=value)
        return value

    def array(self, d: dict, key: str, path: str) -> list:
        value = d.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise FormatError("model.json.wrong_type", _join(path, key), expected="array",
                              found=_type_name(value))
        return value


_MASTHEAD_KEYS = ("title", "number", "total_number", "supplement", "office", "date", "classification")
_SECTION_KEYS = ("heading", "articles")
_ARTICLE_KEYS = ("title", "note", "source", "paragraphs")
_PARAGRAPH_KEYS = ("kind", "lead", "text")
_COLOPHON_KEYS = ("editor", "reviewer", "approver", "phone", "fax", "email")
_DISTRIBUTION_KEYS = ("report_to", "send_to", "issue_to", "cc")
_ROOT_KEYS = ("format", "masthead", "sections", "colophon", "distribution", "copies")


def _check_format(root: dict) -> None:
    fmt = root.get("format")
    if fmt is None:
        raise FormatError("model.json.missing_key", "format", key="format")
    if not isinstance(fmt, str):
        raise FormatError("model.json.wrong_type", "format", expected="string", found=_type_name(fmt))
    family, _, version = fmt.partition("/")
    if family != FORMAT_FAMILY or not version.isdigit():
        raise FormatError("model.json.bad_format", "format", found=fmt, expected=FORMAT)
    if int(version) > FORMAT_VERSION:
        raise FormatError("model.json.newer_format", "format", found=fmt, expected=FORMAT)
    if int(version) < FORMAT_VERSION:
        raise FormatError("model.json.bad_format", "format", found=fmt, expected=FORMAT)


def _read_date(value: Any, path: str) -> _dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FormatError("model.json.wrong_type", path, expected="string", found=_type_name(value))
    try:
        if len(value) != 10:
            raise ValueError(value)
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise FormatError("model.json.bad_date", path, value=value) from exc


def issue_from_dict(root: Any) -> Issue:
    """Build an Issue from decoded JSON, refusing anything bulletin-desk/1 does not define."""
    r = _Reader()
    root = r.obj(root, "", _ROOT_KEYS)
    _check_format(root)

    mh = r.obj(root.get("masthead", {}), "masthead", _MASTHEAD_KEYS)
    supplement = mh.get("supplement", False)
    if supplement is None:
        supplement = False
    if not isinstance(supplement, bool):
        raise FormatError("model.json.wrong_type", "masthead.supplement", expected="boolean",
                          found=_type_name(supplement))
    masthead = Masthead(
        title=r.string(mh, "title", "masthead", nullable=False) or "",
        number=r.integer(mh, "number", "masthead"),
        total_number=r.integer(mh, "total_number", "masthead"),
        supplement=supplement,
        office=r.string(mh, "office", "masthead", nullable=True) or "",
        date=_read_date(mh.get("date"), "masthead.date"),
        classification=r.string(mh, "classification", "masthead", nullable=True),
    )

    sections: list[Section] = []
    for si, raw_s in enumerate(r.array(root, "sections", "")):
        spath = f"sections[{si}]"
        s = r.obj(raw_s, spath, _SECTION_KEYS)
        articles: list[Article] = []
        for ai, raw_a in enumerate(r.array(s, "articles", spath)):
            apath = f"{spath}.articles[{ai}]"
            a = r.obj(raw_a, apath, _ARTICLE_KEYS)
            paragraphs: list[Paragraph] = []
            for pi, raw_p in enumerate(r.array(a, "paragraphs", apath)):
                ppath = f"{apath}.paragraphs[{pi}]"
                p = r.obj(raw_p, ppath, _PARAGRAPH_KEYS)
                kind_raw = p.get("kind", "body") or "body"
                try:
                    kind = ParagraphKind(kind_raw)
                except ValueError as exc:
                    raise FormatError("model.json.bad_kind", _join(ppath, "kind"), value=kind_raw) from exc
                paragraphs.append(Paragraph(
                    text=r.string(p, "text", ppath, nullable=True) or "",
                    lead=r.string(p, "lead", ppath, nullable=True),
                    kind=kind,
                ))
            articles.append(Article(
                title=r.string(a, "title", apath, nullable=True) or "",
                note=r.string(a, "note", apath, nullable=True),
                source=r.string(a, "source", apath, nullable=True),
                paragraphs=paragraphs,
            ))
        sections.append(Section(heading=r.string(s, "heading", spath, nullable=True) or "",
                                articles=articles))

    co = r.obj(root.get("colophon") or {}, "colophon", _COLOPHON_KEYS)
    colophon = Colophon(**{k: r.string(co, k, "colophon", nullable=True) for k in _COLOPHON_KEYS})
    di = r.obj(root.get("distribution") or {}, "distribution", _DISTRIBUTION_KEYS)
    distribution = Distribution(**{k: r.string(di, k, "distribution", nullable=True)
                                   for k in _DISTRIBUTION_KEYS})
    return Issue(masthead=masthead, sections=sections, colophon=colophon,
                 distribution=distribution, copies=r.integer(root, "copies", ""))


def loads(data: str | bytes) -> Issue:
    """Parse bulletin-desk/1 text or bytes (a UTF-8 BOM is tolerated on reading)."""
    return issue_from_dict(parse_json_document(data))


def parse_json_document(data: str | bytes) -> Any:
    """UTF-8 JSON text or bytes → Python values; a BOM is tolerated, bad bytes and bad JSON are
    FormatErrors with a position, shared by every bulletin-desk file format."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError("model.json.not_utf8", "", position=exc.start) from exc
    elif data.startswith("\ufeff"):
        data = data[1:]
    try:
        root = json.loads(data)
    except json.JSONDecodeError as exc:
        raise FormatError("model.json.invalid", "", line=exc.lineno, column=exc.colno,
                          detail=exc.msg) from exc
    return root
