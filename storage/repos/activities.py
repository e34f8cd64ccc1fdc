"""Activities of a plan (A-refs)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlite_utils

from storage.models import Activity
from storage.repos.base import Repo, iso
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT a.id, a.plan_id, a.ref_no, a.title, COALESCE(c.text, a.cause) AS cause, a.goal,
       a.owner_org_id, o.name AS owner, a.contact_user, a.start_date, a.due_date, a.status,
       a.rag, a.created_by, a.created_at, a.updated_at, a.cause_id, c.ref_no AS cause_no,
       a.period_start, a.period_end, a.period_ongoing, a.followup, a.kind,
       (SELECT json_group_array(name) FROM (
            SELECT po.name FROM activity_partners p JOIN organisations po
            ON po.id = p.organisation_id WHERE p.activity_id = a.id ORDER BY p.position
       )) AS partners
FROM activities a LEFT JOIN organisations o ON o.id = a.owner_org_id
LEFT JOIN causes c ON c.id = a.cause_id
"""

_UPDATABLE = {
    "title",
    "cause",
    "goal",
    "owner_org_id",
    "due_date",
    "status",
    "rag",
    "updated_at",
    "cause_id",
    "period_start",
    "period_end",
    "period_ongoing",
    "followup",
    "kind",
}


#: The fields the search index holds.
_INDEXED = {"title", "cause", "goal"}


class Activities(Repo):
    """The activities of the plans."""

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
        ref_no = self.refs.next(plan_id, "A")
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
                iso(start_date),
                iso(due_date),
                status,
                rag,
                created_by,
                self._stamp(),
                self._stamp(),
            ),
        )
        a = self.by_id(cur.lastrowid)  # type: ignore[arg-type]
        assert a is not None
        self.search.put(plan_id, "activity", a.id, [title, cause, goal])
        return a

    def by_id(self, activity_id: int) -> Activity | None:
        """One activity by its row id."""
        r = self._one(_SQL + " WHERE a.id = ?", (activity_id,))
        return Activity.from_row(r) if r else None

    def get(self, plan_id: int, ref_no: int) -> Activity | None:
        """One activity of a plan by its number."""
        r = self._one(_SQL + " WHERE a.plan_id = ? AND a.ref_no = ?", (plan_id, ref_no))
        return Activity.from_row(r) if r else None

    def of_plan(self, plan_id: int) -> list[Activity]:
        """All activities of a plan in ref order."""
        rows = self._all(_SQL + " WHERE a.plan_id = ? ORDER BY a.ref_no", (plan_id,))
        return [Activity.from_row(r) for r in rows]

    def by_title(self, plan_id: int, title: str) -> Activity | None:
        """The first activity of a plan with this title, case-insensitively."""
        key = title.strip().casefold()
        return next((a for a in self.of_plan(plan_id) if a.title.casefold() == key), None)

    def set_partners(self, activity_id: int, organisation_ids: list[int]) -> Activity:
        """Replace an activity's partner organisations (in this order) and stamp it updated."""
        self.db.execute("DELETE FROM activity_partners WHERE activity_id = ?", (activity_id,))
        for position, org_id in enumerate(dict.fromkeys(organisation_ids)):
            self.db.execute(
                "INSERT INTO activity_partners (activity_id, organisation_id, position) "
                "VALUES (?, ?, ?)",
                (activity_id, org_id, position),
            )
        return self.update(activity_id)

    def update(self, activity_id: int, **fields: Any) -> Activity:
        """Change fields of an activity and stamp it updated."""
        self._update("activities", activity_id, {**fields, "updated_at": self._stamp()}, _UPDATABLE)
        a = self.by_id(activity_id)
        assert a is not None
        if fields.keys() & _INDEXED:
            self.search.put(a.plan_id, "activity", a.id, [a.title, a.cause, a.goal])
        return a
