"""Schedules: the weekly digest and the daily reminders, each sent exactly once (DESIGN §4)."""

from schedules.scheduler import Scheduler, scheduler_client

__all__ = ["Scheduler", "scheduler_client"]
