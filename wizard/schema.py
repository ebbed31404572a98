"""What each answers field holds, read off the pydantic answers model: the one place the
content checks and the stage table learn field kinds and allowed values from."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from wizard.answers import Answers


@dataclass(frozen=True)
class FieldSpec:
    kind: Literal["bool", "enum", "multi", "number", "date", "text"]
    values: tuple[Any, ...] = ()


BOOL = FieldSpec("bool", (True, False))


def spec_of(annotation: Any) -> FieldSpec:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return spec_of(args[0])
    if origin in (typing.Union, types.UnionType):
        return spec_of(next(a for a in args if a is not type(None)))
    if annotation is bool:
        return BOOL
    if origin is Literal:
        return FieldSpec("enum", args)
    if origin is list:
        return FieldSpec("multi", typing.get_args(spec_args(args[0])))
    if annotation in (int, float):
        return FieldSpec("number")
    if annotation is dt.date:
        return FieldSpec("date")
    return FieldSpec("text")


def spec_args(annotation: Any) -> Any:
    """The Literal inside an Annotated list item type, if any."""
    if typing.get_origin(annotation) is Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def answer_schema() -> dict[str, FieldSpec]:
    """What each contract field holds, read off the Answers model itself."""
    hints = typing.get_type_hints(Answers, include_extras=True)
    return {name: spec_of(hints[name]) for name in Answers.model_fields}
