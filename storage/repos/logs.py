"""The log of a plan: what happened, when, by whom (L-refs)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlite_utils

from storage.models import LogEntry
from storage.repos.base import Repo
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT l.id, l.plan_id, l.ref_no, l.activity_id, a.ref_no AS activity_ref_no,
       a.title AS activity_title, l.text, l.organisation_id, o.name AS organisation, l.user_id,
       l.happened_on, l.source, l.permalink, l.created_at
FROM log_entries l
LEFT JOIN activities a ON a.id = l.activity_id
LEFT JOIN organisations o ON o.id = l.organisation_id
"""

_NEWEST_FIRST = " ORDER BY l.happened_on DESC, l.ref_no DESC"


class Logs(Repo):
    """The log entries of the plans."""

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
        user_id: str,
        happened_on: date,
        source: str,
        activity_id: int | None = None,
        organisation_id: int | None = None,
        permalink: str | None = None,
    ) -> LogEntry:
        """Record a log entry with the next L-ref."""
        ref_no = self.refs.next(plan_id, "L")
        cur = self.db.execute(
            "INSERT INTO log_entries (plan_id, ref_no, activity_id, text, organisation_id, "
            "user_id, happened_on, source, permalink, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                ref_no,
                activity_id,
                text,
                organisation_id,
                user_id,
                happened_on.isoformat(),
                source,
                permalink,
                self._stamp(),
            ),
        )
        entry = self.by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert entry is not None
        self.search.put(plan_id, "log", entry.id, [text])
        return entry

    def by_id(self, log_id: int) -> LogEntry | None:
        """One log entry by its row id."""
        r = self._one(_SQL + " WHERE l.id = ?", (log_id,))
        return LogEntry.from_row(r) if r else None

    def get(self, plan_id: int, ref_no: int) -> LogEntry | None:
        """One log entry by its number."""
        r = self._one(_SQL + " WHERE l.plan_id = ? AND l.ref_no = ?", (plan_id, ref_no))
        return LogEntry.from_row(r) if r else None

    def between(
        self,
        plan_id: int,
        start: date,
        end: date,
        *,
        activity_id: int | None = None,
        organisation_id: int | None = None,
    ) -> list[LogEntry]:
        """Log entries that happened from start to end inclusive, newest first."""
        sql = _SQL + " WHERE l.plan_id = ? AND l.happened_on BETWEEN ? AND ?"
        params: list[Any] = [plan_id, start.isoformat(), end.isoformat()]
        if activity_id is not None:
            sql += " AND l.activity_id = ?"
            params.append(activity_id)
        if organisation_id is not None:
            sql += " AND l.organisation_id = ?"
            params.append(organisation_id)
        return [LogEntry.from_row(r) for r in self._all(sql + _NEWEST_FIRST, tuple(params))]

    def recent(self, plan_id: int, activity_id: int, limit: int) -> list[LogEntry]:
        """The newest log entries of one activity."""
        rows = self._all(
            _SQL + " WHERE l.plan_id = ? AND l.activity_id = ?" + _NEWEST_FIRST + " LIMIT ?",
            (plan_id, activity_id, limit),
        )
        return [LogEntry.from_row(r) for r in rows]

    def last_logged(self, plan_id: int) -> dict[int, date]:
        """For each activity of a plan, the date of its newest log entry."""
        rows = self._all(
            "SELECT activity_id, MAX(happened_on) AS last FROM log_entries "
            "WHERE plan_id = ? AND activity_id IS NOT NULL GROUP BY activity_id",
            (plan_id,),
        )
        return {r["activity_id"]: date.fromisoformat(r["last"]) for r in rows}
