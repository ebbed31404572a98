"""The PDF shows the Plan's words and dates and none of its own (issue 8)."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from tests.plan_factory import make_plan, message
from wizard.models import PlanLabels
from wizard.pdf import render_pdf
from wizard.pdf.text import strings_in


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _tokened_plan():
    """A plan whose every fixed word is a made-up token, so any word the renderer adds
    itself stands out."""
    labels = {name: f"Lb{i}" for i, name in enumerate(PlanLabels.model_fields)}
    labels["page_footer"] = "Pg {page} Tot {pages}"
    return make_plan(
        labels=PlanLabels(**labels),
        title="Ttl Harbour",
        prepared_line="Prp Sam Fri",
        running_header="Hdr Harbour",
        document_author="Ath Sam",
        document_subject="Sbj Open",
    )


# Layout marks that are not words: bullets, list numbers, the ellipsis of a cut line.
_LAYOUT = re.compile(r"^(•|…|\d+\.?)$")


def _from_plan(word: str, allowed: set[str]) -> bool:
    # Text extraction runs two table cells together now and then ("2026Send").
    return word in allowed or any(
        word[:i] in allowed and word[i:] in allowed for i in range(1, len(word))
    )


def test_every_word_on_the_pages_comes_from_the_plan():
    plan = _tokened_plan()
    allowed = {word for text in strings_in(plan) for word in text.split()}
    words = _text(render_pdf(plan)).split()
    own = sorted({w for w in words if not _from_plan(w, allowed) and not _LAYOUT.match(w)})
    assert own == []
    # Every label a PDF shows is there (recommendation and timing are the page's only).
    # The downloads' and build problems' words belong to the page; the private mark is in
    # the plan's footer text; the draft titles show only with further drafts.
    page_only = {"recommendation", "timing", "page_footer", "private_mark", "continued"}
    page_only |= {"download_pdf", "download_docx", "download_ics", "build_busy", "too_long"}
    page_only |= {"message_confirmation", "message_exit_later"}
    shown = set(PlanLabels.model_fields) - page_only
    for name in shown:
        assert getattr(plan.labels, name) in words, name


def test_footer_and_header_words_come_from_the_plan():
    pages = [
        page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(_tokened_plan()))).pages
    ]
    for number, text in enumerate(pages, start=1):
        assert f"Pg {number} Tot {len(pages)}" in text
        assert ("Hdr Harbour" in text) is (number > 1)


def test_metadata_comes_from_the_plan():
    meta = PdfReader(io.BytesIO(render_pdf(_tokened_plan()))).metadata
    assert (meta.title, meta.author, meta.subject) == ("Ttl Harbour", "Ath Sam", "Sbj Open")


def test_no_client_name_page_and_metadata_both_use_the_plans_title():
    # The old renderer wrote its own "your client" while the page said "[client name]".
    plan = make_plan(client_name="", title="Exit plan for [client name]")
    data = render_pdf(plan)
    assert "Exit plan for [client name]" in _text(data)
    assert "your client" not in _text(data)
    assert PdfReader(io.BytesIO(data)).metadata.title == "Exit plan for [client name]"


def test_talking_points_have_no_subject_line():
    # The old renderer printed "Subject: ..." above talking points for a phone call.
    plan = make_plan(
        message=message("Open warmly.\nSay the end date.", "Ending our work", kind="talking_points")
    )
    text = _text(render_pdf(plan))
    assert "Subject" not in text
    assert "Ending our work" not in text
    assert "Say the end date." in text


def test_email_subject_line_is_the_plans():
    plan = make_plan(
        message=message("Dear Ann,", "Ending our work").model_copy(
            update={"subject_line": "Re: Ending our work"}
        )
    )
    text = _text(render_pdf(plan))
    assert "Re: Ending our work" in text
    assert "Subject" not in text


def test_scenario_with_a_phone_call_prints_no_subject():
    from pathlib import Path

    from wizard.answers import load_answers
    from wizard.content import load_content
    from wizard.plan import build_plan

    # Despite its name, the engine recommends a phone call here.
    path = Path(__file__).parent / "scenarios" / "close_prefers_email.yaml"
    plan = build_plan(load_answers(path.read_bytes()), load_content(), today=dt.date(2026, 1, 15))
    assert plan.message.subject_line is None
    # The talking points have no subject; the written confirmation after the call has one.
    text = _text(render_pdf(plan))
    confirmation = plan.further_messages[0]
    assert confirmation.subject_line is not None
    assert text.count("Subject") == text.count(confirmation.subject_line) == 1
