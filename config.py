"""Settings from the environment (and `.env`), read once at start-up."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LANGUAGES = ("en", "sv")


class ConfigError(ValueError):
    """A setting in the environment that the bot cannot run with; the message says which."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment (DESIGN §5)."""

    db: str = "./samverkan.db"
    command: str = "/samverkan"
    timezone: str = "Europe/Stockholm"
    language: str = "en"
    port: int = 3000
    host: str = "0.0.0.0"
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None
    #: Seconds between comparisons of the schedules with the database (at most 60).
    schedule_poll: float = 30.0
    workers: int = 1
    #: OAuth (DESIGN §13): installable in many workspaces instead of one bot token.
    client_id: str | None = None
    client_secret: str | None = None
    #: Days an uninstalled workspace's plans are kept (read-only, unserved) before erasure.
    retain_days: int = 30
    #: Daily online backups into this folder (none when unset), keeping this many copies.
    backup_dir: str | None = None
    backup_keep: int = 7
    #: "text" (one readable line) or "json" (one JSON object a line, for log collectors).
    log_format: str = "text"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Read settings from the environment, with `.env` filling in what is not set."""
        if env is None:
            from dotenv import load_dotenv

            load_dotenv(dotenv or Path.cwd() / ".env", override=False)
            env = dict(os.environ)
        return cls(
            db=env.get("SAMVERKAN_DB") or "./samverkan.db",
            command=env.get("SAMVERKAN_COMMAND") or "/samverkan",
            timezone=_timezone(env.get("SAMVERKAN_TZ") or "Europe/Stockholm"),
            language=_language(env.get("SAMVERKAN_LANG") or "en"),
            port=_port(env.get("PORT") or "3000"),
            host=env.get("SAMVERKAN_HOST") or "0.0.0.0",
            bot_token=env.get("SLACK_BOT_TOKEN") or None,
            app_token=env.get("SLACK_APP_TOKEN") or None,
            signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            api_url=env.get("SLACK_API_URL") or None,
            schedule_poll=_poll(env.get("SAMVERKAN_SCHEDULE_POLL") or "30"),
            workers=_workers(env.get("SAMVERKAN_WORKERS") or "1"),
            client_id=env.get("SLACK_CLIENT_ID") or None,
            client_secret=env.get("SLACK_CLIENT_SECRET") or None,
            retain_days=_count("SAMVERKAN_RETAIN_DAYS", env.get("SAMVERKAN_RETAIN_DAYS"), 30, 0),
            backup_dir=env.get("SAMVERKAN_BACKUP_DIR") or None,
            backup_keep=_count("SAMVERKAN_BACKUP_KEEP", env.get("SAMVERKAN_BACKUP_KEEP"), 7, 1),
            log_format=_log_format(env.get("SAMVERKAN_LOG_FORMAT") or "text"),
        )._checked()

    def _checked(self) -> Settings:
        """Refuse settings that contradict each other."""
        if bool(self.client_id) != bool(self.client_secret):
            raise ConfigError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both")
        if self.oauth and not self.signing_secret:
            raise ConfigError(
                "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET need SLACK_SIGNING_SECRET (HTTP mode)"
            )
        if self.oauth and self.bot_token:
            raise ConfigError(
                "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                "(installable in many), not both"
            )
        return self

    @property
    def oauth(self) -> bool:
        """Whether the bot is installable in many workspaces (OAuth) rather than one token's."""
        return bool(self.client_id and self.client_secret)

    def mode(self) -> str:
        """The mode the environment asks for: socket, http or console (DESIGN §5)."""
        if self.bot_token and self.app_token:
            return "socket"
        if (self.bot_token or self.oauth) and self.signing_secret:
            return "http"
        return "console"


def _timezone(value: str) -> str:
    """SAMVERKAN_TZ: an IANA timezone that this system knows (new plans get it)."""
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"SAMVERKAN_TZ={value!r} is not a known timezone (e.g. Europe/Stockholm)"
        ) from None
    return name


def _language(value: str) -> str:
    """SAMVERKAN_LANG: en or sv."""
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise ConfigError(f"SAMVERKAN_LANG={value!r} is not a language of the bot (en or sv)")
    return lang


def _port(value: str) -> int:
    """PORT: a TCP port, 1 to 65535."""
    try:
        port = int(value.strip())
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ConfigError(f"PORT={value!r} is not a port number (1 to 65535)")
    return port


def _poll(value: str) -> float:
    """SAMVERKAN_SCHEDULE_POLL: seconds, more than 0 and at most 60."""
    try:
        seconds = float(value.strip())
    except ValueError:
        seconds = 0
    if not 0 < seconds <= 60:
        raise ConfigError(
            f"SAMVERKAN_SCHEDULE_POLL={value!r} is not a number of seconds (above 0, at most 60)"
        )
    return seconds


def _workers(value: str) -> int:
    """SAMVERKAN_WORKERS: how many processes serve HTTP mode, 1 to 16."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= 16:
        raise ConfigError(f"SAMVERKAN_WORKERS={value!r} is not a number of processes from 1 to 16")
    return n


def _count(name: str, value: str | None, default: int, least: int) -> int:
    """A whole number setting of at least `least` (SAMVERKAN_RETAIN_DAYS, SAMVERKAN_BACKUP_KEEP)."""
    if value is None or not value.strip():
        return default
    try:
        n = int(value.strip())
    except ValueError:
        n = least - 1
    if n < least or n > 100_000:
        raise ConfigError(f"{name}={value!r} is not a whole number of at least {least}")
    return n


def _log_format(value: str) -> str:
    """SAMVERKAN_LOG_FORMAT: text or json."""
    fmt = value.strip().lower()
    if fmt not in ("text", "json"):
        raise ConfigError(f"SAMVERKAN_LOG_FORMAT={value!r} is not a log format (text or json)")
    return fmt


TEXT_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class JsonLines(logging.Formatter):
    """One JSON object a line (SAMVERKAN_LOG_FORMAT=json): time, level, logger, message, and
    the traceback when there is one, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        out = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def configure_logging(log_format: str = "text") -> None:
    """The process's log lines (set up by logging.basicConfig): readable text, or JSON lines
    for a log collector."""
    if log_format != "json":
        return
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setFormatter(JsonLines())
