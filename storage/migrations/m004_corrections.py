"""Migration 4, corrections. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "corrections"

#: The columns of an audit event that never change, not even when its text is scrubbed.
_FIXED = ("id", "at", "team_id", "plan_id", "user_id", "entity", "ref", "action")


def migrate(db: sqlite_utils.Database) -> None:
    """Deletions that scrub text, the bot's own messages by ref, and erasing a plan (§6)."""
    # The bot's own Slack messages that showed an item, so a deletion can update them.
    db.table("posted_messages").create(
        {"id": int, "plan_id": int, "ref": str, "channel_id": str, "ts": str, "posted_at": str},
        pk="id",
        not_null={"plan_id", "ref", "channel_id", "ts", "posted_at"},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("posted_messages").create_index(["plan_id", "ref"])
    # The audit trail stays append-only, with two exceptions: a deletion scrubs the deleted
    # text out of earlier events (only before/after change, and scrubbed_at is set), and a
    # plan being erased (named in plan_erasures within that transaction) loses its events.
    db.execute("ALTER TABLE audit_events ADD COLUMN scrubbed_at TEXT")
    db.table("plan_erasures").create({"plan_id": int}, pk="plan_id")
    db.execute("DROP TRIGGER audit_events_no_update")
    db.execute("DROP TRIGGER audit_events_no_delete")
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _FIXED)
    db.execute(
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
        f"WHEN NEW.scrubbed_at IS NULL OR {changed} "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
        "WHEN NOT EXISTS (SELECT 1 FROM plan_erasures WHERE plan_id = OLD.plan_id) "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )
