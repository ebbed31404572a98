"""The result screen: the plan, "what if", the downloads and the ways back."""

from __future__ import annotations

import streamlit as st

from wizard.ui import answer_values, derived, navigation, result, sidebar, sources, whatif
from wizard.ui.review import ANSWERS_FILE
from wizard.ui.session import Session, current


def _downloads(session: Session, plan, message: dict) -> None:
    words = sources.screens().result
    st.subheader(words.downloads, anchor=False)
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
                plan, message, session.pdf_cache, kind, str(id(session.pdf_cache))
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
        data=derived.answers_file_maker(answer_values.to_answers(answer_values.values(session))),
        file_name=ANSWERS_FILE,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/save:",
        key="save_answers_result",
        width="stretch",
    )


def render() -> None:
    session = current()
    plan_key, plan = derived.current_plan(session)
    message = derived.message_state(session, plan_key, plan)
    result.render(plan, message)
    whatif.render(session, plan)
    _downloads(session, plan, message)
    st.button(
        sources.screens().result.change_answers, on_click=navigation.go_review,
        key="back_to_review", width="stretch",
    )  # fmt: skip
    sidebar.start_over("result")
    result.disclaimer(plan)
