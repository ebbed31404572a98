"""Bounded work per build, and the one place that reuses fpdf2's parsed fonts."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader

from tests.plan_factory import make_plan, message, plan_for, step
from wizard.models import GlanceRow
from wizard.pdf import MAX_PAGES, DocumentTooLong, fonts, render_pdf


def test_a_runaway_message_stops_at_the_page_ceiling():
    body = "One more line of an endless letter.\n" * 20_000
    started = time.perf_counter()
    with pytest.raises(DocumentTooLong) as raised:
        render_pdf(make_plan(message=message(body, "Long", kind="letter")))
    assert raised.value.max_pages == MAX_PAGES
    assert "endless" not in str(raised.value)  # the message names no user text
    assert time.perf_counter() - started < 30


def test_a_maximal_real_plan_stays_far_below_the_ceiling():
    # The answers contract's limits: names of 200 characters, a 20,000-character message,
    # ten key deadlines; everything else as long as the content makes it.
    name = "Harbour Street Renovation and Property Management Company Limited " * 3
    name = name[:200]
    prose = "We have worked together for a long time and I am grateful for it. " * 400
    body = "\n\n".join(prose[i : i + 600] for i in range(0, 20_000, 600))[:20_000]
    plan = make_plan()
    steps = plan.timeline + [
        step(f"deadline{i}", plan.timeline[0].date, f"Deadline {i}", name) for i in range(10)
    ]
    rows = [*plan.at_a_glance, GlanceRow(label="First step", value=name)]
    big = plan_for(
        name,
        prepared_line=f"Prepared for {name}",
        timeline=steps,
        at_a_glance=rows,
        message=message(body, name, kind="letter"),
    )
    pages = len(PdfReader(io.BytesIO(render_pdf(big))).pages)
    assert pages <= MAX_PAGES // 5, pages


def test_reused_fonts_give_the_same_bytes_as_fpdf2s_add_font(monkeypatch):
    plans = [make_plan(), plan_for("अर्जुन क्षत्रिय · 김민준 · สมชาย ใจดี")]
    reused = [render_pdf(plan) for plan in plans]
    monkeypatch.setattr(fonts, "REUSE_PARSED_FONTS", False)
    assert [render_pdf(plan) for plan in plans] == reused


def test_unknown_fpdf2_internals_fall_back_to_add_font(monkeypatch):
    typical = render_pdf(make_plan())
    monkeypatch.setattr(fonts, "_KNOWN_SLOTS", fonts._KNOWN_SLOTS | {"a_new_slot"})
    assert not fonts.can_reuse_parsed_fonts()
    assert render_pdf(make_plan()) == typical


def test_the_pinned_fpdf2_allows_the_reuse():
    # If this fails after an fpdf2 upgrade, the reuse is off (builds are slower but
    # correct): check TTFFont's new slots and update _KNOWN_SLOTS and _copy_parsed_font.
    assert fonts.can_reuse_parsed_fonts()
