"""The round's jobs on the process's one scheduler (see `schedules.scheduler`).

* `round:<plan id>`: a cron job at the plan's round weekday and time, in the plan's timezone;
* `round-retry:<plan id>`: a one-off retry after a delivery that Slack did not take;
* `round-catch-up:<plan id>`: once, when a schedule change put this week's moment in the past.

Like the digest's, jobs are added only when missing or changed, and the catch-up pass after a
start sends a round missed earlier in the same ISO week, once. The database (the
`round_deliveries` rows) decides whether a member is asked, not the scheduler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from samverkan.round import round_due, round_time
from schedules.round_job import RoundDelivery
from storage import Plan, RoundSchedule, Store

log = logging.getLogger(__name__)

ROUND_JOB = "round:{}"
ROUND_RETRY_JOB = "round-retry:{}"
ROUND_CATCH_UP_JOB = "round-catch-up:{}"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def round_trigger(plan: Plan, schedule: RoundSchedule) -> CronTrigger | None:
    """The cron trigger of a plan's weekly round, or None when it is off."""
    if schedule.weekday is None:
        return None
    at = round_time(schedule)
    return CronTrigger(
        day_of_week=WEEKDAYS[schedule.weekday],
        hour=at.hour,
        minute=at.minute,
        timezone=ZoneInfo(plan.timezone),
    )


class RoundJobs:
    """Keeps one round job per plan and runs the deliveries."""

    def __init__(
        self,
        scheduler: BackgroundScheduler,
        store: Store,
        delivery: RoundDelivery,
        clock: Callable[[], datetime],
    ) -> None:
        self.scheduler = scheduler
        self.store = store
        self.delivery = delivery
        self.clock = clock
        delivery.on_retry = self.retry_later

    def _schedule(self, plan: Plan) -> RoundSchedule:
        with self.store.read() as tx:
            return tx.rounds.schedule(plan.id)

    def sync(self, plans: list[Plan]) -> None:
        """One job per plan with a round; stale ones removed, unchanged ones left alone."""
        wanted = {ROUND_JOB.format(p.id) for p in plans if self._schedule(p).weekday is not None}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("round:") and job.id not in wanted:
                job.remove()
        for plan in plans:
            self.sync_plan(plan, catch_up=False)

    def sync_plan(self, plan: Plan, catch_up: bool = True) -> None:
        """Bring one plan's round job up to date; a moment just put in the past goes out now."""
        schedule = self._schedule(plan)
        job_id = ROUND_JOB.format(plan.id)
        trigger = round_trigger(plan, schedule)
        job = self.scheduler.get_job(job_id)
        if trigger is None:
            if job is not None:
                job.remove()
        elif job is None:
            self.scheduler.add_job(self.run, trigger, args=[plan.id], id=job_id)
        elif str(job.trigger) != str(trigger) or str(job.trigger.timezone) != str(trigger.timezone):
            self.scheduler.reschedule_job(job_id, trigger=trigger)
        if catch_up and round_due(plan, schedule, self.clock()) is not None:
            self.scheduler.add_job(
                self.run,
                DateTrigger(run_date=self.clock()),
                args=[plan.id],
                id=ROUND_CATCH_UP_JOB.format(plan.id),
                replace_existing=True,
            )

    def stop(self, plan_id: int) -> None:
        """Remove a plan's round job (its workspace uninstalled the bot)."""
        job = self.scheduler.get_job(ROUND_JOB.format(plan_id))
        if job is not None:
            job.remove()

    def run(self, plan_id: int) -> dict[str, int]:
        """The weekly job of one plan: ask its members, if this week's round is due."""
        with self.store.read() as tx:
            plan = tx.plans.get(plan_id)
            if plan is not None and tx.workspaces.revoked(plan.team_id):
                plan = None
            schedule = tx.rounds.schedule(plan_id) if plan is not None else None
        due = round_due(plan, schedule, self.clock()) if plan and schedule else None
        if due is None:
            return {}
        return self.delivery.deliver(plan_id, due)

    def catch_up(self, plans: list[Plan]) -> None:
        """After a start: a round due earlier this week while the bot was down goes out now."""
        for plan in plans:
            try:
                outcome = self.run(plan.id)
                if outcome:
                    log.info("catch-up: round of plan %s: %s", plan.id, outcome)
            except Exception:
                log.exception("catch-up: round of plan %s failed", plan.id)

    def retry_later(self, plan_id: int, due: datetime, delay: float) -> None:
        """Try a plan's round again after `delay` seconds (one pending retry per plan)."""
        self.scheduler.add_job(
            self.run,
            DateTrigger(run_date=self.clock() + timedelta(seconds=delay)),
            args=[plan_id],
            id=ROUND_RETRY_JOB.format(plan_id),
            replace_existing=True,
        )
