"""Defects found by the fourteenth review (combinations of the professions' hard rules),
each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt

from tests.test_review12 import TODAY, flat, plan_for  # the same plan date and helpers
from wizard.bidi import contained
from wizard.pdf import render_pdf

OTHER_SIGNALS = ["goal_misalignment"]


def test_a_clinician_who_must_withdraw_promises_only_proper_care_meanwhile() -> None:
    # Notes, improper requests: the improper work is never done meanwhile. The letter may
    # not promise care (or prescriptions) "as planned" without that exception.
    plan = plan_for(
        profession="healthcare", signals=["unethical_request"], improper_request_insisted=True,
        remedies_tried=["frank_conversation"], has_contract=False, termination_clause="none",
        client_assets=["clinical_records"], client_depends_on_you=True,
        notice_date="2026-12-09",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "go on as planned" not in body
    assert "not what I have told you I cannot do" in body
    assert "medicine I properly prescribe" in body


def test_a_therapists_care_reason_does_not_repeat_continue_your_care() -> None:
    plan = plan_for(
        profession="therapy", signals=["needs_beyond_expertise"], has_contract=False,
        termination_clause="none", client_assets=["clinical_records"],
    )  # fmt: skip
    assert flat(plan.message.body).count("continue your care") <= 1


def test_a_change_on_the_providers_side_beside_a_fixable_problem_says_why_no_fix_comes_first() -> (
    None
):
    # The user thinks something could help, but the provider's own change ends the work
    # whatever is put right: the reason says so instead of "nothing calls for a fix".
    plan = plan_for(
        signals=["provider_changes", "payment_problems"], pattern="one_off",
        remedies_exhausted="no", outstanding_balance=1200, notice_date="2026-12-09",
    )  # fmt: skip
    assert plan.recommendation.readiness == "proceed"
    assert plan.recommendation.notice_date == dt.date(2026, 12, 9)
    assert any("not something the client could put right" in r for r in plan.reasons)


def test_a_finished_job_with_open_work_warns_that_the_answers_clash() -> None:
    plan = plan_for(
        engagement_status="finished", work_in_progress="critical", signals=["scope_creep"],
        key_deadlines=[{"date": "2026-12-18", "what": "Go-live"}],
    )  # fmt: skip
    assert plan.recommendation.warning_ids[0] == "finished_open_work"
    assert "work is still open and the client relies on it" in plan.warnings[0]


def test_a_suggested_improper_request_is_refused_today_and_nothing_is_held() -> None:
    plan = plan_for(
        profession="law", signals=["unethical_request"], court_matter_pending=True,
        critical_period=True, critical_period_ends="2027-01-31", notice_date="2026-12-09",
        key_deadlines=[{"date": "2027-01-20", "what": "Trial"}],
    )  # fmt: skip
    steps = {s.id: s for s in plan.timeline}
    assert steps["try_remedy"].date == TODAY
    assert "hold" not in steps
    assert any("send it today, Monday 7 December 2026" in r for r in plan.reasons)
    assert not any("critical period" in r for r in plan.reasons)
    assert not [w for w in plan.warnings if "notice" in w.lower()]
    assert plan.recommendation.warning_ids == ["improper_request"]


def test_an_accountants_refusal_plan_promises_no_notice() -> None:
    plan = plan_for(
        profession="accounting", signals=["unethical_request"], notice_date="2026-12-09",
        key_deadlines=[{"date": "2027-01-31", "what": "Annual return"}],
    )  # fmt: skip
    assert "served_deadlines" not in {s.id for s in plan.timeline}
    assert not any("notice" in w.lower() for w in plan.warnings)
    assert not any("end moves past it" in r for r in plan.reasons)


def test_a_request_only_suggested_beside_drifting_goals_does_not_make_the_exit_quiet() -> None:
    plan = plan_for(
        signals=["unethical_request", *OTHER_SIGNALS], remedies_tried=["frank_conversation"],
        remedies_exhausted="yes", conversation_outlook="unknown",
    )  # fmt: skip
    assert plan.recommendation.strategy == "communicate"
    refuse = next(s for s in plan.timeline if s.id == "refuse_first")
    assert "“I am not able to do what you asked" in refuse.detail


def test_a_threatened_builders_final_invoice_stops_at_the_day_of_notice() -> None:
    plan = plan_for(
        profession="construction", signals=["behaviour_decline"], safety_concern=True,
        safety_level="threat", notice_days=30, work_in_progress="some",
        outstanding_balance=4000, notice_date="2026-12-09",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "covering the work up to Wednesday 9 December 2026" in body
    assert plan.recommendation.effective_date != dt.date(2026, 12, 9)


def test_the_call_script_names_no_open_work_when_there_is_none() -> None:
    plan = plan_for(
        signals=["provider_changes"], preferred_channel="email", work_in_progress="none",
    )  # fmt: skip
    script = flat(plan.follow_up_script or "")
    assert "Walk through what happens next:" in script
    assert "open work" not in script


def test_a_general_capped_crisis_wait_speaks_of_the_work_and_points_to_help() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], remedies_exhausted="yes", client_in_crisis=True,
        client_in_crisis_until="2027-09-01",
    )  # fmt: skip
    assert "hold_capped" in plan.recommendation.warning_ids
    assert not any("their care" in r for r in plan.reasons)
    # The must-do points the client to help; the letter no longer claims it was done
    # (review 19: no message the plan drafts points them to it).
    assert "crisis_resources" in plan.recommendation.constraints
    assert "I know this may come at a hard time for you." in flat(plan.message.body)
    assert "pointed you to" not in flat(plan.message.body)


def test_direction_marks_in_a_name_stay_inside_the_name() -> None:
    assert contained("a\u202eb") == "a\u202eb\u202c"
    assert contained("\u2067x\u202by") == "\u2067x\u202by\u202c\u2069"
    assert contained("\u2068x\u202by\u2069") == "\u2068x\u202by\u2069"
    plan = plan_for(client_name="Yamada \u202eevil", preferred_channel="email")
    assert plan.running_header.count("\u202e") == plan.running_header.count("\u202c")
    assert "\u202eevil\u202c" in plan.message.body
    assert render_pdf(plan)[:5] == b"%PDF-"
