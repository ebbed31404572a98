"""The safety panel, opened right below the question that asks about safety, and the quick
exit: clear this session and the tab's storage, then leave for a neutral page."""

from __future__ import annotations

import streamlit as st

from wizard.ui import sources, tab


def panel() -> None:
    words = sources.screens().safety
    with st.container(key="safety_panel", border=True):
        st.markdown(f"### {words.heading}\n{words.emergency}\n\n{words.plan_does}")
        quick_exit_button("safety")


def quick_exit_button(place: str) -> None:
    words = sources.screens().safety
    st.button(
        words.quick_exit, key=f"quick_exit_{place}", on_click=tab.quick_exit,
        help=words.quick_exit_help, icon=":material/logout:", width="stretch",
    )  # fmt: skip
