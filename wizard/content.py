"""Loading content/*.yaml: parse, compile, check, and hand out one immutable `Content`.

Wording and decision logic live in YAML that a domain expert can edit. Everything is
checked when it loads -- a key written twice, unknown fields in conditions, options
outside the answers contract, a rule that looks at something decided after it, a
professional rule without its source, templates that use a variable nobody provides --
and a problem names the file, the entry and what is wrong.
"""

from __future__ import annotations

import functools
import typing
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from wizard.answers import STRATEGIES, Answers, Asset
from wizard.conditions import Condition, refs_of
from wizard.content_model import (
    Content,
    ContentError,
    MessagesFile,
    PlanFile,
    Question,
    QuestionsFile,
    RulesFile,
    ScreensFile,
    Step,
    Template,
    iter_templates,
)
from wizard.safe_yaml import DuplicateKeyError, load_yaml_unique
from wizard.schema import FieldSpec, answer_schema
from wizard.stages import STAGES, all_facts, facts_before, section_facts

__all__ = ["CONTENT_DIR", "Content", "ContentError", "Question", "Step", "load_content"]

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
CONTENT_FILES = (
    "questions.yaml", "rules.yaml", "plan.yaml", "messages.yaml", "screens.yaml",
)  # fmt: skip


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"{path.name}: cannot be read ({exc.strerror})") from None
    try:
        return load_yaml_unique(text)
    except DuplicateKeyError as exc:
        raise ContentError(
            f"{path.name}: the key '{exc.key}' is written twice (line {exc.line}); "
            "only one would count"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ContentError(f"{path.name}: not valid YAML{where}: {problem}") from None


def _entry_name(data: Any, loc: tuple[Any, ...]) -> str:
    """'scoring[3] (id 'outlook_likely').reason' for a location in the file's data."""
    parts: list[str] = []
    node = data
    for part in loc:
        parts.append(f"[{part}]" if isinstance(part, int) else (f".{part}" if parts else str(part)))
        node = node[part] if isinstance(node, dict | list) and _has(node, part) else None
        if isinstance(node, dict) and "id" in node and isinstance(part, int):
            parts.append(f" (id '{node['id']}')")
    return "".join(parts) or "top level"


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def _name_templates(node: Any, data: Any, file: str, loc: tuple[Any, ...] = ()) -> None:
    """Tell every template where it was written, for render-time errors."""
    if isinstance(node, Template):
        node.where = f"{file}: {_entry_name(data, loc)}"
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _name_templates(getattr(node, name), data, file, (*loc, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            _name_templates(value, data, file, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _name_templates(value, data, file, (*loc, index))


def _parse(model: type[BaseModel], path: Path) -> Any:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path.name}: the top level must be a mapping")
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _entry_name(data, tuple(first["loc"]))
        msg = first["msg"].removeprefix("Value error, ")
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ContentError(f"{path.name}: {where}: {msg}{more}") from None
    _name_templates(parsed, data, path.name)
    return parsed


class _Checker:
    """Checks conditions against the schema, naming file and entry."""

    def __init__(self, schema: dict[str, FieldSpec], definitions: dict[str, Condition]):
        self.schema = schema
        self.definitions = definitions

    def condition(self, cond: Condition, where: str, allowed: dict[str, FieldSpec]) -> None:
        fields = {**self.schema, **allowed}
        for name in refs_of(cond):
            if name not in self.definitions:
                raise ContentError(f"{where}: refers to an unknown definition '{name}'")
        for test in cond.tests():
            spec = fields.get(test.field)
            if spec is None:
                raise ContentError(
                    f"{where}: condition uses '{test.field}', which is not a question id "
                    "or something decided before this rule"
                )
            self._test_fits(test, spec, where)

    @staticmethod
    def _test_fits(test: Any, spec: FieldSpec, where: str) -> None:
        op, value = test.op, test.value
        label = f"{where}: condition on '{test.field}'"
        if op in ("gt", "gte", "lt", "lte") and spec.kind != "number":
            raise ContentError(f"{label} compares a {spec.kind} field with a number")
        single_valued = spec.kind != "multi" and not (op == "empty" and spec.kind == "text")
        if op in ("contains", "contains_any", "empty") and single_valued:
            raise ContentError(f"{label} uses '{op}' but the field holds a single value")
        if not spec.values:
            return
        values = (
            value if op in ("in", "not_in", "contains_any") else () if op == "empty" else (value,)
        )
        for item in values:
            if item not in spec.values or (isinstance(item, bool) != (spec.kind == "bool")):
                allowed = ", ".join(str(v) for v in spec.values)
                raise ContentError(f"{label}: '{item}' is not one of its values ({allowed})")


def _tests_through_refs(cond: Condition, definitions: dict[str, Condition]) -> list[Any]:
    """The tests of a condition, including those of the definitions it refers to."""
    found = list(cond.tests())
    for name in refs_of(cond):
        if name in definitions:
            found += _tests_through_refs(definitions[name], definitions)
    return found


def _check_questions(questions: QuestionsFile, checker: _Checker) -> dict[str, Question]:
    schema = checker.schema
    seen: dict[str, Question] = {}
    for step in questions.steps:
        for q in step.questions:
            where = f"questions.yaml: step '{step.id}', question '{q.id}'"
            if q.id not in schema:
                raise ContentError(f"{where}: '{q.id}' is not a field of the answers contract")
            if q.id in seen:
                raise ContentError(f"{where}: the id is used twice")
            checker.condition(q.show_if, f"{where} show_if", {})
            for test in _tests_through_refs(q.show_if, checker.definitions):
                if test.field not in seen:
                    raise ContentError(
                        f"{where}: show_if must refer to an earlier question, not '{test.field}'"
                    )
            spec = schema[q.id]
            for option in q.options:
                if spec.values and option.value not in [str(v) for v in spec.values]:
                    allowed = ", ".join(str(v) for v in spec.values)
                    raise ContentError(
                        f"{where}: option '{option.value}' is not in the contract ({allowed})"
                    )
            if q.type in ("choice", "multi") and not q.options:
                raise ContentError(f"{where}: a {q.type} question needs options")
            _check_range(q, where)
            seen[q.id] = q
    missing = [name for name in schema if name not in seen and name not in questions.not_asked]
    if missing:
        raise ContentError(f"questions.yaml: no question asks for {', '.join(missing)}")
    return seen


def _check_range(q: Question, where: str) -> None:
    """A number question's min/max must be the answers model's own bounds."""
    from wizard.answers import number_bounds

    if q.type not in ("integer", "amount"):
        if q.min is not None or q.max is not None:
            raise ContentError(f"{where}: min and max apply only to number questions")
        return
    low, high = number_bounds(q.id)
    if (q.min, q.max) != (low, high):
        raise ContentError(
            f"{where}: min {q.min} and max {q.max} differ from the answers format's "
            f"range ({low} to {high}); write min: {low:g} and max: {high:g}"
        )


def _check_definition_cycles(definitions: dict[str, Condition]) -> None:
    def visit(name: str, path: tuple[str, ...]) -> None:
        for ref in refs_of(definitions[name]):
            if ref in path:
                chain = " -> ".join((*path, ref))
                raise ContentError(
                    f"rules.yaml: definitions.{ref}: refers to itself ({chain}), which never ends"
                )
            if ref in definitions:
                visit(ref, (*path, ref))

    for name in definitions:
        visit(name, (name,))


def _mentions_profession(cond: Condition, definitions: dict[str, Condition]) -> bool:
    return any(t.field == "profession" for t in _tests_through_refs(cond, definitions))


def _check_rules(rules: RulesFile, checker: _Checker) -> None:
    for name, cond in rules.definitions.items():
        checker.condition(cond, f"rules.yaml: definitions.{name}", {})
    allowed_by_section = section_facts()
    for section in (section for stage in STAGES for section in stage.sections):
        ids: set[str] = set()
        for index, rule in enumerate(getattr(rules, section)):
            where = f"rules.yaml: {section}[{index}] (id '{rule.id}')"
            if rule.id in ids:
                raise ContentError(f"{where}: the id is used twice in this section")
            ids.add(rule.id)
            checker.condition(rule.when, where, allowed_by_section[section])
            forbid_when = getattr(rule, "forbid_when", None)
            if forbid_when is not None:
                checker.condition(forbid_when, f"{where}: forbid_when", allowed_by_section[section])
            until = getattr(rule, "until_field", None)
            if until is not None and checker.schema.get(until, FieldSpec("text")).kind != "date":
                raise ContentError(f"{where}: until_field '{until}' is not a date question")
            if not rule.reference.strip() and _mentions_profession(rule.when, checker.definitions):
                raise ContentError(
                    f"{where}: a rule for a profession needs a 'reference:' naming the "
                    "professional rule or standard it comes from"
                )
    for index, override in enumerate(rules.overrides):
        where = f"rules.yaml: overrides[{index}] (id '{override.id}')"
        unknown = sorted(set(override.set) - set(Answers.model_fields))
        if unknown:
            raise ContentError(f"{where}: 'set' names no answer: {', '.join(unknown)}")
        try:
            Answers.model_validate(override.set)
        except ValidationError as exc:
            raise ContentError(f"{where}: 'set' holds a value no answer may have: {exc}") from None
    dates_facts = facts_before("dates")
    for name in ("extend_contract_notice", "deadline_moves_end", "year_end_moves_end"):
        checker.condition(getattr(rules, name), f"rules.yaml: {name}", dates_facts)
    checker.condition(
        rules.year_end_moves_notice, "rules.yaml: year_end_moves_notice", facts_before("holds")
    )
    checker.condition(
        rules.refusal_pending, "rules.yaml: refusal_pending", facts_before("readiness")
    )
    if sorted(rules.tie_order) != sorted(STRATEGIES):
        raise ContentError("rules.yaml: tie_order must list each strategy once")


def _check_plan(plan: PlanFile, checker: _Checker, constraint_ids: set[str]) -> None:
    allowed = all_facts()
    for section in ("timeline", "checklist", "documentation_log"):
        for index, entry in enumerate(getattr(plan, section)):
            where = f"plan.yaml: {section}[{index}] (id '{entry.id}')"
            checker.condition(entry.when, where, allowed)
            for test in entry.when.tests():
                if test.field == "constraints":
                    for item in test.value if isinstance(test.value, tuple) else (test.value,):
                        if item not in constraint_ids:
                            raise ContentError(f"{where}: unknown constraint id '{item}'")
    checker.condition(plan.exit_later_confirms, "plan.yaml: exit_later_confirms", allowed)
    for index, entry in enumerate(plan.reflection):
        checker.condition(entry.when, f"plan.yaml: reflection[{index}]", allowed)
    for key in STRATEGIES:
        if key not in plan.strategies:
            raise ContentError(f"plan.yaml: strategies: '{key}' has no label")


def _check_messages(messages: MessagesFile) -> None:
    missing_assets = set(typing.get_args(Asset)) - set(messages.asset_phrases)
    if missing_assets:
        raise ContentError(
            f"messages.yaml: asset_phrases has no phrase for {', '.join(sorted(missing_assets))}"
        )
    for name in ("communicate", "quiet_exit", "transition", "repair"):
        kinds = set(messages.templates.get(name, {}))
        missing = {"email", "letter", "talking_points"} - kinds
        if missing:
            raise ContentError(
                f"messages.yaml: templates.{name} has no {', '.join(sorted(missing))} template"
            )


def _render_check(content: Content) -> None:
    """Render every template against the example answers so a missing variable fails now,
    not in front of a user."""
    from wizard.render_check import sample_contexts  # needs the engine's text contexts

    templates = list(iter_templates(content))
    for context in sample_contexts(content):
        for template in templates:
            try:
                template.render(context)
            except ContentError:
                raise
            except Exception as exc:  # noqa: BLE001 - any render failure is a content bug
                raise ContentError(f"{template.where}: template fails to render: {exc}") from None


def load_content_uncached(directory: Path | str = CONTENT_DIR) -> Content:
    directory = Path(directory)
    questions = _parse(QuestionsFile, directory / "questions.yaml")
    rules = _parse(RulesFile, directory / "rules.yaml")
    plan = _parse(PlanFile, directory / "plan.yaml")
    messages = _parse(MessagesFile, directory / "messages.yaml")
    screens = _parse(ScreensFile, directory / "screens.yaml")
    schema = answer_schema()
    checker = _Checker(schema, dict(rules.definitions))
    _check_definition_cycles(dict(rules.definitions))
    question_by_id = _check_questions(questions, checker)
    _check_rules(rules, checker)
    _check_plan(plan, checker, {rule.id for rule in rules.constraints})
    _check_messages(messages)
    content = Content(
        questions=questions,
        rules=rules,
        plan=plan,
        messages=messages,
        schema=MappingProxyType(schema),
        question_by_id=MappingProxyType(question_by_id),
        screens=screens,
    )
    _render_check(content)
    return content


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str) -> Content:
    return load_content_uncached(directory)


def load_content(directory: Path | str | None = None) -> Content:
    """Load and validate content once per process (content is the same for every user).

    The bundled content is looked up without touching the file system, because the UI asks
    for it many times on every rerun."""
    if directory is None or directory is CONTENT_DIR:
        return _load_cached(str(CONTENT_DIR))
    return _load_cached(str(Path(directory).resolve()))
