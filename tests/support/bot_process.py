"""The bot as a subprocess (`python bot.py http|socket`) on loopback, for tests and the benchmark."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.support.signed import get, post, sign

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot.py"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BotProcess:
    """`python bot.py <mode>` with a test environment; its log goes to a file."""

    def __init__(
        self,
        mode: str,
        *,
        workdir: Path,
        api_url: str,
        secret: str = "test-signing-secret",
        app_token: str | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.mode = mode
        self.workdir = workdir
        self.secret = secret
        self.db = workdir / "samverkan.db"
        self.port = free_port()
        self.log_path = workdir / f"bot-{mode}.log"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("SLACK_", "SAMVERKAN_")) and k != "PORT"
        }
        env.update(
            SLACK_BOT_TOKEN="xoxb-test",
            SLACK_API_URL=api_url,
            SAMVERKAN_DB=str(self.db),
            SAMVERKAN_HOST="127.0.0.1",
            PORT=str(self.port),
            PYTHONUNBUFFERED="1",
        )
        if mode == "http":
            env["SLACK_SIGNING_SECRET"] = secret
        if app_token:
            env["SLACK_APP_TOKEN"] = app_token
        env.update(extra_env or {})
        self.env = env
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20) -> BotProcess:
        """Start the process; in http mode wait until /healthz answers."""
        log = self.log_path.open("wb")
        # cwd is the work dir, so no developer's .env is read.
        self.proc = subprocess.Popen(
            [sys.executable, str(BOT), self.mode],
            env=self.env,
            cwd=self.workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        if self.mode == "http":
            self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float = 20) -> dict[str, Any]:
        """Poll GET /healthz until it answers 200."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"bot exited with {self.proc.returncode}:\n{self.log()}")
            try:
                status, _, body = get(self.url + "/healthz", timeout=2)
                if status == 200:
                    return json.loads(body)
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"bot did not become healthy:\n{self.log()}")
            time.sleep(0.02)

    def stop(self, timeout: float = 10) -> int | None:
        """SIGTERM, then wait (kill after `timeout`)."""
        if self.proc is None:
            return None
        self.proc.terminate()
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout)

    def log(self) -> str:
        """What the bot has logged so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def post(
        self,
        body: bytes,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        retry_num: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """POST a body to /slack/events, signed as Slack signs it."""
        signed = sign(body, secret or self.secret, timestamp, retry_num=retry_num)
        signed.update(headers or {})
        return post(self.url + "/slack/events", body, signed)
