"""Issue 9, finding 1: one visitor cannot monopolise the server through a document. The
contract's limits bound every input, and the largest legal answers file still builds each
document, well inside the PDF's page ceiling. How long that takes is a figure of
`make bench` (bench/pdf_bench.py), not a timed unit test."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from wizard.answers import (
    BREACH_SUMMARY_MAX_CHARS,
    DEADLINE_WHAT_MAX_CHARS,
    DEADLINES_MAX,
    MESSAGE_MAX_CHARS,
    NAME_MAX_CHARS,
    AnswersError,
    dump_answers,
    load_answers,
)
from wizard.content import load_content
from wizard.examples import example_answers
from wizard.exports.calendar_file import render_ics
from wizard.exports.word import render_docx
from wizard.pdf import MAX_PAGES, render_pdf
from wizard.plan import build_plan

# Words of the world's scripts, so shaping and every fallback font are exercised too.
WORDS = "Northwind 김민준 देवनागरी தமிழ் ไทย ሰላም ශ්‍රී ខ្មែរ 李雷 محمد "


def _fill(limit: int) -> str:
    return (WORDS * (limit // len(WORDS) + 1))[:limit].strip()


def maximal_answers():
    names = {
        field: _fill(NAME_MAX_CHARS)
        for field in ("your_name", "your_business", "client_name", "client_contact")
    }
    # A long message in paragraphs, as a person would write one.
    paragraph = _fill(600) + "\n\n"
    message = (paragraph * (MESSAGE_MAX_CHARS // len(paragraph) + 1))[:MESSAGE_MAX_CHARS]
    deadlines = [
        {
            "date": dt.date(2026, 12, 2) + dt.timedelta(days=3 * i),
            "what": _fill(DEADLINE_WHAT_MAX_CHARS),
        }
        for i in range(DEADLINES_MAX)
    ]
    answers = example_answers("lawyer_court_money").model_copy(
        update={
            **names,
            "message_override": message,
            "breach_summary": _fill(BREACH_SUMMARY_MAX_CHARS),
        }
    )
    data = answers.model_dump()
    data["key_deadlines"] = deadlines
    return load_answers(dump_answers(type(answers).model_validate(data)))


def test_the_largest_legal_file_builds_every_document():
    answers = maximal_answers()
    plan = build_plan(answers, load_content(), today=dt.date(2026, 11, 22))
    assert plan.message.body == answers.message_override
    pdf = render_pdf(plan)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 5 < len(pages) <= MAX_PAGES // 3
    assert render_docx(plan).startswith(b"PK")
    assert render_ics(plan).startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("length", [NAME_MAX_CHARS + 1, 300_000])
def test_an_over_long_name_is_refused_before_any_work(length):
    text = f"schema_version: 1\nanswers:\n  client_name: '{'x' * length}'\n"
    with pytest.raises(AnswersError, match="at most 200 characters"):
        load_answers(text)
