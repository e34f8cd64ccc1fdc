"""The append-only audit trail."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from storage.models import AuditEvent
from storage.repos.base import Repo, utc_stamp

_COLS = "id, at, team_id, plan_id, user_id, entity, ref, action, before, after"


def _json_default(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _dump(value: dict | None) -> str | None:
    return json.dumps(value, default=_json_default, ensure_ascii=False) if value else None


class Audit(Repo):
    """Audit events: appended in the transaction of the change they describe."""

    def record(
        self,
        *,
        team_id: str,
        plan_id: int | None,
        user_id: str,
        entity: str,
        ref: str,
        action: str,
        before: dict | None = None,
        after: dict | None = None,
    ) -> None:
        """Append an audit event in the current transaction."""
        self.db.execute(
            "INSERT INTO audit_events (at, team_id, plan_id, user_id, entity, ref, action, "
            "before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._stamp(),
                team_id,
                plan_id,
                user_id,
                entity,
                ref,
                action,
                _dump(before),
                _dump(after),
            ),
        )

    def of_item(self, plan_id: int, ref: str, limit: int = -1) -> list[AuditEvent]:
        """The audit trail of one item of a plan, oldest first: the newest `limit` events."""
        rows = self._all(
            f"SELECT {_COLS} FROM audit_events WHERE plan_id = ? AND ref = ? "
            "ORDER BY id DESC LIMIT ?",
            (plan_id, ref, limit),
        )
        return [AuditEvent.from_row(r) for r in reversed(rows)]

    def count_of_item(self, plan_id: int, ref: str) -> int:
        """How many audit events one item of a plan has."""
        r = self._one(
            "SELECT COUNT(*) AS n FROM audit_events WHERE plan_id = ? AND ref = ?", (plan_id, ref)
        )
        return int(r["n"]) if r else 0

    def between(
        self,
        plan_id: int,
        since: datetime,
        until: datetime,
        entity: str | None = None,
        action: str | None = None,
    ) -> list[AuditEvent]:
        """A plan's audit events from `since` (inclusive) to `until` (exclusive), oldest first."""
        # Stamps are UTC ISO text of one shape (see utc_stamp), so they compare as strings.
        sql = f"SELECT {_COLS} FROM audit_events WHERE plan_id = ? AND at >= ? AND at < ?"
        params: list[Any] = [plan_id, utc_stamp(since), utc_stamp(until)]
        if entity is not None:
            sql += " AND entity = ?"
            params.append(entity)
        if action is not None:
            sql += " AND action = ?"
            params.append(action)
        return [AuditEvent.from_row(r) for r in self._all(sql + " ORDER BY id", tuple(params))]
