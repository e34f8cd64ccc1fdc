"""The two ways to serve the Bolt app: HTTP (waitress, `serve.http`) and Socket Mode
(`serve.socket`)."""

from __future__ import annotations

import socket

from slack_bolt import App

from config import Settings
from handlers.common import shutdown_after_ack
from serve.http import serve_http
from serve.socket import serve_socket
from storage import Store


def missing_settings(settings: Settings, mode: str) -> list[str]:
    """The environment variables a mode needs and lacks."""
    need = {
        # Many workspaces (OAuth) instead of one bot token: HTTP mode only (DESIGN §13).
        "http": ["SLACK_SIGNING_SECRET"]
        if settings.oauth
        else ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"],
        "socket": ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"],
    }
    have = {
        "SLACK_BOT_TOKEN": settings.bot_token,
        "SLACK_SIGNING_SECRET": settings.signing_secret,
        "SLACK_APP_TOKEN": settings.app_token,
    }
    return [name for name in need.get(mode, []) if not have[name]]


def serve(
    app: App,
    store: Store,
    settings: Settings,
    mode: str,
    sockets: list[socket.socket] | None = None,
) -> int:
    """Serve Slack in `mode` ("http" or "socket") until told to stop."""
    try:
        if mode == "http":
            return serve_http(app, store, settings, sockets)
        return serve_socket(app, settings)
    finally:
        shutdown_after_ack()
