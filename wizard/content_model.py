"""The shape of the content files (content/*.yaml) as typed, frozen models.

Conditions (`when`, `show_if`) are parsed into condition trees and every wording field
that may hold Jinja is compiled into a `Template` while the file is validated, so a
loaded `Content` holds no raw strings to look up by key: a plan asks a rule for its
`reason` and renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from jinja2 import UndefinedError
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from wizard.answers import Asset, Channel, Profession, Readiness, Remedy, Strategy
from wizard.conditions import ALWAYS, Condition, ConditionSyntaxError, parse_condition
from wizard.models import MessageKind, Phase, PlanLabels
from wizard.schema import FieldSpec
from wizard.templating import TemplateSyntaxError, compile_template


class ContentError(ValueError):
    """Broken content: names the file, the entry and the problem."""


class Template:
    """A compiled wording template. `where` ("rules.yaml: scoring[3] (id 'x').reason") is
    filled in once the file has loaded, so a render error names its source."""

    __slots__ = ("source", "where", "_compiled")

    def __init__(self, source: str):
        self.source = source
        self.where = "content"
        self._compiled = compile_template(source)

    def render(self, context: Mapping[str, Any]) -> str:
        try:
            return self._compiled.render(context).strip()
        except UndefinedError as exc:
            raise ContentError(
                f"{self.where}: template uses an unknown variable ({exc.message})"
            ) from None

    def __repr__(self) -> str:
        return f"Template({self.source!r})"


def _template(raw: Any) -> Template:
    if isinstance(raw, Template):
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"must be text, not {type(raw).__name__}")
    try:
        return Template(raw)
    except TemplateSyntaxError as exc:
        raise ValueError(f"template error on line {exc.lineno}: {exc.message}") from None


def _condition(raw: Any) -> Condition:
    if isinstance(raw, Condition.__args__):  # already parsed
        return raw
    try:
        return parse_condition(raw)
    except ConditionSyntaxError as exc:
        raise ValueError(str(exc)) from None


Text = Annotated[Template, BeforeValidator(_template)]
When = Annotated[Any, BeforeValidator(_condition)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


# --- questions.yaml -------------------------------------------------------------------

QuestionType = Literal[
    "choice", "multi", "yesno", "integer", "amount", "date", "text", "currency", "deadlines",
    "place",
]  # fmt: skip


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
    # Offered on the result page as "what if I had answered differently?".
    what_if: bool = False
    # Answering yes opens the safety panel (emergency number, quick exit) right below it.
    safety_panel: bool = False

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
    # Answer fields set somewhere other than a question, with where (for content editors).
    not_asked: dict[str, str] = {}


# --- rules.yaml -----------------------------------------------------------------------


class _Rule(_Model):
    id: str
    when: When
    # The professional rule or standard this comes from (required where a rule applies
    # to a profession; checked at load).
    reference: str = ""


class ScoringRule(_Rule):
    add: dict[Strategy, float]
    reason: Text
    # The reason speaks of the time the client gets, so it is given only when the
    # relationship actually lengthened the notice (the scores move either way).
    reason_needs_longer_notice: bool = False


class ConstraintRule(_Rule):
    title: Text
    text: Text
    forbid_strategies: list[Strategy] = []
    # Where the strategies above are ruled out (the constraint itself may still apply).
    forbid_when: When = ALWAYS
    forbid_channels: list[Channel] = []
    no_follow_up_call: bool = False
    # Notice cannot wait for a later date the user planned: it goes on the next working day.
    notice_at_once: bool = False


class ReadinessRule(_Rule):
    readiness: Readiness
    reason: Text
    # repair_first: the remedy to try; the first untried one from `remedy_order` if unset.
    remedy: Remedy | None = None
    remedy_order: list[Remedy] = []
    delay_days: int = Field(default=0, ge=0, le=365)
    # The part of delay_days that the remedy itself gives the client (a stop-work notice's
    # seven days). It ends on a working day, and the rest of the delay runs from that day,
    # so a holiday that moves the remedy's end moves the notice with it.
    remedy_days: int = Field(default=0, ge=0, le=365)
    # Whether the ordinary notice follows when the fix does not work. Not for a refusal of
    # an improper request: if the client drops it nothing ends, and if they insist the
    # ending is a different, prompt one. The plan then stops at the review of the fix.
    notice_follows: bool = True
    # The fix itself cannot wait (refusing an improper request): a later planned date gives
    # way to the next working day.
    starts_at_once: bool = False

    @model_validator(mode="after")
    def _remedy_inside_delay(self) -> ReadinessRule:
        if self.remedy_days > self.delay_days:
            raise ValueError(f"{self.id}: remedy_days cannot be longer than delay_days")
        return self


class HoldRule(_Rule):
    """Moves the notice date past a period when ending would do harm."""

    reason: Text
    until_field: str | None = None
    days: int = Field(default=0, ge=0, le=365)
    days_if_unknown: int = Field(default=30, ge=0, le=365)
    # The longest sensible wait: a hold past it is cut there, with a warning.
    max_days: int = Field(default=90, ge=0, le=365)


class ChannelRule(_Rule):
    use: Channel
    reason: Text


class FlagRule(_Rule):
    value: bool
    reason: Text = Field(default_factory=lambda: Template(""))


class NoticeRule(_Rule):
    days: int = Field(ge=0, le=365)
    reason: Text
    # False for a period held short on purpose (unpaid work, feeling unsafe): it is not the
    # "time to adjust" that scoring reasons with reason_needs_longer_notice speak of.
    gives_time_to_adjust: bool = True


class WarningRule(_Rule):
    text: Text


class OverrideRule(_Rule):
    """Two answers that cannot both hold: the engine reads `set` in place of the answers
    named there, and gives the reason first, so the user sees why."""

    set: dict[str, Any]
    reason: Text


class RulesFile(_Model):
    definitions: dict[str, When] = {}
    overrides: list[OverrideRule] = []
    base_scores: dict[Strategy, float]
    tie_order: list[Strategy]
    constraints: list[ConstraintRule]
    scoring: list[ScoringRule]
    readiness: list[ReadinessRule]
    default_readiness_reason: Text
    holds: list[HoldRule]
    channel: list[ChannelRule]
    channel_fallback: list[Channel]
    forbidden_channel_reason: Text
    ruled_out_reason: Text
    follow_up_call: list[FlagRule]
    written_notice: list[FlagRule]
    notice_period: list[NoticeRule]
    # Floors on the notice period that apply even when a contract sets a shorter one
    # (e.g. care professions): every rule that fires may push the end date later.
    minimum_notice: list[NoticeRule] = []
    # How a reason says that no contract fixes the notice: no contract, a contract with no
    # notice clause, one the user is unsure about, or one that ends only for cause.
    no_notice_phrases: dict[Literal["no_contract", "no_clause", "unsure", "cause_only"], str]
    # When the relationship's suggested period may lengthen a contract's notice.
    extend_contract_notice: When
    contract_extended_reason: Text
    cure_period_reason: Text
    # Key deadlines this many days after the end still count as "near the end"; where
    # `deadline_moves_end` holds, the end moves past such a deadline.
    deadline_margin_days: int = Field(default=14, ge=0, le=90)
    # Professions whose clients need longer to take over a deadline (a tax return).
    deadline_margin_days_by_profession: dict[Profession, int] = {}
    deadline_margin_extends: When
    deadline_moves_end: When
    deadline_moved_reason: Text
    # Where it holds, an end that falls in the year-end holidays (24 December to 1 January)
    # moves to the first working day after them (care: practices and new clinicians closed).
    year_end_moves_end: When
    year_end_moved_reason: Text
    year_end_moves_notice: When
    # A request the client only suggested: refused in writing at once, so a fix to try
    # first starts on the plan date too (the refusal goes in its message).
    refusal_pending: When
    year_end_notice_moved_reason: Text
    notice_at_once_reason: Text
    start_at_once_reason: Text
    care_remedy_labels: dict[Remedy, str] = {}
    # How a builder's written warning over late payment is named: the contract's stop-work
    # notice, which is what the plan has them send.
    stop_work_remedy_label: str = "A written stop-work notice"
    notice_at_once_within_days: int = Field(ge=0, le=365)
    warnings: list[WarningRule]


# --- plan.yaml ------------------------------------------------------------------------

# repair_end: where a repair window runs out, the notice date before any hold moved it.
# "today": the plan date (what cannot wait for any planned date: crisis help, a lien check).
# received: the day the client has the notice (a posted letter arrives days after posting).
# served_deadline: the first of the client's deadlines that falls before the end (the end
# when there is none), which the provider still meets.
Anchor = Literal[
    "today",
    "notice",
    "received",
    "effective",
    "planned",
    "repair_end",
    "served_deadline",
    "refusal",
]


class Label(_Model):
    label: str
    explanation: Text  # worded for the case (an ending by agreement is proposed, not given)


class DatedEntry(_Model):
    id: str
    when: When = ALWAYS
    anchor: Anchor = "notice"
    offset: int = Field(default=0, ge=-365, le=365)
    # The part of the plan the step belongs to: its date is kept inside that part.
    phase: Phase | None = None
    # A step that takes the end as certain (a hand-over, returning what the client gave):
    # while the client may still put a breach right, it waits until the cure period has run.
    after_cure: bool = False
    # A step that gives the client what a deadline needs (their records, when withdrawal is
    # required): no later than the working day before the client's next deadline.
    before_deadline: bool = False
    # A step that can be done on any day (a written refusal, which goes at once): kept on its
    # date even when that is not a working day.
    any_day: bool = False


class TimelineEntry(DatedEntry):
    phase: Phase
    title: Text
    detail: Text


class ChecklistEntry(DatedEntry):
    phase: Phase
    text: Text


class LogEntry(DatedEntry):
    channel: Text
    what: Text
    who: Text
    # Something the plan expects to happen (marked "planned" until done), not a record yet.
    planned: bool = True


class FactEntry(_Model):
    when: When = ALWAYS
    label: str
    value: Text


class ReflectionEntry(_Model):
    when: When = ALWAYS
    text: Text


class GlanceLabels(_Model):
    strategy: str
    readiness: str
    first_step: str
    channel: str
    # Worded for the case: an ending by agreement is proposed, not given as notice.
    notice: Text
    effective: Text
    follow_up_call: str
    written_notice: str


class ChannelPhrases(_Model):
    by: str
    noun: str


class PlanFile(_Model):
    strategies: dict[Strategy, Label]
    readiness: dict[Readiness, Label]
    phases: dict[Phase, Text]  # checklist headings, worded for the case
    placeholders: dict[Literal["client", "you", "business", "contact"], str]
    labels: PlanLabels
    glance: GlanceLabels
    yes_no: dict[Literal["yes", "no"], str]
    title: Text
    running_header: Text
    prepared_for: Text
    prepared_line: Text
    document_author: Text
    document_subject: Text
    message_intro: Text
    subject_line: Text
    summary: Text
    first_step: dict[Literal["repair_first", "wait"], Text]
    alternative_forbidden: Text
    # Added to a step marked after_cure while the client may still put a breach right.
    after_cure_note: Text
    # When the notice kept ready for after a failed fix confirms a session in which the
    # ending was talked through (it then says so).
    exit_later_confirms: When
    # One plain sentence per strategy on why it ranked below the recommended one.
    alternative_lower: dict[Strategy, Text]
    # How the user's own lists name what they hold of the client's ("the client's files").
    own_asset_phrases: dict[Asset, str]
    # How a sentence names each channel: "give notice by email" / "in person" (`by`), and
    # "talking points for your phone call" / "meeting" (`noun`).
    channel_phrases: dict[Channel, ChannelPhrases]
    facts: list[FactEntry]
    footer: Text
    disclaimer_line: str
    # Working days a posted letter takes to reach the client: steps that need the client to
    # have the notice (a court application "now that the client knows") wait for it.
    posted_arrives_after: int = Field(ge=0, le=10)
    # The start of every download's name ("exit-plan"); the client and date are added.
    file_stem: str
    log_planned: str
    timeline: list[TimelineEntry]
    checklist: list[ChecklistEntry]
    documentation_log: list[LogEntry]
    reflection: list[ReflectionEntry]
    disclaimer: str


# --- messages.yaml --------------------------------------------------------------------

MessageName = Literal["communicate", "quiet_exit", "transition", "repair"]


class MessagesFile(_Model):
    kinds: dict[Channel, MessageKind]
    asset_phrases: dict[Asset, str]
    # Things of the client's that move into their name before your access ends (the rest
    # is simply returned).
    transferred_assets: list[Asset]
    reason_phrases: dict[str, str]
    default_reason_phrase: str
    snippets: dict[str, Text]
    subjects: dict[MessageName, Text]
    templates: dict[MessageName, dict[MessageKind, Text]]
    follow_up_call: Text


# --- screens.yaml ---------------------------------------------------------------------
# The wizard's own words around the questions and the plan. Every field is required, so a
# wording missing from the file fails at load, not in front of a user.


class WelcomeWords(_Model):
    title: str
    intro: str
    points: str
    not_advice: str
    privacy: str
    start: str
    resume_heading: str
    resume_label: str
    resume_help: str
    resume_refused: str
    examples_heading: str
    examples_hint: str


class FlashWords(_Model):
    resumed: str
    resumed_part: str
    example: str
    applied: str


class SidebarWords(_Model):
    before_start: str
    steps: str
    review: str
    progress: str
    on_review: str
    on_result: str
    done: str
    current: str


class StartOverWords(_Model):
    button: str
    confirm: str
    confirm_yes: str
    confirm_no: str


class StepWords(_Model):
    counter: str
    why_we_ask: str
    back: str
    next: str
    to_review: str
    save_and_review: str
    continue_anyway: str
    errors_above: str
    warnings_above: str
    choose_one: str
    enter_number: str
    other_currency: str
    currency_code: str
    currency_code_example: str
    currency_from_place: str
    currency_default: str
    currency_kept: str
    currency_switch: str
    place_none: str
    region: str
    region_none: str
    heading: str
    why_we_ask_more: str
    error_summary: str
    save_later: str
    save_later_hint: str
    range: str
    chars_count: str
    chars_over: str


class CheckWords(_Model):
    choose_answer: str
    choose_at_least_one: str
    enter_number: str
    pick_date: str
    currency_code: str
    at_least: str
    at_most: str
    whole_number: str
    date_in_past: str
    # A deadline line that does not start with a date; {line} is the line's number.
    deadline_line: str
    # A date that reads as two (01/02/2027); {typed} as typed, {day_first}/{month_first}.
    deadline_ambiguous: str
    deadlines_too_many: str
    invalid_text: str
    place_unknown: str
    too_long: str
    quoted_label: str


class AnswerWords(_Model):
    yes: str
    no: str
    not_answered: str
    none_chosen: str
    no_date: str
    left_empty: str
    place_region: str


class ReviewWords(_Model):
    heading: str
    intro: str
    edit: str
    step_incomplete: str
    still_needed: str
    see_plan: str
    save_answers: str
    save_hint: str


class ResultWords(_Model):
    further_down: str
    message_box: str
    message_over: str
    downloads_over: str
    undo_edits: str
    copy_message: str
    downloads: str
    download_pdf: str
    save_answers: str
    change_answers: str
    next_actions: str
    musts_below: str
    details: str
    start_own: str


class WhatIfWords(_Model):
    heading: str
    intro: str
    question: str
    choose_question: str
    you_answered: str
    suppose: str
    same: str
    changed: str
    row_unchanged: str
    row_changed: str
    apply: str


class RestoreWords(_Model):
    notice: str
    keep: str
    discard: str


class SafetyWords(_Model):
    heading: str
    emergency: str
    plan_does: str
    quick_exit: str
    quick_exit_help: str
    exit_url: str


class PageWords(_Model):
    title: str


class ScreensFile(_Model):
    welcome: WelcomeWords
    flash: FlashWords
    sidebar: SidebarWords
    start_over: StartOverWords
    step: StepWords
    checks: CheckWords
    answers: AnswerWords
    review: ReviewWords
    result: ResultWords
    what_if: WhatIfWords
    restore: RestoreWords
    safety: SafetyWords
    page: PageWords


# --- the loaded bundle ----------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """Everything loaded from content/, checked and compiled; never changed after load."""

    questions: QuestionsFile
    rules: RulesFile
    plan: PlanFile
    messages: MessagesFile
    schema: Mapping[str, FieldSpec]
    question_by_id: Mapping[str, Question]
    screens: ScreensFile

    def template_count(self) -> int:
        return sum(1 for _ in iter_templates(self))


def iter_templates(node: Any) -> Any:
    """Every Template in a content tree, depth first."""
    if isinstance(node, Template):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_templates(getattr(node, name))
    elif isinstance(node, Content):
        for part in (node.questions, node.rules, node.plan, node.messages):
            yield from iter_templates(part)
    elif isinstance(node, Mapping):
        for value in node.values():
            yield from iter_templates(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from iter_templates(value)
