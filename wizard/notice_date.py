"""The planned notice date, resolved once from the answers and the plan date. The engine
plans from it and the wizard shows it as the default, so the two never disagree."""

from __future__ import annotations

import datetime as dt

from wizard.answers import Answers
from wizard.workdays import Workdays


def requested_notice_date(answers: Answers, today: dt.date) -> dt.date | None:
    """The day the user asked to start from: the notice date given, or the plan date when
    that date has already passed; None when no date was given."""
    if answers.notice_date is None:
        return None
    return max(answers.notice_date, today)


def resolve_notice_date(answers: Answers, today: dt.date) -> dt.date:
    """The next business day after the plan date when no date was given; otherwise the
    first business day on or after the date given (or the plan date, when the date given
    is already past). Everything the plan dates from the planned day, the first step, the
    repair letter's send-on date, the timeline, starts on a working day."""
    workdays = Workdays(answers.jurisdiction)
    requested = requested_notice_date(answers, today)
    if requested is None:
        return workdays.after(today)
    return workdays.on_or_after(requested)
