"""The slash command: one call into the domain, the reply in the HTTP response (the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.cards import tag_source
from blocks.kit import message_payload
from blocks.modals import BUILDERS
from handlers.common import after_ack, command_context, log, publish_homes, typed_text
from samverkan.i18n import t
from samverkan.interactive import open_form
from samverkan.reply import Reply, Section
from samverkan.service import Samverkan


def command_response(reply: Reply, source: str) -> dict[str, Any]:
    """The ack body of a command's reply: Block Kit with its text fallback, and who sees it."""
    payload = message_payload(reply)
    if reply.visibility == "channel":
        payload["response_type"] = "in_channel"
    else:
        payload["response_type"] = "ephemeral"
        payload["blocks"] = tag_source(payload["blocks"], source)
    return payload


def register(app: App, service: Samverkan) -> None:
    """Listen to the root slash command (SAMVERKAN_COMMAND)."""

    def handle_command(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ctx = command_context(body)
        text = typed_text(body.get("text") or "")
        reply = service.run(ctx, text)
        if reply.modal:
            ack(**_open_modal(service, client, ctx, reply, body.get("trigger_id") or ""))
            return
        ack(**command_response(reply, text))
        if reply.touched_users:
            after_ack(publish_homes, client, service, ctx.team_id, reply.touched_users)

    app.command(service.command)(handle_command)


def _open_modal(
    service: Samverkan, client: WebClient, ctx, reply: Reply, trigger_id: str
) -> dict[str, Any]:
    """Open the modal a command asked for; the ack is empty, or says why it did not open."""
    form = open_form(service, ctx, reply.modal or "")
    if isinstance(form, Reply):
        return command_response(form, "")
    try:
        client.views_open(trigger_id=trigger_id, view=BUILDERS[form.kind](form))
    except SlackApiError as e:
        log.warning("views.open failed: %s", e.response.get("error"))
        text = t(reply.lang, "modal.open_failed")
        return command_response(Reply(text, [Section("⚠️ " + text)], ok=False), "")
    return {}
