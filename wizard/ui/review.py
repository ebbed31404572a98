"""Every answer on one screen, grouped by step, each group with an Edit button."""

from __future__ import annotations

import streamlit as st

from wizard.ui import derived, state
from wizard.ui.format import answer_text
from wizard.ui.safe import md

ANSWERS_FILE = "partways-answers.yaml"


def render() -> None:
    st.header("Check your answers", anchor=False)
    st.markdown("Everything you told us is below. Edit any part; you will come straight back here.")
    vals = state.values()
    missing = set(state.incomplete_steps(vals))
    for index, step in enumerate(state.steps()):
        with st.container(border=True):
            head, edit = st.columns([3, 1], vertical_alignment="center")
            head.subheader(step.title, anchor=False)
            edit.button(
                "Edit", key=f"edit_{step.id}", on_click=state.go_step, args=(index,),
                kwargs={"editing": True}, width="stretch",
                help=f"Change your answers in '{step.title}'",
            )  # fmt: skip
            if index in missing:
                st.error("Some answers here are still needed.", icon=":material/error:")
            currency = vals.get("currency") or ""
            for q in state.visible_questions(step, vals):
                shown = answer_text(q, vals.get(q.id), currency)
                st.markdown(f"**{md(q.label)}**  \n{md(shown)}")

    if st.session_state.get(state.REVIEW_ERROR):
        st.error(st.session_state[state.REVIEW_ERROR], icon=":material/error:")
    st.button(
        "See my plan", type="primary", on_click=state.go_result, key="to_result", width="stretch"
    )
    if not missing:
        st.download_button(
            "Save my answers to a file",
            data=derived.answers_file_maker(state.to_answers(vals)),
            file_name=ANSWERS_FILE,
            mime="application/x-yaml",
            on_click="ignore",
            key="save_answers_review",
            width="stretch",
        )
        st.caption("Keep the file to pick up later with “Resume from a saved answers file”.")
