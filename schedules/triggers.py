"""When the schedules fire: the cron triggers of digests and reminders, and a missed digest."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from samverkan.reminders import REMINDER_TIME
from samverkan.timing import digest_due_in_week, digest_time
from storage import Plan

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def digest_trigger(plan: Plan) -> CronTrigger | None:
    """The cron trigger of a plan's weekly digest, or None when it is off (or archived)."""
    if plan.digest_weekday is None or plan.archived:
        return None
    at = digest_time(plan)
    return CronTrigger(
        day_of_week=WEEKDAYS[plan.digest_weekday],
        hour=at.hour,
        minute=at.minute,
        timezone=ZoneInfo(plan.timezone),
    )


def reminders_trigger(timezone: str) -> CronTrigger:
    """09:00 Monday to Friday in a timezone (holidays are skipped by the job)."""
    return CronTrigger(
        day_of_week="mon-fri",
        hour=REMINDER_TIME.hour,
        minute=REMINDER_TIME.minute,
        timezone=ZoneInfo(timezone),
    )


def same_trigger(a: object, b: object) -> bool:
    """Whether two cron triggers fire at the same moments."""
    return (
        isinstance(a, CronTrigger)
        and isinstance(b, CronTrigger)
        and str(a) == str(b)
        and str(a.timezone) == str(b.timezone)
    )


def digest_due(plan: Plan, now: datetime) -> datetime | None:
    """This ISO week's digest moment of a plan if it has passed and was scheduled in time."""
    due = digest_due_in_week(plan, now)
    if due is None or due > now:
        return None
    if plan.digest_set_at is not None and plan.digest_set_at > due:
        return None  # the schedule was set after that moment: nothing was missed
    return due
