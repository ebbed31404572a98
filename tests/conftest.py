"""Shared test set-up."""

import pytest

from wizard.cli import DEBUG_ENV


@pytest.fixture(autouse=True)
def _programming_errors_raise(monkeypatch):
    # The command line turns any unexpected error into "exit 2, one line" for users; in
    # tests (and the subprocesses they start) a programming error must fail loudly.
    monkeypatch.setenv(DEBUG_ENV, "1")
