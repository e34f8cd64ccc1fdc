"""When the weekly digest is due, in the plan's own timezone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from samverkan.dates import iso_week
from storage import Plan


def digest_time(plan: Plan) -> time:
    """The plan's digest time of day."""
    hh, mm = plan.digest_time.split(":")
    return time(int(hh), int(mm))


def digest_due_in_week(plan: Plan, any_day: datetime) -> datetime | None:
    """The scheduled digest moment in the ISO week of `any_day` (plan-local), if scheduled."""
    if plan.digest_weekday is None:
        return None
    tz = ZoneInfo(plan.timezone)
    local = any_day.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    day = monday + timedelta(days=plan.digest_weekday)
    # Built from wall-clock parts so a daylight-saving week keeps the local time.
    return datetime.combine(day, digest_time(plan), tzinfo=tz)


def next_digest_at(
    plan: Plan, now: datetime, week_done: Callable[[int, int], bool] | None = None
) -> datetime | None:
    """The next scheduled digest moment at or after `now`, or None when the digest is off.

    `week_done(iso_year, iso_week)` tells whether a week's digest is already done (sent): the
    delivery job posts nothing more that week, so this week's moment is then not the next one,
    even when a new schedule put it later in the week.
    """
    this_week = digest_due_in_week(plan, now)
    if this_week is None:
        return None
    if this_week >= now and not (week_done and week_done(*iso_week(this_week.date()))):
        return this_week
    return digest_due_in_week(plan, now + timedelta(days=7))
