"""The plan: recommendation, reasons, constraints, timeline, checklist, message, downloads.

Renders the Plan built by wizard.plan; every string from it may contain names the user
typed, so all of it goes through md() or a text-only element (st.code, st.text_area).
Tables are markdown tables (cheaper per rerun than st.table's dataframe), cells escaped."""

from __future__ import annotations

import streamlit as st

from wizard.dates import short_date
from wizard.models import Plan
from wizard.ui import derived, sidebar, state, whatif
from wizard.ui.review import ANSWERS_FILE
from wizard.ui.safe import markdown_table, md

PDF_FILE = "partways-exit-plan.pdf"
MESSAGE_WIDGET = "w:message"


def _keep_message() -> None:
    st.session_state[state.MESSAGE]["body"] = st.session_state[MESSAGE_WIDGET]


def _restore_message(draft: str) -> None:
    st.session_state[state.MESSAGE]["body"] = draft


def _headline(plan: Plan) -> None:
    st.title(md(plan.title), anchor=False)
    with st.container(border=True):
        st.caption("Our recommendation")
        st.subheader(md(plan.strategy_label), anchor=False)
        st.markdown(md(plan.strategy_explanation))
        st.caption("Timing")
        st.subheader(md(plan.readiness_label), anchor=False)
        st.markdown(md(plan.readiness_explanation))
    if plan.first_step:
        st.info(md(plan.first_step), icon=":material/flag:")
    st.markdown(md(plan.summary))
    st.caption("Your message draft and the PDF download are further down this page.")


def _musts(plan: Plan) -> None:
    if not plan.constraints and not plan.warnings:
        return
    st.subheader("Before you act", anchor=False)
    for note in plan.constraints:
        st.error(f"**{md(note.title)}**  \n{md(note.text)}", icon=":material/gavel:")
    for warning in plan.warnings:
        st.warning(md(warning), icon=":material/warning:")


def _reasons(plan: Plan) -> None:
    st.subheader("Why we suggest this", anchor=False)
    st.markdown("\n".join(f"- {md(reason)}" for reason in plan.reasons))
    with st.expander("The other options, and why they ranked lower"):
        for alt in plan.alternatives:
            st.markdown(f"**{md(alt.label)}**")
            st.markdown("\n".join(f"- {md(why)}" for why in alt.why_lower))


def _timeline(plan: Plan) -> None:
    st.subheader("Timeline", anchor=False)
    st.markdown(
        markdown_table(
            ("Date", "Step", "Detail"),
            [(short_date(step.date), step.title, step.detail) for step in plan.timeline],
        )
    )


def _checklist(plan: Plan) -> None:
    st.subheader("Checklist", anchor=False)
    for group in plan.checklist:
        st.markdown(f"**{md(group.title)}**")
        st.markdown(
            "\n".join(f"- {md(short_date(item.due))}: {md(item.text)}" for item in group.items)
        )


def _message(plan: Plan, message: dict) -> None:
    st.subheader("Your message", anchor=False)
    st.caption(
        f"A draft for your {md(plan.channel_label.lower())}. Edit it here; the PDF uses your "
        "version."
    )
    if plan.message.kind != "talking_points":
        st.markdown(f"**Subject:** {md(plan.message.subject)}")
    st.session_state[MESSAGE_WIDGET] = message["body"]
    st.text_area("Message", key=MESSAGE_WIDGET, height=300, on_change=_keep_message)
    if message["body"] != plan.message.body:
        st.button(
            "Undo my edits", on_click=_restore_message, args=(plan.message.body,),
            key="restore_message",
        )  # fmt: skip
    with st.expander("Copy the message"):
        st.caption("Use the copy icon at the top right of the box.")
        st.code(message["body"], language=None, wrap_lines=True)
    if plan.follow_up_script:
        with st.expander("Script for the follow-up call"):
            st.code(plan.follow_up_script, language=None, wrap_lines=True)


def _record(plan: Plan) -> None:
    if not plan.documentation_log:
        return
    with st.expander("What to keep a record of"):
        st.markdown(
            markdown_table(
                ("Date", "How", "What", "Who"),
                [(row.date, row.channel, row.what, row.who) for row in plan.documentation_log],
            )
        )
    if plan.reflection:
        with st.expander("Afterwards: a few questions for yourself"):
            st.markdown("\n".join(f"- {md(text)}" for text in plan.reflection))


def _downloads(plan: Plan, message: dict) -> None:
    st.subheader("Take it with you", anchor=False)
    cache = st.session_state.setdefault(state.PDF_CACHE, {})
    st.download_button(
        "Download the plan (PDF)",
        data=derived.pdf_maker(plan, message, cache),
        file_name=PDF_FILE,
        mime="application/pdf",
        on_click="ignore",
        type="primary",
        icon=":material/download:",
        key="download_pdf",
        width="stretch",
    )
    st.download_button(
        "Save my answers to a file",
        data=derived.answers_file_maker(state.to_answers()),
        file_name=ANSWERS_FILE,
        mime="application/x-yaml",
        on_click="ignore",
        icon=":material/save:",
        key="save_answers_result",
        width="stretch",
    )


def render() -> None:
    plan_key, plan = derived.current_plan()
    message = derived.message_state(plan_key, plan)
    _headline(plan)
    _musts(plan)
    _reasons(plan)
    _timeline(plan)
    _checklist(plan)
    _record(plan)
    _message(plan, message)
    st.subheader("What if?", anchor=False)
    st.caption("See how one different answer would change the recommendation.")
    whatif.render(plan.recommendation)
    _downloads(plan, message)
    st.button("Change my answers", on_click=state.go_review, key="back_to_review", width="stretch")
    sidebar.start_over("result")
    st.caption(md(plan.disclaimer))
