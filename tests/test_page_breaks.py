"""Where the PDF breaks its pages (issue 11, item 7): no lone last checklist item or lone
documentation-log row at the top of a page, no letter broken right after its greeting and
one line, no reflection question alone on the last page.

Each test pushes the element down the pages in small steps (one more reason in "Why this
way out" moves everything after it by a bullet's height, about a line), so that some step
puts it right at a page boundary, and reads each page's text back from the PDF.
"""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from tests.plan_factory import NOTICE, _item, make_plan
from wizard.models import ChecklistGroup, LogRow, Plan
from wizard.pdf import render_pdf

# Enough one-line steps to move any element through a whole page (about 45 lines).
STEPS = range(0, 46)

# The factory's letter: a greeting, then a paragraph of several lines.
GREETING = "Dear Marta,"


def _reasons(count: int) -> list[str]:
    return [
        f"Reason {i} that is long enough to fill most of a line of text here." for i in range(count)
    ]


def _log(rows: int, lines: int) -> list[LogRow]:
    """Rows whose "what" wraps to about `lines` lines in its column."""
    words = " and a little more said" * (3 * (lines - 1))
    return [
        LogRow(
            date=f"2026-10-{i + 1:02d}", channel="Email", what=f"Log entry {i}{words}.", who="Sam"
        )
        for i in range(rows)
    ]


def _checklist(long_items: bool) -> list[ChecklistGroup]:
    extra = " with a longer note that takes a second line of the checklist" if long_items else ""
    return [
        ChecklistGroup(
            phase="before_notice",
            title="Before you give notice",
            items=[
                _item(f"b{i}", f"Before item {i}{extra}.", NOTICE, "before_notice")
                for i in range(4)
            ],
        ),
        ChecklistGroup(
            phase="at_notice",
            title="On the day you give notice",
            items=[
                _item(f"a{i}", f"On-the-day item {i}{extra}.", NOTICE, "at_notice")
                for i in range(2)
            ],
        ),
        ChecklistGroup(
            phase="after_end",
            title="After the end date",
            items=[_item("e0", f"After item 0{extra}.", NOTICE, "after_end")],
        ),
    ]


VARIANTS = {
    "factory": {},
    "long items, long log": {"checklist": _checklist(True), "documentation_log": _log(5, 3)},
    "short items, short log": {"checklist": _checklist(False), "documentation_log": _log(7, 1)},
    "one log row": {"documentation_log": _log(1, 2)},
}


@cache
def _build(variant: str, step: int) -> tuple[Plan, tuple[tuple[str, ...], ...]]:
    plan = make_plan(reasons=_reasons(step), **VARIANTS[variant])
    return plan, tuple(_page_lines(plan, render_pdf(plan)))


def _page_lines(plan: Plan, data: bytes) -> list[tuple[str, ...]]:
    """Each page's text lines, without the running header and the footer."""
    pages = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        lines = [line for line in lines if line]
        if number and lines and lines[0].startswith(plan.running_header):
            lines = lines[1:]
        if lines and re.search(r"Page \d+ of \d+$", lines[-1]):
            lines = lines[:-1]
        pages.append(tuple(lines))
    return pages


def _page_of(pages, start: str) -> int:
    """The page with a line that holds `start` (a checklist line begins with its due date)."""
    found = [n for n, lines in enumerate(pages) if any(start in line for line in lines)]
    assert len(found) == 1, (start, found)
    return found[0]


def _sweep(variant: str):
    for step in STEPS:
        plan, pages = _build(variant, step)
        yield step, plan, pages


def _starts(text: str) -> str:
    return " ".join(text.split()[:3])


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_last_checklist_item_never_stands_alone_at_the_top_of_a_page(variant):
    boundaries = 0
    for step, plan, pages in _sweep(variant):
        for group in plan.checklist:
            last = _page_of(pages, _starts(group.items[-1].text))
            # With its heading or the item before it: something of its list is on its page.
            before = group.items[-2].text if len(group.items) > 1 else None
            company = _page_of(pages, _starts(before)) if before else _page_of(pages, group.title)
            assert company == last, (step, group.title, pages[last][:3])
            boundaries += _page_of(pages, group.title) != last
    # The sweep did put lists across page boundaries (else it proves nothing).
    assert boundaries or variant == "factory"


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_single_log_row_never_stands_alone_at_the_top_of_a_page(variant):
    for step, plan, pages in _sweep(variant):
        rows = plan.documentation_log
        last = _page_of(pages, rows[-1].date)
        if len(rows) > 1:
            assert _page_of(pages, rows[-2].date) == last, (step, pages[last][:4])
        else:
            assert _page_of(pages, plan.labels.log) == last, (step, pages[last][:4])


def test_a_letter_never_breaks_right_after_its_greeting_and_one_line():
    for step, _plan, pages in _sweep("factory"):
        page = _page_of(pages, GREETING)
        lines = pages[page]
        after = lines[lines.index(GREETING) + 1 :]
        # The paragraph after the greeting has several lines: at least two of them follow
        # the greeting on its page.
        assert len(after) >= 2, (step, lines[-3:])
        assert after[0].startswith("Thank you for the work"), (step, after[:2])


@pytest.mark.parametrize("variant", ["factory", "long items, long log"])
def test_a_reflection_question_is_never_alone_on_the_last_page(variant):
    for step, plan, pages in _sweep(variant):
        questions = plan.reflection
        last = _page_of(pages, f"{len(questions)}. {_starts(questions[-1])}")
        before = _page_of(pages, f"{len(questions) - 1}. {_starts(questions[-2])}")
        assert before == last, (step, pages[last][:3])


def test_the_sweep_reaches_every_page_boundary():
    """The steps move the letter's greeting and the last reflection question across page
    ends, so the tests above saw both sides of each boundary."""
    greeting_pages = {_page_of(_build("factory", s)[1], GREETING) for s in STEPS}
    assert len(greeting_pages) >= 2


def test_the_message_heading_never_stays_at_a_page_foot_without_its_draft():
    """Review 19: "Your message", its hint and "send on" at the foot of a page, the draft on
    the next. The heading's hint and the draft's greeting are on one page at every step."""
    for step, plan, pages in _sweep("factory"):
        hint = _page_of(pages, _starts(plan.labels.message_hint))
        assert hint == _page_of(pages, GREETING), (step, pages[hint][-4:])
