"""In care, every part of the plan speaks of care: no invoice, no exported data, no scope
and fees, no "critical work", wherever a commercial plan would say them."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

COMMERCE = ("invoice", "Export the client", "smaller scope", "new fees", "Critical work")


def all_words(plan) -> str:
    parts = [plan.summary, *plan.reasons, *plan.recommendation.warnings]
    parts += [m.body for m in plan.messages]
    parts += [i.text for g in plan.checklist for i in g.items]
    parts += [f"{s.title} {s.detail}" for s in plan.timeline]
    parts += [c.text for c in plan.constraints]
    return "\n".join(parts)


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
@pytest.mark.parametrize(
    "answers",
    [
        dict(signals=["scope_creep"], remedies_exhausted="no", conversation_outlook="likely"),
        dict(signals=["goal_misalignment"], work_in_progress="critical",
             client_assets=["records", "files"]),
    ],
    ids=["scope_repair", "critical_care"],
)  # fmt: skip
def test_no_commercial_words_in_a_plan_for_care(profession: str, answers: dict) -> None:
    plan = build_plan(
        Answers(profession=profession, notice_date=dt.date(2026, 12, 8), **answers),
        load_content(),
        today=dt.date(2026, 12, 7),
    )
    text = all_words(plan)
    for word in COMMERCE:
        assert word not in text, word
