"""md() escapes exactly as the regular-expression version it replaced did (that version
is kept here as the reference): every markdown character after a backslash, a word joiner
where a bare URL or address would become a link."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wizard.ui.safe import WORD_JOINER, md

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&\"'^%@/])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)|(?<=@)")


def reference(text: object) -> str:
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = [_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, line.strip())) for line in lines]
    return "  \n".join(escaped)


# Text made of the pieces that matter, and any text at all.
PIECES = st.sampled_from(
    ["://", "www.", "WwW.", "@", "http", "ſ", "K", "İ", " ", "\n", "\r\n", "\r", "a", "Z", ".",
     "w", "**", "\\", "`", "|", ":", "\u2060", "é", "1"]
)  # fmt: skip


@given(st.lists(PIECES, max_size=30).map("".join))
def test_md_matches_the_reference_on_the_pieces_that_matter(text):
    assert md(text) == reference(text)


@given(st.text(max_size=200))
def test_md_matches_the_reference_on_any_text(text):
    assert md(text) == reference(text)


def test_md_examples():
    assert md("**x** ![t](http://example.com/p.png)") == reference(
        "**x** ![t](http://example.com/p.png)"
    )
    joiner = WORD_JOINER
    assert md("a@b.com www.x.org") == f"a\\@{joiner}b\\.com www{joiner}\\.x\\.org"
    assert md(12) == "12" and md("  two\r\nlines ") == "two  \nlines"
