"""Shared fixtures: the fake Slack server and a fresh database file per test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from samverkan.service import Context, Samverkan
from storage import Store

pytest_plugins = ["tests.support.fixtures"]


class Clock:
    """An injected clock that tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    """Wednesday 2026-11-25 10:00 UTC (11:00 in Stockholm)."""
    return Clock(datetime(2026, 11, 25, 10, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    """A migrated database in a real temporary file."""
    s = Store(tmp_path / "samverkan.db", clock=clock)
    s.migrate()
    return s


@pytest.fixture
def app(store: Store, clock: Clock) -> Samverkan:
    """The domain on the temporary database, with the injected clock."""
    return Samverkan(store, clock=clock)


@pytest.fixture
def run(app: Samverkan) -> Callable:
    """Run a command as a user in a channel: run("anna", "log ...")."""

    def _run(user: str, text: str, channel: str = "C1", team: str = "T1"):
        return app.run(Context(team, channel, user), text)

    return _run
