"""The plan's pages: one method per section, in reading order.

Every word comes from the Plan (its texts and `labels`), every string goes through `t()`
before it reaches fpdf2, and nothing is worded or dated here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from fpdf.enums import TableCellFillMode
from fpdf.fonts import FontFace

from wizard.models import ConstraintNote, Plan
from wizard.pdf.document import INK, MUTED, RULE, PlanDocument
from wizard.pdf.fonts import BODY, attach_fonts
from wizard.pdf.text import REPLACEMENT, clean_text, code_points, list_item, one_line, strings_in

log = logging.getLogger(__name__)

# Calm palette: one green primary, greys for secondary text. The "must do" list and the
# "watch out" box differ by shape and weight (a solid rule and bold titles against a thin
# frame and smaller text), so they stay distinct in black and white.
PRIMARY = (0x2F, 0x6F, 0x62)
PRIMARY_TINT = (0xEA, 0xF3, 0xF0)
PRIMARY_SOFT = (0xD3, 0xE6, 0xE0)
ZEBRA = (0xF6, 0xF8, 0xF7)
PLANNED = (0x8A, 0x92, 0x94)

LINE = 5.6  # body line height (mm) at 11 pt
BODY_PT = 11
SMALL_PT = 9
TABLE_LINE = 4.8
TABLE_PADDING = (2.2, 2.5, 2.2, 2.5)
OUTLINE_CHARS = 120


class PlanLayout:
    """Lays out one plan."""

    def __init__(self, plan: Plan, creation_date: dt.datetime) -> None:
        self.plan = plan
        self.labels = plan.labels
        self.creation_date = creation_date
        self.pdf = PlanDocument("", clean_text(plan.labels.page_footer), one_line(plan.footer_text))
        used = code_points(clean_text(s) for s in strings_in(plan))
        drawable = attach_fonts(self.pdf, used)
        self.pdf.enable_shaping()
        missing = used - drawable - {ord(REPLACEMENT)}
        if missing:
            # A count only: the characters themselves are what the user typed.
            log.warning(
                "Characters without a glyph in the bundled fonts: %d (drawn as a box)",
                len(missing),
            )
        self.drop = {code: REPLACEMENT for code in missing}
        self.pdf.running_header = self._fit(plan.running_header, 120, 8)
        self.pdf.footer_text = self._fit(plan.footer_text, self.pdf.epw - 32, 8)

    # ---------------------------------------------------------------- helpers
    def t(self, text: str) -> str:
        return clean_text(text).translate(self.drop)

    def _fit(self, text: str, width: float, size: float, style: str = "") -> str:
        """One line of at most `width` mm in this font, ending with an ellipsis when cut."""
        text = self.t(text).replace("\n", " ")
        pdf = self.pdf
        pdf.set_font(BODY, style, size)
        if pdf.get_string_width(text) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if pdf.get_string_width(text[:mid] + "…") <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"

    def outline(self, title: str, level: int = 0) -> None:
        self.pdf.start_section(self.t(title).replace("\n", " ")[:OUTLINE_CHARS], level=level)

    def font(self, style: str = "", size: float = BODY_PT, color: tuple[int, int, int] = INK):
        self.pdf.set_font(BODY, style, size)
        self.pdf.set_text_color(*color)

    def room(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if height > self.room():
            self.pdf.add_page()

    def keep_measured(self, most: float, need: Callable[[], float]) -> None:
        """keep(need()), where need() is at most `most` mm: measuring text is a dry run of
        its layout, so it is skipped when even `most` fits here."""
        if most > self.room():
            self.keep(need())

    def text_height(self, width: float, text: str, line: float = LINE) -> float:
        result = self.pdf.multi_cell(width, line, text, align="L", dry_run=True, output="HEIGHT")
        return float(result)

    def para(self, text: str, *, line: float = LINE, width: float = 0, gap: float = 2) -> None:
        self.pdf.multi_cell(width, line, self.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def hint(self, text: str) -> None:
        self.font("", 9, MUTED)
        self.para(text, line=4.6, gap=3)

    def heading(
        self, title: str, first_block: float = 22, measure: Callable[[], float] | None = None
    ) -> None:
        """A section heading, its outline entry and room for the start of its content
        (`first_block` mm, or at most that as `measure()` says when it must be measured)."""
        pdf = self.pdf
        pdf.ln(3)
        if measure is None:
            self.keep(12 + first_block)
        else:
            self.keep_measured(12 + first_block, lambda: 12 + min(measure(), first_block))
        if pdf.get_y() < pdf.t_margin + 1:
            pdf.set_y(pdf.t_margin)
        self.outline(title)
        self.font("B", 13, PRIMARY)
        pdf.multi_cell(0, 7, self.t(title), align="L", new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y() + 0.5
        pdf.set_draw_color(*PRIMARY_SOFT)
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(3.5)
        self.font()

    def subheading(
        self,
        title: str,
        first_block: float = 12,
        outline: bool = False,
        color: tuple[int, int, int] = INK,
    ) -> None:
        pdf = self.pdf
        pdf.ln(1.5)
        self.keep(7 + first_block)
        if outline:
            self.outline(title, level=1)
        self.font("B", 10.5, color)
        pdf.multi_cell(0, 6, self.t(title), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)
        self.font()

    def bullet(self, text: str, indent: float = 5.5) -> None:
        pdf = self.pdf
        text = self.t(text)
        width = pdf.epw - indent
        self.keep(2 * LINE)  # never a lone bullet at the foot of a page
        y = pdf.get_y()
        self.font("B", BODY_PT, PRIMARY)
        pdf.set_xy(pdf.l_margin + 1, y)
        pdf.cell(indent - 1, LINE, "•")
        self.font()
        pdf.set_xy(pdf.l_margin + indent, y)
        pdf.multi_cell(width, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def table_style(self, headings: bool = True) -> dict[str, Any]:
        # fpdf2 fills every cell with the current fill colour (the table's initial style),
        # so reset it to paper white before each table.
        self.pdf.set_fill_color(255, 255, 255)
        return dict(
            first_row_as_headings=headings,
            text_align="LEFT",
            v_align="TOP",
            line_height=TABLE_LINE,
            padding=TABLE_PADDING,
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(
                emphasis="BOLD", color=PRIMARY, fill_color=PRIMARY_TINT, size_pt=9
            ),
            cell_fill_color=ZEBRA,
            cell_fill_mode=TableCellFillMode.EVEN_ROWS,
        )

    # ---------------------------------------------------------------- sections
    def render(self) -> bytes:
        pdf, plan = self.pdf, self.plan
        pdf.set_title(self.t(one_line(plan.title)))
        pdf.set_author(self.t(one_line(plan.document_author)))
        pdf.set_subject(self.t(one_line(plan.document_subject)))
        # Layout metadata, not wording: the producing program and the content's language.
        pdf.set_creator("Partways")
        pdf.set_lang("en")
        pdf.set_creation_date(self.creation_date)
        pdf.add_page()
        self.title_block()
        self.glance()
        self.facts()
        self.why()
        self.musts()
        self.watch_out()
        self.timeline()
        self.checklist()
        self.message()
        self.documentation_log()
        self.reflection()
        return bytes(pdf.output())

    def title_block(self) -> None:
        pdf, plan = self.pdf, self.plan
        self.outline(plan.title)
        self.font("B", 8.5, PRIMARY)
        pdf.multi_cell(0, 5, self.t(self.labels.kicker), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        self.font("B", 20, INK)
        pdf.multi_cell(0, 9, self.t(plan.title), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        self.font("", 10, MUTED)
        self.para(plan.prepared_line, gap=1.5)
        if plan.disclaimer_line.strip():
            self.font("", SMALL_PT, MUTED)
            self.para(plan.disclaimer_line, line=4.4, gap=4)
        else:
            pdf.ln(2.5)
        if plan.summary.strip():
            self.font()
            self.para(plan.summary, gap=3)
        self.font()

    def glance(self) -> None:
        pdf = self.pdf
        rows = [(self.t(row.label), self.t(row.value)) for row in self.plan.at_a_glance]
        pad, label_w = 5.0, 46.0
        value_w = pdf.epw - 2 * pad - label_w - 3  # 3 mm for the accent bar
        self.font()
        heights = []
        for label, value in rows:
            self.font("B", 9, MUTED)
            label_h = self.text_height(label_w - 1, label)
            self.font()
            heights.append(max(LINE, label_h, self.text_height(value_w, value)) + 1.6)
        title_h = 8.0
        box_h = title_h + sum(heights) + 2 * pad - 1.6
        pdf.ln(2)
        # The box is drawn in one piece: move it whole to the next page if it does not fit.
        # (Only absurdly long texts could make it taller than a page; then it goes unboxed.)
        boxed = box_h <= pdf.page_break_trigger - pdf.t_margin
        if boxed:
            self.keep(box_h + 2)
        x, y = pdf.l_margin, pdf.get_y()
        self.outline(self.labels.glance)
        if boxed:
            pdf.set_fill_color(*PRIMARY_TINT)
            pdf.set_draw_color(*PRIMARY_SOFT)
            pdf.set_line_width(0.3)
            pdf.rect(x, y, pdf.epw, box_h, style="DF")
            pdf.set_fill_color(*PRIMARY)
            pdf.rect(x, y, 1.6, box_h, style="F")
        pdf.set_xy(x + pad + 3, y + pad)
        title = self._fit(self.labels.glance, pdf.epw - 2 * pad - 3, 11, "B")
        self.font("B", 11, PRIMARY)
        pdf.cell(0, 6, title)
        pdf.set_y(y + pad + title_h)
        for label, value in rows:
            self.keep(LINE)
            row_y = pdf.get_y()
            pdf.set_xy(x + pad + 3, row_y)
            self.font("B", 9, MUTED)
            pdf.multi_cell(label_w - 1, LINE, label, align="L")
            label_end = pdf.get_y()
            self.font("", BODY_PT, INK)
            pdf.set_xy(x + pad + 3 + label_w, row_y)
            pdf.multi_cell(value_w, LINE, value, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(pdf.get_y(), label_end) + 1.6)
        pdf.set_y(y + box_h + 4 if boxed else pdf.get_y() + 4)
        self.font()

    def why(self) -> None:
        plan = self.plan
        self.heading(self.labels.why)
        self.font()
        if plan.strategy_explanation.strip():
            self.para(plan.strategy_explanation)
        if plan.readiness_explanation.strip():
            self.para(plan.readiness_explanation)
        for reason in plan.reasons:
            self.bullet(reason)
        if plan.alternatives:
            self.subheading(self.labels.alternatives, color=PRIMARY)
            for alt in plan.alternatives:
                self.keep(3 * LINE + 4)  # the label with the first lines of its sentence
                self.font("B", BODY_PT, INK)
                self.para(alt.label, gap=0.5)
                self.font()
                self.para(" ".join(alt.why_lower), gap=2.5)

    def facts(self) -> None:
        """The facts the plan rests on, in a two-column table for an adviser to check."""
        pdf, plan = self.pdf, self.plan
        if not plan.facts:
            return
        self.heading(self.labels.facts, first_block=30)
        self.hint(self.labels.facts_hint)
        self.font("", 10)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        with pdf.table(col_widths=(50, 110), **self.table_style(headings=False)) as table:
            for row in plan.facts:
                cells = table.row()
                cells.cell(self.t(row.label), style=FontFace(emphasis="BOLD"))
                cells.cell(self.t(row.value))
        pdf.ln(2)
        self.font()

    def note_height(
        self, title: str | None, text: str, width: float, size: float, line: float = LINE
    ) -> float:
        height = 0.0
        if title:
            self.font("B", size)
            height += self.text_height(width, self.t(title), line)
        if text.strip():
            self.font("", size)
            height += self.text_height(width, self.t(text), line)
        self.font()
        return height

    def _rule_height(self, note: ConstraintNote, width: float) -> float:
        height = self.note_height(note.title, note.text, width, 10.5)
        return height + 1 if height <= 80 else 3 * LINE

    def musts(self) -> None:
        """The hard rules: one list, each rule with a solid bar, a bold title and its text."""
        pdf, plan = self.pdf, self.plan
        if not plan.constraints:
            return
        indent = 5.0
        width = pdf.epw - indent
        first = plan.constraints[0]
        self.heading(
            self.labels.musts,
            first_block=60,
            measure=lambda: self.note_height(first.title, first.text, width, 10.5),
        )
        for note in plan.constraints:
            # A rule stays whole on its page (its bar is drawn in one piece).
            self.keep_measured(81, partial(self._rule_height, note, width))
            top, page = pdf.get_y(), pdf.page
            pdf.set_left_margin(pdf.l_margin + indent)
            pdf.set_x(pdf.l_margin)
            self.font("B", 10.5, INK)
            pdf.multi_cell(
                width, LINE, self.t(note.title), align="L", new_x="LMARGIN", new_y="NEXT"
            )
            self.font("", 10.5, INK)
            pdf.multi_cell(width, LINE, self.t(note.text), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_left_margin(pdf.l_margin - indent)
            if pdf.page == page:
                pdf.set_fill_color(*INK)
                pdf.rect(pdf.l_margin, top + 0.6, 1.4, pdf.get_y() - top - 0.6, style="F")
            pdf.ln(3)
        self.font()

    def watch_out(self) -> None:
        """The soft tips: a quiet, thin-framed box of small text with plain bullets."""
        pdf, plan = self.pdf, self.plan
        if not plan.warnings:
            return
        pad, indent = 3.5, 4.5
        width = pdf.epw - 2 * pad - indent
        heights = [
            self.note_height(None, w, width, SMALL_PT + 0.5, 4.8) + 1.2 for w in plan.warnings
        ]
        box_h = sum(heights) + 2 * pad + 7
        pdf.ln(3)
        boxed = box_h <= pdf.page_break_trigger - pdf.t_margin
        self.keep(box_h if boxed else 7 + heights[0] + 2 * pad)
        self.outline(self.labels.watch_out)
        x, y = pdf.l_margin, pdf.get_y()
        if boxed:
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.3)
            pdf.rect(x, y, pdf.epw, box_h, style="D")
        pdf.set_xy(x + pad, y + pad)
        self.font("B", SMALL_PT + 1, MUTED)
        pdf.cell(0, 5, self.t(self.labels.watch_out), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
        for warning, height in zip(plan.warnings, heights, strict=True):
            if not boxed:
                self.keep(min(height, 2 * LINE))
            row_y = pdf.get_y()
            self.font("", SMALL_PT + 0.5, MUTED)
            pdf.set_xy(x + pad, row_y)
            pdf.cell(indent, 4.8, "•")
            self.font("", SMALL_PT + 0.5, INK)
            pdf.set_xy(x + pad + indent, row_y)
            pdf.multi_cell(width, 4.8, self.t(warning), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        pdf.set_y(y + box_h + 3 if boxed else pdf.get_y() + 3)
        self.font()

    def timeline(self) -> None:
        pdf, plan, labels = self.pdf, self.plan, self.labels
        if not plan.timeline:
            return
        self.heading(labels.timeline, first_block=30)
        self.font("", 9.5)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        with pdf.table(col_widths=(32, 42, 86), **self.table_style()) as table:
            table.row(
                [
                    self.t(labels.column_date),
                    self.t(labels.column_step),
                    self.t(labels.column_detail),
                ]
            )
            for step in plan.timeline:
                row = table.row()
                row.cell(self.t(step.date_text))
                row.cell(self.t(step.title), style=FontFace(emphasis="BOLD"))
                row.cell(self.t(step.detail))
        pdf.ln(2)
        self.font()

    def checklist(self) -> None:
        pdf, plan = self.pdf, self.plan
        groups = [group for group in plan.checklist if group.items]
        if not groups:
            return
        self.heading(self.labels.checklist)
        due_w, box_w = 32.0, 7.0
        text_w = pdf.epw - box_w - due_w - 2
        for group in groups:
            # The title travels with its first item, or with both when there are only two.
            first = (4 if len(group.items) <= 2 else 2) * LINE + 4
            self.subheading(group.title, first_block=first, outline=True)
            for index, item in enumerate(group.items):
                text = self.t(item.text)
                self.font()
                # Never one item alone at the top of a page: the last two move together.
                last_two = len(group.items) - index == 2
                self.keep((4 if last_two else 2) * LINE + 4)
                x, y = pdf.l_margin, pdf.get_y()
                pdf.set_draw_color(*PRIMARY)
                pdf.set_line_width(0.35)
                pdf.rect(x + 0.6, y + 0.9, 3.6, 3.6)
                # The due date sits on the item's first line, right-aligned.
                due = self._fit(item.due_text, due_w, 9)
                self.font("", 9, MUTED)
                pdf.set_xy(pdf.w - pdf.r_margin - due_w, y)
                pdf.cell(due_w, LINE, due, align="R")
                self.font()
                pdf.set_xy(x + box_w, y)
                pdf.multi_cell(text_w, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
                end_y = pdf.get_y()
                pdf.set_xy(pdf.l_margin, end_y + 1.6)
            pdf.ln(1)

    def _message_opening(self) -> float:
        """The hint, the first draft's "send on" and subject lines, and as much of its
        opening as the draft itself keeps together (preformatted: at most six lines): the
        heading never stays at a page foot with the draft on the next page."""
        self.font("", 9, MUTED)
        need = self.text_height(0, self.t(self.labels.message_hint), line=4.6) + 3
        self.font()
        first = self.plan.messages[0] if self.plan.messages else None
        if first is not None:
            need += (LINE + 1) if first.send_on_text else 0
            need += (LINE + 2) if first.subject_line else 0
            need += 6 * LINE
        return need

    def message(self) -> None:
        pdf, plan = self.pdf, self.plan
        self.heading(self.labels.message, first_block=80, measure=self._message_opening)
        self.hint(self.labels.message_hint)
        for index, msg in enumerate(plan.messages):
            if index:
                self.subheading(msg.title, first_block=4 * LINE, outline=True)
            if msg.send_on_text:
                self.font("", 10, MUTED)
                self.para(f"{self.labels.draft_send_on} {msg.send_on_text}", gap=1)
            # Talking points have no subject line: the plan says so with None.
            if msg.subject_line is not None and self.t(msg.subject_line).strip():
                self.font("B", BODY_PT, INK)
                self.para(msg.subject_line, gap=2)
            self.font()
            # A page break inside the message says so in the running header.
            pdf.continued_note = self.t(f"{msg.title} ({self.labels.continued})").replace("\n", " ")
            self.preformatted(msg.body, indent=4)
            pdf.continued_note = ""
            pdf.ln(3)
        if plan.follow_up_script is not None:
            self.subheading(self.labels.follow_up_script, first_block=3 * LINE, outline=True)
            self.preformatted(plan.follow_up_script, indent=4)

    def _opening_height(
        self,
        width: float,
        line: str,
        follows: str | None,
        after: str | None = None,
        extra: float = 0.0,
    ) -> float:
        """The first two lines of a paragraph (its next text line too, when the first fits on
        one: a sign-off keeps the name under it), and of the one after a greeting."""
        height = self.text_height(width, line)
        if after is not None and height < 2 * LINE:
            height += self.text_height(width, after)
        height = min(height, 2 * LINE)
        if follows is not None:
            height += LINE + min(self.text_height(width, follows), 2 * LINE)
        return height + extra

    def preformatted(self, text: str, indent: float) -> None:
        """Text exactly as given, line by line; list lines get a hanging indent."""
        pdf = self.pdf
        left = pdf.l_margin + indent
        width = pdf.w - pdf.r_margin - left
        lines = self.t(text).split("\n")
        for number, line in enumerate(lines):
            item = list_item(line)
            starts_paragraph = bool(line.strip()) and (number == 0 or not lines[number - 1].strip())
            if starts_paragraph:
                # A paragraph starts with at least two of its lines on the page; a greeting
                # ("Dear Alex,") or the draft's own first line (a script's title) takes the
                # first two lines of the paragraph after it along.
                follows = None
                if (number == 0 or _is_salutation(line)) and number + 2 < len(lines):
                    follows = lines[number + 2]
                after = lines[number + 1] if number + 1 < len(lines) else ""
                # (A script's first point keeps the second's first line: one LINE more.)
                extra = LINE if number == 0 and follows is not None else 0.0
                most = (2 if follows is None else 5) * LINE + extra
                self.keep_measured(
                    most,
                    partial(
                        self._opening_height, width, line, follows, after.strip() or None, extra
                    ),
                )
            else:
                self.keep(LINE)
            if item:
                marker, rest = item
                hang = max(6.0, pdf.get_string_width(marker) + 2)
                y = pdf.get_y()
                pdf.set_xy(left, y)
                pdf.cell(hang, LINE, marker)
                pdf.set_xy(left + hang, y)
                pdf.multi_cell(width - hang, LINE, rest, align="L", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_x(left)
                # An empty line still takes a line of height: blank lines are kept.
                pdf.multi_cell(width, LINE, line, align="L", new_x="LMARGIN", new_y="NEXT")

    def _log_rows(self) -> list[tuple[list[str], FontFace | None]]:
        rows = []
        for entry in self.plan.documentation_log:
            # Planned rows are grey and say so: they are a plan, not a record.
            face = FontFace(color=PLANNED) if entry.planned else None
            date = self.t(entry.date)
            if entry.planned and entry.status:
                date = f"{date}\n({self.t(entry.status)})"
            rows.append(
                ([date, self.t(entry.channel), self.t(entry.what), self.t(entry.who)], face)
            )
        return rows

    def _row_height(self, cells: list[str], widths: tuple[float, ...], style: str = "") -> float:
        """A table row's height as fpdf2's table measures it: each cell's text laid out in
        its column with the table's line height and padding (see table_style)."""
        size = 9 if style else 9.5
        self.pdf.set_font(BODY, style, size)
        scale = self.pdf.epw / sum(widths)
        height = max(
            float(
                self.pdf.multi_cell(
                    width * scale,
                    TABLE_LINE,
                    text,
                    max_line_height=TABLE_LINE,
                    padding=TABLE_PADDING,
                    dry_run=True,
                    output="HEIGHT",
                )
            )
            for width, text in zip(widths, cells, strict=True)
        )
        self.font("", 9.5)
        return height

    def documentation_log(self) -> None:
        pdf, plan, labels = self.pdf, self.plan, self.labels
        # A log to fill in by hand reads best in one piece: keep it whole when it can be.
        estimate = 8 + 10 + 12 * len(plan.documentation_log) + 2 * 11
        usable = pdf.page_break_trigger - pdf.t_margin - 25
        self.heading(labels.log, first_block=estimate if estimate <= usable else 40)
        self.hint(labels.log_hint)
        self.font("", 9.5)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        widths = (35, 24, 65, 36)
        header = [
            self.t(labels.column_date),
            self.t(labels.column_how),
            self.t(labels.column_what),
            self.t(labels.column_who),
        ]
        rows = self._log_rows()
        # Never one row alone at the top of a page: the last two rows travel together
        # (with the column headings when the whole log is two rows or fewer).
        head, tail = rows[:-2], rows[-2:]
        if head:
            self._log_table(widths, header, head)
        tail_h = sum(self._row_height(cells, widths) for cells, _ in tail)
        if not head:
            tail_h += self._row_height(header, widths, "B")
        on_new_page = tail_h > self.room() and tail_h <= pdf.page_break_trigger - pdf.t_margin
        if on_new_page:
            pdf.add_page()
        if tail:
            self._log_table(widths, header if on_new_page or not head else None, tail)
        # Empty rows to fill in by hand, only as many as fit here: never a lone empty row
        # at the top of the next page.
        blank_h = 11.0
        fit = min(6, int(self.room() // blank_h))
        if fit >= 2:
            style = self.table_style(headings=False)
            style["borders_layout"] = "ALL"
            style["cell_fill_mode"] = TableCellFillMode.NONE
            with pdf.table(col_widths=widths, **style) as table:
                for _ in range(fit):
                    table.row(["", "", "", ""], min_height=blank_h)
        pdf.ln(2)
        self.font()

    def _log_table(
        self,
        widths: tuple[float, ...],
        header: list[str] | None,
        rows: list[tuple[list[str], FontFace | None]],
    ) -> None:
        style = self.table_style(headings=header is not None)
        style["borders_layout"] = "ALL"
        style["cell_fill_mode"] = TableCellFillMode.NONE
        with self.pdf.table(col_widths=widths, **style) as table:
            if header is not None:
                table.row(header)
            for cells, face in rows:
                row = table.row()
                for text in cells:
                    row.cell(text, style=face)

    def reflection(self) -> None:
        pdf, plan = self.pdf, self.plan
        if plan.reflection:
            # The heading keeps the first question (and the second, if that is the last).
            block = 2 * LINE + 17
            self.heading(self.labels.reflection, first_block=block * min(2, len(plan.reflection)))
            count = len(plan.reflection)
            for number, question in enumerate(plan.reflection, start=1):
                text = self.t(question)
                # The question with its writing lines; the last two travel together.
                self.keep((2 if number == count - 1 else 1) * (2 * LINE + 17))
                y = pdf.get_y()
                self.font("B", BODY_PT, PRIMARY)
                pdf.cell(7, LINE, f"{number}.")
                self.font()
                pdf.set_xy(pdf.l_margin + 7, y)
                pdf.multi_cell(pdf.epw - 7, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
                # Two ruled lines to write an answer by hand.
                pdf.set_draw_color(*RULE)
                pdf.set_line_width(0.2)
                for _ in range(2):
                    pdf.ln(6.5)
                    ly = pdf.get_y()
                    pdf.line(pdf.l_margin + 7, ly, pdf.w - pdf.r_margin, ly)
                pdf.ln(4)
        disclaimer = self.t(plan.disclaimer).strip()
        if disclaimer:
            self.font("", SMALL_PT, MUTED)
            pdf.ln(4)
            self.keep_measured(24, lambda: min(self.text_height(0, disclaimer, line=4.2), 20) + 4)
            pdf.set_draw_color(*RULE)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
            pdf.ln(2)
            self.para(disclaimer, line=4.2, gap=0)


def _is_salutation(line: str) -> bool:
    """A short line ending in a comma that opens a letter ("Dear Alex,")."""
    stripped = line.strip()
    return stripped.endswith(",") and len(stripped) <= 80 and " " in stripped
