"""A building job that ends mid-way: work is "stopped" only where the stop-work steps ran
(non-payment alone). After a threat or an insisted request the ending comes at once, so the
plan never says the work is stopped or the site already secured; every ending that leaves a
site mid-way has a dated step to leave it safe, recorded and ready for another builder; and
a wait after a stop-work notice does not tell the builder to keep working unpaid."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

BUILDER: dict[str, Any] = dict(
    profession="construction", work_in_progress="some", notice_date=dt.date(2026, 12, 8)
)


def plan_for(**answers: Any):
    return build_plan(Answers(**BUILDER, **answers), load_content(), today=dt.date(2026, 12, 7))


def everything(plan) -> str:
    parts = [plan.message.body, *(c.text for c in plan.constraints)]
    parts += [i.text for g in plan.checklist for i in g.items]
    parts += [s.detail for s in plan.timeline]
    return "\n".join(parts)


@pytest.mark.parametrize(
    "answers",
    [
        dict(signals=["payment_problems"], safety_concern=True, safety_level="threat",
             notice_days=14, outstanding_balance=31000),
        dict(signals=["unethical_request", "payment_problems"], improper_request_insisted=True,
             outstanding_balance=12000),
    ],
    ids=["threat", "insisted"],
)  # fmt: skip
def test_an_ending_that_comes_at_once_never_says_work_is_stopped(answers) -> None:
    plan = plan_for(**answers)
    text = everything(plan)
    assert "work is stopped" not in text
    assert "work stays stopped" not in text
    assert "The site is secured" not in plan.message.body
    ids = [i.id for g in plan.checklist for i in g.items]
    # The site is left safe: at the end, or after a threat on the day of notice (review 12).
    assert {"site_handover", "site_leave_now"} & set(ids) and "site_secured" not in ids


def test_every_ending_mid_job_leaves_the_site_safe_before_the_end() -> None:
    plan = plan_for(signals=["unresponsive"], remedies_tried=["written_warning"])
    item = next(i for g in plan.checklist for i in g.items if i.id == "site_handover")
    assert item.due < plan.recommendation.effective_date
    assert "photograph its state" in item.text


def test_a_wait_after_a_stop_work_notice_does_not_mean_working_unpaid() -> None:
    plan = plan_for(
        signals=["payment_problems"], outstanding_balance=9000, client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 1, 20),
    )  # fmt: skip
    hold = next(s for s in plan.timeline if s.id == "hold")
    assert "Keep working as agreed" not in hold.detail
    assert "stop-work notice" in hold.detail
