"""Buttons: Done / Snooze on every listed follow-up (or its menu, in the digest), and the App
Home's Log button."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.cards import replace_card, source_of, tag_source
from blocks.kit import message_payload, split_join_request_value, split_menu_value
from blocks.modals import notice_modal
from handlers.common import (
    after_ack,
    log,
    open_log_form,
    open_modal,
    payload_context,
    post_reply,
    publish_homes,
    samverkan_of,
)
from handlers.effects import carry_out
from handlers.shortcuts import MESSAGE_MODALS
from samverkan.interactive import (
    Form,
    Press,
    open_form,
    press_followup,
    redraw_list,
    stale_reply,
)
from samverkan.reply import Reply
from samverkan.service import Context, Samverkan


def handle_followup_done_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """A follow-up's Done button."""
    ack()
    _press(Click(samverkan_of(context), body, action, client, respond), ids.MENU_DONE)


def handle_followup_snooze_day_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """A follow-up's Snooze 1 day button."""
    ack()
    _press(Click(samverkan_of(context), body, action, client, respond), ids.MENU_SNOOZE_DAY)


def handle_followup_snooze_week_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """A follow-up's Snooze 1 week button."""
    ack()
    _press(Click(samverkan_of(context), body, action, client, respond), ids.MENU_SNOOZE_WEEK)


def handle_followup_menu_chosen(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """Done / Snooze chosen in the menu beside a one-line follow-up (the digest)."""
    ack()
    chosen = split_menu_value(str((action.get("selected_option") or {}).get("value") or ""))
    # An option that names nothing is answered like a stale button.
    value, what = chosen or ("", ids.MENU_DONE)
    _press(Click(samverkan_of(context), body, action, client, respond), what, value)


def handle_join_approve_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """Approve on a join request (a coordinator's DM)."""
    ack()
    _decide(Click(samverkan_of(context), body, action, client, respond), approve=True)


def handle_join_decline_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """Decline on a join request (a coordinator's DM)."""
    ack()
    _decide(Click(samverkan_of(context), body, action, client, respond), approve=False)


def _decide(click: Click, approve: bool) -> None:
    """Decide the request (committed before the ack goes out); its messages update after it."""
    parsed = split_join_request_value(str(click.action.get("value") or ""))
    if parsed is None:
        reply = stale_reply(click.samverkan, click.ctx)
    else:
        reply = click.samverkan.decide_join(click.ctx, parsed[0], parsed[1], approve)
    after_ack(_show_decision, click, reply)


def _show_decision(click: Click, reply: Reply) -> None:
    """Tell the coordinator privately when refused; else every message of the request updates,
    the requester is told, and App Homes that changed are published again."""
    if not reply.ok:
        click.respond(response_type="ephemeral", replace_original=False, **message_payload(reply))
        return
    carry_out(click.client, click.samverkan, reply)
    if reply.touched_users:
        publish_homes(click.client, click.samverkan, click.ctx.team_id, reply.touched_users)


def handle_personal_save_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """*Save anyway* under text that looked personal: the command again, confirmed."""
    ack()
    samverkan, click = (
        samverkan_of(context),
        Click(samverkan_of(context), body, action, client, respond),
    )
    ctx = replace(click.ctx, personal_ok=True)
    reply = samverkan.run(ctx, str(action.get("value") or ""))
    after_ack(_show_saved, click, reply)


def _show_saved(click: Click, reply: Reply) -> None:
    """The saved entry where the command was typed (recorded, for a later delete); the prompt
    is replaced by what happened."""
    if reply.ok and reply.visibility == "channel":
        posted = post_reply(click.client, click.ctx.channel_id, click.ctx.user_id, reply)
        if posted and reply.shows and reply.plan_id is not None:
            click.samverkan.record_posted(reply.plan_id, reply.shows, *posted)
        click.respond(delete_original=True)
    else:
        click.respond(replace_original=True, **message_payload(reply))
    carry_out(click.client, click.samverkan, reply)
    if reply.touched_users:
        publish_homes(click.client, click.samverkan, click.ctx.team_id, reply.touched_users)


def handle_personal_rewrite_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """*Rewrite* under text that looked personal: the form, with the text to rewrite."""
    ack()
    samverkan = samverkan_of(context)
    form_kind, _, text = str(action.get("value") or "").partition(":")
    ctx = payload_context(body)
    form = open_form(samverkan, ctx, form_kind) if form_kind in MESSAGE_MODALS else None
    if isinstance(form, Form):
        open_modal(client, body, MESSAGE_MODALS[form.kind](form, text=text), form.lang)
    elif isinstance(form, Reply):
        open_modal(client, body, notice_modal(form.lang, form.text), form.lang)


def handle_home_log_clicked(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The App Home's Log button: the log modal across the person's plans."""
    ack()
    open_log_form(samverkan_of(context), client, body)


@dataclass(frozen=True)
class Click:
    """A click on a follow-up button or menu: where it came from and how to answer it."""

    samverkan: Samverkan
    body: dict[str, Any]
    action: dict[str, Any]
    client: WebClient
    respond: Respond

    @property
    def ctx(self) -> Context:
        """Who clicked, and in which channel."""
        return payload_context(self.body)


def _press(click: Click, what: str, value: str | None = None) -> None:
    """Done or snoozed and committed before the ack goes out; shown after it."""
    if value is None:
        value = str(click.action.get("value") or "")
    press = press_followup(click.samverkan, click.ctx, value, what)
    after_ack(_show, click, press)


def _show(click: Click, press: Press) -> None:
    """The outcome of a press where it was made; App Homes that changed are published again."""
    in_home = (click.body.get("container") or {}).get("type") == "view"
    if in_home:
        if not press.ok:
            view = notice_modal(press.lang, press.reply.text)
            open_modal(click.client, click.body, view, press.lang)
    elif press.ok:
        _redraw(click, press)
    else:
        payload = message_payload(press.reply)
        click.respond(response_type="ephemeral", replace_original=False, **payload)
    touched = set(press.reply.touched_users)
    if in_home:
        touched.add(click.ctx.user_id)
    if touched:
        publish_homes(click.client, click.samverkan, click.ctx.team_id, touched)


def _update_message(click: Click, text: str, blocks: list) -> bool:
    """chat.update the bot's own message that carried the click; False when it cannot be.

    A digest or a reminder is clicked hours or days after it was posted, long after the
    click's response_url (30 minutes, 5 uses) has expired, so the message is updated directly.
    """
    container = click.body.get("container") or {}
    message = click.body.get("message") or {}
    channel = container.get("channel_id") or click.ctx.channel_id
    ts = container.get("message_ts") or message.get("ts")
    if not channel or not ts or container.get("is_ephemeral"):
        return False
    try:
        click.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        return True
    except SlackApiError as e:
        # Not the bot's own message (a command's reply Slack posted for it), or it is gone.
        log.info("chat.update of the clicked message failed: %s", e.response.get("error"))
        return False


def _redraw(click: Click, press: Press) -> None:
    """Show the follow-up's new state in the message that carried the button."""
    block_id = str(click.action.get("block_id") or "")
    message = click.body.get("message")
    if message and press.card is not None:
        # A message everyone sees (digest, reminder, channel reply): redraw this one card.
        blocks = replace_card(message.get("blocks") or [], block_id, press.card, press.lang)
        if blocks is not None:
            # The fallback stays mrkdwn as sent (escaped): decoded text could become markup.
            fallback = message.get("text") or press.card.text
            updated = _update_message(click, fallback, blocks)
            if not updated and click.body.get("response_url"):
                click.respond(replace_original=True, text=fallback, blocks=blocks)
            return
    source = source_of(block_id)
    fresh = redraw_list(click.samverkan, click.ctx, source) if source and not message else None
    if fresh is not None:
        # An ephemeral list: Slack keeps no copy to send, so draw the list again.
        payload = message_payload(fresh)
        payload["blocks"] = tag_source(payload["blocks"], source or "")
        click.respond(replace_original=True, **payload)
        return
    payload = message_payload(press.reply)
    click.respond(response_type="ephemeral", replace_original=False, **payload)
