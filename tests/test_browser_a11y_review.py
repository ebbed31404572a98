"""The accessibility review in a real Chromium (desktop 1366×900, phone 390×844, keyboard
only, what a screen reader is given): named checkbox groups, Edit buttons that say what they
edit, focus after "Start over", a heading outline without skips, 44 px disclosures on a
phone, nothing typed lost to a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_browser import (  # the browser tests' server and Chromium
    PHONE,
    SHOTS,
    TIMEOUT_MS,
    _page,
    _settle,
    _stored,
    _walk_answers,
    chromium,  # noqa: F401  (pytest fixtures: this module gets its own server and browser)
    pytestmark,  # noqa: F401  (browser tests: skipped without Chromium)
    server,  # noqa: F401
)
from tests.test_browser_message import _idle
from tests.test_browser_review7 import _example_result

THERAPIST = "A therapist whose client has become threatening"


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"a11y-{name}.png"))


def _phone(browser):
    """A touch screen 390 px wide: (its context, a page)."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def _open_step(page, url: str, index: int, **changes) -> str:
    """The tab holds a complete set of answers (with these changes) at step `index` + 1; a
    reload opens it. Returns the step's heading."""
    from wizard.content import load_content

    steps = load_content().questions.steps
    walk = _walk_answers()
    answers = {**walk["answers"], **changes}
    kept = {**walk, "answers": answers, "step": index, "reached": index}
    page.goto(url)
    _settle(page, "Partways")
    page.evaluate("d => sessionStorage.setItem('partways:answers', JSON.stringify(d))", kept)
    page.reload()
    heading = f"Step {index + 1} of {len(steps)}: {steps[index].title}"
    _settle(page, heading)
    return heading


# --- 1: a group of checkboxes is named by its question --------------------------------------


def _multi_questions() -> list[tuple[int, object]]:
    from wizard.content import load_content

    steps = load_content().questions.steps
    return [(i, q) for i, s in enumerate(steps) for q in s.questions if q.type == "multi"]


@pytest.mark.parametrize(("index", "q"), _multi_questions(), ids=lambda v: getattr(v, "id", ""))
def test_each_group_of_checkboxes_is_a_group_named_by_its_question(
    server,  # noqa: F811
    chromium,  # noqa: F811
    index,
    q,
):
    page = _page(chromium)
    _open_step(page, server, index)
    group = page.get_by_role("group", name=q.label, exact=True)
    # Every option is in the group (waiting while the step is still being drawn).
    expect(group.get_by_role("checkbox")).to_have_count(len(q.options))
    page.close()


# --- 2: each Edit button on review says what it edits ---------------------------------------


def test_each_edit_button_on_review_is_named_by_the_step_it_edits(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    from wizard.content import load_content

    titles = [step.title for step in load_content().questions.steps]
    page = _page(chromium)
    _open_step(page, server, len(titles) - 1)
    page.locator(".st-key-nav_next").get_by_role("button").click()  # "Review answers"
    _settle(page, "Check your answers")
    for title in titles:
        page.get_by_role("button", name=f"Edit “{title}”", exact=True).wait_for()
    assert page.get_by_role("button", name="Edit", exact=True).count() == 0
    page.get_by_role("button", name=f"Edit “{titles[2]}”", exact=True).click()
    _settle(page, f"Step 3 of {len(titles)}: {titles[2]}")
    page.close()


# --- 3: focus after "Start over" and after discarding restored answers ----------------------


def _focus_is(page, js_test: str) -> None:
    """Wait until the focused element passes `js_test` (a function of the element)."""
    page.wait_for_function(f"() => ({js_test})(document.activeElement)")


def _press(page, locator) -> None:
    """Keyboard only: focus a button and press Enter."""
    locator.focus()
    page.keyboard.press("Enter")


def test_start_over_confirmed_on_the_welcome_screen_focuses_its_heading(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    """Back to the first page after some steps, then Start over: the page stays the welcome
    screen, and focus must not be left on the body where the pressed button was."""
    page = _page(chromium)
    _open_step(page, server, 2)
    for _ in range(3):
        page.get_by_role("button", name="Back").click()
        page.wait_for_function("() => document.activeElement.tagName === 'H1'")
    _settle(page, "Partways")
    sidebar = page.get_by_test_id("stSidebar")
    _press(page, sidebar.get_by_role("button", name="Start over"))
    # The question is asked where the button was, and focus goes to it (not the body).
    _focus_is(page, "el => el.closest('.st-key-confirm_sidebar') !== null")
    assert "Clear every answer" in page.evaluate("() => document.activeElement.innerText")
    _press(page, sidebar.get_by_role("button", name="Keep my answers"))
    _focus_is(page, "el => el.closest('.st-key-reset') && el.tagName === 'BUTTON'")
    _press(page, sidebar.get_by_role("button", name="Start over"))
    _press(page, sidebar.get_by_role("button", name="Yes, clear"))
    _focus_is(page, "el => el.tagName === 'H1' && el.innerText.trim() === 'Partways'")
    page.wait_for_function("() => sessionStorage.getItem('partways:answers') === null")
    page.close()


def test_discarding_restored_answers_asks_with_focus_then_focuses_the_welcome_heading(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    page = _page(chromium)
    _open_step(page, server, 0)
    _press(page, page.get_by_role("button", name="Discard them and start again"))
    _focus_is(page, "el => el.closest('.st-key-confirm_restored') !== null")
    _press(page, page.get_by_role("button", name="Keep my answers"))
    _focus_is(page, "el => el.closest('.st-key-restore_discard') && el.tagName === 'BUTTON'")
    _press(page, page.get_by_role("button", name="Discard them and start again"))
    _press(page, page.locator(".st-key-restore_discard_yes").get_by_role("button"))
    _focus_is(page, "el => el.tagName === 'H1' && el.innerText.trim() === 'Partways'")
    page.close()


# --- 4: the heading outline goes h1 -> h2 -> h3 without a skip --------------------------------

LEVELS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))"""


def _outline_skips(page) -> list[str]:
    """Each heading that goes more than one level below the one before it."""
    _idle(page)
    levels = page.evaluate(LEVELS_JS)
    skips = [f"h{a} -> h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return [f"{len(levels)} headings, {levels.count(1)} h1", *skips]


def test_no_screen_skips_a_heading_level(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    page = _page(chromium)
    found: dict[str, list[str]] = {}
    page.goto(server)
    _settle(page, "Partways")
    found["welcome"] = _outline_skips(page)
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, "Step 1 of 8: The situation")
    page.locator(".st-key-q_safety_concern").get_by_text("Yes", exact=True).click()
    page.locator(".st-key-safety_panel").wait_for()
    found["step"] = _outline_skips(page)
    page.locator(".st-key-nav_next").get_by_role("button").click()
    page.locator(".st-key-error_summary").wait_for()  # nothing else is answered
    found["step with errors"] = _outline_skips(page)
    _example_result(page, server, THERAPIST)
    found["result"] = _outline_skips(page)
    page.get_by_role("button", name="Change my answers").click()
    _settle(page, "Check your answers")
    found["review"] = _outline_skips(page)
    page.close()
    counts = {name: found[name][0].split(", ")[1] for name in found}
    assert counts == {name: "1 h1" for name in found}
    assert {name: found[name][1:] for name in found} == {name: [] for name in found}


# --- 5: on a phone, every disclosure is a 44 px tap target ----------------------------------

SUMMARIES_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] summary')]
    .map(s => Math.round(s.getBoundingClientRect().height))"""


def test_on_a_phone_every_disclosure_is_at_least_44_px_high(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    context, page = _phone(chromium)
    _open_step(page, server, 0)  # "why we ask" under every question
    _idle(page)
    on_step = page.evaluate(SUMMARIES_JS)
    _shot(page, "disclosures-phone")
    _example_result(page, server, THERAPIST)
    on_result = page.evaluate(SUMMARIES_JS)  # the plan's sections
    context.close()
    assert len(on_step) >= 4 and len(on_result) >= 4, (on_step, on_result)
    assert min(on_step + on_result) >= 44, (on_step, on_result)


# --- 6: what was typed survives a reload at once ---------------------------------------------


@pytest.mark.parametrize(
    ("index", "qid", "role", "typed"),
    [
        (7, "client_name", "textbox", "Zephyr Quarry Ltd"),  # a text box (commits live)
        (4, "key_deadlines", "textbox", "2027-03-01 Board meeting"),  # a text area (on blur)
    ],
)
def test_text_typed_just_before_a_reload_comes_back(
    server,  # noqa: F811
    chromium,  # noqa: F811
    index,
    qid,
    role,
    typed,
):
    from wizard.content import load_content

    label = load_content().question_by_id[qid].label
    page = _page(chromium)
    heading = _open_step(page, server, index)
    box = page.get_by_role(role, name=label)
    box.click()
    box.press("Control+A")
    page.keyboard.type(typed, delay=10)
    page.reload()  # at once: no pause, no leaving the box
    _settle(page, heading)
    page.get_by_text("We restored the answers").wait_for()
    page.wait_for_function(
        "([qid, t]) => { const f = document.querySelector(`.st-key-q_${qid} input,"
        " .st-key-q_${qid} textarea`); return f && f.value === t; }",
        arg=[qid, typed],
    )
    page.close()


# --- 10: the browser's Back and Forward move between the wizard's screens -------------------


def test_browser_back_and_forward_move_between_screens_and_keep_the_answers(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    from wizard.content import load_content

    steps = load_content().questions.steps

    def heading(number: int) -> str:
        return f"Step {number} of {len(steps)}: {steps[number - 1].title}"

    page = _page(chromium)
    _open_step(page, server, 0)  # a complete set of answers, restored at step 1
    page.locator(".st-key-nav_back").get_by_role("button").click()
    _settle(page, "Partways")
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, heading(1))
    for number in (2, 3):
        page.locator(".st-key-nav_next").get_by_role("button").click()
        _settle(page, heading(number))
    before = _stored(page)["answers"]
    moves = [
        (page.go_back, heading(2)), (page.go_back, heading(1)), (page.go_forward, heading(2)),
        (page.go_back, heading(1)), (page.go_back, "Partways"), (page.go_forward, heading(1)),
        (page.go_forward, heading(2)),
    ]  # fmt: skip
    for move, then in moves:
        move()
        _settle(page, then)  # the screen, with focus on its heading
    assert _stored(page)["answers"] == before, "moving through history changes no answer"
    # A reload adds no entry: Back still goes to the step before.
    page.reload()
    _settle(page, heading(2))
    page.go_back()
    _settle(page, heading(1))
    # Start over, then Back: a step not reached any more is not shown (the entry is renamed
    # as the first page, where focus stays).
    page.locator(".st-key-nav_next").get_by_role("button").click()
    _settle(page, heading(2))
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="Start over").click()
    sidebar.get_by_role("button", name="Yes, clear").click()
    _settle(page, "Partways")
    page.go_back()
    page.wait_for_function("() => history.state && history.state.partways === 'welcome'")
    _settle(page, "Partways")
    page.close()


def test_once_unsafe_the_wizard_adds_no_history_entries_for_the_quick_exit_to_leave_behind(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    """Someone who said they feel unsafe may need the quick exit: the tab's Back list must
    not keep a trail of the wizard's screens (each with its title) behind the neutral page."""
    page = _page(chromium)
    _open_step(page, server, 0, safety_concern=True)
    page.locator(".st-key-safety_panel").wait_for()
    entries = page.evaluate("() => history.length")
    page.locator(".st-key-nav_next").get_by_role("button").click()
    _settle(page, "Step 2 of 8: Pattern and remedies")
    page.locator(".st-key-nav_next").get_by_role("button").click()
    _settle(page, "Step 3 of 8: The contract")
    page.wait_for_function("() => history.state && history.state.partways === 'step:2'")
    assert page.evaluate("() => history.length") == entries
    page.close()
