"""One step of questions per screen, with Back / Next and validation on Next."""

from __future__ import annotations

import streamlit as st

from wizard.ui import answer_values, navigation, sources, validation, widgets
from wizard.ui.session import current


def _next(continue_anyway: bool = False) -> None:
    session = current()
    step = sources.steps()[session.step]
    widgets.sync_step(validation.session_path(session)[step.id])
    errors = validation.step_errors(session, step)
    if errors:
        session.errors, session.soft = errors, {}
        return
    warnings = validation.step_warnings(session, step)
    if warnings and not continue_anyway:
        session.errors, session.soft = {}, warnings
        return
    navigation.advance(session)


def _back() -> None:
    session = current()
    step = sources.steps()[session.step]
    widgets.sync_step(validation.session_path(session)[step.id])
    navigation.back(session)


def render() -> None:
    session = current()
    words = sources.screens().step
    all_steps = sources.steps()
    step = all_steps[session.step]
    errors, soft = session.errors, session.soft
    vals = answer_values.values(session)

    # Counter, title and intro in one element (content text, not user text).
    counter = words.counter.format(number=session.step + 1, total=len(all_steps))
    st.markdown(f":gray[{counter}]\n## {step.title}\n{step.intro}")

    for q in validation.session_path(session)[step.id]:
        widgets.render(q, vals.get(q.id), errors.get(q.id), soft.get(q.id))

    if errors:
        st.error(words.errors_above, icon=":material/error:")
    if soft and not errors:
        st.warning(words.warnings_above, icon=":material/warning:")

    last = session.step + 1 >= len(all_steps)
    if session.editing:
        next_label = words.save_and_review
    else:
        next_label = words.to_review if last else words.next
    if soft and not errors:
        next_label, next_key, args = words.continue_anyway, "nav_continue", (True,)
    else:
        next_key, args = "nav_next", (False,)
    if session.editing:  # one way out: saving keeps every answer; a second button would confuse
        st.button(next_label, on_click=_next, args=args, key=next_key, type="primary",
                  width="stretch")  # fmt: skip
        return
    with st.container(horizontal=True):
        st.button(words.back, on_click=_back, key="nav_back", width="stretch")
        st.button(next_label, on_click=_next, args=args, key=next_key, type="primary",
                  width="stretch")  # fmt: skip
