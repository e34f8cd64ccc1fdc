"""Migration 6, situation: places, observations, the agreed assessments and the measures."""

from __future__ import annotations

import sqlite_utils

NAME = "situation"


def migrate(db: sqlite_utils.Database) -> None:
    """The tables of the weekly situation picture (DESIGN §2, §9)."""
    db.table("places").create(
        {"id": int, "plan_id": int, "name": str, "name_key": str, "created_at": str},
        pk="id",
        not_null={"plan_id", "name", "name_key"},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("places").create_index(["plan_id", "name_key"], unique=True)

    db.table("observations").create(
        {
            "id": int,
            "plan_id": int,
            "ref_no": int,
            "iso_year": int,
            "iso_week": int,
            "happened_on": str,
            "time_band": str,
            "place_id": int,
            "category": str,
            "concern": str,
            "text": str,
            "organisation_id": int,
            "user_id": str,
            "source": str,
            "permalink": str,
            "created_at": str,
        },
        pk="id",
        not_null={
            "plan_id",
            "ref_no",
            "iso_year",
            "iso_week",
            "happened_on",
            "category",
            "text",
            "user_id",
            "source",
        },
        foreign_keys=[
            ("plan_id", "plans", "id"),
            ("place_id", "places", "id"),
            ("organisation_id", "organisations", "id"),
        ],
    )
    db.table("observations").create_index(["plan_id", "ref_no"], unique=True)
    db.table("observations").create_index(["plan_id", "iso_year", "iso_week"])
    db.table("observations").create_index(["plan_id", "happened_on"])
    # Searched like the log (`search`), with the same tokenizer.
    db.table("observations").enable_fts(["text"], create_triggers=True, tokenize="unicode61")

    db.table("situation_notes").create(
        {
            "plan_id": int,
            "iso_year": int,
            "iso_week": int,
            "text": str,
            "user_id": str,
            "at": str,
        },
        pk=("plan_id", "iso_year", "iso_week"),
        not_null={"text", "user_id", "at"},
        foreign_keys=[("plan_id", "plans", "id")],
    )

    db.table("measures").create(
        {"followup_id": int, "plan_id": int, "iso_year": int, "iso_week": int},
        pk="followup_id",
        not_null={"plan_id", "iso_year", "iso_week"},
        foreign_keys=[("followup_id", "followups", "id"), ("plan_id", "plans", "id")],
    )
    db.table("measures").create_index(["plan_id", "iso_year", "iso_week"])
