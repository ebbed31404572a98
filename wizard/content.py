"""Content files (content/*.yaml): models, loading and load-time validation.

Wording and decision logic live in YAML that a domain expert can edit. Everything is
checked when it loads -- unknown fields in conditions, options outside the answers
contract, templates that use a variable nobody provides -- and a problem names the
file, the entry and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from jinja2 import UndefinedError
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from wizard.answers import (
    STRATEGIES,
    Answers,
    Asset,
    Channel,
    Readiness,
    Remedy,
    Strategy,
)
from wizard.conditions import (
    ALWAYS,
    Condition,
    ConditionSyntaxError,
    parse_condition,
    refs_of,
)
from wizard.models import MessageKind, Phase
from wizard.templating import TemplateSyntaxError, compile_template

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
CONTENT_FILES = ("questions.yaml", "rules.yaml", "plan.yaml", "messages.yaml")


class ContentError(ValueError):
    """Broken content: names the file, the entry and the problem."""


def _condition(raw: Any) -> Condition:
    if isinstance(raw, Condition.__args__):  # already parsed
        return raw
    try:
        return parse_condition(raw)
    except ConditionSyntaxError as exc:
        raise ValueError(str(exc)) from None


When = Annotated[Any, BeforeValidator(_condition)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


# --- questions.yaml -------------------------------------------------------------------

QuestionType = Literal["choice", "multi", "yesno", "integer", "amount", "date", "text", "currency"]


class Option(_Model):
    value: str
    label: str
    help: str = ""


class Question(_Model):
    id: str
    type: QuestionType
    label: str
    why: str
    help: str = ""
    options: list[Option] = []
    show_if: When = ALWAYS
    required: bool = True
    min: float | None = None
    max: float | None = None
    placeholder: str = ""
    warn_if_before_today: bool = False

    def option_label(self, value: Any) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return str(value)


class Step(_Model):
    id: str
    title: str
    intro: str = ""
    questions: list[Question]


class QuestionsFile(_Model):
    steps: list[Step]


# --- rules.yaml -----------------------------------------------------------------------


class ScoringRule(_Model):
    id: str
    when: When
    add: dict[Strategy, float]
    reason: str


class ConstraintRule(_Model):
    id: str
    title: str
    when: When
    text: str
    forbid_strategies: list[Strategy] = []
    forbid_channels: list[Channel] = []
    no_follow_up_call: bool = False


class ReadinessRule(_Model):
    id: str
    when: When
    readiness: Readiness
    reason: str
    # repair_first: the remedy to try; the first untried one from `remedy_order` if unset.
    remedy: Remedy | None = None
    remedy_order: list[Remedy] = []
    delay_days: int = Field(default=0, ge=0, le=365)


class HoldRule(_Model):
    """Moves the notice date past a period when ending would do harm."""

    id: str
    when: When
    reason: str
    until_field: str | None = None
    days: int = Field(default=0, ge=0, le=365)
    days_if_unknown: int = Field(default=30, ge=0, le=365)


class ChannelRule(_Model):
    id: str
    when: When
    use: Channel
    reason: str


class FlagRule(_Model):
    id: str
    when: When
    value: bool
    reason: str = ""


class NoticeRule(_Model):
    id: str
    when: When
    days: int = Field(ge=0, le=365)
    reason: str


class WarningRule(_Model):
    id: str
    when: When
    text: str


class RulesFile(_Model):
    definitions: dict[str, When] = {}
    base_scores: dict[Strategy, float]
    tie_order: list[Strategy]
    constraints: list[ConstraintRule]
    scoring: list[ScoringRule]
    readiness: list[ReadinessRule]
    default_readiness_reason: str
    holds: list[HoldRule]
    channel: list[ChannelRule]
    channel_fallback: list[Channel]
    forbidden_channel_reason: str
    ruled_out_reason: str
    follow_up_call: list[FlagRule]
    written_notice: list[FlagRule]
    notice_period: list[NoticeRule]
    # Floors on the notice period that apply even when a contract sets a shorter one
    # (e.g. care professions): every rule that fires may push the end date later.
    minimum_notice: list[NoticeRule] = []
    warnings: list[WarningRule]


# --- plan.yaml ------------------------------------------------------------------------

Anchor = Literal["notice", "effective", "planned"]


class Label(_Model):
    label: str
    explanation: str


class DatedEntry(_Model):
    id: str
    when: When = ALWAYS
    anchor: Anchor = "notice"
    offset: int = Field(default=0, ge=-365, le=365)


class TimelineEntry(DatedEntry):
    title: str
    detail: str


class ChecklistEntry(DatedEntry):
    phase: Phase
    text: str


class LogEntry(DatedEntry):
    channel: str
    what: str
    who: str


class ReflectionEntry(_Model):
    when: When = ALWAYS
    text: str


class PlanFile(_Model):
    strategies: dict[Strategy, Label]
    readiness: dict[Readiness, Label]
    phases: dict[Phase, str]
    placeholders: dict[Literal["client", "you", "business", "contact"], str]
    title: str
    prepared_for: str
    summary: str
    first_step: dict[Literal["repair_first", "wait"], str]
    alternative_forbidden: str
    alternative_lower: str
    timeline: list[TimelineEntry]
    checklist: list[ChecklistEntry]
    documentation_log: list[LogEntry]
    reflection: list[ReflectionEntry]
    disclaimer: str


# --- messages.yaml --------------------------------------------------------------------


class MessagesFile(_Model):
    kinds: dict[Channel, MessageKind]
    asset_phrases: dict[Asset, str]
    reason_phrases: dict[str, str]
    default_reason_phrase: str
    snippets: dict[str, str]
    subjects: dict[Literal["communicate", "quiet_exit", "transition", "repair"], str]
    templates: dict[
        Literal["communicate", "quiet_exit", "transition", "repair"], dict[MessageKind, str]
    ]
    follow_up_call: str


# --- the loaded bundle ----------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    kind: Literal["bool", "enum", "multi", "number", "date", "text"]
    values: tuple[Any, ...] = ()


@dataclass
class Content:
    questions: QuestionsFile
    rules: RulesFile
    plan: PlanFile
    messages: MessagesFile
    schema: dict[str, FieldSpec]
    templates: dict[str, Any] = field(default_factory=dict)
    question_by_id: dict[str, Question] = field(default_factory=dict)
    # template key -> where it is written ("messages.yaml: snippets.greeting"), for errors.
    template_where: dict[str, str] = field(default_factory=dict)

    def render(self, key: str, context: dict[str, Any]) -> str:
        try:
            return self.templates[key].render(context).strip()
        except UndefinedError as exc:
            where = self.template_where.get(key, key)
            raise ContentError(
                f"{where}: template uses an unknown variable ({exc.message})"
            ) from None


def _spec_from_annotation(annotation: Any) -> FieldSpec:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return _spec_from_annotation(args[0])
    if origin in (typing.Union, types.UnionType):
        return _spec_from_annotation(next(a for a in args if a is not type(None)))
    if annotation is bool:
        return FieldSpec("bool", (True, False))
    if origin is Literal:
        return FieldSpec("enum", args)
    if origin is list:
        return FieldSpec("multi", typing.get_args(args[0]))
    if annotation in (int, float):
        return FieldSpec("number")
    if annotation is dt.date:
        return FieldSpec("date")
    return FieldSpec("text")


def answer_schema() -> dict[str, FieldSpec]:
    """What each contract field holds, read off the Answers model itself."""
    hints = typing.get_type_hints(Answers, include_extras=True)
    return {name: _spec_from_annotation(hints[name]) for name in Answers.model_fields}


# Fields the engine adds as it decides; each section may look only at what exists by then.
DERIVED_AFTER_CONSTRAINTS = {"constraints": FieldSpec("multi")}
DERIVED_AFTER_STRATEGY = {**DERIVED_AFTER_CONSTRAINTS, "strategy": FieldSpec("enum", STRATEGIES)}
DERIVED_AFTER_READINESS = {
    **DERIVED_AFTER_STRATEGY,
    "readiness": FieldSpec("enum", typing.get_args(Readiness)),
    "held": FieldSpec("bool", (True, False)),
}
DERIVED_AFTER_CHANNEL = {
    **DERIVED_AFTER_READINESS,
    "channel": FieldSpec("enum", typing.get_args(Channel)),
    "follow_up_call": FieldSpec("bool", (True, False)),
    "written_notice": FieldSpec("bool", (True, False)),
}


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"{path.name}: cannot be read ({exc.strerror})") from None
    try:
        # libyaml's C loader when present: same safe semantics, about ten times faster.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ContentError(f"{path.name}: not valid YAML{where}: {problem}") from None


def _entry_name(data: Any, loc: tuple[Any, ...]) -> str:
    """'scoring[3] (id outlook_likely)' for a pydantic error location."""
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


def _parse(model: type[BaseModel], path: Path) -> Any:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(f"{path.name}: the top level must be a mapping")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _entry_name(data, tuple(first["loc"]))
        msg = first["msg"].removeprefix("Value error, ")
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ContentError(f"{path.name}: {where}: {msg}{more}") from None


class _Checker:
    """Checks conditions and templates against the schema, naming file and entry."""

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
                raise ContentError(f"{where}: condition uses an unknown question id '{test.field}'")
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
            earlier = {name: schema[name] for name in seen}
            try:
                checker.condition(q.show_if, f"{where} show_if", {})
            except ContentError:
                raise
            for test in _tests_through_refs(q.show_if, checker.definitions):
                if test.field not in earlier:
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
            seen[q.id] = q
    missing = [name for name in schema if name not in seen]
    if missing:
        raise ContentError(f"questions.yaml: no question asks for {', '.join(missing)}")
    return seen


def _tests_through_refs(cond: Condition, definitions: dict[str, Condition]) -> list[Any]:
    """The tests of a condition, including those of the definitions it refers to."""
    found = list(cond.tests())
    for name in refs_of(cond):
        if name in definitions:
            found += _tests_through_refs(definitions[name], definitions)
    return found


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


def _check_rules(rules: RulesFile, checker: _Checker) -> None:
    sections: list[tuple[str, list[Any], dict[str, FieldSpec]]] = [
        ("constraints", rules.constraints, {}),
        ("scoring", rules.scoring, DERIVED_AFTER_CONSTRAINTS),
        ("readiness", rules.readiness, DERIVED_AFTER_STRATEGY),
        ("holds", rules.holds, DERIVED_AFTER_STRATEGY),
        ("channel", rules.channel, DERIVED_AFTER_READINESS),
        ("follow_up_call", rules.follow_up_call, DERIVED_AFTER_CHANNEL),
        ("written_notice", rules.written_notice, DERIVED_AFTER_CHANNEL),
        ("notice_period", rules.notice_period, DERIVED_AFTER_READINESS),
        ("minimum_notice", rules.minimum_notice, DERIVED_AFTER_READINESS),
        ("warnings", rules.warnings, DERIVED_AFTER_CHANNEL),
    ]
    for name, cond in rules.definitions.items():
        checker.condition(cond, f"rules.yaml: definitions.{name}", {})
    for section, entries, allowed in sections:
        ids: set[str] = set()
        for index, rule in enumerate(entries):
            where = f"rules.yaml: {section}[{index}] (id '{rule.id}')"
            if rule.id in ids:
                raise ContentError(f"{where}: the id is used twice in this section")
            ids.add(rule.id)
            checker.condition(rule.when, where, allowed)
            until = getattr(rule, "until_field", None)
            if until is not None and checker.schema.get(until, FieldSpec("text")).kind != "date":
                raise ContentError(f"{where}: until_field '{until}' is not a date question")
    if sorted(rules.tie_order) != sorted(STRATEGIES):
        raise ContentError("rules.yaml: tie_order must list each strategy once")


def _check_plan(plan: PlanFile, checker: _Checker, constraint_ids: set[str]) -> None:
    allowed = {**DERIVED_AFTER_CHANNEL}
    for section in ("timeline", "checklist", "documentation_log"):
        for index, entry in enumerate(getattr(plan, section)):
            where = f"plan.yaml: {section}[{index}] (id '{entry.id}')"
            checker.condition(entry.when, where, allowed)
            for test in entry.when.tests():
                if test.field == "constraints":
                    for item in test.value if isinstance(test.value, tuple) else (test.value,):
                        if item not in constraint_ids:
                            raise ContentError(f"{where}: unknown constraint id '{item}'")
    for index, entry in enumerate(plan.reflection):
        checker.condition(entry.when, f"plan.yaml: reflection[{index}]", allowed)
    for key in STRATEGIES:
        if key not in plan.strategies:
            raise ContentError(f"plan.yaml: strategies: '{key}' has no label")


def _template_sources(content: Content) -> dict[str, tuple[str, str]]:
    """Every template in the content: key -> (where, source)."""
    sources: dict[str, tuple[str, str]] = {}
    rules, plan, messages = content.rules, content.plan, content.messages
    sections = (
        "constraints",
        "scoring",
        "readiness",
        "holds",
        "channel",
        "notice_period",
        "minimum_notice",
    )
    for section in sections:
        for i, rule in enumerate(getattr(rules, section)):
            text = rule.text if section == "constraints" else rule.reason
            sources[f"rules.{section}.{rule.id}"] = (f"rules.yaml: {section}[{i}]", text)
            if section == "constraints":
                sources[f"rules.constraints.{rule.id}.title"] = (
                    f"rules.yaml: constraints[{i}] title",
                    rule.title,
                )
    for section in ("follow_up_call", "written_notice"):
        for i, rule in enumerate(getattr(rules, section)):
            sources[f"rules.{section}.{rule.id}"] = (f"rules.yaml: {section}[{i}]", rule.reason)
    for i, rule in enumerate(rules.warnings):
        sources[f"rules.warnings.{rule.id}"] = (f"rules.yaml: warnings[{i}]", rule.text)
    sources["rules.default_readiness_reason"] = ("rules.yaml", rules.default_readiness_reason)
    sources["rules.forbidden_channel_reason"] = ("rules.yaml", rules.forbidden_channel_reason)
    sources["rules.ruled_out_reason"] = ("rules.yaml: ruled_out_reason", rules.ruled_out_reason)
    for key in ("title", "prepared_for", "summary", "alternative_forbidden", "alternative_lower"):
        sources[f"plan.{key}"] = (f"plan.yaml: {key}", getattr(plan, key))
    for key, text in plan.first_step.items():
        sources[f"plan.first_step.{key}"] = (f"plan.yaml: first_step.{key}", text)
    for i, entry in enumerate(plan.timeline):
        sources[f"plan.timeline.{entry.id}.title"] = (f"plan.yaml: timeline[{i}]", entry.title)
        sources[f"plan.timeline.{entry.id}.detail"] = (f"plan.yaml: timeline[{i}]", entry.detail)
    for i, entry in enumerate(plan.checklist):
        sources[f"plan.checklist.{entry.id}"] = (f"plan.yaml: checklist[{i}]", entry.text)
    for i, entry in enumerate(plan.documentation_log):
        for part in ("channel", "what", "who"):
            sources[f"plan.log.{entry.id}.{part}"] = (
                f"plan.yaml: documentation_log[{i}]",
                getattr(entry, part),
            )
    for i, entry in enumerate(plan.reflection):
        sources[f"plan.reflection.{i}"] = (f"plan.yaml: reflection[{i}]", entry.text)
    for name, text in messages.snippets.items():
        sources[f"messages.snippet.{name}"] = (f"messages.yaml: snippets.{name}", text)
    for name, text in messages.subjects.items():
        sources[f"messages.subject.{name}"] = (f"messages.yaml: subjects.{name}", text)
    for name, by_kind in messages.templates.items():
        for kind, text in by_kind.items():
            sources[f"messages.{name}.{kind}"] = (f"messages.yaml: templates.{name}.{kind}", text)
    sources["messages.follow_up_call"] = ("messages.yaml: follow_up_call", messages.follow_up_call)
    return sources


def _compile_templates(content: Content) -> None:
    for key, (where, source) in _template_sources(content).items():
        content.template_where[key] = where
        try:
            content.templates[key] = compile_template(source)
        except TemplateSyntaxError as exc:
            raise ContentError(
                f"{where}: template error on line {exc.lineno}: {exc.message}"
            ) from None
    for name in ("communicate", "quiet_exit", "transition", "repair"):
        kinds = set(content.messages.templates.get(name, {}))
        missing = {"email", "letter", "talking_points"} - kinds
        if missing:
            raise ContentError(
                f"messages.yaml: templates.{name} has no {', '.join(sorted(missing))} template"
            )


def _render_check(content: Content) -> None:
    """Render every template against sample answers so a missing variable fails now."""
    from wizard.samples import sample_contexts  # late: samples use the engine

    sources = _template_sources(content)
    for context in sample_contexts(content):
        for key, template in content.templates.items():
            try:
                template.render(context)
            except UndefinedError as exc:
                where = sources[key][0]
                raise ContentError(
                    f"{where}: template uses an unknown variable ({exc.message})"
                ) from None
            except Exception as exc:  # noqa: BLE001 - any render failure is a content bug
                where = sources[key][0]
                raise ContentError(f"{where}: template fails to render: {exc}") from None


def load_content_uncached(directory: Path | str = CONTENT_DIR) -> Content:
    directory = Path(directory)
    questions = _parse(QuestionsFile, directory / "questions.yaml")
    rules = _parse(RulesFile, directory / "rules.yaml")
    plan = _parse(PlanFile, directory / "plan.yaml")
    messages = _parse(MessagesFile, directory / "messages.yaml")
    schema = answer_schema()
    checker = _Checker(schema, dict(rules.definitions))
    for name, cond in rules.definitions.items():
        checker.condition(cond, f"rules.yaml: definitions.{name}", {})
    _check_definition_cycles(dict(rules.definitions))
    question_by_id = _check_questions(questions, checker)
    _check_rules(rules, checker)
    _check_plan(plan, checker, {rule.id for rule in rules.constraints})
    content = Content(questions, rules, plan, messages, schema, question_by_id=question_by_id)
    _compile_templates(content)
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
