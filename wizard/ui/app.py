"""Router: page setup, sidebar, then the screen for the current view, then the browser
component that keeps the tab oriented (tab.py).

Each view's module is imported when it is first shown. The welcome screen needs nothing
from the decision core, so the first page appears quickly after a cold start, and the
core loads in a background thread while the visitor reads it. Each view's render()
returns the text of its one top heading."""

from __future__ import annotations

import importlib

import streamlit as st

from wizard import logsafe
from wizard.ui import safety, sidebar, style, tab, warmup, words
from wizard.ui.session import Session, current

VIEW_MODULES = {
    "welcome": "wizard.ui.welcome",
    "step": "wizard.ui.steps",
    "review": "wizard.ui.review",
    "result": "wizard.ui.result_page",
}


def _title(session: Session) -> str:
    """The browser tab's title, known before the screen is drawn."""
    first = words.first_page()
    if session.view == "step":
        from wizard.ui import steps

        return tab.page_title(steps.heading(session))
    if session.view == "review":
        return tab.page_title(first.review.heading)
    if session.view == "result":
        return tab.page_title(first.sidebar.on_result)
    return str(first.welcome.title)


def _restored_banner(session: Session) -> None:
    from wizard.ui import navigation

    text = words.first_page().restore
    with st.container(key="restored", border=True):
        st.markdown(text.notice)
        if session.confirm_reset == "restored":
            # Discarding clears every answer: asked once more, as Start over is.
            confirm = words.first_page().start_over
            with st.container(key="confirm_restored"):  # tab.js focuses the question
                st.warning(confirm.confirm)
                with st.container(horizontal=True):
                    st.button(
                        confirm.confirm_yes, key="restore_discard_yes",
                        on_click=navigation.start_over,
                    )  # fmt: skip
                    st.button(
                        confirm.confirm_no, key="restore_discard_no",
                        on_click=navigation.cancel_start_over, args=("restore_discard",),
                    )  # fmt: skip
            return
        with st.container(horizontal=True):
            st.button(text.keep, key="restore_keep", on_click=navigation.keep_restored)
            st.button(
                text.discard, key="restore_discard", on_click=navigation.ask_start_over,
                args=("restored",),
            )  # fmt: skip


def main() -> None:
    logsafe.install()  # session ids out of the log; only the first call per process acts
    if tab.exiting():  # quick exit: nothing on the page but the way out
        st.set_page_config(page_title=words.first_page().welcome.title, page_icon="🧭")
        tab.render_exit()
        return
    session = current()
    st.set_page_config(page_title=_title(session), page_icon="🧭", layout="centered")
    style.render()
    sidebar.render()
    unsafe = safety.raised(session)
    if unsafe:
        safety.top_exit()
    if session.restored:
        _restored_banner(session)
    if session.flash:
        st.success(session.flash, icon=":material/check_circle:")
        session.flash = None
    module = importlib.import_module(VIEW_MODULES.get(session.view, VIEW_MODULES["welcome"]))
    session.drawing_page = True  # fragments drawn now are part of the whole page
    try:
        heading = module.render()
    finally:
        session.drawing_page = False
    message = session.message["body"] if session.view == "result" and session.message else None
    # Once unsafe, no new history entries: the quick exit leaves no trail of screens behind.
    tab.render(session, heading, message=message, new_entries=not unsafe)
    if session.view == "welcome":
        warmup.start()
