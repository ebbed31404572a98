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
    """A way out that ranked lower, with one plain sentence on why. No score: a number
    reads as more precise than the advice is."""

    strategy: Strategy
    label: str
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


DraftRole = Literal["main", "confirmation", "exit_later"]


class MessageDraft(_Frozen):
    kind: MessageKind
    channel: Channel
    subject: str
    # "Subject: ..." when the kind of message has a subject line (email, letter); None for
    # talking points, so no view has to decide whether a subject applies.
    subject_line: str | None
    body: str
    # main = the first contact; confirmation = the written notice after a call or meeting;
    # exit_later = the notice to send if a repair attempt does not work.
    role: DraftRole = "main"
    title: str = ""
    send_on_text: str = ""
    # The drafted text when the user's own version (message_override) replaced it, so a
    # view can offer to go back to the draft; None when the body is the draft.
    drafted_body: str | None = None

    @property
    def draft(self) -> str:
        return self.body if self.drafted_body is None else self.drafted_body


class LogRow(_Frozen):
    date: str
    channel: str
    what: str
    who: str
    # Rows the plan expects to happen: shown as "planned", to be confirmed by hand.
    planned: bool = False
    status: str = ""


class FactRow(_Frozen):
    """One line of "Facts this plan assumes": what an adviser checks first."""

    label: str
    value: str


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
    watch_out: str
    facts: str
    facts_hint: str
    timeline: str
    column_date: str
    column_step: str
    column_detail: str
    checklist: str
    message: str
    message_hint: str
    message_confirmation: str
    message_exit_later: str
    follow_up_script: str
    log: str
    log_hint: str
    column_how: str
    column_what: str
    column_who: str
    reflection: str
    # "Page {page} of {pages}": the renderer fills in the numbers.
    page_footer: str
    private_mark: str
    # Appended to the running header on a page where a message carries on.
    continued: str
    draft_send_on: str
    download_pdf: str
    download_docx: str
    download_ics: str
    build_busy: str
    too_long: str


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
    # Further drafts: the written confirmation of a spoken notice, or the notice kept ready
    # for when a repair attempt does not work.
    further_messages: list[MessageDraft] = []
    message_intro: str
    follow_up_script: str | None
    documentation_log: list[LogRow]
    reflection: list[str]
    disclaimer: str
    # One line for the first page; the full disclaimer closes the document.
    disclaimer_line: str = ""
    # "Facts this plan assumes": clause, notice, balance, refund, deadlines, what is held.
    facts: list[FactRow] = []
    # "Private — not for the client · Plan made ...": on every page of every document.
    footer_text: str = ""
    # Download names without extension, safe for any file system: "exit-plan-northwind-2026-12-01".
    file_stem: str = "exit-plan"
    labels: PlanLabels

    @property
    def messages(self) -> list[MessageDraft]:
        """Every draft, the main one first."""
        return [self.message, *self.further_messages]

    def with_message_body(self, body: str) -> Plan:
        """The same plan with the user's edited message text."""
        return self.model_copy(update={"message": self.message.model_copy(update={"body": body})})
