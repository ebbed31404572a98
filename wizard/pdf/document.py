"""The fpdf2 document: page set-up, running header, page footer, shaping switch, page ceiling."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF, ViewerPreferences
from fpdf.enums import PageMode, ResourceAccessPolicy
from fpdf.fonts import TTFFont

from wizard.pdf import internals
from wizard.pdf.fonts import BODY
from wizard.pdf.text import needs_shaping

# Far above any real plan (a typical one has 5-8 pages, one with a 20,000-character
# letter about a dozen): a build that gets here is runaway input, stopped before it
# takes the server's time.
MAX_PAGES = 150

# 25 mm side margins keep 11 pt body lines at about 65-80 characters.
MARGIN = 25.0
MUTED = (0x5F, 0x68, 0x6B)
INK = (0x22, 0x26, 0x28)
RULE = (0xC9, 0xD0, 0xCE)

_PAGE_COUNT_ALIAS = "{nb}"
# A line break is layout, not a glyph: no font needs to have it.
_LAID_OUT = frozenset({ord("\n")})


class DocumentTooLong(Exception):
    """The plan would need more than MAX_PAGES pages."""

    def __init__(self, max_pages: int = MAX_PAGES) -> None:
        super().__init__(f"The plan would need more than {max_pages} pages; nothing was built.")
        self.max_pages = max_pages


class PlanDocument(FPDF):
    def __init__(self, running_header: str, page_footer: str, footer_text: str = "") -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.running_header = running_header
        # Added to the running header while a section (a long message) carries on.
        self.continued_note = ""
        # "Page {page} of {pages}": the words come from the plan, the numbers from here.
        self.page_footer = page_footer
        # "Private — not for the client · Plan made ...": on every page, left of the number.
        self.footer_text = footer_text
        # Viewers open on the bookmarks panel and show the document's title, not its name.
        self.page_mode = PageMode.USE_OUTLINES
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.resource_access_policy = ResourceAccessPolicy.NONE
        # The page-count alias is switched on only inside the footer, so a "{nb}" typed by
        # the user is never replaced by a number.
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        self.set_margins(MARGIN, 22, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.shaping: dict[str, Any] | None = None
        self.fallbacks: list[str] = []

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        if self.page >= MAX_PAGES:
            raise DocumentTooLong()
        super().add_page(*args, **kwargs)

    def set_fallback_fonts(self, fallback_fonts: Any, exact_match: bool = True) -> None:
        super().set_fallback_fonts(fallback_fonts, exact_match)
        self.fallbacks = list(self._fallback_font_ids)

    def enable_shaping(self) -> None:
        # Shaping joins Arabic letters, builds Indic clusters and orders right-to-left runs.
        self.set_text_shaping(True)
        self.shaping = self.text_shaping

    # Shaping every string costs a HarfBuzz call per character while breaking lines, so it
    # is switched on only for the strings that need it (tables go through multi_cell too).
    def _shape_for(self, text: str) -> None:
        shaped = needs_shaping(text)
        self.text_shaping = self.shaping if shaped else None
        if not self.fallbacks:
            return
        # With fallback fonts set, fpdf2 looks for a font character by character; a string
        # the current font draws whole is laid out as one run instead.
        font = self.current_font
        whole = (
            internals.whole_runs()
            and not shaped
            and isinstance(font, TTFFont)
            and font.cmap.keys() >= set(map(ord, text)) - _LAID_OUT
        )
        self._fallback_font_ids = [] if whole else self.fallbacks

    def _preload_font_styles(self, *args: Any, **kwargs: Any) -> Any:
        fragments = super()._preload_font_styles(*args, **kwargs)
        if self.text_shaping and internals.shape_per_run():
            internals.unshape_plain_runs(fragments)
        return fragments

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
        self.alias_nb_pages(_PAGE_COUNT_ALIAS)
        return super().output(*args, **kwargs)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(10)
        self.set_font(BODY, "", 8)
        self.set_text_color(*MUTED)
        header = self.running_header
        if self.continued_note:
            header = f"{header} · {self.continued_note}"
        self.cell(0, 4, header, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_y(22)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(BODY, "", 8)
        self.set_text_color(*MUTED)
        text = self.page_footer.replace("{pages}", _PAGE_COUNT_ALIAS)
        text = text.replace("{page}", str(self.page_no()))
        if self.footer_text:
            self.set_x(self.l_margin)
            self.cell(self.epw - 30, 4, self.footer_text, align="L")
            self.set_x(self.l_margin)
        before = self.str_alias_nb_pages
        self.alias_nb_pages(_PAGE_COUNT_ALIAS)
        self.cell(0, 4, text, align="R")
        self.str_alias_nb_pages = before
        self.set_text_color(*INK)
