"""Issue 12 in a real Chromium: the "restored — discard?" notice goes once the user presses
Next, also when Next finds errors (focus goes to the error summary, with no notice above it);
the browser's Back and Forward, a return from the back-forward cache and a reload land on the
screen of the history entry with every answer, and add no entry."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.test_browser import (  # the browser tests' server and Chromium
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _page,
    _settle,
    _stored,
    _walk_answers,
    pytestmark,  # noqa: F401  (browser tests: skipped without Chromium)
    serve_app,
    server,  # noqa: F401  (a pytest fixture: this module gets its own server)
)
from tests.test_browser_a11y_review import _focus_is, _open_step

STEPS = [
    "Partways",
    "Step 1 of 8: The situation",
    "Step 2 of 8: Pattern and remedies",
    "Step 3 of 8: The contract",
]


# --- the restored notice goes when Next finds errors ---------------------------------------


def test_next_with_errors_removes_the_restored_notice_and_focuses_the_error_summary(
    server,  # noqa: F811
    chromium,
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


# --- Back, Forward, the back-forward cache and reloads ----------------------------------------

# Each pageshow's `persisted` (true: the page came back from the back-forward cache).
PAGESHOWS = """window.__pageshows = [];
window.addEventListener('pageshow', (e) => window.__pageshows.push(e.persisted));"""


@pytest.fixture(scope="module")
def forgetful_server():
    """A server that forgets a session as soon as its connection closes (Streamlit keeps one
    120 s by default): a page back from the cache after a longer absence meets a new
    session, which knows nothing but what the tab kept."""
    yield from serve_app("--server.disconnectedSessionTTL", "0")


@pytest.fixture(scope="module")
def chromium():
    """Chromium as people have it: with its back-forward cache (Playwright switches it off)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            ignore_default_args=["--disable-back-forward-cache"],
        )  # fmt: skip
        try:
            yield browser
        finally:
            browser.close()


def _entries(page) -> tuple[int, str]:
    return page.evaluate("() => [history.length, history.state && history.state.partways]")


def _to_step_3(page, url: str) -> dict:
    """Answers restored at step 1, then Back to the welcome screen, Start, and Next to step
    3, each screen an entry in the tab's history: (the answers kept)."""
    _open_step(page, url, 0)
    page.locator(".st-key-nav_back").get_by_role("button").click()
    _settle(page, STEPS[0])
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, STEPS[1])
    for number in (2, 3):
        page.locator(".st-key-nav_next").get_by_role("button").click()
        _settle(page, STEPS[number])
    return _stored(page)["answers"]


def _moves(page, moves: list[tuple[str, int]], entries: int, answers: dict) -> None:
    """Each move lands on its step, with focus on the heading, the same history and answers."""
    for move, number in moves:
        getattr(page, move)(wait_until="commit")  # a page from the cache fires no load
        _settle(page, STEPS[number])
        assert _entries(page) == [entries, f"step:{number - 1}"], (move, number)
    assert _stored(page)["answers"] == answers


@pytest.mark.parametrize("url", ["server", "forgetful_server"])
def test_leaving_and_coming_back_from_the_cache_keeps_the_screen_history_and_answers(
    request,
    chromium,
    url,
):
    """Step 3, another page, then Back: the page comes back from the cache, on step 3, and
    Back and Forward still walk the steps, also when the server forgot the session."""
    url = request.getfixturevalue(url)
    page = chromium.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.add_init_script(PAGESHOWS)
    answers = _to_step_3(page, url)
    entries = _entries(page)[0]
    page.goto("about:blank")
    page.go_back(wait_until="commit")
    _settle(page, STEPS[3])
    assert page.evaluate("() => window.__pageshows") == [False, True], "from the cache"
    _moves(page, [("go_back", 2), ("go_back", 1), ("go_forward", 2), ("go_forward", 3)],
           entries + 1, answers)  # fmt: skip
    # And Next still works on the page that came back.
    page.go_back(wait_until="commit")
    _settle(page, STEPS[2])
    page.locator(".st-key-nav_next").get_by_role("button").click()
    _settle(page, STEPS[3])
    assert _stored(page)["answers"] == answers
    page.close()


def test_a_reload_on_any_entry_shows_its_screen_and_keeps_the_entries_after_it(
    server,  # noqa: F811
    chromium,
):
    """Back to the welcome screen, then reload: the welcome screen again (with the answers
    kept), and Forward still goes to the steps; the same from a step's entry."""
    page = _page(chromium)
    answers = _to_step_3(page, server)
    entries = _entries(page)[0]
    for number in (2, 1, 0):
        page.go_back()
        _settle(page, STEPS[number])
    page.reload()
    _settle(page, STEPS[0])
    page.get_by_text("We restored the answers").wait_for()  # the tab has answered
    assert _entries(page) == [entries, "welcome"]
    _moves(page, [("go_forward", 1), ("go_forward", 2)], entries, answers)
    page.reload()
    _settle(page, STEPS[2])
    page.get_by_text("We restored the answers").wait_for()
    _moves(page, [("go_forward", 3), ("go_back", 2), ("go_back", 1)], entries, answers)
    page.close()


def test_two_quick_backs_keep_every_entry_and_land_on_the_second(
    server,  # noqa: F811
    chromium,
):
    """Back twice before the first Back's screen is drawn (a double press): the first answer
    arrives while the tab is already on the earlier entry. It must not rename that entry or
    add one (which cut off the entries ahead: Forward then left nothing to go to)."""
    page = _page(chromium)
    answers = _to_step_3(page, server)
    entries = _entries(page)[0]
    for _ in range(3):
        page.go_back(wait_until="commit")
        page.go_back(wait_until="commit")
        _settle(page, STEPS[1])
        assert _entries(page) == [entries, "step:0"]
        _moves(page, [("go_forward", 2), ("go_forward", 3)], entries, answers)
    page.close()
