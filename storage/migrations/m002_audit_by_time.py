"""Migration 2, audit_by_time. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "audit_by_time"


def migrate(db: sqlite_utils.Database) -> None:
    """Index the audit trail by plan and time: the digest reads a week of it (audit.between)."""
    db.table("audit_events").create_index(
        ["plan_id", "at"], index_name="idx_audit_events_plan_id_at"
    )
