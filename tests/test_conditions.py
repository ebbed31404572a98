"""The condition language of content files: one test per operator and combinator."""

from __future__ import annotations

import pytest

from wizard.conditions import ALWAYS, ConditionSyntaxError, parse_condition

CTX = {
    "profession": "law",
    "signals": ["scope_creep", "payment_problems"],
    "remedies_tried": [],
    "notice_days": 30,
    "safety_concern": False,
    "court_matter_pending": True,
    "critical_period_ends": None,
    "client_name": "",
}
DEFS = {"lawyer": parse_condition({"profession": "law"})}


def holds(raw) -> bool:
    return parse_condition(raw).evaluate(CTX, DEFS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"profession": "law"}, True),  # a bare value is "is"
        ({"profession": {"is": "accounting"}}, False),
        ({"profession": {"in": ["law", "accounting"]}}, True),
        ({"profession": {"in": ["therapy"]}}, False),
        ({"profession": {"not_in": ["therapy"]}}, True),
        ({"profession": {"not_in": ["law"]}}, False),
        ({"signals": {"contains": "scope_creep"}}, True),
        ({"signals": {"contains": "unresponsive"}}, False),
        ({"signals": {"contains_any": ["unresponsive", "payment_problems"]}}, True),
        ({"signals": {"contains_any": ["unresponsive"]}}, False),
        ({"remedies_tried": {"empty": True}}, True),
        ({"signals": {"empty": True}}, False),
        ({"client_name": {"empty": True}}, True),
        ({"notice_days": {"gt": 29}}, True),
        ({"notice_days": {"gt": 30}}, False),
        ({"notice_days": {"gte": 30}}, True),
        ({"notice_days": {"lt": 30}}, False),
        ({"notice_days": {"lte": 30}}, True),
        ({"critical_period_ends": {"gt": 0}}, False),  # comparisons with nothing are false
    ],
)
def test_operators(raw, expected):
    assert holds(raw) is expected


def test_booleans_and_numbers_stay_apart():
    assert holds({"safety_concern": False})
    assert not holds({"safety_concern": 0})
    assert holds({"notice_days": 30.0})


def test_all_needs_every_part():
    assert holds({"all": [{"profession": "law"}, {"court_matter_pending": True}]})
    assert not holds({"all": [{"profession": "law"}, {"safety_concern": True}]})


def test_a_mapping_of_several_fields_means_all():
    assert holds({"profession": "law", "court_matter_pending": True})
    assert not holds({"profession": "law", "safety_concern": True})


def test_a_list_means_all():
    assert holds([{"profession": "law"}, {"court_matter_pending": True}])
    assert not holds([{"profession": "law"}, {"safety_concern": True}])


def test_any_needs_one_part():
    assert holds({"any": [{"profession": "therapy"}, {"court_matter_pending": True}]})
    assert not holds({"any": [{"profession": "therapy"}, {"safety_concern": True}]})


def test_not_inverts():
    assert holds({"not": {"profession": "therapy"}})
    assert not holds({"not": {"profession": "law"}})


def test_ref_uses_a_definition():
    assert holds({"ref": "lawyer"})
    assert not parse_condition({"ref": "lawyer"}).evaluate({**CTX, "profession": "general"}, DEFS)


def test_null_is_always_true():
    assert parse_condition(None) is ALWAYS
    assert ALWAYS.evaluate({}, {})


def test_tests_lists_every_field_test():
    cond = parse_condition({"all": [{"profession": "law"}, {"not": {"notice_days": {"gt": 3}}}]})
    assert [(t.field, t.op) for t in cond.tests()] == [("profession", "is"), ("notice_days", "gt")]


@pytest.mark.parametrize(
    "raw",
    [
        {},
        "law",
        {"profession": {"like": "law"}},
        {"profession": {"in": "law"}},
        {"signals": {"empty": "yes"}},
        {"notice_days": {"gt": "3"}},
        {"notice_days": {"gt": True}},
        {"all": []},
        {"any": {"profession": "law"}},
        {"ref": 3},
        {"profession": {}},
    ],
)
def test_malformed_conditions_are_refused(raw):
    with pytest.raises(ConditionSyntaxError):
        parse_condition(raw)
