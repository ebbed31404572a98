"""Load untrusted YAML (or JSON) without surprises.

Answers files come from users: they may be huge, binary, deeply nested or built to
expand through aliases. We check size, encoding and structure on the event stream
(iterative, so deep nesting cannot exhaust the stack) before building any objects,
and only ever use the safe loader, so no tag can run code.
"""

from __future__ import annotations

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NODES = 10_000

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, minus implicit timestamps: a date stays text here and is parsed by
    the answers model, so an impossible date is reported against the field that holds it."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


class UnsafeYamlError(ValueError):
    """The bytes are not a small, plain YAML document."""


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
    if b"\x00" in data:
        raise UnsafeYamlError("the file is binary, not a YAML or JSON text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnsafeYamlError(
            f"the file is not UTF-8 text (bad byte at position {exc.start})"
        ) from None


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
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return problem


def load_untrusted(data: bytes | str) -> object:
    """Parse one small YAML/JSON document from untrusted bytes, or raise UnsafeYamlError."""
    text = _decode(data)
    _check_structure(text)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - safe loader only
    except yaml.YAMLError as exc:
        raise UnsafeYamlError(f"the file is not valid YAML: {_short(exc)}") from None
    except (ValueError, OverflowError) as exc:  # e.g. an impossible date like 2026-02-31
        raise UnsafeYamlError(f"the file has a value YAML cannot read: {exc}") from None


class DuplicateKeyError(ValueError):
    """A mapping key written twice: YAML would silently keep only the last one."""

    def __init__(self, key: object, line: int):
        super().__init__(f"the key '{key}' is given twice (line {line})")
        self.key = key
        self.line = line


class _UniqueLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise DuplicateKeyError(key, key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml_unique(text: str) -> object:
    """Parse trusted YAML (content files), refusing a key written twice."""
    try:
        return yaml.load(text, Loader=_UniqueLoader)  # noqa: S506 - safe loader only
    except yaml.YAMLError as exc:
        raise ValueError(_short(exc)) from None
