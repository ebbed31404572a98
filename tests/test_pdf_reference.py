"""The typical plan's PDF, byte for byte, against a checked-in reference (as fpdf2's own
tests do with assert_pdf_equal).

Any change to the layout, the fonts, fpdf2 or the factory plan changes the bytes, so this
test fails until the reference is regenerated on purpose, after looking at the new PDF:

    PARTWAYS_REGENERATE_REFERENCE=1 .venv/bin/python -m pytest tests/test_pdf_reference.py

then open tests/reference/typical_plan.pdf (pdftoppm -png turns it into pictures), and
commit it with the change that caused it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tests.plan_factory import make_plan
from wizard.pdf import render_pdf

REFERENCE = Path(__file__).parent / "reference" / "typical_plan.pdf"
CREATED = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)


def test_typical_plan_matches_the_reference_pdf():
    data = render_pdf(make_plan(), creation_date=CREATED)
    if os.environ.get("PARTWAYS_REGENERATE_REFERENCE") == "1":
        REFERENCE.parent.mkdir(exist_ok=True)
        REFERENCE.write_bytes(data)
    expected = REFERENCE.read_bytes()
    assert len(data) == len(expected), "PDF size differs from the reference"
    assert data == expected, "PDF bytes differ from the reference"
