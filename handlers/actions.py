"""Buttons: Done / Snooze on every listed follow-up, and the App Home's Log button."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.cards import replace_card, source_of, tag_source
from blocks.kit import message_payload
from blocks.modals import BUILDERS, notice_modal
from blocks.text import mrkdwn_to_text
from handlers.common import after_ack, log, payload_context, publish_homes
from samverkan.interactive import Press, open_form, press_followup, redraw_list
from samverkan.reply import Reply
from samverkan.service import Context, Samverkan

FOLLOWUP_BUTTONS = {
    ids.FOLLOWUP_DONE: "done",
    ids.FOLLOWUP_SNOOZE_DAY: "day",
    ids.FOLLOWUP_SNOOZE_WEEK: "week",
}


def register(app: App, service: Samverkan) -> None:
    """Listen to the follow-up buttons and the App Home's Log button."""

    def on_followup_button(what: str):
        def handle_followup_clicked(
            ack: Ack,
            body: dict[str, Any],
            action: dict[str, Any],
            client: WebClient,
            respond: Respond,
        ) -> None:
            ack()
            ctx = payload_context(body)
            press = press_followup(service, ctx, str(action.get("value") or ""), what)
            in_home = (body.get("container") or {}).get("type") == "view"
            if in_home:
                if not press.ok:
                    _notice(client, body, press.reply)
            elif press.ok:
                _redraw(service, ctx, body, action, press, client, respond)
            else:
                respond(response_type="ephemeral", replace_original=False, **_payload(press.reply))
            touched = set(press.reply.touched_users)
            if in_home:
                touched.add(ctx.user_id)
            if touched:
                after_ack(publish_homes, client, service, ctx.team_id, touched)

        handle_followup_clicked.__name__ = f"handle_{what}_clicked"
        return handle_followup_clicked

    for action_id, what in FOLLOWUP_BUTTONS.items():
        app.action(action_id)(on_followup_button(what))

    def handle_home_log_clicked(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        ctx = payload_context(body)
        form = open_form(service, Context(ctx.team_id, "", ctx.user_id), "log")
        if isinstance(form, Reply):
            _notice(client, body, form)
            return
        client.views_open(trigger_id=body["trigger_id"], view=BUILDERS["log"](form))

    app.action(ids.HOME_LOG)(handle_home_log_clicked)


def _payload(reply: Reply) -> dict[str, Any]:
    return message_payload(reply)


def _notice(client: WebClient, body: dict[str, Any], reply: Reply) -> None:
    """Tell something where there is no channel to answer in: a small modal."""
    try:
        client.views_open(trigger_id=body["trigger_id"], view=notice_modal(reply.lang, reply.text))
    except SlackApiError as e:
        log.warning("views.open for a notice failed: %s", e.response.get("error"))


def _redraw(
    service: Samverkan,
    ctx: Context,
    body: dict[str, Any],
    action: dict[str, Any],
    press: Press,
    client: WebClient,
    respond: Respond,
) -> None:
    """Show the follow-up's new state in the message that carried the button."""
    block_id = str(action.get("block_id") or "")
    message = body.get("message")
    if message and press.card is not None:
        # A message everyone sees (digest, reminder, channel reply): redraw this one card.
        blocks = replace_card(message.get("blocks") or [], block_id, press.card, press.lang)
        if blocks is not None:
            fallback = message.get("text") or mrkdwn_to_text(press.card.text)
            if body.get("response_url"):
                respond(replace_original=True, text=fallback, blocks=blocks)
            else:
                container = body.get("container") or {}
                client.chat_update(
                    channel=container.get("channel_id") or ctx.channel_id,
                    ts=container.get("message_ts") or message.get("ts"),
                    text=fallback,
                    blocks=blocks,
                )
            return
    source = source_of(block_id)
    fresh = redraw_list(service, ctx, source) if source and not message else None
    if fresh is not None:
        # An ephemeral list: Slack keeps no copy to send, so draw the list again.
        payload = message_payload(fresh)
        payload["blocks"] = tag_source(payload["blocks"], source or "")
        respond(replace_original=True, **payload)
        return
    respond(response_type="ephemeral", replace_original=False, **_payload(press.reply))
