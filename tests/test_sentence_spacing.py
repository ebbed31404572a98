"""Every sentence of every draft is followed by a space: optional parts of a letter that are
rendered on their own (the hand-over of logins, the records) must not run into the next
sentence ("only you hold them.The work I prepared ...")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wizard.answers import load_answers
from wizard.content import load_content
from wizard.plan import build_plan

FILES = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))
FILES = [p for p in FILES if p.name != "expected.yaml"]
FILES += sorted((Path(__file__).parent.parent / "content" / "examples").glob("*.yaml"))
FILES = [p for p in FILES if p.name != "index.yaml"]
RUN_TOGETHER = re.compile(r"[a-z][.!?][A-Z]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_sentence_runs_into_the_next(path: Path) -> None:
    plan = build_plan(load_answers(path.read_bytes()), load_content(), today=dt.date(2026, 12, 7))
    for draft in plan.messages:
        assert not RUN_TOGETHER.search(draft.body), (draft.title, draft.body)
