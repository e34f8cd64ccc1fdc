"""When the weekly digest is due, in the plan's own timezone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

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


def next_digest_at(plan: Plan, now: datetime) -> datetime | None:
    """The next scheduled digest moment at or after `now`, or None when the digest is off."""
    this_week = digest_due_in_week(plan, now)
    if this_week is None:
        return None
    if this_week >= now:
        return this_week
    return digest_due_in_week(plan, now + timedelta(days=7))
