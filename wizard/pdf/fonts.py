"""The bundled fonts: where they are, which scripts they draw, and attaching them to a document.

A document always gets the body face (DejaVu Sans, regular and bold). Each fallback face is
attached only when the plan's text has characters that only it can draw, so a Latin-only
plan embeds no Devanagari or CJK font. fpdf2 subsets whatever is attached on output.
"""

from __future__ import annotations

import copy
import threading
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
BODY = "partways"


@dataclass(frozen=True)
class BundledFont:
    family: str
    filename: str
    # The font maps code points it cannot draw to empty glyphs: those are left to the
    # fonts after it rather than drawn as nothing.
    blanks_are_gaps: bool = False


BODY_REGULAR = BundledFont(BODY, "DejaVuSans.ttf")
BODY_BOLD = BundledFont(BODY, "DejaVuSans-Bold.ttf")
# Tried in this order for a character the body face lacks. Script fonts come before the
# CJK catch-all so that, say, Thai is drawn by a font that knows how to shape it.
FALLBACKS = (
    BundledFont("pw-devanagari", "NotoSansDevanagari-Regular.ttf"),
    BundledFont("pw-bengali", "NotoSansBengali-Regular.ttf"),
    BundledFont("pw-tamil", "NotoSansTamil-Regular.ttf"),
    BundledFont("pw-thai", "NotoSansThai-Regular.ttf"),
    BundledFont("pw-sinhala", "NotoSansSinhala-Regular.ttf"),
    BundledFont("pw-khmer", "NotoSansKhmer-Regular.ttf"),
    BundledFont("pw-ethiopic", "NotoSansEthiopic-Regular.ttf"),
    # NanumSquare maps about 14,000 code points (Hanja, many symbols) to empty glyphs; a
    # Chinese name next to a Korean one would otherwise be drawn as blank space.
    BundledFont("pw-hangul", "NanumSquareR.ttf", blanks_are_gaps=True),
    BundledFont("pw-cjk", "DroidSansFallbackFull.ttf"),
)


@dataclass(frozen=True)
class FontSource:
    """A font file parsed once per process; each document gets its own light copy."""

    path: Path
    data: bytes
    proto: TTFFont
    codepoints: frozenset[int]
    glyph_order: tuple[str, ...]
    # The code points this font is used for, when not all of its cmap (add_font's range).
    unicode_range: tuple[int, ...] | None = None


_LOCK = threading.Lock()
_SOURCES: dict[tuple[str, str], FontSource] = {}

# Tables fpdf2 drops from the embedded subset anyway (plus kern, which no PDF viewer reads).
# Removing them up front saves decoding them for every document; shaping still reads the
# full file through HarfBuzz.
_UNEMBEDDED_TABLES = (
    "FFTM",
    "GDEF",
    "GPOS",
    "GSUB",
    "MATH",
    "kern",
    "hdmx",
    "meta",
    "vhea",
    "vmtx",
)


def _embeddable(path: Path) -> bytes:
    font = ttLib.TTFont(path, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
    for tag in _UNEMBEDDED_TABLES:
        if tag in font:
            del font[tag]
    buffer = BytesIO()
    font.save(buffer)  # untouched tables are copied as raw bytes: glyph order unchanged
    font.close()
    return buffer.getvalue()


# Empty glyphs that are right to be empty: spaces, format and control characters, marks.
_BLANK_CATEGORIES = ("Z", "C", "M")


def _drawn(path: Path) -> tuple[int, ...]:
    """The code points whose glyph has an outline (or is meant to be blank)."""
    font = ttLib.TTFont(path, lazy=True)
    # An empty glyph takes no bytes in the glyf table: equal offsets in loca. Reading
    # those is far cheaper than decoding every glyph.
    offsets = font["loca"].locations
    ids = font.getReverseGlyphMap()
    drawn = tuple(
        sorted(
            code
            for code, name in font.getBestCmap().items()
            if offsets[ids[name] + 1] > offsets[ids[name]]
            or unicodedata.category(chr(code)).startswith(_BLANK_CATEGORIES)
        )
    )
    font.close()
    return drawn


def source(font: BundledFont, style: str = "") -> FontSource:
    key = (font.filename, style)
    with _LOCK:
        found = _SOURCES.get(key)
        if found is None:
            path = FONT_DIR / font.filename
            drawn = _drawn(path) if font.blanks_are_gaps else None
            holder = FPDF()
            holder.add_font("proto", style, str(path), unicode_range=drawn)
            proto = holder.fonts[f"proto{style}"]
            assert isinstance(proto, TTFFont)
            # Glyph names are derived from the cmap for some fonts (Droid): do it once here.
            order = tuple(proto.ttfont.getGlyphOrder())
            proto.ttfont.close()  # everything needed later is read: release the file
            found = FontSource(path, _embeddable(path), proto, frozenset(proto.cmap), order, drawn)
            _SOURCES[key] = found
        return found


# ------------------------------------------------------------------ reuse of a parsed font
#
# fpdf2's public add_font parses the font file again for every document: about 20 ms of a
# 110 ms plan (measured on a real scenario plan, median of 20 builds). Copying the parsed
# font instead needs TTFFont's private slots, so that is confined to this section: the
# copy is made only when the slots are exactly the ones this code was written against
# (fpdf2 is pinned), and tests check that it gives the same bytes as add_font.

REUSE_PARSED_FONTS = True

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


def can_reuse_parsed_fonts() -> bool:
    return frozenset(getattr(TTFFont, "__slots__", ())) == _KNOWN_SLOTS


def _copy_parsed_font(pdf: FPDF, fontkey: str, found: FontSource) -> TTFFont:
    proto = found.proto
    font = TTFFont.__new__(TTFFont)
    for slot in _KNOWN_SLOTS:
        if hasattr(proto, slot):
            setattr(font, slot, getattr(proto, slot))
    font.i = len(pdf.fonts) + 1
    font.fontkey = fontkey
    # fpdf2 subsets ttfont in place when writing, so each document needs its own; opening
    # it lazily from bytes in memory is cheap. cmap and glyph_ids are only read: shared.
    font.ttfont = ttLib.TTFont(BytesIO(found.data), recalcTimestamp=False, lazy=True)
    font.ttfont.setGlyphOrder(list(found.glyph_order))
    font._hbfont = None
    font.cw = copy.copy(proto.cw)
    font.desc = copy.copy(proto.desc)  # output sets its object id and font file
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    return font


def attach(pdf: FPDF, family: str, style: str, found: FontSource) -> None:
    reuse = REUSE_PARSED_FONTS and can_reuse_parsed_fonts()
    if not reuse or found.proto.color_font is not None:
        pdf.add_font(family, style, str(found.path), unicode_range=found.unicode_range)
        return
    fontkey = f"{family}{style}"
    pdf.fonts[fontkey] = _copy_parsed_font(pdf, fontkey, found)


# ------------------------------------------------------------------ per-document font set

# Line breaks and spaces are layout, not glyphs: no font is needed for them.
_LAID_OUT = frozenset({0x0A, 0x20})


def attach_fonts(pdf: FPDF, used: set[int]) -> frozenset[int]:
    """Attach the body face and the fallbacks these code points need; return what the
    document can draw."""
    regular, bold = source(BODY_REGULAR, ""), source(BODY_BOLD, "B")
    attach(pdf, BODY, "", regular)
    attach(pdf, BODY, "B", bold)
    drawable = regular.codepoints | bold.codepoints | _LAID_OUT
    families = [BODY]
    remaining = used - drawable
    for fallback in FALLBACKS:
        if not remaining:
            break
        found = source(fallback)
        if remaining & found.codepoints:
            attach(pdf, fallback.family, "", found)
            families.append(fallback.family)
            drawable |= found.codepoints
            remaining -= found.codepoints
    # A bold run falls back to the regular face, then to the script fonts, rather than
    # losing a glyph.
    pdf.set_fallback_fonts(families, exact_match=False)
    return frozenset(drawable)
