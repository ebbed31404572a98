"""Router: page setup, session state, sidebar, then the screen for the current view."""

from __future__ import annotations

import streamlit as st

from wizard.ui import result, review, sidebar, state, steps, welcome

VIEWS = {"welcome": welcome, "step": steps, "review": review, "result": result}


def main() -> None:
    st.set_page_config(page_title="Partways", page_icon="🧭", layout="centered")
    state.init()
    sidebar.render()
    flash = st.session_state.pop(state.FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    view = st.session_state[state.VIEW]
    if view == "step":
        sidebar.progress_bar()
    VIEWS.get(view, welcome).render()
