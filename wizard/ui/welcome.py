"""The first screen: what Partways does and does not do, start, resume, or try an example."""

from __future__ import annotations

import streamlit as st

from wizard.ui import state
from wizard.ui.examples import EXAMPLES, example_by_id
from wizard.ui.safe import md

UPLOADER = "resume_file"


def _uploaded() -> None:
    uploaded = st.session_state.get(UPLOADER)
    # None: the file was removed. No getvalue: Streamlit's DeletedFile (the upload is gone
    # from its storage, e.g. after a reconnect). Either way there is no file: forget the
    # old complaint.
    if uploaded is None or not callable(getattr(uploaded, "getvalue", None)):
        st.session_state[state.UPLOAD_ERROR] = None
        return
    state.handle_upload(uploaded.file_id, uploaded.getvalue())


def _try_example(example_id: str) -> None:
    state.load_answers_into_session(example_by_id(example_id).answers)
    st.session_state[state.FLASH] = (
        "These are example answers. Change anything you like, then see the plan."
    )


def render() -> None:
    st.title("Partways", anchor=False)
    st.markdown(
        "Ending work with a client is hard. Answer a few short questions and Partways "
        "suggests **how** to end it, **whether now is the right time**, and gives you a "
        "dated plan with a message you can send."
    )
    st.markdown(
        "- Three ways out: talk it through openly, a quiet and courteous exit, or a "
        "hand-over to a better fit.\n"
        "- Every suggestion comes with the reasons behind it.\n"
        "- About 5 minutes. You can go back and change any answer."
    )
    st.info(
        "Partways is a thinking aid, not legal or professional advice. If your contract or "
        "your profession's rules are unclear, check with an adviser.",
        icon=":material/info:",
    )
    st.caption(
        "Privacy: your answers are held in memory only while this session lasts. Nothing is "
        "saved, logged or shared; the only copies are the files you download."
    )
    st.button("Start", type="primary", on_click=state.start, key="start", width="stretch")

    st.subheader("Pick up where you left off", anchor=False)
    st.file_uploader(
        "Resume from a saved answers file",
        type=["yaml", "yml", "json"],
        key=UPLOADER,
        on_change=_uploaded,
        max_upload_size=1,
        help="The file you saved from the review or result page (partways-answers.yaml).",
    )
    error = st.session_state.get(state.UPLOAD_ERROR)
    if error:
        st.error(
            "We could not use that file, so nothing was changed. " + md(error),
            icon=":material/error:",
        )

    st.subheader("Or try an example", anchor=False)
    st.caption("Each one fills in every answer, so you can see a complete plan at once.")
    for example in EXAMPLES:
        st.button(
            example.title, key=f"example_{example.id}", on_click=_try_example,
            args=(example.id,), width="stretch", icon=":material/play_arrow:",
        )  # fmt: skip
        st.caption(example.blurb)
