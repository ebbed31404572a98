"""A small condition language for content files.

A condition is YAML such as::

    all:
      - profession: {in: [law, accounting]}
      - signals: {contains: payment_problems}
      - not: {remedies_tried: {contains: written_warning}}

A mapping of field -> test means "all of these"; a bare value means equality.
Tests: is, in, not_in, contains, contains_any, empty, gt, gte, lt, lte.
Combinators: all, any, not, and ref (a named condition from `definitions`).
Conditions are parsed once when content loads; field names and values are checked
against the question schema there, so a typo fails at load, not at a user's click.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

COMBINATORS = ("all", "any", "not", "ref")
OPERATORS = ("is", "in", "not_in", "contains", "contains_any", "empty", "gt", "gte", "lt", "lte")


class ConditionSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Test:
    field: str
    op: str
    value: Any

    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        actual = ctx.get(self.field)
        op, want = self.op, self.value
        if op == "is":
            return _same_scalar(actual, want)
        if op == "in":
            return actual in want
        if op == "not_in":
            return actual not in want
        if op == "contains":
            return want in (actual or ())
        if op == "contains_any":
            return any(v in (actual or ()) for v in want)
        if op == "empty":
            return (not actual) == want
        if actual is None:
            return False
        if op == "gt":
            return actual > want
        if op == "gte":
            return actual >= want
        if op == "lt":
            return actual < want
        return actual <= want  # lte

    def tests(self) -> Iterator[Test]:
        yield self


def _same_scalar(actual: Any, want: Any) -> bool:
    # `True == 1` in Python; keep booleans and numbers apart, but let 2 equal 2.0.
    if isinstance(actual, bool) or isinstance(want, bool):
        return actual is want
    return actual == want


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]

    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        return all(part.evaluate(ctx, defs) for part in self.parts)

    def tests(self) -> Iterator[Test]:
        for part in self.parts:
            yield from part.tests()


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]

    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        return any(part.evaluate(ctx, defs) for part in self.parts)

    def tests(self) -> Iterator[Test]:
        for part in self.parts:
            yield from part.tests()


@dataclass(frozen=True)
class Not:
    part: Condition

    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        return not self.part.evaluate(ctx, defs)

    def tests(self) -> Iterator[Test]:
        yield from self.part.tests()


@dataclass(frozen=True)
class Ref:
    name: str

    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        return defs[self.name].evaluate(ctx, defs)

    def tests(self) -> Iterator[Test]:
        return iter(())


@dataclass(frozen=True)
class Always:
    def evaluate(self, ctx: Mapping[str, Any], defs: Mapping[str, Condition]) -> bool:
        return True

    def tests(self) -> Iterator[Test]:
        return iter(())


Condition = Test | AllOf | AnyOf | Not | Ref | Always
ALWAYS = Always()


def parse_condition(raw: Any) -> Condition:
    """Turn YAML data into a condition tree, or raise ConditionSyntaxError."""
    if raw is None:
        return ALWAYS
    if isinstance(raw, list):
        return AllOf(tuple(parse_condition(item) for item in raw))
    if not isinstance(raw, dict) or not raw:
        raise ConditionSyntaxError(f"a condition must be a non-empty mapping, not {raw!r}")
    parts: list[Condition] = []
    for key, value in raw.items():
        if key == "all":
            parts.append(AllOf(tuple(parse_condition(v) for v in _as_list(key, value))))
        elif key == "any":
            parts.append(AnyOf(tuple(parse_condition(v) for v in _as_list(key, value))))
        elif key == "not":
            parts.append(Not(parse_condition(value)))
        elif key == "ref":
            if not isinstance(value, str):
                raise ConditionSyntaxError("'ref' takes the name of a definition")
            parts.append(Ref(value))
        else:
            parts.append(_parse_test(str(key), value))
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _as_list(key: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise ConditionSyntaxError(f"'{key}' takes a non-empty list of conditions")
    return value


def _parse_test(field: str, spec: Any) -> Condition:
    if not isinstance(spec, dict):
        return Test(field, "is", spec)
    tests: list[Condition] = []
    for op, value in spec.items():
        if op not in OPERATORS:
            raise ConditionSyntaxError(
                f"unknown test '{op}' on '{field}' (known: {', '.join(OPERATORS)})"
            )
        if op in ("in", "not_in", "contains_any") and not isinstance(value, list):
            raise ConditionSyntaxError(f"'{op}' on '{field}' takes a list")
        if op == "empty" and not isinstance(value, bool):
            raise ConditionSyntaxError(f"'empty' on '{field}' takes true or false")
        if op in ("gt", "gte", "lt", "lte") and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            raise ConditionSyntaxError(f"'{op}' on '{field}' takes a number")
        tests.append(Test(field, op, tuple(value) if isinstance(value, list) else value))
    if not tests:
        raise ConditionSyntaxError(f"the test on '{field}' is empty")
    return tests[0] if len(tests) == 1 else AllOf(tuple(tests))


def refs_of(cond: Condition) -> Iterator[str]:
    """Names of definitions a condition refers to."""
    if isinstance(cond, Ref):
        yield cond.name
    elif isinstance(cond, AllOf | AnyOf):
        for part in cond.parts:
            yield from refs_of(part)
    elif isinstance(cond, Not):
        yield from refs_of(cond.part)
