"""Effect indicators of activities (DESIGN §2): baseline, target, and their measurements."""

from __future__ import annotations

from datetime import date

from storage.log_models import Indicator, Measurement
from storage.repos.base import Repo

_SQL = """
SELECT i.id, i.plan_id, i.activity_id, a.ref_no AS activity_ref_no, i.name, i.unit,
       i.baseline, i.baseline_on, i.target, i.created_by, i.created_at
FROM indicators i JOIN activities a ON a.id = i.activity_id
"""
_ORDER = " ORDER BY a.ref_no, i.id"


class Indicators(Repo):
    """The indicators of a plan's activities and the values measured."""

    def add(
        self,
        plan_id: int,
        activity_id: int,
        *,
        name: str,
        unit: str,
        baseline: float,
        baseline_on: date,
        target: float | None,
        user_id: str,
    ) -> Indicator:
        """A new indicator of an activity, its baseline measured on `baseline_on`."""
        cur = self.db.execute(
            "INSERT INTO indicators (plan_id, activity_id, name, name_key, unit, baseline, "
            "baseline_on, target, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                activity_id,
                name,
                name.casefold(),
                unit,
                baseline,
                baseline_on.isoformat(),
                target,
                user_id,
                self._stamp(),
            ),
        )
        r = self._one(_SQL + " WHERE i.id = ?", (cur.lastrowid,))
        assert r is not None
        return Indicator.from_row(r)

    def find(self, activity_id: int, name: str) -> Indicator | None:
        """An activity's indicator by name, case-insensitive."""
        r = self._one(
            _SQL + " WHERE i.activity_id = ? AND i.name_key = ?", (activity_id, name.casefold())
        )
        return Indicator.from_row(r) if r else None

    def of_activity(self, activity_id: int) -> list[Indicator]:
        """An activity's indicators, oldest first."""
        rows = self._all(_SQL + " WHERE i.activity_id = ?" + _ORDER, (activity_id,))
        return [Indicator.from_row(r) for r in rows]

    def of_plan(self, plan_id: int) -> list[Indicator]:
        """Every indicator of a plan, by activity."""
        rows = self._all(_SQL + " WHERE i.plan_id = ?" + _ORDER, (plan_id,))
        return [Indicator.from_row(r) for r in rows]

    def measure(
        self, plan_id: int, indicator_id: int, value: float, on: date, user_id: str
    ) -> Measurement:
        """Record a value of an indicator measured on a day."""
        cur = self.db.execute(
            "INSERT INTO indicator_values (plan_id, indicator_id, value, measured_on, user_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (plan_id, indicator_id, value, on.isoformat(), user_id, self._stamp()),
        )
        return Measurement(int(cur.lastrowid or 0), indicator_id, value, on, user_id)

    def values(self, indicator_id: int, until: date | None = None) -> list[Measurement]:
        """An indicator's measurements, oldest first (those measured by `until`)."""
        sql = (
            "SELECT id, indicator_id, value, measured_on, user_id FROM indicator_values "
            "WHERE indicator_id = ?"
        )
        params: tuple = (indicator_id,)
        if until is not None:
            sql += " AND measured_on <= ?"
            params = (indicator_id, until.isoformat())
        rows = self._all(sql + " ORDER BY measured_on, id", params)
        return [Measurement.from_row(r) for r in rows]
