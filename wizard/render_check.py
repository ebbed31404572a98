"""Contexts for checking content at load time: every template is rendered against each
example situation crossed with each strategy, readiness and channel, so a misspelt
variable fails when content loads rather than in front of a user."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from wizard.answers import STRATEGIES
from wizard.content_model import Content
from wizard.context import answers_context, decision_texts, message_context
from wizard.examples import all_example_answers
from wizard.vocabulary import Channel, Readiness

READINESS: tuple[Readiness, ...] = ("proceed", "repair_first", "wait")
CHANNELS: tuple[Channel, ...] = ("email", "letter", "phone")
NOTICE = dt.date(2026, 12, 1)
EFFECTIVE = dt.date(2026, 12, 31)
# One move of each kind (engine._move_words), so the holiday warning's every branch renders.
SAMPLE_HOLIDAY_MOVES = [
    {"kind": kind, "was": "x", "now": "x", "holidays_text": "x", "holiday_count": count}
    for kind, count in (("planned", 1), ("notice", 1), ("cure", 2), ("cure_end", 1), ("end", 1))
]


def sample_contexts(content: Content) -> list[dict[str, Any]]:
    contexts = []
    # Each example meets each strategy once, with readiness and channel rotating alongside:
    # enough to reach every branch's variables without a full cross product at load time.
    combos = list(zip(STRATEGIES, READINESS, CHANNELS, strict=True))
    for answers, (strategy, readiness, channel) in itertools.product(all_example_answers(), combos):
        ctx = decision_texts(
            answers_context(answers, content),
            content,
            answers=answers,
            strategy=strategy,
            readiness=readiness,
            channel=channel,
            follow_up_call=True,
            written_notice=True,
            constraints=("contract_notice", "confidentiality"),
            notice=NOTICE,
            effective=EFFECTIVE,
            planned=NOTICE,
            next_remedy="frank_conversation" if readiness == "repair_first" else None,
        )
        ctx.update(
            titles="x", score="1", chosen_score="2", prepared_on_text="1 December 2026",
            prepared_for="x", suggested_days=30, ruled_out_label="x", ruled_out_titles="x",
            ruled_out_count=1, count=1, holiday_moves=SAMPLE_HOLIDAY_MOVES,
            notice_follows=strategy != "communicate", requested_on="x", waits_past_text="x",
            notice_rolled_only=False, planned_moved_on="", local_currency="GBP",
            counted_from_arrival=channel == "letter", days_given=30, notice_start=NOTICE,
            year_end_was="x", year_end_now="x", notice_start_on="x",
            year_end_notice_was="x", year_end_notice_now="x",
            net_text="x", net_owed_by="client", contact_is_client=False,
            notice_today=readiness == "proceed", planned_today=readiness == "proceed",
        )  # fmt: skip
        name = "repair" if readiness == "repair_first" else strategy
        contexts.append(message_context(ctx, content, name))
    return contexts
