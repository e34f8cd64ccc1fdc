"""HTTP mode in several processes: one socket, every worker serves, the scheduler runs once."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from config import ConfigError, Settings
from tests.support.bot_process import BotProcess
from tests.support.fake_slack import FakeSlack
from tests.support.signed import slash_command_body

SECRET = "workers-signing-secret"


def children(pid: int) -> set[int]:
    """The child processes of a process (Linux /proc)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in (
        Path(f"/proc/{pid}/status").read_text()
    )


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_share_the_socket_and_the_scheduler_runs_once(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    bot = BotProcess(
        "http",
        workdir=tmp_path,
        api_url=fake_slack.base_url,
        secret=SECRET,
        extra_env={"SAMVERKAN_WORKERS": "3"},
    )
    bot.start()
    try:
        assert bot.proc is not None
        workers = children(bot.proc.pid)
        assert len(workers) == 2

        def command(text: str) -> dict:
            status, _, body = bot.post(slash_command_body(text, user="U0COORD", channel="C0PLAN"))
            assert status == 200, body
            return json.loads(body)

        assert command("setup Trygg i Husby")["text"].startswith(
            "The plan *Trygg i Husby* is set up"
        )
        with ThreadPoolExecutor(8) as pool:
            replies = list(pool.map(command, [f"log Round {i}" for i in range(40)]))
        assert all(r["text"].startswith("Posted *L") for r in replies), replies[:3]
        conn = sqlite3.connect(bot.db)
        try:
            refs = [r[0] for r in conn.execute("SELECT ref_no FROM log_entries ORDER BY ref_no")]
        finally:
            conn.close()
        assert refs == list(range(1, 41))  # every write once, numbered without gaps
        log = bot.log()
        assert log.count("schedules started") == 1
        assert "another process runs the schedules" not in log
        assert "2 worker processes beside this one" in log
    finally:
        code = bot.stop()
    assert code == 0, bot.log()
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    assert "Traceback" not in bot.log(), bot.log()


@pytest.mark.parametrize(("value", "workers"), [("1", 1), ("4", 4), ("16", 16), (None, 1)])
def test_the_number_of_workers_is_read(value: str | None, workers: int) -> None:
    env = {"SAMVERKAN_WORKERS": value} if value else {}
    assert Settings.from_env(env).workers == workers


@pytest.mark.parametrize("value", ["0", "17", "two", "-1"])
def test_a_bad_number_of_workers_stops_the_bot_with_a_clear_message(value: str) -> None:
    with pytest.raises(ConfigError) as e:
        Settings.from_env({"SAMVERKAN_WORKERS": value})
    assert str(e.value) == (
        f"SAMVERKAN_WORKERS={value!r} is not a number of processes from 1 to 16"
    )
