"""One full path in a real Chromium against `streamlit run app.py`: example -> edit the names
-> review -> result -> download the PDF, which must hold the name typed in the browser. One
name is hostile markdown: the page must show it as text and never fetch its image."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CLIENT = "Quill & Sons Ltd"
PROBE = "partways-probe.png"
HOSTILE = f"**x** <script>alert(1)</script> ![t](http://127.0.0.1:9/{PROBE})"
TIMEOUT_MS = 20_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not become healthy in time")


def serve_app(*extra: str):
    """Run the app on a free loopback port until the generator is closed (a fixture body)."""
    port = _free_port()
    streamlit = Path(sys.executable).with_name("streamlit")
    cmd = [str(streamlit), "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--server.address", "127.0.0.1", *extra]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server():
    yield from serve_app()


def test_example_to_pdf_download_in_chromium(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            page.set_default_timeout(TIMEOUT_MS)
            probes: list[str] = []
            page.on("request", lambda r: probes.append(r.url) if PROBE in r.url else None)
            dialogs: list[str] = []
            page.on("dialog", lambda d: dialogs.append(d.message) or d.dismiss())
            page.goto(server)
            _settle(page, "Partways")
            page.get_by_role("button", name="A client who keeps paying late").click()
            page.get_by_role("button", name="Start my own").wait_for()
            page.get_by_role("button", name="Change my answers").click()
            page.get_by_role("heading", name="Check your answers").wait_for()

            # Change the client's name in the browser: the PDF must use what was typed.
            page.get_by_role("button", name="Edit “Channel, tone and names”", exact=True).click()
            page.get_by_role("heading", name=re.compile("Channel, tone and names")).wait_for()
            name_box = page.get_by_role("textbox", name="The client's name")
            name_box.fill(CLIENT)
            page.get_by_role("textbox", name="Your name").fill(HOSTILE)
            page.get_by_role("button", name="Save and return to review").click()
            page.get_by_role("heading", name="Check your answers").wait_for()
            page.get_by_text(CLIENT).first.wait_for()

            page.get_by_role("button", name="See my plan").click()
            page.get_by_role("heading", name=f"Exit plan for {CLIENT}").wait_for()

            page.get_by_text("What to keep a record of").click()  # tables hold your name
            page.get_by_text(HOSTILE).first.wait_for()
            page.wait_for_timeout(500)
            assert probes == [], "a name was rendered as a markdown image"
            assert dialogs == []
            assert page.locator(f"img[src*='{PROBE}']").count() == 0
            assert page.locator(f"a[href*='{PROBE}']").count() == 0, "nor as a link"

            with page.expect_download(timeout=TIMEOUT_MS) as info:
                page.get_by_role("button", name="Download the plan (PDF)").click()
            download = info.value
            target = tmp_path / "plan.pdf"
            download.save_as(target)
        finally:
            browser.close()

    assert CLIENT in _pdf_text(target.read_bytes())


# --- issue 12: nothing lost, oriented, accessible ----------------------------------------

SHOTS = os.environ.get("PARTWAYS_SHOTS")  # a folder: save screenshots there to look at
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
STORAGE_KEY = "partways:answers"


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF")
    return " ".join(
        "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split()
    )


@pytest.fixture(scope="module")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page(browser, viewport=DESKTOP):
    page = browser.new_page(viewport=viewport, accept_downloads=True)
    page.set_default_timeout(TIMEOUT_MS)
    return page


def _focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 120)}; }"""
    )


def _at_top(page) -> bool:
    return page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
        const h = main.querySelector('h1'); const top = h ? h.getBoundingClientRect().top : -1;
        return window.scrollY === 0 && (main.scrollTop || 0) === 0 && top >= 0
            && top < window.innerHeight / 2; }"""
    )


def _settle(page, heading: str) -> None:
    """Wait for the screen with this heading, with focus moved onto it by the page."""
    page.get_by_role("heading", name=heading, exact=True).wait_for()
    page.wait_for_function(
        "t => document.activeElement && document.activeElement.tagName === 'H1'"
        " && document.activeElement.innerText.trim() === t",
        arg=heading,
        timeout=TIMEOUT_MS,
    )


def _stored(page) -> dict | None:
    raw = page.evaluate(f"() => sessionStorage.getItem('{STORAGE_KEY}')")
    return None if raw is None else json.loads(raw)


def _tab_to(page, name: str, most: int = 120) -> None:
    """Press Tab until the focused element is the one named `name` (keyboard only)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        text = _focused(page)["text"]
        if text.startswith(name) or text.endswith(name):  # an icon's name may come first
            return
    raise AssertionError(f"Tab never reached {name!r}")


def choose_country(page, name: str) -> None:
    """Where you work: type the first letters of the country in its list and take it."""
    box = page.get_by_role("combobox", name="Where do you work? (optional)")
    box.click()
    page.keyboard.type(name[:6], delay=20)
    # The list shows each country with the other names people type for it.
    page.get_by_role("option", name=re.compile("^" + re.escape(name) + r"( \(|$)")).click()
    page.wait_for_function(  # the list shows the country chosen
        "n => document.querySelector('.st-key-q_jurisdiction input').value.startsWith(n)",
        arg=name,
    )


def _walk_answers() -> dict:
    """A complete, valid set of answers in the tab-storage format, at step 1."""
    import datetime as dt

    from wizard.examples import example_answers
    from wizard.ui.answer_values import answers_from_model, valid_for_file

    answers = example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=9)}
    )
    kept, unset = valid_for_file(answers_from_model(answers))
    return {"v": 1, "answers": kept, "unset": unset, "view": "step", "step": 0, "reached": 0}


def test_keyboard_only_to_the_pdf_and_focus_after_every_next(server, chromium, tmp_path):
    from wizard.content import load_content

    steps = load_content().questions.steps
    page = _page(chromium)
    page.goto(server)
    _settle(page, "Partways")
    # Answers kept in this tab from an earlier visit: the reload restores them at step 1.
    page.evaluate("d => sessionStorage.setItem('partways:answers', JSON.stringify(d))",
                  _walk_answers())  # fmt: skip
    page.reload()
    first = f"Step 1 of {len(steps)}: {steps[0].title}"
    _settle(page, first)
    page.get_by_text("We restored the answers").wait_for()
    for number, step in enumerate(steps[1:], start=2):
        _tab_to(page, "Next")
        page.keyboard.press("Enter")
        heading = f"Step {number} of {len(steps)}: {step.title}"
        _settle(page, heading)
        assert _focused(page) == {"tag": "H1", "text": heading}
        assert _at_top(page), f"step {number} opened scrolled down"
        assert page.title() == f"{heading} – Partways"
        live = page.locator("#partways-live")
        page.wait_for_function("t => document.getElementById('partways-live').textContent === t",
                               arg=heading)  # fmt: skip
        assert live.get_attribute("aria-live") == "polite"
    _tab_to(page, "Review answers")
    page.keyboard.press("Enter")
    _settle(page, "Check your answers")
    assert _at_top(page)
    _tab_to(page, "See my plan")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement.tagName === 'H1'"
        " && document.activeElement.innerText.startsWith('Exit plan')"
    )
    assert _at_top(page), "the plan opens at its top, not in the timeline"
    _tab_to(page, "Download the plan (PDF)")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.keyboard.press("Enter")
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    assert "Harbour Lane Bakery" in _pdf_text(target.read_bytes())
    page.close()


def test_reload_on_step_3_restores_every_answer(server, chromium):
    page = _page(chromium)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, "Step 1 of 8: The situation")
    page.get_by_text("Freelance, agency or consulting work").click()
    page.get_by_text("Payment problems —").click()
    page.get_by_text("They have gone quiet —").click()
    page.locator(".st-key-q_safety_concern").get_by_text("No", exact=True).click()
    choose_country(page, "United Kingdom")
    page.get_by_role("button", name="Next").click()
    _settle(page, "Step 2 of 8: Pattern and remedies")
    page.get_by_text("Yes, the work is ongoing").click()
    page.get_by_text("It keeps happening").click()
    page.get_by_text("A written warning or reminder").click()
    page.get_by_text("Yes, I have done what I reasonably can").click()
    page.get_by_text("It would probably go badly").click()
    page.get_by_role("button", name="Next").click()
    _settle(page, "Step 3 of 8: The contract")
    page.locator(".st-key-q_has_contract").get_by_text("Yes", exact=True).click()
    page.get_by_text("Either side may end it with notice").click()
    page.get_by_role("spinbutton", name="How many days' notice does it require?").fill("30")
    page.keyboard.press("Tab")
    page.wait_for_function("() => (sessionStorage.getItem('partways:answers') || '')"
                           ".includes('\"notice_days\":30')")  # fmt: skip
    before = _stored(page)
    assert before["answers"]["signals"] == ["payment_problems", "unresponsive"]
    assert before["answers"]["jurisdiction"] == "GB"

    page.reload()
    _settle(page, "Step 3 of 8: The contract")
    page.get_by_text("We restored the answers").wait_for()
    page.wait_for_timeout(300)
    after = _stored(page)
    assert after["answers"] == before["answers"], "the server holds exactly what the tab kept"
    assert sorted(after["unset"]) == sorted(before["unset"])
    assert page.get_by_role("spinbutton", name="How many days' notice does it require?"
                            ).input_value() == "30"  # fmt: skip
    # Back/Forward: leaving the app and coming back restores too.
    page.goto("about:blank")
    page.go_back()
    _settle(page, "Step 3 of 8: The contract")
    assert _stored(page)["answers"] == before["answers"]
    # Discarding asks once more (it clears every answer), then clears the tab's copy.
    page.get_by_role("button", name="Discard them and start again").click()
    page.get_by_role("button", name="Yes, clear").click()
    _settle(page, "Partways")
    page.wait_for_function("() => sessionStorage.getItem('partways:answers') === null")
    page.close()


def test_an_edited_message_downloaded_at_once_is_in_the_pdf(server, chromium, tmp_path):
    page = _page(chromium)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="A client who needs skills you don't offer").click()
    page.get_by_role("button", name="Start my own").wait_for()
    box = page.locator(".st-key-message_box textarea")
    words = "Typed just now and downloaded at once, before any blur: Zephyr 4471."
    box.fill(words)  # no blur, no Ctrl+Enter: the box has not committed yet
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name="Download the plan (PDF)").click()
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    assert words in _pdf_text(target.read_bytes())
    # The edit is in the answers (message_override), so the answers file has it too.
    page.wait_for_function(
        "w => (sessionStorage.getItem('partways:answers') || '').includes(w)", arg=words
    )
    page.close()


def test_a_closed_section_of_the_plan_opens_with_the_keyboard_and_keeps_focus(server, chromium):
    """The plan's sections are sent only when opened (a rerun): Enter on one shows its
    body, focus stays on it (not moved to the heading as on a new screen), Enter closes."""
    page = _page(chromium)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="A therapist whose client has become threatening").click()
    page.wait_for_function(
        "() => document.activeElement.tagName === 'H1'"
        " && document.activeElement.innerText.startsWith('Exit plan')"
    )
    main = page.locator("[data-testid='stMain']")
    assert main.locator("table").count() == 0, "the timeline is closed and not sent"
    _tab_to(page, "Timeline")
    page.keyboard.press("Enter")
    main.locator("table").first.wait_for()
    page.wait_for_timeout(500)  # the rerun that sent it is over; focus must not have moved
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-script-state') !== 'running'"
    )
    assert _focused(page)["text"].endswith("Timeline"), _focused(page)
    assert _focused(page)["tag"] == "SUMMARY"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stMain\"] table')")
    assert _focused(page)["text"].endswith("Timeline")
    page.close()


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_serious_problems(server, chromium, size):
    viewport = DESKTOP if size == "desktop" else PHONE
    page = _page(chromium, viewport)
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        # Not while a rerun fades the page (a faded page is not what the user reads).
        page.wait_for_timeout(300)
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"]')"
            ".getAttribute('data-test-script-state') !== 'running'"
        )
        page.wait_for_timeout(300)
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{size}.png"), full_page=False)
        problems[name] = _serious(page)

    page.goto(server)
    _settle(page, "Partways")
    check("welcome")
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, "Step 1 of 8: The situation")
    page.get_by_role("button", name="Next").click()
    page.locator(".st-key-error_summary").wait_for()
    check("errors")
    page.evaluate("() => sessionStorage.clear()")  # else the new session restores step 1
    page.goto(server)  # a new session: the example
    _settle(page, "Partways")
    page.get_by_role("button", name="A therapist whose client has become threatening").click()
    page.get_by_role("button", name="Start my own").wait_for()
    check("result")
    page.get_by_role("button", name="Change my answers").click()
    _settle(page, "Check your answers")
    check("review")
    page.close()
    assert problems == {name: [] for name in problems}


def test_an_answer_that_changes_the_page_redraws_it_and_the_quick_exit_leaves(server, chromium):
    """Each question reruns alone when answered (an st.fragment). An answer that changes
    the rest of the page must still change it at once: "unsafe" opens the panel below the
    question, adds the follow-up question and puts a quick exit in the sidebar; the panel's
    quick exit clears the tab's copy and leaves for the neutral page."""
    page = _page(chromium)
    page.route("https://www.google.com/**", lambda route: route.fulfill(body="neutral"))
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, "Step 1 of 8: The situation")
    page.get_by_text("Freelance, agency or consulting work").click()
    page.wait_for_function("() => (sessionStorage.getItem('partways:answers') || '')"
                           ".includes('\"profession\":\"general\"')")  # fmt: skip
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_by_role("button", name="Quick exit").count() == 0
    page.locator(".st-key-q_safety_concern").get_by_text("Yes", exact=True).click()
    page.locator(".st-key-safety_panel").wait_for()
    page.get_by_text("Which is closer to what happened?").wait_for()
    sidebar.get_by_role("button", name="Quick exit").wait_for()
    assert _stored(page)["answers"]["safety_concern"] is True
    page.locator(".st-key-safety_panel").get_by_role("button", name="Quick exit").click()
    page.wait_for_url("https://www.google.com/**")
    page.close()


# The text a question's control is described by (aria-describedby): a radio or checkbox
# group as a whole, else its field.
DESCRIPTION_JS = """qid => { const box = document.querySelector(`.st-key-q_${qid}`);
    if (!box) return null;
    const control = box.querySelector("[role='radiogroup']")
        || (box.querySelector("input[type='checkbox']") ? box : box.querySelector('input'));
    if (!control) return '';  // drawn in a moment
    const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    return ids.map(id => { const el = document.getElementById(id);
        return el ? el.textContent : `(no element ${id})`; }).join(' '); }"""


def _description(page, qid: str) -> str:
    return " ".join((page.evaluate(DESCRIPTION_JS, qid) or "").split())


def _ax_descriptions(page) -> dict[str, str]:
    """What the browser itself hands a screen reader: each control's accessible description."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    return {
        n["name"]["value"]: " ".join(n["description"]["value"].split())
        for n in nodes
        if n.get("name", {}).get("value") and n.get("description", {}).get("value")
    }


def test_why_we_ask_is_the_description_of_its_control(server, chromium):
    """Issue 12: "why we ask" opens on request and is linked to its control, also after a
    rerun redraws the step and while an error describes the control too."""
    from wizard.content import load_content

    step = load_content().questions.steps[0]
    page = _page(chromium)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="Start", exact=True).click()
    _settle(page, f"Step 1 of 8: {step.title}")
    shown = [q for q in step.questions if page.locator(f".st-key-q_{q.id}").count()]
    assert {q.type for q in shown} >= {"choice", "place", "multi", "yesno"}

    def check() -> None:
        for q in shown:
            why = " ".join(q.why.split())
            page.wait_for_function(
                f"([qid, why]) => (({DESCRIPTION_JS})(qid) || '')"
                ".replace(/\\s+/g, ' ').includes(why)",
                arg=[q.id, why],
            )
        described = _ax_descriptions(page)
        for q in shown:
            why = " ".join(q.why.split())
            assert any(
                name.startswith(q.label[:30]) and why in text for name, text in described.items()
            ), f"{q.id}: the browser gives its control no 'why we ask' description"
        # The disclosure itself stays closed until asked for.
        assert page.locator("[data-testid='stExpander'] details[open]").count() == 0

    check()
    page.get_by_role("button", name="Next").click()  # errors: described first, why kept
    page.locator(".st-key-error_summary").wait_for()
    check()
    error_first = _description(page, "profession")  # (textContent holds the icon's name)
    assert -1 < error_first.find("Choose an answer to") < error_first.find("Why we ask")
    page.get_by_text("Legal services").click()  # a rerun redraws the step
    page.wait_for_function(
        "() => !document.querySelector('.st-key-err_profession')"
        " && document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-script-state') !== 'running'"
    )
    check()
    assert "Choose an answer to" not in _description(page, "profession")
    page.close()


def test_a_name_over_its_limit_is_counted_kept_and_refused_never_cut(server, chromium):
    """Issue 12: a visible counter follows the text as it is typed (no Enter, no leaving the
    box); a paste over the limit is kept whole, with a message naming the limit (also
    announced), and Next refuses it; a reload brings it back whole, still refused; putting
    it right keeps focus in the box."""
    from wizard.answers import NAME_MAX_CHARS

    context = chromium.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    _settle(page, "Partways")
    page.get_by_role("button", name="A client who keeps paying late").click()
    page.get_by_role("button", name="Start my own").wait_for()
    page.get_by_role("button", name="Change my answers").click()
    _settle(page, "Check your answers")
    page.get_by_role("button", name="Edit “Channel, tone and names”", exact=True).click()
    page.get_by_role("heading", name=re.compile("Channel, tone and names")).wait_for()
    hint = page.locator(".st-key-hint_client_name")
    box = page.get_by_role("textbox", name="The client's name")
    hint.get_by_text(f"19 of {NAME_MAX_CHARS} characters").wait_for()
    page.wait_for_function(  # the counter describes the box (before "why we ask")
        "() => { const box = document.querySelector('.st-key-q_client_name input');"
        " return box && box.getAttribute('aria-describedby')"
        " === 'partways-hint-client_name partways-more-client_name'; }"
    )

    box.click()
    box.press("End")
    page.keyboard.type(" Ltd", delay=60)  # and stay in the box
    hint.get_by_text(f"23 of {NAME_MAX_CHARS} characters").wait_for()
    assert _focused(page)["tag"] == "INPUT"

    pasted = "Northwind Trading " * 14  # 252 characters
    page.evaluate("t => navigator.clipboard.writeText(t)", pasted)
    box.press("Control+A")
    box.press("Control+V")
    over = len(pasted) - NAME_MAX_CHARS
    message = f"{len(pasted)} of {NAME_MAX_CHARS} characters: {over} too many."
    hint.get_by_text(message).wait_for()
    assert box.input_value() == pasted, "the paste arrived whole: nothing cut"
    page.wait_for_function(
        "t => document.getElementById('partways-live').textContent.startsWith(t)", arg=message
    )
    page.wait_for_timeout(300)  # not while a rerun fades the page (see the axe test)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-script-state') !== 'running'"
    )
    page.wait_for_timeout(300)
    assert _serious(page) == []
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "name-over-limit.png"))

    page.get_by_role("button", name="Save and return to review").click()
    too_long = f"is {len(pasted)} characters long; it can hold at most {NAME_MAX_CHARS}"
    page.locator(".st-key-error_summary").get_by_text(too_long).wait_for()
    assert box.input_value() == pasted

    # A reload brings the long name back whole: the tab keeps it apart from the answers
    # (which stay valid for a file), and Next still refuses it.
    page.wait_for_function(
        "n => ((JSON.parse(sessionStorage.getItem('partways:answers')) || {}).drafts || {})"
        ".client_name === n",
        arg=pasted,
    )
    assert "client_name" not in _stored(page)["answers"]
    page.reload()
    _settle(page, "Step 8 of 8: Channel, tone and names")
    page.get_by_text("We restored the answers").wait_for()
    hint.get_by_text(message).wait_for()
    assert box.input_value() == pasted, "the reload brought back exactly what was on screen"
    page.locator(".st-key-nav_next").get_by_role("button").click()  # Next: "Review answers"
    page.locator(".st-key-error_summary").get_by_text(too_long).wait_for()
    assert box.input_value() == pasted

    box.click()
    box.press("End")
    for _ in range(over):
        box.press("Backspace")
    hint.get_by_text(f"{NAME_MAX_CHARS} of {NAME_MAX_CHARS} characters").wait_for()
    # The field's own error goes at once; the summary stays until the next Next (GOV.UK).
    page.locator(".st-key-err_client_name").wait_for(state="detached")
    page.wait_for_timeout(500)
    assert _focused(page)["tag"] == "INPUT", "putting the error right leaves focus in the box"
    page.locator(".st-key-nav_next").get_by_role("button").click()  # Next: "Review answers"
    _settle(page, "Check your answers")
    page.get_by_text(pasted[:NAME_MAX_CHARS].strip()).first.wait_for()
    context.close()
