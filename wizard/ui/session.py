"""This browser session's state: one typed object under one session_state key.

Everything user-specific lives here (never in module globals or st.cache_*), so "start
over" is one reset. Widgets keep their own keys ('w:<question id>'); they only mirror
`Session.answers`, which is the source of truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

if TYPE_CHECKING:
    from concurrent.futures import Future

    from wizard.models import Plan

KEY = "partways"
WIDGET_PREFIX = "w:"
View = Literal["welcome", "step", "review", "result"]


@dataclass
class Session:
    # The answers dict, created on first use (it needs the content's questions).
    answers: dict[str, Any] | None = None
    revision: int = 0  # bumped on every change to the answers, to key the memos below
    view: View = "welcome"
    step: int = 0
    reached: int = 0  # steps passed so far
    editing: bool = False  # came from review: Next saves and returns there
    errors: dict[str, str] = field(default_factory=dict)
    soft: dict[str, str] = field(default_factory=dict)  # warnings the user may override
    review_error: str | None = None
    flash: str | None = None
    upload_seen: str | None = None
    upload_error: str | None = None
    confirm_reset: str | None = None  # where "Start over" is waiting for a yes
    error_round: int = 0  # bumped each time Next finds errors: focus goes to the summary
    focus_round: int = 0  # bumped to send focus to the heading on the same screen
    focus_on: str | None = None  # with focus_round: a keyed element to focus instead
    reveal_round: int = 0  # bumped when the safety panel opens: scroll it into view
    history_answered: int = 0  # the last Back/Forward request taken (tab.js numbers them)
    restore_checked: bool = False  # the tab was asked for answers it kept
    restored: bool = False  # answers came back from the tab: offer to discard them
    example: bool = False  # the answers are an example's, not the user's
    outside: tuple[Any, ...] = ()  # what a step's page showed around its questions (steps.py)
    drawing_page: bool = False  # the whole script is running (not one fragment)
    # Derived results, keyed by their inputs.
    path_memo: tuple[Any, Any] | None = None
    answers_memo: tuple[Any, Any] | None = None  # the answers model and its plan key
    errors_memo: tuple[Any, Any] | None = None
    plan_cache: tuple[str, Plan] | None = None
    plan_ahead: tuple[str, Future[Plan]] | None = None  # started on review (derived.py)
    pdf_cache: dict[str, Any] = field(default_factory=dict)
    message: dict[str, Any] | None = None
    what_if_cache: dict[str, Any] | None = None
    store_memo: tuple[Any, Any] | None = None

    def set_value(self, qid: str, value: Any) -> None:
        assert self.answers is not None
        self.answers[qid] = value
        self.revision += 1

    def clear_messages(self) -> None:
        self.errors = {}
        self.soft = {}
        self.review_error = None


def current() -> Session:
    """This session's state, created on first use."""
    state = st.session_state
    session = state.get(KEY)
    if session is None:
        session = state[KEY] = Session()
    return session


def reset() -> None:
    """Forget everything about this session: its state and every question widget."""
    state = st.session_state
    state.pop(KEY, None)
    for key in [k for k in state if str(k).startswith(WIDGET_PREFIX)]:
        del state[key]
