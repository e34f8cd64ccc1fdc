"""A person's language for their own surfaces: chosen, or the locale Slack reports."""

from __future__ import annotations

from storage.models import UserLanguage
from storage.repos.base import Repo

_UPSERT = (
    "INSERT INTO user_languages (team_id, user_id, {column}) VALUES (?, ?, ?) "
    "ON CONFLICT (team_id, user_id) DO UPDATE SET {column} = excluded.{column}"
)


class Languages(Repo):
    """Per person and workspace: the language they chose and the Slack locale last seen."""

    def get(self, team_id: str, user_id: str) -> UserLanguage | None:
        """What is known of a person's language, or None."""
        r = self._one(
            "SELECT * FROM user_languages WHERE team_id = ? AND user_id = ?", (team_id, user_id)
        )
        return UserLanguage.from_row(r) if r else None

    def choose(self, team_id: str, user_id: str, language: str | None) -> None:
        """Set (or, with None, forget) the language a person chose."""
        self.db.execute(_UPSERT.format(column="chosen"), (team_id, user_id, language))

    def remember_locale(self, team_id: str, user_id: str, locale: str | None) -> None:
        """Record the locale Slack reported for a person (None: it reported none), and when."""
        self.db.execute(_UPSERT.format(column="slack_locale"), (team_id, user_id, locale or ""))
        self.db.execute(
            "UPDATE user_languages SET checked_at = ? WHERE team_id = ? AND user_id = ?",
            (self._stamp(), team_id, user_id),
        )
