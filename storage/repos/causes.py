"""Causes of a plan (C-refs): what the activities work on, numbered as in the template."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from storage.models import Cause
from storage.repos.base import Repo
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT c.id, c.plan_id, c.ref_no, c.text, c.created_by, c.created_at,
       (SELECT COUNT(*) FROM activities a WHERE a.cause_id = c.id) AS activities
FROM causes c
"""


class Causes(Repo):
    """The numbered causes of the plans; a text is unique per plan, case-insensitively."""

    def __init__(
        self, db: sqlite_utils.Database, now: datetime, refs: Refs, search: SearchIndex
    ) -> None:
        super().__init__(db, now)
        self.refs = refs
        self.search = search

    def add(self, plan_id: int, text: str, created_by: str) -> Cause:
        """Add a cause with the next C-ref."""
        ref_no = self.refs.next(plan_id, "C")
        cur = self.db.execute(
            "INSERT INTO causes (plan_id, ref_no, text, text_key, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (plan_id, ref_no, text, text.casefold(), created_by, self._stamp()),
        )
        c = self.by_id(int(cur.lastrowid or 0))
        assert c is not None
        self.search.put(plan_id, "cause", c.id, [text])
        return c

    def by_id(self, cause_id: int) -> Cause | None:
        """One cause by its row id."""
        r = self._one(_SQL + " WHERE c.id = ?", (cause_id,))
        return Cause.from_row(r) if r else None

    def get(self, plan_id: int, ref_no: int) -> Cause | None:
        """One cause of a plan by its number."""
        r = self._one(_SQL + " WHERE c.plan_id = ? AND c.ref_no = ?", (plan_id, ref_no))
        return Cause.from_row(r) if r else None

    def by_text(self, plan_id: int, text: str) -> Cause | None:
        """A cause of a plan by its text, case-insensitively."""
        r = self._one(
            _SQL + " WHERE c.plan_id = ? AND c.text_key = ?", (plan_id, text.strip().casefold())
        )
        return Cause.from_row(r) if r else None

    def of_plan(self, plan_id: int) -> list[Cause]:
        """The causes of a plan in ref order."""
        rows = self._all(_SQL + " WHERE c.plan_id = ? ORDER BY c.ref_no", (plan_id,))
        return [Cause.from_row(r) for r in rows]
