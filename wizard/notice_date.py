"""The planned notice date, resolved once from the answers and the plan date. The engine
plans from it and the wizard shows it as the default, so the two never disagree."""

from __future__ import annotations

import datetime as dt

from wizard.answers import Answers
from wizard.workdays import Workdays


def resolve_notice_date(answers: Answers, today: dt.date) -> dt.date:
    """The notice date given, or the next business day after the plan date; a date already
    past moves to the first business day from the plan date on."""
    workdays = Workdays(answers.jurisdiction)
    if answers.notice_date is None:
        return workdays.after(today)
    if answers.notice_date < today:
        return workdays.on_or_after(today)
    return answers.notice_date
