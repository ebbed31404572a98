"""While the client may still put a breach right, nothing that takes the end as certain
happens: the hand-over, moving accounts into the client's name, exporting and returning what
they gave are dated once the cure period has run, and say they apply only if the breach was
not put right. The notice step names the date to put it right by.

Each test builds a plan from answers written out here and reads its dates and words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.test_letters_wording import plan_for
from tests.test_letters_wording_3 import CURE as CURE_14
from wizard.models import Plan

# Cause-only clause with a 21-day cure period and no other notice: the end date is the day
# after the cure period's last day, so the usual "a week before the end" steps would fall
# inside it.
CURE = {
    **CURE_14,
    "cure_days": 21,
    "client_assets": ["files", "domains_hosting"],
    "preferred_channel": "email",
}
WIND_DOWN_STEPS = {"transfer_assets", "return_records"}  # and "handover" when handing over
WIND_DOWN_ITEMS = {"handover_docs", "transfer_assets", "export_data", "return_records"}


def _cure_ends(plan: Plan) -> dt.date:
    end = next(step for step in plan.timeline if step.id == "effective")
    return end.date


def _items(plan: Plan) -> dict[str, Any]:
    return {item.id: item for group in plan.checklist for item in group.items}


def test_steps_that_take_the_end_as_certain_wait_for_the_cure_period() -> None:
    plan = plan_for(**CURE)
    cure_ends = _cure_ends(plan)
    steps = {step.id: step for step in plan.timeline}
    assert set(steps) >= WIND_DOWN_STEPS, set(steps)
    for step_id in (WIND_DOWN_STEPS | {"handover"}) & set(steps):
        step = steps[step_id]
        assert step.date >= cure_ends, (step_id, step.date, cure_ends)
        assert "Only if the breach was not put right by" in step.detail, step_id
    items = _items(plan)
    assert WIND_DOWN_ITEMS - {"handover_docs"} <= set(items), set(items)
    for item_id in WIND_DOWN_ITEMS & set(items):
        assert items[item_id].due >= cure_ends, (item_id, items[item_id].due, cure_ends)
        assert "Only if the breach was not put right by" in items[item_id].text, item_id


def test_the_notice_step_names_the_breach_and_the_day_to_put_it_right_by() -> None:
    plan = plan_for(**CURE)
    notice = next(step for step in plan.timeline if step.id == "give_notice")
    item = _items(plan)["give_notice"]
    end = next(step for step in plan.timeline if step.id == "effective")
    day = f"{end.date:%A} {end.date.day} {end.date:%B %Y}"
    assert "breach" in notice.detail and day in notice.detail, notice.detail
    assert "the date to put it right by" in item.text and day in item.text, item.text
    glance = {row.label for row in plan.at_a_glance}
    assert "Ends, unless the breach is put right" in glance, glance


def test_without_a_cure_period_no_step_carries_the_note() -> None:
    plan = plan_for(**{**CURE, "termination_clause": "notice", "notice_days": 30, "cure_days": 0})
    words = " ".join(
        [step.detail for step in plan.timeline] + [item.text for item in _items(plan).values()]
    )
    assert "Only if the breach was not put right" not in words


def test_a_notice_of_breach_opens_without_thanks() -> None:
    for tone in ("neutral", "warm"):
        body = plan_for(**CURE, tone=tone).message.body
        assert body.startswith("Dear"), body[:80]
        assert "Thank you" not in body and "glad of what we achieved" not in body, tone
