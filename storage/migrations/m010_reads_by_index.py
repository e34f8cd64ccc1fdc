"""Migration 10, reads_by_index. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "reads_by_index"


def migrate(db: sqlite_utils.Database) -> None:
    """Indexes for the reads that show a few rows of many: a period's newest log entries in
    order (of the plan, and of one activity), and the follow-ups completed in a period."""
    db.table("log_entries").create_index(
        ["plan_id", "happened_on", "ref_no"], index_name="idx_log_entries_plan_day_ref"
    )
    db.execute("DROP INDEX IF EXISTS idx_log_entries_plan_id_happened_on")
    # One activity's (or no activity's) newest entries of a period, and who logged them.
    db.table("log_entries").create_index(
        ["plan_id", "activity_id", "happened_on", "ref_no"],
        index_name="idx_log_entries_plan_activity_day_ref",
    )
    # done_at is compared as UTC text: any stamp written with another offset is put in UTC.
    db.execute(
        "UPDATE followups SET done_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', done_at) "
        "WHERE done_at IS NOT NULL AND done_at NOT LIKE '%+00:00'"
    )
    db.table("followups").create_index(
        ["plan_id", "status", "done_at"], index_name="idx_followups_plan_status_done"
    )
