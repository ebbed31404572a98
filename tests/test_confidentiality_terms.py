"""A confidentiality clause survives the ending, and the letter says so (notes: "note
which confidentiality terms survive"); without one, the plain promise stays."""

from __future__ import annotations

from tests.test_letters_wording import letters, plan_for


def test_the_letter_names_the_surviving_confidentiality_terms() -> None:
    text = letters(plan_for(signals=["goal_misalignment"], confidentiality_terms=True))
    assert "The confidentiality terms of our agreement continue to apply" in text


def test_without_a_clause_the_plain_promise_stays() -> None:
    text = letters(plan_for(profession="law", signals=["goal_misalignment"]))
    assert "confidentiality terms of our agreement" not in text
    assert "stays confidential after our work ends" in text
