"""The PDF benchmark's yardstick: one page of text through the plan's font set-up.

It lives here, not in wizard.pdf, because only the benchmark needs it.
"""

from __future__ import annotations

import datetime as dt

from wizard.pdf.document import PlanDocument
from wizard.pdf.fonts import BODY, attach_fonts
from wizard.pdf.layout import BODY_PT, LINE
from wizard.pdf.text import clean_text, code_points


def baseline_pdf(text: str) -> bytes:
    """A one-page document with the same fonts (DejaVu regular and bold, both embedded)."""
    text = clean_text(text)
    pdf = PlanDocument(running_header="", page_footer="")
    attach_fonts(pdf, code_points([text]))
    pdf.enable_shaping()
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_font(BODY, "", BODY_PT)
    pdf.multi_cell(0, LINE, text, align="L")
    return bytes(pdf.output())
