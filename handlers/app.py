"""The Bolt app: its Web API client, its settings, and every listener (see `handlers.register`).

The app runs listeners with `process_before_response=True`: the reply is computed and
committed before the HTTP response goes out, so Slack's answer is the reply itself and no
ack-polling loop sits in the path (Bolt's default waits for ack() in a 10 ms loop).
"""

from __future__ import annotations

import logging

from slack_bolt import App

from config import Settings
from handlers import register
from samverkan.service import Samverkan
from slackapi.clients import web_client


def build_app(samverkan: Samverkan, settings: Settings, mode: str) -> App:
    """The Bolt app with every listener registered (checks the bot token with auth.test)."""
    logging.getLogger("slack_bolt.App").addFilter(_SameTokenNotice())
    # Bolt logs the whole body of a request it refuses; that body may hold what a person typed
    # (even a personal identity number), so only the refusal itself is logged (DESIGN §6).
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_RefusalWithoutBody())
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
