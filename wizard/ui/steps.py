"""One step of questions per screen, with Back / Next and validation on Next."""

from __future__ import annotations

import streamlit as st

from wizard.ui import state, widgets


def _next(continue_anyway: bool = False) -> None:
    step = state.steps()[st.session_state[state.STEP]]
    widgets.sync_step(state.visible_questions(step))
    errors = state.step_errors(step)
    if errors:
        st.session_state[state.ERRORS] = errors
        st.session_state[state.SOFT] = {}
        return
    warnings = state.step_warnings(step)
    if warnings and not continue_anyway:
        st.session_state[state.ERRORS] = {}
        st.session_state[state.SOFT] = warnings
        return
    state.advance()


def _back() -> None:
    step = state.steps()[st.session_state[state.STEP]]
    widgets.sync_step(state.visible_questions(step))
    state.back()


def render() -> None:
    all_steps = state.steps()
    index = st.session_state[state.STEP]
    step = all_steps[index]
    editing = st.session_state[state.EDITING]
    errors = st.session_state[state.ERRORS]
    soft = st.session_state[state.SOFT]

    # Counter, title and intro in one element (content text, not user text).
    st.markdown(f":gray[Step {index + 1} of {len(all_steps)}]\n## {step.title}\n{step.intro}")

    for q in state.visible_questions(step):
        widgets.render(q, errors.get(q.id), soft.get(q.id))

    if errors:
        st.error("Some answers need attention; see the notes above.", icon=":material/error:")
    if soft and not errors:
        st.warning(
            "Please check the note above. If it is right, continue anyway.",
            icon=":material/warning:",
        )

    last = index + 1 >= len(all_steps)
    next_label = "Save and return to review" if editing else ("Review answers" if last else "Next")
    if soft and not errors:
        next_label, next_key, args = "Continue anyway", "nav_continue", (True,)
    else:
        next_key, args = "nav_next", ()
    if editing:  # one way out: saving keeps every answer, so a second button would only confuse
        st.button(next_label, on_click=_next, args=args, key=next_key, type="primary",
                  width="stretch")  # fmt: skip
        return
    with st.container(horizontal=True):
        st.button("Back", on_click=_back, key="nav_back", width="stretch")
        st.button(next_label, on_click=_next, args=args, key=next_key, type="primary",
                  width="stretch")  # fmt: skip
