"""The modals (log, follow-up, activity, notice) as Block Kit views, and reading them back."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    DatePickerElement,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    OptionGroup,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from blocks import ids
from samverkan.grammar import MAX_TEXT
from samverkan.i18n import t
from samverkan.interactive import MAX_OPTIONS, Form

MAX_METADATA = 3000
MAX_OPTION_TEXT = 75
MAX_TITLE = 200  # an activity title (the domain's limit)

#: Which input block shows a refusal about a field the domain names (UserError.field).
FIELD_BLOCKS = {
    "plan": ids.PLAN_BLOCK,
    "activity": ids.ACTIVITY_BLOCK,
    "text": ids.TEXT_BLOCK,
    "date": ids.DATE_BLOCK,
    "assignee": ids.ASSIGNEE_BLOCK,
    "due": ids.DUE_BLOCK,
    "title": ids.TITLE_BLOCK,
    "owner": ids.OWNER_BLOCK,
    "cause": ids.CAUSE_BLOCK,
    "goal": ids.GOAL_BLOCK,
    "period": ids.PERIOD_BLOCK,
    "partners": ids.PARTNERS_BLOCK,
    "followup": ids.FOLLOWUP_TEXT_BLOCK,
    "kind": ids.KIND_BLOCK,
    "file": ids.IMPORT_FILE_BLOCK,
    "participants": ids.PARTICIPANTS_BLOCK,
    "hours": ids.HOURS_BLOCK,
}
#: Where a refusal that names no field is shown, per modal.
DEFAULT_BLOCK = {
    ids.LOG_MODAL: ids.TEXT_BLOCK,
    ids.FOLLOW_MODAL: ids.TEXT_BLOCK,
    ids.ACTIVITY_MODAL: ids.TITLE_BLOCK,
}


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text, emoji=True)


def activity_value(channel_id: str, ref: str) -> str:
    """The option value of an activity: its plan's channel and its ref."""
    return f"{channel_id}:{ref}"


def split_activity_value(value: str | None) -> tuple[str, str] | None:
    """(channel_id, ref) of an activity option value."""
    if not value or ":" not in value:
        return None
    channel, _, ref = value.rpartition(":")
    return channel, ref


def metadata(form: Form, permalink: str | None = None, message_ts: str | None = None) -> str:
    """private_metadata: where the form was opened (and the message it came from), ≤ 3000 chars;
    from a message: its ts at once, its permalink once Slack gave it (the modal opens first)."""
    data: dict[str, Any] = {"channel_id": form.channel_id or "", "lang": form.lang}
    if message_ts:
        data["message_ts"] = message_ts
    if permalink:
        data["permalink"] = permalink
    text = json.dumps(data, separators=(",", ":"))
    if len(text) > MAX_METADATA:  # only an absurd permalink could do this: drop it
        data.pop("permalink", None)
        text = json.dumps(data, separators=(",", ":"))
    return text


def _plan_block(form: Form) -> InputBlock | None:
    if form.channel_id is not None:
        return None
    options = [
        Option(value=p.channel_id, label=_cut(p.name, MAX_OPTION_TEXT))
        for p in form.plans[:MAX_OPTIONS]
    ]
    return InputBlock(
        block_id=ids.PLAN_BLOCK,
        label=_plain(t(form.lang, "modal.plan")),
        element=StaticSelectElement(
            action_id=ids.PLAN_INPUT,
            placeholder=_plain(t(form.lang, "modal.plan_placeholder")),
            options=options,
        ),
    )


def _activity_block(form: Form) -> InputBlock | None:
    if not form.activities:
        return None
    acts = form.activities[:MAX_OPTIONS]

    def option(a) -> Option:
        return Option(
            value=activity_value(a.channel_id, a.ref),
            label=_cut(f"{a.ref} {a.title}", MAX_OPTION_TEXT),
        )

    if form.channel_id is None:
        groups = []
        for plan in form.plans:
            mine = [option(a) for a in acts if a.channel_id == plan.channel_id]
            if mine:
                groups.append(OptionGroup(label=_cut(plan.name, MAX_OPTION_TEXT), options=mine))
        element = StaticSelectElement(
            action_id=ids.ACTIVITY_INPUT,
            placeholder=_plain(t(form.lang, "modal.activity_placeholder")),
            option_groups=groups,
        )
    else:
        element = StaticSelectElement(
            action_id=ids.ACTIVITY_INPUT,
            placeholder=_plain(t(form.lang, "modal.activity_placeholder")),
            options=[option(a) for a in acts],
        )
    hint = (
        _plain(t(form.lang, "modal.activity_hint", n=len(acts))) if form.activities_hidden else None
    )
    return InputBlock(
        block_id=ids.ACTIVITY_BLOCK,
        label=_plain(t(form.lang, "modal.activity")),
        element=element,
        optional=True,
        hint=hint,
    )


def _text_block(
    form: Form,
    block_id: str,
    action_id: str,
    label_key: str,
    initial: str = "",
    *,
    optional: bool = False,
    multiline: bool = True,
    limit: int = MAX_TEXT,
    hint: bool = True,
) -> InputBlock:
    initial = initial.strip()[:limit]
    return InputBlock(
        block_id=block_id,
        label=_plain(t(form.lang, label_key)),
        element=PlainTextInputElement(
            action_id=action_id,
            multiline=multiline,
            max_length=limit,
            initial_value=initial or None,
        ),
        optional=optional,
        hint=_plain(t(form.lang, "modal.text_hint")) if hint else None,
    )


def _date_block(
    form: Form, block_id: str, action_id: str, label_key: str, initial: str | None, optional: bool
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=_plain(t(form.lang, label_key)),
        element=DatePickerElement(action_id=action_id, initial_date=initial),
        optional=optional,
    )


def _source_block(form: Form, permalink: str | None) -> ContextBlock | None:
    if not permalink:
        return None
    return ContextBlock(
        elements=[MarkdownTextObject(text=t(form.lang, "modal.source", link=permalink))]
    )


def _view(form: Form, callback_id: str, title_key: str, blocks: list, meta: str) -> dict:
    view = View(
        type="modal",
        callback_id=callback_id,
        title=_plain(t(form.lang, title_key)),
        submit=_plain(t(form.lang, "modal.submit")),
        close=_plain(t(form.lang, "modal.close")),
        blocks=[b for b in blocks if b is not None],
        private_metadata=meta,
    )
    return view.to_dict()


def _number_block(form: Form, block_id: str, action_id: str, label_key: str, decimal: bool):
    return InputBlock(
        block_id=block_id,
        label=_plain(t(form.lang, label_key)),
        element=NumberInputElement(
            action_id=action_id, is_decimal_allowed=decimal, min_value=0, max_value=100_000
        ),
        optional=True,
    )


def log_modal(
    form: Form, *, text: str = "", permalink: str | None = None, message_ts: str | None = None
) -> dict:
    """The log modal: plan (when several), activity, what was done, when, participants, hours."""
    blocks = [
        _plan_block(form),
        _activity_block(form),
        _text_block(form, ids.TEXT_BLOCK, ids.TEXT_INPUT, "modal.log_text", text),
        _date_block(
            form, ids.DATE_BLOCK, ids.DATE_INPUT, "modal.log_date", form.today.isoformat(), False
        ),
        _number_block(
            form, ids.PARTICIPANTS_BLOCK, ids.PARTICIPANTS_INPUT, "modal.log_participants", False
        ),
        _number_block(form, ids.HOURS_BLOCK, ids.HOURS_INPUT, "modal.log_hours", True),
        _source_block(form, permalink),
    ]
    meta = metadata(form, permalink, message_ts)
    return _view(form, ids.LOG_MODAL, "modal.log_title", blocks, meta)


def follow_modal(
    form: Form, *, text: str = "", permalink: str | None = None, message_ts: str | None = None
) -> dict:
    """The follow-up modal: plan (when several), who, what, due date, activity."""
    assignee = InputBlock(
        block_id=ids.ASSIGNEE_BLOCK,
        label=_plain(t(form.lang, "modal.assignee")),
        element=UserSelectElement(
            action_id=ids.ASSIGNEE_INPUT,
            placeholder=_plain(t(form.lang, "modal.assignee_placeholder")),
        ),
    )
    blocks = [
        _plan_block(form),
        assignee,
        _text_block(form, ids.TEXT_BLOCK, ids.TEXT_INPUT, "modal.follow_text", text),
        _date_block(form, ids.DUE_BLOCK, ids.DUE_INPUT, "modal.due", None, True),
        _activity_block(form),
        _source_block(form, permalink),
    ]
    meta = metadata(form, permalink, message_ts)
    return _view(form, ids.FOLLOW_MODAL, "modal.follow_title", blocks, meta)


def activity_modal(form: Form) -> dict:
    """The activity modal: title, owner organisation, due date, cause, operational goal."""
    owner = None
    if form.organisations:
        options = [
            Option(value=name, label=_cut(name, MAX_OPTION_TEXT))
            for name in form.organisations[:MAX_OPTIONS]
        ]
        initial = next((o for o in options if o.value == form.own_organisation), None)
        owner = InputBlock(
            block_id=ids.OWNER_BLOCK,
            label=_plain(t(form.lang, "modal.owner")),
            element=StaticSelectElement(
                action_id=ids.OWNER_INPUT,
                placeholder=_plain(t(form.lang, "modal.owner_placeholder")),
                options=options,
                initial_option=initial,
            ),
            optional=True,
        )
    blocks = [
        _text_block(
            form,
            ids.TITLE_BLOCK,
            ids.TITLE_INPUT,
            "modal.activity_name",
            multiline=False,
            limit=MAX_TITLE,
            hint=False,
        ),
        owner,
        _date_block(form, ids.DUE_BLOCK, ids.DUE_INPUT, "modal.due", None, True),
        _text_block(form, ids.CAUSE_BLOCK, ids.CAUSE_INPUT, "modal.cause", optional=True),
        _text_block(form, ids.GOAL_BLOCK, ids.GOAL_INPUT, "modal.goal", optional=True, hint=False),
        *_template_blocks(form),
    ]
    return _view(form, ids.ACTIVITY_MODAL, "modal.activity_title", blocks, metadata(form))


def _template_blocks(form: Form) -> list[InputBlock]:
    """The template's fields of a new activity: when, partners, follow-up, kind."""
    lang = form.lang
    blocks = [
        _text_block(
            form, ids.PERIOD_BLOCK, ids.PERIOD_INPUT, "modal.period", optional=True, multiline=False
        )
    ]
    if form.organisations:
        blocks.append(
            InputBlock(
                block_id=ids.PARTNERS_BLOCK,
                label=_plain(t(lang, "modal.partners")),
                element=StaticMultiSelectElement(
                    action_id=ids.PARTNERS_INPUT,
                    options=[
                        Option(value=name, label=_cut(name, MAX_OPTION_TEXT))
                        for name in form.organisations[:MAX_OPTIONS]
                    ],
                ),
                optional=True,
            )
        )
    blocks.append(
        _text_block(
            form, ids.FOLLOWUP_TEXT_BLOCK, ids.FOLLOWUP_TEXT_INPUT, "modal.followup", optional=True
        )
    )
    kinds = [Option(value=k, label=t(lang, f"kind.{k}")) for k in ("one_off", "ordinary")]
    blocks.append(
        InputBlock(
            block_id=ids.KIND_BLOCK,
            label=_plain(t(lang, "field.kind")),
            element=StaticSelectElement(action_id=ids.KIND_INPUT, options=kinds),
            optional=True,
        )
    )
    return blocks


BUILDERS = {"log": log_modal, "follow": follow_modal, "activity": activity_modal}


def notice_modal(lang: str, text: str) -> dict:
    """A modal that only tells something (where there is no channel to answer in)."""
    view = View(
        type="modal",
        callback_id=ids.NOTICE_MODAL,
        title=_plain(t(lang, "modal.notice_title")),
        close=_plain(t(lang, "modal.ok")),
        blocks=[SectionBlock(text=MarkdownTextObject(text=text[:3000]))],
    )
    return view.to_dict()


def error_block(view: dict[str, Any], field: str | None) -> str:
    """The block_id of a submitted view where a refusal about `field` is shown."""
    present = {
        b.get("block_id")
        for b in view.get("blocks") or []
        if isinstance(b, dict) and isinstance(b.get("block_id"), str)
    }
    block = FIELD_BLOCKS.get(field or "")
    if block in present:
        return block  # type: ignore[return-value]
    return DEFAULT_BLOCK.get(view.get("callback_id") or "", ids.TEXT_BLOCK)
