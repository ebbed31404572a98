"""Answers as short, readable text (for review). Returns plain text; escape before markdown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.content import Question
from wizard.dates import long_date


def answer_text(q: Question, value: Any, currency: str = "") -> str:
    if q.type == "yesno":
        return "Not answered" if value is None else ("Yes" if value else "No")
    if q.type == "choice":
        return "Not answered" if value is None else q.option_label(value)
    if q.type == "multi":
        return "; ".join(q.option_label(v) for v in value) if value else "None"
    if q.type == "date":
        return long_date(value) if isinstance(value, dt.date) else "Not set"
    if q.type == "integer":
        return "Not answered" if value is None else f"{value:,}"
    if q.type == "amount":
        return "Not answered" if value is None else f"{currency} {value:,.2f}".strip()
    text = str(value or "").strip()
    return text if text else "Left empty"
