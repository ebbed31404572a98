"""A builder stopping work over non-payment: securing the site is a must-do, said where the
stop-work and hand-over duties are, not repeated in the contract-notice must-do as well
(the same advice three times in one box reads as noise and hides the rest)."""

from __future__ import annotations

from tests.test_letters_wording import plan_for
from tests.test_review5_money import must


def test_the_site_is_secured_once_in_the_must_dos() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        outstanding_balance=18000,
        remedies_tried=["written_warning"],
        remedies_exhausted="yes",
        work_in_progress="some",
        has_contract=True,
        notice_days=30,
    )
    notice = must(plan, "contract_notice")
    assert "work stays stopped" in notice
    assert "site" not in notice
    texts = " ".join(c.text for c in plan.constraints).lower()
    assert "keep the site safe and secured" in texts  # still said, once
    assert texts.count("keep the site safe and secured") == 1
