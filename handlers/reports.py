"""The tertial reminder's button (DESIGN §11): the report of that tertial, made for the
coordinator who clicked and sent to them as files in a DM (handlers.files)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import message_payload
from handlers.common import after_ack, log, payload_context, samverkan_of
from handlers.files import send_files
from samverkan.reply import Reply
from samverkan.report.reminder import report_from_button
from samverkan.service import Context, Samverkan


def handle_report_button_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """*Make the tertial report*: acked at once; the report is made and sent after the ack."""
    ack()
    samverkan = samverkan_of(context)
    ctx = payload_context(body)
    after_ack(_make_and_send, client, samverkan, ctx, str(action.get("value") or ""))


def _make_and_send(client: WebClient, samverkan: Samverkan, ctx: Context, value: str) -> None:
    reply: Reply = report_from_button(samverkan, ctx, value)
    if reply.ok and reply.files:
        send_files(client, ctx.user_id, reply)
        return
    try:
        opened = client.conversations_open(users=ctx.user_id)
        client.chat_postMessage(channel=str(opened["channel"]["id"]), **message_payload(reply))
    except (SlackApiError, OSError, KeyError, TypeError) as e:
        log.warning("could not answer the report button: %r", type(e).__name__)
