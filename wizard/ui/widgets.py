"""One question on screen: its widget (drawn by its kind), help, messages and why we ask.

Before a widget is drawn, its key is set from the answers dict; when the user changes it,
a callback copies the new value back. The dict is therefore always current, even for
questions on steps that are not on screen.
"""

from __future__ import annotations

import streamlit as st

from wizard.content_model import Question
from wizard.ui import answer_values, kinds, sources
from wizard.ui.session import current


def sync(q: Question) -> None:
    """Copy the widget's value into the answers dict (on_change callback)."""
    state = st.session_state
    if kinds.key(q.id) in state:
        session = current()
        answer_values.values(session)
        session.set_value(q.id, kinds.of(q).read(q, state))
        session.errors.pop(q.id, None)
        session.soft.pop(q.id, None)


def sync_step(questions: list[Question]) -> None:
    """Copy every rendered widget of a step (e.g. before validating on Next)."""
    for q in questions:
        sync(q)


def render(q: Question, value: object, error: str | None, warning: str | None) -> None:
    """Draw one question. The widget shows the question as its own label (plain text: it
    is also the accessible name screen readers announce); help and "why we ask" follow in
    one caption. Two elements per question: every element costs time on every rerun."""
    words = sources.screens().step
    kinds.of(q).draw(q, value, words, {"on_change": sync, "args": (q,)})
    why = f"*{words.why_we_ask}* {q.why}"
    st.caption(f"{q.help}  \n{why}" if q.help else why)
    if error:
        st.error(error, icon=":material/error:")
    if warning:
        st.warning(warning, icon=":material/warning:")
