"""The plan and its PDF for this session, built only when needed and cached in the
session keyed by their inputs (never in st.cache_*: they hold user data)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from wizard.answers import Answers, dump_answers
from wizard.models import Plan
from wizard.plan import build_plan
from wizard.ui import answer_values, sources
from wizard.ui.session import Session


def answers_key(answers: Answers, today: dt.date) -> str:
    raw = answers.model_dump_json() + "|" + today.isoformat()
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def current_plan(session: Session) -> tuple[str, Plan]:
    """(key, plan) for the session's answers; rebuilt only when the answers change."""
    answers = answer_values.to_answers(answer_values.values(session))
    today = sources.today()
    plan_key = answers_key(answers, today)
    cached = session.plan_cache
    if cached and cached[0] == plan_key:
        return cached
    plan = build_plan(answers, sources.content(), today=today)
    session.plan_cache = (plan_key, plan)
    return plan_key, plan


def message_state(session: Session, plan_key: str, plan: Plan) -> dict[str, Any]:
    """The (possibly edited) message for this plan; a new plan starts from its draft."""
    message = session.message
    if not message or message.get("plan_key") != plan_key:
        message = session.message = {"plan_key": plan_key, "body": plan.message.body}
    return message


def pdf_maker(plan: Plan, message: dict[str, Any], cache: dict[str, Any]) -> Callable[[], bytes]:
    """A callable for st.download_button: builds the PDF when the user asks for it, with
    the latest edited message, and reuses the bytes while plan and message are unchanged.

    It runs outside the script thread, so it touches only the objects passed in.
    """

    def make() -> bytes:
        # Imported on first use: fpdf2 and its font tools add a quarter of a second to
        # start-up, and most reruns never build a PDF.
        from wizard.pdf import render_pdf

        body = message["body"]
        key = hashlib.sha256(f"{message['plan_key']}|{body}".encode()).hexdigest()
        if cache.get("key") != key:
            cache["bytes"] = render_pdf(plan.with_message_body(body))
            cache["key"] = key
        return cache["bytes"]

    return make


def answers_file_maker(answers: Answers) -> Callable[[], str]:
    """A callable for st.download_button: the answers file is written only when asked for."""

    def make() -> str:
        return dump_answers(answers)

    return make
