"""Modal submissions: validated field by field, then confirmed where the form was opened."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.form_values import read_metadata, read_values
from blocks.modals import error_block, split_activity_value
from blocks.observe_modal import observe_error_block
from blocks.round import round_payload
from blocks.text import mrkdwn_to_text
from handlers.common import (
    after_ack,
    permalink_of,
    post_reply,
    prompt_client,
    publish_homes,
    samverkan_of,
    team_of,
)
from handlers.errors import log, log_failure
from handlers.shapes import USER_KINDS, is_slack_id
from samverkan.context import PersonalData
from samverkan.i18n import t
from samverkan.interactive import form_error, wrong_plan
from samverkan.observe_form import Submitted, submit_observation
from samverkan.production import form_number
from samverkan.reply import Reply
from samverkan.round import week_key
from samverkan.service import Context, Samverkan, UserError
from samverkan.text import esc, permalink_or_none
from storage import StoreError

#: A refusal under a field is plain text; keep it readable.
MAX_ERROR = 1000


#: What a date picker sends: `YYYY-MM-DD`.
_PICKED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day(value: str | None, field: str) -> date | None:
    """A date picker's date; a value no date picker sends is refused under that field."""
    if not value:
        return None
    try:
        if _PICKED.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise UserError("error.bad_date", field=field, value=esc(value, 40))


def _activity(values: dict[str, Any], channel_id: str) -> str | None:
    """The ref of the chosen activity, refused when it belongs to another plan."""
    chosen = split_activity_value(values.get(ids.ACTIVITY_BLOCK))
    if chosen is None:
        return None
    channel, ref = chosen
    if channel != channel_id:
        raise wrong_plan()
    return ref


def submit_log(samverkan: Samverkan, ctx: Context, values: dict, meta: dict) -> Reply:
    """The log modal's entry."""
    permalink = permalink_or_none(meta.get("permalink"))
    return samverkan.add_log(
        ctx,
        text=values.get(ids.TEXT_BLOCK) or "",
        activity=_activity(values, ctx.channel_id),
        on=_day(values.get(ids.DATE_BLOCK), "date"),
        source="message" if permalink else "modal",
        permalink=permalink,
        participants=form_number(values.get(ids.PARTICIPANTS_BLOCK), "participants"),
        hours=form_number(values.get(ids.HOURS_BLOCK), "hours"),
    )


def submit_follow(samverkan: Samverkan, ctx: Context, values: dict, meta: dict) -> Reply:
    """The follow-up modal's follow-up (to a person: a Slack user id from the users select)."""
    assignee = values.get(ids.ASSIGNEE_BLOCK) or ""
    if not is_slack_id(assignee, USER_KINDS):
        raise UserError("modal.choose_person", field="assignee")
    return samverkan.add_followup(
        ctx,
        assignee=assignee,
        text=values.get(ids.TEXT_BLOCK) or "",
        by=_day(values.get(ids.DUE_BLOCK), "due"),
        activity=_activity(values, ctx.channel_id),
        permalink=meta.get("permalink"),
    )


def submit_activity(samverkan: Samverkan, ctx: Context, values: dict, meta: dict) -> Reply:
    """The activity modal's activity."""
    return samverkan.add_activity(
        ctx,
        title=values.get(ids.TITLE_BLOCK) or "",
        owner=values.get(ids.OWNER_BLOCK) or None,
        due=_day(values.get(ids.DUE_BLOCK), "due"),
        cause=values.get(ids.CAUSE_BLOCK) or "",
        goal=values.get(ids.GOAL_BLOCK) or "",
        period=values.get(ids.PERIOD_BLOCK) or "",
        partners=list(values.get(ids.PARTNERS_BLOCK) or []),
        followup=values.get(ids.FOLLOWUP_TEXT_BLOCK) or "",
        kind=values.get(ids.KIND_BLOCK) or "",
    )


Submit = Callable[[Samverkan, Context, dict, dict], Reply]


def handle_log_form_submitted(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The log modal submitted: a log entry."""
    _submit(ack, body, client, samverkan_of(context), submit_log)


def handle_follow_form_submitted(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The follow-up modal submitted: a follow-up."""
    _submit(ack, body, client, samverkan_of(context), submit_follow)


def handle_activity_form_submitted(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The activity modal submitted: an activity."""
    _submit(ack, body, client, samverkan_of(context), submit_activity)


def refusal_under_field(
    samverkan: Samverkan, ctx: Context, values: dict[str, Any], lang: str, e: UserError
) -> str:
    """A form's refusal as the text under its field; text that looked personal is remembered,
    so the same submission sent again saves it anyway."""
    message = mrkdwn_to_text(form_error(samverkan, lang, e))[:MAX_ERROR]
    if isinstance(e, PersonalData):
        samverkan.remember_personal_warning(ctx, values)
        message = (message + " " + t(lang, "personal.form_again"))[:MAX_ERROR]
    return message


def _submit(
    ack: Ack, body: dict[str, Any], client: WebClient, samverkan: Samverkan, submit: Submit
) -> None:
    """Store what a modal submitted, or ack with the refusal under its field."""
    view = body["view"]
    meta = read_metadata(view.get("private_metadata"))
    if meta.get("message_ts") and not meta.get("permalink"):
        # Submitted before the permalink reached the modal (see shortcuts.add_permalink).
        meta["permalink"] = permalink_of(
            prompt_client(client), str(meta.get("channel_id") or ""), str(meta["message_ts"])
        )
    values = read_values((view.get("state") or {}).get("values") or {})
    channel = values.get(ids.PLAN_BLOCK) or meta.get("channel_id") or ""
    ctx = Context(team_of(body), str(channel), body["user"]["id"])
    lang = str(meta.get("lang") or samverkan.default_language)
    if samverkan.personal_confirmed(ctx, values):
        # The same text submitted again after the warning: *Save anyway*, in a form.
        ctx = replace(ctx, personal_ok=True)
    try:
        reply = submit(samverkan, ctx, values, meta)
    except UserError as e:
        # Nothing was stored; the refusal names the field and never repeats the text.
        message = refusal_under_field(samverkan, ctx, values, lang, e)
        ack(response_action="errors", errors={error_block(view, e.field): message})
        return
    except StoreError as e:
        # Busy, read-only, full: nothing was stored; the modal stays open and says why.
        message = samverkan.store_error_reply(ctx, e, f"form {view.get('callback_id')}").text
        ack(response_action="errors", errors={error_block(view, None): message[:MAX_ERROR]})
        return
    except Exception as e:
        # The modal stays open and says so, instead of Slack's bare "could not connect".
        log_failure(e, f"modal submission {view.get('callback_id')}")
        message = t(lang, "error.internal")
        ack(response_action="errors", errors={error_block(view, None): message})
        return
    ack()
    after_ack(_confirm, client, samverkan, ctx, reply)


def _confirm(client: WebClient, samverkan: Samverkan, ctx: Context, reply: Reply) -> None:
    """After the modal closed: say what was done where it was opened; refresh App Homes."""
    posted = post_reply(client, ctx.channel_id, ctx.user_id, reply)
    if posted and reply.shows and reply.plan_id is not None:
        # Recorded, so a later `delete` can update the message.
        samverkan.record_posted(reply.plan_id, reply.shows, *posted)
    users = set(reply.touched_users) | {ctx.user_id}
    publish_homes(client, samverkan, ctx.team_id, users)


def handle_observe_form_submitted(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The observation form submitted: an observation; from the round, its DM says so."""
    samverkan = samverkan_of(context)
    view = body["view"]
    meta = read_metadata(view.get("private_metadata"))
    values = read_values((view.get("state") or {}).get("values") or {})
    plan_id = meta.get("plan_id")
    ctx = Context(team_of(body), str(meta.get("channel_id") or ""), body["user"]["id"])
    lang = str(meta.get("lang") or samverkan.default_language)
    if samverkan.personal_confirmed(ctx, values):
        ctx = replace(ctx, personal_ok=True)
    try:
        if not isinstance(plan_id, int):
            raise UserError("error.no_plan", topic="setup")
        done = submit_observation(
            samverkan,
            ctx,
            plan_id,
            category=values.get(ids.CATEGORY_BLOCK),
            text=values.get(ids.TEXT_BLOCK) or "",
            place=values.get(ids.PLACE_BLOCK),
            new_place=values.get(ids.NEW_PLACE_BLOCK),
            on=_day(values.get(ids.DATE_BLOCK), "date"),
            band=values.get(ids.BAND_BLOCK),
            concern=values.get(ids.CONCERN_BLOCK),
            permalink=meta.get("permalink"),
            from_round=bool(meta.get("round")),
        )
    except UserError as e:
        message = refusal_under_field(samverkan, ctx, values, lang, e)
        ack(response_action="errors", errors={observe_error_block(view, e.field): message})
        return
    except Exception as e:
        log_failure(e, "modal submission observe_modal")
        message = t(lang, "error.internal")
        ack(response_action="errors", errors={observe_error_block(view, None): message})
        return
    ack()
    after_ack(_observed, client, samverkan, ctx, done, plan_id)


def _observed(
    client: WebClient, samverkan: Samverkan, ctx: Context, done: Submitted, plan_id: int
) -> None:
    """Tell the channel; from the round, update its direct message in place."""
    _confirm(client, samverkan, ctx, done.reply)
    if done.dm_channel and done.dm_ts and done.dm_message and done.week:
        payload = round_payload(done.dm_message, plan_id, week_key(done.week), ctx.user_id)
        try:
            client.chat_update(channel=done.dm_channel, ts=done.dm_ts, **payload)
        except SlackApiError as e:
            log.info("chat.update of the round message failed: %s", e.response.get("error"))
