"""The plan on the page: recommendation, reasons, constraints, timeline, checklist, record
and the editable message.

A view of the Plan and nothing else: every heading, label, date and sentence comes from
the plan (the page's own controls from screens.yaml); nothing is worded or worked out here.
Any plan string may hold names the user typed, so all of it goes through md() or a
text-only element (st.code, st.text_area). Tables are markdown tables (cheaper per rerun
than st.table's dataframe), cells escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from wizard.models import Plan
from wizard.ui import sources
from wizard.ui.safe import markdown_table, md

MESSAGE_WIDGET = "w:message"
SECTION_KEY_PREFIX = "section_"  # + the section's name: its open or closed state
NEXT_ACTIONS = 3
Keep = Callable[[dict[str, Any], str], None]  # (message, new body): the page keeps an edit


def _keep_message(message: dict[str, Any], keep: Keep) -> None:
    keep(message, st.session_state[MESSAGE_WIDGET])


def _restore_message(message: dict[str, Any], draft: str, keep: Keep) -> None:
    keep(message, draft)


def _headline(plan: Plan) -> None:
    labels = plan.labels
    st.title(md(plan.title), anchor=False)
    if plan.disclaimer_line:
        st.markdown(md(plan.disclaimer_line))
    with st.container(border=True):
        # One element for the whole box: each element costs server time on every rerun.
        st.markdown(
            f":gray[{md(labels.recommendation)}]\n## {md(plan.strategy_label)}\n"
            f"{md(plan.strategy_explanation)}\n\n"
            f":gray[{md(labels.timing)}]\n## {md(plan.readiness_label)}\n"
            f"{md(plan.readiness_explanation)}"
        )
    if plan.first_step:
        st.info(md(plan.first_step), icon=":material/flag:")


def _glance_and_next(plan: Plan, next_actions: str) -> str:
    """The dates and the first actions, as one element's markdown."""
    glance = "\n".join(f"- {md(row.label)}: **{md(row.value)}**" for row in plan.at_a_glance)
    actions = "\n".join(
        f"1. **{md(step.date_text)}**: {md(step.title)}" for step in plan.timeline[:NEXT_ACTIONS]
    )
    return f"## {md(plan.labels.glance)}\n{glance}\n\n## {md(next_actions)}\n{actions}"


def _musts(plan: Plan, before: str) -> str:
    """Must-dos as a calm, bordered note: important, not alarming.

    Markdown is passed along rather than drawn where it can be: `before` (the markdown
    above the box) is drawn only if the box comes between it and the tips, and the tips
    are returned with whatever was not drawn, for the next markdown to take in."""
    # Hard rules and tips look different without colour: the rules in a bordered box with
    # their titles, the tips as a plain list under their own heading (as in the PDF).
    if plan.constraints:
        if before:
            st.markdown(before)
        before = ""
        notes = [f"**{md(note.title)}**  \n{md(note.text)}" for note in plan.constraints]
        with st.container(border=True, key="musts"):
            st.markdown(f"## {md(plan.labels.musts)}\n" + "\n\n".join(notes))
    tips = "\n".join(f"- {md(warning)}" for warning in plan.warnings)
    return _joined(before, f"### {md(plan.labels.watch_out)}\n{tips}" if tips else "")


def _facts(plan: Plan) -> None:
    if not plan.facts:
        return
    if (box := lazy_section(md(plan.labels.facts), "facts")) is not None:
        box.markdown(
            f"{md(plan.labels.facts_hint)}\n\n"
            + markdown_table(("", ""), [(row.label, row.value) for row in plan.facts])
        )


def _reasons(plan: Plan, lead: str) -> None:
    # A section's heading and body share one markdown element (fewer elements per rerun),
    # and so does the text before it (`lead`).
    reasons = "\n".join(f"- {md(reason)}" for reason in plan.reasons)
    st.markdown(_joined(lead, f"### {md(plan.labels.why)}\n{md(plan.summary)}\n\n{reasons}"))
    if (box := lazy_section(md(plan.labels.alternatives), "alternatives")) is not None:
        box.markdown(
            "\n\n".join(
                f"**{md(alt.label)}**\n\n" + "\n".join(f"- {md(why)}" for why in alt.why_lower)
                for alt in plan.alternatives
            )
        )


def _timeline(plan: Plan) -> None:
    labels = plan.labels
    st.markdown(
        markdown_table(
            (md(labels.column_date), md(labels.column_step), md(labels.column_detail)),
            [(step.date_text, step.title, step.detail) for step in plan.timeline],
        )
    )


def _checklist(plan: Plan) -> None:
    st.markdown(
        "\n\n".join(
            f"**{md(group.title)}**\n\n"
            + "\n".join(f"- {md(item.due_text)}: {md(item.text)}" for item in group.items)
            for group in plan.checklist
        )
    )


def _record(plan: Plan) -> None:
    labels = plan.labels
    if plan.documentation_log and (box := lazy_section(md(labels.log), "log")) is not None:
        columns = (labels.column_date, labels.column_how, labels.column_what, labels.column_who)
        box.markdown(
            f"{md(labels.log_hint)}\n\n"
            + markdown_table(
                tuple(md(column) for column in columns),
                [(row.date, row.channel, row.what, row.who) for row in plan.documentation_log],
            )
        )
    if plan.reflection and (box := lazy_section(md(labels.reflection), "reflection")):
        box.markdown("\n".join(f"- {md(text)}" for text in plan.reflection))


def message(plan: Plan, message: dict[str, Any], keep: Keep, max_chars: int, lead: str) -> None:
    """The editable message. `keep` receives every committed edit (the page puts it in the
    answers, so the PDF, the answers file and a resumed session all have it). `lead` is
    markdown to show before the section's heading, in the same element.

    The box has no max_chars: Streamlit would drop a change that passes it (a long paste
    would not arrive at all, without a word). The text stays whole on screen; over the
    limit a notice under the box says by how much (the page keeps the last text within
    the limit for the downloads and the answers)."""
    words = sources.screens().result
    draft = plan.message
    subject = "" if draft.subject_line is None else f"\n\n**{md(draft.subject_line)}**"
    st.markdown(
        _joined(
            lead,
            f"## {md(plan.labels.message)}\n"
            f"{md(plan.message_intro)} {md(plan.labels.message_hint)}{subject}",
        )
    )
    body = message["body"]
    st.session_state[MESSAGE_WIDGET] = body
    with st.container(key="message_box"):
        st.text_area(
            words.message_box, key=MESSAGE_WIDGET, height=300, on_change=_keep_message,
            args=(message, keep),
        )  # fmt: skip
        if len(body) > max_chars:
            # In its own keyed container, which tab.js announces as it appears.
            with st.container(key="over_message"):
                st.markdown(f":red[**{over_limit(words.message_over, body, max_chars)}**]")
    if message["body"] != draft.draft:
        st.button(
            words.undo_edits, on_click=_restore_message, args=(message, draft.draft, keep),
            key="restore_message",
        )  # fmt: skip
    if (box := lazy_section(words.copy_message, "copy_message")) is not None:
        box.code(message["body"], language=None, wrap_lines=True)
    for number, further in enumerate(plan.further_messages):
        # The written confirmation of a spoken notice, or the notice kept ready for later.
        if (box := lazy_section(md(further.title), f"further_{number}")) is None:
            continue
        with box:
            lines = [md(further.send_on_text)] if further.send_on_text else []
            if further.subject_line is not None:
                lines.append(f"**{md(further.subject_line)}**")
            if lines:
                st.markdown("\n\n".join(lines))
            st.code(further.body, language=None, wrap_lines=True)
    if plan.follow_up_script and (
        box := lazy_section(md(plan.labels.follow_up_script), "follow_up")
    ):
        box.code(plan.follow_up_script, language=None, wrap_lines=True)


def answer(plan: Plan) -> str:
    """The top of the page: the approach, go ahead or wait, the dates and the next actions,
    with a pointer to the must-dos (drawn below the message, so that on a phone the message
    comes soon). Returns the markdown that ends it, not yet drawn, for the message's heading
    to take in: consecutive markdown is sent as one element (each element costs server time
    on every run)."""
    _headline(plan)
    words = sources.screens().result
    lead = _glance_and_next(plan, words.next_actions)
    if plan.constraints:
        lead += "\n\n" + md(words.musts_below.format(musts=plan.labels.musts))
    return lead


def details(plan: Plan) -> None:
    """Below the message and the downloads: the must-dos and the tips, then the reasons, the
    alternatives, the whole timeline and checklist, the record and the reflection."""
    words = sources.screens().result
    tips = _musts(plan, "")
    _reasons(plan, _joined(tips, f"## {md(words.details)}\n{md(words.further_down)}"))
    _facts(plan)
    if (box := lazy_section(md(plan.labels.timeline), "timeline")) is not None:
        with box:
            _timeline(plan)
    if (box := lazy_section(md(plan.labels.checklist), "checklist")) is not None:
        with box:
            _checklist(plan)
    _record(plan)


def disclaimer(plan: Plan) -> None:
    # The small print in one element: the disclaimer, then the footer line.
    footer = f"\n\n{md(plan.footer_text)}" if plan.footer_text else ""
    st.caption(md(plan.disclaimer) + footer)


def lazy_section(label: str, name: str) -> DeltaGenerator | None:
    """A closed section whose body is built and sent only while it is open (None when
    closed): opening it reruns the page (a stateful expander), so a page of sections
    costs their labels alone on every run until the user asks for one."""
    box = st.expander(label, key=SECTION_KEY_PREFIX + name, on_change="rerun")
    return box if box.open else None


def _joined(*parts: str) -> str:
    """Markdown sections, the empty ones left out, as one element's text."""
    return "\n\n".join(part for part in parts if part)


def over_limit(words: str, text: str, most: int) -> str:
    """A limit's words filled in: {count} characters of {most}, {over} too many."""
    count = len(text)
    return words.format(count=f"{count:,}", most=f"{most:,}", over=f"{count - most:,}")
