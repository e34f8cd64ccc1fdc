"""The end of a plan (DESIGN §6 "End of a plan"): archive (read-only, schedules stopped) and
delete (every row erased after the plan's exact name, one audit line kept), by every role."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from storage import Store
from tests.test_permissions import COORDINATOR_ONLY, ROLES, snapshot
from tests.test_permissions import plan as plan  # the fixture


def counts(store: Store) -> dict[str, int]:
    """Rows of every table (FTS shadow tables and bookkeeping left out)."""
    conn = sqlite3.connect(store.path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
                "AND name NOT LIKE 'search_terms_%' "
                "AND name NOT IN ('schema_migrations', 'sqlite_sequence')"
            )
        ]
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("plan archive", "archive the plan"),
        ("plan arkivera", "archive the plan"),
        ("plan delete Trygg i Järva", "delete the plan"),
        ("plan radera", "delete the plan"),
    ],
)
def test_plan_commands_by_every_role(
    plan: Callable, store: Store, role: str, text: str, what: str
) -> None:
    before = snapshot(store)
    reply = plan(ROLES[role], text)
    if role == "coordinator":
        assert reply.ok, reply.text
    else:
        assert (reply.ok, reply.text) == (False, COORDINATOR_ONLY.format(what=what))
        assert snapshot(store) == before


WRITES = [
    ("anna", "org add Brå other"),
    ("anna", "activity add Kameror"),
    ("mats", "log A1 Walked"),
    ("mats", "follow <@erik> Ring skolan"),
    ("erik", "done F1"),
    ("anna", "settings area Husby"),
    ("anna", "member <@lena> Stockholmshem"),
    ("zed", "join Stockholmshem"),
    ("mats", "leave"),
    ("anna", "plan archive"),
]


def test_an_archived_plan_is_read_only(plan: Callable, store: Store) -> None:
    assert plan("anna", "plan archive").text == (
        "<@anna> archived the plan *Trygg i Järva*: it is read-only now and its digest and "
        "reminders have stopped. Everything can still be read."
    )
    before = snapshot(store)
    for user, text in WRITES:
        reply = plan(user, text)
        assert (reply.ok, reply.text) == (
            False,
            "The plan *Trygg i Järva* is archived: it can be read, not changed.",
        ), text
    assert snapshot(store) == before
    for user, text in (
        ("zed", "status"),
        ("erik", "mine"),
        ("anna", "history A1"),
        ("anna", "org list"),
    ):
        assert plan(user, text).ok, text
    status = plan("anna", "status")
    assert "Archived on 25 Nov: read-only, no digest or reminders." in str(status.items)
    # Its digest is not due, and its follow-ups get no reminders.
    with store.read() as tx:
        assert tx.plans.all() == []


def test_plan_delete_asks_for_the_exact_name_then_erases_everything(
    plan: Callable, store: Store
) -> None:
    assert plan("mats", "log A1 Walked the yard").ok
    assert plan("zed", "join Stockholmshem").ok
    explained = plan("anna", "plan delete")
    assert explained.ok and explained.visibility == "ephemeral"
    assert explained.text.endswith("`/samverkan plan delete Trygg i Järva`")
    before = snapshot(store)
    wrong = plan("anna", "plan delete trygg i järva")
    assert (wrong.ok, wrong.text) == (
        False,
        "That is not the plan's exact name (*Trygg i Järva*), so nothing was deleted.",
    )
    assert snapshot(store) == before
    deleted = plan("anna", "plan delete Trygg i Järva")
    assert deleted.text == (
        "<@anna> deleted the plan *Trygg i Järva* and everything in it. This channel has no "
        "plan now."
    )
    left = {k: v for k, v in counts(store).items() if v}
    assert left == {"audit_events": 1}
    conn = sqlite3.connect(store.path)
    try:
        (line,) = conn.execute(
            "SELECT plan_id, user_id, entity, ref, action, before, at FROM audit_events"
        ).fetchall()
    finally:
        conn.close()
    assert line[:6] == (
        1,
        "anna",
        "plan",
        "Trygg i Järva",
        "deleted",
        '{"id": 1, "name": "Trygg i Järva"}',
    )
    assert line[6] == "2026-11-25T10:00:00+00:00"
    data = Path(store.path).read_bytes()
    assert b"Walked the yard" not in data and b"Stockholmshem" not in data
    assert plan("anna", "status").text.startswith("This channel has no plan yet.")
    # The channel can start again.
    assert plan("anna", "setup Trygg i Järva 2027").ok


def test_an_archived_plan_can_still_be_deleted(plan: Callable, store: Store) -> None:
    plan("anna", "plan archive")
    assert plan("anna", "plan radera Trygg i Järva").ok
    assert {k: v for k, v in counts(store).items() if v} == {"audit_events": 1}


def test_archive_stops_the_schedule(app, plan: Callable, store: Store, clock) -> None:
    """The scheduler drops the digest job of an archived plan and of a deleted one."""
    from slack_sdk import WebClient

    from schedules.scheduler import DIGEST_JOB, Scheduler

    # No call reaches this address: a closed plan's digest is skipped before any is made.
    client = WebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/")
    scheduler = Scheduler(app, client, clock=clock)
    assert scheduler.start(paused=True)
    background = scheduler.scheduler
    try:
        with store.read() as tx:
            plan_id = tx.plans.by_channel("T1", "C1").id  # type: ignore[union-attr]
        assert background.get_job(DIGEST_JOB.format(plan_id)) is not None
        app.schedule_listeners.append(scheduler.reschedule)
        plan("anna", "plan archive")
        assert background.get_job(DIGEST_JOB.format(plan_id)) is None
        clock.now += timedelta(days=7)
        assert scheduler.run_digest(plan_id) == "skipped"
    finally:
        scheduler.shutdown(wait=False)
