"""Properties of the engine and plan builder over any valid answers."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.contract import CONTRACT_KEYS
from tests.strategies import answers
from wizard.answers import REGULATED, Answers
from wizard.content import load_content
from wizard.dates import add_days, is_business_day, next_business_day_on_or_after
from wizard.engine import decide, effective_answers, recommend
from wizard.plan import build_plan

CONTENT = load_content()
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
ASSET_TRANSFER = {"domains_hosting", "accounts_billing", "credentials"}


def _index(items, attr: str) -> dict[str, dt.date]:
    return {item.id: getattr(item, attr) for item in items}


@SETTINGS
@given(answers())
def test_recommendation_invariants(a: Answers):
    rec = recommend(a, CONTENT)
    eff = effective_answers(a, CONTENT)
    planned = a.notice_date
    assert planned is not None

    assert rec.strategy in ("communicate", "quiet_exit", "transition")
    assert rec.readiness in ("proceed", "repair_first", "wait")
    assert rec.reasons and all(reason.strip() for reason in rec.reasons)
    assert rec.notice_date >= planned
    assert is_business_day(rec.notice_date)
    assert rec.effective_date >= rec.notice_date
    assert len(rec.constraints) == len(set(rec.constraints))

    data = rec.contract_json()
    assert list(data) == CONTRACT_KEYS
    assert json.loads(json.dumps(data)) == data

    # (a) safety: written contact only, no call.
    if a.safety_concern:
        assert rec.channel in ("email", "letter")
        assert rec.follow_up_call is False
        assert "safety_no_meeting" in rec.constraints
    # (b) a one-off with nothing tried: repair first.
    if a.pattern == "one_off" and not a.remedies_tried and not a.safety_concern:
        assert rec.readiness == "repair_first"
        assert rec.next_remedy
    # (c) regulated professions never step back quietly.
    if a.profession in REGULATED:
        assert rec.strategy != "quiet_exit"
    # (d) a lawyer with a matter before a court needs its permission.
    if a.profession == "law" and a.court_matter_pending:
        assert "court_permission" in rec.constraints
    elif "court_permission" in rec.constraints:
        raise AssertionError("court_permission only applies to lawyers with a court matter")
    # (e) unearned prepayments are refunded.
    assert ("refund_unearned" in rec.constraints) == a.unearned_prepayment
    # (f) transfer ownership before revoking access.
    if ASSET_TRANSFER & set(a.client_assets):
        assert "transfer_before_revoke" in rec.constraints
    # (g) a quiet exit under a contract still gives written notice.
    if rec.strategy == "quiet_exit" and a.has_contract:
        assert rec.written_notice is True
    # (h) critical period: notice after it ends.
    ends = eff.critical_period_ends
    if a.critical_period and ends is not None and ends >= planned and not a.safety_concern:
        assert rec.notice_date > ends
        assert rec.readiness in ("wait", "repair_first")
    # (i) safety: proceed now, no holds.
    if a.safety_concern:
        assert rec.readiness == "proceed"
        assert rec.notice_date == next_business_day_on_or_after(planned)
    # Effective date: the contract's period, counted as written (care floor aside).
    if a.has_contract and a.termination_clause == "notice":
        by_contract = add_days(rec.notice_date, a.notice_days, a.notice_day_kind)
        if a.profession in ("healthcare", "therapy") and not a.safety_concern:
            floor = rec.notice_date + dt.timedelta(days=30)
            assert rec.effective_date == max(by_contract, floor)
        else:
            assert rec.effective_date == by_contract
        assert "contract_notice" in rec.constraints
    else:
        assert "contract_notice" not in rec.constraints
    # Never a quiet exit before any attempt at talking, unless talking is off the table.
    if rec.strategy == "quiet_exit":
        assert (
            a.remedies_tried
            or a.conversation_outlook == "unlikely"
            or a.safety_concern
            or {"unresponsive", "unethical_request", "behaviour_decline", "boundary_violations"}
            & set(a.signals)
        )


@SETTINGS
@given(answers())
def test_plan_builds_for_any_answers(a: Answers):
    today = dt.date(2026, 1, 15)
    plan = build_plan(a, CONTENT, today=today)
    rec = plan.recommendation
    assert plan.message.body.strip()
    # User text is data: it appears as typed, and nothing else is left unrendered.
    body = plan.message.body
    for name in sorted(
        (a.your_name, a.your_business, a.client_name, a.client_contact), key=len, reverse=True
    ):
        if name.strip():
            body = body.replace(name.strip(), "")
    assert "{{" not in body and "{%" not in body
    assert plan.message.subject.strip()
    assert plan.checklist and all(group.items for group in plan.checklist)
    assert plan.timeline == sorted(plan.timeline, key=lambda step: step.date)
    if "transfer_before_revoke" in rec.constraints:
        steps = _index(plan.timeline, "date")
        assert steps["transfer_assets"] < steps["revoke_access"]
        due = _index(rec.checklist, "due")
        assert due["transfer_assets"] < due["revoke_access"]
    if rec.readiness == "repair_first":
        assert plan.first_step and rec.next_remedy
    # Tasks land on working days; only the anchor dates themselves may fall on a weekend
    # (the planned date is the user's, the end date is the contract's).
    anchors = {rec.notice_date, rec.effective_date, a.notice_date or rec.notice_date}
    for day in [item.due for item in rec.checklist] + [step.date for step in plan.timeline]:
        assert is_business_day(day) or day in anchors, day


@SETTINGS
@given(answers(), st.data())
def test_same_input_same_output_and_hidden_answers_ignored(a: Answers, data):
    first = decide(a, CONTENT)
    again = decide(a, CONTENT)
    assert first.recommendation == again.recommendation
    # (j) an answer to a question that is not asked never changes the result.
    if a.profession != "law":
        flipped = a.model_copy(update={"court_matter_pending": not a.court_matter_pending})
        assert recommend(flipped, CONTENT) == first.recommendation
    if not a.critical_period:
        other = data.draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
        moved = a.model_copy(update={"critical_period_ends": other})
        assert recommend(moved, CONTENT) == first.recommendation
    if not a.has_contract:
        changed = a.model_copy(update={"termination_clause": "cause_only", "notice_days": 3})
        assert recommend(changed, CONTENT) == first.recommendation


@settings(max_examples=100, deadline=None, database=None)
@given(answers(notice_date=False), st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_missing_notice_date_is_next_business_day_after_today(a: Answers, today: dt.date):
    a = a.model_copy(update={"notice_date": None, "safety_concern": True})
    rec = recommend(a, CONTENT, today=today)
    assert rec.notice_date > today
    assert is_business_day(rec.notice_date)
    assert rec.notice_date - today <= dt.timedelta(days=3)
