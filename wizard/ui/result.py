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
        # One element for the whole box: each element costs server time on every rerun.
        st.markdown(
            f":gray[Our recommendation]\n### {md(plan.strategy_label)}\n"
            f"{md(plan.strategy_explanation)}\n\n"
            f":gray[Timing]\n### {md(plan.readiness_label)}\n{md(plan.readiness_explanation)}"
        )
    if plan.first_step:
        st.info(md(plan.first_step), icon=":material/flag:")
    st.markdown(
        f"{md(plan.summary)}\n\n"
        ":gray[Your message draft and the PDF download are further down this page.]"
    )


def _musts(plan: Plan) -> None:
    if not plan.constraints and not plan.warnings:
        return
    st.subheader("Before you act", anchor=False)
    if plan.constraints:
        st.error(
            "\n\n".join(f"**{md(note.title)}**  \n{md(note.text)}" for note in plan.constraints),
            icon=":material/gavel:",
        )
    if plan.warnings:
        st.warning("\n\n".join(md(warning) for warning in plan.warnings), icon=":material/warning:")


def _reasons(plan: Plan) -> None:
    # A section's heading and body share one markdown element (fewer elements per rerun).
    reasons = "\n".join(f"- {md(reason)}" for reason in plan.reasons)
    st.markdown(f"### Why we suggest this\n{reasons}")
    with st.expander("The other options, and why they ranked lower"):
        st.markdown(
            "\n\n".join(
                f"**{md(alt.label)}**\n\n" + "\n".join(f"- {md(why)}" for why in alt.why_lower)
                for alt in plan.alternatives
            )
        )


def _timeline(plan: Plan) -> None:
    st.markdown(
        "### Timeline\n"
        + markdown_table(
            ("Date", "Step", "Detail"),
            [(short_date(step.date), step.title, step.detail) for step in plan.timeline],
        )
    )


def _checklist(plan: Plan) -> None:
    st.markdown(
        "### Checklist\n"
        + "\n\n".join(
            f"**{md(group.title)}**\n\n"
            + "\n".join(f"- {md(short_date(item.due))}: {md(item.text)}" for item in group.items)
            for group in plan.checklist
        )
    )


def _message(plan: Plan, message: dict) -> None:
    subject = (
        f"\n\n**Subject:** {md(plan.message.subject)}"
        if plan.message.kind != "talking_points"
        else ""
    )
    st.markdown(
        f"### Your message\n:gray[A draft for your {md(plan.channel_label.lower())}. "
        f"Edit it here; the PDF uses your version.]{subject}"
    )
    st.session_state[MESSAGE_WIDGET] = message["body"]
    st.text_area("Message", key=MESSAGE_WIDGET, height=300, on_change=_keep_message)
    if message["body"] != plan.message.body:
        st.button(
            "Undo my edits", on_click=_restore_message, args=(plan.message.body,),
            key="restore_message",
        )  # fmt: skip
    with st.expander("Copy the message (copy icon at the top right)"):
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
    st.markdown(
        "### What if?\n:gray[See how one different answer would change the recommendation.]"
    )
    whatif.render(plan.recommendation)
    _downloads(plan, message)
    st.button("Change my answers", on_click=state.go_review, key="back_to_review", width="stretch")
    sidebar.start_over("result")
    st.caption(md(plan.disclaimer))
