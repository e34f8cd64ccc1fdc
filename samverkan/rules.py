"""The plan's rules, each written once: late, quiet, needs attention, who may act.

Status, overdue, the digest, App Home and reminders all judge with these, so they never
disagree about what is late or who may press a button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from storage import Activity, FollowUp, Member

#: An activity in one of these states is finished: never late, never quiet.
CLOSED_STATUSES = ("done", "cancelled")
#: An active activity with nothing logged for this many days is "quiet".
QUIET_DAYS = 28
#: A follow-up overdue by more than this many days needs attention (the digest lists it so).
LONG_OVERDUE_DAYS = 7


def is_ongoing(activity: Activity) -> bool:
    """Whether an activity is still to be done (planned, active or paused)."""
    return activity.status not in CLOSED_STATUSES


def late_if_due_before(today: date) -> date:
    """The day before which a due date is past: an open follow-up or an ongoing activity due
    earlier is late (storage counts with it, so SQL and Python agree)."""
    return today


def activity_late(activity: Activity, today: date) -> bool:
    """Whether an ongoing activity is past its due date."""
    due = activity.due_date
    return is_ongoing(activity) and due is not None and due < late_if_due_before(today)


def followup_late(followup: FollowUp, today: date) -> bool:
    """Whether an open follow-up is past its due date."""
    due = followup.due_date
    return followup.status == "open" and due is not None and due < late_if_due_before(today)


def days_late(followup: FollowUp, today: date) -> int:
    """How many days a follow-up is past its due date (0 when it is not)."""
    if followup.due_date is None:
        return 0
    return max((today - followup.due_date).days, 0)


def activity_quiet(activity: Activity, last_logged: date | None, today: date, tz: ZoneInfo) -> bool:
    """Whether an active activity has had nothing logged for QUIET_DAYS.

    Never logged, it counts from its start date, else from the day it was created.
    """
    if activity.status != "active":
        return False
    since = last_logged or activity.start_date or activity.created_at.astimezone(tz).date()
    return since < today - timedelta(days=QUIET_DAYS)


@dataclass(frozen=True)
class Attention:
    """The activities that need attention, each listed once: red, else late, else quiet."""

    red: list[Activity]
    late: list[Activity]
    quiet: list[Activity]


def needs_attention(
    activities: list[Activity], last_logged: dict[int, date], today: date, tz: ZoneInfo
) -> Attention:
    """Sort the ongoing activities that need attention into red, late and quiet."""
    ongoing = [a for a in activities if is_ongoing(a)]
    red = [a for a in ongoing if a.rag == "red"]
    late = [a for a in ongoing if a.rag != "red" and activity_late(a, today)]
    late_ids = {a.id for a in late}
    quiet = [
        a
        for a in ongoing
        if a.rag != "red"
        and a.id not in late_ids
        and activity_quiet(a, last_logged.get(a.id), today, tz)
    ]
    return Attention(red, late, quiet)


def may_act_on_followup(
    followup: FollowUp, user_id: str, member: Member | None, *, reassign: bool = False
) -> bool:
    """Whether a person may close, snooze (or, with `reassign`, reassign) a follow-up.

    A coordinator and whoever assigned it always may; the assignee may, except reassign it.
    """
    if member is not None and member.is_coordinator:
        return True
    return user_id == followup.assigned_by or (not reassign and user_id == followup.assignee)
