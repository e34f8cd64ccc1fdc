"""Ref numbers (A1, F2, L3): allocated per plan and kind, never reused."""

from __future__ import annotations

from storage.repos.base import Repo


class Refs(Repo):
    """The ref counters of the plans."""

    def next(self, plan_id: int, kind: str) -> int:
        """Allocate the next number for refs of one kind (A, F, L) in a plan."""
        row = self._one(
            "INSERT INTO ref_counters (plan_id, kind, last) VALUES (?, ?, 1) "
            "ON CONFLICT (plan_id, kind) DO UPDATE SET last = last + 1 RETURNING last",
            (plan_id, kind),
        )
        assert row is not None
        return int(row["last"])
