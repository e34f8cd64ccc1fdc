"""Direct messages delivered exactly once per plan, period and person (DESIGN §7): the weekly
round's (`schedules.round_job`) and the tertial reminder's (`schedules.report_job`).

The database decides, not the scheduler. Each person's message has one row in its kind's
ledger, keyed by plan, period and person, whose unique index makes claiming it atomic. The row
is written before Slack is called (`sending`) and again after (`sent`, with the DM's channel and
ts, so an answer can update the message in place).

* Two runs for the same period (the cron job and the catch-up at start, two start-ups): the
  second finds the rows and sends nothing.
* A crash after Slack posted and before `sent` was recorded leaves `sending`. Once IN_FLIGHT has
  passed since the claim, the next run reads the person's DM history around the claim for the
  message carrying its marker (the first block's `block_id`): found, it is recorded; not there,
  it is posted now; unreadable, the row is `failed`: never a second message.
* Only the people asked for when the message goes out get it; one who is no longer among them
  after a failed attempt is not asked again.
* Slack refusing a message (user gone, DMs closed) fails that person only; rate limits, 5xx
  and dropped connections leave the row to a retry.
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from slack_sdk.errors import SlackApiError

from schedules.teams import plan_client
from slackapi.installs import TeamClients
from storage import Store, Tx

log = logging.getLogger(__name__)

SENT, RETRY, FAILED = "sent", "retry", "failed"
#: Errors answered with HTTP 200 that leave it open whether the message was posted.
AMBIGUOUS_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}
)
MAX_ATTEMPTS = 5
#: Delay before a plan's messages are tried again after a failure, in seconds.
RETRY_DELAY = 120
#: A `sending` row younger than this may belong to a run still under way.
IN_FLIGHT = timedelta(minutes=10)
HISTORY_BEFORE = 300
HISTORY_AFTER = 3600
_NETWORK_ERRORS = (OSError, http.client.HTTPException)


class Delivery(Protocol):
    """One person's row in a ledger (storage's RoundDelivery, ReportDelivery)."""

    @property
    def id(self) -> int: ...
    @property
    def user_id(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def claimed_at(self) -> datetime: ...
    @property
    def error(self) -> str | None: ...


class Ledger(Protocol):
    """A kind's rows of one plan and period (a storage repository, bound to them)."""

    def get(self, user_id: str) -> Delivery | None:
        """The row of one person, if any."""
        ...

    def claim(self, user_id: str) -> None:
        """Record the intent to send to one person."""
        ...

    def rows(self) -> Sequence[Delivery]:
        """Every row of the plan and period."""
        ...

    def update(self, row_id: int, **fields: Any) -> None:
        """Change one row."""
        ...


#: The ledger of a kind for a plan and period, inside a unit of work.
LedgerOf = Callable[[Tx, int, Any], Ledger]


class _Ambiguous(Exception):
    """Slack may or may not have posted; try again later."""


class _Unverifiable(Exception):
    """The DM cannot be read to see whether an earlier attempt posted."""


class DirectMessages:
    """Claims, sends and records one kind of direct message; see the module docstring."""

    def __init__(
        self,
        store: Store,
        clients: TeamClients,
        clock: Callable[[], datetime],
        *,
        what: str,
        ledger_of: LedgerOf,
    ) -> None:
        self.store = store
        self.clients = clients
        self.clock = clock
        self.what = what
        self.ledger_of = ledger_of

    def claim(
        self, ledger: Ledger, recipients: set[str], now: datetime
    ) -> tuple[list[tuple[Delivery, bool]], int]:
        """Claim the people not yet sent to; pick up earlier attempts to finish (with whether
        the DM must be read first); and how many may still be under way elsewhere."""
        todo: list[tuple[Delivery, bool]] = []
        later = 0
        for user in sorted(recipients):
            row = ledger.get(user)
            if row is None:
                ledger.claim(user)
                fresh = ledger.get(user)
                assert fresh is not None
                todo.append((fresh, False))
            elif row.state in (SENT, FAILED):
                continue
            elif row.attempts >= MAX_ATTEMPTS:
                ledger.update(row.id, state=FAILED, error=row.error or "attempts")
            elif row.state == "sending" and row.error is None and now - row.claimed_at < IN_FLIGHT:
                later += 1  # possibly still under way elsewhere: look once it cannot be
            else:
                check = row.state == "sending"
                fields: dict[str, Any] = {"state": "sending", "attempts": row.attempts + 1}
                fields["error"] = None
                if not check:
                    fields["claimed_at"] = now
                ledger.update(row.id, **fields)
                todo.append((row, check))
        for gone in ledger.rows():
            if gone.user_id not in recipients and gone.state in ("sending", "retry"):
                ledger.update(gone.id, state=FAILED, error="not_a_member")
        return todo, later

    def fail_unsent(self, ledger: Ledger, error: str) -> None:
        """The period is over: what was not sent never will be."""
        for old in ledger.rows():
            if old.state in ("sending", "retry"):
                ledger.update(old.id, state=FAILED, error=old.error or error)

    def send(
        self,
        plan_id: int,
        period: Any,
        row: Delivery,
        check: bool,
        marker: str,
        payload: Callable[[], dict[str, Any]],
    ) -> str:
        """Post one claimed message (after reading the DM, when an earlier attempt may have
        posted it) and record the outcome: sent, retry or failed."""
        try:
            if check:
                found = self._find_posted(plan_id, row, marker)
                if found is not None:
                    record_sent(self, plan_id, period, row.id, *found)
                    return SENT
            resp = plan_client(self.clients, self.store, plan_id).chat_postMessage(
                channel=row.user_id, unfurl_links=False, unfurl_media=False, **payload()
            )
        except _Unverifiable as e:
            self._change(plan_id, period, row, FAILED, f"unverified:{e}")
            return FAILED
        except _Ambiguous as e:
            self._change(plan_id, period, row, "sending", str(e))
            return RETRY
        except SlackApiError as e:
            error = error_code(e)
            status = getattr(e.response, "status_code", 200)
            if status == 429 or status >= 500 or error in AMBIGUOUS_ERRORS:
                self._change(plan_id, period, row, "retry" if status == 429 else "sending", error)
                return RETRY
            self._change(plan_id, period, row, FAILED, error)
            return FAILED
        except _NETWORK_ERRORS as e:
            self._change(plan_id, period, row, "sending", type(e).__name__)
            return RETRY
        # A crash here, after Slack posted and before the record, leaves the row `sending`;
        # the next run finds the message in the DM instead of posting again.
        record_sent(self, plan_id, period, row.id, str(resp["channel"]), str(resp["ts"]))
        return SENT

    def _change(self, plan_id: int, period: Any, row: Delivery, state: str, error: str) -> None:
        with self.store.write() as tx:
            self.ledger_of(tx, plan_id, period).update(row.id, state=state, error=error)
        if state == FAILED:
            log.warning("%s to %s not sent: %s", self.what, row.user_id, error)
        else:
            log.warning("%s to %s: %s; retrying later", self.what, row.user_id, error)

    def _find_posted(self, plan_id: int, row: Delivery, marker: str) -> tuple[str, str] | None:
        """(channel, ts) of the message an earlier attempt posted, if it did."""
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
            if status == 429 or status >= 500 or error_code(e) in AMBIGUOUS_ERRORS:
                raise _Ambiguous(error_code(e)) from None
            raise _Unverifiable(error_code(e)) from None
        except _NETWORK_ERRORS as e:
            raise _Ambiguous(type(e).__name__) from None
        for message in resp.get("messages") or []:
            for block in message.get("blocks") or []:
                if isinstance(block, dict) and block.get("block_id") == marker:
                    return channel, str(message.get("ts"))
        if resp.get("has_more"):
            raise _Unverifiable("history_too_long")
        return None


def record_sent(
    messages: DirectMessages, plan_id: int, period: Any, row_id: int, channel: str, ts: str
) -> None:
    """Record a posted message with where it is."""
    with messages.store.write() as tx:
        messages.ledger_of(tx, plan_id, period).update(
            row_id,
            state=SENT,
            channel_id=channel,
            message_ts=ts,
            sent_at=messages.clock(),
            error=None,
        )


def error_code(e: SlackApiError) -> str:
    """Slack's error code of a refusal (or the HTTP status)."""
    data = getattr(e.response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"http_{getattr(e.response, 'status_code', 'error')}"
