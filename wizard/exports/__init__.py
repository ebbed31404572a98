"""Editable and calendar copies of a Plan: Word (`word.render_docx`) and iCalendar
(`calendar_file.render_ics`). Like the PDF they render the Plan and nothing else: every
word and date comes from it, and user text is only ever written as plain text."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot hold (C0 controls other than tab and newline, lone surrogates,
# U+FFFE/U+FFFF): dropped, so a pasted control character never breaks a file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text as it may be written into an export: line breaks normalised, controls gone."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
