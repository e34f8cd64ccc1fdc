"""Observations (H-refs): what members saw in the area, by ISO week."""

from __future__ import annotations

from datetime import date, datetime

import sqlite_utils

from storage.est_models import Observation, WeekCount
from storage.repos.base import Repo
from storage.repos.refs import Refs
from storage.repos.search import SearchIndex

_SQL = """
SELECT h.id, h.plan_id, h.ref_no, h.iso_year, h.iso_week, h.happened_on, h.time_band,
       h.place_id, p.name AS place, h.category, h.concern, h.text, h.organisation_id,
       o.name AS organisation, h.user_id, h.source, h.permalink, h.created_at
FROM observations h
LEFT JOIN places p ON p.id = h.place_id
LEFT JOIN organisations o ON o.id = h.organisation_id
"""

_NEWEST_FIRST = " ORDER BY h.happened_on DESC, h.ref_no DESC"
_WEEK = " WHERE h.plan_id = ? AND h.iso_year = ? AND h.iso_week = ?"


class Observations(Repo):
    """The observations of the plans."""

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
        happened_on: date,
        category: str,
        text: str,
        user_id: str,
        source: str,
        place_id: int | None = None,
        time_band: str | None = None,
        concern: str | None = None,
        organisation_id: int | None = None,
        permalink: str | None = None,
    ) -> Observation:
        """Record an observation with the next H-ref, in the ISO week of its date."""
        ref_no = self.refs.next(plan_id, "H")
        year, week, _ = happened_on.isocalendar()
        cur = self.db.execute(
            "INSERT INTO observations (plan_id, ref_no, iso_year, iso_week, happened_on, "
            "time_band, place_id, category, concern, text, organisation_id, user_id, source, "
            "permalink, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                ref_no,
                year,
                week,
                happened_on.isoformat(),
                time_band,
                place_id,
                category,
                concern,
                text,
                organisation_id,
                user_id,
                source,
                permalink,
                self._stamp(),
            ),
        )
        r = self._one(_SQL + " WHERE h.id = ?", (cur.lastrowid,))
        assert r is not None
        self.search.put(plan_id, "observation", int(r["id"]), [text])
        return Observation.from_row(r)

    def by_id(self, observation_id: int) -> Observation | None:
        """One observation by its row id."""
        r = self._one(_SQL + " WHERE h.id = ?", (observation_id,))
        return Observation.from_row(r) if r else None

    def get(self, plan_id: int, ref_no: int) -> Observation | None:
        """One observation by its number."""
        r = self._one(_SQL + " WHERE h.plan_id = ? AND h.ref_no = ?", (plan_id, ref_no))
        return Observation.from_row(r) if r else None

    def set_text(self, observation_id: int, text: str) -> None:
        """Correct an observation's text; the search index forgets the old words in the same step."""
        self.db.execute("UPDATE observations SET text = ? WHERE id = ?", (text, observation_id))
        r = self._one("SELECT plan_id FROM observations WHERE id = ?", (observation_id,))
        if r is not None:
            self.search.put(r["plan_id"], "observation", observation_id, [text])
            self.search.purge()

    def remove(self, observation_id: int) -> None:
        """Delete an observation and take it out of the search index, leaving no segment its words."""
        self.db.execute("DELETE FROM observations WHERE id = ?", (observation_id,))
        self.search.remove("observation", observation_id)
        self.search.purge()

    def of_plan(self, plan_id: int) -> list[Observation]:
        """Every observation of a plan, oldest first (the export)."""
        rows = self._all(_SQL + " WHERE h.plan_id = ? ORDER BY h.happened_on, h.ref_no", (plan_id,))
        return [Observation.from_row(r) for r in rows]

    def of_week(
        self, plan_id: int, iso_year: int, iso_week: int, *, limit: int, offset: int = 0
    ) -> tuple[list[Observation], int]:
        """A page of one week's observations, newest first, and how many the week has."""
        total = self._one(
            "SELECT COUNT(*) AS n FROM observations h" + _WEEK, (plan_id, iso_year, iso_week)
        )
        rows = self._all(
            _SQL + _WEEK + _NEWEST_FIRST + " LIMIT ? OFFSET ?",
            (plan_id, iso_year, iso_week, limit, offset),
        )
        return [Observation.from_row(r) for r in rows], int(total["n"]) if total else 0

    def counts(self, plan_id: int, first: date, last: date) -> list[WeekCount]:
        """Observations from first to last inclusive counted by week, category, place, concern."""
        rows = self._all(
            "SELECT h.iso_year, h.iso_week, h.category, p.name AS place, h.concern, "
            "COUNT(*) AS n FROM observations h LEFT JOIN places p ON p.id = h.place_id "
            "WHERE h.plan_id = ? AND h.happened_on BETWEEN ? AND ? "
            "GROUP BY h.iso_year, h.iso_week, h.category, p.name, h.concern",
            (plan_id, first.isoformat(), last.isoformat()),
        )
        return [
            WeekCount(r["iso_year"], r["iso_week"], r["category"], r["place"], r["concern"], r["n"])
            for r in rows
        ]

    def reporting_organisations(self, plan_id: int, iso_year: int, iso_week: int) -> set[int]:
        """The organisations that stored an observation in one week."""
        rows = self._all(
            "SELECT DISTINCT organisation_id FROM observations h"
            + _WEEK
            + " AND organisation_id IS NOT NULL",
            (plan_id, iso_year, iso_week),
        )
        return {int(r["organisation_id"]) for r in rows}
