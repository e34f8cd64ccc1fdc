"""Connections kept per thread: reused by a thread's units of work, never shared by threads."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Store
from storage.store import BUSY_TIMEOUT_MS

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture
def kept(tmp_path: Path) -> Store:
    store = Store(tmp_path / "kept.db", clock=lambda: NOW)
    store.migrate()
    return store


def new_plan(store: Store, channel: str) -> int:
    with store.write() as tx:
        return tx.plans.create(
            team_id="T1",
            channel_id=channel,
            name=channel,
            language="en",
            timezone="Europe/Stockholm",
            created_by="anna",
        ).id


def test_a_thread_reuses_its_connection(kept: Store) -> None:
    with kept.read() as first:
        conn = first.db.conn
    with kept.write() as second:
        assert second.db.conn is conn
    with kept.read() as third:
        assert third.db.conn is conn
        # Each unit of work is its own transaction, with the pragmas in force.
        assert conn.in_transaction
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (BUSY_TIMEOUT_MS,)
    assert not conn.in_transaction


def test_threads_never_share_a_connection(kept: Store) -> None:
    seen: dict[str, int] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(name: str) -> None:
        try:
            barrier.wait()
            for i in range(20):
                new_plan(kept, f"{name}-{i}")
                with kept.read() as tx:
                    seen.setdefault(name, id(tx.db.conn))
                    assert id(tx.db.conn) == seen[name]
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(f"t{n}",)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len(set(seen.values())) == 4
    with kept.read() as tx:
        assert tx.db.execute("SELECT COUNT(*) FROM plans").fetchone() == (80,)


def test_a_unit_inside_a_unit_gets_its_own_connection(kept: Store) -> None:
    with kept.read() as outer, kept.write() as inner:
        assert inner.db.conn is not outer.db.conn
        inner.plans.create(
            team_id="T1",
            channel_id="C9",
            name="n",
            language="en",
            timezone="Europe/Stockholm",
            created_by="anna",
        )
    with kept.read() as after:
        assert after.db.conn is outer.db.conn  # the kept one, back in use
        assert after.plans.by_channel("T1", "C9") is not None


def test_a_failed_unit_rolls_back_and_the_connection_serves_the_next(kept: Store) -> None:
    with pytest.raises(RuntimeError), kept.write() as tx:
        conn = tx.db.conn
        new_plan_in(tx, "C1")
        raise RuntimeError("refused half-way")
    with kept.read() as tx:
        assert tx.db.conn is conn
        assert tx.plans.by_channel("T1", "C1") is None


def new_plan_in(tx, channel: str) -> None:
    tx.plans.create(
        team_id="T1",
        channel_id=channel,
        name=channel,
        language="en",
        timezone="Europe/Stockholm",
        created_by="anna",
    )


def test_close_closes_every_threads_connection(kept: Store) -> None:
    conns: list[sqlite3.Connection] = []
    opened, closed = threading.Event(), threading.Event()

    def work() -> None:  # a pool thread that lives on, as Bolt's and the scheduler's do
        with kept.read() as tx:
            conns.append(tx.db.conn)
        opened.set()
        closed.wait(10)

    th = threading.Thread(target=work)
    th.start()
    opened.wait(10)
    with kept.read() as tx:
        conns.append(tx.db.conn)
    kept.close()
    closed.set()
    th.join()
    for conn in conns:
        with pytest.raises(sqlite3.ProgrammingError):
            conn.execute("SELECT 1")
    with kept.read() as tx:  # and opens anew when used again
        assert tx.db.conn not in conns


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_a_forked_process_opens_its_own_connection(kept: Store) -> None:
    with kept.read() as tx:
        parent = tx.db.conn
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a new connection, and it works
        try:
            with kept.write() as tx:
                new_plan_in(tx, "child")
                ok = tx.db.conn is not parent
            os.write(w, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(r, 1) == b"1"
    with kept.read() as tx:
        assert tx.db.conn is parent
        assert tx.plans.by_channel("T1", "child") is not None
