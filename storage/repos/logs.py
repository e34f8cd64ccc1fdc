"""The log of a plan: what happened, when, by whom (L-refs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from storage.log_models import LogEntry, Production
from storage.repos.base import Repo
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT l.id, l.plan_id, l.ref_no, l.activity_id, a.ref_no AS activity_ref_no,
       a.title AS activity_title, l.text, l.organisation_id,
       COALESCE(o.name, l.organisation_name) AS organisation, l.user_id,
       l.happened_on, l.source, l.permalink, l.created_at, l.participants, l.hours
FROM log_entries l
LEFT JOIN activities a ON a.id = l.activity_id
LEFT JOIN organisations o ON o.id = l.organisation_id
"""

_NEWEST_FIRST = " ORDER BY l.happened_on DESC, l.ref_no DESC"
#: An entry's organisation by name, as _SQL gives it (none when empty).
_ORG = "NULLIF(COALESCE(o.name, l.organisation_name), '')"


@dataclass(frozen=True)
class LogGroup:
    """The entries of one activity (or of none) in a period, counted."""

    activity_id: int | None
    activity_ref: str | None
    activity_title: str | None
    entries: int
    organisations: int


@dataclass(frozen=True)
class LogSummary:
    """A period's log counted: entries, organisations, and the groups per activity."""

    entries: int
    organisations: int
    groups: list[LogGroup]


def _ref(ref_no: int | None) -> str | None:
    return f"A{ref_no}" if ref_no is not None else None


def _period(
    plan_id: int,
    start: date,
    end: date,
    activity_id: int | None,
    organisation_id: int | None,
    no_activity: bool,
) -> tuple[str, list[Any]]:
    """The WHERE clause of a plan's entries in a period, and its parameters."""
    sql = " WHERE l.plan_id = ? AND l.happened_on BETWEEN ? AND ?"
    params: list[Any] = [plan_id, start.isoformat(), end.isoformat()]
    if activity_id is not None:
        sql += " AND l.activity_id = ?"
        params.append(activity_id)
    elif no_activity:
        sql += " AND l.activity_id IS NULL"
    if organisation_id is not None:
        sql += " AND l.organisation_id = ?"
        params.append(organisation_id)
    return sql, params


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
        participants: int | None = None,
        hours: float | None = None,
    ) -> LogEntry:
        """Record a log entry with the next L-ref (and its production, when given)."""
        ref_no = self.refs.next(plan_id, "L")
        cur = self.db.execute(
            "INSERT INTO log_entries (plan_id, ref_no, activity_id, text, organisation_id, "
            "organisation_name, user_id, happened_on, source, permalink, created_at, "
            "participants, hours) "
            "VALUES (?, ?, ?, ?, ?, (SELECT name FROM organisations WHERE id = ?), "
            "?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                ref_no,
                activity_id,
                text,
                organisation_id,
                organisation_id,
                user_id,
                happened_on.isoformat(),
                source,
                permalink,
                self._stamp(),
                participants,
                hours,
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
        limit: int | None = None,
        offset: int = 0,
        no_activity: bool = False,
    ) -> list[LogEntry]:
        """Log entries that happened from start to end inclusive, newest first (the first
        `limit` after `offset`); `no_activity` keeps those of no activity."""
        where, params = _period(plan_id, start, end, activity_id, organisation_id, no_activity)
        sql = _SQL + where + _NEWEST_FIRST
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params.extend((-1 if limit is None else limit, offset))
        return [LogEntry.from_row(r) for r in self._all(sql, tuple(params))]

    def count_between(
        self, plan_id: int, start: date, end: date, *, organisation_id: int | None = None
    ) -> int:
        """How many log entries happened from start to end inclusive."""
        where, params = _period(plan_id, start, end, None, organisation_id, False)
        r = self._one("SELECT COUNT(*) AS n FROM log_entries l" + where, tuple(params))
        return int(r["n"]) if r else 0

    def period_summary(self, plan_id: int, start: date, end: date) -> LogSummary:
        """A period's log counted: entries, organisations, and entries per activity."""
        where, params = _period(plan_id, start, end, None, None, False)
        rows = self._all(
            f"SELECT l.activity_id, a.ref_no, a.title, COUNT(*) AS n, COUNT(DISTINCT {_ORG}) "
            "AS orgs FROM log_entries l LEFT JOIN activities a ON a.id = l.activity_id "
            "LEFT JOIN organisations o ON o.id = l.organisation_id"
            + where
            + " GROUP BY l.activity_id",
            tuple(params),
        )
        groups = [
            LogGroup(r["activity_id"], _ref(r["ref_no"]), r["title"], r["n"], r["orgs"])
            for r in rows
        ]
        orgs = self._one(
            f"SELECT COUNT(DISTINCT {_ORG}) AS orgs FROM log_entries l "
            "LEFT JOIN organisations o ON o.id = l.organisation_id" + where,
            tuple(params),
        )
        return LogSummary(sum(g.entries for g in groups), int(orgs["orgs"]) if orgs else 0, groups)

    def period_organisations(
        self, plan_id: int, start: date, end: date, activity_id: int | None, limit: int
    ) -> list[tuple[str, int]]:
        """The organisations that logged most on one activity (or none) in a period, with how
        many entries each; ties go to the one that logged last."""
        where, params = _period(plan_id, start, end, activity_id, None, activity_id is None)
        rows = self._all(
            f"SELECT {_ORG} AS name, COUNT(*) AS n FROM log_entries l LEFT JOIN organisations o "
            f"ON o.id = l.organisation_id{where} AND {_ORG} IS NOT NULL GROUP BY {_ORG} "
            "ORDER BY n DESC, MAX(printf('%s %012d', l.happened_on, l.ref_no)) DESC LIMIT ?",
            (*params, limit),
        )
        return [(r["name"], r["n"]) for r in rows]

    def production(
        self, plan_id: int, start: date, end: date, *, activity_id: int | None = None
    ) -> list[Production]:
        """A period's entries counted per activity and organisation, participants and hours
        summed (of one activity when `activity_id` is given)."""
        where, params = _period(plan_id, start, end, activity_id, None, False)
        rows = self._all(
            "SELECT l.activity_id, COALESCE(o.name, l.organisation_name) AS org, COUNT(*) AS n, "
            "COALESCE(SUM(l.participants), 0) AS p, COALESCE(SUM(l.hours), 0) AS h "
            "FROM log_entries l LEFT JOIN organisations o ON o.id = l.organisation_id"
            + where
            + " GROUP BY l.activity_id, org ORDER BY l.activity_id, n DESC, org",
            tuple(params),
        )
        return [
            Production(r["activity_id"], r["org"], r["n"], int(r["p"]), float(r["h"])) for r in rows
        ]

    def recent(self, plan_id: int, activity_id: int, limit: int) -> list[LogEntry]:
        """The newest log entries of one activity."""
        rows = self._all(
            _SQL + " WHERE l.plan_id = ? AND l.activity_id = ?" + _NEWEST_FIRST + " LIMIT ?",
            (plan_id, activity_id, limit),
        )
        return [LogEntry.from_row(r) for r in rows]

    def last_logged(self, plan_id: int) -> dict[int, date]:
        """For each activity of a plan, the date of its newest log entry."""
        # One look-up per activity in the (activity_id, happened_on) index, however long the
        # log: not a scan of every entry of the plan.
        rows = self._all(
            "SELECT a.id, (SELECT MAX(l.happened_on) FROM log_entries l "
            "WHERE l.activity_id = a.id) AS last FROM activities a WHERE a.plan_id = ?",
            (plan_id,),
        )
        return {r["id"]: date.fromisoformat(r["last"]) for r in rows if r["last"]}

    def of_activity(
        self, plan_id: int, activity_id: int, *, limit: int, offset: int = 0
    ) -> tuple[list[LogEntry], int]:
        """A page of one activity's log entries, newest first, and how many it has in all."""
        total = self._one(
            "SELECT COUNT(*) AS n FROM log_entries WHERE plan_id = ? AND activity_id = ?",
            (plan_id, activity_id),
        )
        rows = self._all(
            _SQL
            + " WHERE l.plan_id = ? AND l.activity_id = ?"
            + _NEWEST_FIRST
            + " LIMIT ? OFFSET ?",
            (plan_id, activity_id, limit, offset),
        )
        return [LogEntry.from_row(r) for r in rows], int(total["n"]) if total else 0

    def set_text(self, entry_id: int, text: str) -> None:
        """Correct an entry's text; the search index forgets the old words in the same step."""
        self.db.execute("UPDATE log_entries SET text = ? WHERE id = ?", (text, entry_id))
        r = self._one("SELECT plan_id FROM log_entries WHERE id = ?", (entry_id,))
        if r is not None:
            self.search.put(r["plan_id"], "log", entry_id, [text])
            self.search.purge()

    def set_production(self, entry_id: int, participants: int | None, hours: float | None) -> None:
        """Correct an entry's participants and hours."""
        self.db.execute(
            "UPDATE log_entries SET participants = ?, hours = ? WHERE id = ?",
            (participants, hours, entry_id),
        )

    def remove(self, entry_id: int) -> None:
        """Delete an entry and take it out of the search index, leaving no segment its words."""
        self.db.execute("DELETE FROM log_entries WHERE id = ?", (entry_id,))
        self.search.remove("log", entry_id)
        self.search.purge()
