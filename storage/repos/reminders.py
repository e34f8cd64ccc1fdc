"""Personal reminder preferences (reminder DMs on or off)."""

from __future__ import annotations

from storage.repos.base import Repo


class Reminders(Repo):
    """Who gets reminder DMs: everyone, unless they turned them off."""

    def enabled(self, team_id: str, user_id: str) -> bool:
        """Whether a person gets reminder DMs (on unless they turned them off)."""
        r = self._one(
            "SELECT reminders FROM user_settings WHERE team_id = ? AND user_id = ?",
            (team_id, user_id),
        )
        return bool(r["reminders"]) if r else True

    def set(self, team_id: str, user_id: str, enabled: bool) -> None:
        """Turn a person's reminder DMs on or off."""
        self.db.execute(
            "INSERT INTO user_settings (team_id, user_id, reminders) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, user_id) DO UPDATE SET reminders = excluded.reminders",
            (team_id, user_id, int(enabled)),
        )
