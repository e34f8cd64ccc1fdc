"""Shortcuts: "Log as action" and "Create follow-up" on a message, and a global "New log"."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.kit import message_payload
from blocks.modals import BUILDERS
from handlers.common import (
    after_ack,
    log,
    open_log_form,
    open_modal,
    payload_context,
    typed_text,
)
from samverkan.interactive import Form, open_form
from samverkan.reply import Reply
from samverkan.service import Samverkan

MESSAGE_SHORTCUTS = {ids.LOG_FROM_MESSAGE: "log", ids.FOLLOW_FROM_MESSAGE: "follow"}


def permalink_of(client: WebClient, channel_id: str, ts: str) -> str | None:
    """The message's permalink (chat.getPermalink), or None when Slack cannot give it."""
    try:
        return client.chat_getPermalink(channel=channel_id, message_ts=ts).get("permalink")
    except SlackApiError as e:
        log.warning("chat.getPermalink failed: %s", e.response.get("error"))
        return None


def add_permalink(
    client: WebClient, view_id: str, form: Form, text: str, channel_id: str, ts: str
) -> None:
    """Put the message's permalink into a modal already open (views.update).

    The modal opens first, while the trigger_id is fresh; the permalink, which may take a
    rate-limited call, follows. What the person typed in the meantime stays: the inputs keep
    their block and action ids. Should this fail, the submission looks the permalink up.
    """
    permalink = permalink_of(client, channel_id, ts)
    if not permalink:
        return
    view = BUILDERS[form.kind](form, text=text, permalink=permalink, message_ts=ts)
    try:
        client.views_update(view_id=view_id, view=view)
    except SlackApiError as e:
        log.warning("views.update with the permalink failed: %s", e.response.get("error"))


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
            text = typed_text(str(message.get("text") or ""))
            view = BUILDERS[kind](form, text=text, message_ts=ts or None)
            opened = open_modal(client, body, view, form.lang, respond)
            if opened and opened.get("id") and ts:
                after_ack(add_permalink, client, opened["id"], form, text, ctx.channel_id, ts)

        handle_message_shortcut.__name__ = f"handle_{kind}_from_message"
        return handle_message_shortcut

    for callback_id, kind in MESSAGE_SHORTCUTS.items():
        app.message_shortcut(callback_id)(on_message_shortcut(kind))

    def handle_new_log_shortcut(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        open_log_form(service, client, body)

    app.global_shortcut(ids.GLOBAL_NEW_LOG)(handle_new_log_shortcut)
