"""Faults of the bot's surroundings, each against the real bot process (issue 10).

A damaged, locked, read-only or full database, Slack unreachable at start, and `backup` asked
for the impossible: each gets one clear line (a reply within Slack's 3 s, or one line and exit
code 2 at start), nothing is lost or half-written, and the bot recovers once the cause is gone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from samverkan.service import Context, Samverkan
from storage import Store
from tests.support.bot_process import BOT, BotProcess, free_port
from tests.support.fake_slack import FakeSlack
from tests.support.signed import get
from tests.test_slack_http import SECRET, Plan, uid

BUSY = "The bot is busy with another change right now, and nothing was changed."
READ_ONLY = "The bot cannot save anything right now (its database is read-only)"
FULL = "The bot cannot save anything right now (its disk is full)"


# -- helpers ---------------------------------------------------------------------------------


def seeded(path: Path) -> Path:
    """A database with a plan and fifty organisations (several pages of data)."""
    store = Store(path)
    store.migrate()
    app = Samverkan(store)
    app.run(Context("T0SAMVERK", "C0SEED", "U0SEED"), "setup Trygg")
    for i in range(50):
        app.run(Context("T0SAMVERK", "C0SEED", "U0SEED"), f"org add Organisation {i}")
    store.close()  # the connections this thread kept: the file is left as a stopped bot leaves it
    return path


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exits(bot: BotProcess, timeout: float = 30) -> tuple[int, str]:
    """Start the bot and wait for it to end: its exit code and log."""
    with bot.log_path.open("wb") as out:
        proc = subprocess.run(
            [sys.executable, str(BOT), bot.mode],
            env=bot.env,
            cwd=bot.workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=timeout,
        )
    return proc.returncode, bot.log()


def health(bot: BotProcess) -> tuple[int, dict]:
    status, _, body = get(bot.url + "/healthz", timeout=5)
    return status, json.loads(body)


@contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """Make files unwritable even for root (chattr +i), or skip where that is not possible."""
    done: list[Path] = []
    try:
        for p in paths:
            if os.geteuid() == 0:
                made = subprocess.run(["chattr", "+i", str(p)], capture_output=True, text=True)
                if made.returncode:
                    pytest.skip(f"chattr +i is not available here: {made.stderr.strip()}")
            else:
                p.chmod(0o444)
            done.append(p)
        yield
    finally:
        for p in done:
            if os.geteuid() == 0:
                subprocess.run(["chattr", "-i", str(p)], check=True)
            else:
                p.chmod(0o644)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield slack


def http_bot(fake: FakeSlack, workdir: Path) -> BotProcess:
    return BotProcess("http", workdir=workdir, api_url=fake.base_url, secret=SECRET)


def new_plan(bot: BotProcess, fake: FakeSlack) -> Plan:
    p = Plan(bot, fake, uid("C"), uid("U"), uid("U"))
    p.command(f"setup {p.name}")
    p.command("org add Polisen police")
    p.command("join Polisen")
    return p


def one_line_and_no_traceback(log: str, expected: str) -> None:
    assert "Traceback" not in log, log
    lines = [line for line in log.splitlines() if expected in line]
    assert len(lines) == 1, log


# -- a damaged database ----------------------------------------------------------------------


def _overwrite_a_page(p: Path) -> None:
    with p.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(bytes(range(256)) * 16)


def _truncate(p: Path) -> None:
    os.truncate(p, p.stat().st_size // 2)


def _break_the_header(p: Path) -> None:
    with p.open("r+b") as f:
        f.write(b"not a database!!")


@pytest.mark.parametrize("damage", [_overwrite_a_page, _truncate, _break_the_header])
def test_a_damaged_database_is_refused_at_start_untouched(
    fake: FakeSlack, tmp_path: Path, damage
) -> None:
    bot = http_bot(fake, tmp_path)
    damage(seeded(bot.db))
    before = digest_of(bot.db)
    code, log = exits(bot)
    assert code == 2
    one_line_and_no_traceback(log, f"The database {bot.db} is damaged")
    assert "copy your latest backup" in log
    assert digest_of(bot.db) == before
    assert not Path(f"{bot.db}-wal").exists()


def test_healthz_reports_a_database_damaged_while_running(fake: FakeSlack, tmp_path: Path) -> None:
    bot = http_bot(fake, tmp_path)
    seeded(bot.db)
    bot.start()
    try:
        assert health(bot)[0] == 200
        _break_the_header(bot.db)
        assert health(bot) == (503, {"ok": False, "db": "damaged"})
    finally:
        bot.stop()
    assert "Traceback" not in bot.log()


# -- another process holds the write lock ----------------------------------------------------


def test_a_write_waiting_on_another_process_is_refused_in_time_and_never_commits(
    fake: FakeSlack, tmp_path: Path
) -> None:
    bot = http_bot(fake, tmp_path).start()
    try:
        plan = new_plan(bot, fake)
        holder = sqlite3.connect(bot.db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(6, holder.rollback)
        release.start()
        try:
            for text in ("log Walked the square", f"follow <@{plan.coord}> Call the school"):
                started = time.monotonic()
                answer = plan.command(text)
                assert time.monotonic() - started < 3
                assert answer["text"].startswith(BUSY), answer
            status = plan.command("status")  # reading goes on meanwhile
            assert "Trygg i Husby" in json.dumps(status)
        finally:
            release.join()
            holder.close()
        time.sleep(0.5)
        assert plan.rows("SELECT COUNT(*) FROM log_entries") == [(0,)]
        assert plan.rows("SELECT COUNT(*) FROM followups") == [(0,)]
        # Once the lock is gone, the same command works.
        assert plan.command("log Walked the square")["text"].startswith(
            "Posted *L1* in the channel."
        )
    finally:
        bot.stop()
    log = bot.log()
    assert "Traceback" not in log, log
    assert log.count("database is locked") == 2, log


# -- a read-only database --------------------------------------------------------------------


def test_a_read_only_database_is_refused_at_start(fake: FakeSlack, tmp_path: Path) -> None:
    bot = http_bot(fake, tmp_path)
    seeded(bot.db)
    with immutable(bot.db):
        code, log = exits(bot)
    assert code == 2
    one_line_and_no_traceback(log, f"The database {bot.db} cannot be written")


def test_a_database_made_read_only_while_running_refuses_writes_and_recovers(
    fake: FakeSlack, tmp_path: Path
) -> None:
    bot = http_bot(fake, tmp_path).start()
    try:
        plan = new_plan(bot, fake)
        # Only the file: its -wal/-shm come and go with the bot's connections.
        with immutable(bot.db):
            answer = plan.command("log Walked the square")
            assert READ_ONLY in answer["text"], answer
            assert health(bot) == (503, {"ok": False, "db": "read_only"})
        assert health(bot)[0] == 200
        assert plan.command("log Walked the square")["text"].startswith(
            "Posted *L1* in the channel."
        )
    finally:
        bot.stop()
    assert "Traceback" not in bot.log(), bot.log()


# -- a full disk -----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs of its own (root only), so a full disk harms nothing else."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_refuses_writes_in_one_line_each_and_recovers(
    fake: FakeSlack, small_disk: Path
) -> None:
    (small_disk.parent / "work").mkdir()
    bot = http_bot(fake, small_disk.parent / "work")
    bot.db = small_disk / "samverkan.db"  # the database on the small disk, the log beside it
    bot.env["SAMVERKAN_DB"] = str(bot.db)
    bot.start()
    try:
        plan = new_plan(bot, fake)
        filler = small_disk / "filler"
        try:
            with filler.open("wb") as f:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
        except OSError:
            pass  # full: the last write (or the close) found no room
        long = "x" * 1900
        for _ in range(3):
            answer = plan.command(f"log {long}")
            assert FULL in answer["text"], answer
        filler.unlink()
        assert plan.rows("SELECT COUNT(*) FROM log_entries") == [(0,)]
        assert plan.command("log Walked the square")["text"].startswith(
            "Posted *L1* in the channel."
        )
    finally:
        bot.stop()
    log = bot.log()
    assert "Traceback" not in log, log
    refused = [line for line in log.splitlines() if "refused log:" in line]
    assert len(refused) == 3 and all("the disk is full" in line for line in refused), log


# -- Slack unreachable at start --------------------------------------------------------------


def test_slack_unreachable_at_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/api/"
    bot = BotProcess("http", workdir=tmp_path, api_url=url, secret=SECRET)
    code, log = exits(bot)
    assert code == 2
    one_line_and_no_traceback(log, f"Slack API at {url} unreachable")


def test_a_refused_bot_token_at_start_is_one_line_and_exit_2(
    fake: FakeSlack, tmp_path: Path
) -> None:
    fake.fail("auth.test", error="invalid_auth", times=None)
    code, log = exits(http_bot(fake, tmp_path))
    assert code == 2
    one_line_and_no_traceback(log, "Slack refused the bot token at start")


# -- backup ----------------------------------------------------------------------------------


def backup(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SAMVERKAN_"))}
    return subprocess.run(
        [sys.executable, str(BOT), "backup", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["copy.db", "--db", "missing.db"], "there is no database at missing.db"),
        (["/nonexistent/dir/x.db", "--db", "live.db"], "the folder /nonexistent/dir does not"),
        (["live.db", "--db", "live.db"], "live.db is the database itself"),
        (["./live.db", "--db", "live.db"], "live.db is the database itself"),
    ],
)
def test_backup_refuses_the_impossible_in_one_line(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    seeded(tmp_path / "live.db")
    before = digest_of(tmp_path / "live.db")
    done = backup(tmp_path, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
    assert not (tmp_path / "missing.db").exists()
    assert not (tmp_path / "copy.db").exists()
    assert digest_of(tmp_path / "live.db") == before


def test_backup_copies_the_database(tmp_path: Path) -> None:
    seeded(tmp_path / "live.db")
    done = backup(tmp_path, "copy.db", "--db", "live.db")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Backed up live.db to copy.db\n"
    conn = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert conn.execute("SELECT COUNT(*) FROM organisations").fetchone() == (50,)
    finally:
        conn.close()
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)


# -- two processes on one database -----------------------------------------------------------


def test_a_schedule_sent_to_the_second_process_is_picked_up_by_the_first(
    fake: FakeSlack, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = BotProcess(
        "http",
        workdir=tmp_path / "a",
        api_url=fake.base_url,
        secret=SECRET,
        extra_env={"SAMVERKAN_SCHEDULE_POLL": "1"},
    ).start()
    second = BotProcess(
        "http",
        workdir=tmp_path / "b",
        api_url=fake.base_url,
        secret=SECRET,
        extra_env={"SAMVERKAN_DB": str(first.db)},
    )
    second.db = first.db
    second.start()
    try:
        assert "another process runs the schedules" in second.log()
        plan = new_plan(second, fake)
        answer = plan.command("digest schedule thursday 07:15")
        assert "Thursday" in answer["text"] and "07:15" in answer["text"], answer
        deadline = time.monotonic() + 10
        wanted = "cron[day_of_week='thu', hour='7', minute='15']"
        while f"digest of plan {plan.plan_id}: {wanted}" not in first.log().replace(": now ", ": "):
            assert time.monotonic() < deadline, first.log()
            time.sleep(0.1)
        plan.command("digest off")
        deadline = time.monotonic() + 10
        while f"digest of plan {plan.plan_id}: off" not in first.log():
            assert time.monotonic() < deadline, first.log()
            time.sleep(0.1)
    finally:
        second.stop()
        first.stop()
    assert "Traceback" not in first.log() + second.log()


# -- digest now, answered 500 ----------------------------------------------------------------


def test_digest_now_answered_500_after_slack_posted_it_is_not_shown_twice(
    fake: FakeSlack, tmp_path: Path
) -> None:
    from tests.test_schedules import serve_history

    serve_history(fake, window=True)
    bot = http_bot(fake, tmp_path).start()
    try:
        plan = new_plan(bot, fake)
        fake.fail("chat.postMessage", status=500, handled=True, match={"channel": plan.channel})
        answer = plan.command("digest now")
        assert answer["text"] == "Posted this week's digest in the channel."
        assert answer["response_type"] == "ephemeral"
        posted = plan.calls("chat.postMessage", channel=plan.channel)
        assert len(posted) == 1 and posted[0].status == 500
        # Exactly one digest in the channel: the one Slack posted before its 500.
        assert len([ts for (ch, ts) in fake.messages if ch == plan.channel]) == 1
        assert len(plan.calls("conversations.history", channel=plan.channel)) == 1

        # A 500 with nothing posted: the digest is the command's answer, as before.
        other = new_plan(bot, fake)
        fake.fail("chat.postMessage", status=500, match={"channel": other.channel})
        answer = other.command("digest now")
        assert answer["response_type"] == "in_channel"
        assert answer["text"].startswith("Trygg i Husby")
    finally:
        bot.stop()
    assert "Traceback" not in bot.log()


def test_a_form_and_a_button_behind_another_writer_say_busy(
    fake: FakeSlack, tmp_path: Path
) -> None:
    from blocks import ids
    from tests.test_slack_http import click, open_modal, submission

    bot = http_bot(fake, tmp_path).start()
    try:
        plan = new_plan(bot, fake)
        plan.command(f"follow <@{plan.coord}> Call the school")
        view = open_modal(plan, "log")
        values = {ids.TEXT_BLOCK: ("plain_text_input", "Walked the square")}
        holder = sqlite3.connect(bot.db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            status, body = plan.interact(submission(plan, view, values))
            assert time.monotonic() - started < 3
            answer = json.loads(body)
            assert (status, answer["response_action"]) == (200, "errors")
            assert answer["errors"][ids.TEXT_BLOCK].startswith(BUSY)
            _, _, name = click(
                plan,
                ids.FOLLOWUP_DONE,
                f"{plan.plan_id}:F1",
                user=plan.coord,
                block_id=f"followup_{plan.plan_id}_F1",
            )
            (said,) = fake.wait_for(f"response_url:{name}")
            assert said.params["text"].startswith(BUSY)
        finally:
            holder.rollback()
            holder.close()
        assert plan.rows("SELECT COUNT(*) FROM log_entries") == [(0,)]
        assert plan.rows("SELECT status FROM followups") == [("open",)]
    finally:
        bot.stop()
    assert "Traceback" not in bot.log(), bot.log()


def test_the_second_process_takes_the_schedules_over_when_the_first_ends(
    fake: FakeSlack, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fast = {"SAMVERKAN_SCHEDULE_POLL": "1"}
    first = BotProcess(
        "http", workdir=tmp_path / "a", api_url=fake.base_url, secret=SECRET, extra_env=fast
    ).start()
    second = BotProcess(
        "http",
        workdir=tmp_path / "b",
        api_url=fake.base_url,
        secret=SECRET,
        extra_env={**fast, "SAMVERKAN_DB": str(first.db)},
    )
    second.db = first.db
    second.start()
    try:
        plan = new_plan(second, fake)
        assert first.stop() == 0
        deadline = time.monotonic() + 10
        while "took over the schedules" not in second.log():
            assert time.monotonic() < deadline, second.log()
            time.sleep(0.1)
        plan.command("digest schedule friday 06:30")
        wanted = (
            f"digest of plan {plan.plan_id}: now cron[day_of_week='fri', hour='6', minute='30']"
        )
        deadline = time.monotonic() + 10
        while wanted not in second.log():
            assert time.monotonic() < deadline, second.log()
            time.sleep(0.1)
    finally:
        first.stop()
        second.stop()
    assert second.log().count("took over the schedules") == 1
    assert second.log().count("another process runs the schedules") == 1
    assert "Traceback" not in first.log() + second.log()


def test_the_health_check_never_removes_a_write_ahead_log_another_connection_made(
    tmp_path: Path, monkeypatch
) -> None:
    """/healthz while workers start: another process opens the file (making its -wal and
    -shm) during the check. The check leaves them: removing a -shm in use would split the
    processes' view of the log, and one would stop seeing the other's writes."""
    from storage import faults

    store = Store(tmp_path / "s.db")
    store.migrate()
    store.close()  # the last connection gone: SQLite removed the -wal and -shm
    assert not any(f.exists() for f in faults.sidecars(store.path))
    other: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def connect_while_another_opens(*args, **kwargs):
        writer = real_connect(store.path, isolation_level=None)
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("CREATE TABLE IF NOT EXISTS seen (x)")
        other.append(writer)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(faults.sqlite3, "connect", connect_while_another_opens)
    assert store.health() == "ok"
    monkeypatch.undo()
    (writer,) = other
    assert all(f.exists() for f in faults.sidecars(store.path))
    writer.execute("INSERT INTO seen VALUES (1)")
    reader = sqlite3.connect(store.path)
    try:
        assert reader.execute("SELECT COUNT(*) FROM seen").fetchone() == (1,)
    finally:
        reader.close()
        writer.close()


# -- a file too large to check whole before the start ------------------------------------------


@pytest.mark.parametrize(
    ("damage", "sign"),
    [
        (None, None),
        (_break_the_header, "file is not a database"),
        (_truncate, "the file is shorter than its"),
    ],
)
def test_the_signs_of_damage_are_read_from_a_few_pages(tmp_path: Path, damage, sign) -> None:
    from storage.faults import signs_of_damage

    path = seeded(tmp_path / "s.db")
    if damage is not None:
        damage(path)
    found = signs_of_damage(path, at_start=True)
    assert (found if found is None else found[: len(sign)]) == sign


def test_a_large_file_starts_at_once_and_is_checked_whole_beside_the_serving(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    """Above FULL_CHECK_AT_START a damaged page inside the file does not show at a glance: the
    bot starts, the whole check finds it just after, logs it and /healthz says damaged."""
    from storage import faults

    path = seeded(tmp_path / "big.db")
    _overwrite_a_page(path)
    monkeypatch.setattr(faults, "FULL_CHECK_AT_START", 0)
    store = Store(path)
    assert store.problem_at_start() is None
    assert store.health() == "ok"  # a glance sees nothing wrong
    thread = store.check_fully_later()
    assert thread is not None
    thread.join(10)
    assert store.health() == "damaged"
    (line,) = [r.getMessage() for r in caplog.records if r.name == "samverkan.storage"]
    assert line.startswith(f"the database {path} is damaged (")


def test_a_large_file_with_a_broken_header_is_still_refused_at_start(
    tmp_path: Path, monkeypatch
) -> None:
    from storage import faults

    path = seeded(tmp_path / "big.db")
    _truncate(path)
    monkeypatch.setattr(faults, "FULL_CHECK_AT_START", 0)
    found = Store(path).problem_at_start()
    assert found is not None and found.startswith(f"The database {path} is damaged (the file")


def test_a_small_file_is_checked_whole_before_the_start(tmp_path: Path) -> None:
    path = seeded(tmp_path / "small.db")
    _overwrite_a_page(path)
    found = Store(path).problem_at_start()
    assert found is not None and found.startswith(f"The database {path} is damaged")
    assert Store(path).check_fully_later() is None
