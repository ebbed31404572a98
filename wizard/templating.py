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


class PlainText:
    """A 'template' without any Jinja syntax: most reasons and titles are plain sentences,
    and skipping Jinja's compiler for them roughly halves content loading time."""

    def __init__(self, text: str):
        # Jinja drops one trailing newline (keep_trailing_newline=False); so do we.
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, *args: object, **kwargs: object) -> str:
        return self.text


class JinjaText:
    """A compiled template rendered against the caller's dict as it is: Jinja's default
    render copies the whole context (some 60 names) for every one of a plan's ~30 renders.
    Content templates use no Jinja globals, which a shared context leaves out; the load-time
    render check (wizard.samples) would fail on one that did."""

    def __init__(self, template):
        self.template = template

    def render(self, context: dict) -> str:
        template = self.template
        env = template.environment
        # Jinja's own new_context would also copy the names of its globals into a set on
        # every render; a shared context never reads them (see above).
        shared = env.context_class(env, context, template.name, template.blocks)
        return env.concat(template.root_render_func(shared))


def compile_template(source: str):
    if "{{" not in source and "{%" not in source and "{#" not in source:
        return PlainText(source)
    return JinjaText(ENV.from_string(source))
