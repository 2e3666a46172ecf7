"""bulletin-desk-templates/1: the shipped set is canonical, reading is strict with JSON paths, round trips hold."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_desk import paths
from bulletin_desk.model import (
    TEMPLATES_FORMAT,
    DistrictTemplate,
    FormatError,
    Paragraph,
    ParagraphKind,
    article_from_template,
    dump_templates_bytes,
    dumps_templates,
    loads_templates,
)
from bulletin_desk.model.fragments import dumps_article, loads_article

SHIPPED = paths.resources_dir() / "templates" / "beijing.json"
DISTRICTS = ("东城", "西城", "朝阳", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义", "昌平", "大兴", "怀柔",
             "平谷", "密云", "延庆")


def test_shipped_set_is_canonical_and_complete() -> None:
    data = SHIPPED.read_bytes()
    templates = loads_templates(data)
    assert dump_templates_bytes(templates) == data
    assert [t.district for t in templates] == [d + "区" for d in DISTRICTS] + ["北京经济技术开发区"]
    for t in templates:
        assert t.unit.startswith(t.district) and t.unit.endswith("文明办") and t.section and t.contact
        assert 3 <= len(t.skeleton) <= 4
        assert all(p.lead and p.lead.endswith("。") and p.text.startswith("（") for p in t.skeleton)


def test_canonical_form() -> None:
    text = dumps_templates([DistrictTemplate(id=7, unit="海淀区文明办")])
    assert text.startswith('{\n  "format": "bulletin-desk-templates/1",\n  "templates": [\n    {\n      "unit"')
    assert text.endswith("}\n") and '"id"' not in text  # archive ids stay in the archive
    assert list(json.loads(text)["templates"][0]) == ["unit", "district", "section", "contact", "phone", "skeleton"]


def test_optional_keys_default() -> None:
    [t] = loads_templates('{"format": "bulletin-desk-templates/1", "templates": [{"unit": "甲"}]}')
    assert t == DistrictTemplate(unit="甲")
    assert loads_templates(b'\xef\xbb\xbf{"format": "bulletin-desk-templates/1"}') == []


def _doc(**template: object) -> str:
    return json.dumps({"format": TEMPLATES_FORMAT, "templates": [{"unit": "甲"}, template]}, ensure_ascii=False)


@pytest.mark.parametrize(("text", "path", "code"), [
    (_doc(unit="乙", colour="红"), "templates[1].colour", "model.json.unknown_key"),
    (_doc(district="乙"), "templates[1].unit", "model.json.missing_key"),
    (_doc(unit=""), "templates[1].unit", "model.templates.empty_unit"),
    (_doc(unit="甲"), "templates[1].unit", "model.templates.duplicate_unit"),
    (_doc(unit="乙", phone=55569506), "templates[1].phone", "model.json.wrong_type"),
    (_doc(unit="乙", skeleton={"lead": "x"}), "templates[1].skeleton", "model.json.wrong_type"),
    (_doc(unit="乙", skeleton=[{"text": "x"}, {"lead": 1}]), "templates[1].skeleton[1].lead", "model.json.wrong_type"),
    (_doc(unit="乙", skeleton=[{"kind": "h9"}]), "templates[1].skeleton[0].kind", "model.json.bad_kind"),
    ('{"format": "bulletin-desk/1", "templates": []}', "format", "model.json.bad_format"),
    ('{"format": "bulletin-desk-templates/2"}', "format", "model.json.newer_format"),
    ('{"templates": []}', "format", "model.json.missing_key"),
    ('{"format": "bulletin-desk-templates/1", "extra": 1}', "extra", "model.json.unknown_key"),
    ('{"format": "bulletin-desk-templates/1", "templates": {}}', "templates", "model.json.wrong_type"),
    ("[1, 2]", "(root)", "model.json.wrong_type"),
])
def test_strict_reading_names_the_path(text: str, path: str, code: str) -> None:
    with pytest.raises(FormatError) as caught:
        loads_templates(text)
    assert caught.value.message.code == code
    assert caught.value.message.params["path"] == path
    assert caught.value.render("zh").startswith(path)


def test_broken_json_and_encoding() -> None:
    with pytest.raises(FormatError) as caught:
        loads_templates('{"format": ')
    assert caught.value.message.code == "model.json.invalid"
    with pytest.raises(FormatError) as caught:
        loads_templates(b'{"format": "\xff"}')
    assert caught.value.message.code == "model.json.not_utf8"


def test_article_from_template_copies_the_skeleton() -> None:
    t = DistrictTemplate(unit="延庆区文明办", section="新时代文明实践中心建设",
                         skeleton=[Paragraph(lead="强化组织领导。", text="（简述……）"),
                                   Paragraph(kind=ParagraphKind.H1, text="一、做法")])
    article = article_from_template(t)
    assert article.source == "延庆区文明办" and article.paragraphs == t.skeleton
    assert article.paragraphs[0] is not t.skeleton[0]
    assert loads_article(dumps_article(article)) == article


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.sampled_from(list("，。、；：！？“”‘’（）《》【】——……·\n\t \"\\")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
_text = st.text(_ALPHABET, max_size=40)
_paragraph = st.builds(Paragraph, text=_text, lead=st.none() | _text, kind=st.sampled_from(list(ParagraphKind)))
_template = st.builds(DistrictTemplate, id=st.none(), unit=_text.filter(lambda u: u.strip() != ""),
                      district=_text, section=_text, contact=_text, phone=_text,
                      skeleton=st.lists(_paragraph, max_size=4))
_sets = st.lists(_template, max_size=5, unique_by=lambda t: t.unit)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sets)
def test_round_trip_property(templates: list[DistrictTemplate]) -> None:
    data = dump_templates_bytes(templates)
    again = loads_templates(data)
    assert again == templates
    assert dump_templates_bytes(again) == data  # canonical: equal sets are byte-equal files
