"""The tertial reminders (DESIGN §11): one delivery per plan, tertial and coordinator, claimed
before sending and recorded after, like the digest and the round."""

from __future__ import annotations

from typing import Any

from storage.log_models import ReportDelivery
from storage.repos.base import Repo

_COLS = (
    "id, plan_id, period, user_id, state, channel_id, message_ts, attempts, claimed_at, "
    "sent_at, error"
)
_UPDATABLE = {"state", "channel_id", "message_ts", "attempts", "claimed_at", "sent_at", "error"}


class ReportDeliveries(Repo):
    """Deliveries of the tertial reminder."""

    def claim(self, plan_id: int, period: str, user_id: str) -> bool:
        """Record the intent to remind one coordinator of a tertial; False when recorded before."""
        cur = self.db.execute(
            "INSERT INTO report_deliveries (plan_id, period, user_id, state, attempts, "
            "claimed_at) VALUES (?, ?, ?, 'sending', 1, ?) "
            "ON CONFLICT (plan_id, period, user_id) DO NOTHING",
            (plan_id, period, user_id, self._stamp()),
        )
        return cur.rowcount == 1

    def get(self, plan_id: int, period: str, user_id: str) -> ReportDelivery | None:
        """The delivery of one coordinator's reminder of a tertial, if any."""
        r = self._one(
            f"SELECT {_COLS} FROM report_deliveries WHERE plan_id = ? AND period = ? "
            "AND user_id = ?",
            (plan_id, period, user_id),
        )
        return ReportDelivery.from_row(r) if r else None

    def of_period(self, plan_id: int, period: str) -> list[ReportDelivery]:
        """Every delivery of a plan's reminder of one tertial."""
        rows = self._all(
            f"SELECT {_COLS} FROM report_deliveries WHERE plan_id = ? AND period = ? "
            "ORDER BY user_id",
            (plan_id, period),
        )
        return [ReportDelivery.from_row(r) for r in rows]

    def update(self, delivery_id: int, **fields: Any) -> None:
        """Change the state of a delivery."""
        self._update("report_deliveries", delivery_id, fields, _UPDATABLE)
