"""The plan as an editable Word file (python-docx): real heading and list styles, tables
for the timeline, facts and log, and each message in its own section so that it can be
copied onto letterhead and marked up. The "private" mark is in the plan's header and
footer only; the message sections have their own, empty ones."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.shared import Pt, RGBColor

from wizard.exports import clean
from wizard.models import MessageDraft, Plan

GREY = RGBColor(0x6B, 0x72, 0x74)
# Word's built-in style names: what makes headings and lists real in the file.
GRID = "Table Grid"  # format code
BULLET = "List Bullet"  # format code
NUMBERED = "List Number"  # format code


def _para(doc, text: str, style: str | None = None, *, grey: bool = False, bold: bool = False):
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(clean(text))
    run.bold = bold
    if grey:
        run.font.color.rgb = GREY
    return paragraph


def _table(
    doc,
    header: list[str],
    rows: list[list[str]],
    grey_rows: frozenset[int] | set[int] = frozenset(),
):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = GRID
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(clean(text)).bold = True
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(clean(text))
            if index in grey_rows:
                run.font.color.rgb = GREY
    return table


def _message(doc, msg: MessageDraft, send_on_label: str) -> None:
    """A message in its own section, with a header and footer of its own (empty)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    for part in (section.header, section.footer):
        part.is_linked_to_previous = False
    doc.add_heading(clean(msg.title), level=1)
    if msg.send_on_text:
        _para(doc, f"{send_on_label} {msg.send_on_text}", grey=True)
    if msg.subject_line:
        _para(doc, msg.subject_line, bold=True)
    # One Word paragraph per paragraph of the draft: no hard line breaks inside sentences.
    for block in clean(msg.body).split("\n\n"):
        lines = block.split("\n")
        paragraph = doc.add_paragraph()
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()


def render_docx(plan: Plan) -> bytes:
    labels = plan.labels
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.title = clean(plan.title)
    props.author = clean(plan.document_author)
    props.subject = clean(plan.document_subject)
    # Fixed dates: the same plan always gives the same document.
    when = dt.datetime(plan.prepared_on.year, plan.prepared_on.month, plan.prepared_on.day)
    props.created = props.modified = when
    props.last_modified_by = clean(plan.document_author)
    props.revision = 1

    first = doc.sections[0]
    first.header.paragraphs[0].text = clean(f"{plan.running_header} · {labels.private_mark}")
    first.footer.paragraphs[0].text = clean(plan.footer_text)

    doc.add_heading(clean(plan.title), level=0)
    _para(doc, plan.prepared_line, grey=True)
    if plan.disclaimer_line:
        _para(doc, plan.disclaimer_line, grey=True)
    _para(doc, plan.summary)

    doc.add_heading(clean(labels.glance), level=1)
    _table(doc, ["", ""], [[row.label, row.value] for row in plan.at_a_glance])
    if plan.facts:
        doc.add_heading(clean(labels.facts), level=1)
        _para(doc, labels.facts_hint, grey=True)
        _table(doc, ["", ""], [[row.label, row.value] for row in plan.facts])

    doc.add_heading(clean(labels.why), level=1)
    for text in (plan.strategy_explanation, plan.readiness_explanation):
        if text.strip():
            _para(doc, text)
    for reason in plan.reasons:
        _para(doc, reason, BULLET)
    if plan.alternatives:
        doc.add_heading(clean(labels.alternatives), level=2)
        for alt in plan.alternatives:
            _para(doc, f"{alt.label}: {' '.join(alt.why_lower)}", BULLET)

    if plan.constraints:
        doc.add_heading(clean(labels.musts), level=1)
        for note in plan.constraints:
            paragraph = doc.add_paragraph(style=NUMBERED)
            paragraph.add_run(clean(note.title)).bold = True
            paragraph.add_run(" " + clean(note.text))
    if plan.warnings:
        doc.add_heading(clean(labels.watch_out), level=2)
        for warning in plan.warnings:
            _para(doc, warning, BULLET)

    doc.add_heading(clean(labels.timeline), level=1)
    _table(
        doc,
        [labels.column_date, labels.column_step, labels.column_detail],
        [[step.date_text, step.title, step.detail] for step in plan.timeline],
    )
    doc.add_heading(clean(labels.checklist), level=1)
    for group in plan.checklist:
        doc.add_heading(clean(group.title), level=2)
        for item in group.items:
            _para(doc, f"{item.due_text}: {item.text}", BULLET)

    if plan.documentation_log:
        doc.add_heading(clean(labels.log), level=1)
        _para(doc, labels.log_hint, grey=True)
        rows = [
            [f"{row.date} ({row.status})" if row.planned else row.date, row.channel, row.what,
             row.who]
            for row in plan.documentation_log
        ]  # fmt: skip
        grey = {i for i, row in enumerate(plan.documentation_log) if row.planned}
        _table(doc, [labels.column_date, labels.column_how, labels.column_what,
                     labels.column_who], rows + [["", "", "", ""]] * 4, grey)  # fmt: skip
    if plan.reflection:
        doc.add_heading(clean(labels.reflection), level=1)
        for question in plan.reflection:
            _para(doc, question, NUMBERED)
    _para(doc, plan.disclaimer, grey=True)

    for msg in plan.messages:
        _message(doc, msg, labels.draft_send_on)
    if plan.follow_up_script:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False
        doc.add_heading(clean(labels.follow_up_script), level=1)
        for line in clean(plan.follow_up_script).split("\n"):
            if line.strip():
                doc.add_paragraph(line)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
