"""The tertial reminders (DESIGN §11): on 30 April, 31 August and 31 December at 09:00 in the
plan's timezone each coordinator gets one direct message with a button that makes the
tertial's report. Delivered like the round's messages, by the one mechanism of
`schedules.direct_messages`: one `report_deliveries` row per plan, tertial and coordinator,
claimed before Slack is called and recorded after, so two runs, a restart or two processes
send it once.

* A run on the tertial's last day after 09:00 (the cron job, the catch-up at start, a retry)
  claims the coordinators not yet reminded; the day over, nothing is caught up.
* A coordinator who is no longer one after a failed attempt is not reminded again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from blocks.report_reminder import reminder_marker, reminder_payload
from samverkan.report.reminder import button_value, period_key, reminder_due, reminder_text
from schedules.direct_messages import RETRY, RETRY_DELAY, DirectMessages
from slackapi.installs import TeamClients
from storage import Plan, Store, Tx
from storage.log_models import ReportDelivery as Row

log = logging.getLogger(__name__)

JOB = "report-reminders:{}"
RETRY_JOB = "report-reminders-retry:{}"


@dataclass(frozen=True)
class ReportLedger:
    """The tertial reminder's deliveries of one plan and tertial (`2026-T2`)."""

    tx: Tx
    plan_id: int
    period: str

    def get(self, user_id: str) -> Row | None:
        """One coordinator's delivery, if any."""
        return self.tx.report_deliveries.get(self.plan_id, self.period, user_id)

    def claim(self, user_id: str) -> None:
        """Record the intent to remind one coordinator."""
        self.tx.report_deliveries.claim(self.plan_id, self.period, user_id)

    def rows(self) -> list[Row]:
        """Every delivery of the tertial's reminder."""
        return self.tx.report_deliveries.of_period(self.plan_id, self.period)

    def update(self, row_id: int, **fields: Any) -> None:
        """Change one delivery."""
        self.tx.report_deliveries.update(row_id, **fields)


def reminder_trigger(zone: str) -> CronTrigger:
    """09:00 on the last day of April, August and December in a timezone."""
    return CronTrigger(month="4,8,12", day="last", hour=9, minute=0, timezone=ZoneInfo(zone))


class ReportReminders:
    """The reminders' jobs (one per timezone) and their deliveries."""

    def __init__(
        self,
        scheduler: BackgroundScheduler,
        store: Store,
        clients: TeamClients,
        clock: Callable[[], datetime],
    ) -> None:
        self.scheduler = scheduler
        self.store = store
        self.clock = clock
        self.messages = DirectMessages(
            store, clients, clock, what="tertial reminder", ledger_of=ReportLedger
        )
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}

    # -- jobs --------------------------------------------------------------------------------

    def sync(self, zones: set[str]) -> None:
        """One job per timezone that has plans; stale ones removed, unchanged ones kept."""
        for job in self.scheduler.get_jobs():
            if job.id.startswith("report-reminders:") and job.id.split(":", 1)[1] not in zones:
                job.remove()
        for zone in sorted(zones):
            if self.scheduler.get_job(JOB.format(zone)) is None:
                self.scheduler.add_job(
                    self.run, reminder_trigger(zone), args=[zone], id=JOB.format(zone)
                )

    def run(self, zone: str | None = None) -> dict[str, int]:
        """Remind the coordinators of every plan (in `zone`) whose tertial ends today."""
        with self.store.read() as tx:
            plans = [p for p in tx.plans.all() if zone is None or p.timezone == zone]
        outcomes: dict[str, int] = {}
        for plan in plans:
            try:
                for key, n in self.deliver(plan.id).items():
                    outcomes[key] = outcomes.get(key, 0) + n
            except Exception:
                log.exception("tertial reminder of plan %s failed", plan.id)
        return outcomes

    def catch_up(self, plans: list[Plan]) -> None:
        """After a start: a reminder due earlier today while the bot was down goes out now."""
        outcome = self.run()
        if outcome:
            log.info("catch-up: tertial reminders: %s", outcome)

    # -- deliveries --------------------------------------------------------------------------

    def _lock(self, plan_id: int) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(plan_id, threading.Lock())

    def deliver(self, plan_id: int) -> dict[str, int]:
        """Remind each coordinator of the plan once of the tertial ending today; counted."""
        outcomes: dict[str, int] = {}
        with self._lock(plan_id):
            claimed = self._claim(plan_id)
            if claimed is None:
                return outcomes
            plan, todo, later = claimed
            for row, check in todo:
                outcome = self._one(plan, row, check)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if later:
                outcomes[RETRY] = outcomes.get(RETRY, 0) + later
        if outcomes.get(RETRY):
            self.scheduler.add_job(
                self.deliver,
                DateTrigger(run_date=self.clock() + timedelta(seconds=RETRY_DELAY)),
                args=[plan_id],
                id=RETRY_JOB.format(plan_id),
                replace_existing=True,
            )
        return outcomes

    def _claim(self, plan_id: int) -> tuple[Plan, list[tuple[Any, bool]], int] | None:
        now = self.clock()
        with self.store.write() as tx:
            plan = tx.plans.get(plan_id)
            due = reminder_due(plan, now) if plan is not None else None
            if plan is None or due is None:
                return None
            ledger = ReportLedger(tx, plan_id, period_key(*due))
            coordinators = {m.user_id for m in tx.members.of_plan(plan_id) if m.is_coordinator}
            todo, later = self.messages.claim(ledger, coordinators, now)
        return plan, todo, later

    def _one(self, plan: Plan, row: Row, check: bool) -> str:
        number, year = int(row.period[-1]), int(row.period[:4])

        def payload() -> dict[str, Any]:
            return reminder_payload(
                reminder_text(plan, number, year),
                plan.language,
                button_value(plan.id, number, year),
                marker,
            )

        marker = reminder_marker(plan.id, row.period, row.user_id)
        return self.messages.send(plan.id, row.period, row, check, marker, payload)
