"""The process's one scheduler: weekly digests and daily reminders (DESIGN §4 and §7).

APScheduler 3.x `BackgroundScheduler` with explicit `zoneinfo` timezones and fixed job ids:

* `digest:<plan id>`: a cron job at the plan's digest weekday and time, in the plan's
  timezone (so it stays at 08:00 local across daylight-saving changes);
* `reminders:<timezone>`: 09:00 Monday–Friday in each timezone that has plans (holidays are
  skipped by the job itself, with `samverkan.dates.is_working_day`);
* `digest-retry:<plan id>`: a one-off retry after a failed delivery;
* `catch-up`: once, right after start;
* `catch-up:<plan id>`: once, right after a change to a plan's schedule or timezone that put
  this week's moment in the past (see `reschedule`).

Job store. Jobs live in APScheduler's memory store and are derived from the database at every
start; the database is the only record of what was sent. A persistent job store would be a
second source of truth, and its misfire handling would compete with ours. What a restart must
not lose is covered by the catch-up pass instead: a digest whose moment passed earlier this
ISO week, while the bot was down, is delivered once, unless the schedule was set after that
moment (a plan created or rescheduled later waits for its next slot); reminders of a working
day are sent if the bot comes back between 09:00 and 17:00. Exactly-once comes from the
`digests` table and `followups.last_reminded_on` (see `digest_job` and
`samverkan.reminders`), not from the scheduler.

Jobs are added only when missing or changed: `sync()` and `reschedule()` compare the wanted
trigger with the job's and leave an unchanged job alone, so its next run time stands.
`reschedule(plan_id)` is registered in `Samverkan.schedule_listeners`, so a `digest schedule`,
`digest off`, a new plan or a timezone change takes effect at once, without a restart.

One scheduler per process (a second `start()` raises), and one process per database: `start()`
takes an exclusive lock on `<database>.schedules.lock`; a second process on the same file logs
an error and runs without schedules. Even so, the database alone keeps a digest from going out
twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from slack_sdk import WebClient

from samverkan.reminders import REMINDER_TIME, reminder_day
from samverkan.service import Samverkan
from samverkan.timing import digest_due_in_week, digest_time
from schedules.digest_job import DigestDelivery
from schedules.reminders_job import ReminderDelivery
from slackapi.clients import derived_client
from storage import Plan

try:  # POSIX; elsewhere the one-process rule is only documented.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

DIGEST_JOB = "digest:{}"
RETRY_JOB = "digest-retry:{}"
PLAN_CATCH_UP_JOB = "catch-up:{}"
REMINDERS_JOB = "reminders:{}"
CATCH_UP_JOB = "catch-up"
#: With worker processes, how often the schedules are read again (see follow_other_processes).
SYNC_JOB = "sync"
SYNC_SECONDS = 30
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Reminders missed while down are still sent when the bot is back before this (plan-local).
REMINDERS_CATCH_UP_UNTIL = time(17, 0)
#: How often the client itself retries HTTP 429, honouring Retry-After.
RATE_LIMIT_RETRIES = 2

JOB_DEFAULTS = {
    # Late runs (a busy or suspended machine) still run; the jobs check the week or day.
    "misfire_grace_time": None,
    "coalesce": True,
    "max_instances": 1,
}

_process_lock = threading.Lock()
_active: Scheduler | None = None


def scheduler_client(client: WebClient) -> WebClient:
    """A client for the schedules: the given one's token and API URL, with its own retries.

    HTTP 429 is retried honouring Retry-After. 5xx and dropped connections are not retried at
    the HTTP level: for chat.postMessage they are ambiguous (Slack may have posted), so the
    digest job checks the channel before it tries again.
    """
    return derived_client(client, rate_limit_retries=RATE_LIMIT_RETRIES)


def digest_trigger(plan: Plan) -> CronTrigger | None:
    """The cron trigger of a plan's weekly digest, or None when it is off."""
    if plan.digest_weekday is None:
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


class DatabaseLock:
    """An exclusive lock on `<database>.schedules.lock`, held while the scheduler runs."""

    def __init__(self, db_path: str) -> None:
        self.path = Path(f"{db_path}.schedules.lock")
        self._file: TextIO | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        if fcntl is None:
            return True
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


class Scheduler:
    """Runs the weekly digests and the daily reminders of every plan in one database."""

    def __init__(
        self,
        app: Samverkan,
        client: WebClient,
        *,
        clock: Callable[[], datetime] | None = None,
        scheduler: BackgroundScheduler | None = None,
    ) -> None:
        self.app = app
        self.store = app.store
        self.clock = clock or app.clock
        self.client = scheduler_client(client)
        self.scheduler = scheduler or BackgroundScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
        self.digests = DigestDelivery(app, self.client, clock=self.clock, on_retry=self.retry_later)
        self.reminders = ReminderDelivery(app, self.client, clock=self.clock)
        #: Set once the catch-up pass after start has finished.
        self.caught_up = threading.Event()
        self._sync_lock = threading.RLock()
        self._db_lock: DatabaseLock | None = None

    # -- life cycle --------------------------------------------------------------------------

    def start(self, *, paused: bool = False) -> bool:
        """Start the jobs and the catch-up pass; False when another process runs them."""
        global _active
        with _process_lock:
            if _active is not None:
                raise RuntimeError("a scheduler is already running in this process")
            lock = DatabaseLock(self.store.path)
            if not lock.acquire():
                log.error(
                    "another process runs the schedules of %s; this one runs none",
                    self.store.path,
                )
                return False
            _active, self._db_lock = self, lock
        try:
            self.scheduler.start(paused=paused)
            self.sync()
            self.scheduler.add_job(self.catch_up, id=CATCH_UP_JOB, replace_existing=True)
        except BaseException:
            # Let go of the lock and the process's slot, so the failure is all that remains.
            self.shutdown(wait=False)
            raise
        log.info("schedules started: %s", ", ".join(j.id for j in self.scheduler.get_jobs()))
        return True

    def shutdown(self, wait: bool = True) -> None:
        """Stop the jobs (waiting for running ones) and let go of the database lock."""
        global _active
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)
        with _process_lock:
            if self._db_lock is not None:
                self._db_lock.release()
                self._db_lock = None
            if _active is self:
                _active = None

    def follow_other_processes(self, seconds: float = SYNC_SECONDS) -> None:
        """Re-read every plan's schedule every `seconds`: worker processes (serve.workers) change
        schedules without this process's listeners hearing of it."""
        self.scheduler.add_job(
            self.sync, "interval", seconds=seconds, id=SYNC_JOB, replace_existing=True
        )

    # -- jobs --------------------------------------------------------------------------------

    def sync(self) -> None:
        """Make the jobs match the database: add missing, change changed, drop stale ones."""
        with self._sync_lock, self.store.read() as tx:
            plans = tx.plans.all()
        with self._sync_lock:
            wanted = {DIGEST_JOB.format(p.id) for p in plans if p.digest_weekday is not None}
            for job in self.scheduler.get_jobs():
                if job.id.startswith("digest:") and job.id not in wanted:
                    job.remove()
            for plan in plans:
                self._sync_digest(plan)
            self._sync_reminders({p.timezone for p in plans})

    def reschedule(self, plan_id: int) -> None:
        """Bring one plan's jobs up to date (a schedule listener of the app).

        A change can put this week's moment in the past: a new timezone in which Monday 08:00
        has already been. The week's digest then goes out now, once, as it would after a
        restart, so what happens does not depend on restarts. A changed
        `digest schedule` records when it was set, and a moment before that is not caught up.
        """
        with self._sync_lock:
            with self.store.read() as tx:
                plan = tx.plans.get(plan_id)
                zones = {p.timezone for p in tx.plans.all()}
            if plan is not None:
                self._sync_digest(plan)
                if digest_due(plan, self.clock()) is not None:
                    # On the scheduler's threads, not in the command that changed the plan;
                    # run_digest checks again and the database keeps it to one digest a week.
                    self.scheduler.add_job(
                        self.run_digest,
                        DateTrigger(run_date=self.clock()),
                        args=[plan_id],
                        id=PLAN_CATCH_UP_JOB.format(plan_id),
                        replace_existing=True,
                    )
            self._sync_reminders(zones)

    def _sync_digest(self, plan: Plan) -> None:
        job_id = DIGEST_JOB.format(plan.id)
        trigger = digest_trigger(plan)
        job = self.scheduler.get_job(job_id)
        if trigger is None:
            if job is not None:
                job.remove()
                log.info("digest of plan %s: off", plan.id)
        elif job is None:
            self.scheduler.add_job(
                self.run_digest, trigger, args=[plan.id], id=job_id, name=f"digest {plan.id}"
            )
            log.info("digest of plan %s: %s (%s)", plan.id, trigger, plan.timezone)
        elif not same_trigger(job.trigger, trigger):
            self.scheduler.reschedule_job(job_id, trigger=trigger)
            log.info("digest of plan %s: now %s (%s)", plan.id, trigger, plan.timezone)

    def _sync_reminders(self, zones: set[str]) -> None:
        for job in self.scheduler.get_jobs():
            if job.id.startswith("reminders:") and job.id.split(":", 1)[1] not in zones:
                job.remove()
        for zone in sorted(zones):
            job_id = REMINDERS_JOB.format(zone)
            trigger = reminders_trigger(zone)
            job = self.scheduler.get_job(job_id)
            if job is None:
                self.scheduler.add_job(
                    self.run_reminders, trigger, args=[zone], id=job_id, name=f"reminders {zone}"
                )
            elif not same_trigger(job.trigger, trigger):
                self.scheduler.reschedule_job(job_id, trigger=trigger)

    def run_digest(self, plan_id: int) -> str:
        """The weekly job of one plan: deliver this week's digest if it is due."""
        now = self.clock()
        with self.store.read() as tx:
            plan = tx.plans.get(plan_id)
        due = digest_due(plan, now) if plan is not None else None
        if due is None:
            return "skipped"
        return self.digests.deliver(plan_id, due)

    def run_reminders(self, timezone: str) -> int:
        """The daily job of one timezone: send the reminders due today."""
        return self.reminders.run(timezone)

    def retry_later(self, plan_id: int, due: datetime, delay: float) -> None:
        """Try a plan's digest again after `delay` seconds (one pending retry per plan)."""
        run_at = self.clock() + timedelta(seconds=delay)
        self.scheduler.add_job(
            self._retry,
            DateTrigger(run_date=run_at),
            args=[plan_id, due.isoformat()],
            id=RETRY_JOB.format(plan_id),
            replace_existing=True,
        )

    def _retry(self, plan_id: int, due: str) -> str:
        return self.digests.deliver(plan_id, datetime.fromisoformat(due))

    def catch_up(self) -> None:
        """After a start: what was due earlier while the bot was down goes out now, once."""
        try:
            now = self.clock()
            with self.store.read() as tx:
                plans = tx.plans.all()
            for plan in plans:
                due = digest_due(plan, now)
                if due is None:
                    continue
                try:
                    outcome = self.digests.deliver(plan.id, due)
                    if outcome != "skipped":
                        log.info("catch-up: digest of plan %s: %s", plan.id, outcome)
                except Exception:
                    log.exception("catch-up: digest of plan %s failed", plan.id)
            for zone in sorted({p.timezone for p in plans}):
                local = now.astimezone(ZoneInfo(zone)).time()
                if reminder_day(zone, now) and local < REMINDERS_CATCH_UP_UNTIL:
                    try:
                        self.reminders.run(zone)
                    except Exception:
                        log.exception("catch-up: reminders for %s failed", zone)
        finally:
            log.info("catch-up done")
            self.caught_up.set()
