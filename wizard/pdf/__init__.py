"""Render a Plan as a printable, dated exit plan (A4 PDF).

The PDF shows the Plan and nothing else: every heading, label, date and the document's
metadata come from it. Everything a Plan holds is data: client and user text may contain
anything, so it is only ever written as plain text (no markdown, no HTML), never used as a
path or URL, cleaned of control characters, and never logged. Output is deterministic for
a given plan and creation date.

Modules: `text` (cleaning, shaping detection, list lines), `fonts` (bundled fonts, attached
per document), `logs` (fpdf2's and fontTools' messages without document text), `document` (the fpdf2
document: header, footer, page ceiling), `layout` (one method per section).
"""

from __future__ import annotations

import datetime as dt

from wizard.models import Plan
from wizard.pdf.document import MAX_PAGES, DocumentTooLong
from wizard.pdf.internals import install as install_line_width
from wizard.pdf.layout import PlanLayout
from wizard.pdf.logs import withhold_library_messages

withhold_library_messages()


def _default_creation_date(plan: Plan) -> dt.datetime:
    day = plan.prepared_on
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def render_pdf(plan: Plan, *, creation_date: dt.datetime | None = None) -> bytes:
    """The plan as PDF bytes; the same plan and date always give the same bytes.

    Raises DocumentTooLong when the plan would need more than MAX_PAGES pages.
    """
    withhold_library_messages()
    install_line_width()
    when = creation_date or _default_creation_date(plan)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)  # never the server's local zone
    return PlanLayout(plan, when).render()


__all__ = ["MAX_PAGES", "DocumentTooLong", "render_pdf"]
