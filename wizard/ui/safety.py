"""The safety panel, opened right below the question that asks about safety, and the quick
exit: clear this session and the tab's storage, then leave for a neutral page."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from wizard.ui import sources, tab
from wizard.ui.session import Session


def panel() -> None:
    words = sources.screens().safety
    with st.container(key="safety_panel", border=True):
        st.markdown(f"## {words.heading}\n{words.emergency}\n\n{words.plan_does}")
        quick_exit_button("safety")


def raised(session: Session) -> bool:
    """The user said they feel unsafe with this client (their own answer, or an example's)."""
    return session.answers is not None and session.answers.get("safety_concern") is True


def top_exit() -> None:
    """The quick exit at the top of every screen while safety is raised, kept in view as
    the page scrolls (style.css): on a phone the sidebar is folded away."""
    with st.container(key="top_exit", horizontal=True, horizontal_alignment="right"):
        quick_exit_button("top", width="content")


def quick_exit_button(place: str, width: Literal["content", "stretch"] = "stretch") -> None:
    words = sources.screens().safety
    st.button(
        words.quick_exit, key=f"quick_exit_{place}", on_click=tab.quick_exit,
        help=words.quick_exit_help, icon=":material/logout:", width=width,
    )  # fmt: skip
