"""Migration 13, workspaces: many workspaces in one database file (DESIGN §13).

- slack_sdk's SQLite installation and OAuth state stores (`slack_installations`,
  `slack_bots`, `oauth_states`), created here with exactly the schema those stores expect
  (slack_sdk 3.x `oauth/installation_store/sqlite3` and `oauth/state_store/sqlite3`), so the
  stores find their tables and never create them themselves;
- `workspaces`: each installed workspace, its Enterprise Grid org, and when it was uninstalled
  (its plans unserved, then erased after the retention period);
- a plan's channel unique across workspaces (a Slack Connect channel has one id everywhere);
- event de-duplication per team (an event id is unique per workspace, not across them).

Landed: never edit it, add a new migration instead.
"""

from __future__ import annotations

import sqlite_utils

NAME = "workspaces"

_INSTALLATIONS = """
create table if not exists slack_installations (
    id integer primary key autoincrement,
    client_id text not null,
    app_id text not null,
    enterprise_id text not null default '',
    enterprise_name text,
    enterprise_url text,
    team_id text not null default '',
    team_name text,
    bot_token text,
    bot_id text,
    bot_user_id text,
    bot_scopes text,
    bot_refresh_token text,
    bot_token_expires_at datetime,
    user_id text not null,
    user_token text,
    user_scopes text,
    user_refresh_token text,
    user_token_expires_at datetime,
    incoming_webhook_url text,
    incoming_webhook_channel text,
    incoming_webhook_channel_id text,
    incoming_webhook_configuration_url text,
    is_enterprise_install boolean not null default 0,
    token_type text,
    installed_at datetime not null default current_timestamp
)"""
_INSTALLATIONS_INDEX = """
create index if not exists slack_installations_idx on slack_installations (
    client_id, enterprise_id, team_id, user_id, installed_at
)"""
_BOTS = """
create table if not exists slack_bots (
    id integer primary key autoincrement,
    client_id text not null,
    app_id text not null,
    enterprise_id text not null default '',
    enterprise_name text,
    team_id text not null default '',
    team_name text,
    bot_token text not null,
    bot_id text not null,
    bot_user_id text not null,
    bot_scopes text,
    bot_refresh_token text,
    bot_token_expires_at datetime,
    is_enterprise_install boolean not null default 0,
    installed_at datetime not null default current_timestamp
)"""
_BOTS_INDEX = """
create index if not exists slack_bots_idx on slack_bots (
    client_id, enterprise_id, team_id, installed_at
)"""
_STATES = """
create table if not exists oauth_states (
    id integer primary key autoincrement,
    state text not null,
    expire_at datetime not null
)"""


def migrate(db: sqlite_utils.Database) -> None:
    """Create the OAuth stores' tables and `workspaces`; key plans by channel and events by
    team."""
    for statement in (_INSTALLATIONS, _INSTALLATIONS_INDEX, _BOTS, _BOTS_INDEX, _STATES):
        db.execute(statement)
    db.table("workspaces").create(
        {
            "team_id": str,
            "enterprise_id": str,
            "installed_at": str,
            "revoked_at": str,
            "erase_after": str,
            "erased_at": str,
        },
        pk="team_id",
    )
    db.table("workspaces").create_index(["enterprise_id"])
    _one_plan_per_channel(db)
    _events_per_team(db)


def _one_plan_per_channel(db: sqlite_utils.Database) -> None:
    """A channel holds at most one plan, whichever workspace set it up.

    Two plans on one channel id (a Slack Connect channel set up from both sides while one
    token served every workspace) cannot both stay there: the oldest keeps the channel, each
    later one is archived (read-only, nothing lost) with `~<plan id>` added to its channel id.
    """
    later = db.execute(
        "SELECT id FROM plans p WHERE EXISTS (SELECT 1 FROM plans q "
        "WHERE q.channel_id = p.channel_id AND q.id < p.id)"
    ).fetchall()
    for (plan_id,) in later:
        db.execute(
            "UPDATE plans SET channel_id = channel_id || '~' || id, "
            "archived_at = COALESCE(archived_at, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')), "
            "archived_by = COALESCE(archived_by, 'migration 13') WHERE id = ?",
            (plan_id,),
        )
    db.execute("DROP INDEX IF EXISTS idx_plans_team_id_channel_id")
    db.table("plans").create_index(["channel_id"], unique=True, if_not_exists=True)
    db.table("plans").create_index(["team_id"], if_not_exists=True)


def _events_per_team(db: sqlite_utils.Database) -> None:
    """processed_events keyed by (team, event id); the ids remembered so far keep a team of ''."""
    db.execute("ALTER TABLE processed_events RENAME TO processed_events_old")
    db.table("processed_events").create(
        {"team_id": str, "event_id": str, "received_at": str},
        pk=("team_id", "event_id"),
        not_null={"team_id", "received_at"},
    )
    db.execute(
        "INSERT INTO processed_events (team_id, event_id, received_at) "
        "SELECT '', event_id, received_at FROM processed_events_old"
    )
    db.execute("DROP TABLE processed_events_old")
