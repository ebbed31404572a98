"""Content templates: sandboxed, strict about unknown names, and never change their input."""

import pytest
from jinja2 import UndefinedError
from jinja2.sandbox import SecurityError

from wizard.templating import PlainText, compile_template


def test_plain_sentences_skip_jinja_but_render_the_same():
    template = compile_template("A plain sentence.\n")
    assert isinstance(template, PlainText)
    assert template.render({}) == "A plain sentence."


def test_sandbox_blocks_python_internals():
    with pytest.raises(SecurityError):
        compile_template("{{ name.__class__.__mro__ }}").render({"name": "x"})


def test_unknown_names_fail_loudly():
    with pytest.raises(UndefinedError):
        compile_template("Dear {{ clinet }},").render({"client": "Ada"})


def test_rendering_never_changes_the_callers_context():
    context = {"client": "Ada", "tone": "warm"}
    text = compile_template("{% set client = 'other' %}{{ client }} / {{ tone }}").render(context)
    assert text == "other / warm"
    assert context == {"client": "Ada", "tone": "warm"}
