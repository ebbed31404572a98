"""Text as it may be written into the PDF: cleaning, shaping detection, list-line parsing.

Everything here is a pure function of its argument. Nothing is cached across calls: a
process-wide cache would keep characters that users typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

REPLACEMENT = "\ufffd"


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


def one_line(text: str) -> str:
    """Cleaned text for a single-line place (metadata, outline, running header)."""
    return clean_text(text).replace("\n", " ")


_SHAPED_BIDI = frozenset(
    {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}
)
# Indic scripts through Sinhala, Thai to Tibetan, Myanmar, Khmer and Mongolian, joiners.
_SHAPED_RANGES = (
    (0x0900, 0x0DFF),
    (0x0E00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0x200C, 0x200D),
)


def _complex_char(char: str) -> bool:
    code = ord(char)
    if code < 0x0300:
        return False
    if unicodedata.bidirectional(char) in _SHAPED_BIDI:
        return True
    if unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    return any(low <= code <= high for low, high in _SHAPED_RANGES)


def needs_shaping(text: str) -> bool:
    """Right-to-left text, joining and Indic-style scripts and combining marks need
    HarfBuzz; Latin, Greek, Cyrillic, CJK, Hangul syllables and Ethiopic do not."""
    return not text.isascii() and any(_complex_char(char) for char in set(text))


# "1. text", "2) text", "- text", "• text": shown with the marker hanging to the left.
_LIST_ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[-•*–])\s+(\S.*)$")


def list_item(line: str) -> tuple[str, str] | None:
    """(marker, rest) when the line is a numbered or bulleted list line, else None."""
    found = _LIST_ITEM.match(line)
    return (found.group(1), found.group(2)) if found else None


def strings_in(value: Any) -> Iterator[str]:
    """Every string a model holds, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings_in(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def code_points(texts: Iterable[str]) -> set[int]:
    used: set[int] = set()
    for text in texts:
        used.update(map(ord, text))
    return used
