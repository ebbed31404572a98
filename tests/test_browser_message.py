"""The result page's message box in a real Chromium: a text over the limit arrives whole (the
browser cuts nothing), the page says by how much it is over (also announced), and a download
clicked at once holds the last version within the limit."""

from __future__ import annotations

from pathlib import Path

from tests.test_browser import (  # the browser tests' server and Chromium
    DESKTOP,
    SHOTS,
    TIMEOUT_MS,
    _pdf_text,
    _serious,
    _settle,
    chromium,  # noqa: F401  (pytest fixtures: this module gets its own server and browser)
    pytestmark,  # noqa: F401  (browser tests: skipped without Chromium)
    server,  # noqa: F401
)
from wizard.answers import MESSAGE_MAX_CHARS

KEPT = "Kept within the limit: Quokka 8812."
LONG = "Zephyr 4471 was here. " * (MESSAGE_MAX_CHARS // 22 + 5)
OVER = len(LONG) - MESSAGE_MAX_CHARS


def _idle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-script-state') !== 'running'"
    )
    page.wait_for_timeout(300)


def test_a_message_over_the_limit_is_kept_said_and_never_downloaded_cut(
    server,  # noqa: F811
    chromium,  # noqa: F811
    tmp_path,
):
    page = chromium.new_page(viewport=DESKTOP, accept_downloads=True)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="A client who needs skills you don't offer").click()
    page.get_by_role("button", name="Start my own").wait_for()
    box = page.locator(".st-key-message_box textarea")
    assert box.get_attribute("maxlength") is None, "no limit for the browser to cut at"

    box.fill(KEPT)
    box.blur()
    page.wait_for_function(
        "w => (sessionStorage.getItem('partways:answers') || '').includes(w)", arg=KEPT
    )

    box.fill(LONG)
    box.blur()
    notice = page.locator(".st-key-over_message")
    notice.get_by_text(f"{OVER:,} too many").wait_for()
    assert box.input_value() == LONG, "the text arrived whole: nothing cut"
    page.wait_for_function(
        "t => document.getElementById('partways-live').textContent.includes(t)",
        arg=f"{OVER:,} too many",
    )
    page.get_by_text(f"Your message is {OVER:,} characters too long").wait_for()
    _idle(page)
    assert _serious(page) == []
    if SHOTS:
        notice.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SHOTS) / "message-over-limit.png"))

    # Typed over the limit and downloaded at once: the PDF holds the last version within it.
    box.fill(LONG + " More.")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name="Download the plan (PDF)").click()
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    text = _pdf_text(target.read_bytes())
    assert KEPT in text and "Zephyr" not in text
    assert box.input_value() == LONG + " More."
    # The tab keeps the answers, which keep the last version within the limit.
    stored = page.evaluate("() => sessionStorage.getItem('partways:answers')")
    assert KEPT in stored and "Zephyr" not in stored
    page.close()
