"""The plan and its PDF for this session, built only when needed and cached in the
session keyed by their inputs (never in st.cache_*: they hold user data)."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from wizard.answers import Answers, dump_answers
from wizard.build_guard import BuildBusy, BuildGuard
from wizard.models import Plan
from wizard.plan import build_plan
from wizard.ui import answer_values, sources
from wizard.ui.session import Session


def answers_key(answers: Answers, today: dt.date) -> str:
    raw = answers.model_dump_json() + "|" + today.isoformat()
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def current_answers(session: Session) -> tuple[Answers, str]:
    """(the answers model, its plan key) for the session's answers, made again only when
    the answers (or the date) change: every run of the result page needs them."""
    vals = answer_values.values(session)
    today = sources.today()
    memo_key = (id(vals), session.revision, today)
    memo = session.answers_memo
    if memo is None or memo[0] != memo_key:
        answers = answer_values.to_answers(vals)
        memo = session.answers_memo = (memo_key, (answers, answers_key(answers, today)))
    return memo[1]


def current_plan(session: Session) -> tuple[str, Plan]:
    """(key, plan) for the session's answers; rebuilt only when the answers change. A plan
    started ahead for these answers (prebuild_plan) is taken when it is done or under way;
    one not yet begun is called off and built here instead."""
    answers, plan_key = current_answers(session)
    today = sources.today()
    cached = session.plan_cache
    if cached and cached[0] == plan_key:
        return cached
    ahead, session.plan_ahead = session.plan_ahead, None
    if ahead is not None and ahead[0] == plan_key and not ahead[1].cancel():
        plan = ahead[1].result()
    else:
        plan = build_plan(answers, sources.content(), today=today)
    session.plan_cache = (plan_key, plan)
    return plan_key, plan


# How long the review screen has to reach the browser before its plan is started ahead:
# the build would otherwise take turns with the page's own sending.
PREBUILD_DELAY_S = 0.05


def prebuild_plan(session: Session) -> None:
    """Start building the plan for the session's answers in the background, once the
    review screen has been sent: "See my plan" then only draws it (current_plan takes it).
    Kept in this session only, keyed by the answers and the date like plan_cache; answers
    changed before the click leave it unused."""
    answers, plan_key = current_answers(session)
    cached, ahead = session.plan_cache, session.plan_ahead
    if (cached and cached[0] == plan_key) or (ahead and ahead[0] == plan_key):
        return
    if ahead is not None:
        ahead[1].cancel()  # for answers changed since: not wanted if not yet begun
    content, today = sources.content(), sources.today()
    future: Future[Plan] = Future()

    def build() -> None:
        if not future.set_running_or_notify_cancel():
            return  # the click came first and built it itself
        try:
            future.set_result(build_plan(answers, content, today=today))
        except BaseException as exc:  # noqa: BLE001 - raised again where the plan is taken
            future.set_exception(exc)

    session.plan_ahead = (plan_key, future)
    timer = threading.Timer(PREBUILD_DELAY_S, build)
    timer.daemon = True
    timer.name = "partways-plan-ahead"
    timer.start()


def message_state(session: Session, plan_key: str, plan: Plan) -> dict[str, Any]:
    """The (possibly edited) message for this plan; a new plan starts from its draft."""
    message = session.message
    if not message or message.get("plan_key") != plan_key:
        message = session.message = {"plan_key": plan_key, "body": plan.message.body}
    return message


# One document build at a time per session, and at most two across the server.
GUARD = BuildGuard()
BUILD_TIMEOUT = 20.0  # seconds a click may wait for its turn before it is told to retry

# kind -> (extension, MIME type)
DOCUMENTS = {
    "pdf": (".pdf", "application/pdf"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ics": (".ics", "text/calendar"),
}


def _render(kind: str, plan: Plan) -> bytes:
    # Imported on first use: fpdf2 and its font tools add a quarter of a second to
    # start-up, and most reruns never build a document.
    if kind == "pdf":
        from wizard.pdf import render_pdf

        return render_pdf(plan)
    if kind == "docx":
        from wizard.exports.word import render_docx

        return render_docx(plan)
    from wizard.exports.calendar_file import render_ics

    return render_ics(plan)


def file_name(plan: Plan, kind: str) -> str:
    """ "exit-plan-northwind-2026-12-01.pdf": the Plan's safe stem and the extension."""
    return plan.file_stem + DOCUMENTS[kind][0]


def document_maker(
    plan: Plan,
    message: dict[str, Any],
    cache: dict[str, Any],
    kind: str,
    session_id: str,
) -> Callable[[], bytes]:
    """A callable for st.download_button: builds the document when the user asks for it,
    with the latest edited message, and reuses the bytes while plan and message are
    unchanged. Builds go through the build guard (one per session, a global cap).

    It runs outside the script thread, so it touches only the objects passed in.
    """

    def make() -> bytes:
        from wizard.pdf import DocumentTooLong

        body = message["body"]
        key = hashlib.sha256(f"{kind}|{message['plan_key']}|{body}".encode()).hexdigest()
        slot = cache.setdefault(kind, {})
        if slot.get("key") != key:
            try:
                slot["bytes"] = GUARD.run(
                    session_id,
                    key,
                    lambda: _render(kind, plan.with_message_body(body)),
                    timeout=BUILD_TIMEOUT,
                )
                slot["problem"] = ""
            except DocumentTooLong:
                slot["bytes"], slot["problem"] = b"", plan.labels.too_long
            except BuildBusy:
                # Not cached: the next click tries again.
                slot["problem"] = plan.labels.build_busy
                return plan.labels.build_busy.encode("utf-8")
            slot["key"] = key
        if slot.get("problem"):
            return slot["problem"].encode("utf-8")
        return slot["bytes"]

    return make


def pdf_maker(plan: Plan, message: dict[str, Any], cache: dict[str, Any]) -> Callable[[], bytes]:
    """The PDF maker on its own (one session's cache stands for the session)."""
    return document_maker(plan, message, cache, "pdf", str(id(cache)))


def build_problem(cache: dict[str, Any], kind: str) -> str:
    """The plain message from the last build of this kind that could not be made, or ""
    (the click that hit it downloads the same words instead of a broken file)."""
    return str(cache.get(kind, {}).get("problem", ""))


def answers_file_maker(answers: Answers) -> Callable[[], str]:
    """A callable for st.download_button: the answers file is written only when asked for."""

    def make() -> str:
        return dump_answers(answers)

    return make
