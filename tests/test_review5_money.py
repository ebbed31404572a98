"""Fifth review, money, records and property: how a letter states a refund in care work,
what a clinician prepared for the client, who changes the passwords after a hand-over, a
builder's lien deadline after a finished job, a lawyer's warning over unpaid fees while a
court matter is pending, a refund still to be worked out, and amounts in rupees.

Each test builds a plan from answers written out here and reads its words as the client
(the letters) or the practitioner (the must-dos and the checklist) reads them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from tests.test_letters_wording import checklist, letters, musts, plan_for
from wizard.context import money
from wizard.models import Plan


def item(plan: Plan, item_id: str) -> str:
    texts = [i.text for group in plan.checklist for i in group.items if i.id == item_id]
    assert texts, f"no checklist line {item_id}"
    return texts[0]


def must(plan: Plan, constraint_id: str) -> str:
    texts = [c.text for c in plan.constraints if c.id == constraint_id]
    assert texts, f"no must-do {constraint_id}"
    return texts[0]


# --- 1. A refund in care work is for sessions or appointments, not "work" -----------------

CARE_REFUNDS: dict[str, dict[str, Any]] = {
    "therapy_known_amount": dict(profession="therapy", unearned_amount=180),
    "therapy_to_work_out": dict(profession="therapy", unearned_amount=0),
    "healthcare_known_amount": dict(profession="healthcare", unearned_amount=95.5),
    "therapy_threatened": dict(
        profession="therapy",
        unearned_amount=240,
        safety_concern=True,
        safety_level="threat",
        signals=["behaviour_decline"],
    ),
    "therapy_course_ended": dict(
        profession="therapy", unearned_amount=120, engagement_status="finished"
    ),
}


@pytest.mark.parametrize("channel", ["email", "letter"])
@pytest.mark.parametrize("case", sorted(CARE_REFUNDS))
def test_a_care_letter_refunds_sessions_not_work(case: str, channel: str) -> None:
    answers: dict[str, Any] = dict(
        signals=["goal_misalignment"], unearned_prepayment=True, preferred_channel=channel
    )
    answers.update(CARE_REFUNDS[case])
    plan = plan_for(**answers)
    text = letters(plan)
    assert "advance payment" in text
    assert "work I will not carry out" not in text
    assert "work I did not carry out" not in text
    word = "appointments" if answers["profession"] == "healthcare" else "sessions"
    assert word in text.split("advance payment")[1].split("\n")[0]
    # The practitioner's own must-do speaks of care too.
    assert "work you will not do" not in must(plan, "refund_unearned")


# --- 2. What a clinician prepared for the client is handed over, as the must-do says -----


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
@pytest.mark.parametrize("balance", [0, 640])
def test_a_care_letter_hands_over_what_was_prepared_for_the_client(
    profession: str, balance: float
) -> None:
    plan = plan_for(
        profession=profession,
        signals=["goal_misalignment"],
        client_assets=["clinical_records", "work_product"],
        outstanding_balance=balance,
    )
    text = letters(plan)
    # The must-do tells the practitioner the message hands it over; the letter has to.
    assert "what you prepared for them" in must(plan, "return_client_records") or (
        "what you made for them" in must(plan, "return_client_records")
    )
    assert "prepared for you" in text
    # Never held back over fees, and never in a seller's words.
    assert "once the final invoice is settled" not in text
    assert "the work I prepared for you" not in text


# --- 3. After a hand-over, the client changes the passwords the provider knew -------------


@pytest.mark.parametrize(
    "assets", [["credentials"], ["domains_hosting"], ["accounts_billing", "credentials"]]
)
def test_the_client_not_the_provider_changes_the_passwords_after_the_hand_over(
    assets: list[str],
) -> None:
    plan = plan_for(signals=["goal_misalignment"], client_assets=assets)
    # A password the provider changes is one the provider still knows, and may lock the
    # client out of their own account.
    for text in (item(plan, "revoke_access"), must(plan, "transfer_before_revoke")):
        assert "change the passwords you used" not in text
        assert "client" in text and "change" in text and "password" in text
    letter = letters(plan)
    assert "change" in letter and "password" in letter
    assert "move the logins I hold for your accounts into your name" not in letter


# --- 4. A builder owed money after a finished job diaries the lien deadline ---------------


@pytest.mark.parametrize("status", ["finished", "ongoing"])
def test_a_builder_owed_money_diaries_the_lien_deadline_on_the_checklist(status: str) -> None:
    answers: dict[str, Any] = dict(
        profession="construction",
        signals=["goal_misalignment"],
        outstanding_balance=9999.99,
        engagement_status=status,
    )
    plan = plan_for(**answers)
    assert "construction_lien_deadline" in plan.recommendation.warning_ids
    assert re.search(r"\blien\b", item(plan, "lien_deadline"))


def test_a_paid_up_builder_has_no_lien_deadline_to_diary() -> None:
    plan = plan_for(profession="construction", signals=["goal_misalignment"])
    assert not re.search(r"\blien\b", checklist(plan))


# --- 5. A lawyer's warning over fees, with a matter before the court ----------------------


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_a_lawyers_fee_warning_in_a_court_matter_says_withdrawal_needs_permission(
    channel: str,
) -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        outstanding_balance=8200.75,
        court_matter_pending=True,
        preferred_channel=channel,
    )
    assert plan.recommendation.readiness == "repair_first"
    warning = plan.message.body
    assert "$8,200.75" in warning
    assert "withdraw" in warning
    assert "court" in warning
    assert "I will end our work together" not in warning
    assert "I will have to end our work together" not in warning


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_a_lawyers_fee_warning_says_they_will_withdraw(channel: str) -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        outstanding_balance=1200,
        preferred_channel=channel,
    )
    warning = plan.message.body
    assert "withdraw as your lawyer" in warning
    assert "court" not in warning
    # Titled as what it is: a reminder of money owed with a date, not a vague point.
    assert (plan.message.subject or "").startswith("Overdue payment: please settle it by")


# --- 6. A refund still to be worked out ---------------------------------------------------


def test_a_refund_to_work_out_is_worked_out_before_the_notice_promises_it() -> None:
    plan = plan_for(signals=["goal_misalignment"], unearned_prepayment=True)
    letter = letters(plan)
    assert "will work out the part of your advance payment" in letter
    # The checklist does not ask for an amount the letter does not give; it asks for the
    # sum to be worked out and the date kept.
    line = item(plan, "state_refund")
    assert "work out" in line.lower()
    assert plan.recommendation.effective_date.strftime("%-d %B %Y") in line


def test_a_known_refund_is_named_with_its_date_at_notice() -> None:
    plan = plan_for(
        signals=["goal_misalignment"],
        unearned_prepayment=True,
        unearned_amount=1500,
        currency="GBP",
        jurisdiction="GB",
    )
    line = item(plan, "state_refund")
    assert "£1,500.00" in line
    assert plan.recommendation.effective_date.strftime("%-d %B %Y") in line
    assert "£1,500.00" in letters(plan)


# --- 7. Rupees, as an Indian letter writes them -------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(1234567.5, "₹12,34,567.50"), (250000, "₹2,50,000.00"), (999.99, "₹999.99")],
)
def test_rupees_in_india_are_grouped_in_lakhs(amount: float, expected: str) -> None:
    assert money(amount, "INR", "IN") == expected
    assert money(amount, "INR", "IN-MH") == expected


def test_rupees_elsewhere_and_dollars_in_india_read_as_before() -> None:
    assert money(1234567.5, "INR", "GB") == "₹1,234,567.50"
    assert money(1234567.5, "USD", "IN") == "$1,234,567.50"


def test_an_indian_letter_states_the_balance_in_lakhs() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=1234567.5,
        currency="INR",
        jurisdiction="IN",
    )
    assert "₹12,34,567.50" in letters(plan)
    assert "₹12,34,567.50" in musts(plan)


# --- 8. A for-cause notice in care work ends care, not "work" -----------------------------


@pytest.mark.parametrize("channel", ["email", "letter"])
@pytest.mark.parametrize("cure_days", [0, 7])
def test_a_for_cause_care_notice_speaks_of_care_not_work(channel: str, cure_days: int) -> None:
    plan = plan_for(
        profession="therapy",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        termination_clause="cause_only",
        cure_days=cure_days,
        preferred_channel=channel,
    )
    assert "cure_period" in plan.recommendation.constraints
    text = letters(plan)
    assert "your care with me" in text
    assert "our work together" not in text


# --- 9. Unpaid fees never hold back a patient's records or care ---------------------------


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_a_clinicians_money_must_do_keeps_records_and_care_apart_from_fees(
    profession: str,
) -> None:
    plan = plan_for(
        profession=profession,
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=640,
        client_assets=["clinical_records"],
    )
    text = must(plan, "final_invoice")
    assert "never justify" in text
    assert "records" in text and "care" in text


# --- 10. What the must-dos require, the letter says ---------------------------------------


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_a_care_letter_says_how_accounts_it_holds_pass_back(profession: str) -> None:
    plan = plan_for(
        profession=profession,
        signals=["provider_changes"],
        client_assets=["clinical_records", "credentials", "domains_hosting"],
    )
    assert "transfer_before_revoke" in plan.recommendation.constraints
    text = letters(plan)
    assert "your domains and hosting" in text
    assert "change every password I have known" in text


def test_a_finished_job_with_open_work_to_bill_does_not_say_nothing_is_left_to_settle() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], engagement_status="finished", work_in_progress="some"
    )
    assert "final_invoice" in plan.recommendation.constraints
    text = letters(plan)
    assert "nothing more to settle" not in text
    assert "final invoice" in text


# --- 11. A clinician's reminder of unpaid fees speaks of care -----------------------------


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_a_clinicians_fee_reminder_speaks_of_care_not_work(channel: str) -> None:
    plan = plan_for(
        profession="therapy",
        signals=["payment_problems"],
        remedies_tried=[
            "frank_conversation",
            "boundaries_reset",
            "scope_or_price_change",
            "payment_plan",
        ],
        remedies_exhausted="no",
        outstanding_balance=300,
        preferred_channel=channel,
    )
    assert plan.recommendation.next_remedy == "written_warning"
    reminder = plan.message.body
    assert "$300.00" in reminder
    assert "our work together" not in reminder
    assert "your care with me" in reminder
    assert "clinician" in reminder


# --- 12. What the client gave you goes back unpaid or not, in every profession ------------


@pytest.mark.parametrize("profession", ["general", "construction"])
def test_what_the_client_gave_goes_back_even_while_the_invoice_is_unpaid(
    profession: str,
) -> None:
    plan = plan_for(
        profession=profession,
        signals=["goal_misalignment"],
        outstanding_balance=2500,
        client_assets=["files", "physical_property", "work_product"],
    )
    assert "unpaid" in must(plan, "return_client_records")
    assert "never justify holding back what the client gave you" in must(plan, "final_invoice")


# --- 13. A silent client is written to first, however close the relationship was ---------


@pytest.mark.parametrize("preferred", ["email", "letter"])
def test_a_silent_close_client_is_not_phoned_first(preferred: str) -> None:
    plan = plan_for(
        profession="accounting",
        signals=["payment_problems", "unresponsive"],
        remedies_tried=["written_warning", "payment_plan"],
        outstanding_balance=12345.67,
        relationship_depth="close",
        relationship_months=40,
        preferred_channel=preferred,
    )
    assert plan.recommendation.channel == preferred
    assert plan.message.kind != "talking_points"


# --- 14. A suggested improper request and unpaid fees: both go in writing -----------------

SUGGESTED_AND_UNPAID: dict[str, dict[str, Any]] = {
    "lawyer": dict(profession="law"),
    "builder": dict(profession="construction", work_in_progress="some"),
    "freelancer": dict(remedies_tried=["frank_conversation"], remedies_exhausted="no"),
}


@pytest.mark.parametrize("channel", ["email", "letter"])
@pytest.mark.parametrize("case", sorted(SUGGESTED_AND_UNPAID))
def test_a_fee_warning_also_refuses_a_suggested_improper_request(case: str, channel: str) -> None:
    answers: dict[str, Any] = dict(
        signals=["unethical_request", "payment_problems"],
        outstanding_balance=5000,
        preferred_channel=channel,
    )
    answers.update(SUGGESTED_AND_UNPAID[case])
    plan = plan_for(**answers)
    assert plan.recommendation.readiness == "repair_first"
    message = plan.message.body
    # The request is refused in writing at once, whatever else the message is about ...
    assert "not able to do what you" in message
    # ... and the money is still named with its date.
    assert "$5,000.00" in message
    # Dropping the request does not settle the fees: the plan does not stop there.
    first = plan.first_step or ""
    assert "If the client drops it, nothing more is needed" not in first
    review = [s.detail for s in plan.timeline if s.id == "review_remedy"][0]
    assert "If the client dropped the request, stop here" not in review


# --- 15. An accountant's long notice does not keep the client's records past a request ----


def test_an_accountants_long_notice_still_returns_records_promptly_on_request() -> None:
    plan = plan_for(
        profession="accounting",
        signals=["provider_changes"],
        relationship_months=60,
        relationship_depth="close",
        client_assets=["records"],
        preferred_channel="letter",
    )
    assert plan.recommendation.notice_days > 45
    text = letters(plan)
    assert "the documents and records you gave me" in text
    assert "sooner" in text
    assert "request" in must(plan, "return_client_records")


# --- 16. A formal warning with no amount given leaves the amount to fill in ---------------


@pytest.mark.parametrize("profession", ["law", "construction", "general"])
def test_a_formal_payment_warning_without_an_amount_asks_for_one(profession: str) -> None:
    answers: dict[str, Any] = dict(
        profession=profession, signals=["payment_problems"], work_in_progress="some"
    )
    if profession == "general":
        answers.update(
            remedies_tried=["frank_conversation", "boundaries_reset", "scope_or_price_change"],
            remedies_exhausted="no",
        )
        answers["remedies_tried"].append("payment_plan")
    plan = plan_for(**answers)
    assert plan.recommendation.next_remedy == "written_warning"
    warning = plan.message.body
    # A warning that stops work or ends the relationship names the sum due; with none given,
    # a placeholder is left for the user rather than a sentence whose "it" points nowhere.
    assert "[amount overdue]" in warning
    assert "Recent payments have not arrived" not in warning


# --- 17. Money owed now is not worked on unpaid through the client's busy time ------------

OWED_IN_A_BUSY_TIME: dict[str, dict[str, Any]] = {
    "freelancer_owed": dict(outstanding_balance=9000, critical_period_ends=dt.date(2026, 7, 15)),
    "builder_stopped": dict(
        profession="construction",
        outstanding_balance=9000,
        work_in_progress="some",
        critical_period_ends=dt.date(2026, 6, 15),
    ),
}


@pytest.mark.parametrize("case", sorted(OWED_IN_A_BUSY_TIME))
def test_money_owed_now_is_not_worked_on_unpaid_through_a_critical_period(case: str) -> None:
    answers: dict[str, Any] = dict(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        critical_period=True,
    )
    answers.update(OWED_IN_A_BUSY_TIME[case])
    plan = plan_for(**answers)
    rec = plan.recommendation
    assert rec.readiness == "proceed"
    assert rec.notice_date == dt.date(2026, 3, 2)
    # Said plainly, not left as a bare "Nothing calls for a fix first."
    assert any("unpaid" in reason for reason in rec.reasons)
    assert "keep working as agreed" not in (plan.first_step or "").lower()


def test_a_late_payer_who_owes_nothing_now_is_still_spared_the_busy_time() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        critical_period=True,
        critical_period_ends=dt.date(2026, 4, 15),
    )
    assert plan.recommendation.readiness == "wait"


@pytest.mark.parametrize("profession", ["accounting", "therapy", "healthcare"])
def test_a_professional_owed_money_does_not_work_unpaid_through_the_busy_season(
    profession: str,
) -> None:
    # Non-payment argues for speed (notes: "Notice in proportion"). An accountant's end
    # still keeps clear of the filing deadlines given, a clinician's of the care floor.
    plan = plan_for(
        profession=profession,
        signals=["payment_problems"],
        remedies_tried=["written_warning", "payment_plan"],
        remedies_exhausted="yes",
        outstanding_balance=9000,
        critical_period=True,
        critical_period_ends=dt.date(2027, 4, 15),
    )
    assert plan.recommendation.readiness == "proceed"
    assert plan.recommendation.notice_days >= plan.recommendation.notice_days_minimum


def test_a_late_payer_who_owes_nothing_today_is_still_spared_the_busy_season() -> None:
    plan = plan_for(
        profession="accounting",
        signals=["payment_problems"],
        remedies_tried=["written_warning", "payment_plan"],
        remedies_exhausted="yes",
        outstanding_balance=0,
        critical_period=True,
        critical_period_ends=dt.date(2027, 4, 15),
    )
    assert plan.recommendation.readiness == "wait"


# --- 18. What the provider made for the client: promised in the letter, dated on the list --


def test_work_made_for_the_client_alone_is_handed_over_by_a_date_and_on_the_checklist() -> None:
    plan = plan_for(signals=["goal_misalignment"], client_assets=["work_product"])
    text = letters(plan)
    assert "with the rest" not in text
    assert "I will hand over the work I prepared for you" in text
    assert "work you made for the client" in item(plan, "hand_over_work")


def test_work_made_for_an_unpaid_client_is_handed_over_unless_the_contract_lets_it_wait() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=900,
        client_assets=["files", "work_product"],
    )
    assert "once the final invoice is settled" not in letters(plan)
    assert "work you made for the client" in item(plan, "hand_over_work")
    line = item(plan, "check_work_product")
    assert "unpaid invoices" in line and "contract" in line


def test_a_lawyers_work_goes_with_the_file_without_waiting_for_payment() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=900,
        client_assets=["work_product"],
    )
    assert "hand_over_work_once_paid" not in [i.id for group in plan.checklist for i in group.items]
    assert "work you made for the client" in item(plan, "hand_over_work")
