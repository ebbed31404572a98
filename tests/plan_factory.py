"""A realistic Plan built by hand, for renderer tests and the PDF benchmark.

It does not go through the engine on purpose: the PDF must render whatever a Plan holds,
so tests can push odd text into any field with `make_plan(client_name=...)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.content import load_content
from wizard.models import (
    Alternative,
    ChecklistGroup,
    ChecklistItem,
    ConstraintNote,
    FactRow,
    GlanceRow,
    LogRow,
    MessageDraft,
    Plan,
    PlanItem,
    Recommendation,
    TimelineStep,
)

PREPARED_ON = dt.date(2026, 11, 27)
NOTICE = dt.date(2026, 12, 1)
EFFECTIVE = dt.date(2026, 12, 31)

_BODY = """Dear Marta,

Thank you for the work we have done together on the Harbour Street renovation over the past \
two years. After a lot of thought, I have decided to end our engagement, and I am giving you \
30 days' notice under clause 9 of our agreement. My last working day on your account will be \
Thu 31 Dec 2026.

Before then I will finish the drawings for phase two, send you a full handover pack with the \
project files and supplier contacts, and transfer the hosting account to you.

The invoice of 14 October (EUR 2,450) is still open; I would be grateful if it could be \
settled by the end date.

I wish you every success with the project.

Kind regards,
Sam Rivera"""

_SCRIPT = """Open: thank them for their time and say why you are calling.
Confirm: the end date (Thu 31 Dec 2026) and what you will hand over.
Listen: let them ask questions; do not reopen the decision.
Close: agree on how to reach each other until the end date."""


def _item(item_id: str, text: str, due: dt.date, phase: str) -> PlanItem:
    return PlanItem(id=item_id, text=text, due=due, due_text=short_date(due))


def short_date(day: dt.date) -> str:
    """How the plan builder words a date ("Tue 1 Dec 2026"), locale-free."""
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{days[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def step(step_id: str, day: dt.date, title: str, detail: str) -> TimelineStep:
    return TimelineStep(id=step_id, date=day, date_text=short_date(day), title=title, detail=detail)


def message(body: str, subject: str = "", kind: str = "email") -> MessageDraft:
    """A draft as the plan builder makes it: talking points have no subject line."""
    channel = {"email": "email", "letter": "letter", "talking_points": "phone"}[kind]
    line = None if kind == "talking_points" else f"Subject: {subject}"
    return MessageDraft(
        kind=kind,
        channel=channel,
        subject=subject,  # type: ignore[arg-type]
        subject_line=line,
        body=body,
        title="Your message",
        send_on_text="Tue 1 Dec 2026",
    )


def _checklist() -> list[ChecklistGroup]:
    day = dt.timedelta(days=1)
    return [
        ChecklistGroup(
            phase="before_notice",
            title="Before you give notice",
            items=[
                _item(
                    "reread_contract",
                    "Re-read the termination clause and notice period.",
                    NOTICE - 4 * day,
                    "before_notice",
                ),
                _item(
                    "list_wip",
                    "List work in progress and what can be finished in time.",
                    NOTICE - 3 * day,
                    "before_notice",
                ),
                _item(
                    "backup",
                    "Back up project files and your correspondence.",
                    NOTICE - 2 * day,
                    "before_notice",
                ),
            ],
        ),
        ChecklistGroup(
            phase="at_notice",
            title="On the day you give notice",
            items=[
                _item(
                    "send_notice", "Send the written notice and keep a copy.", NOTICE, "at_notice"
                ),
                _item(
                    "log_notice",
                    "Record the date, channel and reply in the log.",
                    NOTICE,
                    "at_notice",
                ),
            ],
        ),
        ChecklistGroup(
            phase="during_notice",
            title="During the notice period",
            items=[
                _item(
                    "finish_phase",
                    "Finish the phase-two drawings.",
                    NOTICE + 14 * day,
                    "during_notice",
                ),
                _item(
                    "handover",
                    "Send the handover pack: files, contacts, open questions.",
                    EFFECTIVE - 5 * day,
                    "during_notice",
                ),
                _item(
                    "transfer_hosting",
                    "Transfer the hosting account and revoke your access.",
                    EFFECTIVE - 2 * day,
                    "during_notice",
                ),
            ],
        ),
        ChecklistGroup(
            phase="after_end",
            title="After the end date",
            items=[
                _item(
                    "final_invoice",
                    "Send the final invoice and a statement of account.",
                    EFFECTIVE + day,
                    "after_end",
                ),
                _item(
                    "archive",
                    "Archive the records for the period your rules require.",
                    EFFECTIVE + 7 * day,
                    "after_end",
                ),
            ],
        ),
    ]


def _timeline() -> list[TimelineStep]:
    day = dt.timedelta(days=1)
    return [
        step(
            "prepare",
            NOTICE - 4 * day,
            title="Prepare",
            detail="Re-read the contract, list open work and back up files.",
        ),
        step(
            "notice",
            NOTICE,
            title="Give written notice",
            detail="Send the email below; follow up with a short call the same day.",
        ),
        step(
            "call",
            NOTICE + 2 * day,
            title="Follow-up call",
            detail="Confirm the end date and the handover; keep it short and kind.",
        ),
        step(
            "finish",
            NOTICE + 14 * day,
            title="Finish committed work",
            detail="Deliver the phase-two drawings promised before notice.",
        ),
        step(
            "handover",
            EFFECTIVE - 5 * day,
            title="Handover",
            detail="Files, supplier contacts, passwords through the client's own "
            "manager, and a list of open questions.",
        ),
        step(
            "end",
            EFFECTIVE,
            title="Relationship ends",
            detail="Access removed, hosting transferred, final invoice ready.",
        ),
        step(
            "close",
            EFFECTIVE + 7 * day,
            title="Close the file",
            detail="Archive records; note what you would do differently.",
        ),
    ]


def _recommendation() -> Recommendation:
    items = [
        ChecklistItem(id=item.id, text=item.text, due=item.due, phase=group.phase)
        for group in _checklist()
        for item in group.items
    ]
    return Recommendation(
        strategy="communicate",
        readiness="proceed",
        scores={"communicate": 0.72, "quiet_exit": 0.31, "transition": 0.48},
        reasons=["Repeated scope creep after two boundary resets."],
        warnings=["An invoice is still unpaid."],
        channel="email",
        follow_up_call=True,
        written_notice=True,
        notice_date=NOTICE,
        effective_date=EFFECTIVE,
        effective_condition=None,
        notice_days=30,
        notice_days_minimum=30,
        constraints=["notice_period"],
        warning_ids=["unpaid_invoice"],
        checklist=items,
    )


def make_plan(**overrides: Any) -> Plan:
    """A typical plan; keyword arguments replace top-level Plan fields."""
    data: dict[str, Any] = dict(
        title="Exit plan for Marta Jensen (Harbour Street Ltd)",
        summary=(
            "You have tried to reset the scope twice and the pattern continues. The contract "
            "allows you to leave with 30 days' written notice, so the cleanest way out is a "
            "clear, courteous message followed by a short call and an orderly handover."
        ),
        client_name="Marta Jensen (Harbour Street Ltd)",
        prepared_for="Sam Rivera",
        prepared_on=PREPARED_ON,
        recommendation=_recommendation(),
        strategy_label="Communicate openly",
        strategy_explanation=(
            "Tell the client plainly that you are ending the engagement, why in one "
            "sentence, and what happens next."
        ),
        readiness_label="Ready to proceed",
        readiness_explanation="You have tried the usual remedies; nothing suggests waiting.",
        first_step=None,
        channel_label="Email, then a short call",
        reasons=[
            "Scope has grown after two attempts to reset it, so the pattern is recurring.",
            "Your contract allows termination with 30 days' written notice.",
            "The relationship is long and ongoing: a personal, clear message protects it.",
        ],
        alternatives=[
            Alternative(
                strategy="transition",
                label="Transition to another provider",
                why_lower=[
                    "The client does not depend on you for anything a new provider must take over."
                ],
            ),
            Alternative(
                strategy="quiet_exit",
                label="Quiet exit",
                why_lower=[
                    "A quiet exit is hard to do well in a close, long relationship.",
                ],
            ),
        ],
        warnings=[
            "An invoice of EUR 2,450 is unpaid: mention it once, factually, and do not "
            "hold files back over it.",
        ],
        constraints=[
            ConstraintNote(
                id="notice_period",
                title="Notice period in your contract",
                text="Clause 9 requires 30 days' written notice. Count the days "
                "from the date the client receives it.",
            ),
        ],
        timeline=_timeline(),
        checklist=_checklist(),
        message=message(_BODY, "Ending our engagement on 31 December"),
        message_intro="A draft for your email. Edit it here; the downloads use your version.",
        prepared_line="Prepared for Sam Rivera · Friday 27 November 2026",
        running_header="Partways · Exit plan for Marta Jensen (Harbour Street Ltd)",
        document_author="Sam Rivera",
        document_subject="How to end the relationship: Communicate openly",
        at_a_glance=[
            GlanceRow(label="Recommended way out", value="Communicate openly"),
            GlanceRow(label="Timing", value="Ready to proceed"),
            GlanceRow(label="How to tell them", value="Email, then a short call"),
            GlanceRow(label="Give notice on", value=short_date(NOTICE)),
            GlanceRow(label="Relationship ends", value=short_date(EFFECTIVE)),
            GlanceRow(label="Follow-up call", value="Yes"),
            GlanceRow(label="Written notice", value="Yes"),
        ],
        # The renderers' fixed words come from content, as in a real plan.
        labels=load_content().plan.labels,
        follow_up_script=_SCRIPT,
        documentation_log=[
            LogRow(
                date="2026-10-02",
                channel="Email",
                what="Agreed the phase-two scope in writing.",
                who="Sam",
            ),
            LogRow(
                date="2026-10-20",
                channel="Call",
                what="Client asked for extra site visits outside the scope; declined politely.",
                who="Sam",
            ),
        ],
        facts=[
            FactRow(label="Contract", value="Notice clause: 30 calendar days (clause 9)"),
            FactRow(label="End date", value="Thursday 31 December 2026"),
            FactRow(label="Balance outstanding", value="€2,450.00"),
        ],
        footer_text="Private — not for the client · Plan made Friday 27 November 2026",
        disclaimer_line="Practical guidance, not legal advice.",
        reflection=[
            "What early signs did you notice, and when?",
            "Which boundary would you set in writing from the start next time?",
            "What would you want this client to say about you a year from now?",
        ],
        disclaimer=(
            "This plan is general guidance, not legal, financial or professional advice. "
            "Check your contract and your professional rules, and ask a qualified adviser "
            "if anything is unclear."
        ),
    )
    data.update(overrides)
    return Plan(**data)


def plan_for(client: str, **overrides: Any) -> Plan:
    """A typical plan for this client name, in every place the plan builder puts it."""
    data: dict[str, Any] = dict(
        client_name=client,
        title=f"Exit plan for {client}",
        running_header=f"Partways · Exit plan for {client}",
    )
    data.update(overrides)
    return make_plan(**data)
