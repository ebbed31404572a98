"""One full path in a real Chromium against `streamlit run app.py`: example -> edit the names
-> review -> result -> download the PDF, which must hold the name typed in the browser. One
name is hostile markdown: the page must show it as text and never fetch its image."""

from __future__ import annotations

import io
import os
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


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    streamlit = Path(sys.executable).with_name("streamlit")
    cmd = [str(streamlit), "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--server.address", "127.0.0.1"]
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


def test_example_to_pdf_download_in_chromium(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from pypdf import PdfReader

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
            page.get_by_role("button", name="A client who keeps paying late").click()
            page.get_by_role("heading", name="Check your answers").wait_for()

            # Change the client's name in the browser: the PDF must use what was typed.
            page.get_by_role("button", name="Edit", exact=True).last.click()
            page.get_by_text("Names for the documents").first.wait_for()
            name_box = page.get_by_role("textbox", name="The client's name")
            name_box.fill(CLIENT)
            page.get_by_role("textbox", name="Your name").fill(HOSTILE)
            page.get_by_role("button", name="Save and return to review").click()
            page.get_by_role("heading", name="Check your answers").wait_for()
            page.get_by_text(CLIENT).first.wait_for()

            page.get_by_role("button", name="See my plan").click()
            page.get_by_role("heading", name="Why we suggest this").wait_for()
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

    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert CLIENT in " ".join(text.split())
