"""Render a Plan as a printable, dated exit plan (A4 PDF).

Everything a Plan holds is data: client and user text may contain anything, so it is only
ever written as plain text (no markdown, no HTML), never used as a path or URL, cleaned of
control characters, and never logged. Output is deterministic for a given plan and date.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import ResourceAccessPolicy, TableCellFillMode
from fpdf.fonts import FontFace, SubsetMap, TTFFont
from pydantic import BaseModel

from wizard.models import Plan

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).parent / "fonts"
BODY = "partways"  # DejaVu Sans, regular and bold
CJK = "partwayscjk"  # Droid Sans Fallback, only attached when the text needs it

# Calm palette: one green primary, warm red for warnings, greys for secondary text.
PRIMARY = (0x2F, 0x6F, 0x62)
PRIMARY_TINT = (0xEA, 0xF3, 0xF0)
PRIMARY_SOFT = (0xD3, 0xE6, 0xE0)
WARN = (0xB0, 0x4A, 0x2E)
WARN_TINT = (0xFB, 0xF0, 0xEB)
INK = (0x22, 0x26, 0x28)
MUTED = (0x5F, 0x68, 0x6B)
RULE = (0xC9, 0xD0, 0xCE)
ZEBRA = (0xF6, 0xF8, 0xF7)

MARGIN = 20.0
LINE = 5.2  # body line height (mm) at 10 pt
BODY_PT = 10
SMALL_PT = 8.5

CLIENT_PLACEHOLDER = "your client"
PREPARED_PLACEHOLDER = "you"
REPLACEMENT = "\ufffd"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: dt.date) -> str:
    """'Tue 1 Dec 2026', independent of the process locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------- text hygiene


def _control_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[code] = None
    table[ord("\n")] = "\n"
    table[ord("\t")] = "    "
    table[0x85] = "\n"  # NEL
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    # Lone surrogates cannot be encoded in a PDF string; show that something was there.
    for code in range(0xD800, 0xE000):
        table[code] = REPLACEMENT
    return table


_CONTROL = _control_table()


def clean_text(text: str) -> str:
    """Text as it may be written: line breaks normalised, control characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CONTROL)


_SHAPED_BIDI = frozenset(
    {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}
)
_SHAPED_RANGES = (
    (0x0900, 0x0DFF),
    (0x0E00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0x200C, 0x200D),
)


def _complex_char(char: str) -> bool:
    # Deliberately not cached: a process-wide cache would keep characters users typed.
    code = ord(char)
    if code < 0x0300:
        return False
    if unicodedata.bidirectional(char) in _SHAPED_BIDI:
        return True
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    return any(low <= code <= high for low, high in _SHAPED_RANGES)


def needs_shaping(text: str) -> bool:
    """Right-to-left text, joining scripts and combining marks need HarfBuzz; Latin does not."""
    return not text.isascii() and any(_complex_char(char) for char in set(text))


# "1. text", "2) text", "- text", "• text": shown with the marker hanging to the left.
_LIST_ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[-•*–])\s+(\S.*)$")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class _FontSource:
    """A font parsed once per process; documents get cheap per-document clones."""

    path: Path
    data: bytes
    proto: TTFFont
    codepoints: frozenset[int]
    glyph_order: tuple[str, ...]


_FONT_LOCK = threading.Lock()
_SOURCES: dict[tuple[str, str], _FontSource] = {}

# The clone below relies on TTFFont's internals; if fpdf2 changes them we fall back to the
# slower public add_font instead of producing a broken font.
_KNOWN_SLOTS = frozenset(
    {
        "i",
        "type",
        "name",
        "desc",
        "glyph_ids",
        "_hbfont",
        "sp",
        "ss",
        "up",
        "ut",
        "cw",
        "ttffile",
        "fontkey",
        "emphasis",
        "scale",
        "subset",
        "cmap",
        "ttfont",
        "missing_glyphs",
        "biggest_size_pt",
        "color_font",
        "unicode_range",
        "palette_index",
        "is_compressed",
        "is_cff",
        "is_cid_keyed",
        "is_symbol",
        "cff_ros",
        "collection_font_number",
    }
)
_CAN_CLONE = frozenset(getattr(TTFFont, "__slots__", ())) == _KNOWN_SLOTS


# Tables fpdf2 drops from the embedded subset anyway (plus kern, which no PDF viewer reads).
# Removing them up front saves decoding them for every document; shaping still uses the
# full file through HarfBuzz.
_UNEMBEDDED_TABLES = ("FFTM", "GDEF", "GPOS", "GSUB", "MATH", "kern", "hdmx", "meta", "vhea",
                      "vmtx")


def _embeddable(path: Path) -> bytes:
    font = ttLib.TTFont(path, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
    for tag in _UNEMBEDDED_TABLES:
        if tag in font:
            del font[tag]
    buffer = BytesIO()
    font.save(buffer)  # untouched tables are copied as raw bytes: glyph order unchanged
    font.close()
    return buffer.getvalue()


def _source(filename: str, style: str) -> _FontSource:
    key = (filename, style)
    with _FONT_LOCK:
        found = _SOURCES.get(key)
        if found is None:
            path = FONT_DIR / filename
            holder = FPDF()
            holder.add_font("proto", style, str(path))
            proto = holder.fonts[f"proto{style}"]
            assert isinstance(proto, TTFFont)
            # Glyph names are derived from the cmap for some fonts (Droid): do it once here.
            order = tuple(proto.ttfont.getGlyphOrder())
            # Everything needed later is already read; release the file handle.
            proto.ttfont.close()
            found = _FontSource(path, _embeddable(path), proto, frozenset(proto.cmap), order)
            _SOURCES[key] = found
        return found


def _attach_font(pdf: FPDF, family: str, style: str, source: _FontSource) -> None:
    if not _CAN_CLONE or source.proto.color_font is not None:
        pdf.add_font(family, style, str(source.path))
        return
    proto = source.proto
    font = TTFFont.__new__(TTFFont)
    for slot in _KNOWN_SLOTS:
        if hasattr(proto, slot):
            setattr(font, slot, getattr(proto, slot))
    fontkey = f"{family}{style}"
    font.i = len(pdf.fonts) + 1
    font.fontkey = fontkey
    # fpdf2 subsets ttfont in place when writing, so each document needs its own; opening
    # it lazily from bytes in memory is cheap. cmap and glyph_ids are only read: shared.
    font.ttfont = ttLib.TTFont(BytesIO(source.data), recalcTimestamp=False, lazy=True)
    font.ttfont.setGlyphOrder(list(source.glyph_order))
    font._hbfont = None
    font.cw = copy.copy(proto.cw)
    font.desc = copy.copy(proto.desc)  # output sets its object id and font file
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[fontkey] = font


class _NoClientTextInLogs(logging.Filter):
    """fpdf2 logs missing glyphs with the characters themselves; drop the characters."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "missing the following glyphs" in str(record.msg):
            record.msg = "A font is missing glyphs (characters not logged)"
            record.args = ()
        return True


_FILTER = _NoClientTextInLogs()
logging.getLogger("fpdf.output").addFilter(_FILTER)


# --------------------------------------------------------------------------- document


class _PlanPDF(FPDF):
    def __init__(self, header_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.header_text = header_text
        self.resource_access_policy = ResourceAccessPolicy.NONE
        # The page-count alias is switched on only inside the footer, so a "{nb}" typed by
        # the user is never replaced by a number.
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        self.set_margins(MARGIN, 22, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.renderable: frozenset[int] = frozenset()
        self.shaping: dict[str, Any] | None = None

    # Shaping every string costs a HarfBuzz call per character while breaking lines, so it
    # is switched on only for the strings that need it (tables go through multi_cell too).
    def _shape_for(self, text: str) -> None:
        self.text_shaping = self.shaping if needs_shaping(text) else None

    def cell(self, w: Any = None, h: Any = None, text: str = "", *args: Any, **kwargs: Any):
        self._shape_for(text)
        return super().cell(w, h, text, *args, **kwargs)

    def multi_cell(self, w: Any, h: Any = None, text: str = "", *args: Any, **kwargs: Any):
        self._shape_for(text)
        return super().multi_cell(w, h, text, *args, **kwargs)

    def get_string_width(self, s: str, *args: Any, **kwargs: Any) -> float:
        self._shape_for(s)
        return super().get_string_width(s, *args, **kwargs)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        # Footers ask for the page count; the substitution happens inside output().
        self.alias_nb_pages("{nb}")
        return super().output(*args, **kwargs)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(10)
        self.set_font(BODY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 4, self.header_text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_y(22)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(BODY, "", 8)
        self.set_text_color(*MUTED)
        before = self.str_alias_nb_pages
        self.alias_nb_pages("{nb}")
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.str_alias_nb_pages = before
        self.set_text_color(*INK)


def _new_document(texts: Iterable[str], header_text: str = "") -> _PlanPDF:
    """A PDF with fonts attached for these texts; the CJK fallback only when needed."""
    pdf = _PlanPDF(header_text)
    regular = _source("DejaVuSans.ttf", "")
    bold = _source("DejaVuSans-Bold.ttf", "B")
    _attach_font(pdf, BODY, "", regular)
    _attach_font(pdf, BODY, "B", bold)
    used: set[int] = set()
    for text in texts:
        used.update(map(ord, text))
    renderable = regular.codepoints | bold.codepoints
    fallbacks = [BODY]
    if used - renderable:
        cjk = _source("DroidSansFallbackFull.ttf", "")
        if (used - renderable) & cjk.codepoints:
            _attach_font(pdf, CJK, "", cjk)
            fallbacks.append(CJK)
            renderable = renderable | cjk.codepoints
    # A bold run falls back to the regular face, then to CJK, rather than losing a glyph.
    pdf.set_fallback_fonts(fallbacks, exact_match=False)
    # Shaping joins Arabic letters and puts right-to-left runs in the right order.
    pdf.set_text_shaping(True)
    pdf.shaping = pdf.text_shaping
    pdf.renderable = frozenset(renderable | {0x0A, 0x20})
    return pdf


def _missing(used: set[int], renderable: frozenset[int]) -> list[int]:
    return sorted(code for code in used - renderable if code != ord(REPLACEMENT))


class _Writer:
    """Lays out one plan. Every string goes through `t()` before it reaches fpdf2."""

    def __init__(self, plan: Plan, creation_date: dt.datetime) -> None:
        self.plan = plan
        texts = [clean_text(s) for s in _strings(plan)]
        self.client = clean_text(plan.client_name).strip() or CLIENT_PLACEHOLDER
        self.prepared_for = clean_text(plan.prepared_for).strip() or PREPARED_PLACEHOLDER
        self.pdf = _new_document(texts, "")
        used: set[int] = set()
        for text in texts:
            used.update(map(ord, text))
        missing = _missing(used, self.pdf.renderable)
        for code in missing:
            # Only the code point: the surrounding text is client data.
            log.warning("U+%04X has no glyph in the bundled fonts; shown as U+FFFD", code)
        self.drop = {code: REPLACEMENT for code in missing}
        self.pdf.header_text = self._fit(f"Partways · Exit plan for {self.client}", 170, 8)
        self.creation_date = creation_date

    # ---------------------------------------------------------------- helpers
    def t(self, text: str) -> str:
        return clean_text(text).translate(self.drop)

    def _fit(self, text: str, width: float, size: float) -> str:
        """One line of at most `width` mm, ending with an ellipsis when cut."""
        text = self.t(text).replace("\n", " ")
        pdf = self.pdf
        pdf.set_font(BODY, "", size)
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

    def font(self, style: str = "", size: float = BODY_PT, color: tuple[int, int, int] = INK):
        self.pdf.set_font(BODY, style, size)
        self.pdf.set_text_color(*color)

    def room(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if height > self.room():
            self.pdf.add_page()

    def text_height(self, width: float, text: str, line: float = LINE) -> float:
        result = self.pdf.multi_cell(width, line, text, align="L", dry_run=True, output="HEIGHT")
        return float(result)  # type: ignore[arg-type]

    def para(self, text: str, *, line: float = LINE, width: float = 0, gap: float = 2) -> None:
        self.pdf.multi_cell(width, line, self.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def heading(self, title: str, first_block: float = 22) -> None:
        """A section heading, its outline entry and room for the start of its content."""
        pdf = self.pdf
        pdf.ln(3)
        self.keep(12 + first_block)
        if pdf.get_y() < pdf.t_margin + 1:
            pdf.set_y(pdf.t_margin)
        pdf.start_section(title, level=0)
        self.font("B", 13, PRIMARY)
        pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y() + 0.5
        pdf.set_draw_color(*PRIMARY_SOFT)
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(3.5)
        self.font()

    def subheading(self, title: str, first_block: float = 12, outline: bool = False,
                   color: tuple[int, int, int] = INK) -> None:
        pdf = self.pdf
        pdf.ln(1.5)
        self.keep(7 + first_block)
        if outline:
            pdf.start_section(self.t(title).replace("\n", " ")[:120], level=1)
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

    # ---------------------------------------------------------------- sections
    def render(self) -> bytes:
        pdf, plan = self.pdf, self.plan
        pdf.set_title(self.t(f"Exit plan for {self.client}").replace("\n", " "))
        author = clean_text(plan.prepared_for).strip() or "Partways"
        pdf.set_author(self.t(author).replace("\n", " "))
        pdf.set_subject(
            self.t(f"How to end the relationship: {plan.strategy_label}").replace("\n", " ")
        )
        pdf.set_creator("Partways")
        pdf.set_lang("en")
        pdf.set_creation_date(self.creation_date)
        pdf.add_page()
        self.title_block()
        self.glance()
        self.why()
        self.warnings()
        self.timeline()
        self.checklist()
        self.message()
        self.documentation_log()
        self.reflection()
        return bytes(pdf.output())

    def title_block(self) -> None:
        pdf, plan = self.pdf, self.plan
        pdf.start_section("Overview", level=0)
        self.font("B", 8.5, PRIMARY)
        pdf.cell(0, 5, "PARTWAYS · EXIT PLAN", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        self.font("B", 20, INK)
        pdf.multi_cell(
            0, 9, self.t(f"Exit plan for {self.client}"), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.5)
        self.font("", 10, MUTED)
        pdf.multi_cell(
            0,
            LINE,
            self.t(f"Prepared for {self.prepared_for} · {format_date(plan.prepared_on)}"),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(4)
        # The plan's own title usually repeats the heading above; show it only if it adds.
        title = " ".join(self.t(plan.title).split())
        if title and not title.casefold().startswith("exit plan for"):
            self.font("B", 12, PRIMARY)
            self.para(plan.title, line=6, gap=1)
        if plan.summary.strip():
            self.font()
            self.para(plan.summary, gap=3)
        self.font()

    def glance(self) -> None:
        pdf, plan = self.pdf, self.plan
        rec = plan.recommendation
        readiness = plan.readiness_label
        rows: list[tuple[str, str]] = [
            ("Recommended way out", plan.strategy_label),
            ("Readiness", readiness),
        ]
        if plan.first_step is not None:
            rows.append(("First step", plan.first_step))
        rows += [
            ("How to tell them", plan.channel_label),
            ("Give notice on", format_date(rec.notice_date)),
            ("Relationship ends", format_date(rec.effective_date)),
            ("Follow-up call", "Yes" if rec.follow_up_call else "No"),
            ("Written notice", "Yes" if rec.written_notice else "No"),
        ]
        rows = [(label, self.t(value)) for label, value in rows]
        pad, label_w = 5.0, 46.0
        value_w = pdf.epw - 2 * pad - label_w - 3  # 3 mm for the accent bar
        self.font()
        heights = [max(LINE, self.text_height(value_w, value)) + 1.6 for _, value in rows]
        title_h = 8.0
        box_h = title_h + sum(heights) + 2 * pad - 1.6
        pdf.ln(2)
        # The box is drawn in one piece: move it whole to the next page if it does not fit.
        # (Only absurdly long labels could make it taller than a page; then it goes unboxed.)
        boxed = box_h <= pdf.page_break_trigger - pdf.t_margin
        if boxed:
            self.keep(box_h + 2)
        x, y = pdf.l_margin, pdf.get_y()
        pdf.start_section("At a glance", level=0)
        if boxed:
            pdf.set_fill_color(*PRIMARY_TINT)
            pdf.set_draw_color(*PRIMARY_SOFT)
            pdf.set_line_width(0.3)
            pdf.rect(x, y, pdf.epw, box_h, style="DF")
            pdf.set_fill_color(*PRIMARY)
            pdf.rect(x, y, 1.6, box_h, style="F")
        pdf.set_xy(x + pad + 3, y + pad)
        self.font("B", 11, PRIMARY)
        pdf.cell(0, 6, "At a glance", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(y + pad + title_h)
        for label, value in rows:
            self.keep(LINE)
            row_y = pdf.get_y()
            pdf.set_xy(x + pad + 3, row_y)
            self.font("B", 9, MUTED)
            pdf.cell(label_w, LINE, label)
            self.font("", BODY_PT, INK)
            pdf.set_xy(x + pad + 3 + label_w, row_y)
            pdf.multi_cell(value_w, LINE, value, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.6)
        pdf.set_y(y + box_h + 4 if boxed else pdf.get_y() + 4)
        self.font()

    def why(self) -> None:
        plan = self.plan
        self.heading("Why")
        self.font()
        if plan.strategy_explanation.strip():
            self.para(plan.strategy_explanation)
        if plan.readiness_explanation.strip():
            self.para(plan.readiness_explanation)
        for reason in plan.reasons:
            self.bullet(reason)
        if plan.alternatives:
            self.subheading("Other ways out we weighed", color=PRIMARY)
            for alt in plan.alternatives:
                self.keep(3 * LINE + 4)  # the label with the first lines of its reasons
                self.font("B", 9.5, INK)
                self.para(alt.label, gap=0.5)
                self.font()
                for why in alt.why_lower:
                    self.bullet(why)

    def callout_height(self, title: str | None, text: str) -> float:
        width = self.pdf.epw - 1.6 - 2 * 3.5
        self.font("B", BODY_PT)
        title_h = self.text_height(width, self.t(title)) if title else 0.0
        self.font()
        text_h = self.text_height(width, self.t(text)) if text.strip() else 0.0
        return title_h + text_h + 2 * 3.5

    def callout(self, title: str | None, text: str) -> None:
        """A tinted note with a red bar on the left; kept on one page when it fits."""
        pdf = self.pdf
        pad, bar = 3.5, 1.6
        width = pdf.epw - bar - 2 * pad
        box_h = self.callout_height(title, text)
        title = self.t(title) if title else None
        text = self.t(text)
        if box_h <= pdf.page_break_trigger - pdf.t_margin:
            self.keep(box_h)
            x, y = pdf.l_margin, pdf.get_y()
            pdf.set_fill_color(*WARN_TINT)
            pdf.rect(x, y, pdf.epw, box_h, style="F")
            pdf.set_fill_color(*WARN)
            pdf.rect(x, y, bar, box_h, style="F")
            pdf.set_y(y + pad)
        # Longer than a page: plain indented text, so nothing overflows the margins.
        left = pdf.l_margin
        pdf.set_left_margin(left + bar + pad)
        pdf.set_x(left + bar + pad)
        if title:
            self.font("B", BODY_PT, WARN)
            pdf.multi_cell(width, LINE, title, align="L", new_x="LMARGIN", new_y="NEXT")
        if text.strip():
            self.font()
            pdf.multi_cell(width, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_left_margin(left)
        pdf.set_y(pdf.get_y() + pad + 2.5)

    def warnings(self) -> None:
        plan = self.plan
        notes = [(note.title, note.text) for note in plan.constraints]
        notes += [(None, warning) for warning in plan.warnings]
        if not notes:
            return
        # Keep the heading with the whole first note (or a good part of a very long one).
        first = min(self.callout_height(*notes[0]), 60)
        self.heading("Warnings and hard constraints", first_block=first)
        for title, text in notes:
            self.callout(title, text)

    def table_style(self) -> dict[str, Any]:
        # fpdf2 fills every cell with the current fill colour (the table's initial style),
        # so reset it to paper white before each table.
        self.pdf.set_fill_color(255, 255, 255)
        return dict(
            text_align="LEFT",
            v_align="TOP",
            line_height=4.8,
            padding=(2.2, 2.5, 2.2, 2.5),
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(
                emphasis="BOLD", color=PRIMARY, fill_color=PRIMARY_TINT, size_pt=9
            ),
            cell_fill_color=ZEBRA,
            cell_fill_mode=TableCellFillMode.EVEN_ROWS,
        )

    def timeline(self) -> None:
        pdf, plan = self.pdf, self.plan
        if not plan.timeline:
            return
        self.heading("Timeline", first_block=30)
        self.font("", 9.5)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        with pdf.table(col_widths=(35, 45, 90), **self.table_style()) as table:
            table.row(["Date", "Step", "Details"])
            for step in plan.timeline:
                row = table.row()
                row.cell(format_date(step.date))
                row.cell(self.t(step.title), style=FontFace(emphasis="BOLD"))
                row.cell(self.t(step.detail))
        pdf.ln(2)
        self.font()

    def checklist(self) -> None:
        pdf, plan = self.pdf, self.plan
        groups = [group for group in plan.checklist if group.items]
        if not groups:
            return
        self.heading("Checklist")
        due_w, box_w = 32.0, 7.0
        text_w = pdf.epw - box_w - due_w - 2
        for group in groups:
            self.subheading(group.title, first_block=2 * LINE + 3, outline=True)
            for item in group.items:
                text = self.t(item.text)
                self.font()
                self.keep(2 * LINE + 2)
                x, y = pdf.l_margin, pdf.get_y()
                pdf.set_draw_color(*PRIMARY)
                pdf.set_line_width(0.35)
                pdf.rect(x + 0.6, y + 0.9, 3.6, 3.6)
                # The due date sits on the item's first line, right-aligned.
                self.font("", 9, MUTED)
                pdf.set_xy(pdf.w - pdf.r_margin - due_w, y)
                pdf.cell(due_w, LINE, format_date(item.due), align="R")
                self.font()
                pdf.set_xy(x + box_w, y)
                pdf.multi_cell(text_w, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
                end_y = pdf.get_y()
                pdf.set_xy(pdf.l_margin, end_y + 1.6)
            pdf.ln(1)

    def message(self) -> None:
        pdf, plan = self.pdf, self.plan
        msg = plan.message
        self.heading("Message draft", first_block=30)
        self.font("", 9, MUTED)
        self.para(
            "Read it aloud once and change anything that does not sound like you.", line=4.6, gap=3
        )
        subject = self.t(msg.subject).strip()
        if subject:
            self.font("B", BODY_PT, INK)
            pdf.multi_cell(0, LINE, f"Subject: {subject}", align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        self.font()
        self.preformatted(msg.body, indent=4)
        pdf.ln(2)
        if plan.follow_up_script is not None:
            self.subheading("Follow-up call script", first_block=3 * LINE, outline=True)
            self.preformatted(plan.follow_up_script, indent=4)

    def preformatted(self, text: str, indent: float) -> None:
        """Text exactly as given, line by line; list lines get a hanging indent."""
        pdf = self.pdf
        left = pdf.l_margin + indent
        width = pdf.w - pdf.r_margin - left
        for line in self.t(text).split("\n"):
            item = _LIST_ITEM.match(line)
            self.keep(LINE)
            if item:
                marker, rest = item.group(1), item.group(2)
                hang = max(6.0, pdf.get_string_width(marker) + 2)
                y = pdf.get_y()
                pdf.set_xy(left, y)
                pdf.cell(hang, LINE, marker)
                pdf.set_xy(left + hang, y)
                pdf.multi_cell(width - hang, LINE, rest, align="L", new_x="LMARGIN",
                               new_y="NEXT")
            else:
                pdf.set_x(left)
                # An empty line still takes a line of height: blank lines are kept.
                pdf.multi_cell(width, LINE, line, align="L", new_x="LMARGIN", new_y="NEXT")

    def documentation_log(self) -> None:
        pdf, plan = self.pdf, self.plan
        # A log to fill in by hand reads best in one piece: keep it whole when it can be.
        estimate = 8 + 10 + 11 * len(plan.documentation_log) + 10 * 6
        usable = pdf.page_break_trigger - pdf.t_margin - 25
        self.heading("Documentation log", first_block=estimate if estimate <= usable else 40)
        self.font("", 9, MUTED)
        self.para(
            "Note every contact until the file is closed: date, how, what was said "
            "and who said it.",
            line=4.6,
            gap=3,
        )
        self.font("", 9.5)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        style = self.table_style()
        style["borders_layout"] = "ALL"
        style["cell_fill_mode"] = TableCellFillMode.NONE
        with pdf.table(col_widths=(34, 25, 78, 33), **style) as table:
            table.row(["Date", "Channel", "What was said", "By whom"])
            for entry in plan.documentation_log:
                table.row(
                    [
                        self.t(entry.date),
                        self.t(entry.channel),
                        self.t(entry.what),
                        self.t(entry.who),
                    ]
                )
            for _ in range(6):
                table.row(["", "", "", ""], min_height=10)
        pdf.ln(2)
        self.font()

    def reflection(self) -> None:
        pdf, plan = self.pdf, self.plan
        if plan.reflection:
            self.heading("Reflection")
            for number, question in enumerate(plan.reflection, start=1):
                text = self.t(question)
                self.keep(2 * LINE + 17)  # the question with its writing lines
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
            height = self.text_height(0, disclaimer, line=4.2)
            pdf.ln(4)
            self.keep(min(height, 20) + 4)
            pdf.set_draw_color(*RULE)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
            pdf.ln(2)
            self.para(disclaimer, line=4.2, gap=0)


def _default_creation_date(plan: Plan) -> dt.datetime:
    day = plan.prepared_on
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def render_pdf(plan: Plan, *, creation_date: dt.datetime | None = None) -> bytes:
    """The plan as PDF bytes; the same plan and date always give the same bytes."""
    when = creation_date or _default_creation_date(plan)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)  # never the server's local zone
    return _Writer(plan, when).render()


def _baseline_pdf(text: str) -> bytes:
    """A one-page document through the same font path: the benchmark's yardstick."""
    pdf = _new_document([text])
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_font(BODY, "", BODY_PT)
    pdf.multi_cell(0, LINE, text, align="L")
    return bytes(pdf.output())


__all__ = ["render_pdf", "format_date", "clean_text"]
