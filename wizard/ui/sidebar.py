"""The sidebar: where the user is (steps, not a moving count of questions), the steps to go
back to as buttons (one Tab stop each; arrow keys never move between screens), the quick
exit when safety was raised, and start over."""

from __future__ import annotations

import html

import streamlit as st

from wizard.ui import navigation, sources, words
from wizard.ui.session import Session, current


def start_over(place: str) -> None:
    """'Start over', asking for confirmation in the same place it was pressed."""
    words = sources.screens().start_over
    suffix = "" if place == "sidebar" else f"_{place}"
    if current().confirm_reset == place:
        with st.container(key=f"confirm_{place}"):  # tab.js focuses the question
            st.warning(words.confirm)
            yes, no = st.columns(2)
            yes.button(words.confirm_yes, key=f"reset_yes{suffix}", on_click=navigation.start_over)
            no.button(
                words.confirm_no, key=f"reset_no{suffix}", on_click=navigation.cancel_start_over,
                args=(f"reset{suffix}",),
            )  # fmt: skip
    else:
        st.button(
            words.button, key=f"reset{suffix}", on_click=navigation.ask_start_over,
            args=(place,), icon=":material/restart_alt:",
        )  # fmt: skip


def where(session: Session) -> str:
    """'Step 3 of 8', or the screen's name after the steps."""
    text = sources.screens().sidebar
    if session.view == "review":
        return text.on_review
    if session.view == "result":
        return text.on_result
    return text.progress.format(number=session.step + 1, total=len(sources.steps()))


def _here(text: str) -> None:
    """The screen the user is on, in the list of steps: not a button (there is nowhere to
    go), drawn in full contrast with a bar beside it, and named as the current step."""
    st.html(f'<p class="partways-current" aria-current="step">{html.escape(text)}</p>')


def _step_list(session: Session, incomplete: set[int]) -> None:
    """A button for every step the user may go back to; the current one is marked."""
    all_steps = sources.steps()
    text = sources.screens().sidebar
    total, reached = len(all_steps), session.reached
    editing = session.view in ("review", "result")
    st.markdown(f"**{text.steps.format(total=total)}**")
    for index in range(min(reached, total - 1) + 1):
        here = session.view == "step" and index == session.step
        done = index < reached and index not in incomplete
        mark = f" {text.current}" if here else (f" {text.done}" if done else "")
        label = f"{index + 1}. {all_steps[index].title}{mark}"
        if here:
            _here(label)
            continue
        st.button(
            label, key=f"side_step_{index}", on_click=navigation.go_step, args=(index,),
            kwargs={"editing": editing}, type="tertiary",
        )  # fmt: skip
    if reached >= total and session.view == "review":
        _here(f"{text.review} {text.current}")
    elif reached >= total:
        st.button(text.review, key="side_review", on_click=navigation.go_review, type="tertiary")


def render() -> None:
    session = current()
    with st.sidebar:
        # No heading: the tab title and the pages already name the app, and every element
        # here is drawn again on every click.
        if session.view == "welcome" and not session.reached:
            st.caption(words.first_page().sidebar.before_start)
            return
        from wizard.ui import validation

        st.caption(where(session))
        if session.view == "result":
            # The plan's page is long enough: one way back to the answers (review has an
            # Edit for every step) instead of a button per step, each drawn on every click.
            # Named as on the other screens, not as the page's own "Change my answers".
            st.button(
                sources.screens().sidebar.review, key="side_review",
                on_click=navigation.go_review, type="tertiary",
            )  # fmt: skip
        else:
            incomplete = set(validation.incomplete_steps(session)) if session.reached else set()
            _step_list(session, incomplete)
        from wizard.ui import safety

        if safety.raised(session):
            safety.quick_exit_button("sidebar")
        start_over("sidebar")
