"""Migration 7, round: when each plan asks its members, who was asked and who answered."""

from __future__ import annotations

import sqlite_utils

NAME = "round"


def migrate(db: sqlite_utils.Database) -> None:
    """The weekly round (DESIGN §9): its schedule, its deliveries and the answers."""
    db.table("round_schedules").create(
        {"plan_id": int, "weekday": int, "time": str, "set_at": str},
        pk="plan_id",
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("round_deliveries").create(
        {
            "id": int,
            "plan_id": int,
            "iso_year": int,
            "iso_week": int,
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
        not_null={"plan_id", "iso_year", "iso_week", "user_id", "state"},
        defaults={"attempts": 0},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("round_deliveries").create_index(
        ["plan_id", "iso_year", "iso_week", "user_id"], unique=True
    )
    db.table("round_answers").create(
        {
            "plan_id": int,
            "iso_year": int,
            "iso_week": int,
            "user_id": str,
            "organisation_id": int,
            "answer": str,
            "at": str,
        },
        pk=("plan_id", "iso_year", "iso_week", "user_id"),
        not_null={"answer", "at"},
        foreign_keys=[("plan_id", "plans", "id"), ("organisation_id", "organisations", "id")],
    )
