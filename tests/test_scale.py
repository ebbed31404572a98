"""Replicas behind nginx (deploy/): the rendered config is valid, the proxy's limits and
headers hold, affinity keeps a client on one replica, and when that replica dies the browser
carries on through nginx on another one.

Needs Debian's nginx (`.ci/run` installs it); the browser tests need Chromium too."""

from __future__ import annotations

import contextlib
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import scale
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS  # one set of launch settings

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 20_000
EXAMPLE = "A client who keeps paying late"
SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
# Records every CSP violation the page reports, from before Streamlit's first script runs.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""

pytestmark = pytest.mark.skipif(
    scale.nginx_binary() is None,
    reason="nginx is not installed (.ci/run installs Debian's nginx)",
)
needs_browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")


def _restore_in_tab_present() -> bool:
    """Issue 12 keeps answers in the tab's sessionStorage; until that lands in wizard/ui a
    session that moves to another replica starts afresh."""
    ui = ROOT / "wizard" / "ui"
    return any(
        "sessionStorage" in path.read_text("utf-8", errors="ignore")
        for path in ui.rglob("*")
        if path.is_file() and path.suffix in {".py", ".js", ".html", ".ts"}
    )


def _get(url: str, cookie: str | None = None, method: str = "GET", data: bytes | None = None):
    """(status, headers) of one request; errors are answers here, not exceptions."""
    request = urllib.request.Request(url, method=method, data=data)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def _log_lines(running) -> list[str]:
    """The access log so far; nginx writes a line just after the response is sent."""
    time.sleep(0.3)
    return (running.rundir / "access.log").read_text().splitlines()


def _route_cookie(headers) -> str | None:
    for value in headers.get_all("Set-Cookie") or []:
        match = re.match(r"pw_route=(r\d+);", value)
        if match:
            return match.group(1)
    return None


@pytest.fixture(scope="module")
def topology():
    with scale.Topology(replicas=3) as running:
        yield running
    assert running.pids() == [], "a replica or nginx was left running"


# --- the config itself ----------------------------------------------------------------


def test_rendered_config_passes_nginx_t(tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(
        scale.render(
            listen="127.0.0.1:1",
            replicas=[("127.0.0.1", 2), ("127.0.0.1", 3), ("127.0.0.1", 4)],
            rundir=str(tmp_path),
            access_log=f"{tmp_path}/access.log pw_noargs",
        )
    )
    scale.check_config(config, tmp_path)
    broken = tmp_path / "broken.conf"
    broken.write_text(config.read_text().replace("least_conn;", "least_conn"))
    with pytest.raises(RuntimeError, match="nginx -t failed"):
        scale.check_config(broken, tmp_path)


def test_replicas_must_have_distinct_ports():
    with pytest.raises(ValueError, match="own port"):
        scale.render("1", [("a", 8501), ("b", 8501)], "/tmp", "off")


def test_compose_config_is_rendered_from_the_template():
    committed = (ROOT / "deploy" / "nginx.compose.conf").read_text("utf-8")
    assert committed == scale.render_compose(), "run: python -m deploy.scale render --compose"


# --- the proxy, over HTTP -------------------------------------------------------------


def test_security_headers_on_pages_and_errors(topology):
    for path in ("/", "/_stcore/health", "/no-such-page", "/_stcore/metrics"):
        _, headers = _get(topology.url + path)
        for name, expected in SECURITY_HEADERS.items():
            assert expected in (headers.get(name) or ""), f"{name} on {path}"


def test_metrics_and_agent_api_are_not_public(topology):
    assert _get(topology.url + "/_stcore/metrics")[0] == 404
    assert _get(topology.url + "/_stcore/agent/openapi.json")[0] == 404
    # The replicas themselves still answer: it is the proxy that hides them.
    direct = f"http://127.0.0.1:{topology.servers[0].port}/_stcore/metrics"
    assert _get(direct)[0] == 200


def test_affinity_cookie_keeps_a_client_on_one_replica(topology):
    routes = []
    for _ in range(6):
        status, headers = _get(topology.url + "/")
        assert status == 200
        routes.append(_route_cookie(headers))
    assert None not in routes, "a first visit must get the affinity cookie"
    assert len(set(routes)) >= 2, f"first visits were not spread over replicas: {routes}"

    route = routes[0]
    port = topology.route_of(route).port
    before = len(_log_lines(topology))
    for path in ("/", "/_stcore/health", "/_stcore/host-config", "/favicon.png") * 3:
        status, headers = _get(topology.url + path, cookie=f"pw_route={route}")
        assert status == 200
        assert _route_cookie(headers) is None, "the cookie was re-pointed without a failover"
    served = [line.rsplit(" ", 1)[-1] for line in _log_lines(topology)[before:]]
    assert served and all(addr == f"127.0.0.1:{port}" for addr in served), served


def test_upload_route_is_rate_limited_and_size_capped(topology):
    url = topology.url + "/_stcore/upload_file/not-a-session/not-a-file"
    statuses = [_get(url, method="PUT", data=b"x")[0] for _ in range(16)]
    # burst 10 at 30 a minute: the first 11 reach Streamlit (which refuses them: no XSRF
    # token), the rest are turned away by nginx.
    assert 429 not in statuses[:11], statuses
    assert statuses[-1] == 429, statuses
    too_big = b"x" * 1_200_000
    assert _get(topology.url + "/_stcore/upload_file/a/b", method="PUT", data=too_big)[0] == 413


def test_websockets_per_client_are_capped(topology):
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    with contextlib.ExitStack() as stack:
        for _ in range(scale.WS_PER_CLIENT):
            stack.enter_context(connect(topology.ws_url, subprotocols=["streamlit"]))
        with pytest.raises(InvalidStatus) as refused:
            stack.enter_context(connect(topology.ws_url, subprotocols=["streamlit"]))
        assert refused.value.response.status_code == 429
    # Closed again, they no longer count.
    with connect(topology.ws_url, subprotocols=["streamlit"]):
        pass


def test_access_log_holds_no_query_strings_or_ids(topology):
    secret = "Northwind-Holdings-Secret"
    _get(f"{topology.url}/?client={secret}")
    _get(f"{topology.url}/_stcore/upload_file/{secret}-session/{secret}-file", method="PUT",
         data=b"x")  # fmt: skip
    _get(f"{topology.url}/media/{secret}.yaml")
    time.sleep(0.2)
    logs = "".join(p.read_text() for p in topology.rundir.glob("*.log"))
    assert "GET /- 200" in logs, "the access log is written"
    assert secret not in logs


# --- in Chromium ----------------------------------------------------------------------


def _browser(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _new_page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    return context, page, console


def _route(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "pw_route")


def _csp_problems(page, console: list[str]) -> list[str]:
    reported = page.evaluate("window.__csp")
    return reported + [line for line in console if "Content Security Policy" in line]


def _download_answers(page, tmp_path: Path) -> str:
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_role("button", name="Save my answers to a file").click()
    target = tmp_path / "answers.yaml"
    info.value.save_as(target)
    return target.read_text("utf-8")


@needs_browser
def test_app_renders_through_nginx_without_csp_violations(topology, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    before = len(_log_lines(topology))
    with sync_api.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            context, page, console = _new_page(browser)
            response = page.goto(topology.url)
            assert response is not None
            for name, expected in SECURITY_HEADERS.items():
                assert expected in (response.headers.get(name) or "")
            _open_example(page)  # an example opens its plan
            answers = _download_answers(page, tmp_path)
            assert "schema_version: 1" in answers
            page.wait_for_timeout(500)
            assert _csp_problems(page, console) == []
            port = topology.route_of(_route(context)).port
        finally:
            browser.close()
    # Every request of the tab, the websocket and the download included, went to the
    # replica its cookie names (nginx logs a websocket when it closes).
    lines = _log_lines(topology)[before:]
    assert any(" /_stcore/stream 101 " in line for line in lines)
    assert any(" /media/- 200 " in line for line in lines)
    served = {line.rsplit(" ", 1)[-1] for line in lines}
    assert served == {f"127.0.0.1:{port}"}, lines


def _until(action, target, seconds: float = 30.0) -> None:
    """Repeat `action` until `target` shows: a click made while the tab is still
    (re)connecting can be dropped, or land on an element that is being redrawn."""
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(Exception):
            action()
        try:
            target.wait_for(timeout=3000)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise


def _restored_after_failover(page) -> None:
    """After a failover the user reloads (or simply carries on: then the first click
    reaches the new replica and does the same); the new replica takes the answers back
    from the tab and says so. Keep them."""
    page.reload()
    notice = page.get_by_text("We restored the answers you had given in this browser tab.")
    notice.wait_for()
    page.get_by_role("button", name="Keep them").click()
    notice.wait_for(state="detached")


def _settles_checked(page, control, seconds: float = 10.0) -> bool:
    """Whether the control ends up checked once the page has settled (while Streamlit
    redraws, an old copy of an element can briefly sit beside the new one)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if control.count() == 1 and control.is_checked():
                return True
        page.wait_for_timeout(200)
    return False


def _settled_text(page, seconds: float = 15.0) -> str:
    """The main column's text once it has stopped changing for a second: while Streamlit
    redraws a screen, elements of the previous one linger for a moment."""
    main = page.get_by_test_id("stMainBlockContainer")
    deadline = time.monotonic() + seconds
    last, steady_since = None, time.monotonic()
    while time.monotonic() < deadline:
        text = main.inner_text()
        if text != last:
            last, steady_since = text, time.monotonic()
        elif time.monotonic() - steady_since >= 1.0:
            break
        page.wait_for_timeout(200)
    return last or ""


def _open_example(page) -> None:
    _until(
        lambda: page.get_by_role("button", name=EXAMPLE).click(timeout=3000),
        page.get_by_role("heading", name="Why we suggest this"),
    )


def _kill_serving_replica(running, context, page) -> str:
    """Kill the replica this tab's session lives on; wait until the tab is served again."""
    before = _route(context)
    running.kill_replica(int(before.removeprefix("r")) - 1)
    # Streamlit's reconnect backs off between tries; on a loaded machine the first tries
    # can all fail before nginx marks the dead replica down.
    deadline = time.monotonic() + 60
    while _route(context) == before and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    after = _route(context)
    assert after != before, "the tab did not move to another replica"
    assert running.route_of(after).proc.poll() is None
    return after


@needs_browser
def test_failover_the_wizard_carries_on_on_another_replica(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with scale.Topology(replicas=3) as running, sync_api.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            context, page, console = _new_page(browser)
            page.goto(running.url)
            _until(
                lambda: page.get_by_role("button", name="Start", exact=True).click(timeout=3000),
                page.get_by_text(re.compile(r"^Step 1 of \d+")).first,
            )
            page.get_by_text("Legal services").click()
            # The tab keeps the answers once the server has the change.
            page.wait_for_timeout(2000)

            _kill_serving_replica(running, context, page)

            # The new replica gets the answers back from the tab and the wizard carries on
            # where it was.
            _restored_after_failover(page)
            assert _settles_checked(page, page.get_by_role("radio", name="Legal services"))
            page.get_by_text("Payment problems").first.click()
            assert _settles_checked(page, page.get_by_role("checkbox", name="Payment problems"))

            # Start over there, take an example, and the answers file still downloads.
            page.get_by_role("button", name="Start over").first.click()
            page.get_by_role("button", name="Yes, clear").click()
            _open_example(page)
            answers = _download_answers(page, tmp_path)
            assert "schema_version: 1" in answers
            assert _csp_problems(page, console) == []
        finally:
            browser.close()
    assert running.pids() == []


@needs_browser
@pytest.mark.skipif(
    not _restore_in_tab_present(),
    reason="answers restore from the tab (issue 12) not merged yet",
)
def test_failover_keeps_the_answers_typed_in_the_tab():
    sync_api = pytest.importorskip("playwright.sync_api")
    with scale.Topology(replicas=3) as running, sync_api.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            context, page, _ = _new_page(browser)
            page.goto(running.url)
            _open_example(page)
            _until(
                lambda: page.get_by_role("button", name="Change my answers").click(timeout=3000),
                page.get_by_role("heading", name="Check your answers"),
            )
            review_before = _settled_text(page)
            # Step 3, from the review screen's Edit buttons.
            page.get_by_role("button", name="Edit “The contract”", exact=True).click()
            page.get_by_text(re.compile(r"^Step 3 of \d+")).first.wait_for()
            page.wait_for_timeout(2000)  # the tab keeps where the user is

            _kill_serving_replica(running, context, page)
            _restored_after_failover(page)

            page.get_by_text(re.compile(r"^Step 3 of \d+")).first.wait_for()
            page.get_by_role("button", name="Review answers").click()
            page.get_by_role("heading", name="Check your answers").wait_for()
            assert _settled_text(page) == review_before
        finally:
            browser.close()
