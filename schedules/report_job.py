"""The tertial reminders (DESIGN §11): on 30 April, 31 August and 31 December at 09:00 in the
plan's timezone each coordinator gets one direct message with a button that makes the
tertial's report. A delivery like the digest's and the round's (`schedules.round_job`): one
`report_deliveries` row per plan, tertial and coordinator, claimed before Slack is called
(`sending`) and recorded after (`sent`), so two runs, a restart or two processes send it once.

* A run on the tertial's last day after 09:00 (the cron job, the catch-up at start, a retry)
  claims the coordinators not yet reminded; the day over, nothing is caught up.
* A crash between Slack's answer and the record leaves `sending`: once IN_FLIGHT has passed,
  the next run reads the DM around the claim for the message's marker before posting again.
* Rate limits, 5xx and dropped connections leave the row for a retry; a refusal (user gone)
  fails that coordinator only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.report_reminder import reminder_marker, reminder_payload
from samverkan.report.reminder import button_value, period_key, reminder_due, reminder_text
from schedules.round_job import (
    _NETWORK_ERRORS,
    AMBIGUOUS_ERRORS,
    HISTORY_AFTER,
    HISTORY_BEFORE,
    IN_FLIGHT,
    MAX_ATTEMPTS,
    RETRY_DELAY,
    _error_code,
)
from storage import Plan, Store
from storage.log_models import ReportDelivery as Row

log = logging.getLogger(__name__)

SENT, RETRY, FAILED = "sent", "retry", "failed"
JOB = "report-reminders:{}"
RETRY_JOB = "report-reminders-retry:{}"


def reminder_trigger(zone: str) -> CronTrigger:
    """09:00 on the last day of April, August and December in a timezone."""
    return CronTrigger(month="4,8,12", day="last", hour=9, minute=0, timezone=ZoneInfo(zone))


class _Ambiguous(Exception):
    """Slack may or may not have posted; try again later."""


class ReportReminders:
    """The reminders' jobs (one per timezone) and their deliveries."""

    def __init__(
        self,
        scheduler: BackgroundScheduler,
        store: Store,
        client: WebClient,
        clock: Callable[[], datetime],
    ) -> None:
        self.scheduler = scheduler
        self.store = store
        self.client = client
        self.clock = clock
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

    def _claim(self, plan_id: int) -> tuple[Plan, list[tuple[Row, bool]], int] | None:
        now = self.clock()
        todo: list[tuple[Row, bool]] = []
        later = 0
        with self.store.write() as tx:
            plan = tx.plans.get(plan_id)
            due = reminder_due(plan, now) if plan is not None else None
            if plan is None or due is None:
                return None
            key = period_key(*due)
            for user in sorted(m.user_id for m in tx.members.of_plan(plan_id) if m.is_coordinator):
                row = tx.report_deliveries.get(plan_id, key, user)
                if row is None:
                    tx.report_deliveries.claim(plan_id, key, user)
                    fresh = tx.report_deliveries.get(plan_id, key, user)
                    assert fresh is not None
                    todo.append((fresh, False))
                elif row.state in (SENT, FAILED):
                    continue
                elif row.attempts >= MAX_ATTEMPTS:
                    tx.report_deliveries.update(row.id, state=FAILED, error=row.error or "attempts")
                elif (
                    row.state == "sending"
                    and row.error is None
                    and now - row.claimed_at < IN_FLIGHT
                ):
                    later += 1  # possibly still under way elsewhere: look once it cannot be
                else:
                    check = row.state == "sending"
                    fields: dict[str, Any] = {"state": "sending", "attempts": row.attempts + 1}
                    fields["error"] = None
                    if not check:
                        fields["claimed_at"] = now
                    tx.report_deliveries.update(row.id, **fields)
                    todo.append((row, check))
        return plan, todo, later

    def _one(self, plan: Plan, row: Row, check: bool) -> str:
        number, year = int(row.period[-1]), int(row.period[:4])
        marker = reminder_marker(plan.id, row.period, row.user_id)
        try:
            if check:
                found = self._find_posted(row, marker)
                if found is not None:
                    self._record(row, *found)
                    return SENT
            payload = reminder_payload(
                reminder_text(plan, number, year),
                plan.language,
                button_value(plan.id, number, year),
                marker,
            )
            resp = self.client.chat_postMessage(channel=row.user_id, **payload)
        except _Ambiguous as e:
            self._leave(row, str(e), "sending")
            return RETRY
        except SlackApiError as e:
            error = _error_code(e)
            status = getattr(e.response, "status_code", 200)
            if status == 429 or status >= 500 or error in AMBIGUOUS_ERRORS:
                self._leave(row, error, "retry" if status == 429 else "sending")
                return RETRY
            return self._fail(row, error)
        except _NETWORK_ERRORS as e:
            self._leave(row, type(e).__name__, "sending")
            return RETRY
        self._record(row, str(resp["channel"]), str(resp["ts"]))
        return SENT

    def _record(self, row: Row, channel: str, ts: str) -> None:
        with self.store.write() as tx:
            tx.report_deliveries.update(
                row.id,
                state=SENT,
                channel_id=channel,
                message_ts=ts,
                sent_at=self.clock(),
                error=None,
            )

    def _fail(self, row: Row, error: str) -> str:
        with self.store.write() as tx:
            tx.report_deliveries.update(row.id, state=FAILED, error=error)
        log.warning("tertial reminder to %s not sent: %s", row.user_id, error)
        return FAILED

    def _leave(self, row: Row, error: str, state: str) -> None:
        with self.store.write() as tx:
            tx.report_deliveries.update(row.id, state=state, error=error)
        log.warning("tertial reminder to %s: %s; retrying later", row.user_id, error)

    def _find_posted(self, row: Row, marker: str) -> tuple[str, str] | None:
        """(channel, ts) of the reminder an earlier attempt posted, if it did."""
        claimed = row.claimed_at.timestamp()
        try:
            opened = self.client.conversations_open(users=row.user_id)
            channel = str((opened.get("channel") or {}).get("id") or "")
            resp = self.client.conversations_history(
                channel=channel,
                oldest=f"{claimed - HISTORY_BEFORE:.6f}",
                latest=f"{claimed + HISTORY_AFTER:.6f}",
                limit=200,
            )
        except SlackApiError as e:
            raise _Ambiguous(_error_code(e)) from None
        except _NETWORK_ERRORS as e:
            raise _Ambiguous(type(e).__name__) from None
        for message in resp.get("messages") or []:
            for block in message.get("blocks") or []:
                if isinstance(block, dict) and block.get("block_id") == marker:
                    return channel, str(message.get("ts"))
        return None
