"""Migration 11, user_languages. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "user_languages"


def migrate(db: sqlite_utils.Database) -> None:
    """A person's language for their own surfaces (mine, App Home, reminders): the one they
    chose (`settings my language sv`) and the locale Slack reports for them (`users.info`)."""
    db.table("user_languages").create(
        {"team_id": str, "user_id": str, "chosen": str, "slack_locale": str, "checked_at": str},
        pk=("team_id", "user_id"),
    )
