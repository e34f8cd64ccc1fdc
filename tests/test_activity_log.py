"""`activity A# log [<page>]`: every entry of an activity is reachable from Slack (issue 11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from samverkan import grammar as g
from samverkan.commands.activity_log import ActivityLog
from samverkan.parsing import ParseError
from tests.test_service import mrkdwn


@pytest.fixture
def busy(run: Callable, store) -> Callable:
    """A plan with A1, and 95 log entries on it over the last 95 days."""
    for text in (
        "setup Trygg",
        "org add Polisen police",
        "member <@erik> Polisen",
        "activity add Walks",
    ):
        assert run("anna", text).ok
    with store.write() as tx:
        for n in range(95):
            tx.logs.add(
                1,
                text=f"Entry {n}",
                user_id="erik",
                happened_on=date(2026, 11, 25) - timedelta(days=94 - n),
                source="command",
                activity_id=1,
            )
    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("activity A1 log", ActivityLog(1)),
        ("activity A1 log 2", ActivityLog(1, 2)),
        ("aktivitet A3 logg 10", ActivityLog(3, 10)),
        ("aktivitet A3 insatser", ActivityLog(3)),
    ],
)
def test_parses(text: str, expected: ActivityLog) -> None:
    assert g.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["activity A1 log two", "activity A1 log 0", "activity A1 log 1 2"]
)
def test_bad_pages_are_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    assert (caught.value.key, caught.value.topic) == ("error.activity_log_usage", "activity")


def test_activity_shows_five_and_points_at_the_rest(busy) -> None:
    body = mrkdwn(busy("erik", "activity A1"))
    assert "Entry 94" in body and "Entry 90" in body and "Entry 89" not in body
    assert "…and 90 more: `/samverkan activity A1 log`" in body


def test_pages_reach_every_entry_newest_first(busy) -> None:
    seen: list[str] = []
    for page, more in (
        (1, "…and 55 more: `/samverkan activity A1 log 2`"),
        (2, "…and 15 more: `/samverkan activity A1 log 3`"),
        (3, None),
    ):
        reply = busy("erik", f"activity A1 log {page}" if page > 1 else "activity A1 log")
        assert reply.items[0].text == "A1 Walks: log (95)"
        body = mrkdwn(reply)
        seen += [w for w in body.split() if w.startswith("`L")]
        if more:
            assert more in body
        else:
            assert "more" not in body
    assert seen == [f"`L{n}`" for n in range(95, 0, -1)]
    assert busy("erik", "activity A1 log 4").text == "A1 has no entries on that page (pages: 3)."


def test_in_swedish_the_pointer_is_swedish(busy) -> None:
    busy("anna", "settings language sv")
    assert "…och 55 till: `/samverkan aktivitet A1 log 2`" in mrkdwn(
        busy("erik", "aktivitet A1 logg")
    )
