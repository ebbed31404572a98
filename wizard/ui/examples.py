"""Example situations to try from the welcome screen. Each one fills every answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wizard.answers import Answers


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    blurb: str
    # Plain data until the example is used: the welcome screen stays free of the
    # answers model, so the first page appears before the decision core has loaded.
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def answers(self) -> Answers:
        from wizard.answers import Answers

        return Answers(**self.fields)


EXAMPLES: tuple[Example, ...] = (
    Example(
        id="late_payer",
        title="A client who keeps paying late",
        blurb="A designer, three overdue invoices, reminders and a payment plan already tried.",
        fields=dict(
            profession="general",
            signals=["payment_problems", "unresponsive"],
            pattern="recurring",
            remedies_tried=["written_warning", "payment_plan"],
            remedies_exhausted="yes",
            conversation_outlook="unknown",
            has_contract=True,
            termination_clause="notice",
            notice_days=14,
            notice_day_kind="calendar",
            outstanding_balance=2400.0,
            currency="EUR",
            work_in_progress="some",
            client_assets=["files"],
            relationship_months=18,
            relationship_depth="ongoing",
            reputation_stakes="medium",
            preferred_channel="email",
            tone="neutral",
            your_name="Sam Rivera",
            your_business="Rivera Studio",
            client_name="Harbour Lane Bakery",
            client_contact="Jo Martin",
        ),
    ),
    Example(
        id="outgrown",
        title="A client who needs skills you don't offer",
        blurb="A long, friendly relationship; their product has moved beyond your field.",
        fields=dict(
            profession="general",
            signals=["needs_beyond_expertise", "goal_misalignment"],
            pattern="recurring",
            remedies_tried=["frank_conversation"],
            remedies_exhausted="yes",
            conversation_outlook="likely",
            has_contract=True,
            termination_clause="notice",
            notice_days=30,
            notice_day_kind="calendar",
            currency="GBP",
            work_in_progress="some",
            client_assets=["files", "credentials", "domains_hosting"],
            relationship_months=36,
            relationship_depth="close",
            client_depends_on_you=True,
            referral_available=True,
            reputation_stakes="high",
            preferred_channel="video",
            tone="warm",
            your_name="Priya Shah",
            your_business="Shah Web Works",
            client_name="Greenfield Outdoor Co",
            client_contact="Dana Price",
        ),
    ),
    Example(
        id="threatening",
        title="A therapist whose client has become threatening",
        blurb="Boundaries restated, then threats; you no longer feel safe in a session.",
        fields=dict(
            profession="therapy",
            signals=["behaviour_decline", "boundary_violations"],
            safety_concern=True,
            pattern="recurring",
            remedies_tried=["boundaries_reset", "written_warning"],
            remedies_exhausted="yes",
            conversation_outlook="unlikely",
            has_contract=True,
            termination_clause="notice",
            notice_days=7,
            notice_day_kind="calendar",
            currency="USD",
            work_in_progress="none",
            client_assets=["records"],
            confidentiality_terms=True,
            relationship_months=8,
            relationship_depth="ongoing",
            reputation_stakes="low",
            preferred_channel="in_person",
            tone="firm",
            your_name="Dr. Morgan Lee",
            your_business="Lee Counselling",
            client_name="R. Client",
            client_contact="R. Client",
        ),
    ),
)


def example_by_id(example_id: str) -> Example:
    return next(example for example in EXAMPLES if example.id == example_id)
