"""Sample answers for checking content at load time: every template is rendered against
these, so a misspelt variable fails when content loads rather than in front of a user."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

from wizard.answers import STRATEGIES, Answers
from wizard.context import full_context, message_context
from wizard.models import Recommendation

if TYPE_CHECKING:
    from wizard.content import Content

SAMPLE_ANSWERS = (
    Answers(notice_date=dt.date(2026, 12, 1)),
    Answers(
        profession="law",
        signals=["payment_problems"],
        court_matter_pending=True,
        outstanding_balance=1250.5,
        unearned_prepayment=True,
        client_assets=["records", "domains_hosting"],
        confidentiality_terms=True,
        critical_period=True,
        critical_period_ends=dt.date(2026, 12, 20),
        your_name="Sam",
        your_business="Rivera Studio",
        client_name="Northwind",
        client_contact="Alex",
        tone="warm",
        relationship_months=40,
        notice_date=dt.date(2026, 12, 5),
    ),
    Answers(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        has_contract=False,
        tone="firm",
        relationship_depth="close",
        pattern="one_off",
        relationship_months=1,
        notice_date=dt.date(2026, 12, 7),
    ),
)


def sample_contexts(content: Content) -> list[dict[str, Any]]:
    """A context per sample x strategy x readiness x channel, with snippets rendered."""
    contexts = []
    channels = ("email", "letter", "phone")
    # Each sample meets each strategy once, with readiness and channel rotating alongside:
    # enough to reach every branch's variables without a full cross product at load time.
    combos = zip(STRATEGIES, ("proceed", "repair_first", "wait"), channels, strict=True)
    for answers, (strategy, readiness, channel) in itertools.product(SAMPLE_ANSWERS, list(combos)):
        rec = Recommendation(
            strategy=strategy,
            readiness=readiness,
            scores={s: 1.0 for s in STRATEGIES},
            reasons=["r"],
            warnings=[],
            channel=channel,
            follow_up_call=True,
            written_notice=True,
            notice_date=dt.date(2026, 12, 1),
            effective_date=dt.date(2026, 12, 31),
            constraints=["contract_notice", "confidentiality"],
            checklist=[],
            next_remedy="frank_conversation" if readiness == "repair_first" else None,
        )
        ctx = full_context(answers, rec, content)
        ctx.update(titles="x", score="1", chosen_score="2")
        name = "repair" if readiness == "repair_first" else strategy
        contexts.append(message_context(ctx, content, name))
    return contexts
