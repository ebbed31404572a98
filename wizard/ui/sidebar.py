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


NAV = "nav_steps"
REVIEW = "review"


def _jump() -> None:
    """The step list was clicked: go there (editing, if the user had reached review)."""
    target = st.session_state[NAV]
    if target == REVIEW:
        state.go_review()
    elif target is not None:
        view = st.session_state[state.VIEW]
        state.go_step(target, editing=view in ("review", "result"))


def _step_list(view: str, current: int | None, reached: int, incomplete: set[int]) -> None:
    """One radio for every step the user may jump to: a single widget instead of a button
    per step keeps each rerun cheap."""
    all_steps = state.steps()
    total = len(all_steps)
    options: list[int | str] = list(range(min(reached, total - 1) + 1))
    if reached >= total:
        options.append(REVIEW)

    def label(option: int | str) -> str:
        if option == REVIEW:
            return "Review answers"
        done = option < reached and option not in incomplete
        return f"{'✓ ' if done else ''}{option + 1}. {all_steps[option].title}"

    # Mirror where the user is; nothing is selected on the result page.
    st.session_state[NAV] = current if view == "step" else (REVIEW if view == REVIEW else None)
    st.radio(f"Your steps ({total} in all)", options, format_func=label, key=NAV, on_change=_jump)


def render() -> None:
    view = st.session_state[state.VIEW]
    current = st.session_state[state.STEP] if view == "step" else None
    reached = st.session_state[state.REACHED]
    incomplete = set(state.incomplete_steps()) if reached else set()
    with st.sidebar:
        # No heading: the tab title and the pages already name the app, and every element
        # here is drawn again on every click.
        if view == "welcome" and not reached and current is None:
            st.caption("Your steps will show here once you start.")
            return
        if view != "step":  # a step screen shows it above the questions
            progress_bar()
        _step_list(view, current, reached, incomplete)
        start_over("sidebar")
