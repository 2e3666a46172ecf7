"""--self-test: real checks on this machine, pending versus failed, the output in both languages."""

from __future__ import annotations

import io

import pytest

from bulletin_desk import selftest
from bulletin_desk.catalogue import Message
from bulletin_desk.cli.context import CliContext

MANDATORY_NOW = ("runtime", "imports", "qt", "codec")


def _ctx(lang: str) -> CliContext:
    from pathlib import Path

    return CliContext(archive_path=Path("unused.sqlite3"), archive_explicit=False, lang=lang,  # type: ignore[arg-type]
                      out=io.StringIO(), err=io.StringIO())


@pytest.mark.windows
def test_mandatory_checks_pass_here(qapp):
    checks = tuple((k, f) for k, f in selftest.CHECKS if k in MANDATORY_NOW)
    results = selftest.run_checks(["-platform", "offscreen"], checks=checks)
    assert [(r.key, r.outcome) for r in results] == [(k, selftest.Outcome.PASSED) for k in MANDATORY_NOW], [
        (r.key, r.detail.render("en")) for r in results]


def _boom(env: selftest.SelfTestEnv) -> Message:
    raise AssertionError("broken on purpose")


def _missing_room(env: selftest.SelfTestEnv) -> Message:
    selftest._require("bulletin_desk.no_such_room:thing", "no_such_room")
    raise AssertionError("unreachable")


def _fine(env: selftest.SelfTestEnv) -> Message:
    return Message("packaging.detail.error", {"error": "none"})


def test_every_check_is_mandatory_now():
    assert not selftest.PENDING_ALLOWED


def test_a_missing_room_is_pending_only_while_allowed(monkeypatch):
    monkeypatch.delenv(selftest.STRICT_ENV, raising=False)
    monkeypatch.setattr(selftest, "PENDING_ALLOWED", frozenset({"pdf"}))
    [allowed] = selftest.run_checks([], checks=(("pdf", _missing_room),))
    assert allowed.outcome is selftest.Outcome.PENDING and allowed.room == "no_such_room"
    [mandatory] = selftest.run_checks([], checks=(("codec", _missing_room),))
    assert mandatory.outcome is selftest.Outcome.FAILED
    monkeypatch.setenv(selftest.STRICT_ENV, "1")
    [strict] = selftest.run_checks([], checks=(("pdf", _missing_room),))
    assert strict.outcome is selftest.Outcome.FAILED


def test_an_existing_room_whose_entry_point_breaks_fails():
    def broken_inside(env: selftest.SelfTestEnv) -> Message:
        selftest._require("bulletin_desk.model:loads", "model")  # exists: not pending
        raise RuntimeError("the room exists but its check fails")

    [result] = selftest.run_checks([], checks=(("pdf", broken_inside),))
    assert result.outcome is selftest.Outcome.FAILED


@pytest.mark.parametrize(("lang", "ok", "fail", "pend"), [("zh", "[通过]", "[失败]", "[待定]"),
                                                          ("en", "[ OK ]", "[FAIL]", "[PEND]")])
def test_output_and_exit_code(monkeypatch, lang, ok, fail, pend):
    monkeypatch.delenv(selftest.STRICT_ENV, raising=False)
    monkeypatch.setattr(selftest, "PENDING_ALLOWED", frozenset({"pdf"}))
    monkeypatch.setattr(selftest, "CHECKS", (("runtime", _fine), ("pdf", _missing_room)))
    ctx = _ctx(lang)
    assert selftest.run_self_test(ctx, []) == 0
    out = ctx.out.getvalue()  # type: ignore[attr-defined]
    assert out.count("\n") == 4 and ok in out and pend in out and fail not in out
    monkeypatch.setattr(selftest, "CHECKS", (("runtime", _fine), ("codec", _boom)))
    ctx = _ctx(lang)
    assert selftest.run_self_test(ctx, []) == 1
    out = ctx.out.getvalue()  # type: ignore[attr-defined]
    assert fail in out and "broken on purpose" in out


def test_expected_texts_cover_titles_and_leads(reference_bdjson):
    from bulletin_desk.model import loads

    issue = loads(reference_bdjson.read_bytes())
    texts = selftest._expected_texts(issue)
    assert selftest._flat(issue.masthead.title) in texts
    assert len(texts) >= 1 + len(issue.sections) + sum(len(s.articles) for s in issue.sections)
    assert all(" " not in t for t in texts)


def test_every_check_has_a_name_in_both_languages():
    from bulletin_desk.catalogue import catalogue

    for key, _ in selftest.CHECKS:
        zh, en = catalogue()[f"packaging.check.{key}"]
        assert zh and en


def test_fake_bold_double_lines_are_read_once():
    extracted = "【栏目】\n海淀区新时代\n海淀区新时代\n\t\n高举旗帜\n高举旗帜\n正文"
    assert selftest._flat(selftest._without_repeated_lines(extracted)) == "【栏目】海淀区新时代高举旗帜正文"


def _rewrite_pdf(path, change) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in change(list(PdfReader(str(path)).pages)):
        writer.add_page(page)
    with open(path, "wb") as handle:
        writer.write(handle)


@pytest.mark.parametrize(("name", "change"), [
    ("a page added", lambda pages: [*pages, pages[-1]]),
    ("the last page dropped", lambda pages: pages[:-1]),
])
def test_pdf_check_wants_exactly_the_layout_engines_pages(qapp, tmp_path, reference_bdjson, monkeypatch, name,
                                                          change):
    """A PDF with a page more or less than the layout engine made fails, A4 and text notwithstanding (the
    check used to accept any PDF with at least one page)."""
    from bulletin_desk.layout import layout_issue, load_profile
    from bulletin_desk.model import loads
    from bulletin_desk.render import pdf

    issue = loads(reference_bdjson.read_bytes())
    laid_out = len(layout_issue(issue, load_profile()).pages)
    assert laid_out > 1
    env = selftest.SelfTestEnv(workdir=tmp_path, qt_args=[], issue=issue)
    assert selftest.check_pdf(env).params["pages"] == laid_out

    real_write_pdf = pdf.write_pdf

    def faulty_write_pdf(issue, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        written = real_write_pdf(issue, path, *args, **kwargs)
        _rewrite_pdf(written, change)
        return written

    monkeypatch.setattr(pdf, "write_pdf", faulty_write_pdf)
    with pytest.raises(AssertionError, match=f"the layout engine made {laid_out}"):
        selftest.check_pdf(selftest.SelfTestEnv(workdir=tmp_path / name, qt_args=[], issue=issue))
