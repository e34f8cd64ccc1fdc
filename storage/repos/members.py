"""Members of a plan: a Slack user, their organisation and role."""

from __future__ import annotations

from storage.models import Member
from storage.repos.base import Repo

_SQL = """
SELECT m.id, m.plan_id, m.user_id, m.organisation_id, o.name AS organisation, m.role
FROM members m LEFT JOIN organisations o ON o.id = m.organisation_id
"""


class Members(Repo):
    """The memberships of the plans."""

    def get(self, plan_id: int, user_id: str) -> Member | None:
        """The membership of a user in a plan, if any."""
        r = self._one(_SQL + " WHERE m.plan_id = ? AND m.user_id = ?", (plan_id, user_id))
        return Member.from_row(r) if r else None

    def of_plan(self, plan_id: int) -> list[Member]:
        """All members of a plan, by organisation."""
        rows = self._all(
            _SQL + " WHERE m.plan_id = ? ORDER BY o.name_key IS NULL, o.name_key, m.user_id",
            (plan_id,),
        )
        return [Member.from_row(r) for r in rows]

    def set(self, plan_id: int, user_id: str, organisation_id: int | None, role: str) -> Member:
        """Put a user in an organisation and role, replacing an earlier membership."""
        self.db.execute(
            "INSERT INTO members (plan_id, user_id, organisation_id, role) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (plan_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id, "
            "role = excluded.role",
            (plan_id, user_id, organisation_id, role),
        )
        m = self.get(plan_id, user_id)
        assert m is not None
        return m

    def remove(self, plan_id: int, user_id: str) -> None:
        """Take a user out of a plan."""
        self.db.execute("DELETE FROM members WHERE plan_id = ? AND user_id = ?", (plan_id, user_id))
