"""Shared test set-up."""

import os

import pytest
from hypothesis import settings

from wizard.cli import DEBUG_ENV

# `make test` (and so CI) draws the same property-test examples on every run, so a red CI
# always means a change, never a lucky draw; `make fuzz` explores new random examples and
# is where a failure found by chance gets reproduced and pinned with @example.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("PARTWAYS_HYPOTHESIS", "repeatable"))


@pytest.fixture(autouse=True)
def _programming_errors_raise(monkeypatch):
    # The command line turns any unexpected error into "exit 2, one line" for users; in
    # tests (and the subprocesses they start) a programming error must fail loudly.
    monkeypatch.setenv(DEBUG_ENV, "1")
