"""Posting a plan's weekly digest exactly once per ISO week (DESIGN §4).

The database decides, not the scheduler. Each scheduled digest has one row in `digests`, keyed
by plan and the ISO week of its scheduled moment (plan-local); the unique index makes claiming
it atomic. The row is written before Slack is called and again after:

=========  ============================================================  ========================
state      meaning                                                       what a later run does
=========  ============================================================  ========================
sending    claimed; a chat.postMessage may have reached Slack            looks in the channel
retry      Slack definitely did not post it (rate limited after retries)  posts again
sent       posted; `message_ts` recorded                                 nothing
failed     given up: channel gone, attempts used up, week over, or it    nothing
           could not be checked whether an earlier attempt was posted
=========  ============================================================  ========================

How each failure is handled:

* Two runs for the same week (the cron job and the catch-up at start, two start-ups, a retry):
  the second finds the row and does nothing; in one process a lock per plan serialises them.
  Two processes at once (which the scheduler's lock file prevents) still post one: a
  `sending` row claimed less than IN_FLIGHT (10 min) ago, with no error recorded, may belong
  to a run still under way, so it is only looked at once that time has passed.
* A crash after Slack posted and before `sent` was recorded leaves `sending`. The next run
  (the catch-up at start, then a retry job once IN_FLIGHT has passed since the claim) reads
  the channel's history around the claim, looking for the bot's message carrying this week's
  marker (the first block's `block_id`, and the message metadata). Found: recorded as `sent`,
  nothing is posted. Not there (the crash came before the post): posted now. History
  unreadable (missing scope, bot removed): `failed`, never a second digest.
* Rate limits: the client retries HTTP 429 honouring `Retry-After` (slack_sdk's
  RateLimitErrorRetryHandler); when those retries are used up the row goes to `retry` and a
  retry job runs after at least `Retry-After`.
* 5xx, timeouts and dropped connections are ambiguous for a POST (Slack may have posted), so
  they are not retried blindly at the HTTP level: the row stays `sending` and the retry job
  checks the channel first, then posts. Backoff grows from 30 s to an hour; after
  MAX_ATTEMPTS, or once the ISO week is over, it is `failed`.
* `channel_not_found`, `not_in_channel`, `is_archived`: `failed`, and the error is recorded on
  the plan, where `status` shows it to coordinators; other plans are not held up. The next
  successful delivery clears it.

`digest now` (a coordinator posting by hand, via the Slack handlers) is an extra post of the
digest as of that moment, except when this week's scheduled digest is still to come later the
same day: then it is recorded as the week's digest (`sent`, with its ts) and the scheduled run
skips the week (`samverkan.digest.record_manual_digest`).
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.ids import DIGEST_BLOCK_PREFIX
from blocks.kit import message_payload
from samverkan.dates import iso_week
from samverkan.digest import build_digest
from samverkan.service import Samverkan
from schedules.teams import plan_client
from slackapi.installs import TeamClients, team_clients
from storage import Digest, Store, StoreError, Tx

log = logging.getLogger(__name__)

SENT, SKIPPED, RETRY, FAILED = "sent", "skipped", "retry", "failed"

#: Errors that mean the bot cannot post in the plan's channel; shown to coordinators.
CHANNEL_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived"})
#: Errors answered with HTTP 200 that leave it open whether the message was posted.
AMBIGUOUS_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
#: Delays before retry n (1-based), in seconds; the attempt after the last one gives up.
BACKOFF = (30, 120, 600, 1800, 3600)
MAX_ATTEMPTS = len(BACKOFF) + 1
#: The longest an attempt can be under way (the client's timeouts and Retry-After waits
#: included). A `sending` row without an error that is younger may belong to a run that is
#: still going, in a second process started by mistake: it is looked at only after this.
IN_FLIGHT = timedelta(minutes=10)
#: How far around the claim to look for an earlier attempt's message.
HISTORY_BEFORE = 300
HISTORY_AFTER = 3600
HISTORY_PAGES = 5
METADATA_EVENT = "samverkan_digest"

#: Reaction to a retry: (plan id, scheduled moment, delay in seconds).
RetryHook = Callable[[int, datetime, float], None]

_NETWORK_ERRORS = (OSError, http.client.HTTPException)


def week_label(year: int, week: int) -> str:
    """`2026-W48`."""
    return f"{year}-W{week:02d}"


def marker(plan_id: int, year: int, week: int) -> str:
    """The block_id that marks a plan's digest of one week."""
    return f"{DIGEST_BLOCK_PREFIX}{plan_id}_{week_label(year, week)}"


def record_sent(store: Store, digest_id: int, plan_id: int, ts: str, now: datetime) -> None:
    """Record a posted digest and clear the plan's delivery error."""
    with store.write() as tx:
        tx.digests.update(digest_id, state=SENT, message_ts=ts, sent_at=now, error=None)
        plan = tx.plans.get(plan_id)
        if plan is not None and plan.delivery_error:
            tx.plans.update(plan_id, delivery_error=None, delivery_error_at=None)


class _Ambiguous(Exception):
    """Slack may or may not have done it; try again later."""

    def __init__(self, error: str, retry_after: float = 0) -> None:
        super().__init__(error)
        self.error = error
        self.retry_after = retry_after


class DigestDelivery:
    """Posts scheduled digests; see the module docstring for the guarantees."""

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
        self.clock = clock
        self.on_retry = on_retry
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}

    def _lock(self, plan_id: int) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(plan_id, threading.Lock())

    def deliver(self, plan_id: int, due: datetime) -> str:
        """Post the digest scheduled at `due` (plan-local) unless its week already has one."""
        with self._lock(plan_id):
            try:
                return self._deliver(plan_id, due)
            except _Ambiguous as e:
                return self._later(plan_id, due, e.error, e.retry_after, definite=False)
            except StoreError as e:
                # The claim or the record could not be written: try again later; a post whose
                # record failed is found in the channel then (the row stays `sending`).
                log.warning("digest of plan %s: %s; retrying in %.0f s", plan_id, e, BACKOFF[0])
                if self.on_retry is not None:
                    self.on_retry(plan_id, due, BACKOFF[0])
                return RETRY

    # -- the steps ---------------------------------------------------------------------------

    def _deliver(self, plan_id: int, due: datetime) -> str:
        now = self.clock()
        year, week = iso_week(due.date())
        check: bool | None = False  # None: leave it for now
        wait = 0.0
        with self.store.write() as tx:
            plan = tx.plans.get(plan_id)
            if plan is None or plan.archived:
                return SKIPPED
            row = tx.digests.get(plan_id, year, week)
            if row is not None and row.state in (SENT, FAILED):
                return SKIPPED
            this_week = iso_week(now.astimezone(ZoneInfo(plan.timezone)).date())
            if this_week != (year, week):
                # Never a digest for a week that is over; a pending one is given up.
                if row is not None:
                    tx.digests.update(row.id, state=FAILED, error=row.error or "week_over")
                return SKIPPED
            if row is None:
                tx.digests.claim(plan_id, year, week, plan.channel_id)
                row = tx.digests.get(plan_id, year, week)
                assert row is not None
            elif row.attempts >= MAX_ATTEMPTS:
                tx.digests.update(row.id, state=FAILED, error=row.error or "attempts")
                log.error("digest of plan %s %s: giving up", plan_id, week_label(year, week))
                return FAILED
            else:
                # `sending`: an earlier attempt died or may have posted; look before posting.
                check = row.state == "sending"
                if not check:
                    row = self._reclaim(row, now, tx)
                elif row.error is None and now - row.claimed_at < IN_FLIGHT:
                    # Claimed moments ago and never finished: possibly still under way in
                    # another process. Look once it cannot be any more.
                    wait = (row.claimed_at + IN_FLIGHT - now).total_seconds()
                    check = None
        if check is None:
            log.warning(
                "digest of plan %s: claimed %s, looking again later", plan_id, row.claimed_at
            )
            if self.on_retry is not None:
                self.on_retry(plan_id, due, wait)
            return RETRY
        if check:
            try:
                ts = self._find_posted(row, plan_id, year, week)
            except _Unverifiable as e:
                # Whether the earlier attempt reached the channel cannot be known: better no
                # digest this week than two.
                with self.store.write() as tx:
                    tx.digests.update(row.id, state=FAILED, error=f"unverified:{e.error}")
                    if e.error in CHANNEL_ERRORS:
                        tx.plans.update(plan_id, delivery_error=e.error, delivery_error_at=now)
                log.error("digest of plan %s: cannot check the channel (%s)", plan_id, e.error)
                return FAILED
            if ts is not None:
                log.info("digest of plan %s %s was posted already", plan_id, week_label(year, week))
                record_sent(self.store, row.id, plan_id, ts, now)
                return SENT
            row = self._reclaim(row, now)
        return self._post(plan_id, row, due, now)

    def _reclaim(self, row: Digest, now: datetime, tx: Tx | None = None) -> Digest:
        """Take a pending row for one more attempt (a plan's channel never changes)."""
        fields: dict[str, Any] = {
            "state": "sending",
            "attempts": row.attempts + 1,
            "claimed_at": now,
            "error": None,  # no error: under way (see IN_FLIGHT)
        }
        if tx is None:
            with self.store.write() as own:
                own.digests.update(row.id, **fields)
        else:
            tx.digests.update(row.id, **fields)
        return replace(row, **fields)

    def _post(self, plan_id: int, row: Digest, due: datetime, now: datetime) -> str:
        try:
            with self.store.read() as tx:
                plan = tx.plans.get(plan_id)
                assert plan is not None
                reply = build_digest(tx, plan, now, self.app.command, period_of=due)
            payload = message_payload(reply)
            label = week_label(row.iso_year, row.iso_week)
            payload["blocks"][0]["block_id"] = marker(plan_id, row.iso_year, row.iso_week)
        except Exception:
            log.exception("digest of plan %s: could not be built", plan_id)
            return self._later(plan_id, due, "build_failed", 0, definite=True)
        try:
            resp = plan_client(self.clients, self.store, plan_id).chat_postMessage(
                channel=plan.channel_id,
                text=payload["text"],
                blocks=payload["blocks"],
                metadata={
                    "event_type": METADATA_EVENT,
                    "event_payload": {"plan": plan_id, "week": label},
                },
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as e:
            return self._refused(plan_id, row, due, e)
        except _NETWORK_ERRORS as e:
            log.warning("digest of plan %s: %r; will check and retry", plan_id, e)
            return self._later(plan_id, due, type(e).__name__, 0, definite=False)
        # A crash here, after Slack posted and before the record, leaves the row `sending`;
        # the next run finds the message in the channel instead of posting again.
        record_sent(self.store, row.id, plan_id, str(resp["ts"]), self.clock())
        log.info("digest of plan %s %s posted", plan_id, label)
        return SENT

    def _refused(self, plan_id: int, row: Digest, due: datetime, e: SlackApiError) -> str:
        status = getattr(e.response, "status_code", 200)
        error = _error_code(e)
        if status == 429 or error == "ratelimited":
            return self._later(plan_id, due, "ratelimited", _retry_after(e), True)
        if status >= 500 or error in AMBIGUOUS_ERRORS:
            return self._later(plan_id, due, error, _retry_after(e), False)
        now = self.clock()
        with self.store.write() as tx:
            tx.digests.update(row.id, state=FAILED, error=error)
            if error in CHANNEL_ERRORS:
                tx.plans.update(plan_id, delivery_error=error, delivery_error_at=now)
        log.warning("digest of plan %s: Slack refused it: %s", plan_id, error)
        return FAILED

    def _later(
        self,
        plan_id: int,
        due: datetime,
        error: str,
        retry_after: float,
        definite: bool,
    ) -> str:
        """Leave the week's digest to a retry: `retry` when nothing was posted, else `sending`."""
        year, week = iso_week(due.date())
        with self.store.write() as tx:
            row = tx.digests.get(plan_id, year, week)
            if row is None or row.state in (SENT, FAILED):
                return SKIPPED
            if row.attempts >= MAX_ATTEMPTS:
                tx.digests.update(row.id, state=FAILED, error=error)
                log.error("digest of plan %s: giving up after %s attempts", plan_id, row.attempts)
                return FAILED
            tx.digests.update(row.id, state="retry" if definite else "sending", error=error)
        delay = max(float(retry_after), BACKOFF[min(row.attempts, len(BACKOFF)) - 1])
        log.warning("digest of plan %s: %s; retrying in %.0f s", plan_id, error, delay)
        if self.on_retry is not None:
            self.on_retry(plan_id, due, delay)
        return RETRY

    def _find_posted(self, row: Digest, plan_id: int, year: int, week: int) -> str | None:
        """The ts of this week's digest if an earlier attempt posted it, else None."""
        mark = marker(plan_id, year, week)
        label = week_label(year, week)
        claimed = row.claimed_at.timestamp()
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            args: dict[str, Any] = {
                "channel": row.channel_id,
                "oldest": f"{claimed - HISTORY_BEFORE:.6f}",
                "latest": f"{claimed + HISTORY_AFTER:.6f}",
                "limit": 200,
            }
            if cursor:
                args["cursor"] = cursor
            try:
                resp = plan_client(self.clients, self.store, plan_id).conversations_history(**args)
            except SlackApiError as e:
                status = getattr(e.response, "status_code", 200)
                if status == 429 or status >= 500 or _error_code(e) in AMBIGUOUS_ERRORS:
                    raise _Ambiguous(_error_code(e), _retry_after(e)) from None
                raise _Unverifiable(_error_code(e)) from None
            except _NETWORK_ERRORS as e:
                raise _Ambiguous(type(e).__name__) from None
            for message in resp.get("messages") or []:
                if _is_ours(message, mark, plan_id, label):
                    return str(message.get("ts"))
            cursor = (resp.get("response_metadata") or {}).get("next_cursor") or None
            if not (resp.get("has_more") and cursor):
                return None
        raise _Unverifiable("history_too_long")


class _Unverifiable(Exception):
    """The channel cannot be read to see whether an earlier attempt posted."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


def _is_ours(message: dict, mark: str, plan_id: int, label: str) -> bool:
    for block in message.get("blocks") or []:
        if isinstance(block, dict) and block.get("block_id") == mark:
            return True
    meta = message.get("metadata") or {}
    payload = meta.get("event_payload") or {}
    return (
        meta.get("event_type") == METADATA_EVENT
        and payload.get("plan") == plan_id
        and payload.get("week") == label
    )


def _error_code(e: SlackApiError) -> str:
    data = getattr(e.response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"http_{getattr(e.response, 'status_code', 'error')}"


def _retry_after(e: SlackApiError) -> float:
    headers = getattr(e.response, "headers", None) or {}
    for key, value in headers.items():
        if key.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) else value
            try:
                return float(raw)
            except (TypeError, ValueError):
                return 0
    return 0
