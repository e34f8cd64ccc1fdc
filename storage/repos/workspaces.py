"""Workspaces: each installed Slack team, its Enterprise Grid org, and its uninstall."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.repos.base import Repo, utc_stamp


@dataclass(frozen=True)
class Workspace:
    """An installed workspace (team); revoked while uninstalled, erased after retention."""

    team_id: str
    enterprise_id: str | None
    installed_at: str | None
    revoked_at: str | None
    erase_after: str | None
    erased_at: str | None

    @property
    def revoked(self) -> bool:
        """True while the workspace is uninstalled: its plans are unserved and read-only."""
        return self.revoked_at is not None


_COLS = "team_id, enterprise_id, installed_at, revoked_at, erase_after, erased_at"


class Workspaces(Repo):
    """The workspaces the bot was installed in (OAuth mode)."""

    def get(self, team_id: str) -> Workspace | None:
        """One workspace by its team id."""
        r = self._one(f"SELECT {_COLS} FROM workspaces WHERE team_id = ?", (team_id,))
        return Workspace(*r) if r else None

    def revoked(self, team_id: str) -> bool:
        """Whether the workspace is uninstalled (its plans unserved, read-only)."""
        r = self._one("SELECT revoked_at FROM workspaces WHERE team_id = ?", (team_id,))
        return bool(r and r["revoked_at"])

    def enterprise_of(self, team_id: str) -> str | None:
        """The Enterprise Grid org a workspace belongs to, when known."""
        r = self._one("SELECT enterprise_id FROM workspaces WHERE team_id = ?", (team_id,))
        return (r["enterprise_id"] or None) if r else None

    def installed(self, team_id: str, enterprise_id: str | None) -> bool:
        """Record an installation (or a reinstall); True when it ended an uninstall."""
        was = self.get(team_id)
        self.db.execute(
            "INSERT INTO workspaces (team_id, enterprise_id, installed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id) DO UPDATE SET installed_at = excluded.installed_at, "
            "enterprise_id = COALESCE(excluded.enterprise_id, workspaces.enterprise_id), "
            "revoked_at = NULL, erase_after = NULL, erased_at = NULL",
            (team_id, enterprise_id or None, self._stamp()),
        )
        return was is not None and was.revoked

    def seen(self, team_id: str, enterprise_id: str | None) -> None:
        """Remember which org a workspace belongs to (an org-wide install names no team)."""
        self.db.execute(
            "INSERT INTO workspaces (team_id, enterprise_id) VALUES (?, ?) "
            "ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id "
            "WHERE workspaces.enterprise_id IS NULL",
            (team_id, enterprise_id or None),
        )

    def teams_of(self, enterprise_id: str) -> list[str]:
        """The workspaces known to belong to an Enterprise Grid org."""
        rows = self._all(
            "SELECT team_id FROM workspaces WHERE enterprise_id = ? ORDER BY team_id",
            (enterprise_id,),
        )
        return [r["team_id"] for r in rows]

    def revoke(self, team_id: str, erase_after: datetime) -> bool:
        """Mark a workspace uninstalled until `erase_after`; False when it already was."""
        self.db.execute(
            "INSERT INTO workspaces (team_id) VALUES (?) ON CONFLICT (team_id) DO NOTHING",
            (team_id,),
        )
        cur = self.db.execute(
            "UPDATE workspaces SET revoked_at = ?, erase_after = ? "
            "WHERE team_id = ? AND revoked_at IS NULL",
            (self._stamp(), utc_stamp(erase_after), team_id),
        )
        return cur.rowcount == 1

    def due_for_erasure(self) -> list[str]:
        """The uninstalled workspaces whose retention has ended and that are not yet erased."""
        rows = self._all(
            "SELECT team_id FROM workspaces WHERE revoked_at IS NOT NULL AND erased_at IS NULL "
            "AND erase_after <= ? ORDER BY team_id",
            (self._stamp(),),
        )
        return [r["team_id"] for r in rows]

    def drop_expired_states(self) -> int:
        """Forget OAuth states issued by /slack/install that expired unused; how many."""
        cur = self.db.execute(
            "DELETE FROM oauth_states WHERE expire_at < ?", (self.now.timestamp(),)
        )
        return cur.rowcount

    def forget_people(self, team_id: str) -> None:
        """Erase the workspace's personal settings (reminder choice, language) with its plans."""
        for table in ("user_settings", "user_languages"):
            self.db.execute(f"DELETE FROM {table} WHERE team_id = ?", (team_id,))

    def mark_erased(self, team_id: str) -> bool:
        """Record that a workspace's plans were erased; False when another run already did."""
        cur = self.db.execute(
            "UPDATE workspaces SET erased_at = ? WHERE team_id = ? AND erased_at IS NULL",
            (self._stamp(), team_id),
        )
        return cur.rowcount == 1
