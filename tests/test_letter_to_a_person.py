"""A client who is a person, not a business: the letter thanks them as "you", and the
address block names them once, however the name and the contact are given."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan


@pytest.mark.parametrize("profession", ["law", "construction", "general", "accounting"])
def test_a_finished_job_note_thanks_the_client_as_you(profession: str) -> None:
    plan = build_plan(
        Answers(
            profession=profession, signals=["scope_creep"], engagement_status="finished",
            client_name="Greg Mills", client_contact="Greg", preferred_channel="letter",
        ),
        load_content(),
        today=dt.date(2026, 12, 7),
    )  # fmt: skip
    body = plan.message.body
    assert "Thank you for the opportunity to work with you." in body
    assert "work with Greg Mills" not in body


def test_the_address_block_names_a_person_once() -> None:
    plan = build_plan(
        Answers(
            signals=["scope_creep"], client_name="Beth Wallace", client_contact="beth wallace ",
            preferred_channel="letter",
        ),
        load_content(),
        today=dt.date(2026, 12, 7),
    )  # fmt: skip
    lines = plan.message.body.splitlines()
    assert sum(line.strip().lower() == "beth wallace" for line in lines) == 1
