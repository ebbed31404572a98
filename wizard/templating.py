"""One sandboxed Jinja2 environment for all content templates.

Templates produce plain text (messages, reasons, checklist lines), never HTML, so
autoescape is off; user text stays data because every renderer shows text as text.
StrictUndefined turns a misspelt variable into an error at load time.
"""

from __future__ import annotations

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

ENV = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    # Blank lines around optional paragraphs are kept here and tidied after rendering,
    # so template authors can write plain paragraphs.
    trim_blocks=False,
    lstrip_blocks=False,
    keep_trailing_newline=False,
)

__all__ = ["ENV", "TemplateSyntaxError", "compile_template"]


def compile_template(source: str):
    return ENV.from_string(source)
