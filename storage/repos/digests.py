"""Weekly digest records: claimed before sending so a week is never posted twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.models import Digest
from storage.repos.base import Repo, utc_stamp

_COLS = (
    "id, plan_id, iso_year, iso_week, state, channel_id, message_ts, attempts, claimed_at, "
    "sent_at, error"
)

_UPDATABLE = {"state", "message_ts", "attempts", "claimed_at", "sent_at", "error"}


class Digests(Repo):
    """The digest records of the plans, one per ISO week."""

    def get(self, plan_id: int, iso_year: int, iso_week: int) -> Digest | None:
        """The digest record of a plan and ISO week, if any."""
        r = self._one(
            f"SELECT {_COLS} FROM digests WHERE plan_id = ? AND iso_year = ? AND iso_week = ?",
            (plan_id, iso_year, iso_week),
        )
        return Digest.from_row(r) if r else None

    def sent_since(self, plan_id: int, since: datetime) -> list[Digest]:
        """The digests of a plan posted at or after `since` (they may show what came since)."""
        rows = self._all(
            f"SELECT {_COLS} FROM digests WHERE plan_id = ? AND state = 'sent' "
            "AND message_ts IS NOT NULL AND sent_at >= ? ORDER BY sent_at",
            (plan_id, utc_stamp(since)),
        )
        return [Digest.from_row(r) for r in rows]

    def claim(self, plan_id: int, iso_year: int, iso_week: int, channel_id: str) -> bool:
        """Record the intent to send a week's digest; False when one is already recorded."""
        cur = self.db.execute(
            "INSERT INTO digests (plan_id, iso_year, iso_week, state, channel_id, attempts, "
            "claimed_at) VALUES (?, ?, ?, 'sending', ?, 1, ?) "
            "ON CONFLICT (plan_id, iso_year, iso_week) DO NOTHING",
            (plan_id, iso_year, iso_week, channel_id, self._stamp()),
        )
        return cur.rowcount == 1

    def update(self, digest_id: int, **fields: Any) -> None:
        """Change the state of a digest record."""
        self._update("digests", digest_id, fields, _UPDATABLE)
