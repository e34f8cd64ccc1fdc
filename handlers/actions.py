"""Buttons: Done / Snooze on every listed follow-up (or its menu, in the digest), the App
Home's Log and Report buttons, and the weekly round's two buttons."""

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
from blocks.observe_modal import observe_modal
from blocks.round import round_payload
from handlers.common import (
    after_ack,
    log,
    open_log_form,
    open_modal,
    payload_context,
    post_reply,
    publish_homes,
    samverkan_of,
    tell,
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
from samverkan.observe_form import ObserveForm, open_observe_form
from samverkan.reply import Reply, Section
from samverkan.round import RoundAnswer, answer_nothing, parse_week_key, week_key
from samverkan.service import Context, Samverkan

#: What each follow-up button does, as the digest's menu names it.
BUTTON_CHOICES = {
    ids.FOLLOWUP_DONE: ids.MENU_DONE,
    ids.FOLLOWUP_SNOOZE_DAY: ids.MENU_SNOOZE_DAY,
    ids.FOLLOWUP_SNOOZE_WEEK: ids.MENU_SNOOZE_WEEK,
}


def handle_followup_button_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """A follow-up's Done, Snooze 1 day or Snooze 1 week button."""
    ack()
    choice = BUTTON_CHOICES[str(action.get("action_id"))]
    _press(Click(samverkan_of(context), body, action, client, respond), choice)


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
        click.say(reply)
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
        click.delete()
    elif not click.replace(**message_payload(reply)):
        click.say(reply)
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

    def say(self, reply: Reply) -> None:
        """Tell the person privately: under the click (response_url), else in a direct message
        (a click in a view, or a request without one)."""
        tell(self.client, self.body, reply, self.respond)

    def replace(self, **payload: Any) -> bool:
        """Replace the clicked message; False when the request has no response_url for it."""
        if not self.body.get("response_url"):
            return False
        self.respond(replace_original=True, **payload)
        return True

    def delete(self) -> None:
        """Delete the clicked message (when the request says where it is)."""
        if self.body.get("response_url"):
            self.respond(delete_original=True)


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
    if press.ok and not _in_plan_channel_message(click, press):
        # Done from `mine`, the App Home or a reminder: the channel learns it as from `done F1`.
        post_reply(click.client, press.channel or "", click.ctx.user_id, press.reply)
    if not in_home and not press.ok:
        click.say(press.reply)
    touched = set(press.reply.touched_users)
    if in_home:
        touched.add(click.ctx.user_id)
    if touched:
        publish_homes(click.client, click.samverkan, click.ctx.team_id, touched)


def _in_plan_channel_message(click: Click, press: Press) -> bool:
    """Whether the click was on a message everyone in the plan's channel sees (a digest)."""
    container = click.body.get("container") or {}
    if container.get("type") == "view" or container.get("is_ephemeral"):
        return False
    channel = container.get("channel_id") or click.ctx.channel_id
    return bool(click.body.get("message")) and channel == press.channel


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
        # An ephemeral list: Slack keeps no copy to send, so draw the list again, under what
        # the click did (✅ F1 done: …), so the follow-up does not just vanish.
        fresh.items.insert(0, Section(press.reply.text))
        fresh.text = f"{press.reply.text}\n{fresh.text}"
        payload = message_payload(fresh)
        payload["blocks"] = tag_source(payload["blocks"], source or "")
        if not click.replace(**payload):
            click.say(fresh)
        return
    click.say(press.reply)


# -- the weekly round and the observation form ------------------------------------------------


def handle_round_report_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The round's *Report an observation*: the observation form for the plan it names."""
    ack()
    samverkan = samverkan_of(context)
    ctx = payload_context(body)
    plan_id, _ = _round_value(action)
    found = open_observe_form(samverkan, ctx, plan_id=plan_id, from_round=True)
    _open_observe(client, body, found)


def handle_round_nothing_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The round's *Nothing to report*: recorded, and the message says so in place."""
    ack()
    samverkan = samverkan_of(context)
    ctx = payload_context(body)
    plan_id, week = _round_value(action)
    if plan_id is None or week is None:
        return
    answer = answer_nothing(samverkan, ctx, plan_id, week)
    after_ack(_show_round_answer, client, body, answer, plan_id, week, ctx.user_id)


def handle_home_observe_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The App Home's *Report an observation* (a button, or a choice among the person's plans):
    the form for that plan."""
    ack()
    ctx = payload_context(body)
    picked = (action.get("selected_option") or {}).get("value") or action.get("value")
    plan_id = (
        int(picked) if isinstance(picked, str) and picked.isdigit() and len(picked) < 19 else None
    )
    found = open_observe_form(
        samverkan_of(context), Context(ctx.team_id, "", ctx.user_id), plan_id=plan_id
    )
    _open_observe(client, body, found)


def _round_value(action: dict[str, Any]) -> tuple[int | None, tuple[int, int] | None]:
    plan, _, week = str(action.get("value") or "").partition(":")
    return (int(plan) if plan.isdigit() else None), parse_week_key(week)


def _open_observe(client: WebClient, body: dict[str, Any], found: ObserveForm | Reply) -> None:
    if isinstance(found, Reply):
        open_modal(client, body, notice_modal(found.lang, found.text), found.lang)
    else:
        open_modal(client, body, observe_modal(found), found.lang)


def _show_round_answer(
    client: WebClient,
    body: dict[str, Any],
    answer: RoundAnswer,
    plan_id: int,
    week: tuple[int, int],
    user_id: str,
) -> None:
    """Update the round's message in place, or say why the answer was refused."""
    if not answer.ok or answer.message is None:
        tell(client, body, Reply(answer.text, [Section("⚠️ " + answer.text)], ok=False))
        return
    container = body.get("container") or {}
    channel = answer.channel_id or container.get("channel_id")
    ts = answer.ts or container.get("message_ts")
    if not channel or not ts:
        return
    payload = round_payload(answer.message, plan_id, week_key(week), user_id)
    try:
        client.chat_update(channel=channel, ts=ts, **payload)
    except SlackApiError as e:
        log.info("chat.update of the round message failed: %s", e.response.get("error"))
