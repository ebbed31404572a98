"""The browser tab's side of a session, through one small component (tab.js).

- The answers are kept in the tab's own sessionStorage, so a reload, Back/Forward or a
  dropped connection restores them; nothing is stored on the server. A question's text is
  kept there as it is typed too (tab.js), so a reload straight after typing keeps it.
  "Start over" and the quick exit clear it.
- On every change of screen the page scrolls to the top, focus moves to the screen's one
  heading (or to the error summary), the tab title says where the user is and a polite live
  region announces it.

Data crosses as JSON only: the script never places a value in HTML or JavaScript source.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import streamlit as st

from wizard.ui import sources
from wizard.ui.session import Session, current

JS_FILE = Path(__file__).with_name("tab.js")
STORE_JS_FILE = Path(__file__).with_name("store.js")
COMPONENT_KEY = "partways_tab"
STORE_KEY_PREFIX = "partways_store_"
STORAGE_KEY = "partways:answers"  # the sessionStorage key; tab.js names the same one
EXIT_FLAG = "partways_exit"  # set by the quick exit, after the session was cleared
CLEAR_FLAG = "partways_clear"  # set by start over: empty the tab's storage once
STORE_VERSION = 1
RESTORE_MAX_CHARS = 500_000  # far above any real answers; refuse anything bigger unread
VIEWS = ("welcome", "step", "review", "result")


@functools.cache
def _component() -> Any:
    return st.components.v2.component(COMPONENT_KEY, js=JS_FILE.read_text(encoding="utf-8"))


@functools.cache
def _store_component() -> Any:
    js = STORE_JS_FILE.read_text(encoding="utf-8")
    return st.components.v2.component("partways_store", js=js)


def store(session: Session, qid: str) -> None:
    """Write the answers to the tab's storage from inside one question's fragment (its
    rerun does not reach the page's component, tab.js). A small component of its own,
    keyed by the question: nothing but the storage write."""
    data = stored(session)
    if data is not None:
        _store_component()(key=STORE_KEY_PREFIX + qid, data=[{"key": STORAGE_KEY, "store": data}])


def stored(session: Session) -> dict[str, Any] | None:
    """What the tab keeps: the answers the model accepts (as in the answers file), the
    questions still unanswered, the texts typed that the model refuses so far (a name over
    its limit: `drafts`, kept apart and never written to a file), and where the user is
    (the welcome screen too, once there are answers: a reload there shows it again).
    Rebuilt only when it changes; the answers' part only when the answers change (a change
    of screen alone reuses it)."""
    if session.answers is None:
        return None
    where = (session.view, session.step, session.reached, session.editing)
    answers_key = (id(session.answers), session.revision)
    memo = session.store_memo
    if memo is not None and memo[0] == (answers_key, where):
        return memo[1]
    if memo is not None and memo[0][0] == answers_key:
        kept, unset, drafts = memo[1]["answers"], memo[1]["unset"], memo[1]["drafts"]
    else:
        from wizard.ui.answer_values import refused_texts, valid_for_file

        kept, unset = valid_for_file(session.answers)
        drafts = refused_texts(session.answers, unset)
    data = {
        "v": STORE_VERSION,
        "answers": kept,
        "unset": unset,
        "drafts": drafts,
        "view": session.view,
        "step": session.step,
        "reached": session.reached,
    }
    session.store_memo = ((answers_key, where), data)
    return data


def _drafts(data: dict[str, Any]) -> dict[str, str] | None:
    """The refused texts the tab sent back, or None when they are not what stored() writes:
    each a string within its limit (answer_values.draft_limits), for a typed question that
    has no accepted answer beside it. Missing (kept before drafts existed): none."""
    from wizard.ui.answer_values import draft_limits

    drafts = data.get("drafts", {})
    if not isinstance(drafts, dict):
        return None
    limits = draft_limits()
    for qid, text in drafts.items():
        if qid not in limits or qid in data["answers"] or not isinstance(text, str):
            return None
        if len(text) > limits[qid]:
            return None
    return drafts


def _typed(data: dict[str, Any]) -> dict[str, str]:
    """The texts tab.js kept as they were typed into a question's box, not yet sent (a
    reload came first): those of a typed question within what the tab keeps of it
    (answer_values.draft_limits); anything else is left out."""
    from wizard.ui.answer_values import draft_limits

    typed = data.get("typed", {})
    if not isinstance(typed, dict):
        return {}
    limits = draft_limits()
    return {
        qid: text
        for qid, text in typed.items()
        if qid in limits and isinstance(text, str) and len(text) <= limits[qid]
    }


def restore(raw: str) -> bool:
    """Put back what the tab kept, if it is a valid set of answers; True when restored."""
    from wizard.answers import AnswersError, parse_answers_data
    from wizard.ui.answer_values import empty_answers, from_drafts

    session = current()
    if not raw or len(raw) > RESTORE_MAX_CHARS or session.revision:
        return False
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("v") != STORE_VERSION:
            return False
        if not isinstance(data.get("answers"), dict):
            return False
        answers = parse_answers_data({"schema_version": 1, "answers": data["answers"]})
    except (ValueError, RecursionError, AnswersError):  # RecursionError: nested too deep
        return False
    drafts = _drafts(data)
    if drafts is None:
        return False
    # Exactly what the tab kept: its answers (as the model read them), the texts typed that
    # the model refuses (Next refuses them again, with their message), the rest unanswered.
    model_values = answers.model_dump()
    values = empty_answers()
    values.update({k: model_values[k] for k in data["answers"] if k in model_values})
    values.update(from_drafts(drafts))
    values.update(from_drafts(_typed(data)))  # the last words typed, over what was sent
    total = len(sources.steps())
    step, reached, view = data.get("step"), data.get("reached"), data.get("view")
    session.answers, session.revision = values, session.revision + 1
    session.step = step if isinstance(step, int) and 0 <= step < total else 0
    session.reached = reached if isinstance(reached, int) and 0 <= reached <= total else 0
    session.view = view if view in VIEWS else "step"
    session.editing = False
    if isinstance(data.get("screen"), str):
        from wizard.ui import navigation

        navigation.restore_entry(session, data["screen"])
    if session.view == "result":
        from wizard.ui import validation

        if validation.incomplete_steps(session):
            session.view = "review"
    session.restored = True
    return True


def _restore_arrived() -> None:
    """on_restore_change: the tab answered the offer with what it kept ("" for nothing)."""
    session = current()
    session.restore_checked = True
    result = st.session_state.get(COMPONENT_KEY)
    raw = getattr(result, "restore", None) if result is not None else None
    if isinstance(raw, str):
        restore(raw)


def _screen_asked() -> None:
    """on_screen_change: Back or Forward in the browser asked for a history entry's screen."""
    from wizard.ui import navigation

    result = st.session_state.get(COMPONENT_KEY)
    asked = getattr(result, "screen", None) if result is not None else None
    # {"screen": ..., "ask": n}: the number comes back in every screen drawn from now on
    # (render: "answered"), so the tab can tell this answer from a screen drawn before it.
    if isinstance(asked, dict):
        ask = asked.get("ask")
        if isinstance(ask, int) and not isinstance(ask, bool) and ask > 0:
            current().history_answered = ask
        asked = asked.get("screen")
    if isinstance(asked, str):
        navigation.go_to_screen(asked)


def clear_on_next_run() -> None:
    st.session_state[CLEAR_FLAG] = True


def page_title(screen: str) -> str:
    from wizard.ui import words

    return str(words.first_page().page.title).format(screen=screen)


def render(
    session: Session, heading: str, *, message: str | None = None, new_entries: bool = True
) -> None:
    """Mount the component at the end of a screen whose one heading is `heading`. With
    new_entries False a new screen takes the place of the last one in the browser's history
    instead of adding an entry (Back then leaves the wizard, as a quick exit wants)."""
    state = st.session_state
    clear = bool(state.pop(CLEAR_FLAG, False))
    screen = f"step:{session.step}" if session.view == "step" else session.view
    errors = bool(session.errors)
    data = {
        "screen": screen,
        "heading": heading,
        "announce": heading,
        "title": heading if session.view == "welcome" else page_title(heading),
        "focus": "errors" if errors else "heading",
        "token": session.error_round if errors else 0,
        "refocus": session.focus_round,
        "focus_on": session.focus_on,
        "reveal": session.reveal_round,
        "clear": clear,
        "store": None if clear else stored(session),
        "offer_restore": not session.restore_checked,
        "message": message,
        "exit_url": None,
        "new_entries": new_entries,
        "answered": session.history_answered,
    }
    _mount(data)


def _mount(data: dict[str, Any]) -> None:
    # Wrapped in a list: Streamlit scans every key of a dict for dataframes before it
    # writes the JSON, which cost more than the rest of the component on each rerun.
    _component()(
        key=COMPONENT_KEY, data=[data], on_restore_change=_restore_arrived,
        on_screen_change=_screen_asked,
    )  # fmt: skip


def render_exit() -> None:
    """After the quick exit: clear the tab's storage and leave for the neutral page."""
    from wizard.ui import words

    url = str(words.first_page().safety.exit_url)
    data = {"screen": "exit", "heading": "", "announce": "", "title": "", "focus": "heading",
            "token": 0, "refocus": 0, "focus_on": None, "reveal": 0, "clear": True, "store": None,
            "offer_restore": False, "message": None, "exit_url": url,
            "new_entries": False, "answered": 0}  # fmt: skip
    _mount(data)


def quick_exit() -> None:
    """Button callback: forget this session, then (next run) clear the tab and leave."""
    from wizard.ui.session import reset

    reset()
    st.session_state[EXIT_FLAG] = True


def exiting() -> bool:
    return bool(st.session_state.get(EXIT_FLAG))
