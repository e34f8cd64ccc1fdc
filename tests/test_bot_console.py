"""Console mode as a process: a closed pipe ends it quietly, and errors log one line each."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from console.session import OneLineFormatter

ROOT = Path(__file__).resolve().parent.parent


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SAMVERKAN_"))}
    env.pop("PORT", None)
    env.update(SAMVERKAN_DB=str(tmp_path / "console.db"), PYTHONIOENCODING="utf-8")
    return env


def test_a_reader_that_goes_away_ends_the_session_quietly(tmp_path: Path) -> None:
    """`bot.py … | head -1`: the pipe closes before the output is written."""
    week = "\n".join(["setup Trygg i Järva", "org add Polisen police", "join Polisen"] * 50)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bot.py"), "--demo"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env_for(tmp_path),
    )
    assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the bot writes anything
    proc.stdin.write(week.encode())
    proc.stdin.close()
    code = proc.wait(60)
    errors = proc.stderr.read().decode()
    proc.stderr.close()
    assert errors == ""
    assert code == 0


def test_a_domain_error_logs_one_line_and_the_user_sees_the_reply(tmp_path: Path) -> None:
    """An unexpected failure in a command: the reply says something went wrong; stderr has one
    line naming the failure's kind, and no traceback."""
    script = (
        "import sys, bot\n"
        "from samverkan.service import Samverkan\n"
        "def broken(self, ctx, cmd):\n"
        "    raise ValueError('secret 811218-9876 typed by someone')\n"
        "Samverkan.execute = broken\n"
        "sys.exit(bot.main(['-c', 'status']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**env_for(tmp_path), "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 0
    assert "Something went wrong" in done.stdout
    assert done.stderr == "error: command failed: status (ValueError)\n"


def test_the_one_line_formatter() -> None:
    try:
        raise KeyError("x")
    except KeyError:
        import sys as _sys

        record = logging.LogRecord(
            "samverkan", logging.ERROR, __file__, 1, "failed:\n%s", ("two",), _sys.exc_info()
        )
    assert OneLineFormatter().format(record) == "error: failed: two (KeyError)"


def test_export_and_import_in_the_console_go_through_the_working_folder(tmp_path: Path) -> None:
    """The export is written where the console runs and its path printed; import reads it."""
    script = "\n".join(
        [
            "setup Trygg i Järva",
            "settings language sv",
            "org add Polisen police",
            "cause add Mörk gångtunnel",
            "aktivitet ny Nattvandring ägare Polisen",
            "aktivitet A1 orsak C1",
            "exportera",
            ":channel ny",
            "setup Ny plan",
            "importera atgardsplan-trygg-i-jarva-*.xlsx",
        ]
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "console"],
        input=script.encode(),
        capture_output=True,
        cwd=tmp_path,
        env=env_for(tmp_path),
        timeout=60,
    )
    out = done.stdout.decode()
    (made,) = tmp_path.glob("atgardsplan-trygg-i-jarva-*.xlsx")
    assert f"Sparade {made}" in out
    # The glob is no file name: the console names the file that is not there.
    assert "There is no file" in out
    name = made.name
    done = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "console", "--channel", "ny"],
        input=f"import {name} confirm\nactivity list\n".encode(),
        capture_output=True,
        cwd=tmp_path,
        env=env_for(tmp_path),
        timeout=60,
    )
    out = done.stdout.decode()
    assert "The plan was imported from a file" in out
    import sqlite3

    conn = sqlite3.connect(tmp_path / "console.db")
    rows = conn.execute(
        "SELECT a.ref_no, a.title, c.text FROM activities a JOIN plans p ON p.id = a.plan_id "
        "JOIN causes c ON c.id = a.cause_id WHERE p.channel_id = 'ny'"
    ).fetchall()
    conn.close()
    assert rows == [(1, "Nattvandring", "Mörk gångtunnel")]
