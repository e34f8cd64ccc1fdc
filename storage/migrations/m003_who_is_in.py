"""Migration 3, who_is_in. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "who_is_in"


def migrate(db: sqlite_utils.Database) -> None:
    """Joining with approval, a name kept on log entries, an archived plan (DESIGN §6)."""
    # How people join: "approval" (a coordinator decides) or "open" (at once).
    db.execute("ALTER TABLE plans ADD COLUMN joining TEXT NOT NULL DEFAULT 'approval'")
    # A closed plan is read-only; its schedules stop.
    db.execute("ALTER TABLE plans ADD COLUMN archived_at TEXT")
    db.execute("ALTER TABLE plans ADD COLUMN archived_by TEXT")
    db.table("join_requests").create(
        {
            "id": int,
            "plan_id": int,
            "user_id": str,
            "organisation_id": int,
            "state": str,
            "requested_at": str,
            "decided_by": str,
            "decided_at": str,
        },
        pk="id",
        not_null={"plan_id", "user_id", "organisation_id", "state", "requested_at"},
        foreign_keys=[("plan_id", "plans", "id"), ("organisation_id", "organisations", "id")],
    )
    db.table("join_requests").create_index(["plan_id", "user_id", "state"])
    # The Slack messages that carry a request (one DM per coordinator), so every one of them
    # can show who decided.
    db.table("join_request_messages").create(
        {"request_id": int, "channel_id": str, "ts": str},
        pk=("request_id", "channel_id"),
        not_null={"ts"},
        foreign_keys=[("request_id", "join_requests", "id")],
    )
    # A log entry keeps showing its organisation's name after the organisation was removed.
    db.execute("ALTER TABLE log_entries ADD COLUMN organisation_name TEXT")
    db.execute(
        "UPDATE log_entries SET organisation_name = "
        "(SELECT name FROM organisations o WHERE o.id = log_entries.organisation_id)"
    )
