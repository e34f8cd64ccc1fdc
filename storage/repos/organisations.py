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

    def rename(self, org_id: int, name: str) -> Organisation:
        """Give an organisation a new name (search finds it by the new one only)."""
        self.db.execute(
            "UPDATE organisations SET name = ?, name_key = ? WHERE id = ?",
            (name, name.casefold(), org_id),
        )
        org = self.get(org_id)
        assert org is not None
        self.search.put(org.plan_id, "organisation", org.id, [name])
        return org

    def references(self, org_id: int) -> dict[str, list[str]]:
        """What refers to an organisation: activities it owns (refs), members (user ids)."""
        acts = self._all(
            "SELECT ref_no FROM activities WHERE owner_org_id = ? ORDER BY ref_no", (org_id,)
        )
        people = self._all(
            "SELECT user_id FROM members WHERE organisation_id = ? ORDER BY user_id", (org_id,)
        )
        return {
            "activities": [f"A{r['ref_no']}" for r in acts],
            "members": [r["user_id"] for r in people],
        }

    def remove(self, org_id: int) -> None:
        """Remove an organisation; its old log entries keep its name (organisation_name)."""
        self.db.execute(
            "UPDATE log_entries SET organisation_id = NULL, "
            "organisation_name = COALESCE(organisation_name, "
            "(SELECT name FROM organisations WHERE id = ?)) WHERE organisation_id = ?",
            (org_id, org_id),
        )
        self.db.execute("DELETE FROM organisations WHERE id = ?", (org_id,))
        self.search.remove("organisation", org_id)
