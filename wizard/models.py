"""What the engine and the plan builder produce. The UI and the PDF only render these."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from wizard.vocabulary import Channel, Readiness, Strategy

Phase = Literal["before_notice", "at_notice", "during_notice", "after_end"]
MessageKind = Literal["email", "letter", "talking_points"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChecklistItem(_Frozen):
    id: str
    text: str
    due: dt.date
    phase: Phase = "before_notice"


class Recommendation(_Frozen):
    """The contract's recommendation object (shared/spec/answers.md)."""

    strategy: Strategy
    readiness: Readiness
    scores: dict[Strategy, float]
    reasons: list[str]
    warnings: list[str]
    channel: Channel
    follow_up_call: bool
    written_notice: bool
    notice_date: dt.date
    effective_date: dt.date
    # "court_permission" when the end takes effect only once a court allows it; the
    # effective date is then the earliest planned date.
    effective_condition: Literal["court_permission"] | None
    # The notice the plan gives, counted as the contract counts (calendar or business
    # days), and the least the contract or professional rules require.
    notice_days: int
    notice_days_minimum: int
    constraints: list[str]
    warning_ids: list[str]
    checklist: list[ChecklistItem]
    # Not in the JSON contract: what to do first when readiness is repair_first.
    next_remedy: str | None = None
    # Ids of the rules that fired, in order: for explanations and tests.
    fired_rules: list[str] = []

    def contract_json(self) -> dict:
        """Exactly the fields the contract lists, in its order."""
        data = self.model_dump(mode="json")
        data["checklist"] = [
            {"id": item["id"], "text": item["text"], "due": item["due"]}
            for item in data["checklist"]
        ]
        for extra in ("next_remedy", "fired_rules"):
            data.pop(extra)
        return data


class Alternative(_Frozen):
    strategy: Strategy
    label: str
    score: float
    why_lower: list[str]


class ConstraintNote(_Frozen):
    id: str
    title: str
    text: str


class TimelineStep(_Frozen):
    id: str
    date: dt.date
    date_text: str
    title: str
    detail: str


class PlanItem(_Frozen):
    """One checklist line as the plan shows it: the engine's item with its date worded."""

    id: str
    text: str
    due: dt.date
    due_text: str


class ChecklistGroup(_Frozen):
    phase: Phase
    title: str
    items: list[PlanItem]


class MessageDraft(_Frozen):
    kind: MessageKind
    channel: Channel
    subject: str
    # "Subject: ..." when the kind of message has a subject line (email, letter); None for
    # talking points, so no view has to decide whether a subject applies.
    subject_line: str | None
    body: str


class LogRow(_Frozen):
    date: str
    channel: str
    what: str
    who: str


class GlanceRow(_Frozen):
    """One line of the "At a glance" box: a label and its worded value."""

    label: str
    value: str


class PlanLabels(_Frozen):
    """Every fixed word a plan view shows (headings, column names, hints), from content."""

    kicker: str
    recommendation: str
    timing: str
    glance: str
    why: str
    alternatives: str
    musts: str
    timeline: str
    column_date: str
    column_step: str
    column_detail: str
    checklist: str
    message: str
    message_hint: str
    follow_up_script: str
    log: str
    log_hint: str
    column_how: str
    column_what: str
    column_who: str
    reflection: str
    # "Page {page} of {pages}": the renderer fills in the numbers.
    page_footer: str


class Plan(_Frozen):
    """Everything a reader needs, already worded and dated. Views render this and nothing
    else: they word nothing and work nothing out themselves."""

    title: str
    summary: str
    client_name: str
    prepared_for: str
    prepared_line: str
    prepared_on: dt.date
    running_header: str
    document_author: str
    document_subject: str
    recommendation: Recommendation
    strategy_label: str
    strategy_explanation: str
    readiness_label: str
    readiness_explanation: str
    first_step: str | None
    channel_label: str
    at_a_glance: list[GlanceRow]
    reasons: list[str]
    alternatives: list[Alternative]
    warnings: list[str]
    constraints: list[ConstraintNote]
    timeline: list[TimelineStep]
    checklist: list[ChecklistGroup]
    message: MessageDraft
    message_intro: str
    follow_up_script: str | None
    documentation_log: list[LogRow]
    reflection: list[str]
    disclaimer: str
    labels: PlanLabels

    def with_message_body(self, body: str) -> Plan:
        """The same plan with the user's edited message text."""
        return self.model_copy(update={"message": self.message.model_copy(update={"body": body})})
