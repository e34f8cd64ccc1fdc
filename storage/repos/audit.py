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


def _scrub(raw: str | None, own: bool, texts: list[str], placeholder: str) -> str | None:
    """One before/after JSON without the texts (and, for the item's own events, its text)."""
    if not raw:
        return raw
    value = json.loads(raw)
    if not isinstance(value, dict):
        return raw
    out = {}
    for key, v in value.items():
        holds_text = isinstance(v, str) and any(t in v for t in texts)
        out[key] = placeholder if (own and key == "text") or holds_text else v
    return _dump(out)


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

    def scrub(self, plan_id: int, ref: str, texts: list[str], placeholder: str) -> int:
        """Take deleted texts out of a plan's earlier events: the item's `text` fields, and any
        value that holds one of the texts. Who, when, the ref and the action stay."""
        wanted = [t for t in texts if t]
        rows = self._all(
            "SELECT id, ref, before, after FROM audit_events WHERE plan_id = ?", (plan_id,)
        )
        changed = 0
        for r in rows:
            raw = (r["before"] or "") + (r["after"] or "")
            if r["ref"] != ref and not any(
                json.dumps(t, ensure_ascii=False)[1:-1] in raw for t in wanted
            ):
                continue
            new = [
                _scrub(r[col], r["ref"] == ref, wanted, placeholder) for col in ("before", "after")
            ]
            if new == [r["before"], r["after"]]:
                continue
            self.db.execute(
                "UPDATE audit_events SET before = ?, after = ?, scrubbed_at = ? WHERE id = ?",
                (new[0], new[1], self._stamp(), r["id"]),
            )
            changed += 1
        return changed

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
