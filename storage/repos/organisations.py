"""Organisations taking part in a plan."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from storage.models import Organisation
from storage.repos.base import Repo
from storage.repos.search import SearchIndex

_COLS = "id, plan_id, name, kind"


class Organisations(Repo):
    """The organisations of the plans; names are unique per plan, case-insensitively."""

    def __init__(self, db: sqlite_utils.Database, now: datetime, search: SearchIndex) -> None:
        super().__init__(db, now)
        self.search = search

    def of_plan(self, plan_id: int) -> list[Organisation]:
        """The organisations of a plan, by name."""
        rows = self._all(
            f"SELECT {_COLS} FROM organisations WHERE plan_id = ? ORDER BY name_key", (plan_id,)
        )
        return [Organisation.from_row(r) for r in rows]

    def by_name(self, plan_id: int, name: str) -> Organisation | None:
        """An organisation of a plan by name, case-insensitively."""
        r = self._one(
            f"SELECT {_COLS} FROM organisations WHERE plan_id = ? AND name_key = ?",
            (plan_id, name.casefold()),
        )
        return Organisation.from_row(r) if r else None

    def get(self, org_id: int) -> Organisation | None:
        """An organisation by id."""
        r = self._one(f"SELECT {_COLS} FROM organisations WHERE id = ?", (org_id,))
        return Organisation.from_row(r) if r else None

    def add(self, plan_id: int, name: str, kind: str) -> Organisation:
        """Add an organisation to a plan."""
        cur = self.db.execute(
            "INSERT INTO organisations (plan_id, name, name_key, kind) VALUES (?, ?, ?, ?)",
            (plan_id, name, name.casefold(), kind),
        )
        org = Organisation(cur.lastrowid, plan_id, name, kind)  # type: ignore[arg-type]
        self.search.put(plan_id, "organisation", org.id, [name])
        return org
