"""Operations (DESIGN §13): scheduled online backups (rotation, each copy's integrity check,
restore), the settings of many workspaces and of operations, and JSON log lines."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from config import ConfigError, JsonLines, Settings
from samverkan.service import Context, Samverkan
from schedules import Scheduler
from schedules.upkeep import BACKUP_CATCH_UP_JOB, BACKUP_JOB, Backups
from storage import Store
from storage.backups import BackupFailed, back_up, backups, integrity, newest
from storage.store import BackupRefused


def test_daily_backups_keep_the_newest_copies_each_checked(app: Samverkan, tmp_path: Path) -> None:
    assert app.run(Context("T1", "C1", "UANNA"), "setup Backed up plan").ok
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")  # left alone by the rotation
    start = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    made = [back_up(app.store, folder, 3, start + timedelta(days=n)) for n in range(5)]
    assert [p.name for p in backups(folder)] == [
        "samverkan-20261203T030000Z.db",
        "samverkan-20261204T030000Z.db",
        "samverkan-20261205T030000Z.db",
    ]
    assert made[-1] == folder / "samverkan-20261205T030000Z.db"
    assert (folder / "notes.txt").exists() and not list(folder.glob("*.partial"))
    assert newest(folder) == start + timedelta(days=4)
    assert integrity(made[-1]) == "ok"


def test_a_copy_that_fails_its_integrity_check_is_removed_and_older_ones_stay(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "live.db")
    store.migrate()
    with store.write() as tx:
        for n in range(300):
            tx.plans.create(
                team_id="T1",
                channel_id=f"C{n}",
                name="x" * 200,
                language="en",
                timezone="UTC",
                created_by="U1",
            )
    folder = tmp_path / "backups"
    folder.mkdir()
    good = back_up(store, folder, 2, datetime(2026, 12, 1, tzinfo=UTC))
    store.close()
    # Damage the plans table's root page: the copy is as damaged as the source.
    conn = sqlite3.connect(tmp_path / "live.db")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'plans'").fetchone()
    conn.close()
    raw = bytearray((tmp_path / "live.db").read_bytes())
    page = 4096
    start = (root - 1) * page
    raw[start + 8 : start + page] = b"\xff" * (page - 8)
    (tmp_path / "live.db").write_bytes(bytes(raw))
    with pytest.raises(BackupFailed, match="integrity check"):
        back_up(store, folder, 1, datetime(2026, 12, 2, tzinfo=UTC))
    assert backups(folder) == [good]  # nothing deleted for a copy that failed
    assert not list(folder.glob("*.partial"))


def test_a_backup_into_a_missing_folder_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="does not exist"):
        back_up(store, tmp_path / "nowhere", 3, datetime(2026, 12, 1, tzinfo=UTC))


def test_a_restored_backup_is_the_plan_as_it_was(app: Samverkan, tmp_path: Path) -> None:
    """README's restore: stop the bot, copy the backup over the database, start it again."""
    ctx = Context("T1", "C1", "UANNA")
    assert app.run(ctx, "setup Restored plan").ok
    assert app.run(ctx, "org add Polisen police").ok
    folder = tmp_path / "backups"
    folder.mkdir()
    copy = back_up(app.store, folder, 7, datetime(2026, 12, 1, tzinfo=UTC))
    assert app.run(ctx, "org add Skolan school").ok  # after the backup: not in it
    app.store.close()
    live = Path(app.store.path)
    for side in (live, live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm")):
        side.unlink(missing_ok=True)
    shutil.copy(copy, live)
    restored = Store(live)
    restored.migrate()
    again = Samverkan(restored)
    listing = again.run(ctx, "org list").text
    assert "Polisen" in listing and "Skolan" not in listing


def test_the_scheduler_backs_up_at_start_when_the_last_copy_is_old_then_daily(
    app: Samverkan, clock, tmp_path: Path, fake_slack
) -> None:
    from slack_sdk import WebClient

    folder = tmp_path / "backups"
    folder.mkdir()
    clock.now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    s = Scheduler(
        app,
        WebClient(token="xoxb-test", base_url=fake_slack.base_url),
        clock=clock,
        backups=Backups(str(folder), keep=2),
    )
    try:
        assert s.start(paused=True)
        jobs = {j.id: j for j in s.scheduler.get_jobs()}
        assert BACKUP_CATCH_UP_JOB in jobs
        assert str(jobs[BACKUP_JOB].trigger) == "cron[hour='3', minute='0']"
        assert s.upkeep.run_backup() == folder / "samverkan-20261201T120000Z.db"
        clock.now += timedelta(days=1)
        s.upkeep.run_backup()
        clock.now += timedelta(days=1)
        s.upkeep.run_backup()
        assert [p.name for p in backups(folder)] == [
            "samverkan-20261202T120000Z.db",
            "samverkan-20261203T120000Z.db",
        ]
    finally:
        s.shutdown(wait=False)
    # A start within a day of the newest copy makes none at once.
    clock.now += timedelta(hours=5)
    s2 = Scheduler(
        app,
        WebClient(token="xoxb-test", base_url=fake_slack.base_url),
        clock=clock,
        backups=Backups(str(folder), keep=2),
    )
    try:
        assert s2.start(paused=True)
        assert BACKUP_CATCH_UP_JOB not in {j.id for j in s2.scheduler.get_jobs()}
    finally:
        s2.shutdown(wait=False)


def test_a_failed_scheduled_backup_is_one_log_line(
    app: Samverkan, tmp_path: Path, clock, caplog: pytest.LogCaptureFixture, fake_slack
) -> None:
    from slack_sdk import WebClient

    s = Scheduler(
        app,
        WebClient(token="xoxb-test", base_url=fake_slack.base_url),
        clock=clock,
        backups=Backups(str(tmp_path / "gone"), keep=2),
    )
    with caplog.at_level(logging.ERROR):
        assert s.upkeep.run_backup() is None
    assert [r.getMessage() for r in caplog.records if r.name == "schedules.upkeep"] == [
        f"backup failed: the folder {tmp_path / 'gone'} does not exist; nothing was backed up"
    ]


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"SLACK_CLIENT_ID": "1.2"}, "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, "need SLACK_SIGNING_SECRET"),
        (
            {
                "SLACK_CLIENT_ID": "1.2",
                "SLACK_CLIENT_SECRET": "s",
                "SLACK_SIGNING_SECRET": "x",
                "SLACK_BOT_TOKEN": "xoxb-1",
            },
            "not both",
        ),
        ({"SAMVERKAN_RETAIN_DAYS": "-1"}, "SAMVERKAN_RETAIN_DAYS='-1' is not a whole number"),
        ({"SAMVERKAN_RETAIN_DAYS": "a month"}, "SAMVERKAN_RETAIN_DAYS='a month'"),
        (
            {"SAMVERKAN_BACKUP_KEEP": "0"},
            "SAMVERKAN_BACKUP_KEEP='0' is not a whole number of at least 1",
        ),
        ({"SAMVERKAN_LOG_FORMAT": "xml"}, "SAMVERKAN_LOG_FORMAT='xml' is not a log format"),
    ],
)
def test_settings_that_cannot_work_are_refused_with_the_reason(
    env: dict[str, str], problem: str
) -> None:
    with pytest.raises(ConfigError, match=problem.replace("(", r"\(")):
        Settings.from_env(env)


def test_settings_of_many_workspaces_and_operations() -> None:
    s = Settings.from_env(
        {
            "SLACK_CLIENT_ID": "1.2",
            "SLACK_CLIENT_SECRET": "secret",
            "SLACK_SIGNING_SECRET": "signing",
            "SAMVERKAN_RETAIN_DAYS": "0",
            "SAMVERKAN_BACKUP_DIR": "/data/backups",
            "SAMVERKAN_BACKUP_KEEP": "14",
            "SAMVERKAN_LOG_FORMAT": "JSON",
        }
    )
    assert s.oauth and s.mode() == "http"
    assert (s.retain_days, s.backup_dir, s.backup_keep, s.log_format) == (
        0,
        "/data/backups",
        14,
        "json",
    )
    defaults = Settings.from_env({})
    assert not defaults.oauth and defaults.mode() == "console"
    assert (defaults.retain_days, defaults.backup_dir, defaults.backup_keep) == (30, None, 7)


def test_json_log_lines_are_one_object_each_with_the_traceback_inside() -> None:
    formatter = JsonLines()
    record = logging.LogRecord(
        "samverkan", logging.WARNING, __file__, 1, "plan %s: %s", (7, "x\ny"), None
    )
    line = formatter.format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "WARNING" and data["logger"] == "samverkan"
    assert data["message"] == "plan 7: x\ny"
    assert datetime.strptime(data["time"], "%Y-%m-%dT%H:%M:%S.%f")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    data = json.loads(formatter.format(failed))
    assert "ValueError: boom" in data["exception"]
    assert "\n" not in formatter.format(failed)


def test_the_bot_logs_one_json_object_a_line_when_asked(tmp_path: Path, fake_slack) -> None:
    from tests.support.bot_process import BotProcess

    bot = BotProcess(
        "http",
        workdir=tmp_path,
        api_url=fake_slack.base_url,
        extra_env={"SAMVERKAN_LOG_FORMAT": "json"},
    )
    bot.start()
    assert bot.stop() == 0
    lines = [line for line in bot.log().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert {"time", "level", "logger", "message"} <= set(records[0])
    assert any(r["message"].startswith("HTTP mode: POST /slack/events") for r in records)


def test_integrity_of_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    assert integrity(path) != "ok"
    sqlite3.connect(tmp_path / "empty.db").close()
    assert integrity(tmp_path / "empty.db") == "ok"
