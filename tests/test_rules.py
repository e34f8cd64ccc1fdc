"""The plan's rules, pinned by tables: late, quiet, needs attention, who may act (rules.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from samverkan.rules import (
    activity_late,
    activity_quiet,
    days_late,
    followup_late,
    may_act_on_followup,
    needs_attention,
)
from storage import Activity, FollowUp, Member

TODAY = date(2026, 12, 1)
TZ = ZoneInfo("Europe/Stockholm")


def activity(
    n: int = 1,
    *,
    status: str = "active",
    rag: str | None = None,
    due: date | None = None,
    start: date | None = None,
    created: date = date(2026, 1, 1),
) -> Activity:
    return Activity(
        id=n,
        plan_id=1,
        ref=f"A{n}",
        title=f"Activity {n}",
        cause="",
        goal="",
        owner_org_id=None,
        owner=None,
        contact_user=None,
        start_date=start,
        due_date=due,
        status=status,
        rag=rag,
        created_by="anna",
        created_at=datetime(created.year, created.month, created.day, 12, tzinfo=UTC),
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def followup(*, status: str = "open", due: date | None = None) -> FollowUp:
    return FollowUp(
        id=1,
        plan_id=1,
        ref="F1",
        text="Call them",
        assignee="erik",
        assigned_by="sara",
        due_date=due,
        activity_id=None,
        activity_ref=None,
        status=status,
        done_by=None,
        done_at=None,
        snoozed_until=None,
        last_reminded_on=None,
        permalink=None,
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
    )


def member(user: str, role: str = "member") -> Member:
    return Member(1, 1, user, 1, "Polisen", role)


@pytest.mark.parametrize(
    ("status", "due", "late"),
    [
        ("active", date(2026, 11, 30), True),
        ("planned", date(2026, 11, 30), True),
        ("paused", date(2026, 11, 30), True),
        ("done", date(2026, 11, 30), False),
        ("cancelled", date(2026, 11, 30), False),
        ("active", TODAY, False),  # due today is not late yet
        ("active", date(2026, 12, 2), False),
        ("active", None, False),
    ],
)
def test_an_ongoing_activity_past_its_due_date_is_late(
    status: str, due: date | None, late: bool
) -> None:
    assert activity_late(activity(status=status, due=due), TODAY) is late


@pytest.mark.parametrize(
    ("status", "due", "late", "days"),
    [
        ("open", date(2026, 11, 24), True, 7),
        ("open", date(2026, 11, 30), True, 1),
        ("open", TODAY, False, 0),
        ("open", None, False, 0),
        ("done", date(2026, 11, 24), False, 7),
        ("cancelled", date(2026, 11, 24), False, 7),
    ],
)
def test_an_open_followup_past_its_due_date_is_late(
    status: str, due: date | None, late: bool, days: int
) -> None:
    f = followup(status=status, due=due)
    assert (followup_late(f, TODAY), days_late(f, TODAY)) == (late, days)


@pytest.mark.parametrize(
    ("status", "last", "start", "created", "quiet"),
    [
        ("active", date(2026, 11, 2), None, date(2026, 1, 1), True),  # 29 days ago
        ("active", date(2026, 11, 3), None, date(2026, 1, 1), False),  # 28 days ago
        ("active", None, date(2026, 10, 1), date(2026, 1, 1), True),  # never: from its start
        ("active", None, date(2026, 11, 20), date(2026, 1, 1), False),
        ("active", None, None, date(2026, 10, 1), True),  # no start: from when it was created
        ("active", None, None, date(2026, 11, 20), False),
        ("planned", None, None, date(2026, 1, 1), False),  # only active work goes quiet
        ("paused", None, None, date(2026, 1, 1), False),
        ("done", None, None, date(2026, 1, 1), False),
    ],
)
def test_an_active_activity_with_nothing_logged_for_four_weeks_is_quiet(
    status: str, last: date | None, start: date | None, created: date, quiet: bool
) -> None:
    a = activity(status=status, start=start, created=created)
    assert activity_quiet(a, last, TODAY, TZ) is quiet


def test_needs_attention_lists_each_activity_once_red_then_late_then_quiet() -> None:
    acts = [
        activity(1, rag="red", due=date(2026, 11, 1)),  # red and late: red
        activity(2, due=date(2026, 11, 1)),  # late and quiet: late
        activity(3),  # quiet only
        activity(4, status="done", rag="red", due=date(2026, 11, 1)),  # finished: nothing
        activity(5, status="paused", due=date(2026, 11, 1)),  # late, never quiet
    ]
    last = {3: date(2026, 10, 1)}
    attention = needs_attention(acts, last, TODAY, TZ)
    assert [a.ref for a in attention.red] == ["A1"]
    assert [a.ref for a in attention.late] == ["A2", "A5"]
    assert [a.ref for a in attention.quiet] == ["A3"]


@pytest.mark.parametrize(
    ("user", "role", "reassign", "may"),
    [
        ("erik", None, False, True),  # the assignee
        ("erik", "member", True, False),  # … may not hand it on
        ("sara", None, False, True),  # who assigned it
        ("sara", None, True, True),
        ("olle", "coordinator", False, True),
        ("olle", "coordinator", True, True),
        ("olle", "member", False, False),
        ("olle", None, False, False),
    ],
)
def test_who_may_act_on_a_followup(user: str, role: str | None, reassign: bool, may: bool) -> None:
    me = member(user, role) if role else None
    assert may_act_on_followup(followup(), user, me, reassign=reassign) is may
