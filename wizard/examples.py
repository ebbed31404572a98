"""Example situations (content/examples/): ordinary answers files with a title and a
line of description. The welcome screen offers some; content loading renders every
template against all of them."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from wizard.answers import Answers

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "content" / "examples"


@dataclass(frozen=True)
class ExampleInfo:
    id: str
    title: str
    blurb: str
    welcome: bool


@functools.cache
def example_index(directory: Path = EXAMPLES_DIR) -> tuple[ExampleInfo, ...]:
    """Titles and descriptions only: cheap enough for the first page."""
    entries = yaml.safe_load((directory / "index.yaml").read_text(encoding="utf-8"))
    return tuple(ExampleInfo(**entry) for entry in entries)


def welcome_examples(directory: Path = EXAMPLES_DIR) -> tuple[ExampleInfo, ...]:
    return tuple(info for info in example_index(directory) if info.welcome)


@functools.cache
def example_answers(example_id: str, directory: Path = EXAMPLES_DIR) -> Answers:
    # Imported here, not at the top: the welcome screen lists the examples (example_index)
    # and must not wait for pydantic on a cold start (about 50 ms).
    from wizard.answers import load_answers

    if example_id not in {info.id for info in example_index(directory)}:
        raise KeyError(example_id)
    return load_answers((directory / f"{example_id}.yaml").read_bytes())


def all_example_answers(directory: Path = EXAMPLES_DIR) -> tuple[Answers, ...]:
    return tuple(example_answers(info.id, directory) for info in example_index(directory))
