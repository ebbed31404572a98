"""Issue 12 in a real Chromium: the "restored — discard?" notice goes once the user presses
Next, also when Next finds errors (focus goes to the error summary, with no notice above it)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.test_browser import (  # the browser tests' server and Chromium
    _page,
    _settle,
    _stored,
    _walk_answers,
    chromium,  # noqa: F401  (pytest fixtures: this module gets its own server and browser)
    pytestmark,  # noqa: F401  (browser tests: skipped without Chromium)
    server,  # noqa: F401
)
from tests.test_browser_a11y_review import _focus_is

STEPS = [
    "Partways",
    "Step 1 of 8: The situation",
    "Step 2 of 8: Pattern and remedies",
    "Step 3 of 8: The contract",
]


# --- the restored notice goes when Next finds errors ---------------------------------------


def test_next_with_errors_removes_the_restored_notice_and_focuses_the_error_summary(
    server,  # noqa: F811
    chromium,  # noqa: F811
):
    """The tab kept every answer but the notice period; a reload opens step 3 with the
    notice. Next: the error summary is the first thing under the heading, and has focus."""
    walk = _walk_answers()
    answers = {k: v for k, v in walk["answers"].items() if k != "notice_days"}
    kept = {**walk, "answers": answers, "unset": [*walk["unset"], "notice_days"], "step": 2,
            "reached": 2}  # fmt: skip
    page = _page(chromium)
    page.goto(server)
    _settle(page, STEPS[0])
    page.evaluate("d => sessionStorage.setItem('partways:answers', JSON.stringify(d))", kept)
    page.reload()
    _settle(page, STEPS[3])
    notice = page.locator(".st-key-restored")
    expect(notice).to_have_count(1)
    page.locator(".st-key-nav_next").get_by_role("button").click()
    summary = page.locator(".st-key-error_summary")
    summary.get_by_text("How many days' notice does it require?").wait_for()
    _focus_is(page, "el => el.closest('.st-key-error_summary') !== null")
    expect(notice).to_have_count(0)
    # The answers kept are the user's still: nothing was discarded.
    assert _stored(page)["answers"] == answers
    page.close()
