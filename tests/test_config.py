"""Settings from the environment: a value the bot cannot run with stops it at start, clearly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import ConfigError, Settings

ROOT = Path(__file__).resolve().parent.parent


def test_defaults() -> None:
    s = Settings.from_env({})
    assert (s.timezone, s.language, s.port) == ("Europe/Stockholm", "en", 3000)


def test_good_values_are_taken() -> None:
    s = Settings.from_env(
        {"SAMVERKAN_TZ": "America/New_York", "SAMVERKAN_LANG": "SV", "PORT": "8080"}
    )
    assert (s.timezone, s.language, s.port) == ("America/New_York", "sv", 8080)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "SAMVERKAN_TZ",
            "Europe/Stockholmm",
            "SAMVERKAN_TZ='Europe/Stockholmm' is not a known timezone (e.g. Europe/Stockholm)",
        ),
        (
            "SAMVERKAN_TZ",
            "../../etc/passwd",
            "SAMVERKAN_TZ='../../etc/passwd' is not a known timezone (e.g. Europe/Stockholm)",
        ),
        ("SAMVERKAN_LANG", "de", "SAMVERKAN_LANG='de' is not a language of the bot (en or sv)"),
        ("PORT", "abc", "PORT='abc' is not a port number (1 to 65535)"),
        ("PORT", "0", "PORT='0' is not a port number (1 to 65535)"),
        ("PORT", "65536", "PORT='65536' is not a port number (1 to 65535)"),
        ("PORT", "-1", "PORT='-1' is not a port number (1 to 65535)"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({name: value})
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("name", "value"), [("SAMVERKAN_TZ", "Mars/Olympus"), ("PORT", "abc"), ("SAMVERKAN_LANG", "fi")]
)
def test_the_bot_exits_2_with_one_line_and_no_traceback(
    tmp_path: Path, name: str, value: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SAMVERKAN_"))}
    env.pop("PORT", None)
    env.update({name: value, "SAMVERKAN_DB": str(tmp_path / "x.db")})
    done = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "-c", "help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no developer's .env
        env=env,
        timeout=60,
    )
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({name: value})
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"bot.py: {refused.value}\n"
    assert not (tmp_path / "x.db").exists()  # nothing was set up with it
