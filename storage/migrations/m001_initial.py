"""Migration 1, initial. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

NAME = "initial"


def migrate(db: sqlite_utils.Database) -> None:
    """Create every table of the domain model (DESIGN §2)."""
    db.table("plans").create(
        {
            "id": int,
            "team_id": str,
            "channel_id": str,
            "name": str,
            "area": str,
            "period_start": str,
            "period_end": str,
            "language": str,
            "timezone": str,
            "digest_weekday": int,
            "digest_time": str,
            "digest_set_at": str,
            "delivery_error": str,
            "delivery_error_at": str,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        not_null={"team_id", "channel_id", "name", "language", "timezone", "created_by"},
        defaults={"area": "", "digest_time": "08:00", "digest_weekday": 0},
    )
    db.table("plans").create_index(["team_id", "channel_id"], unique=True)

    db.table("organisations").create(
        {"id": int, "plan_id": int, "name": str, "name_key": str, "kind": str},
        pk="id",
        not_null={"plan_id", "name", "name_key", "kind"},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("organisations").create_index(["plan_id", "name_key"], unique=True)

    db.table("members").create(
        {"id": int, "plan_id": int, "user_id": str, "organisation_id": int, "role": str},
        pk="id",
        # A coordinator may not belong to an organisation yet (right after `setup`).
        not_null={"plan_id", "user_id", "role"},
        foreign_keys=[("plan_id", "plans", "id"), ("organisation_id", "organisations", "id")],
    )
    db.table("members").create_index(["plan_id", "user_id"], unique=True)
    db.table("members").create_index(["user_id"])

    # Refs are allocated from here inside the writing transaction, so they are never reused,
    # even after a delete, and two writers can never get the same number.
    db.table("ref_counters").create(
        {"plan_id": int, "kind": str, "last": int},
        pk=("plan_id", "kind"),
        not_null={"last"},
        foreign_keys=[("plan_id", "plans", "id")],
    )

    db.table("activities").create(
        {
            "id": int,
            "plan_id": int,
            "ref_no": int,
            "title": str,
            "cause": str,
            "goal": str,
            "owner_org_id": int,
            "contact_user": str,
            "start_date": str,
            "due_date": str,
            "status": str,
            "rag": str,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"plan_id", "ref_no", "title", "status", "created_by"},
        defaults={"cause": "", "goal": "", "status": "planned"},
        foreign_keys=[("plan_id", "plans", "id"), ("owner_org_id", "organisations", "id")],
    )
    db.table("activities").create_index(["plan_id", "ref_no"], unique=True)

    db.table("log_entries").create(
        {
            "id": int,
            "plan_id": int,
            "ref_no": int,
            "activity_id": int,
            "text": str,
            "organisation_id": int,
            "user_id": str,
            "happened_on": str,
            "source": str,
            "permalink": str,
            "created_at": str,
        },
        pk="id",
        not_null={"plan_id", "ref_no", "text", "user_id", "happened_on", "source"},
        foreign_keys=[
            ("plan_id", "plans", "id"),
            ("activity_id", "activities", "id"),
            ("organisation_id", "organisations", "id"),
        ],
    )
    db.table("log_entries").create_index(["plan_id", "ref_no"], unique=True)
    db.table("log_entries").create_index(["plan_id", "happened_on"])
    db.table("log_entries").create_index(["activity_id", "happened_on"])
    db.table("log_entries").enable_fts(["text"], create_triggers=True, tokenize="unicode61")

    db.table("followups").create(
        {
            "id": int,
            "plan_id": int,
            "ref_no": int,
            "text": str,
            "assignee": str,
            "assigned_by": str,
            "due_date": str,
            "activity_id": int,
            "status": str,
            "done_by": str,
            "done_at": str,
            "snoozed_until": str,
            "last_reminded_on": str,
            "permalink": str,
            "created_at": str,
        },
        pk="id",
        not_null={"plan_id", "ref_no", "text", "assignee", "assigned_by", "status"},
        defaults={"status": "open"},
        foreign_keys=[("plan_id", "plans", "id"), ("activity_id", "activities", "id")],
    )
    db.table("followups").create_index(["plan_id", "ref_no"], unique=True)
    db.table("followups").create_index(["assignee", "status"])
    db.table("followups").create_index(["plan_id", "status", "due_date"])

    db.table("user_settings").create(
        {"team_id": str, "user_id": str, "reminders": int},
        pk=("team_id", "user_id"),
        defaults={"reminders": 1},
    )

    db.table("digests").create(
        {
            "id": int,
            "plan_id": int,
            "iso_year": int,
            "iso_week": int,
            "state": str,
            "channel_id": str,
            "message_ts": str,
            "attempts": int,
            "claimed_at": str,
            "sent_at": str,
            "error": str,
        },
        pk="id",
        not_null={"plan_id", "iso_year", "iso_week", "state", "channel_id"},
        defaults={"attempts": 0},
        foreign_keys=[("plan_id", "plans", "id")],
    )
    db.table("digests").create_index(["plan_id", "iso_year", "iso_week"], unique=True)

    db.table("audit_events").create(
        {
            "id": int,
            "at": str,
            "team_id": str,
            "plan_id": int,
            "user_id": str,
            "entity": str,
            "ref": str,
            "action": str,
            "before": str,
            "after": str,
        },
        pk="id",
        not_null={"at", "team_id", "user_id", "entity", "ref", "action"},
    )
    db.table("audit_events").create_index(["plan_id", "ref"])
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
        )

    # Slack redelivers events (X-Slack-Retry-Num); the id is remembered so none runs twice.
    db.table("processed_events").create(
        {"event_id": str, "received_at": str}, pk="event_id", not_null={"received_at"}
    )
