"""The places of a plan's area that observations name."""

from __future__ import annotations

from storage.est_models import Place
from storage.repos.base import Repo

_COLS = "id, plan_id, name"


class Places(Repo):
    """The places of the plans; names are unique per plan, case-insensitively."""

    def of_plan(self, plan_id: int) -> list[Place]:
        """The places of a plan, by name."""
        rows = self._all(
            f"SELECT {_COLS} FROM places WHERE plan_id = ? ORDER BY name_key", (plan_id,)
        )
        return [Place.from_row(r) for r in rows]

    def by_name(self, plan_id: int, name: str) -> Place | None:
        """A place of a plan by name, case-insensitively."""
        r = self._one(
            f"SELECT {_COLS} FROM places WHERE plan_id = ? AND name_key = ?",
            (plan_id, name.casefold()),
        )
        return Place.from_row(r) if r else None

    def add(self, plan_id: int, name: str) -> Place:
        """Add a place to a plan."""
        cur = self.db.execute(
            "INSERT INTO places (plan_id, name, name_key, created_at) VALUES (?, ?, ?, ?)",
            (plan_id, name, name.casefold(), self._stamp()),
        )
        return Place(cur.lastrowid, plan_id, name)  # type: ignore[arg-type]
