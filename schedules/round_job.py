"""The weekly round (DESIGN §9): one direct message per plan, ISO week and member, exactly once.

The same delivery mechanism as the digest (`schedules.digest_job`): the database decides, not
the scheduler. Each member's message has one row in `round_deliveries`, keyed by plan, the ISO
week of the round's moment and the member; the unique index makes claiming it atomic. The row
is written before Slack is called (`sending`) and again after (`sent`, with the DM's channel
and ts, so an answer can update the message in place).

* Two runs for the same week (the cron job and the catch-up at start, two start-ups): the second
  finds the rows and sends nothing.
* A crash after Slack posted and before `sent` was recorded leaves `sending`. Once IN_FLIGHT has
  passed since the claim, the next run reads the member's DM history around the claim for the
  message carrying this week's marker (the first block's `block_id`): found, it is recorded;
  not there, it is posted now; unreadable, the row is `failed`: never a second message.
* A round missed while the bot was down goes out when it is back, once, while it is still the
  same ISO week; a week that is over is never caught up.
* Only people who are members when the round goes out are asked; one who has left since a
  failed attempt is not asked again.
* Slack refusing a message (user gone, DMs closed) fails that member only; rate limits, 5xx and
  dropped connections leave the row to a retry of the plan's round.
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.round import round_marker, round_payload
from samverkan.round import round_message, week_key
from samverkan.service import Samverkan
from samverkan.situation import week_of
from schedules.teams import plan_client
from slackapi.installs import TeamClients, team_clients
from storage import RoundDelivery as Row

log = logging.getLogger(__name__)

SENT, SKIPPED, RETRY, FAILED = "sent", "skipped", "retry", "failed"
#: Errors answered with HTTP 200 that leave it open whether the message was posted.
AMBIGUOUS_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}
)
MAX_ATTEMPTS = 5
#: Delay before the plan's round is tried again after a failure, in seconds.
RETRY_DELAY = 120
#: A `sending` row younger than this may belong to a run still under way.
IN_FLIGHT = timedelta(minutes=10)
HISTORY_BEFORE = 300
HISTORY_AFTER = 3600

RetryHook = Callable[[int, datetime, float], None]
_NETWORK_ERRORS = (OSError, http.client.HTTPException)


class _Ambiguous(Exception):
    """Slack may or may not have posted; try again later."""


class RoundDelivery:
    """Sends the round's direct messages of a plan; see the module docstring."""

    def __init__(
        self,
        app: Samverkan,
        client: WebClient | TeamClients,
        *,
        clock: Callable[[], datetime],
        on_retry: RetryHook | None = None,
    ) -> None:
        self.app = app
        self.store = app.store
        self.clients = team_clients(client)
        self.client = self.clients.base
        self.clock = clock
        self.on_retry = on_retry
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}

    def _lock(self, plan_id: int) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(plan_id, threading.Lock())

    def deliver(self, plan_id: int, due: datetime) -> dict[str, int]:
        """Ask every member of the plan for the week of `due`, each once; outcomes counted."""
        outcomes: dict[str, int] = {}
        with self._lock(plan_id):
            todo, later = self._claim(plan_id, due)
            for row, check in todo:
                outcome = self._one(plan_id, row, check)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if later:
                outcomes[RETRY] = outcomes.get(RETRY, 0) + later
        if outcomes.get(RETRY) and self.on_retry is not None:
            self.on_retry(plan_id, due, RETRY_DELAY)
        return outcomes

    def _claim(self, plan_id: int, due: datetime) -> tuple[list[tuple[Row, bool]], int]:
        """Claim the members not yet asked this week; pick up earlier attempts to finish."""
        now = self.clock()
        todo: list[tuple[Row, bool]] = []
        later = 0
        with self.store.write() as tx:
            plan = tx.plans.get(plan_id)
            if plan is None:
                return [], 0
            week = week_of(due.date())
            if week_of(now.astimezone(ZoneInfo(plan.timezone)).date()) != week:
                for old in tx.rounds.of_week(plan_id, *week):
                    if old.state in ("sending", "retry"):
                        tx.rounds.update(old.id, state=FAILED, error=old.error or "week_over")
                return [], 0
            members = {m.user_id for m in tx.members.of_plan(plan_id)}
            for user in sorted(members):
                row = tx.rounds.get(plan_id, *week, user)
                if row is None:
                    tx.rounds.claim(plan_id, *week, user)
                    fresh = tx.rounds.get(plan_id, *week, user)
                    assert fresh is not None
                    todo.append((fresh, False))
                elif row.state in (SENT, FAILED):
                    continue
                elif row.attempts >= MAX_ATTEMPTS:
                    tx.rounds.update(row.id, state=FAILED, error=row.error or "attempts")
                elif (
                    row.state == "sending"
                    and row.error is None
                    and now - row.claimed_at < IN_FLIGHT
                ):
                    later += 1  # possibly still under way elsewhere: look once it cannot be
                else:
                    check = row.state == "sending"
                    fields: dict[str, Any] = {
                        "state": "sending",
                        "attempts": row.attempts + 1,
                        "error": None,
                    }
                    if not check:
                        fields["claimed_at"] = now
                    tx.rounds.update(row.id, **fields)
                    todo.append((row, check))
            # Members who left after an earlier attempt are not asked again.
            for gone in tx.rounds.of_week(plan_id, *week):
                if gone.user_id not in members and gone.state in ("sending", "retry"):
                    tx.rounds.update(gone.id, state=FAILED, error="not_a_member")
        return todo, later

    def _one(self, plan_id: int, row: Row, check: bool) -> str:
        key = week_key((row.iso_year, row.iso_week))
        try:
            if check:
                found = self._find_posted(plan_id, row, key)
                if found is not None:
                    self._record(row, *found)
                    return SENT
            with self.store.read() as tx:
                plan = tx.plans.get(plan_id)
                assert plan is not None
                answer = tx.rounds.answer_of(plan_id, row.iso_year, row.iso_week, row.user_id)
            payload = round_payload(
                round_message(plan, (row.iso_year, row.iso_week), answer), plan_id, key, row.user_id
            )
            resp = plan_client(self.clients, self.store, plan_id).chat_postMessage(
                channel=row.user_id, unfurl_links=False, unfurl_media=False, **payload
            )
        except _Unverifiable as e:
            self._fail(row, f"unverified:{e}")
            return FAILED
        except _Ambiguous as e:
            self._leave(row, str(e), "sending")
            return RETRY
        except SlackApiError as e:
            error = _error_code(e)
            status = getattr(e.response, "status_code", 200)
            if status == 429 or status >= 500 or error in AMBIGUOUS_ERRORS:
                self._leave(row, error, "retry" if status == 429 else "sending")
                return RETRY
            self._fail(row, error)
            return FAILED
        except _NETWORK_ERRORS as e:
            self._leave(row, type(e).__name__, "sending")
            return RETRY
        # A crash here, after Slack posted and before the record, leaves the row `sending`;
        # the next run finds the message in the DM instead of posting again.
        record_sent(self.store, row.id, str(resp["channel"]), str(resp["ts"]), self.clock())
        return SENT

    def _record(self, row: Row, channel: str, ts: str) -> None:
        record_sent(self.store, row.id, channel, ts, self.clock())

    def _fail(self, row: Row, error: str) -> None:
        with self.store.write() as tx:
            tx.rounds.update(row.id, state=FAILED, error=error)
        log.warning("round message to %s not sent: %s", row.user_id, error)

    def _leave(self, row: Row, error: str, state: str) -> None:
        with self.store.write() as tx:
            tx.rounds.update(row.id, state=state, error=error)
        log.warning("round message to %s: %s; retrying later", row.user_id, error)

    def _find_posted(self, plan_id: int, row: Row, key: str) -> tuple[str, str] | None:
        """(channel, ts) of the member's round message of the week, if an attempt posted it."""
        mark = round_marker(plan_id, key, row.user_id)
        claimed = row.claimed_at.timestamp()
        try:
            client = plan_client(self.clients, self.store, plan_id)
            opened = client.conversations_open(users=row.user_id)
            channel = str((opened.get("channel") or {}).get("id") or "")
            resp = client.conversations_history(
                channel=channel,
                oldest=f"{claimed - HISTORY_BEFORE:.6f}",
                latest=f"{claimed + HISTORY_AFTER:.6f}",
                limit=200,
            )
        except SlackApiError as e:
            status = getattr(e.response, "status_code", 200)
            if status == 429 or status >= 500 or _error_code(e) in AMBIGUOUS_ERRORS:
                raise _Ambiguous(_error_code(e)) from None
            raise _Unverifiable(_error_code(e)) from None
        except _NETWORK_ERRORS as e:
            raise _Ambiguous(type(e).__name__) from None
        for message in resp.get("messages") or []:
            for block in message.get("blocks") or []:
                if isinstance(block, dict) and block.get("block_id") == mark:
                    return channel, str(message.get("ts"))
        if resp.get("has_more"):
            raise _Unverifiable("history_too_long")
        return None


def record_sent(store: Any, row_id: int, channel: str, ts: str, now: datetime) -> None:
    """Record a posted round message with where it is."""
    with store.write() as tx:
        tx.rounds.update(
            row_id, state=SENT, channel_id=channel, message_ts=ts, sent_at=now, error=None
        )


class _Unverifiable(Exception):
    """The DM cannot be read to see whether an earlier attempt posted."""


def _error_code(e: SlackApiError) -> str:
    data = getattr(e.response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"http_{getattr(e.response, 'status_code', 'error')}"
