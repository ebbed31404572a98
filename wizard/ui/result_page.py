"""The result screen: the plan, "what if", the downloads and the ways back."""

from __future__ import annotations

import streamlit as st

from wizard.answers import MESSAGE_MAX_CHARS
from wizard.ui import answer_values, derived, navigation, result, sidebar, sources, whatif
from wizard.ui.review import ANSWERS_FILE
from wizard.ui.session import Session, current


def _downloads(session: Session, plan, message: dict) -> None:
    """The documents and the answers file. They all hold the message the answers hold: the
    user's text, or the last version of it within the limit while it is over."""
    words = sources.screens().result
    st.header(words.downloads, anchor=False)
    if message.get("over"):
        over = len(message["over"]) - MESSAGE_MAX_CHARS
        st.warning(words.downloads_over.format(over=f"{over:,}"), icon=":material/info:")
    # What the documents build from: the kept message, never the over-limit text on screen.
    kept = {"plan_key": message["plan_key"], "body": message["kept"]}
    labels = plan.labels
    choices = (
        ("pdf", labels.download_pdf, ":material/download:"),
        ("docx", labels.download_docx, ":material/edit_document:"),
        ("ics", labels.download_ics, ":material/calendar_month:"),
    )
    for kind, label, icon in choices:
        # Built only when clicked, through the build guard; a plan too long to print or a
        # busy server leaves a plain message here for the next run of the page.
        problem = derived.build_problem(session.pdf_cache, kind)
        if problem:
            st.warning(problem, icon=":material/hourglass_empty:")
        st.download_button(
            label,
            data=derived.document_maker(
                plan, kept, session.pdf_cache, kind, str(id(session.pdf_cache))
            ),
            file_name=derived.file_name(plan, kind),
            mime=derived.DOCUMENTS[kind][1],
            on_click="ignore",
            type="primary" if kind == "pdf" else "secondary",
            icon=icon,
            key=f"download_{kind}",
            width="stretch",
        )
    st.download_button(
        words.save_answers,
        data=derived.answers_file_maker(derived.current_answers(session)[0]),
        file_name=ANSWERS_FILE,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/save:",
        key="save_answers_result",
        width="stretch",
    )


def _keep(message: dict, body: str) -> None:
    """A committed edit of the message: into the answers (message_override, "" for the
    draft itself), so the PDF, the answers file and a resumed session all have it.

    A text over the limit stays on screen whole (message["over"]) but not in the answers,
    which would refuse it: they keep the last text within the limit until it is shortened.
    """
    session = current()
    draft = session.plan_cache[1].message.draft if session.plan_cache else None
    message["body"] = body
    if len(body) > MESSAGE_MAX_CHARS:
        message["over"] = body
        return
    message.pop("over", None)
    answer_values.values(session)
    session.set_value("message_override", "" if body == draft else body)


def _example_note() -> None:
    words = sources.screens()
    with st.container(key="example_note", border=True):
        st.markdown(words.flash.example)
        st.button(
            words.result.start_own, on_click=navigation.start_own, key="start_own",
            type="primary", icon=":material/edit:",
        )  # fmt: skip


def render() -> str:
    session = current()
    plan_key, plan = derived.current_plan(session)
    before = session.message
    message = derived.message_state(session, plan_key, plan)
    if before is not None and before is not message and before.get("over"):
        message["over"] = before["over"]  # a new plan ("what if" applied) keeps it on screen
    # The answers hold the user's own version of the message, if there is one; the box
    # shows a text over the limit instead, whole, until it is shortened or undone.
    message["kept"] = answer_values.values(session).get("message_override") or plan.message.body
    message["body"] = message.get("over") or message["kept"]
    if session.example:
        _example_note()
    tips = result.answer(plan)
    result.message(plan, message, _keep, MESSAGE_MAX_CHARS, lead=tips)
    _downloads(session, plan, message)
    result.details(plan)
    whatif.render(session, plan)
    st.button(
        sources.screens().result.change_answers, on_click=navigation.go_review,
        key="back_to_review", width="stretch",
    )  # fmt: skip
    sidebar.start_over("result")
    result.disclaimer(plan)
    return plan.title
