"""Fifth review, a simulated expert panel (lawyers, accountants, freelancers and agencies):
answers written from the professional rules before the engine was read, and the drafts read
as the client would receive them.

Each test builds a plan from answers written out here and reads its words or its dates."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_letters_wording import checklist, letters, plan_for

# --- 1. A finished job, and a client who insists on something improper ------------------

# The job is delivered and paid; the client then presses for something unlawful or
# unethical (backdating an invoice, altering a delivered report) and insists after being
# told no. There is no running work to end or hand over: the provider declines any further
# work, for "professional considerations", in a short note.
FINISHED_INSISTED = dict(
    signals=["unethical_request"],
    improper_request_insisted=True,
    engagement_status="finished",
    remedies_tried=["frank_conversation"],
    has_contract=False,
    termination_clause="none",
    notice_days=0,
)

CASES: dict[str, dict[str, Any]] = {
    "freelancer_no_contract": {},
    "designer_with_notice_clause": dict(
        has_contract=True, termination_clause="notice", notice_days=30
    ),
    "accountant_holding_records": dict(profession="accounting", client_assets=["records"]),
    "lawyer_no_court": dict(profession="law", client_assets=["records"]),
    "builder_finished_site": dict(profession="construction"),
}

# A running engagement's words: the finished job has no agreement left to terminate and no
# work to pass on.
RUNNING = [
    "Notice of termination",
    "ending our agreement",
    "passes to someone else",
    "end our work together",
    "Our work together ends",
]


@pytest.mark.parametrize("name", sorted(CASES))
def test_finished_job_with_insisted_request_is_a_short_refusal_of_further_work(name: str) -> None:
    plan = plan_for(**(FINISHED_INSISTED | CASES[name]))
    assert plan.recommendation.readiness == "proceed"
    assert "mandatory_withdrawal" in plan.recommendation.constraints
    text = letters(plan)
    assert "will not be taking on further work" in text
    assert "professional considerations" in text
    for words in RUNNING:
        assert words not in text, (name, words)


def test_finished_job_with_insisted_request_has_no_work_to_hand_over_in_the_checklist() -> None:
    plan = plan_for(**FINISHED_INSISTED)
    items = checklist(plan)
    assert "Do none of the improper work" in items
    assert "or hand it over" not in items
    # A running engagement still finishes what can properly be done, or hands it over.
    running = plan_for(**(FINISHED_INSISTED | dict(engagement_status="ongoing")))
    assert "finish only what you can properly do, or hand it over" in checklist(running)
