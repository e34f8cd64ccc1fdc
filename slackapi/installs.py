"""Many workspaces (DESIGN §13): slack_sdk's SQLite installation and OAuth state stores on our
database file, and the one factory of "the client for team T".

The stores' tables are created by our migration (storage/migrations/m013_workspaces.py) with
the schema slack_sdk expects, so the stores find them and never create them. In
single-workspace mode (`SLACK_BOT_TOKEN`) `TeamClients` has no installation store and every
team gets the one client.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackTokenRotationError
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator

from slackapi.clients import derived_client

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger("samverkan.slack")

#: Bolt's OAuth flow: where an admin starts an install, and where Slack sends them back.
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
#: A state issued by /slack/install is good for this long (Slack's own default).
STATE_SECONDS = 600
#: A bot token is refreshed when it expires within this many minutes (Bolt's default).
ROTATE_MINUTES = 120
#: How long a team's client is used before its installation is looked up again.
CLIENT_TTL = 300.0

#: What the bot asks for when installed (the same scopes as manifest.yml).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "channels:history",
    "groups:history",
    "files:write",
    "files:read",
    "im:write",
    "users:read",
    "im:history",
)

#: Told to someone whose workspace has no installation (Bolt answers with it).
NOT_INSTALLED = (
    "Samverkan is not installed in this workspace (or was removed); an admin can install it "
    "again. / Samverkan är inte installerad i den här arbetsytan (eller har tagits bort); en "
    "administratör kan installera den igen."
)

InstallHook = Callable[[str, str | None, bool], None]


class InstallationStoreOnFile(SQLite3InstallationStore):
    """slack_sdk's SQLite installation store on our database, telling us of each install."""

    def __init__(self, database: str, client_id: str, on_install: InstallHook | None = None):
        super().__init__(database=database, client_id=client_id, logger=log)
        self.on_install = on_install
        # The tables are ours (migration 13): never create them here.
        self.init_called = True

    def connect(self) -> sqlite3.Connection:
        """slack_sdk's connection, with the setting every connection of ours has: a deleted
        token (an uninstall) is overwritten, not left in the file's free pages."""
        conn = super().connect()
        conn.execute("PRAGMA secure_delete = ON")
        return conn

    def save(self, installation: Installation) -> None:
        """Store an installation, then record the workspace (a reinstall restores its plans)."""
        super().save(installation)
        if self.on_install is not None:
            self.on_install(
                installation.team_id or "",
                installation.enterprise_id,
                bool(installation.is_enterprise_install),
            )


def state_store(database: str) -> SQLite3OAuthStateStore:
    """slack_sdk's SQLite OAuth state store on our database (its table is ours, migration 13)."""
    store = SQLite3OAuthStateStore(database=database, expiration_seconds=STATE_SECONDS, logger=log)
    store.init_called = True
    return store


@dataclass
class _Cached:
    client: WebClient
    token: str
    fresh_until: float


class TeamClients:
    """The Web API client of each team, cached per team: its own bot token (refreshed when it
    rotates), the base client's URL, timeout and retries. Without an installation store (one
    bot token) every team gets the base client."""

    def __init__(
        self,
        base: WebClient,
        installations: InstallationStore | None = None,
        *,
        rotator: TokenRotator | None = None,
        enterprise_of: Callable[[str], str | None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base = base
        self.installations = installations
        self.rotator = rotator
        self.enterprise_of = enterprise_of
        self.clock = clock
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()
        _EVERY.add(self)

    @property
    def multi(self) -> bool:
        """Whether teams have tokens of their own (OAuth installs)."""
        return self.installations is not None

    def with_base(self, base: WebClient) -> TeamClients:
        """The same look-ups with another base client (other retries), a cache of its own."""
        return TeamClients(
            base,
            self.installations,
            rotator=self.rotator,
            enterprise_of=self.enterprise_of,
            clock=self.clock,
        )

    def for_team(self, team_id: str, enterprise_id: str | None = None) -> WebClient | None:
        """The client for a team (and its Enterprise Grid org), or None when not installed."""
        if self.installations is None:
            return self.base
        with self._lock:
            cached = self._cache.get(team_id)
            if cached is not None and cached.fresh_until > self.clock():
                return cached.client
        bot = self._bot(team_id, enterprise_id)
        if bot is None:
            self.forget(team_id)
            return None
        with self._lock:
            cached = self._cache.get(team_id)
            if cached is None or cached.token != bot.bot_token:
                client = derived_client(
                    self.base,
                    rate_limit_retries=_count(self.base, "RateLimitErrorRetryHandler"),
                    connection_retries=_count(self.base, "ConnectionErrorRetryHandler"),
                    server_error_retries=_count(self.base, "ServerErrorRetryHandler"),
                )
                client.token = bot.bot_token
                cached = _Cached(client, bot.bot_token, 0.0)
                self._cache[team_id] = cached
            cached.fresh_until = self.clock() + self._ttl(bot)
            return cached.client

    def forget(self, team_id: str | None = None) -> None:
        """Drop a team's cached client (every team's when None): after an uninstall."""
        with self._lock:
            if team_id is None:
                self._cache.clear()
            else:
                self._cache.pop(team_id, None)

    def _ttl(self, bot: Bot) -> float:
        """Until the token is due for rotation, at most CLIENT_TTL seconds."""
        if bot.bot_token_expires_at is None:
            return CLIENT_TTL
        left = bot.bot_token_expires_at - ROTATE_MINUTES * 60 - self.clock()
        return max(0.0, min(CLIENT_TTL, left))

    def _bot(self, team_id: str, enterprise_id: str | None) -> Bot | None:
        """The team's bot installation (a team install, else its org's), its token rotated."""
        store = self.installations
        assert store is not None
        enterprise = enterprise_id or (self.enterprise_of(team_id) if self.enterprise_of else None)
        bot = store.find_bot(enterprise_id=enterprise, team_id=team_id)
        if bot is None and enterprise:
            bot = store.find_bot(enterprise_id=enterprise, team_id=None, is_enterprise_install=True)
        if bot is None and enterprise:
            bot = store.find_bot(enterprise_id=None, team_id=team_id)
        if bot is None or not bot.bot_refresh_token or self.rotator is None:
            return bot
        try:
            refreshed = self.rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=ROTATE_MINUTES
            )
        except (SlackTokenRotationError, SlackApiError) as e:
            log.warning("the bot token of %s could not be refreshed: %s", team_id, e)
            return None
        if refreshed is not None:
            store.save_bot(refreshed)
            return refreshed
        return bot


#: Every factory of this process, so an uninstall or reinstall forgets the team in each.
_EVERY: weakref.WeakSet[TeamClients] = weakref.WeakSet()


def forget_team(team_id: str | None) -> None:
    """Forget a team's cached clients in every factory of this process (None: every team's)."""
    for clients in list(_EVERY):
        clients.forget(team_id)


def _count(client: WebClient, kind: str) -> int:
    """How often a client's retry handler of one kind retries (0 without one)."""
    for handler in client.retry_handlers:
        if type(handler).__name__ == kind:
            return int(getattr(handler, "max_retry_count", 0))
    return 0


def team_clients(client: WebClient | TeamClients) -> TeamClients:
    """A bare client as the one client of every team (single-workspace mode)."""
    return client if isinstance(client, TeamClients) else TeamClients(client)


def delete_installation(store: Any, team_id: str | None, enterprise_id: str | None) -> None:
    """Forget a team's (or an org's) installations and bots: its tokens were revoked."""
    store.delete_installation(enterprise_id=enterprise_id, team_id=team_id)
    store.delete_bot(enterprise_id=enterprise_id, team_id=team_id)
