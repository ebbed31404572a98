"""Load YAML (or JSON) without surprises.

Answers files come from users: they may be huge, binary, deeply nested or built to
expand through aliases. We check size, encoding and structure on the event stream
(iterative, so deep nesting cannot exhaust the stack) before building any objects,
and only ever use the safe loader, so no tag can run code.

Both loaders here refuse a mapping key given twice: PyYAML would silently keep the
last value, so a file could mean something other than what its reader sees.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 10_000
# No answer needs a long number; Python refuses to read integers over 4,300 digits
# with a message about its own internals, so longer numbers stop here first.
MAX_NUMBER_DIGITS = 100
# How much of a key we echo back in a message (keys come from the user).
SHOWN_KEY_CHARS = 40

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"


class UnsafeYamlError(ValueError):
    """The bytes are not a small, plain YAML document."""


class DuplicateKeyError(ValueError):
    """A mapping names the same key twice; `key` and `line` (1-based) say where."""

    def __init__(self, key: Any, line: int) -> None:
        self.key = key
        self.line = line
        shown = shown_key(key)
        what = f"the key {shown}" if shown else "a key"
        super().__init__(f"{what} is given twice (line {line})")


def shown_key(key: Any) -> str | None:
    """A key quoted for a message when it is a plain name, otherwise None.

    Keys come from the file's author. Echoing one that holds a URL, an address or an
    invisible character would make the UI alter it (or hide it), so only plain names
    are shown as they are."""
    text = str(key)
    plain = all(ch.isalnum() or ch in "_- " for ch in text)
    if text and plain and len(text) <= SHOWN_KEY_CHARS:
        return f"'{text}'"
    return None


class _UniqueKeys:
    """Constructor mix-in: refuse a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == _MERGE_TAG:  # `<<: *base` may be overridden on purpose
                continue
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # unhashable: the base constructor reports it
                continue
            if duplicate:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class UniqueKeyLoader(_UniqueKeys, _BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's C parser when installed) with unique keys."""


class _Loader(_UniqueKeys, _BaseLoader):  # type: ignore[misc, valid-type]
    """The untrusted loader: unique keys, and no implicit timestamps: a date stays text
    here and is parsed by the answers model, so an impossible date is reported against
    the field that holds it."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def load_yaml_unique(text: str) -> Any:
    """Parse trusted YAML (the content files) fast, refusing duplicate keys.

    Raises DuplicateKeyError (a ValueError) with `key` and `line`, or yaml.YAMLError."""
    return yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - safe loader only


_NOT_UTF8 = (
    "the file is not UTF-8 text ({what}); save it again as UTF-8 "
    "(in most editors: Save As, then choose the encoding UTF-8)"
)
_BOMS = {
    b"\xff\xfe\x00\x00": "it is UTF-32",
    b"\x00\x00\xfe\xff": "it is UTF-32",
    b"\xff\xfe": "it is UTF-16",
    b"\xfe\xff": "it is UTF-16",
}


def _utf16_without_bom(data: bytes) -> bool:
    """Text saved as UTF-16 has a zero byte beside almost every Latin character."""
    head = data[:2000]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= len(head) // 4 and min(even, odd) == 0


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        if len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise UnsafeYamlError(f"the file is larger than {MAX_BYTES // 1_000_000} MB")
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UnsafeYamlError(
                f"the text is not valid Unicode (bad character at position {exc.start})"
            ) from None
        if "\x00" in data:
            raise UnsafeYamlError("the file is binary, not a YAML or JSON text file")
        return data
    if len(data) > MAX_BYTES:
        raise UnsafeYamlError(f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    for bom, what in _BOMS.items():
        if data.startswith(bom):
            raise UnsafeYamlError(_NOT_UTF8.format(what=what))
    if _utf16_without_bom(data):
        raise UnsafeYamlError(_NOT_UTF8.format(what="it looks like UTF-16"))
    if b"\x00" in data:
        raise UnsafeYamlError("the file is binary, not a YAML or JSON text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeYamlError(_NOT_UTF8.format(what=f"bad byte at position {exc.start}")) from None


def _too_long_number(event: yaml.ScalarEvent) -> bool:
    """A plain (unquoted) scalar YAML would read as a number with too many digits."""
    if event.style or not event.implicit[0]:
        return False
    value = event.value
    digits = sum(ch.isdigit() for ch in value)
    return digits > MAX_NUMBER_DIGITS and all(ch in "0123456789_+-.:eE" for ch in value)


def _check_structure(text: str) -> None:
    depth = 0
    nodes = 0
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise UnsafeYamlError("the file holds more than one YAML document")
            elif isinstance(event, yaml.AliasEvent):
                raise UnsafeYamlError("YAML aliases (*name) are not allowed in this file")
            elif isinstance(event, yaml.NodeEvent) and getattr(event, "anchor", None):
                raise UnsafeYamlError("YAML anchors (&name) are not allowed in this file")
            if isinstance(event, yaml.ScalarEvent) and _too_long_number(event):
                raise UnsafeYamlError(
                    f"the file has a number longer than {MAX_NUMBER_DIGITS} digits "
                    f"(line {_line(event)}); no answer needs one that long"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise UnsafeYamlError(f"the file is nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    raise UnsafeYamlError(f"the file has more than {MAX_NODES} values")
    except yaml.YAMLError as exc:
        raise UnsafeYamlError(f"the file is not valid YAML: {_short(exc)}") from None


def _short(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    problem = "".join(ch for ch in problem if unicodedata.category(ch)[0] != "C")
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return problem


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 0


def load_untrusted(data: bytes | str) -> object:
    """Parse one small YAML/JSON document from untrusted bytes, or raise UnsafeYamlError."""
    text = _decode(data)
    _check_structure(text)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - safe loader only
    except DuplicateKeyError as exc:
        raise UnsafeYamlError(str(exc)) from None
    except yaml.YAMLError as exc:
        raise UnsafeYamlError(f"the file is not valid YAML: {_short(exc)}") from None
    except (ValueError, OverflowError):  # a number or value no reader could hold
        raise UnsafeYamlError("the file has a value that cannot be read as YAML") from None
