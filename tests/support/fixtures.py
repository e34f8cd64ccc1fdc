"""Pytest fixtures for the fake Slack; load with `pytest_plugins = ["tests.support.fixtures"]`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket import FakeSocket


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A started FakeSlack; the test fails at teardown if Slack's contract was violated."""
    with FakeSlack() as fake:
        yield fake
    if fake.violations:
        listed = "\n  ".join(fake.violations)
        pytest.fail(f"Slack contract violations:\n  {listed}", pytrace=False)


@pytest.fixture
def fake_socket(fake_slack: FakeSlack) -> Iterator[FakeSocket]:
    """A started FakeSocket wired to `fake_slack` (apps.connections.open returns its URL)."""
    with FakeSocket(fake_slack) as socket:
        yield socket
