"""PDF, Word and calendar copies of every scenario's plan say the same thing as the Plan."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar
from pypdf import PdfReader

from tests.cli_runner import run_wizard
from tests.plan_factory import make_plan
from wizard.answers import Answers, load_answers
from wizard.content import load_content
from wizard.context import money
from wizard.engine import decide
from wizard.exports.calendar_file import render_ics
from wizard.exports.word import render_docx
from wizard.pdf import render_pdf
from wizard.plan import build_plan, file_stem

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))
SCENARIOS = [path for path in SCENARIOS if path.name != "expected.yaml"]
TODAY = dt.date(2026, 11, 20)
CONTENT = load_content()


def _plan(path: Path):
    return build_plan(load_answers(path.read_bytes()), CONTENT, today=TODAY)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def _paragraph_starts(body: str) -> list[str]:
    """The first words of each paragraph: enough to find it however a page wraps it."""
    starts = []
    for block in body.split("\n\n"):
        words = block.split()
        if words:
            starts.append(" ".join(words[:6]))
    return starts


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_pdf_docx_and_ics_agree_with_the_plan(path):
    plan = _plan(path)
    rec = plan.recommendation
    dates = {row.value for row in plan.at_a_glance} & {step.date_text for step in plan.timeline}
    pdf, docx = _flat(pdf_text(render_pdf(plan))), _flat(docx_text(render_docx(plan)))
    for text in (pdf, docx):
        assert _flat(plan.strategy_label) in text
        for date in dates:
            assert date in text
        for draft in plan.messages:
            for start in _paragraph_starts(draft.body):
                assert _flat(start) in text, start
    # The notice and end dates, as the timeline words them, are events in the calendar.
    cal = Calendar.from_ical(render_ics(plan))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.timeline)
    days = sorted(event.decoded("dtstart") for event in events)
    assert days == sorted(step.date for step in plan.timeline)
    # A refusal of an improper request plans no notice (engine: notice_follows).
    if decide(load_answers(path.read_bytes()), CONTENT, today=TODAY).facts["notice_follows"]:
        assert rec.notice_date in days
    assert all(event.walk("VALARM") for event in events)
    assert len({str(event["uid"]) for event in events}) == len(events)


def test_calendar_uids_stay_the_same_when_the_dates_move():
    answers = load_answers((SCENARIOS[0]).read_bytes())
    first = build_plan(answers, CONTENT, today=TODAY)
    later = build_plan(
        answers.model_copy(update={"notice_date": dt.date(2027, 1, 11)}), CONTENT, today=TODAY
    )
    assert first.recommendation.notice_date != later.recommendation.notice_date

    def uids(plan):
        cal = Calendar.from_ical(render_ics(plan))
        return {str(e["summary"]): str(e["uid"]) for e in cal.walk("VEVENT")}

    # A step may come or go with the dates (a deadline that now falls before the notice):
    # every step in both plans keeps its uid.
    before, after = uids(first), uids(later)
    common = before.keys() & after.keys()
    assert len(common) >= 8
    assert {step: before[step] for step in common} == {step: after[step] for step in common}


def test_word_file_has_real_heading_and_list_styles_and_a_section_per_message():
    plan = _plan(Path(__file__).parent / "scenarios" / "therapist_uneasy_dependent_four_years.yaml")
    doc = Document(io.BytesIO(render_docx(plan)))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    assert len(plan.messages) == 2
    assert len(doc.sections) >= 1 + len(plan.messages)
    # The private mark is on the plan's pages, not on the letters meant for the client.
    assert plan.labels.private_mark in doc.sections[0].header.paragraphs[0].text
    assert not doc.sections[1].header.paragraphs[0].text


HOSTILE = [
    "<b>Ac&me</b> {{ 7*7 }} {% if %} **bold** ]]></x> \\n",
    "Zoë Łukasiewicz-Ødegård",
    "株式会社 北風",
    "شركة الريح",
    "Tab\there; line\nbreak",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_and_international_names_stay_literal_in_word_and_calendar(name):
    plan = make_plan(client_name=name, title=f"Exit plan for {name}")
    words = docx_text(render_docx(plan))
    assert _flat(name) in _flat(words)
    cal = Calendar.from_ical(render_ics(plan))
    # One line in a calendar name; every other character exactly as typed.
    assert str(cal["x-wr-calname"]) == f"Exit plan for {name}".replace("\n", " ")


def test_control_characters_do_not_break_the_word_file():
    plan = make_plan(client_name="bell\x07null\x00 ok", title="Exit plan for bell\x07 ok")
    doc = Document(io.BytesIO(render_docx(plan)))
    assert doc.paragraphs[0].text == "Exit plan for bell ok"


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (1250.5, "USD", "$1,250.50"),
        (1250.5, "GBP", "£1,250.50"),
        (1250.5, "EUR", "€1,250.50"),
        (250000, "JPY", "¥250,000"),
        (1250.5, "CHF", "CHF\u00a01,250.50"),
        (99.999, "XYZ", "XYZ\u00a0100.00"),
    ],
)
def test_money_is_written_as_the_currency_writes_it(amount, currency, expected):
    assert money(amount, currency) == expected


@pytest.mark.parametrize(
    ("currency", "jurisdiction", "expected"),
    [
        ("CAD", "CA-ON", "$5,400.00"),  # a Canadian client reads its own dollar as "$"
        ("USD", "CA", "US$5,400.00"),  # and the US dollar marked as such
        ("CAD", "US", "CA$5,400.00"),
        ("AUD", "AU-NSW", "$5,400.00"),
        ("NZD", "NZ", "$5,400.00"),
        ("EUR", "CA", "€5,400.00"),
        ("USD", "", "$5,400.00"),
    ],
)
def test_a_home_dollar_is_written_as_people_there_write_it(currency, jurisdiction, expected):
    assert money(5400, currency, jurisdiction) == expected


def test_a_canadian_letter_writes_canadian_dollars_plainly():
    plan = build_plan(
        Answers(jurisdiction="CA-ON", currency="CAD", outstanding_balance=5400,
                signals=["payment_problems"], remedies_tried=["written_warning"]),
        CONTENT, today=TODAY,
    )  # fmt: skip
    assert "$5,400.00" in plan.message.body and "CA$" not in plan.message.body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Northwind", "exit-plan-northwind-2026-12-01"),
        ("Zoë & Sons, Ltd.", "exit-plan-zoe-sons-ltd-2026-12-01"),
        ("株式会社", "exit-plan-2026-12-01"),
        ("../../etc/passwd", "exit-plan-etc-passwd-2026-12-01"),
        ("", "exit-plan-2026-12-01"),
        ("x" * 200, "exit-plan-" + "x" * 40 + "-2026-12-01"),
    ],
)
def test_download_names_are_safe_for_any_client_name(name, expected):
    assert file_stem("exit-plan", name, dt.date(2026, 12, 1)) == expected


def test_plan_carries_its_download_name():
    answers = Answers(client_name="Northwind", notice_date=dt.date(2026, 12, 1))
    plan = build_plan(answers, CONTENT, today=dt.date(2026, 11, 20))
    assert plan.file_stem == f"exit-plan-northwind-{plan.recommendation.notice_date}"


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".ics"])
def test_cli_writes_by_extension(tmp_path, suffix):
    out = tmp_path / f"plan{suffix}"
    result = run_wizard("plan", str(SCENARIOS[0]), "-o", str(out), "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith({".pdf": b"%PDF", ".docx": b"PK", ".ics": b"BEGIN:VCALENDAR"}[suffix])


@pytest.mark.parametrize("name", ["plan.txt", "plan", ".pdf", "plan.pdf.exe"])
def test_cli_refuses_other_output_names_with_one_line(tmp_path, name):
    result = run_wizard("plan", str(SCENARIOS[0]), "-o", str(tmp_path / name))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and ".pdf, .docx or .ics" in result.stderr
    assert not (tmp_path / name).exists()


def test_cli_json_prints_the_whole_plan():
    import json

    result = run_wizard("plan", str(SCENARIOS[0]), "--json", "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    plan = _plan(SCENARIOS[0])
    assert data["message"]["body"] == plan.message.body
    assert data["file_stem"] == plan.file_stem and data["timeline"]
