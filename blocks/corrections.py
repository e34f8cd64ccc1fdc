"""Block Kit of corrections: Edit / Delete under an entry, and the Edit form."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    InputBlock,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.views import View

from blocks import ids
from samverkan.i18n import t
from samverkan.parsing import MAX_TEXT
from samverkan.reply import EntryActions


def entry_value(plan_id: int, ref: str) -> str:
    """The value the buttons (and the form's private_metadata) carry."""
    return f"{plan_id}:{ref}"


def split_entry_value(value: str | None) -> tuple[int, str] | None:
    """(plan_id, ref) of an entry button's value, or None."""
    plan, _, ref = (value or "").partition(":")
    return (int(plan), ref) if plan.isdigit() and ref[:1].isalpha() and ref[1:].isdigit() else None


def entry_action_blocks(item: EntryActions, lang: str) -> list[Block]:
    """Edit, and Delete with Slack's own "are you sure?"."""
    value = entry_value(item.plan_id, item.ref)
    confirm = ConfirmObject(
        title=PlainTextObject(text=t(lang, "entry.confirm_title")),
        text=PlainTextObject(text=t(lang, "entry.confirm_text", ref=item.ref)),
        confirm=PlainTextObject(text=t(lang, "button.delete")),
        deny=PlainTextObject(text=t(lang, "modal.close")),
        style="danger",
    )
    return [
        ActionsBlock(
            elements=[
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "button.edit"), emoji=True),
                    action_id=ids.ENTRY_EDIT,
                    value=value,
                ),
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "button.delete"), emoji=True),
                    action_id=ids.ENTRY_DELETE,
                    value=value,
                    style="danger",
                    confirm=confirm,
                ),
            ]
        )
    ]


def edit_modal(lang: str, plan_id: int, ref: str, text: str) -> dict:
    """The Edit form: the entry's text to correct."""
    view = View(
        type="modal",
        callback_id=ids.EDIT_MODAL,
        title=PlainTextObject(text=t(lang, "entry.edit_title", ref=ref)[:24]),
        submit=PlainTextObject(text=t(lang, "modal.submit")),
        close=PlainTextObject(text=t(lang, "modal.close")),
        private_metadata=entry_value(plan_id, ref),
        blocks=[
            InputBlock(
                block_id=ids.TEXT_BLOCK,
                label=PlainTextObject(text=t(lang, "entry.text")),
                element=PlainTextInputElement(
                    action_id=ids.TEXT_INPUT,
                    multiline=True,
                    max_length=MAX_TEXT,
                    initial_value=text[:MAX_TEXT] or None,
                ),
            )
        ],
    )
    return view.to_dict()
