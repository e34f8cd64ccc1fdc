"""The Bolt app: its Web API client, its settings, and every listener (see `handlers.register`).

The app runs listeners with `process_before_response=True`: the reply is computed and
committed before the HTTP response goes out, so Slack's answer is the reply itself and no
ack-polling loop sits in the path (Bolt's default waits for ack() in a 10 ms loop).
"""

from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.token_rotation import TokenRotator

from config import Settings
from handlers import register
from handlers.installs import Installs, on_install
from samverkan.service import Samverkan
from samverkan.workspaces import enterprise_of
from slackapi.clients import web_client
from slackapi.installs import (
    BOT_SCOPES,
    INSTALL_PATH,
    NOT_INSTALLED,
    REDIRECT_PATH,
    ROTATE_MINUTES,
    InstallationStoreOnFile,
    TeamClients,
    state_store,
)


def build_app(samverkan: Samverkan, settings: Settings, mode: str) -> App:
    """The Bolt app with every listener registered (checks the bot token with auth.test).

    With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET it is installable in many workspaces: Bolt's
    OAuth flow with slack_sdk's SQLite stores on our database file (see `oauth_app`).
    """
    logging.getLogger("slack_bolt.App").addFilter(_SameTokenNotice())
    # Bolt logs the whole body of a request it refuses; that body may hold what a person typed
    # (even a personal identity number), so only the refusal itself is logged (DESIGN §6).
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_RefusalWithoutBody())
    if settings.oauth:
        app, installs = oauth_app(samverkan, settings, mode)
        register(app, samverkan, installs)
        return app
    app = App(
        client=web_client(settings.bot_token, settings.api_url),
        signing_secret=settings.signing_secret or "",
        # Requests over HTTP are verified (signature, 5-minute window); Socket Mode needs none.
        request_verification_enabled=mode == "http",
        # Fail at start, not at the first request, when the token is wrong.
        token_verification_enabled=True,
        process_before_response=True,
        # Deprecated by Slack and never relied on (DESIGN §8).
        ssl_check_enabled=False,
        name="samverkan",
    )
    register(app, samverkan)
    return app


def oauth_app(samverkan: Samverkan, settings: Settings, mode: str) -> tuple[App, Installs]:
    """The Bolt app of many workspaces: `GET /slack/install`, `GET /slack/oauth_redirect`,
    each request authorized with its team's bot token (rotated when it expires).

    slack-bolt 1.30's own token refresh builds a client that ignores SLACK_API_URL; the
    authorize given here (and the OAuth flow, which takes the app's client) use ours, so
    every call goes where SLACK_API_URL says (DESIGN §8).
    """
    assert settings.client_id and settings.client_secret
    path = samverkan.store.path
    installations = InstallationStoreOnFile(path, settings.client_id, on_install(samverkan))
    client = web_client(None, settings.api_url)
    authorize = InstallationStoreAuthorize(
        logger=logging.getLogger("slack_bolt.App"),
        installation_store=installations,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        token_rotation_expiration_minutes=ROTATE_MINUTES,
        bot_only=True,
        # One auth.test per token, not per request; a rotated token is a new entry.
        cache_enabled=True,
        client=client,
    )
    oauth = OAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(BOT_SCOPES),
        installation_store=installations,
        installation_store_bot_only=True,
        state_store=state_store(path),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        token_rotation_expiration_minutes=ROTATE_MINUTES,
    )
    app = App(
        client=client,
        signing_secret=settings.signing_secret or "",
        request_verification_enabled=mode == "http",
        authorize=authorize,  # type: ignore[arg-type]  # an Authorize is taken as it is
        installation_store=installations,
        installation_store_bot_only=True,
        oauth_settings=oauth,
        user_facing_authorize_error_message=NOT_INSTALLED,
        process_before_response=True,
        ssl_check_enabled=False,
        name="samverkan",
    )
    return app, Installs(installations, settings.retain_days, set(), threading.Lock())


def clients_of(app: App, settings: Settings, samverkan: Samverkan) -> TeamClients:
    """The one factory of "the client for team T" for this app: each installed team's own
    token (OAuth), or the app's one client (a single bot token)."""
    if app.installation_store is None or not settings.client_id or not settings.client_secret:
        return TeamClients(app.client)
    rotator = TokenRotator(
        client_id=settings.client_id, client_secret=settings.client_secret, client=app.client
    )
    return TeamClients(
        app.client,
        app.installation_store,
        rotator=rotator,
        enterprise_of=lambda team: enterprise_of(samverkan, team),
    )


class _SameTokenNotice(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN and warns that the client's token wins: it is the same."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


class _RefusalWithoutBody(logging.Filter):
    """Log a refused signature without the request body Bolt puts in the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if ", body:" in message:
            record.msg = message.split(", body:")[0].split(" (signature:")[0]
            record.args = ()
        return True
