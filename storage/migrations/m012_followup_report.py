"""Migration 12, followup_report: production on log entries, indicators, report reminders.

Landed: never edit it, add a new migration instead.
"""

from __future__ import annotations

import sqlite_utils

NAME = "followup_report"


def migrate(db: sqlite_utils.Database) -> None:
    """Participants and hours on log entries; indicators with their measurements (DESIGN §2);
    the tertial reminders' deliveries, one per plan, tertial and coordinator (§11)."""
    logs = db.table("log_entries")
    logs.add_column("participants", int)
    logs.add_column("hours", float)
    db.table("indicators").create(
        {
            "id": int,
            "plan_id": int,
            "activity_id": int,
            "name": str,
            "name_key": str,
            "unit": str,
            "baseline": float,
            "baseline_on": str,
            "target": float,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        not_null={"plan_id", "activity_id", "name", "name_key", "baseline", "baseline_on"},
        defaults={"unit": ""},
        foreign_keys=[("plan_id", "plans", "id"), ("activity_id", "activities", "id")],
    )
    db.table("indicators").create_index(["activity_id", "name_key"], unique=True)
    db.table("indicators").create_index(["plan_id"])
    db.table("indicator_values").create(
        {
            "id": int,
            "plan_id": int,
            "indicator_id": int,
            "value": float,
            "measured_on": str,
            "user_id": str,
            "created_at": str,
        },
        pk="id",
        not_null={"plan_id", "indicator_id", "value", "measured_on"},
        foreign_keys=[("plan_id", "plans", "id"), ("indicator_id", "indicators", "id")],
    )
    db.table("indicator_values").create_index(["indicator_id", "measured_on"])
    db.table("report_deliveries").create(
        {
            "id": int,
            "plan_id": int,
            "period": str,
            "user_id": str,
            "state": str,
            "channel_id": str,
            "message_ts": str,
            "attempts": int,
            "claimed_at": str,
            "sent_at": str,
            "error": str,
        },
        pk="id",
        not_null={"plan_id", "period", "user_id", "state"},
        defaults={"attempts": 0},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("report_deliveries").create_index(["plan_id", "period", "user_id"], unique=True)
