"""Effects of a reply that reach beyond the answer: direct messages, and the bot's own messages
updated in place (a join request's DMs once it is decided)."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import message_payload
from handlers.common import log
from samverkan.reply import Reply
from samverkan.service import Samverkan


def carry_out(client: WebClient, samverkan: Samverkan, reply: Reply) -> None:
    """Send the reply's direct messages and update the messages it names (after the ack)."""
    for effect in reply.effects:
        if effect.message is None:
            continue
        payload = message_payload(effect.message)
        if effect.kind == "direct_message":
            for user in sorted(effect.users):
                try:
                    answer = client.chat_postMessage(channel=user, **payload)
                except SlackApiError as e:
                    log.warning("a direct message could not be sent: %s", e.response.get("error"))
                    continue
                if effect.join_request is not None:
                    samverkan.record_join_message(
                        effect.join_request, str(answer["channel"]), str(answer["ts"])
                    )
        elif effect.kind == "update_messages":
            for channel, ts in effect.messages:
                try:
                    client.chat_update(channel=channel, ts=ts, **payload)
                except SlackApiError as e:
                    log.info("chat.update of %s failed: %s", ts, e.response.get("error"))
