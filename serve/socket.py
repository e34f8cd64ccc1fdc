"""Socket Mode: Slack's requests over a WebSocket opened with the app-level token."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from typing import Any

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from config import Settings
from handlers.shapes import problem

log = logging.getLogger("samverkan.server")


def serve_socket(app: App, settings: Settings) -> int:
    """Serve Slack's requests over Socket Mode until SIGTERM or Ctrl-C."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk.socket_mode.response import SocketModeResponse

    # The handler opens its WebSocket with apps.connections.open on app.client, so it honours
    # SLACK_API_URL and the retry handlers too.
    class CheckedHandler(SocketModeHandler):
        """Checks each envelope's payload as HTTP mode checks a body, before Bolt reads it."""

        def handle(self, client: Any, req: Any) -> None:
            found = problem(req.payload)
            if found is not None:
                # Acked, so Slack does not send it again; nothing of it runs.
                log.warning("refused a malformed request: %s", found)
                client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
                return
            super().handle(client, req)

    handler = CheckedHandler(app, app_token=settings.app_token, web_client=app.client)
    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        try:
            handler.connect()
        except SlackApiError as e:
            # Slack refused the app-level token: one line that says what to fix, no traceback.
            print(
                f"bot.py: Slack refused to open Socket Mode ({e.response.get('error')}): "
                "check SLACK_APP_TOKEN (an xapp- token with connections:write).",
                file=sys.stderr,
            )
            return 2
        except OSError as e:
            print(f"bot.py: Socket Mode could not connect: {e}", file=sys.stderr)
            return 2
        log.info("Socket Mode: connected")
        stop.wait()
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        handler.close()
    return 0
