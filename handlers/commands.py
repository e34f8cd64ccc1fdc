"""The slash command: one call into the domain, the reply in the HTTP response (the ack)."""

from __future__ import annotations

import time
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.cards import tag_source
from blocks.files import import_modal
from blocks.kit import message_payload
from blocks.modals import BUILDERS
from blocks.observe_modal import observe_modal
from handlers.common import (
    after_ack,
    command_context,
    learn_locale,
    log,
    prompt_client,
    publish_homes,
    samverkan_of,
    typed_text,
)
from handlers.effects import carry_out
from handlers.files import send_files
from samverkan.digest import record_manual_digest
from samverkan.i18n import t
from samverkan.interactive import open_form
from samverkan.observe_form import open_observe_form
from samverkan.reply import EntryActions, Item, Note, Reply, Section
from samverkan.service import Context, Samverkan
from storage import StoreError


def command_response(reply: Reply, source: str) -> dict[str, Any]:
    """The ack body of a command's reply: Block Kit with its text fallback, and who sees it."""
    payload = message_payload(reply)
    if reply.visibility == "channel":
        payload["response_type"] = "in_channel"
    else:
        payload["response_type"] = "ephemeral"
        payload["blocks"] = tag_source(payload["blocks"], source)
    return payload


def handle_command(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """The root slash command (SAMVERKAN_COMMAND): run it, and ack with the reply."""
    samverkan = samverkan_of(context)
    ctx = command_context(body)
    text = typed_text(body.get("text") or "")
    reply = samverkan.run(ctx, text)
    if reply.modal:
        ack(**_open_modal(samverkan, client, ctx, reply, body.get("trigger_id") or ""))
        return
    if reply.ok and reply.plan_id is not None and reply.posts_digest:
        ack(**_post_digest(samverkan, client, ctx, reply, text))
        return
    if reply.ok and reply.shows and reply.plan_id is not None and reply.visibility == "channel":
        ack(**_post_shown(samverkan, client, ctx, reply, text))
    else:
        ack(**command_response(reply, text))
    if any(e.kind in ("direct_message", "update_messages") for e in reply.effects):
        after_ack(carry_out, client, samverkan, reply)
    if reply.files:
        after_ack(send_files, client, ctx.user_id, reply)
    if reply.touched_users:
        after_ack(publish_homes, client, samverkan, ctx.team_id, reply.touched_users)
    # Once per person: their Slack locale, for their own surfaces from now on (known people,
    # remembered in the process, cost no work after the ack at all).
    if not samverkan.locale_remembered(ctx.team_id, ctx.user_id):
        after_ack(learn_locale, client, samverkan, ctx.team_id, ctx.user_id)


def _open_modal(
    samverkan: Samverkan, client: WebClient, ctx: Context, reply: Reply, trigger_id: str
) -> dict[str, Any]:
    """Open the modal a command asked for; the ack is empty, or says why it did not open."""
    if reply.modal == "import":
        # The domain has checked who may import; the form only asks for the file.
        view = import_modal(reply.lang, ctx.channel_id)
    elif reply.modal == "observe":
        found = open_observe_form(samverkan, ctx)
        if isinstance(found, Reply):
            return command_response(found, "")
        view = observe_modal(found)
    else:
        form = open_form(samverkan, ctx, reply.modal or "")
        if isinstance(form, Reply):
            return command_response(form, "")
        view = BUILDERS[form.kind](form)
    try:
        prompt_client(client).views_open(trigger_id=trigger_id, view=view)
    except (SlackApiError, OSError) as e:
        log.warning(
            "views.open failed: %s",
            e.response.get("error") if isinstance(e, SlackApiError) else repr(e),
        )
        text = t(reply.lang, "modal.open_failed")
        return command_response(Reply(text, [Section("⚠️ " + text)], ok=False), "")
    return {}


def _post_digest(
    samverkan: Samverkan, client: WebClient, ctx: Context, digest: Reply, text: str
) -> dict[str, Any]:
    """`digest now`: post the digest with chat.postMessage and answer the coordinator privately.

    Posted by the bot (not as the command's answer), it has a ts, so when this week's scheduled
    digest is still to come today it is recorded as that one and the schedule skips the week
    (samverkan.digest.record_manual_digest). A channel the bot cannot post in still gets the
    digest as the command's answer, as before.
    """
    payload = message_payload(digest)
    started = time.time()
    unsure = t(digest.lang, "digest.post_unsure")
    try:
        answer = prompt_client(client).chat_postMessage(
            channel=ctx.channel_id, unfurl_links=False, unfurl_media=False, **payload
        )
        ts: str | None = str(answer["ts"])
    except SlackApiError as e:
        log.warning("digest now: chat.postMessage failed: %s", e.response.get("error"))
        if getattr(e.response, "status_code", 200) < 500:
            # Refused outright (not in the channel, rate limited): nothing was posted.
            return command_response(digest, text)
        # A 5xx may come after Slack posted it: look in the channel before showing it twice.
        ts = _posted_since(client, ctx.channel_id, payload["text"], started)
        if ts is None:
            return command_response(digest, text)
    except OSError as e:
        # No answer in time: it may or may not be in the channel; never risk a second one.
        log.warning("digest now: chat.postMessage did not answer: %r", e)
        ts = None
    if not ts:
        return command_response(Reply(unsure, [Section("⚠️ " + unsure)], ok=False), "")
    assert digest.plan_id is not None
    record_manual_digest(samverkan.store, digest.plan_id, samverkan.clock(), ts)
    posted = t(digest.lang, "digest.posted")
    return command_response(Reply(posted, [Section(posted)], lang=digest.lang), "")


def _posted_since(client: WebClient, channel: str, text: str, since: float) -> str | None:
    """The ts of the bot's message with `text` posted in `channel` since `since`; "" when the
    channel cannot be read (so whether it was posted is unknown), None when it is not there."""
    try:
        history = prompt_client(client).conversations_history(
            channel=channel, oldest=f"{since - 5:.6f}", limit=50
        )
    except (SlackApiError, OSError) as e:
        log.warning("digest now: could not look in the channel: %r", e)
        return ""
    for message in history.get("messages") or []:
        if message.get("bot_id") and message.get("text") == text:
            return str(message.get("ts"))
    return None


def _post_shown(
    samverkan: Samverkan, client: WebClient, ctx: Context, reply: Reply, text: str
) -> dict[str, Any]:
    """A confirmation that shows an item (`log`, `follow`): posted by the bot, so its channel
    and ts are recorded and a later `delete` can update it; the command's answer is private.
    Where the bot may not post, the answer is the confirmation, as before, and says so."""
    assert reply.shows is not None and reply.plan_id is not None
    try:
        answer = prompt_client(client).chat_postMessage(
            channel=ctx.channel_id, unfurl_links=False, unfurl_media=False, **message_payload(reply)
        )
    except (SlackApiError, OSError) as e:
        error = e.response.get("error") if isinstance(e, SlackApiError) else repr(e)
        log.info("posting a confirmation failed (%s); answering with it", error)
        invite = t(reply.lang, "posted.invite_bot")
        fallback = Reply(
            reply.text + "\n" + invite,
            [*reply.items, Note(invite)],
            visibility="channel",
            lang=reply.lang,
            plan_id=reply.plan_id,
        )
        return command_response(fallback, text)
    try:
        samverkan.record_posted(
            reply.plan_id, reply.shows, str(answer["channel"]), str(answer["ts"])
        )
    except StoreError as e:
        # The entry is saved and posted; only a later `delete` cannot update this message.
        log.warning("the posted confirmation of %s could not be recorded: %s", reply.shows, e)
    done = t(reply.lang, "posted.in_channel", ref=reply.shows, cmd=samverkan.command)
    # Shown to its author: Edit / Delete under it.
    items: list[Item] = [Section(done), EntryActions(reply.plan_id, reply.shows)]
    return command_response(Reply(done, items, lang=reply.lang), "")
