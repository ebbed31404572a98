"""Care that ends on the day notice is given (a patient who insists on something improper,
with no contract; a threat): the plan does not promise care "until the end date" or speak of
a 30-day notice period it is not giving. What a doctor still owes then is a bridge: enough
of any essential medicine until a new doctor takes over, and where to get emergency care
(AMA Opinion 1.1.5: no gap in care that would harm the patient)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_letters_wording import checklist, plan_for

# Insisting alone keeps the 30-day floor in care (review 6); with a threat care ends at once.
INSISTED_NO_CONTRACT: dict[str, Any] = dict(
    profession="healthcare",
    signals=["unethical_request", "behaviour_decline"],
    improper_request_insisted=True,
    safety_concern=True,
    safety_level="threat",
    remedies_tried=["written_warning"],
    has_contract=False,
    relationship_months=36,
)
THREAT: dict[str, Any] = dict(
    profession="healthcare",
    signals=["behaviour_decline"],
    safety_concern=True,
    safety_level="threat",
    has_contract=False,
)


def warning(plan: Any, warning_id: str) -> str:
    rec = plan.recommendation
    assert warning_id in rec.warning_ids, f"no warning {warning_id}"
    return str(rec.warnings[rec.warning_ids.index(warning_id)])


@pytest.mark.parametrize("answers", [INSISTED_NO_CONTRACT, THREAT], ids=["insisted", "threat"])
def test_same_day_end_speaks_of_a_bridge_not_a_notice_period(answers: dict[str, Any]) -> None:
    plan = plan_for(**answers)
    assert plan.recommendation.notice_days == 0
    text = warning(plan, "healthcare_notice")
    assert "30 days" not in text and "notice period" in text  # "no notice period"
    assert "essential medicine" in text and "emergency care" in text
    assert "until the end date" not in checklist(plan)


def test_the_bridge_is_on_the_checklist_when_care_ends_at_once() -> None:
    lines = checklist(plan_for(**INSISTED_NO_CONTRACT))
    assert "enough of any essential medicine" in lines
    assert "Keep care going" not in lines


def test_with_a_notice_period_the_thirty_days_and_bridging_stay() -> None:
    plan = plan_for(
        **{
            **INSISTED_NO_CONTRACT,
            **{"has_contract": True, "notice_days": 30},
            **{"signals": ["unethical_request"], "safety_concern": False},
        }
    )
    assert plan.recommendation.notice_days == 30
    assert "about 30 days' written notice" in warning(plan, "healthcare_notice")
    lines = checklist(plan)
    assert "bridge prescriptions until a new doctor takes over" in lines
    assert "Keep care going until the end date" in lines
