"""User text set inside the product's own sentences keeps its direction to itself.

A name may carry explicit direction marks (typed, pasted, or hostile: U+202E turns the
rest of a line round). Each mark a piece of user text opens is closed where that text ends,
so the words after it read as written in every view; the text itself stays as typed."""

_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_POP_EMBEDDING = "\u202c"
_POP_ISOLATE = "\u2069"


def contained(text: str) -> str:
    """The text, followed by the closing marks for any direction marks it left open."""
    open_marks: list[str] = []
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            open_marks.append(char)
        elif char == _POP_EMBEDDING and open_marks and open_marks[-1] in _EMBEDDINGS:
            open_marks.pop()
        elif char == _POP_ISOLATE and any(mark in _ISOLATES for mark in open_marks):
            # A PDI closes its isolate and every embedding opened inside it.
            while open_marks.pop() not in _ISOLATES:
                pass
    closers = (_POP_ISOLATE if mark in _ISOLATES else _POP_EMBEDDING for mark in open_marks)
    return text + "".join(reversed(list(closers)))
