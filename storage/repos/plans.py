"""Plans: one per Slack channel, whichever workspace set it up (a Slack Connect channel has one
id in every workspace that shares it)."""

from __future__ import annotations

from typing import Any

from storage.models import Plan
from storage.repos.base import Repo

_COLS = (
    "id, team_id, channel_id, name, area, period_start, period_end, language, timezone, "
    "digest_weekday, digest_time, digest_set_at, delivery_error, delivery_error_at, "
    "created_by, created_at, joining, archived_at, archived_by"
)

_UPDATABLE = {
    "name",
    "area",
    "period_start",
    "period_end",
    "language",
    "timezone",
    "digest_weekday",
    "digest_time",
    "digest_set_at",
    "delivery_error",
    "delivery_error_at",
    "joining",
    "archived_at",
    "archived_by",
}


class Plans(Repo):
    """The plans of every workspace."""

    def by_channel(self, team_id: str, channel_id: str) -> Plan | None:
        """The plan whose home is this channel, if any, whichever team set it up: access
        follows the channel (DESIGN §13)."""
        r = self._one(f"SELECT {_COLS} FROM plans WHERE channel_id = ?", (channel_id,))
        return Plan.from_row(r) if r else None

    def get(self, plan_id: int) -> Plan | None:
        """One plan by its id."""
        r = self._one(f"SELECT {_COLS} FROM plans WHERE id = ?", (plan_id,))
        return Plan.from_row(r) if r else None

    def all(self) -> list[Plan]:
        """Every plan of every workspace that is served (for the schedules): not archived, and
        its workspace not uninstalled."""
        return [
            Plan.from_row(r)
            for r in self._all(
                f"SELECT {_COLS} FROM plans WHERE archived_at IS NULL AND team_id NOT IN "
                "(SELECT team_id FROM workspaces WHERE revoked_at IS NOT NULL) ORDER BY id"
            )
        ]

    def of_team(self, team_id: str) -> list[Plan]:
        """Every plan a workspace set up, archived ones included."""
        rows = self._all(f"SELECT {_COLS} FROM plans WHERE team_id = ? ORDER BY id", (team_id,))
        return [Plan.from_row(r) for r in rows]

    def erase(self, plan_id: int) -> None:
        """Delete every row of a plan, its audit trail included (DESIGN §6 "End of a plan")."""
        self.db.execute("INSERT OR IGNORE INTO plan_erasures (plan_id) VALUES (?)", (plan_id,))
        self.db.execute(
            "DELETE FROM join_request_messages WHERE request_id IN "
            "(SELECT id FROM join_requests WHERE plan_id = ?)",
            (plan_id,),
        )
        # The plan's part of the search index; then no segment keeps its words.
        self.db.execute(
            "DELETE FROM search_terms WHERE rowid IN (SELECT id FROM search_items WHERE plan_id = ?)",
            (plan_id,),
        )
        self.db.execute("DELETE FROM search_items WHERE plan_id = ?", (plan_id,))
        self.db.execute("INSERT INTO search_terms (search_terms) VALUES ('optimize')")
        self.db.execute(
            "DELETE FROM activity_partners WHERE activity_id IN "
            "(SELECT id FROM activities WHERE plan_id = ?)",
            (plan_id,),
        )
        for table in (
            "report_deliveries",
            "indicator_values",
            "indicators",
            # The tables of the situation picture and the round (they point at follow-ups,
            # places and organisations, so they go first).
            "measures",
            "round_answers",
            "round_deliveries",
            "round_schedules",
            "situation_notes",
            "observations",
            "places",
            "posted_messages",
            "join_requests",
            "digests",
            "followups",
            "log_entries",
            "activities",
            "causes",
            "members",
            "organisations",
            "ref_counters",
            "audit_events",
        ):
            self.db.execute(f"DELETE FROM {table} WHERE plan_id = ?", (plan_id,))
        self.db.execute("DELETE FROM plans WHERE id = ?", (plan_id,))
        self.db.execute("DELETE FROM plan_erasures WHERE plan_id = ?", (plan_id,))

    def of_user(self, team_id: str, user_id: str) -> list[Plan]:
        """The plans of a workspace where the user is a member or has follow-ups."""
        rows = self._all(
            f"SELECT {_COLS} FROM plans WHERE team_id = ? AND id IN ("
            "SELECT plan_id FROM members WHERE user_id = ? "
            "UNION SELECT plan_id FROM followups WHERE assignee = ?) ORDER BY id",
            (team_id, user_id, user_id),
        )
        return [Plan.from_row(r) for r in rows]

    def create(
        self,
        *,
        team_id: str,
        channel_id: str,
        name: str,
        language: str,
        timezone: str,
        created_by: str,
        digest_weekday: int | None = 0,
        digest_time: str = "08:00",
    ) -> Plan:
        """Create a plan for a channel."""
        cur = self.db.execute(
            "INSERT INTO plans (team_id, channel_id, name, area, language, timezone, "
            "digest_weekday, digest_time, digest_set_at, created_by, created_at) "
            "VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)",
            (
                team_id,
                channel_id,
                name,
                language,
                timezone,
                digest_weekday,
                digest_time,
                self._stamp(),
                created_by,
                self._stamp(),
            ),
        )
        plan = self.get(cur.lastrowid)  # type: ignore[arg-type]
        assert plan is not None
        return plan

    def update(self, plan_id: int, **fields: Any) -> Plan:
        """Change fields of a plan; dates are stored as ISO text."""
        self._update("plans", plan_id, fields, _UPDATABLE)
        plan = self.get(plan_id)
        assert plan is not None
        return plan
