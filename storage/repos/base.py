"""What every repository shares: the unit of work's connection, its clock and row helpers."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import Any

import sqlite_utils

Params = tuple[Any, ...] | dict[str, Any]


def iso(value: date | datetime | None) -> str | None:
    """A date or datetime as ISO text; None stays None."""
    return value.isoformat() if value is not None else None


def utc_stamp(moment: datetime) -> str:
    """A moment as UTC ISO text to the second: stamps of one shape compare as strings."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class Repo:
    """A repository: queries of one entity, run on the connection of one unit of work."""

    def __init__(self, db: sqlite_utils.Database, now: datetime) -> None:
        self.db = db
        self.now = now

    def _rows(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        # Rows come back as sqlite3.Row (addressed by column name) through a cursor of their
        # own: the connection's row_factory stays as it is, so sqlite-utils and anyone using
        # `tx.db.execute` still get plain tuples.
        cur = self.db.conn.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(sql, params)

    def _one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """The first row of a query, by column name, or None."""
        row: sqlite3.Row | None = self._rows(sql, params).fetchone()
        return row

    def _all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Every row of a query, by column name."""
        return self._rows(sql, params).fetchall()

    def _stamp(self) -> str:
        """The unit of work's time as a UTC stamp."""
        return utc_stamp(self.now)

    def _update(self, table: str, row_id: int, fields: dict[str, Any], allowed: set[str]) -> None:
        """Set columns of one row; only `allowed` column names ever reach the SQL text."""
        assert set(fields) <= allowed, set(fields) - allowed
        values = {k: iso(v) if isinstance(v, date) else v for k, v in fields.items()}
        sets = ", ".join(f"{k} = :{k}" for k in values)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**values, "id": row_id})
