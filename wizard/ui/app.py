"""Router: page setup, sidebar, then the screen for the current view.

Each view's module is imported when it is first shown. The welcome screen needs nothing
from the decision core, so the first page appears quickly after a cold start, and the
core loads in a background thread while the visitor reads it."""

from __future__ import annotations

import importlib

import streamlit as st

from wizard import logsafe
from wizard.ui import sidebar, warmup, words
from wizard.ui.session import current

VIEW_MODULES = {
    "welcome": "wizard.ui.welcome",
    "step": "wizard.ui.steps",
    "review": "wizard.ui.review",
    "result": "wizard.ui.result_page",
}


def main() -> None:
    logsafe.install()  # session ids out of the log; only the first call per process acts
    title = words.first_page().welcome.title
    st.set_page_config(page_title=title, page_icon="🧭", layout="centered")
    session = current()
    sidebar.render()
    if session.flash:
        st.success(session.flash, icon=":material/check_circle:")
        session.flash = None
    if session.view == "step":
        sidebar.progress_bar(session)
    module = importlib.import_module(VIEW_MODULES.get(session.view, VIEW_MODULES["welcome"]))
    module.render()
    if session.view == "welcome":
        warmup.start()
