"""Show user text as text.

Streamlit's markdown renderer (st.markdown, st.write, st.caption, st.error, labels...)
would turn a client name such as ``**x** ![t](http://host/p.png)`` into bold text and a
remote image. Every string that can hold something the user typed goes through
``md()`` before it reaches a markdown-rendering call.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all
# the ones with a meaning (markdown, GFM tables and strikethrough, LaTeX `$`, Streamlit's
# `:color[...]` and `:emoji:` directives, autolinks) leaves plain text behind.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&\"'^%@/])")
# The same escape as one table for str.translate: each of those characters after a
# backslash, in one pass in C (a substitution calls back into Python for every match).
_ESCAPES = {ord(c): "\\" + c for c in map(chr, range(128)) if _SPECIAL.fullmatch(c)}
# Bare URLs and e-mail addresses are turned into links after escapes are resolved, so
# backslashes cannot stop that. An invisible word joiner inside the pattern does.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)|(?<=@)")


def _unlinked(line: str) -> str:
    """The line with a word joiner where a bare URL or address would start a link. The
    pattern is tried only where it can match: it tests every position of the line."""
    if "://" in line or "@" in line or "www." in line.lower():
        return _AUTOLINK.sub(WORD_JOINER, line)
    return line


def md(text: object) -> str:
    """The text, escaped so that markdown shows it literally.

    Line breaks are kept as hard breaks, and leading spaces cannot start a code block.
    """
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(_unlinked(line.strip()).translate(_ESCAPES) for line in lines)


def markdown_table(headers: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    """A markdown table whose cells are escaped text (line breaks become spaces, since a
    table row is one line)."""

    def cell(value: object) -> str:
        return md(" ".join(str(value).split()))

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)
