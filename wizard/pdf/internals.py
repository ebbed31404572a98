"""Where the PDF renderer leans on fpdf2's private classes, to do less work for the same page.

Three things, each used only on the fpdf2 release they were written against (the project
pins it; `available()`), and each with its own switch so tests can build with and without:

1. Widths (`CurrentLine.width`, `Fragment.get_character_width`; `LINE_WIDTH_MEMO`).
   fpdf2 breaks a line by adding one character at a time and, before each one, measures
   the whole line so far again: quadratic in the line length, and with shaping on one
   HarfBuzz call per fragment per character (a 20,000-character letter in eight scripts
   spent most of its 4.9 s there). Here the finished fragments' widths are summed once
   and the growing one adds only its new characters, and a character's width is one
   lookup once its fragment is known to be unshaped. The result is fpdf2's number bit for
   bit: advance widths are integers (exact in any order), the arithmetic after the sum is
   fpdf2's, floats are added in its order, and a shaped fragment is measured by fpdf2's
   own call. Tests compare the bytes.
2. Fallback-font lookup (`_fallback_font_ids`; `WHOLE_RUNS`). With fallback fonts set,
   fpdf2 splits every string character by character to find a font for each; a string the
   current font draws whole skips that (`PlanDocument`).
3. Shaping per run (`unshape_plain_runs`; `SHAPE_PER_RUN`). A string that needs shaping is
   split by script and font anyway; the runs of it that need none (Latin words, spaces,
   Hangul, CJK between Devanagari words; left to right) are measured and drawn like any
   unshaped text, as the rest of the document is. Right-to-left paragraphs are left whole:
   their run order depends on every fragment's shaping parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import fpdf
from fpdf import line_break
from fpdf.enums import TextDirection
from fpdf.fonts import TTFFont

from wizard.pdf.text import needs_shaping

LINE_WIDTH_MEMO = True
WHOLE_RUNS = True
SHAPE_PER_RUN = True
WRITTEN_FOR = "2.8.9"

_ORIGINAL_WIDTH = line_break.CurrentLine.width


_ORIGINAL_CHARACTER_WIDTH = line_break.Fragment.get_character_width
_UNSET = object()


def _plain(fragment: Any) -> tuple[Any, float, float] | None:
    """(advance widths, size in pt, k) when the fragment's width is a plain sum of advance
    widths, else None; worked out once per fragment (its graphics state is set when fpdf2
    creates it)."""
    found = fragment.__dict__.get("_partways_plain", _UNSET)
    if found is not _UNSET:
        return found
    font = fragment.font
    state = fragment.graphics_state
    plain = None
    if (
        type(fragment) is line_break.Fragment  # not the page-count placeholder
        and isinstance(font, TTFFont)
        and not font.is_symbol
        and not state.text_shaping
        and state.font_stretching == 100
        and state.char_spacing == 0
    ):
        size = fragment.font_size_pt
        # What TTFFont.get_text_width records on every call, recorded once.
        if size > font.biggest_size_pt:
            font.biggest_size_pt = size
        plain = (font.cw, size, fragment.k)
    fragment.__dict__["_partways_plain"] = plain
    return plain


def _character_width(
    self: Any, character: str, print_sh: bool = False, initial_cs: bool = True
) -> float:
    plain = _plain(self)
    if plain is None:
        return float(_ORIGINAL_CHARACTER_WIDTH(self, character, print_sh, initial_cs))
    if character == line_break.SOFT_HYPHEN and not print_sh:
        character = line_break.HYPHEN
    cw, size, k = plain
    # fpdf2's arithmetic: TTFFont.get_text_width, then Fragment.get_width.
    return float(cw[ord(character)] * size * 0.001 / k)


class _LineMemo:
    """What is known of one line: the summed widths of its finished fragments (every one
    but the last: characters are only ever added to the last), and the advance-width sum
    of the last one so far."""

    __slots__ = ("fragments", "done", "done_width", "last", "last_chars", "last_count", "units")

    def __init__(self, fragments: list[Any]) -> None:
        self.fragments = fragments
        self.done = 0
        self.done_width: float = 0
        self.last: Any = None
        self.last_chars: list[str] | None = None
        self.last_count = 0
        self.units: float = 0


def _last_width(memo: _LineMemo, fragment: Any, initial_cs: bool) -> float:
    plain = _plain(fragment)
    if plain is None:
        return float(fragment.get_width(initial_cs=initial_cs))
    cw, size, k = plain
    chars: list[str] = fragment.characters
    # The same list object with at least as many characters has the same prefix: a
    # fragment grows by appending, and trimming replaces the list. Advance widths are
    # whole numbers (fpdf2 rounds them), so adding the new ones to the old sum is exact.
    units: float
    if memo.last is fragment and memo.last_chars is chars and memo.last_count <= len(chars):
        units = memo.units + sum([cw[ord(char)] for char in chars[memo.last_count :]])
    else:
        units = sum([cw[ord(char)] for char in chars])
    memo.last, memo.last_chars, memo.last_count, memo.units = fragment, chars, len(chars), units
    # fpdf2's arithmetic: TTFFont.get_text_width, then Fragment.get_width.
    return float(units * size * 0.001 / k)


def _line_width(self: Any) -> float:
    fragments = self.fragments
    count = len(fragments)
    memo = self.__dict__.get("_partways_width")
    # Fragments before the last are finished; a trim may shorten the list in place or
    # replace it, and either starts the sum again.
    if memo is None or memo.fragments is not fragments or memo.done > count - 1:
        memo = self._partways_width = _LineMemo(fragments)
    # Summed in fpdf2's order (first fragment first), so the float result is the same.
    while memo.done < count - 1:
        memo.done_width += fragments[memo.done].get_width(initial_cs=memo.done > 0)
        memo.done += 1
    if not count:
        return 0
    return memo.done_width + _last_width(memo, fragments[-1], count > 1)


_FAST_WIDTH = property(_line_width)


def available() -> bool:
    """The fpdf2 this was written against, with the private names it uses."""
    return (
        fpdf.FPDF_VERSION == WRITTEN_FOR
        and isinstance(_ORIGINAL_WIDTH, property)
        and hasattr(line_break, "SOFT_HYPHEN")
        and hasattr(line_break, "HYPHEN")
        and hasattr(fpdf.FPDF, "_preload_font_styles")
        and hasattr(fpdf.FPDF(), "_fallback_font_ids")
    )


_AVAILABLE = available()


def whole_runs() -> bool:
    return WHOLE_RUNS and _AVAILABLE


def shape_per_run() -> bool:
    return SHAPE_PER_RUN and _AVAILABLE


def install() -> None:
    """Idempotent; follows LINE_WIDTH_MEMO, so a test can compare both ways."""
    fast = LINE_WIDTH_MEMO and _AVAILABLE
    width = _FAST_WIDTH if fast else _ORIGINAL_WIDTH
    character = _character_width if fast else _ORIGINAL_CHARACTER_WIDTH
    if line_break.CurrentLine.__dict__.get("width") is not width:
        setattr(line_break.CurrentLine, "width", width)  # noqa: B010 (a property)
    if line_break.Fragment.__dict__.get("get_character_width") is not character:
        line_break.Fragment.get_character_width = character  # type: ignore[method-assign]


_LTR = TextDirection.LTR


def unshape_plain_runs(fragments: Sequence[Any]) -> None:
    """Switch shaping off for the left-to-right runs of a shaped string that need none."""
    for fragment in fragments:
        if type(fragment) is not line_break.Fragment:  # e.g. the page-count placeholder
            continue
        shaping = fragment.graphics_state.text_shaping
        if (
            shaping
            and shaping.get("paragraph_direction") == _LTR
            and shaping.get("fragment_direction") == _LTR
            and not needs_shaping("".join(fragment.characters))
        ):
            fragment.graphics_state.text_shaping = None
