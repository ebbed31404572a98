"""Hypothesis strategies for any valid Answers (shared by property and round-trip tests)."""

from __future__ import annotations

import datetime as dt
import typing

from hypothesis import strategies as st

from wizard.answers import (
    DATE_MAX,
    DATE_MIN,
    Asset,
    Channel,
    DayKind,
    Depth,
    EngagementStatus,
    KeyDeadline,
    Outlook,
    Pattern,
    Profession,
    Remedy,
    SafetyLevel,
    Signal,
    Stakes,
    TerminationClause,
    Tone,
    WorkInProgress,
    YesNoUnsure,
)
from wizard.answers import Answers as AnswersModel


def _one(literal) -> st.SearchStrategy:
    return st.sampled_from(typing.get_args(literal))


def _some(literal, min_size: int = 0) -> st.SearchStrategy:
    values = typing.get_args(literal)
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=len(values), unique=True)


DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
MARKUP = st.sampled_from(
    [
        "",
        "<b>x</b>",
        "{{ client }}",
        "{% if x %}",
        "*bold* _i_",
        "Zoë Ørsted",
        "محمد",
        "李雷",
        "\u202e",
    ]
)
NAMES = st.one_of(MARKUP, st.text(max_size=40))


# A few jurisdictions with and without regions, and none (weekends only).
JURISDICTIONS = st.sampled_from(["", "", "US", "US-NY", "GB", "GB-SCT", "DE-BY", "CA-ON", "AU-NSW"])


def _near(day: dt.date | None) -> st.SearchStrategy:
    """A date within a year after `day` (or anywhere, without one), inside the contract."""
    if day is None:
        return DATES
    return st.integers(-30, 365).map(
        lambda days: min(max(day + dt.timedelta(days=days), DATE_MIN), DATE_MAX)
    )


@st.composite
def answers(draw, *, notice_date: bool = True) -> AnswersModel:
    critical = draw(st.booleans())
    notice = draw(DATES) if notice_date else draw(st.one_of(st.none(), DATES))
    deadlines = draw(
        st.lists(
            st.builds(
                lambda d, w: KeyDeadline(date=d, what=w),
                _near(notice),
                st.sampled_from(
                    ["Trial", "Tax filing", "Launch", "Hearing <b>x</b>", "Audit {{ x }}"]
                ),
            ),
            max_size=3,
        )
    )
    return AnswersModel(
        profession=draw(_one(Profession)),
        jurisdiction=draw(JURISDICTIONS),
        signals=draw(_some(Signal, min_size=1)),
        improper_request_insisted=draw(st.booleans()),
        safety_concern=draw(st.booleans()),
        safety_level=draw(_one(SafetyLevel)),
        client_in_crisis=draw(st.booleans()),
        client_in_crisis_until=draw(st.one_of(st.none(), _near(notice))),
        engagement_status=draw(_one(EngagementStatus)),
        pattern=draw(_one(Pattern)),
        remedies_tried=draw(_some(Remedy)),
        remedies_exhausted=draw(_one(YesNoUnsure)),
        conversation_outlook=draw(_one(Outlook)),
        has_contract=draw(st.booleans()),
        termination_clause=draw(_one(TerminationClause)),
        notice_days=draw(st.integers(0, 365)),
        notice_day_kind=draw(_one(DayKind)),
        cure_days=draw(st.integers(0, 90)),
        breach_summary=draw(NAMES),
        outstanding_balance=draw(
            st.one_of(st.just(0.0), st.floats(0, 1e9, allow_nan=False, allow_infinity=False))
        ),
        currency=draw(st.sampled_from(["USD", "EUR", "GBP", "JPY", "CHF"])),
        unearned_prepayment=draw(st.booleans()),
        unearned_amount=draw(st.sampled_from([0.0, 250.0, 1500.5])),
        work_in_progress=draw(_one(WorkInProgress)),
        client_assets=draw(_some(Asset)),
        court_matter_pending=draw(st.booleans()),
        confidentiality_terms=draw(st.booleans()),
        key_deadlines=deadlines,
        relationship_months=draw(st.integers(0, 1200)),
        relationship_depth=draw(_one(Depth)),
        critical_period=critical,
        critical_period_ends=draw(st.one_of(st.none(), _near(notice), DATES)),
        notice_date=notice,
        reputation_stakes=draw(_one(Stakes)),
        client_depends_on_you=draw(st.booleans()),
        referral_available=draw(st.booleans()),
        preferred_channel=draw(_one(Channel)),
        tone=draw(_one(Tone)),
        your_name=draw(NAMES),
        your_business=draw(NAMES),
        client_name=draw(NAMES),
        client_contact=draw(NAMES),
    )
