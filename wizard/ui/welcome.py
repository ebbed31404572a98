"""The first page: what Partways does and does not do, start, resume, or try an example.

It needs nothing from the decision core (see words.first_page), so it appears quickly
after a cold start while the core loads in the background."""

from __future__ import annotations

import math

import streamlit as st

from wizard.safe_yaml import MAX_BYTES
from wizard.ui import navigation, words
from wizard.ui.safe import md
from wizard.ui.session import current

UPLOADER = "resume_file"
# Streamlit's own cap, in whole megabytes, at or just above the answers loader's limit
# (which is the one that decides and explains).
UPLOAD_CAP_MB = math.ceil(MAX_BYTES / 1_000_000)


def _uploaded() -> None:
    uploaded = st.session_state.get(UPLOADER)
    # None: the file was removed. No getvalue: Streamlit's DeletedFile (the upload is gone
    # from its storage, e.g. after a reconnect). Either way there is no file: forget the
    # old complaint.
    if uploaded is None or not callable(getattr(uploaded, "getvalue", None)):
        navigation.forget_upload()
        return
    navigation.handle_upload(uploaded.file_id, uploaded.getvalue())


def _examples() -> None:
    # Imported here, not at the top: wizard.examples loads the answers model.
    from wizard.examples import welcome_examples

    for example in welcome_examples():
        st.button(
            example.title, key=f"example_{example.id}", on_click=navigation.try_example,
            args=(example.id,), width="stretch", icon=":material/play_arrow:",
        )  # fmt: skip
        st.caption(example.blurb)


def render() -> str:
    text = words.first_page().welcome
    st.title(text.title, anchor=False)
    st.markdown(text.intro)
    st.markdown(text.points)
    st.info(text.not_advice, icon=":material/info:")
    st.markdown(text.privacy)
    st.button(text.start, type="primary", on_click=navigation.start, key="start", width="stretch")

    st.header(text.resume_heading, anchor=False)
    st.file_uploader(
        text.resume_label,
        type=["yaml", "yml", "json"],
        key=UPLOADER,
        on_change=_uploaded,
        max_upload_size=UPLOAD_CAP_MB,
        help=text.resume_help,
    )
    error = current().upload_error
    if error:
        st.error(f"{text.resume_refused} {md(error)}", icon=":material/error:")

    st.header(text.examples_heading, anchor=False)
    st.caption(text.examples_hint)
    _examples()
    return str(text.title)
