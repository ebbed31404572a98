"""The recommendation's JSON fields, in the order shared/spec/answers.md lists them.

Written out here rather than taken from the code, so a change to the code's output cannot
quietly change what the tests expect."""

CONTRACT_KEYS = [
    "strategy",
    "readiness",
    "scores",
    "reasons",
    "warnings",
    "channel",
    "follow_up_call",
    "written_notice",
    "notice_date",
    "effective_date",
    "effective_condition",
    "notice_days",
    "notice_days_minimum",
    "constraints",
    "warning_ids",
    "checklist",
]
