"""The answers contract (shared/spec/answers.md) as pydantic models.

Field ids and values here are a public format: saved files, shared links and tests
depend on them. Content may add questions; it may not rename or drop these.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import types
import typing
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from wizard.bidi import contained
from wizard.safe_yaml import UnsafeYamlError, load_untrusted, shown_key
from wizard.vocabulary import STRATEGIES, Channel, Readiness, Strategy

__all__ = ["STRATEGIES", "Channel", "Readiness", "Strategy"]  # re-exported: contract words

SCHEMA_VERSION = 1

# The contract's limits (shared/spec/answers.md). They bound the work one visitor can
# cause (a huge name made one PDF cost minutes of CPU) and are reused by the widgets.
NAME_MAX_CHARS = 200
MESSAGE_MAX_CHARS = 20_000
DEADLINE_WHAT_MAX_CHARS = 120
BREACH_SUMMARY_MAX_CHARS = 500
DEADLINES_MAX = 10
DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)

Profession = Literal["general", "law", "accounting", "healthcare", "therapy", "construction"]
Signal = Literal[
    "goal_misalignment",
    "behaviour_decline",
    "payment_problems",
    "needs_beyond_expertise",
    "business_changes",
    "boundary_violations",
    "scope_creep",
    "unresponsive",
    "unethical_request",
    "provider_changes",
]
SafetyLevel = Literal["threat", "uneasy"]
EngagementStatus = Literal["ongoing", "finished"]
Pattern = Literal["one_off", "occasional", "recurring"]
Remedy = Literal[
    "frank_conversation",
    "written_warning",
    "boundaries_reset",
    "scope_or_price_change",
    "payment_plan",
]
YesNoUnsure = Literal["yes", "no", "unsure"]
Outlook = Literal["likely", "unlikely", "unknown"]
TerminationClause = Literal["none", "notice", "cause_only", "unsure"]
DayKind = Literal["calendar", "business"]
WorkInProgress = Literal["none", "some", "critical"]
Asset = Literal[
    "files",
    "credentials",
    "domains_hosting",
    "accounts_billing",
    "records",
    "physical_property",
    "work_product",
    "clinical_records",
]
Depth = Literal["transactional", "ongoing", "close"]
Stakes = Literal["low", "medium", "high"]
Tone = Literal["warm", "neutral", "firm"]
REGULATED: frozenset[str] = frozenset(
    {"law", "accounting", "healthcare", "therapy", "construction"}
)


def _iso_date(value: Any) -> Any:
    """JSON has no date type: accept an ISO string as well as a YAML date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("must be a date written as YYYY-MM-DD") from None
    return value


def _date_in_range(value: dt.date) -> dt.date:
    # Far dates overflowed the calendar arithmetic (9999-12-31 + notice crashed the plan).
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueError("out of range")
    return value


def _yes_no(value: Any) -> Any:
    """YAML 1.1 reads an unquoted yes/no as a boolean; the user still meant yes/no."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def _no_duplicates(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_date_in_range)]
Name = Annotated[str, Field(max_length=NAME_MAX_CHARS)]

# Signals about the client that the client could put right: only these make "try a fix
# first" worth suggesting (the others are nobody's fault, or the provider's own change).
CLIENT_FIXABLE_SIGNALS: frozenset[str] = frozenset(
    {"behaviour_decline", "payment_problems", "boundary_violations", "scope_creep", "unresponsive"}
)


def _jurisdiction(value: Any) -> Any:
    """'' or a country the holidays calendars know, optionally with a subdivision."""
    if not isinstance(value, str) or value == "":
        return value
    code = value.strip().upper()
    country, _, subdivision = code.partition("-")
    import holidays  # only when a jurisdiction is given: the calendars are large

    supported = holidays.list_supported_countries()
    if country not in supported:
        raise ValueError(
            "must be a country code such as US, GB, DE, CA or AU, optionally with a region "
            "such as US-NY or GB-SCT"
        )
    if subdivision and subdivision not in supported[country]:
        raise ValueError(
            f"'{subdivision}' is not a region of {country}; known regions: "
            + ", ".join(supported[country])
        )
    return code


class KeyDeadline(BaseModel):
    """A date the client must not miss, which the plan names and keeps clear of."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    date: IsoDate
    what: str = Field(min_length=1, max_length=DEADLINE_WHAT_MAX_CHARS)

    @property
    def label(self) -> str:
        """What the deadline is, as the documents set it among their own words."""
        return contained(self.what)


# Codes in ISO 4217 that are not money one is paid in: gold, silver, platinum, palladium,
# the testing code, "no currency", and accounting units (SDR, bond-market units, ...).
_NOT_MONEY = frozenset(
    {"XAU", "XAG", "XPT", "XPD", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA"}
)


@functools.cache
def current_currencies() -> frozenset[str]:
    """The ISO 4217 codes of the currencies in use today: legal tender somewhere, with no
    end date, per Babel's CLDR data (so no HRK, no XXX, no funds codes such as CLF)."""
    from babel.core import get_global  # imported on use: start-up time

    return frozenset(
        code
        for held in get_global("territory_currencies").values()
        for code, _start, end, tender in held
        if end is None and tender and code not in _NOT_MONEY
    )


def _current_currency(code: str) -> str:
    # The letters are checked first (the field's pattern); then the code must be real money.
    if code not in current_currencies():
        raise ValueError("not a currency in use")
    return code


def _currency_digits(code: Any) -> int:
    """Decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD)."""
    from babel.numbers import get_currency_precision  # imported on use: start-up time

    # An unknown or malformed code (refused by its own field) rounds as cents.
    return get_currency_precision(code) if isinstance(code, str) else 2


class Answers(BaseModel):
    """Everything the wizard asks. Every field has the contract's default."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    profession: Profession = "general"
    jurisdiction: Annotated[str, BeforeValidator(_jurisdiction)] = ""
    signals: list[Signal] = Field(default_factory=lambda: list[Signal](["scope_creep"]))
    improper_request_insisted: bool = False
    safety_concern: bool = False
    # Only read with safety_concern; "threat" keeps the meaning of files written before
    # the level was asked.
    safety_level: SafetyLevel = "threat"
    client_in_crisis: bool = False
    client_in_crisis_until: IsoDate | None = None
    engagement_status: EngagementStatus = "ongoing"
    pattern: Pattern = "recurring"
    remedies_tried: list[Remedy] = Field(default_factory=list)
    remedies_exhausted: Annotated[YesNoUnsure, BeforeValidator(_yes_no)] = "yes"
    # A builder's written warning over late payment: whether work has since stopped under it
    # (added after schema 1 was published: a file without it is "unsure", which plans as
    # before, taking the warning to be the stop-work notice and saying so).
    work_stopped_by_notice: Annotated[YesNoUnsure, BeforeValidator(_yes_no)] = "unsure"
    conversation_outlook: Outlook = "unknown"
    has_contract: bool = True
    termination_clause: TerminationClause = "notice"
    notice_days: int = Field(default=30, ge=0, le=365)
    notice_day_kind: DayKind = "calendar"
    cure_days: int = Field(default=0, ge=0, le=90)
    # How the contract counts the cure period (added after schema 1 was published: a file
    # without it counts calendar days, as every plan did before).
    cure_day_kind: DayKind = "calendar"
    breach_summary: str = Field(default="", max_length=BREACH_SUMMARY_MAX_CHARS)
    outstanding_balance: float = Field(default=0, ge=0, le=1e12, allow_inf_nan=False)
    currency: Annotated[str, AfterValidator(_current_currency)] = Field(
        default="USD", pattern=r"^[A-Z]{3}$"
    )
    unearned_prepayment: bool = False
    unearned_amount: float = Field(default=0, ge=0, le=1e12, allow_inf_nan=False)
    work_in_progress: WorkInProgress = "none"
    client_assets: list[Asset] = Field(default_factory=list)
    court_matter_pending: bool = False
    confidentiality_terms: bool = False
    key_deadlines: list[KeyDeadline] = Field(default_factory=list, max_length=DEADLINES_MAX)
    relationship_months: int = Field(default=12, ge=0, le=1200)
    relationship_depth: Depth = "ongoing"
    critical_period: bool = False
    critical_period_ends: IsoDate | None = None
    # None means "the next business day after today", resolved by the engine.
    notice_date: IsoDate | None = None
    reputation_stakes: Stakes = "medium"
    client_depends_on_you: bool = False
    referral_available: bool = False
    preferred_channel: Channel = "email"
    tone: Tone = "neutral"
    your_name: Name = ""
    your_business: Name = ""
    client_name: Name = ""
    client_contact: Name = ""
    # The user's own version of the message; "" = use the draft.
    message_override: str = Field(default="", max_length=MESSAGE_MAX_CHARS)

    @field_validator("signals", "remedies_tried", "client_assets")
    @classmethod
    def _dedupe(cls, values: list[str]) -> list[str]:
        return _no_duplicates(values)

    @model_validator(mode="before")
    @classmethod
    def _money_in_whole_minor_units(cls, data: Any) -> Any:
        # An amount is money: 0.004 dollars is no balance at all, and must not become a
        # "$0.00 still due" in a letter. Rounded to the currency's own minor unit.
        if not isinstance(data, dict):
            return data
        digits = _currency_digits(data.get("currency", "USD"))
        rounded = dict(data)
        for field in ("outstanding_balance", "unearned_amount"):
            value = data.get(field)
            if isinstance(value, float) and math.isfinite(value):
                rounded[field] = round(value, digits)
        return rounded

    @field_validator("outstanding_balance", "unearned_amount", mode="before")
    @classmethod
    def _int_is_a_number(cls, value: Any) -> Any:
        # Strict mode refuses int for float; 250 is as good an amount as 250.0.
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value

    def for_file(self) -> dict[str, Any]:
        """Plain data in contract order, ready for YAML or JSON."""
        return self.model_dump(mode="json")


class AnswersFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    schema_version: int
    answers: Answers = Field(default_factory=Answers)


class AnswersError(ValueError):
    """A user-facing message that says what is wrong with an answers file."""


FIELD_NAMES: tuple[str, ...] = tuple(Answers.model_fields)


# --- plain-language errors ------------------------------------------------------------
# Every message names the field and what it accepts, in the contract's words, never the
# validator's ("Input should be a valid integer") or Python's ("holds a NoneType").

_SPECIAL_ALLOWED = {
    "currency": "a three-letter code such as USD, EUR or GBP",
    "jurisdiction": (
        "a country code such as US, GB, DE, CA or AU, optionally with a region such as "
        "US-NY or GB-SCT, or nothing"
    ),
    "key_deadlines": (
        f"a list of at most {DEADLINES_MAX} deadlines, each a date and what is due "
        f"(at most {DEADLINE_WHAT_MAX_CHARS} characters)"
    ),
}
_KINDS = {
    type(None): "empty",
    bool: "true or false",
    int: "a number",
    float: "a number",
    str: "a piece of text",
    list: "a list",
    dict: "a mapping",
}


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _options(values: tuple[Any, ...]) -> str:
    quoted = [f"'{v}'" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _plain_type(annotation: Any) -> Any:
    """The type under Annotated[...] and Optional[...]."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _plain_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _plain_type(args[0])
    return annotation


def allowed_values(name: str) -> str:
    """What a field accepts, in plain words ("a whole number from 0 to 365")."""
    if name in _SPECIAL_ALLOWED:
        return _SPECIAL_ALLOWED[name]
    field = Answers.model_fields[name]
    kind = _plain_type(field.annotation)
    limits = {type(m).__name__: m for m in field.metadata}
    low = getattr(limits.get("Ge"), "ge", None)
    high = getattr(limits.get("Le"), "le", None)
    span = ""
    if low is not None and high is not None:
        span = f" from {_number(low)} to {_number(high)}"
    if typing.get_origin(kind) is Literal:
        return "one of " + _options(typing.get_args(kind))
    if typing.get_origin(kind) is list:
        item = _plain_type(typing.get_args(kind)[0])
        if typing.get_origin(item) is Literal:
            return "a list of any of " + _options(typing.get_args(item))
        return "a list"
    if kind is bool:
        return "true or false"
    if kind is int:
        return "a whole number" + span
    if kind is float:
        return "an amount" + span
    if kind is dt.date:
        return f"a date written as YYYY-MM-DD, from {DATE_MIN} to {DATE_MAX}"
    if kind is str and "MaxLen" in limits:
        return f"text of at most {limits['MaxLen'].max_length:,} characters"
    return "text" if kind is str else "a value of the kind the answers format describes"


def _unknown_field(key: str) -> str:
    shown = shown_key(key)
    if shown is None:
        return "the file has a field name that is not part of the answers format"
    close = difflib.get_close_matches(key, FIELD_NAMES, n=1, cutoff=0.8)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{shown} is not a field of the answers format (check its spelling{hint})"


def _describe(error: Any) -> str:
    loc = [str(part) for part in error["loc"]]
    inside_answers = len(loc) > 1 and loc[0] == "answers"
    if inside_answers:
        loc = loc[1:]
    if error["type"] == "extra_forbidden":
        return _unknown_field(loc[-1])
    item = ""
    if len(loc) == 2 and loc[1].isdigit():  # one entry of a list field
        item = f" (entry {int(loc[1]) + 1})"
        loc = loc[:1]
    where = f"'{'.'.join(loc)}'{item}" if loc else "the file"
    if error["type"] == "missing":
        return f"{where} is missing"
    name = loc[0] if loc else ""
    if inside_answers and name in Answers.model_fields:
        allowed = allowed_values(name)
        if item and allowed.startswith("a list of any of "):
            allowed = "one of " + allowed.removeprefix("a list of any of ")
        found = ""
        if error["type"] == "string_too_long" and isinstance(error.get("input"), str):
            found = f" (this one has {len(error['input']):,})"
        if name == "currency" and error["type"] == "value_error":
            # Three capital letters (the pattern passed), so safe to repeat.
            found = f" ('{error['input']}' is not the code of a currency in use)"
        return f"{where} must be {allowed}{found}"
    if loc == ["answers"]:
        return "'answers' must be a mapping of field names to answers"
    return f"{where} has a value the answers format does not accept"


def _kind(value: Any) -> str:
    for kind, words in _KINDS.items():
        if isinstance(value, kind):
            return words
    return "something else"


def parse_answers_data(data: Any) -> Answers:
    """Validate already-parsed data (a dict) against the contract."""
    if data is None:
        raise AnswersError(
            "The file is empty. An answers file is a YAML mapping that starts with "
            "'schema_version: 1' and 'answers:'; save one from the review page to see the format."
        )
    if not isinstance(data, dict):
        raise AnswersError(
            "An answers file is a YAML mapping with 'schema_version: 1' and 'answers:'; "
            f"this one holds {_kind(data)}."
        )
    version = data.get("schema_version")
    if "schema_version" not in data:
        raise AnswersError("'schema_version' is missing; this format is 'schema_version: 1'.")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        shown = repr(version) if isinstance(version, int | float | str) else _kind(version)
        if len(shown) > 20:
            shown = shown[:20] + "…"
        raise AnswersError(
            f"'schema_version' is {shown}; this version of Partways reads schema_version 1."
        )
    if data.get("answers") is None and "answers" in data:
        data = {**data, "answers": {}}
    try:
        return AnswersFile.model_validate(data).answers
    except ValidationError as exc:
        problems = list(dict.fromkeys(_describe(e) for e in exc.errors()))
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise AnswersError(f"The answers file has a problem: {shown}{more}.") from None


def load_answers(data: bytes | str) -> Answers:
    """Read an answers file from untrusted bytes; raise AnswersError with one clear message."""
    try:
        parsed = load_untrusted(data)
    except UnsafeYamlError as exc:
        raise AnswersError(f"This is not a usable answers file: {exc}.") from None
    return parse_answers_data(parsed)


def dump_answers(answers: Answers) -> str:
    """The answers file text, as the wizard's 'Save answers' downloads it."""
    body = {"schema_version": SCHEMA_VERSION, "answers": answers.for_file()}
    return yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def number_bounds(field_name: str) -> tuple[float | None, float | None]:
    """(lowest, highest) allowed for a number field, read off the model's own constraints,
    so the wizard's inputs and the content never state a range of their own."""
    low = high = None
    for rule in Answers.model_fields[field_name].metadata:
        low = getattr(rule, "ge", None) if getattr(rule, "ge", None) is not None else low
        high = getattr(rule, "le", None) if getattr(rule, "le", None) is not None else high
    return low, high


# YAML 1.1 reads NEL, LS and PS as line breaks, so a name holding one came back changed
# (plain or single-quoted). Double quotes write them as escapes (\N, \L, \P) instead.
_YAML_BREAKS = frozenset("\x85\u2028\u2029")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _YAML_BREAKS.intersection(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)
