"""Scores stay inside the engine: no reason or alternative speaks of them.

The result page shows no scores (issue 12), so a reason that says a way out "scored
highest" points at something the user cannot see. A way out a must-do rules out names
that must-do, quoted, in the sentence."""

from __future__ import annotations

import pytest

from tests.test_letters_wording import plan_for
from tests.test_scenarios import EXPECTED, SCENARIOS, today_for
from wizard.answers import load_answers
from wizard.content import load_content
from wizard.plan import build_plan


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_words_about_scores(name: str) -> None:
    answers = load_answers((SCENARIOS / f"{name}.yaml").read_bytes())
    plan = build_plan(answers, load_content(), today=today_for(name))
    words = [*plan.recommendation.reasons, *(w for a in plan.alternatives for w in a.why_lower)]
    assert not [w for w in words if "score" in w.lower()]


def test_a_ruled_out_way_names_the_must_do() -> None:
    plan = plan_for(profession="therapy", signals=["goal_misalignment"], safety_concern=True)
    quiet = next(a for a in plan.alternatives if a.strategy == "quiet_exit")
    assert quiet.why_lower == ["Ruled out here by the must-do “Do not leave the client stranded”."]
