"""One step of questions per screen, with Back / Next, validation on Next, an error summary
that links to each field, and "Save and finish later".

Each question is an `st.fragment`: answering one reruns only that question (and keeps the
browser tab's copy of the answers current), not the other questions, the sidebar, the
heading and the buttons. An answer that does change the rest of the page (it shows or
hides another question, or raises safety: the sidebar gains a quick exit) reruns the
whole script instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from wizard.ui import answer_values, navigation, safety, sources, tab, validation, widgets
from wizard.ui.review import ANSWERS_FILE
from wizard.ui.safe import md
from wizard.ui.session import Session, current


def _next(continue_anyway: bool = False) -> None:
    session = current()
    step = sources.steps()[session.step]
    widgets.sync_step(validation.session_path(session)[step.id])
    navigation.carry_on(session)
    errors = validation.step_errors(session, step)
    if errors:
        session.errors, session.soft = errors, {}
        session.error_round += 1
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


def heading(session: Session) -> str:
    all_steps = sources.steps()
    return sources.screens().step.heading.format(
        number=session.step + 1, total=len(all_steps), title=all_steps[session.step].title
    )


def _save_later_file(vals: dict[str, Any]) -> Callable[[], str]:
    """Built on the click, from the answers as they are then (valid ones only)."""

    def make() -> str:
        from wizard.answers import dump_answers

        return dump_answers(answer_values.savable(dict(vals)))

    return make


def _error_summary(errors: dict[str, str], title: str) -> None:
    links = "\n".join(f"- [{md(message)}](#q-{qid})" for qid, message in errors.items())
    with st.container(key="error_summary", border=True):
        st.markdown(f"## {md(title)}\n{links}")


def _outside(session: Session) -> tuple[Any, ...]:
    """What the page around one question shows that its answer (or a button beside it) can
    change: the screen, the restored notice, which questions this step asks, the sidebar's
    quick exit (it follows the safety answer), the quick exit itself, and each Next that
    found errors. That last one matters when Next is clicked straight from a text or number
    box: the box commits its value on blur, and the browser sends that and the click as one
    rerun of this question alone; the page must follow, with the error summary focused.
    Putting an error right is not among them: as on GOV.UK the summary stays until the next
    Next (the question's own error goes at once), and redrawing the page under a user
    typing in a field would take the field from under their cursor."""
    path = validation.session_path(session)[sources.steps()[session.step].id]
    return (
        session.view, session.step, session.restored, tuple(q.id for q in path),
        safety.raised(session), tab.exiting(), session.error_round,
    )  # fmt: skip


@st.fragment
def _question(qid: str) -> None:
    """One question. Answering it reruns only this function (the browser asks for this
    fragment alone); when the answer changes anything else on the page, the whole script
    runs instead."""
    session = current()
    q = sources.content().question_by_id[qid]
    vals = answer_values.values(session)
    value = answer_values.resolved(vals).get(qid)
    widgets.render(q, value, session.errors.get(qid), session.soft.get(qid))
    if answer_values.is_suggestion(vals, qid, value):
        widgets.suggested(q, vals)
    if q.type == "place":
        widgets.currency_kept(q, vals)
    if q.safety_panel and value is True:
        safety.panel()
    if session.drawing_page:
        return
    # A rerun of this question alone. Drawn first, so the control keeps its place (and the
    # user's focus) while the whole page follows.
    if _outside(session) != session.outside:
        if q.safety_panel and value is True:
            session.reveal_round += 1  # the panel just opened: tab.js brings it into view
        st.rerun()  # the whole script
    tab.store(session, qid)  # keep the tab's copy current


def render() -> str:
    session = current()
    words = sources.screens().step
    all_steps = sources.steps()
    step = all_steps[session.step]
    errors, soft = session.errors, session.soft
    vals = answer_values.values(session)

    title = heading(session)
    counter = words.counter.format(number=session.step + 1, total=len(all_steps))
    st.progress(session.step / len(all_steps), text=counter)
    st.title(title, anchor=False)
    if errors:
        _error_summary(errors, words.error_summary)
    st.markdown(step.intro)

    session.outside = _outside(session)
    for q in validation.session_path(session)[step.id]:
        # The box and the disclosure are the page's; the control is the question's
        # fragment, so an answer sends the control again and not its unchanged help.
        with widgets.question_box(q):
            _question(q.id)
            widgets.more(q)

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
    else:
        with st.container(horizontal=True):
            st.button(words.back, on_click=_back, key="nav_back", width="stretch")
            st.button(next_label, on_click=_next, args=args, key=next_key, type="primary",
                      width="stretch")  # fmt: skip
    st.download_button(
        words.save_later,
        data=_save_later_file(vals),
        file_name=ANSWERS_FILE,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/save:",
        key="save_answers_step",
        help=words.save_later_hint,
        width="stretch",
    )
    return title
