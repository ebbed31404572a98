"""Router: page setup, session state, sidebar, then the screen for the current view.

Each view's module is imported when it is first shown. The welcome screen needs nothing
from the decision core, so the first page appears quickly after a cold start, and the
core loads in a background thread while the visitor reads it."""

from __future__ import annotations

import importlib

import streamlit as st

from wizard import logsafe
from wizard.ui import sidebar, state, warmup

VIEW_MODULES = {
    "welcome": "wizard.ui.welcome",
    "step": "wizard.ui.steps",
    "review": "wizard.ui.review",
    "result": "wizard.ui.result",
}


def main() -> None:
    logsafe.install()  # session ids out of the log; only the first call per process acts
    st.set_page_config(page_title="Partways", page_icon="🧭", layout="centered")
    state.init()
    sidebar.render()
    flash = st.session_state.pop(state.FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    view = st.session_state[state.VIEW]
    if view == "step":
        sidebar.progress_bar()
    module = importlib.import_module(VIEW_MODULES.get(view, VIEW_MODULES["welcome"]))
    module.render()
    if view == "welcome":
        warmup.start()
