"""A written confirmation after a call or meeting opens "As we discussed, …": the sentence it
replaces ("I am writing to let you know that …, and that …") must not leave its pieces
behind (review 19: "As we discussed, I will be ending your care with me, and that I want
…"), nor a capital after a comma ("Now that …, As we discussed")."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.test_review12 import flat, plan_for

BROKEN = [
    re.compile(r", As we discussed"),
    re.compile(r"As we discussed,[^.]*, and that "),
]


@pytest.mark.parametrize(
    ("profession", "status", "channel"),
    list(itertools.product(
        ["general", "therapy", "healthcare", "law"], ["ongoing", "finished"],
        ["in_person", "phone", "video"],
    )),
)  # fmt: skip
def test_confirmations_read_as_whole_sentences(profession: str, status: str, channel: str):
    for signals, referral in ((["goal_misalignment"], True), (["needs_beyond_expertise"], False)):
        plan = plan_for(
            profession=profession, engagement_status=status, preferred_channel=channel,
            signals=signals, pattern="recurring", remedies_tried=["frank_conversation"],
            remedies_exhausted="yes", relationship_months=24, relationship_depth="close",
            referral_available=referral, client_name="Kim Vale",
        )  # fmt: skip
        texts = [plan.message.body, *(m.body for m in plan.further_messages)]
        for text in texts:
            for pattern in BROKEN:
                assert not pattern.search(flat(text)), (pattern.pattern, flat(text)[:400])
