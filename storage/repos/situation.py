"""A week's situation picture: the agreed assessment and the measures linked to it."""

from __future__ import annotations

from storage.est_models import Measure, SituationNote
from storage.models import FollowUp
from storage.repos.base import Repo
from storage.repos.followups import _SQL as _FOLLOWUPS

_MEASURES = (
    "SELECT m.iso_year AS m_year, m.iso_week AS m_week, q.* FROM measures m "
    f"JOIN ({_FOLLOWUPS}) q ON q.id = m.followup_id WHERE m.plan_id = ?"
)


class Situation(Repo):
    """The agreed assessments (one per plan and week) and the measures of the weeks."""

    def note(self, plan_id: int, iso_year: int, iso_week: int) -> SituationNote | None:
        """The assessment agreed for a week, if any."""
        r = self._one(
            "SELECT plan_id, iso_year, iso_week, text, user_id, at FROM situation_notes "
            "WHERE plan_id = ? AND iso_year = ? AND iso_week = ?",
            (plan_id, iso_year, iso_week),
        )
        return SituationNote.from_row(r) if r else None

    def set_note(self, plan_id: int, iso_year: int, iso_week: int, text: str, user_id: str) -> None:
        """Record (or replace) the assessment agreed for a week."""
        self.db.execute(
            "INSERT INTO situation_notes (plan_id, iso_year, iso_week, text, user_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, iso_year, iso_week) DO UPDATE "
            "SET text = excluded.text, user_id = excluded.user_id, at = excluded.at",
            (plan_id, iso_year, iso_week, text, user_id, self._stamp()),
        )

    def link_newest_followup(self, plan_id: int, iso_year: int, iso_week: int) -> str:
        """Link the plan's newest follow-up (just added, in this unit of work) to a week as a
        measure; returns its ref."""
        r = self._one(
            "SELECT id, ref_no FROM followups WHERE plan_id = ? ORDER BY id DESC LIMIT 1",
            (plan_id,),
        )
        assert r is not None
        self.db.execute(
            "INSERT INTO measures (followup_id, plan_id, iso_year, iso_week) VALUES (?, ?, ?, ?)",
            (r["id"], plan_id, iso_year, iso_week),
        )
        return f"F{r['ref_no']}"

    def measures(self, plan_id: int, iso_year: int, iso_week: int) -> list[Measure]:
        """The measures of one week and the still open ones of earlier weeks, oldest first."""
        rows = self._all(
            _MEASURES + " AND ((m.iso_year = ? AND m.iso_week = ?) OR "
            "((m.iso_year < ? OR (m.iso_year = ? AND m.iso_week < ?)) AND q.status = 'open')) "
            "ORDER BY m.iso_year, m.iso_week, q.ref_no",
            (plan_id, iso_year, iso_week, iso_year, iso_year, iso_week),
        )
        return [Measure(r["m_year"], r["m_week"], FollowUp.from_row(r)) for r in rows]
