"""Sending the daily reminder messages (DESIGN §4); who gets what is decided in
`samverkan.reminders`, which records it before anything is sent.

A reminder is sent at most once per follow-up and day: the record commits first, so a run that
dies half-way, a second run, or a restart never repeats one. A reminder Slack refuses (after
the client's own rate-limit retries) is logged and not tried again that day; the follow-up is
still due tomorrow and is listed again then. 5xx answers are not retried for the same reason.
"""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Callable
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import message_payload
from samverkan.reminders import claim_reminders
from samverkan.service import Samverkan
from slackapi.installs import TeamClients, team_clients
from storage import StoreError

log = logging.getLogger(__name__)


class ReminderDelivery:
    """Sends the reminder messages of one timezone's plans."""

    def __init__(
        self, app: Samverkan, client: WebClient | TeamClients, *, clock: Callable[[], datetime]
    ) -> None:
        self.app = app
        self.clients = team_clients(client)
        self.clock = clock
        self._lock = threading.Lock()

    def run(self, timezone: str) -> int:
        """Send today's reminders of the plans in `timezone`; returns how many went out."""
        with self._lock:
            try:
                reminders = claim_reminders(self.app, timezone, self.clock())
            except StoreError as e:
                log.warning("reminders for %s: %s", timezone, e)
                return 0
            sent = 0
            for r in reminders:
                payload = message_payload(r.reply)
                try:
                    client = self.clients.for_team(r.team_id)
                    if client is None:
                        log.warning(
                            "reminder to %s not sent: its workspace is not installed", r.user_id
                        )
                        continue
                    # A user id as the channel posts in the bot's direct message with them.
                    client.chat_postMessage(
                        channel=r.user_id,
                        text=payload["text"],
                        blocks=payload["blocks"],
                        unfurl_links=False,
                        unfurl_media=False,
                    )
                    sent += 1
                except SlackApiError as e:
                    error = e.response.get("error") if isinstance(e.response.data, dict) else None
                    log.warning("reminder to %s not sent: %s", r.user_id, error or e)
                except (OSError, http.client.HTTPException) as e:
                    log.warning("reminder to %s not sent: %r", r.user_id, e)
            if reminders:
                log.info("reminders for %s: %d of %d sent", timezone, sent, len(reminders))
            return sent
