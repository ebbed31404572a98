"""The sidebar: honest progress, the list of steps to jump back to, and start over."""

from __future__ import annotations

import streamlit as st

from wizard.ui import state


def _ask_reset(place: str) -> None:
    st.session_state[state.CONFIRM_RESET] = place


def _cancel_reset() -> None:
    st.session_state[state.CONFIRM_RESET] = None


def start_over(place: str) -> None:
    """'Start over', asking for confirmation in the same place it was pressed."""
    suffix = "" if place == "sidebar" else f"_{place}"
    if st.session_state.get(state.CONFIRM_RESET) == place:
        st.warning("Clear every answer and start again? This cannot be undone.")
        yes, no = st.columns(2)
        yes.button("Yes, clear", key=f"reset_yes{suffix}", on_click=state.reset_all)
        no.button("Keep my answers", key=f"reset_no{suffix}", on_click=_cancel_reset)
    else:
        st.button(
            "Start over", key=f"reset{suffix}", on_click=_ask_reset, args=(place,),
            icon=":material/restart_alt:",
        )  # fmt: skip


def progress_bar() -> None:
    answered, total = state.progress()
    view = st.session_state[state.VIEW]
    share = answered / total if total else 0.0
    if view == "step":
        share = min(share, 0.99)  # complete only once every step has been passed
    st.progress(share, text=f"{answered} of {total} questions answered")


def render() -> None:
    view = st.session_state[state.VIEW]
    current = st.session_state[state.STEP] if view == "step" else None
    reached = st.session_state[state.REACHED]
    incomplete = set(state.incomplete_steps()) if reached else set()
    with st.sidebar:
        st.markdown("### Partways")
        if view == "welcome" and not reached and current is None:
            st.caption("Your steps will show here once you start.")
            return
        if view != "step":  # a step screen shows it above the questions
            progress_bar()
        for index, step in enumerate(state.steps()):
            done = index < reached and index not in incomplete
            mark = "✓ " if done else ("• " if index == current else "")
            st.button(
                f"{mark}{index + 1}. {step.title}",
                key=f"nav_{step.id}",
                on_click=state.go_step,
                args=(index,),
                kwargs={"editing": view == "review" or view == "result"},
                disabled=index > reached,
                type="primary" if index == current else "tertiary",
                help=None if index <= reached else "Answer the earlier steps first.",
            )
        st.button(
            "Review answers",
            key="nav_review",
            on_click=state.go_review,
            disabled=reached < len(state.steps()),
            type="primary" if view == "review" else "tertiary",
            help=None if reached >= len(state.steps()) else "Available once every step is done.",
        )
        st.divider()
        start_over("sidebar")
