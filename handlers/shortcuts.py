"""Shortcuts: "Log as action" and "Create follow-up" on a message, and a global "New log"."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.kit import message_payload
from blocks.modals import BUILDERS, notice_modal
from handlers.common import log, payload_context, typed_text
from samverkan.interactive import open_form
from samverkan.reply import Reply
from samverkan.service import Context, Samverkan

MESSAGE_SHORTCUTS = {ids.LOG_FROM_MESSAGE: "log", ids.FOLLOW_FROM_MESSAGE: "follow"}


def permalink_of(client: WebClient, channel_id: str, ts: str) -> str | None:
    """The message's permalink (chat.getPermalink), or None when Slack cannot give it."""
    try:
        return client.chat_getPermalink(channel=channel_id, message_ts=ts).get("permalink")
    except SlackApiError as e:
        log.warning("chat.getPermalink failed: %s", e.response.get("error"))
        return None


def register(app: App, service: Samverkan) -> None:
    """Listen to the message shortcuts and the global shortcut."""

    def on_message_shortcut(kind: str):
        def handle_message_shortcut(
            ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond
        ) -> None:
            ack()
            ctx = payload_context(body)
            form = open_form(service, ctx, kind)
            if isinstance(form, Reply):
                respond(response_type="ephemeral", **message_payload(form))
                return
            message = body.get("message") or {}
            ts = str(body.get("message_ts") or message.get("ts") or "")
            permalink = permalink_of(client, ctx.channel_id, ts) if ts else None
            text = typed_text(str(message.get("text") or ""))
            view = BUILDERS[kind](form, text=text, permalink=permalink)
            client.views_open(trigger_id=body["trigger_id"], view=view)

        handle_message_shortcut.__name__ = f"handle_{kind}_from_message"
        return handle_message_shortcut

    for callback_id, kind in MESSAGE_SHORTCUTS.items():
        app.message_shortcut(callback_id)(on_message_shortcut(kind))

    def handle_new_log_shortcut(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        ctx = payload_context(body)
        form = open_form(service, Context(ctx.team_id, "", ctx.user_id), "log")
        if isinstance(form, Reply):
            view = notice_modal(form.lang, form.text)
        else:
            view = BUILDERS["log"](form)
        client.views_open(trigger_id=body["trigger_id"], view=view)

    app.global_shortcut(ids.GLOBAL_NEW_LOG)(handle_new_log_shortcut)
