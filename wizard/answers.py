"""The answers contract (shared/spec/answers.md) as pydantic models.

Field ids and values here are a public format: saved files, shared links and tests
depend on them. Content may add questions; it may not rename or drop these.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from wizard.safe_yaml import UnsafeYamlError, load_untrusted
from wizard.vocabulary import STRATEGIES, Channel, Readiness, Strategy

__all__ = ["STRATEGIES", "Channel", "Readiness", "Strategy"]  # re-exported: contract words

SCHEMA_VERSION = 1

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
]
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


def _yes_no(value: Any) -> Any:
    """YAML 1.1 reads an unquoted yes/no as a boolean; the user still meant yes/no."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def _no_duplicates(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Answers(BaseModel):
    """Everything the wizard asks. Every field has the contract's default."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    profession: Profession = "general"
    signals: list[Signal] = Field(default_factory=lambda: ["scope_creep"])
    safety_concern: bool = False
    client_in_crisis: bool = False
    pattern: Pattern = "recurring"
    remedies_tried: list[Remedy] = Field(default_factory=list)
    remedies_exhausted: Annotated[YesNoUnsure, BeforeValidator(_yes_no)] = "yes"
    conversation_outlook: Outlook = "unknown"
    has_contract: bool = True
    termination_clause: TerminationClause = "notice"
    notice_days: int = Field(default=30, ge=0, le=365)
    notice_day_kind: DayKind = "calendar"
    outstanding_balance: float = Field(default=0, ge=0, le=1e12, allow_inf_nan=False)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    unearned_prepayment: bool = False
    work_in_progress: WorkInProgress = "none"
    client_assets: list[Asset] = Field(default_factory=list)
    court_matter_pending: bool = False
    confidentiality_terms: bool = False
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
    your_name: str = ""
    your_business: str = ""
    client_name: str = ""
    client_contact: str = ""

    @field_validator("signals", "remedies_tried", "client_assets")
    @classmethod
    def _dedupe(cls, values: list[str]) -> list[str]:
        return _no_duplicates(values)

    @field_validator("outstanding_balance", mode="before")
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


def _describe(error: dict[str, Any]) -> str:
    loc = [str(part) for part in error["loc"]]
    if len(loc) > 1 and loc[0] == "answers":
        loc = loc[1:]
    item = ""
    if len(loc) == 2 and loc[1].isdigit():  # one entry of a list field
        item = f" (entry {int(loc[1]) + 1})"
        loc = loc[:1]
    where = f"'{'.'.join(loc)}'{item}" if loc else "the file"
    if error["type"] == "extra_forbidden":
        return f"{where} is not a field of the answers format (check its spelling)"
    if error["type"] == "missing":
        return f"{where} is missing"
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}"


def parse_answers_data(data: Any) -> Answers:
    """Validate already-parsed data (a dict) against the contract."""
    if not isinstance(data, dict):
        raise AnswersError(
            "An answers file is a YAML mapping with 'schema_version: 1' and 'answers:'; "
            f"this one holds a {type(data).__name__}."
        )
    version = data.get("schema_version")
    if "schema_version" not in data:
        raise AnswersError("'schema_version' is missing; this format is 'schema_version: 1'.")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise AnswersError(
            f"'schema_version' is {version!r}; this version of Partways reads schema_version 1."
        )
    if data.get("answers") is None and "answers" in data:
        data = {**data, "answers": {}}
    try:
        return AnswersFile.model_validate(data).answers
    except ValidationError as exc:
        problems = [_describe(e) for e in exc.errors()]
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
    return yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def number_bounds(field_name: str) -> tuple[float | None, float | None]:
    """(lowest, highest) allowed for a number field, read off the model's own constraints,
    so the wizard's inputs and the content never state a range of their own."""
    low = high = None
    for rule in Answers.model_fields[field_name].metadata:
        low = getattr(rule, "ge", None) if getattr(rule, "ge", None) is not None else low
        high = getattr(rule, "le", None) if getattr(rule, "le", None) is not None else high
    return low, high
