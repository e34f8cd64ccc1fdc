"""Shortcuts: "Log as action", "Create follow-up" and "Report as observation" on a message,
and a global "New log"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.modals import follow_modal, log_modal
from blocks.observe_modal import observe_modal
from handlers.common import (
    after_ack,
    log,
    open_log_form,
    open_modal,
    payload_context,
    permalink_of,
    samverkan_of,
    tell,
    typed_text,
)
from samverkan.interactive import Form, open_form
from samverkan.observe_form import ObserveForm, open_observe_form
from samverkan.reply import Reply
from samverkan.service import Samverkan


class MessageModal(Protocol):
    """A modal builder that can carry the message a shortcut was used on."""

    def __call__(
        self,
        form: Form,
        *,
        text: str = "",
        permalink: str | None = None,
        message_ts: str | None = None,
    ) -> dict: ...


#: The forms a message shortcut opens (by Form.kind); only these take a message's text.
MESSAGE_MODALS: dict[str, MessageModal] = {"log": log_modal, "follow": follow_modal}


def handle_log_message_shortcut(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """The "Log as action" message shortcut: the log modal with the message's text."""
    ack()
    _open_from_message(samverkan_of(context), "log", body, client, respond)


def handle_follow_message_shortcut(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """The "Create follow-up" message shortcut: the follow-up modal with the message's text."""
    ack()
    _open_from_message(samverkan_of(context), "follow", body, client, respond)


def handle_new_log_shortcut(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The global "New log" shortcut: the log modal across the person's plans."""
    ack()
    open_log_form(samverkan_of(context), client, body)


def _open_from_message(
    samverkan: Samverkan, kind: str, body: dict[str, Any], client: WebClient, respond: Respond
) -> None:
    """Open the `kind` modal with the message's text; its permalink follows after the ack."""
    ctx = payload_context(body)
    form = open_form(samverkan, ctx, kind)
    if isinstance(form, Reply):
        tell(client, body, form, respond)
        return
    message = body.get("message") or {}
    ts = str(body.get("message_ts") or message.get("ts") or "")
    text = typed_text(str(message.get("text") or ""))
    view = MESSAGE_MODALS[kind](form, text=text, message_ts=ts or None)
    opened = open_modal(client, body, view, form.lang, respond)
    if opened and opened.get("id") and ts:
        after_ack(add_permalink, client, opened["id"], form, text, ctx.channel_id, ts)


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
    view = MESSAGE_MODALS[form.kind](form, text=text, permalink=permalink, message_ts=ts)
    try:
        client.views_update(view_id=view_id, view=view)
    except SlackApiError as e:
        log.warning("views.update with the permalink failed: %s", e.response.get("error"))


def handle_observe_message_shortcut(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """The "Report as observation" message shortcut: the observation form with the message's
    text and permalink (looked up before the form opens would risk the trigger: it follows)."""
    ack()
    samverkan = samverkan_of(context)
    ctx = payload_context(body)
    message = body.get("message") or {}
    text = typed_text(str(message.get("text") or ""))
    found = open_observe_form(samverkan, ctx, text=text)
    if isinstance(found, Reply):
        tell(client, body, found, respond)
        return
    opened = open_modal(client, body, observe_modal(found), found.lang, respond)
    ts = str(body.get("message_ts") or message.get("ts") or "")
    if opened and opened.get("id") and ts:
        after_ack(_observe_permalink, client, opened["id"], found, ctx.channel_id, ts)


def _observe_permalink(
    client: WebClient, view_id: str, form: ObserveForm, channel_id: str, ts: str
) -> None:
    """Put the message's permalink into the open observation form (views.update)."""
    permalink = permalink_of(client, channel_id, ts)
    if not permalink:
        return
    try:
        client.views_update(view_id=view_id, view=observe_modal(replace(form, permalink=permalink)))
    except SlackApiError as e:
        log.warning("views.update with the permalink failed: %s", e.response.get("error"))
