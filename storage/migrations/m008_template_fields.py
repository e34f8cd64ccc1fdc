"""Migration 8, template_fields: numbered causes and the council template's activity fields.

Landed: never edit it, add a new migration instead.
"""

from __future__ import annotations

import sqlite_utils

NAME = "template_fields"


def migrate(db: sqlite_utils.Database) -> None:
    """Causes (C-refs), an activity's cause, period, partners, follow-up text and kind."""
    db.table("causes").create(
        {
            "id": int,
            "plan_id": int,
            "ref_no": int,
            "text": str,
            "text_key": str,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        not_null={"plan_id", "ref_no", "text", "text_key", "created_by"},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("causes").create_index(["plan_id", "ref_no"], unique=True)
    db.table("causes").create_index(["plan_id", "text_key"], unique=True)
    activities = db.table("activities")
    activities.add_column("cause_id", int, fk="causes", fk_col="id")
    activities.add_column("period_start", str)
    activities.add_column("period_end", str)
    activities.add_column("period_ongoing", int, not_null_default=0)
    activities.add_column("followup", str, not_null_default="")
    activities.add_column("kind", str)
    db.table("activity_partners").create(
        {"activity_id": int, "organisation_id": int, "position": int},
        pk=("activity_id", "organisation_id"),
        not_null={"position"},
        foreign_keys=[
            ("activity_id", "activities", "id"),
            ("organisation_id", "organisations", "id"),
        ],
    )
    db.table("activity_partners").create_index(["organisation_id"])
    _causes_from_text(db)


def _causes_from_text(db: sqlite_utils.Database) -> None:
    """The free-text causes activities had become numbered causes, one per distinct text."""
    rows = db.execute(
        "SELECT id, plan_id, cause, created_by, created_at FROM activities "
        "WHERE TRIM(COALESCE(cause, '')) != '' ORDER BY plan_id, ref_no"
    ).fetchall()
    made: dict[tuple[int, str], int] = {}
    for activity_id, plan_id, text, created_by, created_at in rows:
        text = text.strip()
        key = (plan_id, text.casefold())
        if key not in made:
            number = db.execute(
                "INSERT INTO ref_counters (plan_id, kind, last) VALUES (?, 'C', 1) "
                "ON CONFLICT (plan_id, kind) DO UPDATE SET last = last + 1 RETURNING last",
                (plan_id,),
            ).fetchone()[0]
            cur = db.execute(
                "INSERT INTO causes (plan_id, ref_no, text, text_key, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (plan_id, number, text, key[1], created_by, created_at),
            )
            made[key] = int(cur.lastrowid or 0)
        db.execute("UPDATE activities SET cause_id = ? WHERE id = ?", (made[key], activity_id))
