"""Storage on real SQLite files: migrations, append-only audit, concurrent refs, rollback, backup."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.rules import followup_late, late_if_due_before
from samverkan.service import Context, Samverkan
from storage import Store
from storage.migrations import MIGRATIONS

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
TABLES = {
    "schema_migrations",
    "plans",
    "organisations",
    "members",
    "ref_counters",
    "activities",
    "log_entries",
    "search_items",
    "search_terms",
    "followups",
    "user_settings",
    "digests",
    "audit_events",
    "processed_events",
    "user_languages",
}


def connect(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None)


def snapshot(path: str | Path) -> dict[str, list[tuple]]:
    conn = connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}"').fetchall() for n in names}
    finally:
        conn.close()


def schema(path: str | Path) -> list[tuple]:
    conn = connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
    finally:
        conn.close()


def new_plan(store: Store, channel: str = "C1") -> int:
    with store.write() as tx:
        plan = tx.plans.create(
            team_id="T1",
            channel_id=channel,
            name="Trygg i Järva",
            language="en",
            timezone="Europe/Stockholm",
            created_by="anna",
        )
        tx.members.set(plan.id, "anna", None, "coordinator")
    return plan.id


def add_logs(path: str, plan_id: int, n: int, user: str) -> list[str]:
    """Add n log entries, one unit of work each; module level so a process can run it."""
    store = Store(path, clock=lambda: NOW)
    refs = []
    for i in range(n):
        with store.write() as tx:
            entry = tx.logs.add(
                plan_id,
                text=f"{user} entry {i}",
                user_id=user,
                happened_on=date(2026, 11, 25),
                source="command",
            )
            tx.audit.record(
                team_id="T1",
                plan_id=plan_id,
                user_id=user,
                entity="log",
                ref=entry.ref,
                action="created",
                after={"text": entry.text},
            )
        refs.append(entry.ref)
    return refs


# -- migrations ----------------------------------------------------------------------------------


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    assert not path.exists()
    store = Store(path)
    versions = [v for v, _, _ in MIGRATIONS]
    # Numbered in order, each once (issues get numbers ahead of merging, so gaps may occur).
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert store.migrate() == versions
    assert store.schema_version() == versions[-1]
    conn = connect(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert names >= TABLES
        assert [r[:2] for r in conn.execute("SELECT version, name FROM schema_migrations")] == [
            (v, n) for v, n, _ in MIGRATIONS
        ]
        # WAL is a property of the file: a fresh, plain connection sees it.
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert {"audit_events_no_update", "audit_events_no_delete"} <= triggers
    finally:
        conn.close()


def test_rerunning_migrations_is_a_no_op(store: Store) -> None:
    plan_id = new_plan(store)
    add_logs(store.path, plan_id, 2, "erik")
    schema_before = schema(store.path)
    data_before = snapshot(store.path)
    assert store.migrate() == []
    assert Store(store.path).migrate() == []
    assert schema(store.path) == schema_before
    assert snapshot(store.path) == data_before
    assert store.schema_version() == MIGRATIONS[-1][0]


def test_m002_indexes_the_audit_trail_by_plan_and_time(store: Store) -> None:
    """The digest's audit.between query uses the (plan_id, at) index m002 made."""
    assert store.schema_version() >= 2
    conn = connect(store.path)
    try:
        indexes = {
            r[1]: [c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")]
            for r in conn.execute("PRAGMA index_list('audit_events')")
        }
        assert indexes["idx_audit_events_plan_id_at"] == ["plan_id", "at"]
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM audit_events WHERE plan_id = ? AND at >= ? "
            "AND at < ? AND entity = ? ORDER BY id",
            (1, "2026-11-23T00:00:00+00:00", "2026-11-30T00:00:00+00:00", "activity"),
        ).fetchall()
        assert "idx_audit_events_plan_id_at" in str(plan)
    finally:
        conn.close()


def test_a_version_1_database_is_brought_to_version_2(tmp_path: Path, monkeypatch) -> None:
    """m002 runs on a file that has only m001, and keeps its data."""
    old = Store(tmp_path / "old.db", clock=lambda: NOW)
    monkeypatch.setattr("storage.store.MIGRATIONS", MIGRATIONS[:1])
    assert old.migrate() == [1]
    plan_id = new_plan_v1(old)
    add_logs_v1(old.path, plan_id, 2, "erik")
    before = snapshot(old.path)
    monkeypatch.setattr("storage.store.MIGRATIONS", MIGRATIONS[:2])
    assert old.migrate() == [2]
    assert old.schema_version() == 2
    after = snapshot(old.path)
    assert {k: v for k, v in after.items() if k != "schema_migrations"} == {
        k: v for k, v in before.items() if k != "schema_migrations"
    }
    with old.read() as tx:
        assert [e.ref for e in tx.audit.between(plan_id, NOW, NOW + timedelta(1))] == [
            "L1",
            "L2",
        ]


def new_plan_v1(store: Store) -> int:
    """A plan written as a version 1 program wrote it (the repositories read newer columns)."""
    conn = connect(store.path)
    try:
        with conn:
            cur = conn.execute(
                "INSERT INTO plans (team_id, channel_id, name, language, timezone, created_by, "
                "created_at) VALUES ('T1', 'C1', 'Trygg i Järva', 'en', 'Europe/Stockholm', "
                "'anna', ?)",
                (NOW.isoformat(),),
            )
            conn.execute(
                "INSERT INTO members (plan_id, user_id, role) VALUES (?, 'anna', 'coordinator')",
                (cur.lastrowid,),
            )
        return int(cur.lastrowid or 0)
    finally:
        conn.close()


def add_logs_v1(path: str, plan_id: int, n: int, user: str) -> None:
    """Log entries with their audit events, as a version 1 program wrote them."""
    conn = connect(path)
    try:
        with conn:
            for i in range(1, n + 1):
                conn.execute(
                    "INSERT INTO log_entries (plan_id, ref_no, text, user_id, happened_on, "
                    "source, created_at) VALUES (?, ?, ?, ?, '2026-11-25', 'command', ?)",
                    (plan_id, i, f"{user} entry {i}", user, NOW.isoformat()),
                )
                conn.execute(
                    "INSERT INTO audit_events (at, team_id, plan_id, user_id, entity, ref, "
                    "action) VALUES (?, 'T1', ?, ?, 'log', ?, 'created')",
                    (NOW.astimezone(UTC).isoformat(timespec="seconds"), plan_id, user, f"L{i}"),
                )
    finally:
        conn.close()


def test_a_version_2_database_is_brought_to_version_3(tmp_path: Path, monkeypatch) -> None:
    """m003 runs on a file that has m001 and m002: plans ask for approval to join, and log
    entries keep their organisation's name."""
    old = Store(tmp_path / "old.db", clock=lambda: NOW)
    monkeypatch.setattr("storage.store.MIGRATIONS", MIGRATIONS[:2])
    assert old.migrate() == [1, 2]
    plan_id = new_plan_v1(old)
    conn = connect(old.path)
    try:
        with conn:
            org = conn.execute(
                "INSERT INTO organisations (plan_id, name, name_key, kind) "
                "VALUES (?, 'Polisen', 'polisen', 'police')",
                (plan_id,),
            ).lastrowid
            conn.execute(
                "INSERT INTO log_entries (plan_id, ref_no, text, user_id, happened_on, source, "
                "organisation_id, created_at) VALUES (?, 1, 'Walked', 'erik', '2026-11-25', "
                "'command', ?, ?)",
                (plan_id, org, NOW.isoformat()),
            )
    finally:
        conn.close()
    monkeypatch.undo()
    assert old.migrate()[:2] == [3, 4]  # and every later one
    with old.read() as tx:
        plan = tx.plans.get(plan_id)
        assert plan is not None and plan.joining == "approval" and not plan.archived
        entry = tx.logs.get(plan_id, 1)
        assert entry is not None and entry.organisation == "Polisen"


def test_event_ids_are_forgotten_after_a_day_in_the_same_transaction(tmp_path: Path) -> None:
    """first_delivery drops ids older than a day as it records a new one."""
    now = [NOW]
    store = Store(tmp_path / "events.db", clock=lambda: now[0])
    store.migrate()
    with store.write() as tx:
        assert tx.events.first_delivery("Ev1") is True
    now[0] = NOW + timedelta(hours=12)
    with store.write() as tx:
        assert tx.events.first_delivery("Ev2") is True
        assert tx.events.first_delivery("Ev1") is False  # a redelivery within the day
    now[0] = NOW + timedelta(days=1, hours=1)
    with store.write() as tx:
        assert tx.events.first_delivery("Ev3") is True
    assert snapshot(store.path)["processed_events"] == [
        ("", "Ev2", "2026-11-25T22:00:00+00:00"),
        ("", "Ev3", "2026-11-26T11:00:00+00:00"),
    ]
    # A transaction that fails forgets nothing and records nothing.
    now[0] = NOW + timedelta(days=3)
    with pytest.raises(RuntimeError), store.write() as tx:
        assert tx.events.first_delivery("Ev4") is True
        raise RuntimeError("crash before the commit")
    assert [r[1] for r in snapshot(store.path)["processed_events"]] == ["Ev2", "Ev3"]


def test_every_unit_of_work_enforces_foreign_keys(store: Store) -> None:
    with store.read() as tx:
        assert tx.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    with store.write() as tx:
        assert tx.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    with pytest.raises(sqlite3.IntegrityError), store.write() as tx:
        tx.organisations.add(999, "Polisen", "police")
    assert snapshot(store.path)["organisations"] == []


# -- audit ---------------------------------------------------------------------------------------


def test_audit_events_are_append_only(store: Store) -> None:
    plan_id = new_plan(store)
    add_logs(store.path, plan_id, 1, "erik")
    before = snapshot(store.path)["audit_events"]
    assert len(before) == 1
    conn = connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="audit events are append-only"):
            conn.execute("UPDATE audit_events SET user_id = 'mallory'")
        with pytest.raises(sqlite3.IntegrityError, match="audit events are append-only"):
            conn.execute("DELETE FROM audit_events")
    finally:
        conn.close()
    # Not through the store's own connections either.
    with pytest.raises(sqlite3.IntegrityError), store.write() as tx:
        tx.db.execute("UPDATE audit_events SET action = 'nothing happened'")
    assert snapshot(store.path)["audit_events"] == before
    # Appending still works.
    add_logs(store.path, plan_id, 1, "erik")
    assert len(snapshot(store.path)["audit_events"]) == 2


# -- concurrent ref allocation -------------------------------------------------------------------


def test_threads_allocate_distinct_contiguous_refs(store: Store) -> None:
    plan_id = new_plan(store)
    threads_n, per_thread = 8, 15
    barrier = threading.Barrier(threads_n)
    results: list[list[str]] = [[] for _ in range(threads_n)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            barrier.wait()
            results[i] = add_logs(store.path, plan_id, per_thread, f"user{i}")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(threads_n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert errors == []
    total = threads_n * per_thread
    refs = [r for rs in results for r in rs]
    assert len(refs) == total
    assert sorted(refs, key=lambda r: int(r[1:])) == [f"L{n}" for n in range(1, total + 1)]
    assert sorted(r[2] for r in snapshot(store.path)["log_entries"]) == list(range(1, total + 1))
    # Each thread saw its own entries in order.
    for rs in results:
        numbers = [int(r[1:]) for r in rs]
        assert numbers == sorted(numbers)


def test_processes_allocate_distinct_contiguous_refs(store: Store) -> None:
    plan_id = new_plan(store)
    procs, per_proc = 4, 20
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(procs) as pool:
        results = pool.starmap(
            add_logs, [(store.path, plan_id, per_proc, f"proc{i}") for i in range(procs)]
        )
    total = procs * per_proc
    refs = [r for rs in results for r in rs]
    assert len(set(refs)) == total
    assert sorted(int(r[1:]) for r in refs) == list(range(1, total + 1))
    snap = snapshot(store.path)
    assert sorted(r[2] for r in snap["log_entries"]) == list(range(1, total + 1))
    assert snap["ref_counters"] == [(plan_id, "L", total)]
    assert len(snap["audit_events"]) == total


def test_concurrent_log_commands_through_the_app(store: Store) -> None:
    app = Samverkan(store, clock=lambda: NOW)
    for text in ("setup Trygg", "org add Polisen police", "join Polisen"):
        assert app.run(Context("T1", "C1", "anna"), text).ok
    for user in ("erik", "sara", "mats"):
        assert app.run(Context("T1", "C1", "anna"), f"member <@{user}> Polisen").ok
    users = ["anna", "erik", "sara", "mats"]
    barrier = threading.Barrier(len(users))
    texts: list[str] = []
    lock = threading.Lock()

    def work(user: str) -> None:
        barrier.wait()
        for i in range(10):
            reply = app.run(Context("T1", "C1", user), f"log Round {i} by {user}")
            with lock:
                texts.append(reply.text)

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    refs = sorted(int(text.split("*")[1][1:]) for text in texts)
    assert refs == list(range(1, 41))


# -- units of work -------------------------------------------------------------------------------


def test_a_failing_unit_of_work_rolls_back_completely(store: Store) -> None:
    plan_id = new_plan(store)
    before = snapshot(store.path)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.write() as tx:
        org = tx.organisations.add(plan_id, "Polisen", "police")
        tx.members.set(plan_id, "erik", org.id, "member")
        tx.activities.add(plan_id, title="Belysning", created_by="anna")
        tx.logs.add(
            plan_id, text="half", user_id="erik", happened_on=date(2026, 11, 25), source="command"
        )
        tx.audit.record(
            team_id="T1", plan_id=plan_id, user_id="erik", entity="log", ref="L1", action="x"
        )
        raise Boom
    assert snapshot(store.path) == before

    # A statement failing half-way (a foreign key) undoes the statements before it too.
    with pytest.raises(sqlite3.IntegrityError), store.write() as tx:
        tx.organisations.add(plan_id, "Polisen", "police")
        tx.logs.add(
            plan_id,
            text="on a missing activity",
            user_id="erik",
            happened_on=date(2026, 11, 25),
            source="command",
            activity_id=999,
        )
    assert snapshot(store.path) == before
    # No ref was used up by either attempt.
    assert add_logs(store.path, plan_id, 1, "erik") == ["L1"]


def test_a_read_sees_a_consistent_snapshot(store: Store) -> None:
    plan_id = new_plan(store)
    add_logs(store.path, plan_id, 1, "erik")
    with store.read() as tx:
        first = tx.logs.between(plan_id, date(2026, 11, 1), date(2026, 11, 30))
        add_logs(store.path, plan_id, 1, "sara")  # another connection commits meanwhile
        second = tx.logs.between(plan_id, date(2026, 11, 1), date(2026, 11, 30))
    assert [e.ref for e in first] == [e.ref for e in second] == ["L1"]
    with store.read() as tx:
        assert len(tx.logs.between(plan_id, date(2026, 11, 1), date(2026, 11, 30))) == 2


# -- backup --------------------------------------------------------------------------------------


def test_backup_produces_a_readable_copy(store: Store, tmp_path: Path) -> None:
    plan_id = new_plan(store)
    add_logs(store.path, plan_id, 3, "erik")
    # Keep a reader open on the live file: the backup is online.
    reader = connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM log_entries").fetchone()
    target = tmp_path / "backup.db"
    store.backup(target)
    reader.execute("COMMIT")
    reader.close()
    add_logs(store.path, plan_id, 1, "erik")  # after the backup: not in the copy

    assert not Path(str(target) + "-wal").exists() or Path(str(target) + "-wal").stat().st_size == 0
    copy = connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT text FROM log_entries ORDER BY ref_no").fetchall() == [
            ("erik entry 0",),
            ("erik entry 1",),
            ("erik entry 2",),
        ]
    finally:
        copy.close()
    restored = Store(target)
    assert restored.migrate() == []
    assert restored.schema_version() == MIGRATIONS[-1][0]
    with restored.read() as tx:
        plan = tx.plans.by_channel("T1", "C1")
        assert plan is not None and plan.name == "Trygg i Järva"
        hits, total = tx.search.find(plan.id, "entry", 10)
        refs = [entry.ref for h in hits if (entry := tx.logs.by_id(h.item_id))]
        assert (refs, total) == (["L3", "L2", "L1"], 3)
    assert len(snapshot(store.path)["log_entries"]) == 4


def test_m010_puts_completion_times_in_utc_and_indexes_the_reads(
    tmp_path: Path, monkeypatch
) -> None:
    """done_at written with another offset is UTC after m010, so done_between finds it."""
    store = Store(tmp_path / "v9.db", clock=lambda: NOW)
    # Every migration but m010 (the later ones too: a file of main's numbers before issue 13).
    monkeypatch.setattr("storage.store.MIGRATIONS", [m for m in MIGRATIONS if m[0] != 10])
    store.migrate()
    plan_id = new_plan(store)
    conn = connect(store.path)
    conn.execute(
        "INSERT INTO followups (plan_id, ref_no, text, assignee, assigned_by, status, done_at, "
        "created_at) VALUES (?, 1, 'late night', 'erik', 'anna', 'done', "
        "'2026-11-30T00:30:00+01:00', '2026-11-20T10:00:00+00:00')",
        (plan_id,),
    )
    conn.close()
    monkeypatch.undo()
    assert store.migrate() == [10]
    assert [r[0] for r in connect(store.path).execute("SELECT done_at FROM followups")] == [
        "2026-11-29T23:30:00+00:00"
    ]
    with store.read() as tx:
        sunday = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
        found = tx.followups.done_between(plan_id, sunday, sunday + timedelta(hours=1))
        assert [f.text for f in found] == ["late night"]
        assert tx.followups.done_between(plan_id, NOW - timedelta(days=5), NOW) == []
    indexes = {r[1] for r in connect(store.path).execute("PRAGMA index_list('log_entries')")}
    assert {"idx_log_entries_plan_day_ref", "idx_log_entries_plan_activity_day_ref"} <= indexes
    assert "idx_log_entries_plan_id_happened_on" not in indexes


_FOLLOWUP = st.tuples(
    st.sampled_from(["open", "done"]),
    st.none() | st.integers(-3, 3),
    st.sampled_from(["U1", "U2", "U3"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    followups=st.lists(_FOLLOWUP, max_size=12),
    assignees=st.none() | st.sets(st.sampled_from(["U1", "U2", "U3"])),
)
def test_open_counts_in_sql_agree_with_the_late_rule(
    store: Store, followups: list[tuple[str, int | None, str]], assignees: set[str] | None
) -> None:
    """status, the org status and App Home count in SQL; the rule they count by is rules.py's."""
    today = date(2026, 11, 25)
    with store.write() as tx:
        plan = tx.plans.create(
            team_id="T1",
            channel_id=f"C{len(tx.plans.all())}",
            name="Trygg i Järva",
            language="sv",
            timezone="Europe/Stockholm",
            created_by="U1",
        )
        for status, offset, who in followups:
            due = None if offset is None else today + timedelta(days=offset)
            f = tx.followups.add(plan.id, text="x", assignee=who, assigned_by="U1", due_date=due)
            if status == "done":
                tx.followups.update(f.id, status="done", done_by="U1", done_at=tx.now)
    with store.read() as tx:
        counted = tx.followups.open_counts(plan.id, late_if_due_before(today), assignees)
        every = tx.followups.of_plan(plan.id)
    chosen = [f for f in every if assignees is None or f.assignee in assignees]
    expected_open = sum(1 for f in chosen if f.status == "open")
    expected_late = sum(1 for f in chosen if followup_late(f, today))
    assert counted == (expected_open, expected_late)
