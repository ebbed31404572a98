"""The accessibility review in a real Chromium (desktop 1366×900, phone 390×844, keyboard
only, what a screen reader is given): named checkbox groups, Edit buttons that say what they
edit, focus after "Start over", a heading outline without skips, 44 px disclosures on a
phone, nothing typed lost to a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.test_browser import (  # the browser tests' server and Chromium
    SHOTS,
    _page,
    _settle,
    _walk_answers,
    chromium,  # noqa: F401  (pytest fixtures: this module gets its own server and browser)
    pytestmark,  # noqa: F401  (browser tests: skipped without Chromium)
    server,  # noqa: F401
)


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"a11y-{name}.png"))


def _open_step(page, url: str, index: int) -> str:
    """The tab holds a complete set of answers at step `index` + 1; a reload opens it.
    Returns the step's heading."""
    from wizard.content import load_content

    steps = load_content().questions.steps
    kept = {**_walk_answers(), "step": index, "reached": index}
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
