"""Per-session state: the answers dict (the source of truth) and where the user is.

Everything user-specific lives in st.session_state, never in module globals or caches.
Widgets only mirror the answers dict; Streamlit drops the state of widgets that are not
rendered, so every value is copied into the dict as soon as it changes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import streamlit as st

from wizard.dates import next_business_day_after

# The answers model and the content are imported where they are used, not here: the
# welcome screen needs neither, so the first page does not wait for them to load.
if TYPE_CHECKING:
    from wizard.answers import Answers
    from wizard.content import Content, Question, Step

ANSWERS = "answers"
VIEW = "view"
STEP = "step"
REACHED = "reached"
EDITING = "editing"
ERRORS = "errors"
SOFT = "soft_warnings"
FLASH = "flash"
UPLOAD_SEEN = "upload_seen"
UPLOAD_ERROR = "upload_error"
CONFIRM_RESET = "confirm_reset"
REVIEW_ERROR = "review_error"
# Caches of derived results, keyed by their inputs (per session, in session_state).
PLAN_CACHE = "plan_cache"
PDF_CACHE = "pdf_cache"
MESSAGE = "message"
REVISION = "answers_revision"  # bumped on every change to the answers dict
PATH_MEMO = "path_memo"
ERRORS_MEMO = "errors_memo"

MAX_UPLOAD_BYTES = 1024 * 1024

_RESETTABLE = (
    ANSWERS, VIEW, STEP, REACHED, EDITING, ERRORS, SOFT, FLASH, UPLOAD_ERROR,
    CONFIRM_RESET, REVIEW_ERROR, PLAN_CACHE, PDF_CACHE, MESSAGE, "whatif_cache", PATH_MEMO,
    ERRORS_MEMO,
)  # fmt: skip


def content() -> Content:
    """The shared, read-only content (loaded and checked once per process)."""
    from wizard.content import load_content

    return load_content()


def today() -> dt.date:
    return dt.date.today()


def default_notice_date() -> dt.date:
    return next_business_day_after(today())


def steps() -> list[Step]:
    return content().questions.steps


# --- the answers dict -----------------------------------------------------------------


def empty_answers() -> dict[str, Any]:
    """Nothing answered yet: no choice is made for the user."""
    values: dict[str, Any] = {}
    for step in steps():
        for q in step.questions:
            if q.type == "multi":
                values[q.id] = []
            elif q.type == "text":
                values[q.id] = ""
            elif q.type == "currency":
                values[q.id] = "USD"
            else:
                values[q.id] = None
    return values


def answers_from_model(answers: Answers) -> dict[str, Any]:
    values = answers.model_dump()
    if values.get("notice_date") is None:
        values["notice_date"] = default_notice_date()
    return values


def init() -> None:
    state = st.session_state
    state.setdefault(VIEW, "welcome")
    state.setdefault(STEP, 0)
    state.setdefault(REACHED, 0)
    state.setdefault(EDITING, False)
    state.setdefault(ERRORS, {})
    state.setdefault(SOFT, {})


def values() -> dict[str, Any]:
    """This session's answers dict, created empty on first use."""
    state = st.session_state
    if ANSWERS not in state:
        state[ANSWERS] = empty_answers()
    return state[ANSWERS]


def set_value(qid: str, value: Any) -> None:
    values()[qid] = value
    st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1


def is_set(q: Question, value: Any) -> bool:
    if q.type == "multi":
        return bool(value)
    if q.type in ("text", "currency"):
        return bool(str(value or "").strip())
    return value is not None


def is_visible(q: Question, vals: dict[str, Any]) -> bool:
    return q.show_if.evaluate(vals, content().rules.definitions)


def visible_questions(step: Step, vals: dict[str, Any] | None = None) -> list[Question]:
    if vals is None or vals is values():
        return _session_path()[step.id]
    return [q for q in step.questions if is_visible(q, vals)]


def _session_path() -> dict[str, list[Question]]:
    """Visible questions per step for this session's answers, worked out once per change of
    the answers (progress, the step list and review all ask on every rerun)."""
    vals = values()
    key = (id(vals), st.session_state.get(REVISION, 0))
    memo = st.session_state.get(PATH_MEMO)
    if memo is None or memo[0] != key:
        defs = content().rules.definitions
        path = {
            step.id: [q for q in step.questions if q.show_if.evaluate(vals, defs)]
            for step in steps()
        }
        memo = (key, path)
        st.session_state[PATH_MEMO] = memo
    return memo[1]


def to_answers(vals: dict[str, Any] | None = None) -> Answers:
    """The answers model; unanswered (None) fields take the contract's defaults."""
    from wizard.answers import Answers

    vals = values() if vals is None else vals
    data = {k: v for k, v in vals.items() if v is not None}
    for key in ("critical_period_ends", "notice_date"):
        data.setdefault(key, None)
    if isinstance(data.get("outstanding_balance"), int):
        data["outstanding_balance"] = float(data["outstanding_balance"])
    return Answers.model_validate(data)


# --- validation -----------------------------------------------------------------------


def check_question(q: Question, value: Any) -> str | None:
    """The error for one answer, or None. Only form checks: required and ranges."""
    if q.type == "currency":
        code = str(value or "").strip()
        if len(code) != 3 or not code.isascii() or not code.isalpha() or not code.isupper():
            return "Enter a three-letter currency code, such as USD, EUR or GBP."
        return None
    if not is_set(q, value):
        if not q.required:
            return None
        if q.type == "multi":
            return "Please choose at least one."
        if q.type in ("integer", "amount"):
            return "Please enter a number."
        if q.type == "date":
            return "Please pick a date."
        return "Please choose an answer."
    if q.type in ("integer", "amount"):
        if q.min is not None and value < q.min:
            return f"Please enter {q.min:g} or more."
        if q.max is not None and value > q.max:
            return f"Please enter {q.max:g} or less."
    return None


def soft_warning(q: Question, value: Any) -> str | None:
    if q.warn_if_before_today and isinstance(value, dt.date) and value < today():
        return "This date is in the past. You can keep it if that is what you meant."
    return None


def _messages(step: Step, vals: dict[str, Any] | None, check) -> dict[str, str]:
    """question id -> message, for the step's visible questions that `check` objects to."""
    vals = values() if vals is None else vals
    found = {}
    for q in visible_questions(step, vals):
        message = check(q, vals.get(q.id))
        if message:
            found[q.id] = message
    return found


def step_errors(step: Step, vals: dict[str, Any] | None = None) -> dict[str, str]:
    return _messages(step, vals, check_question)


def step_warnings(step: Step, vals: dict[str, Any] | None = None) -> dict[str, str]:
    return _messages(step, vals, soft_warning)


def _session_errors() -> dict[str, dict[str, str]]:
    """step id -> its form errors, for this session's answers; worked out once per change
    of the answers, since the sidebar's progress and step list ask on every rerun."""
    vals = values()
    key = (id(vals), st.session_state.get(REVISION, 0))
    memo = st.session_state.get(ERRORS_MEMO)
    if memo is None or memo[0] != key:
        # From the memoised path, with local lookups only: session state access is not free.
        errors = {}
        for step_id, questions in _session_path().items():
            found = ((q.id, check_question(q, vals.get(q.id))) for q in questions)
            errors[step_id] = {qid: message for qid, message in found if message}
        memo = (key, errors)
        st.session_state[ERRORS_MEMO] = memo
    return memo[1]


def incomplete_steps(vals: dict[str, Any] | None = None) -> list[int]:
    if vals is None or vals is values():
        errors = _session_errors()
        return [i for i, step in enumerate(steps()) if errors[step.id]]
    return [i for i, step in enumerate(steps()) if step_errors(step, vals)]


def progress(vals: dict[str, Any] | None = None) -> tuple[int, int]:
    """(answered, total) over the questions on the current path.

    A required question counts once it has a valid answer; an optional or preset one once
    its step has been passed, since leaving it as it is then a real answer.
    """
    session_vals = values()
    own = vals is None or vals is session_vals
    vals = session_vals if vals is None else vals
    # Session state lookups are not free: fetch the memos once, not once per step.
    path = _session_path() if own else None
    errors_by_step = _session_errors() if own else None
    reached = st.session_state.get(REACHED, 0)
    answered = total = 0
    for index, step in enumerate(steps()):
        errors = errors_by_step[step.id] if own else step_errors(step, vals)
        questions = path[step.id] if own else visible_questions(step, vals)
        for q in questions:
            total += 1
            counts = index < reached or (q.required and q.type != "currency")  # preset != answer
            if counts:
                answered += q.id not in errors
    return answered, total


def all_done() -> bool:
    return st.session_state.get(REACHED, 0) >= len(steps()) and not incomplete_steps()


# --- navigation -----------------------------------------------------------------------


def clear_messages() -> None:
    st.session_state[ERRORS] = {}
    st.session_state[SOFT] = {}
    st.session_state[REVIEW_ERROR] = None


def start() -> None:
    clear_messages()
    st.session_state[VIEW] = "step"
    st.session_state[STEP] = 0
    st.session_state[EDITING] = False


def go_step(index: int, *, editing: bool = False) -> None:
    clear_messages()
    st.session_state[VIEW] = "step"
    st.session_state[STEP] = index
    st.session_state[EDITING] = editing


def go_review() -> None:
    clear_messages()
    st.session_state[VIEW] = "review"
    st.session_state[EDITING] = False


def go_result() -> None:
    """From review: only when every step on the path is complete."""
    missing = incomplete_steps()
    if missing:
        titles = ", ".join(steps()[i].title for i in missing)
        st.session_state[REVIEW_ERROR] = f"A few answers are still needed in: {titles}."
        return
    clear_messages()
    st.session_state[REACHED] = len(steps())
    st.session_state[VIEW] = "result"


def advance() -> None:
    """After a step validated: the next step, or review."""
    index = st.session_state[STEP]
    st.session_state[REACHED] = max(st.session_state[REACHED], index + 1)
    clear_messages()
    if st.session_state[EDITING] or index + 1 >= len(steps()):
        go_review()
    else:
        st.session_state[STEP] = index + 1


def back() -> None:
    index = st.session_state[STEP]
    clear_messages()
    if index == 0:
        st.session_state[VIEW] = "welcome"
    else:
        st.session_state[STEP] = index - 1


def load_answers_into_session(answers: Answers) -> None:
    """Replace every answer (resume or example) and land on review."""
    st.session_state[ANSWERS] = answers_from_model(answers)
    st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1
    st.session_state[REACHED] = len(steps())
    st.session_state[UPLOAD_ERROR] = None
    for key in (PLAN_CACHE, PDF_CACHE, MESSAGE):
        st.session_state.pop(key, None)
    go_review()


def reset_all() -> None:
    for key in _RESETTABLE:
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if str(k).startswith("w:")]:
        del st.session_state[key]
    init()


# --- resume from a file ---------------------------------------------------------------


def parse_upload(data: bytes) -> Answers:
    """Answers from an uploaded file's bytes; AnswersError with a readable message."""
    from wizard.answers import AnswersError, load_answers

    if len(data) > MAX_UPLOAD_BYTES:
        raise AnswersError("This file is larger than 1 MB, which no answers file needs to be.")
    return load_answers(data)


def handle_upload(file_id: str, data: bytes) -> bool:
    """Apply an uploaded answers file once per upload. On a bad file, show why and keep
    the current answers. Returns True when the answers were replaced."""
    if st.session_state.get(UPLOAD_SEEN) == file_id:
        return False
    from wizard.answers import AnswersError

    st.session_state[UPLOAD_SEEN] = file_id
    try:
        answers = parse_upload(data)
    except AnswersError as exc:
        st.session_state[UPLOAD_ERROR] = str(exc)
        return False
    load_answers_into_session(answers)
    st.session_state[FLASH] = "Your saved answers are back. Check them, then see your plan."
    return True
