"""Answers survive a busy server (issue 9, item 6).

Streamlit keeps at most 128 disconnected sessions (MemorySessionStorage). A visitor whose
connection drops while 150 other sessions open and close is evicted: when the tab reconnects
the server starts a new, empty session. The tab's own sessionStorage (tab.js) must bring
every answer back, with the "restored" notice, and the visitor carries on.

The page's websocket is dropped for real: `set_offline` alone leaves an open websocket
untouched in Chromium, so the page's own socket is closed as well (captured by an init
script), while offline mode keeps the frontend's reconnect attempts from reaching the server.
The server's session counters (/_stcore/metrics, read directly from the process) show each
step: the drop, a resume when nothing evicted the session, and a new session after the churn.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_browser import (  # the browser tests' server and Chromium
    CHROMIUM,
    DESKTOP,
    STORAGE_KEY,
    TIMEOUT_MS,
    _settle,
    _stored,
    choose_country,
    chromium,  # noqa: F401  (pytest fixtures: this module gets its own server and browser)
    server,  # noqa: F401
)

CHURN = 150  # more than Streamlit's 128 disconnected sessions
AT_ONCE = 16
CHURN_SECONDS = 40
NOTICE = "We restored the answers"
STEP1 = "Step 1 of 8: The situation"
STEP2 = "Step 2 of 8: Pattern and remedies"
STEP3 = "Step 3 of 8: The contract"
STEP4 = "Step 4 of 8: Money and work in progress"
QUESTIONS = '[data-testid="stMain"] [class*="st-key-q_"]'
# Keeps a reference to every websocket the page opens, so the test can close it.
KEEP_SOCKETS = """(() => {
  const Native = window.WebSocket;
  window.__partwaysSockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__partwaysSockets.push(this); }
  };
})();"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def _sessions(url: str) -> dict[str, int]:
    """The server's own session counters: connect, reconnect, disconnect and active."""
    query = "families=session_events&families=active_sessions"
    with urllib.request.urlopen(f"{url}/_stcore/metrics?{query}", timeout=5) as response:
        text = response.read().decode()
    found = {
        m[0]: int(m[1]) for m in re.findall(r'session_events_total\{type="(\w+)"\} (\d+)', text)
    }
    found["active"] = int(re.search(r"^active_sessions (\d+)", text, re.M)[1])
    return found


def _until(url: str, check, what: str, seconds: float = TIMEOUT_MS / 1000) -> dict[str, int]:
    deadline = time.monotonic() + seconds
    while True:
        counts = _sessions(url)
        if check(counts):
            return counts
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: the server's counters are {counts}")
        time.sleep(0.1)


async def _open_and_close(url: str, count: int, at_once: int, seconds: float) -> None:
    """`count` sessions, each connects, runs the app once (the welcome page) and leaves."""
    from bench.ws_driver import Session

    gate = asyncio.Semaphore(at_once)

    async def one() -> None:
        async with gate:
            session = Session(url)
            await session.connect(timeout=10)
            try:
                await session.rerun(timeout=20)
            finally:
                await session.close()

    await asyncio.wait_for(asyncio.gather(*(one() for _ in range(count))), seconds)


def _churn(http_url: str, count: int = CHURN) -> float:
    """Open and close `count` sessions (in a thread: Playwright's sync API owns this one)."""
    ws_url = http_url.replace("http://", "ws://") + "/_stcore/stream"
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _open_and_close(ws_url, count, AT_ONCE, CHURN_SECONDS)).result()
    return time.perf_counter() - started


def _drop(page, url: str) -> dict[str, int]:
    """Cut the page off the server: offline, and its open websocket closed."""
    before = _sessions(url)
    page.context.set_offline(True)
    page.evaluate("() => window.__partwaysSockets.forEach((s) => s.close())")
    return _until(
        url,
        lambda c: (
            c["disconnect"] == before["disconnect"] + 1 and c["active"] == before["active"] - 1
        ),
        "the page's session did not disconnect",
    )


def _answer(page, act) -> None:
    """Answer one question and wait until the server has it: the tab's copy, which the
    server writes after each run, changes. (Clicks a moment apart on a server that has just
    started can lose the first one; a visitor is not that fast, and this test is not about
    that.)"""
    before = page.evaluate(f"() => sessionStorage.getItem('{STORAGE_KEY}')")
    act()
    page.wait_for_function(f"b => sessionStorage.getItem('{STORAGE_KEY}') !== b", arg=before)


def _idle(page) -> None:
    """Wait until no script run is under way (a run fades and redraws the page)."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-script-state') !== 'running'"
    )


def _connected(page) -> None:
    """Wait until the page itself shows it is connected again and no run is under way,
    before clicking: the server's counters (what _until reads) say nothing about the page's
    own state, and a click on a page still reconnecting is not what this test is about."""
    page.wait_for_function(
        "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
        " return app && app.getAttribute('data-test-connection-state') === 'CONNECTED'; }"
    )
    _idle(page)


def _questions(page) -> dict[str, str]:
    """What the screen shows for each question: its controls, checked or filled in."""
    _idle(page)
    boxes = page.locator(QUESTIONS)
    shown = {}
    for i in range(boxes.count()):
        box = boxes.nth(i)
        key = next(c for c in box.get_attribute("class").split() if c.startswith("st-key-q_"))
        shown[key] = box.aria_snapshot()
    return shown


def _same_on_screen(page, expected: dict[str, str], seconds: float = 5) -> None:
    """Every question shows exactly what it showed before (a redraw may take a moment)."""
    deadline = time.monotonic() + seconds
    while (shown := _questions(page)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert shown == expected


def test_answers_survive_eviction_by_150_sessions(server, chromium):  # noqa: F811
    context = chromium.new_context(viewport=DESKTOP)
    context.add_init_script(KEEP_SOCKETS)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    screens: dict[str, dict[str, str]] = {}
    try:
        page.goto(server)
        _settle(page, "Partways")
        page.get_by_role("button", name="Start", exact=True).click()
        _settle(page, STEP1)
        _answer(page, lambda: page.get_by_text("Freelance, agency or consulting work").click())
        _answer(page, lambda: page.get_by_text("Payment problems —").click())
        _answer(page, lambda: page.get_by_text("They have gone quiet —").click())
        no = page.locator(".st-key-q_safety_concern").get_by_text("No", exact=True)
        _answer(page, no.click)
        _answer(page, lambda: choose_country(page, "United Kingdom"))
        screens[STEP1] = _questions(page)
        page.get_by_role("button", name="Next").click()
        _settle(page, STEP2)
        for label in ("Yes, the work is ongoing", "It keeps happening",
                      "A written warning or reminder", "Yes, I have done what I reasonably can",
                      "It would probably go badly"):  # fmt: skip
            _answer(page, page.get_by_text(label).click)
        screens[STEP2] = _questions(page)
        page.get_by_role("button", name="Next").click()
        _settle(page, STEP3)
        yes = page.locator(".st-key-q_has_contract").get_by_text("Yes", exact=True)
        _answer(page, yes.click)
        _answer(page, page.get_by_text("Either side may end it with notice").click)
        days = page.get_by_role("spinbutton", name="How many days' notice does it require?")
        _answer(page, lambda: (days.fill("30"), page.keyboard.press("Tab")))
        _answer(page, page.get_by_text("Calendar days", exact=True).click)
        screens[STEP3] = _questions(page)
        kept = _stored(page)
        assert kept["answers"]["signals"] == ["payment_problems", "unresponsive"]
        assert kept["answers"]["notice_days"] == 30
        assert kept["answers"]["notice_day_kind"] == "calendar"

        # Control: a short drop with no churn. The server resumes the same session, which
        # still knows where the visitor is: no restore, no notice.
        dropped = _drop(page, server)
        page.context.set_offline(False)
        _until(server, lambda c: c["reconnect"] == dropped["reconnect"] + 1 and c["active"] == 1,
               "a short drop was not resumed")  # fmt: skip
        _connected(page)
        page.get_by_role("button", name="Next").click()
        _settle(page, STEP4)
        page.get_by_role("button", name="Back").click()
        _settle(page, STEP3)
        _same_on_screen(page, screens[STEP3])
        assert page.get_by_text(NOTICE).count() == 0, "a resumed session needs no restore"

        # The drop that matters: while this page is away, 150 sessions come and go.
        dropped = _drop(page, server)
        seconds = _churn(server)
        churned = _until(
            server,
            lambda c: c["disconnect"] == dropped["disconnect"] + CHURN and c["active"] == 0,
            "the churn sessions did not all disconnect",
        )
        assert churned["connect"] == dropped["connect"] + CHURN
        print(f"{CHURN} sessions opened and closed in {seconds:.1f} s")

        page.context.set_offline(False)
        back = _until(server, lambda c: c["active"] == 1, "the page did not reconnect", 30)
        # Evicted: the page's reconnect was not a resume; the server started a new session.
        assert back["reconnect"] == churned["reconnect"], "the session was not evicted"
        assert back["connect"] == churned["connect"] + 1

        # Streamlit's frontend sends nothing after a reconnect: the screen still shows step 3
        # and the new, empty session first runs at the visitor's next action. That action
        # brings the tab's answers back, with the notice, at the screen the tab kept.
        page.get_by_role("heading", name=STEP3, exact=True).wait_for()
        _connected(page)
        page.get_by_role("button", name="Next").click()
        page.get_by_text(NOTICE).wait_for()
        _idle(page)
        if page.get_by_role("heading", name=STEP4, exact=True).count():
            # (Were the click to land after the restore, it would have moved on a step.)
            page.get_by_role("button", name="Back").click()
        page.get_by_role("heading", name=STEP3, exact=True).wait_for()
        _same_on_screen(page, screens[STEP3])
        page.get_by_role("button", name="Back").click()
        _settle(page, STEP2)
        _same_on_screen(page, screens[STEP2])
        page.get_by_role("button", name="Back").click()
        _settle(page, STEP1)
        _same_on_screen(page, screens[STEP1])
        assert _stored(page)["answers"] == kept["answers"], "the server holds what the tab kept"

        # Moving on kept them: the notice is gone. Carry on past where the drop happened.
        assert page.get_by_text(NOTICE).count() == 0
        for heading in (STEP2, STEP3, STEP4):
            page.get_by_role("button", name="Next").click()
            _settle(page, heading)
        assert _stored(page)["step"] == 3
    finally:
        context.close()
