"""Edit / Delete under an entry shown to its author, and the Edit form's submission."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from blocks import ids
from blocks.corrections import edit_modal, split_entry_value
from blocks.form_values import read_values
from blocks.kit import message_payload
from blocks.modals import error_block
from handlers.common import after_ack, open_modal, payload_context, samverkan_of, tell
from handlers.effects import carry_out
from samverkan.context import UserError
from samverkan.interactive import form_error, stale_reply
from samverkan.reply import Reply


def handle_entry_edit_clicked(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Edit: the form with the entry's text, when the person may edit it."""
    ack()
    samverkan, ctx = samverkan_of(context), payload_context(body)
    parsed = split_entry_value(action.get("value"))
    found = (
        samverkan.entry_text(ctx, parsed[0], parsed[1]) if parsed else stale_reply(samverkan, ctx)
    )
    if isinstance(found, Reply):
        tell(client, body, found)
        return
    assert parsed is not None
    lang, text = found
    open_modal(client, body, edit_modal(lang, parsed[0], parsed[1], text), lang)


def handle_entry_delete_clicked(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
    context: BoltContext,
) -> None:
    """Delete (confirmed in Slack's dialog): the entry and every trace of its text."""
    ack()
    samverkan, ctx = samverkan_of(context), payload_context(body)
    parsed = split_entry_value(action.get("value"))
    if parsed is None:
        reply = stale_reply(samverkan, ctx)
    else:
        reply = samverkan.delete_entry(ctx, parsed[0], parsed[1])
    if body.get("response_url"):
        respond(replace_original=True, **message_payload(reply))
    else:  # no message to replace (a request without one): the person is told in a DM
        tell(client, body, reply)
    if reply.ok:
        after_ack(carry_out, client, samverkan, reply)


def handle_edit_form_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The Edit form: the corrected text, refused under the field when it may not be saved."""
    samverkan, ctx = samverkan_of(context), payload_context(body)
    parsed = split_entry_value(view.get("private_metadata"))
    state = (view.get("state") or {}).get("values") or {}
    text = str(read_values(state).get(ids.TEXT_BLOCK) or "")
    if parsed is None:
        ack(response_action="errors", errors={ids.TEXT_BLOCK: stale_reply(samverkan, ctx).text})
        return
    try:
        reply = samverkan.edit_entry(ctx, parsed[0], parsed[1], text)
    except UserError as e:
        lang = samverkan.language_of_plan(parsed[0])
        ack(
            response_action="errors",
            errors={error_block(view, e.field): form_error(samverkan, lang, e)},
        )
        return
    ack()
    after_ack(carry_out, client, samverkan, reply)
