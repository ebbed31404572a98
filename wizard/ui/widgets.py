"""One question -> one Streamlit widget, mirrored into the answers dict.

Widget keys are 'w:<question id>' (plus ':other' for a typed currency code). Before a widget is
drawn, its key is set from the answers dict; when the user changes it, a callback copies
the new value back. The dict is therefore always current, even for questions on steps
that are not on screen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from wizard.content import Question
from wizard.ui import state

COMMON_CURRENCIES = (
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "INR", "SGD", "ZAR", "SEK",
    "NOK", "DKK", "PLN", "BRL", "MXN",
)  # fmt: skip
OTHER = "other"
TEXT_MAX = 200
RADIO_MAX_OPTIONS = 6
YES_NO = (True, False)


def key(qid: str, part: str = "") -> str:
    return f"w:{qid}:{part}" if part else f"w:{qid}"


def yes_no_label(value: Any) -> str:
    return "Yes" if value else "No"


def read_widget(q: Question) -> Any:
    """The answer currently shown by the question's widget(s)."""
    ss = st.session_state
    if q.type == "multi":
        chosen = set(ss.get(key(q.id)) or ())
        return [o.value for o in q.options if o.value in chosen]  # in the content's order
    if q.type == "currency":
        choice = ss.get(key(q.id))
        if choice == OTHER:
            return str(ss.get(key(q.id, OTHER), "")).strip().upper()
        return choice
    if q.type == "text":
        return str(ss.get(key(q.id), "") or "")
    return ss.get(key(q.id))


def sync(q: Question) -> None:
    """Copy the widget's value into the answers dict (on_change callback)."""
    if key(q.id) in st.session_state:
        state.set_value(q.id, read_widget(q))
        st.session_state[state.ERRORS].pop(q.id, None)
        st.session_state[state.SOFT].pop(q.id, None)


def sync_step(questions: list[Question]) -> None:
    """Copy every rendered widget of a step (e.g. before validating on Next)."""
    for q in questions:
        sync(q)


def _seed(widget_key: str, value: Any) -> None:
    st.session_state[widget_key] = value


def render(q: Question, error: str | None = None, warning: str | None = None) -> None:
    """Draw one question: its widget, help, any message, and why we ask."""
    value = state.values().get(q.id)
    kwargs = {"on_change": sync, "args": (q,)}
    # The widget shows the question as its own label (plain text: it is also the accessible
    # name screen readers announce); help and "why we ask" follow in one caption. Two
    # elements per question, since every element costs server time on every rerun.
    label = q.label
    if q.type == "choice":
        options = [o.value for o in q.options]
        labels = {o.value: o.label for o in q.options}
        _seed(key(q.id), value if value in options else None)
        if len(options) > RADIO_MAX_OPTIONS:
            st.selectbox(
                label, options, format_func=labels.get, key=key(q.id),
                placeholder="Choose one", **kwargs,
            )  # fmt: skip
        else:
            captions = [o.help for o in q.options]
            st.radio(
                label, options, format_func=labels.get, key=key(q.id),
                captions=captions if any(captions) else None, **kwargs,
            )  # fmt: skip
    elif q.type == "yesno":
        _seed(key(q.id), value if value in YES_NO else None)
        st.radio(label, YES_NO, format_func=yes_no_label, key=key(q.id), horizontal=True, **kwargs)
    elif q.type == "multi":
        # One pills widget for the whole group: every option visible and easy to tap on a
        # phone, and one element per rerun instead of one checkbox per option.
        options = [o.value for o in q.options]
        labels = {o.value: o.label for o in q.options}
        _seed(key(q.id), [v for v in (value or []) if v in options])
        st.pills(
            label, options, selection_mode="multi", format_func=labels.get, key=key(q.id),
            **kwargs,
        )  # fmt: skip
    elif q.type in ("integer", "amount"):
        integer = q.type == "integer"
        cast = int if integer else float
        if value is not None:
            value = cast(value)
        _seed(key(q.id), value)
        st.number_input(
            label,
            min_value=cast(q.min) if q.min is not None else None,
            max_value=cast(q.max) if q.max is not None else None,
            step=1 if integer else 50.0,
            format="%d" if integer else "%.2f",
            key=key(q.id),
            placeholder="Enter a number",
            **kwargs,
        )
    elif q.type == "date":
        if value is None and q.required:
            value = state.default_notice_date()
        _seed(key(q.id), value)
        low = state.today() - dt.timedelta(days=365)
        high = state.today() + dt.timedelta(days=3 * 365)
        if value is not None:
            low, high = min(low, value), max(high, value)
        st.date_input(
            label, min_value=low, max_value=high, format="YYYY-MM-DD", key=key(q.id), **kwargs
        )
    elif q.type == "currency":
        code = str(value or "").upper()
        _seed(key(q.id), code if code in COMMON_CURRENCIES else OTHER)
        st.selectbox(
            label,
            (*COMMON_CURRENCIES, OTHER),
            format_func=lambda c: "Another currency" if c == OTHER else c,
            key=key(q.id),
            **kwargs,
        )
        if st.session_state[key(q.id)] == OTHER:
            _seed(key(q.id, OTHER), "" if code in COMMON_CURRENCIES else code)
            st.text_input(
                "Three-letter currency code", max_chars=3, key=key(q.id, OTHER),
                placeholder="e.g. HKD", on_change=sync, args=(q,),
            )  # fmt: skip
    else:  # text
        text = str(value or "")
        _seed(key(q.id), text)
        st.text_input(
            label,
            max_chars=max(TEXT_MAX, len(text)),
            key=key(q.id),
            placeholder=q.placeholder or None,
            **kwargs,
        )
    st.caption(f"{q.help}  \n*Why we ask:* {q.why}" if q.help else f"*Why we ask:* {q.why}")
    if error:
        st.error(error, icon=":material/error:")
    if warning:
        st.warning(warning, icon=":material/warning:")
