"""The sidebar: honest progress, the list of steps to jump back to, and start over."""

from __future__ import annotations

import streamlit as st

from wizard.ui import navigation, sources, words
from wizard.ui.session import Session, current

NAV = "nav_steps"
REVIEW = "review"


def start_over(place: str) -> None:
    """'Start over', asking for confirmation in the same place it was pressed."""
    words = sources.screens().start_over
    suffix = "" if place == "sidebar" else f"_{place}"
    if current().confirm_reset == place:
        st.warning(words.confirm)
        yes, no = st.columns(2)
        yes.button(words.confirm_yes, key=f"reset_yes{suffix}", on_click=navigation.start_over)
        no.button(words.confirm_no, key=f"reset_no{suffix}", on_click=navigation.cancel_start_over)
    else:
        st.button(
            words.button, key=f"reset{suffix}", on_click=navigation.ask_start_over,
            args=(place,), icon=":material/restart_alt:",
        )  # fmt: skip


def progress_bar(session: Session) -> None:
    from wizard.ui import validation  # the decision core: not needed on the first page

    answered, total = validation.progress(session)
    share = answered / total if total else 0.0
    if session.view == "step":
        share = min(share, 0.99)  # complete only once every step has been passed
    text = sources.screens().sidebar.progress.format(answered=answered, total=total)
    st.progress(share, text=text)


def _jump() -> None:
    """The step list was clicked: go there (editing, if the user had reached review)."""
    target = st.session_state[NAV]
    if target == REVIEW:
        navigation.go_review()
    elif target is not None:
        navigation.go_step(target, editing=current().view in ("review", "result"))


def _step_list(session: Session, incomplete: set[int]) -> None:
    """One radio for every step the user may jump to: a single widget instead of a button
    per step keeps each rerun cheap."""
    all_steps = sources.steps()
    words = sources.screens().sidebar
    total, reached = len(all_steps), session.reached
    options: list[int | str] = list(range(min(reached, total - 1) + 1))
    if reached >= total:
        options.append(REVIEW)

    def label(option: int | str) -> str:
        if option == REVIEW or not isinstance(option, int):
            return words.review
        done = option < reached and option not in incomplete
        return f"{'✓ ' if done else ''}{option + 1}. {all_steps[option].title}"

    # Mirror where the user is; nothing is selected on the result page.
    view = session.view
    st.session_state[NAV] = session.step if view == "step" else (REVIEW if view == REVIEW else None)
    st.radio(words.steps.format(total=total), options, format_func=label, key=NAV, on_change=_jump)


def render() -> None:
    session = current()
    with st.sidebar:
        # No heading: the tab title and the pages already name the app, and every element
        # here is drawn again on every click.
        if session.view == "welcome" and not session.reached:
            st.caption(words.first_page().sidebar.before_start)
            return
        from wizard.ui import validation

        incomplete = set(validation.incomplete_steps(session)) if session.reached else set()
        if session.view != "step":  # a step screen shows it above the questions
            progress_bar(session)
        _step_list(session, incomplete)
        start_over("sidebar")
