"""One question on screen, the GOV.UK way: its label, the error naming it (when there is
one), the control, and "why we ask" with any help behind a disclosure, opened on request.

Before a widget is drawn, its key is set from the answers dict; when the user changes it,
a callback copies the new value back. The dict is therefore always current, even for
questions on steps that are not on screen. Each question sits in a container keyed
`q_<id>`: the error summary links to it, and the browser component (tab.js) describes the
control by its error, its counter and its "why we ask" text, and names a checkbox group by
its label.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from wizard.answers import allowed_values, number_bounds
from wizard.content_model import Question, StepWords
from wizard.ui import answer_values, kinds, sources
from wizard.ui.session import current


def sync(q: Question) -> None:
    """Copy the widget's value into the answers dict (on_change callback)."""
    state = st.session_state
    if kinds.drawn(q, state):
        session = current()
        vals = answer_values.values(session)
        value = kinds.of(q).read(q, state)
        if not answer_values.is_suggestion(vals, q.id, value):  # else not chosen: it follows
            session.set_value(q.id, value)  # the place, and Next leaves it so
        session.errors.pop(q.id, None)
        session.soft.pop(q.id, None)


def sync_step(questions: list[Question]) -> None:
    """Copy every rendered widget of a step (e.g. before validating on Next)."""
    for q in questions:
        sync(q)


def _more(q: Question, words: StepWords) -> str:
    """The disclosure's text: help, the accepted range of a number, and why we ask."""
    parts = [q.help] if q.help else []
    if q.type in ("integer", "amount") and number_bounds(q.id) != (None, None):
        parts.append(words.range.format(allowed=allowed_values(q.id)))
    parts.append(f"*{words.why_we_ask}* {q.why}")
    return "\n\n".join(parts)


def render(q: Question, value: object, error: str | None, warning: str | None) -> None:
    """Draw one question's control, with its error and warning. The widget keeps the
    question as its accessible name; when the label must sit above an error (or name a
    group of checkboxes) it is drawn as text and the widget's own label is hidden, not
    removed. Drawn inside the question's box (question_box), before its disclosure."""
    words = sources.screens().step
    callbacks: dict[str, Any] = {"on_change": sync, "args": (q,)}
    grouped = q.type == "multi"
    if error or grouped:
        with st.container(key=f"label_{q.id}"):
            st.markdown(f"**{q.label}**")
        callbacks["label_visibility"] = "collapsed"
    if error:
        with st.container(key=f"err_{q.id}"):
            st.error(error, icon=":material/error:")
    kinds.of(q).draw(q, value, words, callbacks)
    if warning:
        st.warning(warning, icon=":material/warning:")


def suggested(q: Question, vals: dict[str, Any]) -> None:
    """Under the currency while the user has not chosen one: it is the one where they work.
    A hint, as tab.js calls it: the control is described by it."""
    from wizard import places

    words = sources.screens().step
    country = places.country_name(places.split(str(vals.get("jurisdiction") or ""))[0])
    with st.container(key=f"hint_{q.id}"):
        if country is None:
            st.caption(words.currency_default)
        else:
            st.caption(words.currency_from_place.format(country=country))


def _use_currency(code: str) -> None:
    session = current()
    answer_values.values(session)
    session.set_value(answer_values.FOLLOWS_PLACE, code)


def currency_kept(q: Question, vals: dict[str, Any]) -> None:
    """Under where you work, when amounts are entered in another currency than the place's:
    they stay in theirs (said here, where the country changed), with the place's offered.
    A hint, as tab.js calls it: the list is described by it."""
    offer = answer_values.currency_offer(vals)
    if offer is None:
        return
    from wizard import places

    kept, offered = offer
    words = sources.screens().step
    country = places.country_name(places.split(str(vals.get(q.id) or ""))[0])
    with st.container(key=f"hint_{q.id}"):
        st.info(
            words.currency_kept.format(currency=kept, country=country, offered=offered),
            icon=":material/info:",
        )
        st.button(
            words.currency_switch.format(offered=offered), key="use_place_currency",
            on_click=_use_currency, args=(offered,),
        )  # fmt: skip


def question_box(q: Question) -> DeltaGenerator:
    """The box that holds one question: its control (drawn by render) and its "why we
    ask" disclosure (more). tab.js links the two inside it."""
    return st.container(key=f"q_{q.id}", gap="small")


def more(q: Question) -> None:
    """The "why we ask" disclosure, under the control. Its text never changes with the
    answer, so it is drawn with the page, not again on each answer."""
    words = sources.screens().step
    with st.expander(words.why_we_ask_more):
        st.markdown(_more(q, words))
