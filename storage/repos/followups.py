"""Follow-ups: small tasks given to a person (F-refs)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlite_utils

from storage.models import FollowUp
from storage.repos.base import Repo, iso, utc_stamp
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT f.id, f.plan_id, f.ref_no, f.text, f.assignee, f.assigned_by, f.due_date, f.activity_id,
       a.ref_no AS activity_ref_no, f.status, f.done_by, f.done_at, f.snoozed_until,
       f.last_reminded_on, f.permalink, f.created_at
FROM followups f LEFT JOIN activities a ON a.id = f.activity_id
"""

_UPDATABLE = {
    "assignee",
    "due_date",
    "status",
    "done_by",
    "done_at",
    "snoozed_until",
    "last_reminded_on",
}


class FollowUps(Repo):
    """The follow-ups of the plans."""

    def __init__(
        self, db: sqlite_utils.Database, now: datetime, refs: Refs, search: SearchIndex
    ) -> None:
        super().__init__(db, now)
        self.refs = refs
        self.search = search

    def add(
        self,
        plan_id: int,
        *,
        text: str,
        assignee: str,
        assigned_by: str,
        due_date: date | None,
        activity_id: int | None = None,
        permalink: str | None = None,
    ) -> FollowUp:
        """Create a follow-up with the next F-ref."""
        ref_no = self.refs.next(plan_id, "F")
        cur = self.db.execute(
            "INSERT INTO followups (plan_id, ref_no, text, assignee, assigned_by, due_date, "
            "activity_id, status, permalink, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
            (
                plan_id,
                ref_no,
                text,
                assignee,
                assigned_by,
                iso(due_date),
                activity_id,
                permalink,
                self._stamp(),
            ),
        )
        f = self.by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert f is not None
        self.search.put(plan_id, "followup", f.id, [text])
        return f

    def by_id(self, followup_id: int) -> FollowUp | None:
        """One follow-up by its row id."""
        r = self._one(_SQL + " WHERE f.id = ?", (followup_id,))
        return FollowUp.from_row(r) if r else None

    def get(self, plan_id: int, ref_no: int) -> FollowUp | None:
        """One follow-up of a plan by its number."""
        r = self._one(_SQL + " WHERE f.plan_id = ? AND f.ref_no = ?", (plan_id, ref_no))
        return FollowUp.from_row(r) if r else None

    def of_plan(
        self, plan_id: int, status: str | None = None, activity_id: int | None = None
    ) -> list[FollowUp]:
        """The follow-ups of a plan, optionally of one status or activity, by due date."""
        sql = _SQL + " WHERE f.plan_id = ?"
        params: list[Any] = [plan_id]
        if status:
            sql += " AND f.status = ?"
            params.append(status)
        if activity_id is not None:
            sql += " AND f.activity_id = ?"
            params.append(activity_id)
        sql += " ORDER BY f.due_date IS NULL, f.due_date, f.ref_no"
        return [FollowUp.from_row(r) for r in self._all(sql, tuple(params))]

    def done_between(self, plan_id: int, since: datetime, until: datetime) -> list[FollowUp]:
        """A plan's follow-ups completed from `since` (inclusive) to `until` (exclusive), in the
        order they were completed."""
        # done_at is UTC ISO text (to the second or finer), so it compares as a string.
        rows = self._all(
            _SQL + " WHERE f.plan_id = ? AND f.status = 'done' AND f.done_at >= ? "
            "AND f.done_at < ? ORDER BY f.done_at, f.ref_no",
            (plan_id, utc_stamp(since), utc_stamp(until)),
        )
        return [FollowUp.from_row(r) for r in rows]

    def open_counts(
        self, plan_id: int, late_before: date, assignees: set[str] | None = None
    ) -> tuple[int, int]:
        """How many of a plan's follow-ups are open, and how many of those are due before
        `late_before` (see rules.late_if_due_before); optionally only of some assignees."""
        sql = (
            "SELECT count(*), coalesce(sum(due_date IS NOT NULL AND due_date < ?), 0) "
            "FROM followups WHERE plan_id = ? AND status = 'open'"
        )
        params: list[Any] = [late_before.isoformat(), plan_id]
        if assignees is not None:
            sql += f" AND assignee IN ({', '.join('?' for _ in assignees)})"
            params.extend(sorted(assignees))
        row = self.db.execute(sql, params).fetchone()
        return int(row[0]), int(row[1])

    def open_of_user(self, team_id: str, user_id: str, limit: int | None = None) -> list[FollowUp]:
        """A user's open follow-ups across the plans of one workspace, by due date (the first
        `limit` of them)."""
        rows = self._all(
            _SQL + " JOIN plans p ON p.id = f.plan_id "
            "WHERE p.team_id = ? AND f.assignee = ? AND f.status = 'open' "
            "ORDER BY f.due_date IS NULL, f.due_date, f.plan_id, f.ref_no LIMIT ?",
            (team_id, user_id, -1 if limit is None else limit),
        )
        return [FollowUp.from_row(r) for r in rows]

    def count_open_of_user(self, team_id: str, user_id: str) -> int:
        """How many open follow-ups a user has across the plans of one workspace."""
        row = self.db.execute(
            "SELECT count(*) FROM followups f JOIN plans p ON p.id = f.plan_id "
            "WHERE p.team_id = ? AND f.assignee = ? AND f.status = 'open'",
            (team_id, user_id),
        ).fetchone()
        return int(row[0])

    def open_due(self, plan_id: int, on_or_before: date) -> list[FollowUp]:
        """Open follow-ups of a plan due on or before a date."""
        rows = self._all(
            _SQL + " WHERE f.plan_id = ? AND f.status = 'open' "
            "AND f.due_date IS NOT NULL AND f.due_date <= ? ORDER BY f.due_date, f.ref_no",
            (plan_id, on_or_before.isoformat()),
        )
        return [FollowUp.from_row(r) for r in rows]

    def update(self, followup_id: int, **fields: Any) -> FollowUp:
        """Change fields of a follow-up."""
        if isinstance(fields.get("done_at"), datetime):
            # Kept as UTC text so that `done_between` compares it as a string.
            fields["done_at"] = fields["done_at"].astimezone(UTC).isoformat()
        self._update("followups", followup_id, fields, _UPDATABLE)
        f = self.by_id(followup_id)
        assert f is not None
        return f

    def mark_reminded(self, followup_ids: list[int], day: date) -> int:
        """Record that follow-ups were reminded on a day; returns how many were not yet."""
        if not followup_ids:
            return 0
        marks = ",".join("?" * len(followup_ids))
        cur = self.db.execute(
            f"UPDATE followups SET last_reminded_on = ? WHERE id IN ({marks}) "
            "AND (last_reminded_on IS NULL OR last_reminded_on < ?)",
            (day.isoformat(), *followup_ids, day.isoformat()),
        )
        return cur.rowcount

    def set_text(self, followup_id: int, text: str) -> None:
        """Correct a follow-up's text; the search index forgets the old words in the same step."""
        self.db.execute("UPDATE followups SET text = ? WHERE id = ?", (text, followup_id))
        r = self._one("SELECT plan_id FROM followups WHERE id = ?", (followup_id,))
        if r is not None:
            self.search.put(r["plan_id"], "followup", followup_id, [text])
            self.search.purge()

    def remove(self, followup_id: int) -> None:
        """Delete a follow-up and take it out of the search index."""
        self.db.execute("DELETE FROM followups WHERE id = ?", (followup_id,))
        self.search.remove("followup", followup_id)
        self.search.purge()
