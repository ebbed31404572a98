"""Which questions are on the user's path, which answers need attention, and progress.

The per-session results are memoised against the answers' revision: the sidebar's progress
and step list ask on every rerun, and the answers change far less often."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from wizard.content_model import CheckWords, Question, Step
from wizard.ui import answer_values, kinds, sources
from wizard.ui.session import Session

Check = Callable[[Question, Any, CheckWords], str | None]


def _memo_key(session: Session) -> tuple[int, int]:
    return (id(session.answers), session.revision)


def session_path(session: Session) -> dict[str, list[Question]]:
    """Visible questions per step for this session's answers."""
    vals = answer_values.values(session)
    memo = session.path_memo
    if memo is None or memo[0] != _memo_key(session):
        defs = sources.content().rules.definitions
        path = {
            step.id: [q for q in step.questions if q.show_if.evaluate(vals, defs)]
            for step in sources.steps()
        }
        memo = session.path_memo = (_memo_key(session), path)
    return memo[1]


def soft_warning(q: Question, value: Any, words: CheckWords) -> str | None:
    if q.warn_if_before_today and isinstance(value, dt.date) and value < sources.today():
        return words.date_in_past.format(label=q.label)
    return None


def _messages(questions: list[Question], vals: dict[str, Any], check: Check) -> dict[str, str]:
    """question id -> message, for the questions that `check` objects to."""
    words = sources.screens().checks
    found = {}
    for q in questions:
        message = check(q, vals.get(q.id), words)
        if message:
            found[q.id] = message
    return found


def _checked(session: Session) -> dict[str, Any]:
    """The answers as they are checked: a currency not yet chosen is the one suggested."""
    return answer_values.resolved(answer_values.values(session))


def step_errors(session: Session, step: Step) -> dict[str, str]:
    return _messages(session_path(session)[step.id], _checked(session), kinds.check)


def step_warnings(session: Session, step: Step) -> dict[str, str]:
    return _messages(session_path(session)[step.id], _checked(session), soft_warning)


def session_errors(session: Session) -> dict[str, dict[str, str]]:
    """step id -> its form errors, for this session's answers."""
    vals = _checked(session)
    memo = session.errors_memo
    if memo is None or memo[0] != _memo_key(session):
        errors = {
            step_id: _messages(questions, vals, kinds.check)
            for step_id, questions in session_path(session).items()
        }
        memo = session.errors_memo = (_memo_key(session), errors)
    return memo[1]


def incomplete_steps(session: Session) -> list[int]:
    errors = session_errors(session)
    return [i for i, step in enumerate(sources.steps()) if errors[step.id]]


def progress(session: Session) -> tuple[int, int]:
    """(steps passed, steps in all): a count that never moves under the user's feet."""
    total = len(sources.steps())
    return min(session.reached, total), total
