"""Names in the world's major scripts are drawn, not boxed, and no user text is logged."""

from __future__ import annotations

import io
import logging
import re

import pytest
from pypdf import PdfReader

from tests.plan_factory import make_plan, message, plan_for
from wizard.pdf import render_pdf
from wizard.pdf.text import needs_shaping

# (script, a name in it, the bundled font expected to draw it)
NAMES = [
    ("Hangul", "김민준 박서연", "NanumSquare"),
    ("Devanagari", "अर्जुन क्षत्रिय", "NotoSansDevanagari"),
    ("Bengali", "সৌমিত্র চট্টোপাধ্যায়", "NotoSansBengali"),
    ("Tamil", "கார்த்திக் ஸ்ரீனிவாசன்", "NotoSansTamil"),
    ("Thai", "สมชาย ใจดี", "NotoSansThai"),
    ("Ethiopic", "አበበ ቢቂላ", "NotoSansEthiopic"),
    ("Sinhala", "කුමාර් සංගක්කාර", "NotoSansSinhala"),
    ("Khmer", "សុខ ចាន់ថា", "NotoSansKhmer"),
]
HOSTILE = [
    "Secret Client <script>alert(1)</script> {nb} %s %(x)s \x1b[31m",
    "Dana 🎉 \ue000\U000f0000 Private",
    "Ann \ud800 Lee \u202e RLO",
]


def _fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(("script", "name", "font"), NAMES, ids=[n[0] for n in NAMES])
def test_name_is_drawn_by_a_bundled_font_not_boxed(script, name, font):
    data = render_pdf(plan_for(name, message=message(f"Dear {name},\nThank you.", name)))
    assert any(embedded.startswith(font) for embedded in _fonts(data)), _fonts(data)
    assert "\ufffd" not in _text(data)
    assert len(data) < 150_000  # fonts are subset on output


@pytest.mark.parametrize("name", ["김민준 박서연", "አበበ ቢቂላ"])
def test_unshaped_scripts_extract_exactly(name):
    assert f"Exit plan for {name}" in _text(render_pdf(plan_for(name)))


def test_a_chinese_name_next_to_a_korean_one_is_drawn_by_the_cjk_font():
    # NanumSquare maps Hanja to empty glyphs: it must not be the font chosen for them.
    fonts = _fonts(render_pdf(plan_for("김민준 李雷")))
    assert {"NanumSquare", "DroidSansFallback"} <= {name.split("-")[0] for name in fonts}, fonts


def test_scripts_that_need_shaping_are_shaped():
    shaped = {"Devanagari", "Bengali", "Tamil", "Thai", "Sinhala", "Khmer"}
    for script, name, _ in NAMES:
        assert needs_shaping(name) is (script in shaped), script


def test_a_latin_plan_embeds_only_the_body_font():
    assert _fonts(render_pdf(make_plan())) == {"DejaVuSansBook", "DejaVuSansBold"}


def _leaks(message: str, names: list[str]) -> list[str]:
    found = []
    for name in names:
        for char in set(name):
            if not char.isascii() or not char.isspace() and char not in "{}%()[]<>/:=1-.,'":
                code = ord(char)
                if not char.isascii() and char in message:
                    found.append(f"character {code:04X}")
                if not char.isascii() and re.search(
                    rf"(?i)\b(u\+|uni|\\u|\\x)?0*{code:x}\b", message
                ):
                    found.append(f"code point {code:04X}")
        for word in re.findall(r"[A-Za-z<>{}%]{3,}", name):
            if word in message:
                found.append(f"word {word}")
    return found


def test_no_user_text_or_code_point_reaches_any_log(caplog):
    names = [name for _, name, _ in NAMES] + HOSTILE
    caplog.set_level(logging.DEBUG)  # the root logger, every level
    for name in names:
        render_pdf(
            plan_for(name, summary=name, reasons=[name], message=message(f"Dear {name}", name))
        )
    render_pdf(plan_for("\ue000" * 2000))  # many characters without a glyph
    messages = [record.getMessage() for record in caplog.records]
    assert messages, "the missing glyphs should have been counted in a log line"
    leaks = {leak for text in messages for leak in _leaks(text, names)}
    assert leaks == set(), messages[:5]
    ours = [m for m in messages if "without a glyph" in m]
    # One line per build that had missing glyphs (the emoji name and the 2,000 private-use
    # characters), never one per character.
    assert ours == [
        "Characters without a glyph in the bundled fonts: 3 (drawn as a box)",
        "Characters without a glyph in the bundled fonts: 1 (drawn as a box)",
    ]
