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

Job store. Jobs live in APScheduler's memory store, derived from the database at start and
compared with it every POLL_SECONDS (`poll`: changes another process wrote); the database is
the only record of what was sent. What a restart must not lose is covered by the catch-up: a
digest whose moment passed earlier this ISO week, while the bot was down, is delivered once,
unless the schedule was set after that moment (a plan created or rescheduled later waits for
its next slot); reminders of a working day are sent if the bot comes back between 09:00 and
17:00. Exactly-once comes from the `digests` table and `followups.last_reminded_on`.

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
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from samverkan.reminders import reminder_day
from samverkan.service import Samverkan
from schedules.digest_job import DigestDelivery
from schedules.lock import DatabaseLock
from schedules.reminders_job import ReminderDelivery
from schedules.report_job import ReportReminders
from schedules.round_job import RoundDelivery
from schedules.round_jobs import RoundJobs
from schedules.teams import installed
from schedules.triggers import digest_due, digest_trigger, reminders_trigger, same_trigger
from schedules.upkeep import Backups, Upkeep
from slackapi.clients import derived_client
from slackapi.installs import TeamClients, team_clients
from storage import Plan, StoreError

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
POLL_JOB = "poll"
#: How often the jobs are compared with the database, for changes another process wrote.
POLL_SECONDS = 30.0
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


def scheduler_client(client: WebClient | TeamClients) -> TeamClients:
    """A client for the schedules: the given one's token and API URL, with its own retries.

    HTTP 429 is retried honouring Retry-After. 5xx and dropped connections are not retried at
    the HTTP level: for chat.postMessage they are ambiguous (Slack may have posted), so the
    digest job checks the channel before it tries again.
    """
    clients = team_clients(client)
    return clients.with_base(derived_client(clients.base, rate_limit_retries=RATE_LIMIT_RETRIES))


class Scheduler:
    """Runs the weekly digests and the daily reminders of every plan in one database."""

    def __init__(
        self,
        app: Samverkan,
        client: WebClient | TeamClients,
        *,
        clock: Callable[[], datetime] | None = None,
        scheduler: BackgroundScheduler | None = None,
        poll_seconds: float = POLL_SECONDS,
        backups: Backups | None = None,
    ) -> None:
        self.app = app
        self.store = app.store
        self.clock = clock or app.clock
        self.clients = scheduler_client(client)
        self.scheduler = scheduler or BackgroundScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
        self.digests = DigestDelivery(
            app, self.clients, clock=self.clock, on_retry=self.retry_later
        )
        self.reminders = ReminderDelivery(app, self.clients, clock=self.clock)
        round_delivery = RoundDelivery(app, self.clients, clock=self.clock)
        self.upkeep = Upkeep(app, self.scheduler, self.clock, backups)
        self.rounds = RoundJobs(self.scheduler, self.store, round_delivery, self.clock)
        self.report_reminders = ReportReminders(
            self.scheduler, self.store, self.clients, self.clock
        )
        #: Set once the catch-up pass after start has finished.
        self.caught_up = threading.Event()
        self._sync_lock = threading.RLock()
        self._db_lock: DatabaseLock | None = None
        self.poll_seconds = poll_seconds

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
                    "another process runs the schedules of %s; this one takes over when it ends",
                    self.store.path,
                )
                return False
            _active, self._db_lock = self, lock
        try:
            self.scheduler.start(paused=paused)
            self.sync()
            self.scheduler.add_job(self.catch_up, id=CATCH_UP_JOB, replace_existing=True)
            self.upkeep.start()
            logging.getLogger("apscheduler.executors.default").addFilter(_QuietPoll())
            self.scheduler.add_job(
                self.poll,
                IntervalTrigger(seconds=self.poll_seconds),
                id=POLL_JOB,
                replace_existing=True,
            )
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

    # -- jobs --------------------------------------------------------------------------------

    def sync(self) -> list[Plan]:
        """Make the jobs match the database: add missing, change changed, drop stale ones.

        Returns the plans whose digest job was added or changed now.
        """
        with self._sync_lock, self.store.read() as tx:
            plans = tx.plans.all()
        with self._sync_lock:
            wanted = {DIGEST_JOB.format(p.id) for p in plans if p.digest_weekday is not None}
            for job in self.scheduler.get_jobs():
                if job.id.startswith("digest:") and job.id not in wanted:
                    job.remove()
                    log.info("digest of plan %s: off", job.id.split(":", 1)[1])
            changed = [plan for plan in plans if self._sync_digest(plan)]
            self._sync_reminders({p.timezone for p in plans})
            self.rounds.sync(plans)
            self.report_reminders.sync({p.timezone for p in plans})
        return changed

    def poll(self) -> None:
        """Every `poll_seconds`: pick up schedule changes from the database, whichever process
        wrote them (a `digest schedule` sent to a second process on the same file)."""
        try:
            for plan in self.sync():
                self._catch_up_if_due(plan)
        except StoreError as e:
            log.warning("schedules could not be compared with the database: %s", e)

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
                if plan is not None and tx.workspaces.revoked(plan.team_id):
                    plan = None  # its workspace uninstalled the bot: nothing is sent
                    self.rounds.stop(plan_id)
            if plan is None or plan.archived:
                # Erased or archived: its digest stops at once.
                job = self.scheduler.get_job(DIGEST_JOB.format(plan_id))
                if job is not None:
                    job.remove()
                    log.info("digest of plan %s: stopped (plan closed)", plan_id)
            else:
                self._sync_digest(plan)
                self._catch_up_if_due(plan)
            self._sync_reminders(zones)
            self.report_reminders.sync(zones)
            if plan is not None:
                self.rounds.sync_plan(plan)

    def _catch_up_if_due(self, plan: Plan) -> None:
        if digest_due(plan, self.clock()) is not None:
            # On the scheduler's threads, not in the command that changed the plan;
            # run_digest checks again and the database keeps it to one digest a week.
            self.scheduler.add_job(
                self.run_digest,
                DateTrigger(run_date=self.clock()),
                args=[plan.id],
                id=PLAN_CATCH_UP_JOB.format(plan.id),
                replace_existing=True,
            )

    def _sync_digest(self, plan: Plan) -> bool:
        """Bring a plan's digest job in line with the plan; True when it was added or changed."""
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
            return True
        elif not same_trigger(job.trigger, trigger):
            self.scheduler.reschedule_job(job_id, trigger=trigger)
            log.info("digest of plan %s: now %s (%s)", plan.id, trigger, plan.timezone)
            return True
        return False

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
        try:
            with self.store.read() as tx:
                plan = tx.plans.get(plan_id)
                served = plan is not None and not tx.workspaces.revoked(plan.team_id)
        except StoreError as e:
            log.warning("digest of plan %s: %s", plan_id, e)
            return "failed"
        if plan is not None and served and not installed(self.clients, plan.team_id):
            log.warning(
                "digest of plan %s: its workspace %s is not installed", plan_id, plan.team_id
            )
            return "skipped"
        due = digest_due(plan, now) if plan is not None and served and not plan.archived else None
        return self.digests.deliver(plan_id, due) if due is not None else "skipped"

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
            try:
                with self.store.read() as tx:
                    plans = tx.plans.all()
            except StoreError as e:
                log.warning("catch-up: %s", e)
                return
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
            self.rounds.catch_up(plans)
            self.report_reminders.catch_up(plans)
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


class _QuietPoll(logging.Filter):
    """The poll runs every POLL_SECONDS: APScheduler's two lines per run are left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Scheduler.poll" not in record.getMessage()
