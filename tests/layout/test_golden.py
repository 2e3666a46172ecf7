"""Golden layout dumps: any change in where a line breaks or sits on the reference issue shows as a diff.

The files are written only by ``python -m tests.support.layout_golden`` (by hand, after a deliberate
change, reviewed in the commit); this test never writes them.
"""

from __future__ import annotations

import json

import pytest
from tests.support.layout_golden import GOLDEN, dump, golden_cases


@pytest.mark.parametrize("name", sorted(golden_cases()))
def test_layout_matches_the_golden_dump(name: str) -> None:
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    actual = json.loads(dump(golden_cases()[name]))
    assert len(actual["pages"]) == len(expected["pages"])
    for page_actual, page_expected in zip(actual["pages"], expected["pages"], strict=True):
        assert [line["text"] for line in page_actual["lines"]] == [line["text"] for line in page_expected["lines"]]
        assert page_actual == page_expected
    assert actual == expected
