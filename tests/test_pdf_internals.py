"""The renderer's shortcuts through fpdf2's private classes (wizard/pdf/internals.py) keep
the page: the line-width memo and whole runs give the same bytes as fpdf2 alone, and
shaping per run draws the same text in the same order."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from fpdf import line_break
from pypdf import PdfReader

from tests.plan_factory import make_plan, message, plan_for
from wizard.answers import load_answers
from wizard.content import load_content
from wizard.pdf import internals, render_pdf
from wizard.pdf.layout import PlanLayout
from wizard.plan import build_plan

SCENARIOS = Path(__file__).parent / "scenarios"
MIXED = (
    "Dear अर्जुन क्षत्रिय,\n\nThank you, Wafer Ave. สมชาย ใจดี and கார்த்திக் with 김민준 "
    "and ሰላም. Arabic محمد بن سلمان and Hebrew שלום עליכם in one line.\n\n"
    "مرحبا Northwind، شكرا لك على العمل 2026 معا. A paragraph that opens right to left.\n\n"
    + "Northwind देवनागरी தமிழ் ไทย ශ්‍රී ខ្មែរ محمد "
    * 40
)


def _scenario_plan(name: str):
    answers = load_answers((SCENARIOS / name).read_bytes())
    return build_plan(answers, load_content(), today=dt.date(2026, 11, 21))


def _latin_plans():
    return [make_plan(), _scenario_plan("domains_hosting_held.yaml")]


def _shaped_plans():
    return [
        plan_for("अर्जुन क्षत्रिय", message=message(MIXED, "अर्जुन")),
        plan_for("محمد بن سلمان", summary="مرحبا Northwind، شكرا", reasons=[MIXED[:300]]),
    ]


def _pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def all_on(monkeypatch):
    # render_pdf installs the width as the switches say, so each build follows them.
    for switch in ("LINE_WIDTH_MEMO", "WHOLE_RUNS", "SHAPE_PER_RUN"):
        monkeypatch.setattr(internals, switch, True)
    return monkeypatch


def test_the_pinned_fpdf2_allows_the_shortcuts():
    assert internals.available()


def test_the_width_shortcuts_give_fpdf2s_bytes(all_on):
    plans = _latin_plans() + _shaped_plans()
    fast = [render_pdf(plan) for plan in plans]
    all_on.setattr(internals, "LINE_WIDTH_MEMO", False)
    plain = [render_pdf(plan) for plan in plans]
    assert line_break.CurrentLine.__dict__["width"] is internals._ORIGINAL_WIDTH
    assert line_break.Fragment.get_character_width is internals._ORIGINAL_CHARACTER_WIDTH
    assert fast == plain


def test_whole_runs_give_fpdf2s_bytes_for_latin_plans(all_on):
    plans = _latin_plans()
    fast = [render_pdf(plan) for plan in plans]
    all_on.setattr(internals, "WHOLE_RUNS", False)
    assert [render_pdf(plan) for plan in plans] == fast


def test_shaping_per_run_draws_the_same_text_in_the_same_order(all_on):
    plans = _shaped_plans()
    per_run = [_pages_text(render_pdf(plan)) for plan in plans]
    all_on.setattr(internals, "SHAPE_PER_RUN", False)
    whole = [_pages_text(render_pdf(plan)) for plan in plans]
    # Latin runs lose HarfBuzz's kerning, so a line may break a word earlier or later:
    # the words and their order are what must not change.
    assert [" ".join(" ".join(p).split()) for p in per_run] == [
        " ".join(" ".join(p).split()) for p in whole
    ]


def _fragments(text: str) -> list[tuple[str, bool]]:
    layout = PlanLayout(plan_for(text), _created())
    pdf = layout.pdf
    layout.font()
    pdf._shape_for(text)
    frags = pdf._preload_bidirectional_text(text, False)
    return [("".join(f.characters), bool(f.graphics_state.text_shaping)) for f in frags]


def _created():
    return dt.datetime(2026, 11, 27, tzinfo=dt.UTC)


def test_only_the_runs_that_need_shaping_are_shaped(all_on):
    runs = _fragments("Wafer अर्जुन 김민준 ไทย end")
    shaped = {text.strip() for text, on in runs if on}
    plain = {text.strip() for text, on in runs if not on} - {""}
    assert shaped == {"अर्जुन", "ไทย"}
    assert {"Wafer", "김민준", "end"} <= plain


def test_a_right_to_left_paragraph_stays_shaped_whole(all_on):
    runs = _fragments("مرحبا Northwind شكرا")
    assert all(on for _, on in runs)


def test_unknown_fpdf2_turns_the_shortcuts_off(all_on):
    typical = render_pdf(make_plan())
    all_on.setattr(internals, "_AVAILABLE", False)
    assert not internals.whole_runs() and not internals.shape_per_run()
    assert render_pdf(make_plan()) == typical
    assert line_break.CurrentLine.__dict__["width"] is internals._ORIGINAL_WIDTH
