"""The weekly round (DESIGN §9): one direct message per plan, ISO week and member, exactly once,
by the one delivery mechanism of direct messages (`schedules.direct_messages`).

* Each member's message has one row in `round_deliveries`, keyed by plan, the ISO week of the
  round's moment and the member.
* A round missed while the bot was down goes out when it is back, once, while it is still the
  same ISO week; a week that is over is never caught up, and what it left unsent fails.
* Only people who are members when the round goes out are asked; one who has left since a
  failed attempt is not asked again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient

from blocks.round import round_marker, round_payload
from samverkan.round import round_message, week_key
from samverkan.service import Samverkan
from samverkan.situation import Week, week_of
from schedules.direct_messages import RETRY, RETRY_DELAY, DirectMessages
from slackapi.installs import TeamClients, team_clients
from storage import RoundDelivery as Row
from storage import Tx

log = logging.getLogger(__name__)

RetryHook = Callable[[int, datetime, float], None]


@dataclass(frozen=True)
class RoundLedger:
    """The round's deliveries of one plan and ISO week."""

    tx: Tx
    plan_id: int
    week: Week

    def get(self, user_id: str) -> Row | None:
        """One member's delivery of the week, if any."""
        return self.tx.rounds.get(self.plan_id, *self.week, user_id)

    def claim(self, user_id: str) -> None:
        """Record the intent to ask one member this week."""
        self.tx.rounds.claim(self.plan_id, *self.week, user_id)

    def rows(self) -> list[Row]:
        """Every delivery of the week."""
        return self.tx.rounds.of_week(self.plan_id, *self.week)

    def update(self, row_id: int, **fields: Any) -> None:
        """Change one delivery."""
        self.tx.rounds.update(row_id, **fields)


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
        self.store = app.store
        self.clients = team_clients(client)
        self.clock = clock
        self.on_retry = on_retry
        self.messages = DirectMessages(
            self.store, self.clients, clock, what="round message", ledger_of=RoundLedger
        )
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}

    def _lock(self, plan_id: int) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(plan_id, threading.Lock())

    def deliver(self, plan_id: int, due: datetime) -> dict[str, int]:
        """Ask every member of the plan for the week of `due`, each once; outcomes counted."""
        outcomes: dict[str, int] = {}
        week = week_of(due.date())
        with self._lock(plan_id):
            todo, later = self._claim(plan_id, week)
            for row, check in todo:
                outcome = self._one(plan_id, week, row, check)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if later:
                outcomes[RETRY] = outcomes.get(RETRY, 0) + later
        if outcomes.get(RETRY) and self.on_retry is not None:
            self.on_retry(plan_id, due, RETRY_DELAY)
        return outcomes

    def _claim(self, plan_id: int, week: Week) -> tuple[list[tuple[Any, bool]], int]:
        """Claim the members not yet asked this week; pick up earlier attempts to finish."""
        now = self.clock()
        with self.store.write() as tx:
            plan = tx.plans.get(plan_id)
            if plan is None:
                return [], 0
            ledger = RoundLedger(tx, plan_id, week)
            if week_of(now.astimezone(ZoneInfo(plan.timezone)).date()) != week:
                self.messages.fail_unsent(ledger, "week_over")
                return [], 0
            members = {m.user_id for m in tx.members.of_plan(plan_id)}
            return self.messages.claim(ledger, members, now)

    def _one(self, plan_id: int, week: Week, row: Row, check: bool) -> str:
        key = week_key(week)

        def payload() -> dict[str, Any]:
            with self.store.read() as tx:
                plan = tx.plans.get(plan_id)
                assert plan is not None
                answer = tx.rounds.answer_of(plan_id, *week, row.user_id)
            return round_payload(round_message(plan, week, answer), plan_id, key, row.user_id)

        marker = round_marker(plan_id, key, row.user_id)
        return self.messages.send(plan_id, week, row, check, marker, payload)
