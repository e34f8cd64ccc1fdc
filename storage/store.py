"""The SQLite store: one connection per unit of work, every query of the bot in one place."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.migrations import MIGRATIONS
from storage.models import (
    Activity,
    AuditEvent,
    Digest,
    FollowUp,
    LogEntry,
    Member,
    Organisation,
    Plan,
)

BUSY_TIMEOUT_MS = 10_000
#: How long an event id is remembered against Slack's redeliveries (they come within minutes).
EVENT_MEMORY = timedelta(days=1)


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _json_default(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


_PLAN_COLS = (
    "id, team_id, channel_id, name, area, period_start, period_end, language, timezone, "
    "digest_weekday, digest_time, digest_set_at, delivery_error, delivery_error_at, "
    "created_by, created_at"
)

_ACTIVITY_SQL = """
SELECT a.id, a.plan_id, a.ref_no, a.title, a.cause, a.goal, a.owner_org_id, o.name,
       a.contact_user, a.start_date, a.due_date, a.status, a.rag, a.created_by,
       a.created_at, a.updated_at
FROM activities a LEFT JOIN organisations o ON o.id = a.owner_org_id
"""

_LOG_SQL = """
SELECT l.id, l.plan_id, l.ref_no, l.activity_id, a.ref_no, a.title, l.text, l.organisation_id,
       o.name, l.user_id, l.happened_on, l.source, l.permalink, l.created_at
FROM log_entries l
LEFT JOIN activities a ON a.id = l.activity_id
LEFT JOIN organisations o ON o.id = l.organisation_id
"""

_FOLLOWUP_SQL = """
SELECT f.id, f.plan_id, f.ref_no, f.text, f.assignee, f.assigned_by, f.due_date, f.activity_id,
       a.ref_no, f.status, f.done_by, f.done_at, f.snoozed_until, f.last_reminded_on,
       f.permalink, f.created_at
FROM followups f LEFT JOIN activities a ON a.id = f.activity_id
"""

_MEMBER_SQL = """
SELECT m.id, m.plan_id, m.user_id, m.organisation_id, o.name, m.role
FROM members m LEFT JOIN organisations o ON o.id = m.organisation_id
"""


def _plan(r: tuple) -> Plan:
    return Plan(
        id=r[0],
        team_id=r[1],
        channel_id=r[2],
        name=r[3],
        area=r[4] or "",
        period_start=_d(r[5]),
        period_end=_d(r[6]),
        language=r[7],
        timezone=r[8],
        digest_weekday=r[9],
        digest_time=r[10] or "08:00",
        digest_set_at=_dt(r[11]),
        delivery_error=r[12],
        delivery_error_at=_dt(r[13]),
        created_by=r[14],
        created_at=_dt(r[15]),  # type: ignore[arg-type]
    )


def _activity(r: tuple) -> Activity:
    return Activity(
        id=r[0],
        plan_id=r[1],
        ref=f"A{r[2]}",
        title=r[3],
        cause=r[4] or "",
        goal=r[5] or "",
        owner_org_id=r[6],
        owner=r[7],
        contact_user=r[8],
        start_date=_d(r[9]),
        due_date=_d(r[10]),
        status=r[11],
        rag=r[12],
        created_by=r[13],
        created_at=_dt(r[14]),  # type: ignore[arg-type]
        updated_at=_dt(r[15]),  # type: ignore[arg-type]
    )


def _log(r: tuple) -> LogEntry:
    return LogEntry(
        id=r[0],
        plan_id=r[1],
        ref=f"L{r[2]}",
        activity_id=r[3],
        activity_ref=f"A{r[4]}" if r[4] is not None else None,
        activity_title=r[5],
        text=r[6],
        organisation_id=r[7],
        organisation=r[8],
        user_id=r[9],
        happened_on=_d(r[10]),  # type: ignore[arg-type]
        source=r[11],
        permalink=r[12],
        created_at=_dt(r[13]),  # type: ignore[arg-type]
    )


def _followup(r: tuple) -> FollowUp:
    return FollowUp(
        id=r[0],
        plan_id=r[1],
        ref=f"F{r[2]}",
        text=r[3],
        assignee=r[4],
        assigned_by=r[5],
        due_date=_d(r[6]),
        activity_id=r[7],
        activity_ref=f"A{r[8]}" if r[8] is not None else None,
        status=r[9],
        done_by=r[10],
        done_at=_dt(r[11]),
        snoozed_until=_d(r[12]),
        last_reminded_on=_d(r[13]),
        permalink=r[14],
        created_at=_dt(r[15]),  # type: ignore[arg-type]
    )


def _member(r: tuple) -> Member:
    return Member(
        id=r[0], plan_id=r[1], user_id=r[2], organisation_id=r[3], organisation=r[4], role=r[5]
    )


def _digest(r: tuple) -> Digest:
    return Digest(
        id=r[0],
        plan_id=r[1],
        iso_year=r[2],
        iso_week=r[3],
        state=r[4],
        channel_id=r[5],
        message_ts=r[6],
        attempts=r[7],
        claimed_at=_dt(r[8]),  # type: ignore[arg-type]
        sent_at=_dt(r[9]),
        error=r[10],
    )


def _audit(r: tuple) -> AuditEvent:
    return AuditEvent(
        id=r[0],
        at=_dt(r[1]),  # type: ignore[arg-type]
        team_id=r[2],
        plan_id=r[3],
        user_id=r[4],
        entity=r[5],
        ref=r[6],
        action=r[7],
        before=json.loads(r[8]) if r[8] else None,
        after=json.loads(r[9]) if r[9] else None,
    )


_AUDIT_COLS = "id, at, team_id, plan_id, user_id, entity, ref, action, before, after"
_DIGEST_COLS = (
    "id, plan_id, iso_year, iso_week, state, channel_id, message_ts, attempts, claimed_at, "
    "sent_at, error"
)


class Tx:
    """One unit of work on one connection; every read and write of the bot is a method here."""

    def __init__(self, db: sqlite_utils.Database, now: datetime) -> None:
        self.db = db
        self.now = now

    def _one(self, sql: str, params: tuple | dict = ()) -> tuple | None:
        return self.db.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        return self.db.execute(sql, params).fetchall()

    def _stamp(self) -> str:
        return self.now.astimezone(UTC).isoformat(timespec="seconds")

    def _update(self, table: str, row_id: int, fields: dict[str, Any], allowed: set[str]) -> None:
        """Set columns of one row; only `allowed` column names ever reach the SQL text."""
        assert set(fields) <= allowed, set(fields) - allowed
        values = {k: _iso(v) if isinstance(v, date) else v for k, v in fields.items()}
        sets = ", ".join(f"{k} = :{k}" for k in values)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**values, "id": row_id})

    # -- audit ---------------------------------------------------------------------------------

    def audit(
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
                json.dumps(before, default=_json_default, ensure_ascii=False) if before else None,
                json.dumps(after, default=_json_default, ensure_ascii=False) if after else None,
            ),
        )

    def audit_for(self, plan_id: int, ref: str) -> list[AuditEvent]:
        """The audit trail of one item of a plan, oldest first."""
        rows = self._all(
            f"SELECT {_AUDIT_COLS} FROM audit_events WHERE plan_id = ? AND ref = ? ORDER BY id",
            (plan_id, ref),
        )
        return [_audit(r) for r in rows]

    def audit_between(
        self, plan_id: int, since: datetime, until: datetime, entity: str | None = None
    ) -> list[AuditEvent]:
        """A plan's audit events from `since` (inclusive) to `until` (exclusive), oldest first."""
        # Stamps are UTC ISO text of one shape (see _stamp), so they compare as strings.
        sql = f"SELECT {_AUDIT_COLS} FROM audit_events WHERE plan_id = ? AND at >= ? AND at < ?"
        params: list[Any] = [
            plan_id,
            since.astimezone(UTC).isoformat(timespec="seconds"),
            until.astimezone(UTC).isoformat(timespec="seconds"),
        ]
        if entity is not None:
            sql += " AND entity = ?"
            params.append(entity)
        return [_audit(r) for r in self._all(sql + " ORDER BY id", tuple(params))]

    def next_ref(self, plan_id: int, kind: str) -> int:
        """Allocate the next number for refs of one kind (A, F, L) in a plan."""
        row = self._one(
            "INSERT INTO ref_counters (plan_id, kind, last) VALUES (?, ?, 1) "
            "ON CONFLICT (plan_id, kind) DO UPDATE SET last = last + 1 RETURNING last",
            (plan_id, kind),
        )
        assert row is not None
        return int(row[0])

    # -- plans ---------------------------------------------------------------------------------

    def plan_by_channel(self, team_id: str, channel_id: str) -> Plan | None:
        """The plan whose home is this channel, if any."""
        r = self._one(
            f"SELECT {_PLAN_COLS} FROM plans WHERE team_id = ? AND channel_id = ?",
            (team_id, channel_id),
        )
        return _plan(r) if r else None

    def plan_by_id(self, plan_id: int) -> Plan | None:
        """One plan by its id."""
        r = self._one(f"SELECT {_PLAN_COLS} FROM plans WHERE id = ?", (plan_id,))
        return _plan(r) if r else None

    def all_plans(self) -> list[Plan]:
        """Every plan of every workspace (for the schedules)."""
        return [_plan(r) for r in self._all(f"SELECT {_PLAN_COLS} FROM plans ORDER BY id")]

    def plans_of_user(self, team_id: str, user_id: str) -> list[Plan]:
        """The plans of a workspace where the user is a member or has follow-ups."""
        rows = self._all(
            f"SELECT {_PLAN_COLS} FROM plans WHERE team_id = ? AND id IN ("
            "SELECT plan_id FROM members WHERE user_id = ? "
            "UNION SELECT plan_id FROM followups WHERE assignee = ?) ORDER BY id",
            (team_id, user_id, user_id),
        )
        return [_plan(r) for r in rows]

    def create_plan(
        self,
        *,
        team_id: str,
        channel_id: str,
        name: str,
        language: str,
        timezone: str,
        created_by: str,
        digest_weekday: int | None = 0,
        digest_time: str = "08:00",
    ) -> Plan:
        """Create a plan for a channel."""
        cur = self.db.execute(
            "INSERT INTO plans (team_id, channel_id, name, area, language, timezone, "
            "digest_weekday, digest_time, digest_set_at, created_by, created_at) "
            "VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)",
            (
                team_id,
                channel_id,
                name,
                language,
                timezone,
                digest_weekday,
                digest_time,
                self._stamp(),
                created_by,
                self._stamp(),
            ),
        )
        plan = self.plan_by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert plan is not None
        return plan

    def update_plan(self, plan_id: int, **fields: Any) -> Plan:
        """Change fields of a plan; dates are stored as ISO text."""
        allowed = {
            "name",
            "area",
            "period_start",
            "period_end",
            "language",
            "timezone",
            "digest_weekday",
            "digest_time",
            "digest_set_at",
            "delivery_error",
            "delivery_error_at",
        }
        self._update("plans", plan_id, fields, allowed)
        plan = self.plan_by_id(plan_id)
        assert plan is not None
        return plan

    # -- organisations and members -------------------------------------------------------------

    def organisations(self, plan_id: int) -> list[Organisation]:
        """The organisations of a plan, by name."""
        rows = self._all(
            "SELECT id, plan_id, name, kind FROM organisations WHERE plan_id = ? ORDER BY name_key",
            (plan_id,),
        )
        return [Organisation(*r) for r in rows]

    def organisation_by_name(self, plan_id: int, name: str) -> Organisation | None:
        """An organisation of a plan by name, case-insensitively."""
        r = self._one(
            "SELECT id, plan_id, name, kind FROM organisations WHERE plan_id = ? AND name_key = ?",
            (plan_id, name.casefold()),
        )
        return Organisation(*r) if r else None

    def organisation_by_id(self, org_id: int) -> Organisation | None:
        """An organisation by id."""
        r = self._one("SELECT id, plan_id, name, kind FROM organisations WHERE id = ?", (org_id,))
        return Organisation(*r) if r else None

    def add_organisation(self, plan_id: int, name: str, kind: str) -> Organisation:
        """Add an organisation to a plan."""
        cur = self.db.execute(
            "INSERT INTO organisations (plan_id, name, name_key, kind) VALUES (?, ?, ?, ?)",
            (plan_id, name, name.casefold(), kind),
        )
        return Organisation(cur.lastrowid, plan_id, name, kind)  # type: ignore[arg-type]

    def member(self, plan_id: int, user_id: str) -> Member | None:
        """The membership of a user in a plan, if any."""
        r = self._one(_MEMBER_SQL + " WHERE m.plan_id = ? AND m.user_id = ?", (plan_id, user_id))
        return _member(r) if r else None

    def members(self, plan_id: int) -> list[Member]:
        """All members of a plan, by organisation."""
        rows = self._all(
            _MEMBER_SQL + " WHERE m.plan_id = ? ORDER BY o.name_key IS NULL, o.name_key, m.user_id",
            (plan_id,),
        )
        return [_member(r) for r in rows]

    def set_member(
        self, plan_id: int, user_id: str, organisation_id: int | None, role: str
    ) -> Member:
        """Put a user in an organisation and role, replacing an earlier membership."""
        self.db.execute(
            "INSERT INTO members (plan_id, user_id, organisation_id, role) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (plan_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id, "
            "role = excluded.role",
            (plan_id, user_id, organisation_id, role),
        )
        m = self.member(plan_id, user_id)
        assert m is not None
        return m

    # -- activities ----------------------------------------------------------------------------

    def add_activity(
        self,
        plan_id: int,
        *,
        title: str,
        created_by: str,
        owner_org_id: int | None = None,
        due_date: date | None = None,
        start_date: date | None = None,
        cause: str = "",
        goal: str = "",
        contact_user: str | None = None,
        status: str = "planned",
        rag: str | None = None,
    ) -> Activity:
        """Create an activity with the next A-ref."""
        ref_no = self.next_ref(plan_id, "A")
        cur = self.db.execute(
            "INSERT INTO activities (plan_id, ref_no, title, cause, goal, owner_org_id, "
            "contact_user, start_date, due_date, status, rag, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                ref_no,
                title,
                cause,
                goal,
                owner_org_id,
                contact_user,
                _iso(start_date),
                _iso(due_date),
                status,
                rag,
                created_by,
                self._stamp(),
                self._stamp(),
            ),
        )
        a = self._activity_by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert a is not None
        return a

    def _activity_by_id(self, activity_id: int) -> Activity | None:
        r = self._one(_ACTIVITY_SQL + " WHERE a.id = ?", (activity_id,))
        return _activity(r) if r else None

    def activity(self, plan_id: int, ref_no: int) -> Activity | None:
        """One activity of a plan by its number."""
        r = self._one(_ACTIVITY_SQL + " WHERE a.plan_id = ? AND a.ref_no = ?", (plan_id, ref_no))
        return _activity(r) if r else None

    def activities(self, plan_id: int) -> list[Activity]:
        """All activities of a plan in ref order."""
        rows = self._all(_ACTIVITY_SQL + " WHERE a.plan_id = ? ORDER BY a.ref_no", (plan_id,))
        return [_activity(r) for r in rows]

    def update_activity(self, activity_id: int, **fields: Any) -> Activity:
        """Change fields of an activity and stamp it updated."""
        allowed = {
            "title",
            "cause",
            "goal",
            "owner_org_id",
            "due_date",
            "status",
            "rag",
            "updated_at",
        }
        self._update("activities", activity_id, {**fields, "updated_at": self._stamp()}, allowed)
        a = self._activity_by_id(activity_id)
        assert a is not None
        return a

    # -- log -----------------------------------------------------------------------------------

    def add_log(
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
        ref_no = self.next_ref(plan_id, "L")
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
        r = self._one(_LOG_SQL + " WHERE l.id = ?", (cur.lastrowid,))
        assert r is not None
        return _log(r)

    def log_entry(self, plan_id: int, ref_no: int) -> LogEntry | None:
        """One log entry by its number."""
        r = self._one(_LOG_SQL + " WHERE l.plan_id = ? AND l.ref_no = ?", (plan_id, ref_no))
        return _log(r) if r else None

    def logs_between(
        self,
        plan_id: int,
        start: date,
        end: date,
        *,
        activity_id: int | None = None,
        organisation_id: int | None = None,
    ) -> list[LogEntry]:
        """Log entries that happened from start to end inclusive, newest first."""
        sql = _LOG_SQL + " WHERE l.plan_id = ? AND l.happened_on BETWEEN ? AND ?"
        params: list[Any] = [plan_id, start.isoformat(), end.isoformat()]
        if activity_id is not None:
            sql += " AND l.activity_id = ?"
            params.append(activity_id)
        if organisation_id is not None:
            sql += " AND l.organisation_id = ?"
            params.append(organisation_id)
        sql += " ORDER BY l.happened_on DESC, l.ref_no DESC"
        return [_log(r) for r in self._all(sql, tuple(params))]

    def recent_logs(self, plan_id: int, activity_id: int, limit: int) -> list[LogEntry]:
        """The newest log entries of one activity."""
        rows = self._all(
            _LOG_SQL + " WHERE l.plan_id = ? AND l.activity_id = ? "
            "ORDER BY l.happened_on DESC, l.ref_no DESC LIMIT ?",
            (plan_id, activity_id, limit),
        )
        return [_log(r) for r in rows]

    def last_logged(self, plan_id: int) -> dict[int, date]:
        """For each activity of a plan, the date of its newest log entry."""
        rows = self._all(
            "SELECT activity_id, MAX(happened_on) FROM log_entries "
            "WHERE plan_id = ? AND activity_id IS NOT NULL GROUP BY activity_id",
            (plan_id,),
        )
        return {r[0]: date.fromisoformat(r[1]) for r in rows}

    def search_logs(self, plan_id: int, query: str, limit: int) -> tuple[list[LogEntry], int]:
        """Full-text search of a plan's log: the best matches and how many matched in all."""
        # FTS5 ends a string at NUL, and a query of quotes alone quotes to nothing at all.
        fts_query = self.db.quote_fts(query.replace("\x00", " "))
        if not fts_query.strip():
            return [], 0
        where = (
            " WHERE l.plan_id = ? AND l.id IN "
            "(SELECT rowid FROM log_entries_fts WHERE log_entries_fts MATCH ?)"
        )
        total = self._one("SELECT COUNT(*) FROM log_entries l" + where, (plan_id, fts_query))
        rows = self._all(
            _LOG_SQL + where + " ORDER BY l.happened_on DESC, l.ref_no DESC LIMIT ?",
            (plan_id, fts_query, limit),
        )
        return [_log(r) for r in rows], int(total[0]) if total else 0

    # -- follow-ups ----------------------------------------------------------------------------

    def add_followup(
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
        ref_no = self.next_ref(plan_id, "F")
        cur = self.db.execute(
            "INSERT INTO followups (plan_id, ref_no, text, assignee, assigned_by, due_date, "
            "activity_id, status, permalink, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
            (
                plan_id,
                ref_no,
                text,
                assignee,
                assigned_by,
                _iso(due_date),
                activity_id,
                permalink,
                self._stamp(),
            ),
        )
        f = self._followup_by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert f is not None
        return f

    def _followup_by_id(self, followup_id: int) -> FollowUp | None:
        r = self._one(_FOLLOWUP_SQL + " WHERE f.id = ?", (followup_id,))
        return _followup(r) if r else None

    def followup(self, plan_id: int, ref_no: int) -> FollowUp | None:
        """One follow-up of a plan by its number."""
        r = self._one(_FOLLOWUP_SQL + " WHERE f.plan_id = ? AND f.ref_no = ?", (plan_id, ref_no))
        return _followup(r) if r else None

    def followups(self, plan_id: int, status: str | None = None) -> list[FollowUp]:
        """The follow-ups of a plan, optionally of one status, by due date."""
        sql = _FOLLOWUP_SQL + " WHERE f.plan_id = ?"
        params: list[Any] = [plan_id]
        if status:
            sql += " AND f.status = ?"
            params.append(status)
        sql += " ORDER BY f.due_date IS NULL, f.due_date, f.ref_no"
        return [_followup(r) for r in self._all(sql, tuple(params))]

    def open_followups_of(self, team_id: str, user_id: str) -> list[FollowUp]:
        """A user's open follow-ups across the plans of one workspace, by due date."""
        rows = self._all(
            _FOLLOWUP_SQL + " JOIN plans p ON p.id = f.plan_id "
            "WHERE p.team_id = ? AND f.assignee = ? AND f.status = 'open' "
            "ORDER BY f.due_date IS NULL, f.due_date, f.plan_id, f.ref_no",
            (team_id, user_id),
        )
        return [_followup(r) for r in rows]

    def open_followups_due(self, plan_id: int, on_or_before: date) -> list[FollowUp]:
        """Open follow-ups of a plan due on or before a date."""
        rows = self._all(
            _FOLLOWUP_SQL + " WHERE f.plan_id = ? AND f.status = 'open' "
            "AND f.due_date IS NOT NULL AND f.due_date <= ? ORDER BY f.due_date, f.ref_no",
            (plan_id, on_or_before.isoformat()),
        )
        return [_followup(r) for r in rows]

    def update_followup(self, followup_id: int, **fields: Any) -> FollowUp:
        """Change fields of a follow-up."""
        allowed = {
            "assignee",
            "due_date",
            "status",
            "done_by",
            "done_at",
            "snoozed_until",
            "last_reminded_on",
        }
        self._update("followups", followup_id, fields, allowed)
        f = self._followup_by_id(followup_id)
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

    # -- personal settings ---------------------------------------------------------------------

    def reminders_enabled(self, team_id: str, user_id: str) -> bool:
        """Whether a person gets reminder DMs (on unless they turned them off)."""
        r = self._one(
            "SELECT reminders FROM user_settings WHERE team_id = ? AND user_id = ?",
            (team_id, user_id),
        )
        return bool(r[0]) if r else True

    def set_reminders(self, team_id: str, user_id: str, enabled: bool) -> None:
        """Turn a person's reminder DMs on or off."""
        self.db.execute(
            "INSERT INTO user_settings (team_id, user_id, reminders) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, user_id) DO UPDATE SET reminders = excluded.reminders",
            (team_id, user_id, int(enabled)),
        )

    # -- digests -------------------------------------------------------------------------------

    def digest(self, plan_id: int, iso_year: int, iso_week: int) -> Digest | None:
        """The digest record of a plan and ISO week, if any."""
        r = self._one(
            f"SELECT {_DIGEST_COLS} FROM digests WHERE plan_id = ? AND iso_year = ? AND iso_week = ?",
            (plan_id, iso_year, iso_week),
        )
        return _digest(r) if r else None

    def claim_digest(self, plan_id: int, iso_year: int, iso_week: int, channel_id: str) -> bool:
        """Record the intent to send a week's digest; False when one is already recorded."""
        cur = self.db.execute(
            "INSERT INTO digests (plan_id, iso_year, iso_week, state, channel_id, attempts, "
            "claimed_at) VALUES (?, ?, ?, 'sending', ?, 1, ?) "
            "ON CONFLICT (plan_id, iso_year, iso_week) DO NOTHING",
            (plan_id, iso_year, iso_week, channel_id, self._stamp()),
        )
        return cur.rowcount == 1

    def update_digest(self, digest_id: int, **fields: Any) -> None:
        """Change the state of a digest record."""
        allowed = {"state", "message_ts", "attempts", "claimed_at", "sent_at", "error"}
        self._update("digests", digest_id, fields, allowed)

    # -- events --------------------------------------------------------------------------------

    def first_delivery(self, event_id: str) -> bool:
        """Remember an event id; False when it was seen before (a redelivery).

        Ids older than EVENT_MEMORY are forgotten in the same transaction: Slack redelivers
        an event within minutes, so the table stays small.
        """
        cutoff = (self.now - EVENT_MEMORY).astimezone(UTC).isoformat(timespec="seconds")
        self.db.execute("DELETE FROM processed_events WHERE received_at < ?", (cutoff,))
        cur = self.db.execute(
            "INSERT INTO processed_events (event_id, received_at) VALUES (?, ?) "
            "ON CONFLICT (event_id) DO NOTHING",
            (event_id, self._stamp()),
        )
        return cur.rowcount == 1


class Store:
    """A SQLite database file; hands out one connection per unit of work."""

    def __init__(self, path: str | Path, clock: Any = None) -> None:
        self.path = str(path)
        self.clock = clock or (lambda: datetime.now(UTC))

    def _connect(self) -> sqlite_utils.Database:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = NORMAL")
        return sqlite_utils.Database(conn)

    def migrate(self) -> list[int]:
        """Bring the schema up to date; returns the migrations applied now."""
        db = self._connect()
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied: list[int] = []
            for version, name, fn in MIGRATIONS:
                db.execute("BEGIN IMMEDIATE")
                try:
                    done = db.execute(
                        "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
                    ).fetchone()
                    if not done:
                        fn(db)
                        db.execute(
                            "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                            (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
                        )
                        applied.append(version)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            return applied
        finally:
            db.conn.close()

    def schema_version(self) -> int:
        """The newest migration applied to the file."""
        db = self._connect()
        try:
            r = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            return int(r[0] or 0)
        finally:
            db.conn.close()

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A read-only unit of work (a consistent snapshot)."""
        db = self._connect()
        try:
            db.execute("BEGIN")
            yield Tx(db, self.clock())
            db.execute("COMMIT")
        finally:
            db.conn.close()

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A writing unit of work: one transaction, committed on success, rolled back on error."""
        db = self._connect()
        try:
            # IMMEDIATE takes the write lock up front so concurrent writers queue on the busy
            # timeout instead of failing half-way with SQLITE_BUSY.
            db.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(db, self.clock())
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.conn.close()

    def backup(self, target: str | Path) -> None:
        """Copy the live database to a file with SQLite's online backup API."""
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
