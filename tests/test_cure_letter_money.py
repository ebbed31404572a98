"""A notice of breach over unpaid invoices, with an unearned advance: the refund is promised
for the end only, and, if the balance is still unpaid then, set against it when the client
agrees in writing (a refund is not paid out to a client who owes more). Not for a lawyer,
whose client's money is kept apart from fees."""

from __future__ import annotations

from tests.test_review12 import flat, plan_for

CURE = dict(
    signals=["payment_problems"], pattern="recurring",
    remedies_tried=["frank_conversation", "written_warning"], remedies_exhausted="yes",
    has_contract=True, termination_clause="cause_only", cure_days=14,
    breach_summary="invoices 14 and 15 unpaid for 60 days", outstanding_balance=4200,
    unearned_prepayment=True, unearned_amount=500, work_in_progress="some",
    relationship_months=18, relationship_depth="ongoing", client_name="Jo Park",
)  # fmt: skip


def _entry(plan, entry_id: str) -> str:
    return next(e.detail for e in plan.timeline if e.id == entry_id)


def test_the_refund_after_an_unremedied_breach_can_be_set_against_the_balance() -> None:
    plan = plan_for(profession="general", **CURE)
    assert "cure_period" in plan.recommendation.constraints
    letter = flat(plan.message.body)
    assert "In that case I will also refund the part of your advance payment" in letter
    assert "(today $500.00)" in letter
    assert "If the balance is still unpaid then and you agree in writing, I will set the" in letter
    assert letter.count("If the agreement ends") <= 3
    assert "set the refund against it" in _entry(plan, "refund")
    said = next(i.text for i in plan.recommendation.checklist if i.id == "state_refund")
    assert said.startswith("Say that, if the agreement ends, you will refund the part of the")
    assert "(today $500.00)" in said


def test_a_lawyer_refunds_the_advance_without_offering_to_set_it_against_fees() -> None:
    plan = plan_for(profession="law", **CURE)
    letter = flat(plan.message.body)
    assert "refund" in letter
    assert "set the" not in letter and "against it" not in letter
    assert "set the refund against it" not in _entry(plan, "refund")
