"""District templates and their file format ``bulletin-desk-templates/1``.

A contributing unit sends articles in a known shape: its attribution (（海淀区文明办）), the 栏目 it
usually appears under, a contact, and a skeleton of three or four paragraphs each opening with a bold
lead. A `DistrictTemplate` holds that shape; `article_from_template` turns it into a new article in
one step. Which units exist is data, never code: the default set ships in
``resources/templates/*.json`` and an office replaces it by importing its own file.

The file is written like bulletin-desk/1 (codec.py): every key, in a fixed order, UTF-8 without BOM,
2-space indent, ``\\n`` line ends and a final newline, so two equal sets are byte-equal files. Reading
refuses unknown keys, wrong types, a missing or empty ``unit``, a unit named twice and a newer format,
each with a `FormatError` naming the JSON path (``templates[3].skeleton[1].lead``). Archive ids are
not part of the file: a set moves between archives.

    {"format": "bulletin-desk-templates/1",
     "templates": [{"unit": "海淀区文明办", "district": "海淀区", "section": "…", "contact": "…",
                    "phone": "", "skeleton": [{"kind": "body", "lead": "强化组织领导。", "text": "（…）"}]}]}
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from bulletin_desk.model.codec import FormatError, _join, _Reader, _type_name, parse_json_document
from bulletin_desk.model.fragments import paragraphs_from_list, paragraphs_to_list
from bulletin_desk.model.issue import Article, Paragraph

TEMPLATES_FORMAT = "bulletin-desk-templates/1"
TEMPLATES_FAMILY = "bulletin-desk-templates"
TEMPLATES_VERSION = 1
TEMPLATE_KEYS = ("unit", "district", "section", "contact", "phone", "skeleton")
_ROOT_KEYS = ("format", "templates")


@dataclass
class DistrictTemplate:
    """One contributing unit's article shape. ``id`` is the archive's, None before it is stored."""

    id: int | None = None
    unit: str = ""  # the attribution printed under an article, e.g. 海淀区文明办
    district: str = ""  # e.g. 海淀区 (for sorting and display)
    section: str = ""  # the 栏目 its articles usually appear under
    contact: str = ""  # an office or person to ask
    phone: str = ""
    skeleton: list[Paragraph] = field(default_factory=list)


def article_from_template(template: DistrictTemplate) -> Article:
    """A new article: source = the unit, the skeleton's paragraphs copied (editing one never edits the other)."""
    return Article(title="", note=None, source=template.unit, paragraphs=copy.deepcopy(template.skeleton))


def template_to_dict(t: DistrictTemplate) -> dict[str, Any]:
    return {"unit": t.unit, "district": t.district, "section": t.section, "contact": t.contact,
            "phone": t.phone, "skeleton": paragraphs_to_list(t.skeleton)}


def templates_to_dict(templates: list[DistrictTemplate]) -> dict[str, Any]:
    return {"format": TEMPLATES_FORMAT, "templates": [template_to_dict(t) for t in templates]}


def dumps_templates(templates: list[DistrictTemplate]) -> str:
    """Canonical text of a template set (ends with a newline)."""
    return json.dumps(templates_to_dict(templates), ensure_ascii=False, indent=2) + "\n"


def dump_templates_bytes(templates: list[DistrictTemplate]) -> bytes:
    text = dumps_templates(templates)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FormatError("model.json.unencodable", "", position=exc.start) from exc


def template_from_dict(raw: Any, path: str) -> DistrictTemplate:
    r = _Reader()
    d = r.obj(raw, path, TEMPLATE_KEYS, required=("unit",))
    unit = r.string(d, "unit", path, nullable=False)
    if not unit.strip():
        raise FormatError("model.templates.empty_unit", _join(path, "unit"))
    text = {k: r.string(d, k, path, nullable=True) or "" for k in ("district", "section", "contact", "phone")}
    return DistrictTemplate(id=None, unit=unit, skeleton=paragraphs_from_list(d.get("skeleton"),
                                                                              _join(path, "skeleton")), **text)


def _check_format(root: dict[str, Any]) -> None:
    fmt = root.get("format")
    if fmt is None:
        raise FormatError("model.json.missing_key", "format", key="format")
    if not isinstance(fmt, str):
        raise FormatError("model.json.wrong_type", "format", expected="string", found=_type_name(fmt))
    family, _, version = fmt.partition("/")
    if family != TEMPLATES_FAMILY or not version.isdigit() or int(version) < TEMPLATES_VERSION:
        raise FormatError("model.json.bad_format", "format", found=fmt, expected=TEMPLATES_FORMAT)
    if int(version) > TEMPLATES_VERSION:
        raise FormatError("model.json.newer_format", "format", found=fmt, expected=TEMPLATES_FORMAT)


def templates_from_dict(root: Any) -> list[DistrictTemplate]:
    r = _Reader()
    root = r.obj(root, "", _ROOT_KEYS, required=("format",))
    _check_format(root)
    raw = r.array(root, "templates", "")
    out: list[DistrictTemplate] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        path = f"templates[{i}]"
        template = template_from_dict(item, path)
        if template.unit in seen:
            raise FormatError("model.templates.duplicate_unit", _join(path, "unit"), unit=template.unit,
                              first=f"templates[{seen[template.unit]}]")
        seen[template.unit] = i
        out.append(template)
    return out


def loads_templates(data: str | bytes) -> list[DistrictTemplate]:
    """Parse a ``bulletin-desk-templates/1`` document (a UTF-8 BOM is tolerated on reading)."""
    return templates_from_dict(parse_json_document(data))


__all__ = ["TEMPLATES_FORMAT", "DistrictTemplate", "article_from_template", "dump_templates_bytes",
           "dumps_templates", "loads_templates", "template_from_dict", "template_to_dict", "templates_from_dict",
           "templates_to_dict"]
