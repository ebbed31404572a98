"""The PDF exit plan: content, hostile text, layout rules, metadata and determinism."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.plan_factory import make_plan, message, plan_for, step
from wizard.models import ConstraintNote, GlanceRow, LogRow
from wizard.pdf import render_pdf

LABELS = make_plan().labels
SECTIONS = [
    LABELS.glance,
    LABELS.facts,
    LABELS.why,
    LABELS.musts,
    LABELS.watch_out,
    LABELS.timeline,
    LABELS.checklist,
    LABELS.message,
    LABELS.log,
    LABELS.reflection,
]
INJECTIONS = [
    "**x** <script>alert(1)</script> ![t](http://example.com/p.png)",
    '<img src="/etc/passwd">',
    "[x](http://e.com)",
    "__u__",
    "a -- b",
    "{nb}",
]
SCENARIOS = sorted(
    path
    for path in (Path(__file__).parent / "scenarios").glob("*.yaml")
    if path.name != "expected.yaml"
)


def reader_for(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader_for(data).pages]


def flat(text: str) -> str:
    """Extracted text with every run of whitespace (line wraps included) as one space."""
    return " ".join(text.split())


def all_text(data: bytes) -> str:
    """The document's text without running headers and page numbers."""
    lines = []
    for text in page_texts(data):
        for line in text.splitlines():
            if line.startswith(("Partways · Exit plan for", "Private — not for the client")) or (
                re.fullmatch(r"Page \d+ of \d+", line.strip())
            ):
                continue
            lines.append(line)
    return flat("\n".join(lines))


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def typical() -> bytes:
    return render_pdf(make_plan())


# ----------------------------------------------------------------------------- content


def test_sections_names_and_dates_are_present(typical):
    text = all_text(typical)
    for section in SECTIONS + [LABELS.follow_up_script]:
        assert flat(section) in text
    assert "Exit plan for Marta Jensen (Harbour Street Ltd)" in text
    assert "Prepared for Sam Rivera · Friday 27 November 2026" in text
    assert "Tue 1 Dec 2026" in text  # notice date
    assert "Thu 31 Dec 2026" in text  # effective date
    assert "Subject: Ending our engagement on 31 December" in text
    assert "Re-read the termination clause and notice period." in text
    assert "Agreed the phase-two scope in writing." in text
    assert "Which boundary would you set in writing from the start next time?" in text
    assert "not legal, financial or professional advice" in text


def test_sections_come_in_order(typical):
    text = all_text(typical)
    positions = [text.index(flat(section)) for section in SECTIONS]
    assert positions == sorted(positions)


def test_glance_shows_the_plans_rows_in_order(typical):
    text = all_text(typical)
    rows = [flat(f"{row.label} {row.value}") for row in make_plan().at_a_glance]
    positions = [text.index(row) for row in rows]
    assert positions == sorted(positions)
    assert "First step" not in text  # the typical plan has no such row
    extra = GlanceRow(label="First step", value="Talk it through on Monday first.")
    with_step = make_plan(at_a_glance=[*make_plan().at_a_glance, extra])
    assert "First step Talk it through on Monday first." in all_text(render_pdf(with_step))


def test_message_keeps_its_line_breaks():
    body = "Dear Ann,\n\nFirst paragraph.\nSecond line.\n\nBest,\nSam"
    plan = make_plan(message=message(body, kind="talking_points"))
    text = "\n".join(page_texts(render_pdf(plan)))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = lines.index("Dear Ann,")
    assert lines[start : start + 5] == [
        "Dear Ann,",
        "First paragraph.",
        "Second line.",
        "Best,",
        "Sam",
    ]
    assert "Subject:" not in text


def test_no_follow_up_script_no_heading():
    text = all_text(render_pdf(make_plan(follow_up_script=None)))
    assert LABELS.follow_up_script not in text


def test_warnings_section_omitted_when_nothing_to_warn_about():
    data = render_pdf(make_plan(warnings=[], constraints=[]))
    assert LABELS.musts not in all_text(data)
    assert LABELS.musts not in outline_titles(reader_for(data))


def test_documentation_log_has_blank_rows_to_fill_in(typical):
    contents = b"".join(page.get_contents().get_data() for page in reader_for(typical).pages)
    # The "What" column is 65 mm (184.25 pt) wide; hand-fill rows are 11 mm (31.18 pt) tall,
    # between two and six of them, only as many as fit on the log's last page.
    blank = len(re.findall(rb" 184\.25 31\.18 re B", contents))
    assert 2 <= blank <= 6
    assert len(re.findall(rb" 184\.25 [\d.]+ re B", contents)) >= 1 + 2 + blank


def test_checklist_items_have_drawn_tick_boxes(typical):
    plan = make_plan()
    items = sum(len(group.items) for group in plan.checklist)
    boxes = 0
    for page in reader_for(typical).pages:
        content = page.get_contents().get_data()
        # Tick boxes are 3.6 mm squares: 10.20 pt on each side.
        boxes += len(re.findall(rb"10\.20 -10\.20 re S", content))
    assert boxes == items


# ----------------------------------------------------------------------------- metadata


def test_metadata_and_language(typical):
    reader = reader_for(typical)
    meta = reader.metadata
    plan = make_plan()
    assert meta.title == plan.title
    assert meta.author == plan.document_author
    assert meta.subject == plan.document_subject
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert meta.creation_date.date() == dt.date(2026, 11, 27)


def test_outline_lists_every_section(typical):
    titles = outline_titles(reader_for(typical))
    assert titles == [
        make_plan().title,
        LABELS.glance,
        LABELS.facts,
        LABELS.why,
        LABELS.musts,
        LABELS.watch_out,
        LABELS.timeline,
        LABELS.checklist,
        "Before you give notice",
        "On the day you give notice",
        "During the notice period",
        "After the end date",
        LABELS.message,
        LABELS.follow_up_script,
        LABELS.log,
        LABELS.reflection,
    ]


def test_page_numbers_say_n_of_total(typical):
    texts = page_texts(typical)
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text


def test_running_header_on_later_pages(typical):
    texts = page_texts(typical)
    assert "Partways · Exit plan for Marta Jensen" not in texts[0]
    for text in texts[1:]:
        assert "Partways · Exit plan for Marta Jensen (Harbour Street Ltd)" in text


# ----------------------------------------------------------------------------- determinism, size


def test_same_plan_same_bytes(typical):
    assert render_pdf(make_plan()) == typical
    when = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)
    assert render_pdf(make_plan(), creation_date=when) == typical


def test_creation_date_is_used():
    later = dt.datetime(2027, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    data = render_pdf(make_plan(), creation_date=later)
    assert reader_for(data).metadata.creation_date == later
    assert render_pdf(make_plan(), creation_date=later) == data


def test_typical_plan_is_small_and_cjk_font_only_when_needed(typical):
    assert len(typical) < 150_000
    assert b"DroidSans" not in typical
    cjk = render_pdf(make_plan(client_name="株式会社 山田"))
    assert b"DroidSans" in cjk
    assert len(cjk) < 150_000


# ----------------------------------------------------------------------------- hostile text


def test_injection_strings_appear_literally():
    joined = " ".join(INJECTIONS)
    plan = make_plan(
        client_name="Ann <b>Bold</b> **Strong**",
        summary=joined,
        reasons=[joined],
        title="Exit plan for Ann <b>Bold</b> **Strong**",
        timeline=[step("x", dt.date(2026, 12, 2), title="__u__", detail=joined)],
        message=message(joined, "[x](http://e.com)"),
        documentation_log=[LogRow(date="today", channel="<i>", what=joined, who="**me**")],
    )
    data = render_pdf(plan)
    text = all_text(data)
    assert "Exit plan for Ann <b>Bold</b> **Strong**" in text
    assert "Subject: [x](http://e.com)" in text
    for needle in INJECTIONS:
        assert text.count(needle) >= 5, needle
    reader = reader_for(data)
    for page in reader.pages:
        assert "/Annots" not in page  # no link was made from a URL-looking string
        assert "/XObject" not in page.get("/Resources", {})  # no image was loaded


def test_right_to_left_text_is_extracted_in_logical_order():
    plan = make_plan(
        title="Exit plan for שלום",
        reasons=["مرحبا بكم", "Mixed שלום and مرحبا"],
        message=message("مرحبا\nשלום עולם", "שלום"),
    )
    text = all_text(render_pdf(plan))
    assert "Exit plan for שלום" in text
    assert "مرحبا بكم" in text
    assert "שלום עולם" in text
    assert "םולש" not in text  # visual order would be reversed


def test_cjk_greek_cyrillic_and_symbols_render():
    summary = "日本語 你好世界 · Ωμέγα · Привет · café “quotes” – € 12,50"
    text = all_text(render_pdf(make_plan(summary=summary)))
    assert summary in text


def test_missing_glyphs_are_counted_in_one_line_without_the_characters(caplog):
    name = "Dana 🎉 Secret Client \ue000\ue001"
    with caplog.at_level(logging.DEBUG):
        data = render_pdf(plan_for(name))
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("wizard.pdf")]
    assert ours == ["Characters without a glyph in the bundled fonts: 3 (drawn as a box)"]
    assert "Dana \ufffd Secret Client" in all_text(data)


def test_fpdf_messages_lose_the_document_text():
    # fpdf2 quotes the characters it cannot draw (here as its output module does).
    record = logging.LogRecord(
        "fpdf.output",
        logging.WARNING,
        __file__,
        1,
        "Font %s is missing the following glyphs: %s",
        ("X", "'é' (\\xe9)"),
        None,
    )
    assert logging.getLogger("fpdf.output").filter(record)
    assert "é" not in record.getMessage()
    assert "xe9" not in record.getMessage()


def test_every_fpdf_and_fonttools_logger_withholds_document_text():
    from wizard.pdf.logs import WITHHOLD, library_loggers

    render_pdf(make_plan())
    loggers = library_loggers()
    assert {"fpdf", "fpdf.fpdf", "fpdf.output", "fpdf.fonts", "fpdf.bidi", "fontTools.subset"} <= {
        logger.name for logger in loggers
    }
    for logger in loggers:
        assert WITHHOLD in logger.filters, logger.name


def test_control_characters_are_stripped():
    plan = plan_for("Ann\x07\x00\x1b[0m Lee", summary="tab\there\r\nnext\x0bline\x7f\x85end")
    data = render_pdf(plan)
    raw = "\n".join(page_texts(data))
    for char in "\x07\x00\x1b\x0b\x7f\x85\r":
        assert char not in raw
    text = flat(raw)
    assert "Exit plan for Ann[0m Lee" in text
    assert "tab here" in text
    assert "nextline" in text


def test_surrogates_and_odd_code_points_do_not_raise():
    name = "Bad \ud800 pair \udfff end \uffff \U0010ffff \u202e RLO"
    data = render_pdf(plan_for(name, prepared_line="\ud83d"))
    assert "Bad \ufffd pair \ufffd end" in all_text(data)


def test_emoji_do_not_raise():
    data = render_pdf(plan_for("😀👍🏽👨‍👩‍👧 ❤️ ☕"))
    assert "Exit plan for" in all_text(data)


def test_very_long_words_wrap_inside_the_page():
    word = "Unbreakable" * 40
    data = render_pdf(make_plan(summary=word, reasons=[word]))
    squashed = "".join("\n".join(page_texts(data)).split())
    assert squashed.count(word) >= 2
    lines = "\n".join(page_texts(data)).splitlines()
    # A 440-character word cannot fit on one A4 line: it must have been broken up.
    assert all(word not in line for line in lines)


def test_twenty_thousand_character_message_adds_pages(typical):
    body = ("Every sentence of this long letter is kept. " * 500)[:20_000] + "THE END"
    plan = make_plan(message=message(body, "Long", kind="letter"))
    data = render_pdf(plan)
    assert len(reader_for(data).pages) >= len(reader_for(typical).pages) + 4
    assert "THE END" in all_text(data)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60))
def test_any_text_renders(text):
    data = render_pdf(
        make_plan(
            client_name=text,
            prepared_for=text,
            reasons=[text],
            title=text,
            message=message(text, text),
        )
    )
    assert data.startswith(b"%PDF-")
    assert len(reader_for(data).pages) >= 3


# ----------------------------------------------------------------------------- layout


def _page_of(texts: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(texts) if needle in text)


@pytest.mark.parametrize("filler", [0, 12, 18, 24, 30, 36, 42, 48])
def test_glance_box_is_never_split(filler):
    # Push the box down the first page in steps so that it meets the page end somewhere.
    summary = " ".join(["A sentence that takes up a line or so of the summary text."] * filler)
    texts = page_texts(render_pdf(make_plan(summary=summary)))
    assert _page_of(texts, "At a glance") == _page_of(texts, "Written notice")


@pytest.mark.parametrize("filler", [0, 6, 12, 18, 24, 30, 36, 42])
def test_headings_are_never_last_on_a_page(filler):
    reasons = [
        f"Reason number {i} that is long enough to fill most of a line of text."
        for i in range(filler)
    ]
    texts = page_texts(render_pdf(make_plan(reasons=reasons)))
    headings = set(SECTIONS) | {
        "Follow-up call script",
        "Before you give notice",
        "During the notice period",
        "After the end date",
    }
    for text in texts:
        lines = [
            line.strip()
            for line in text.splitlines()
            if line.strip()
            and not re.fullmatch(r"(Private — not for the client.*)?Page \d+ of \d+", line.strip())
            and not line.startswith("Private — not for the client")
        ]
        assert lines[-1] not in headings, lines[-3:]


def test_timeline_headings_repeat_on_every_page():
    steps = [
        step(
            f"s{i}",
            dt.date(2026, 12, 1) + dt.timedelta(days=i),
            title=f"Step {i}",
            detail="Something to do on this day. " * 4,
        )
        for i in range(40)
    ]
    texts = page_texts(render_pdf(make_plan(timeline=steps)))
    pages = [text for text in texts if re.search(r"Step \d+\b", text)]
    assert len(pages) >= 2
    for text in pages:
        assert re.search(r"Date\s+Step\s+Details", text)


def test_long_warning_renders_in_full():
    text = "Read the clause again. " * 300
    data = render_pdf(make_plan(constraints=[ConstraintNote(id="c", title="Long", text=text)]))
    assert flat(text) in all_text(data)


# ----------------------------------------------------------------------------- scenarios


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_scenario_plans_render(path):
    from wizard.answers import load_answers
    from wizard.content import load_content
    from wizard.plan import build_plan

    answers = load_answers(path.read_bytes())
    plan = build_plan(answers, load_content(), today=dt.date(2026, 1, 15))
    data = render_pdf(plan)
    text = all_text(data)
    labels = plan.labels
    for section in [
        labels.glance,
        labels.why,
        labels.timeline,
        labels.checklist,
        labels.message,
        labels.log,
    ]:
        assert flat(section) in text
    assert flat(plan.title) in text
    for row in plan.at_a_glance:
        assert flat(f"{row.label} {row.value}") in text
    for timeline_step in plan.timeline:
        assert timeline_step.date_text in text
    for note in plan.constraints:
        assert flat(note.title) in text
    assert len(data) < 150_000


def test_glance_taller_than_a_page_still_renders_in_full():
    long_step = "Wait for the right moment and keep notes. " * 120
    plan = make_plan()
    rows = [
        *plan.at_a_glance[:2],
        GlanceRow(label="First step", value=long_step),
        *plan.at_a_glance[2:],
    ]
    text = all_text(render_pdf(make_plan(at_a_glance=rows)))
    assert flat(long_step) in text
    assert "Written notice Yes" in text
