"""The weekly round's direct message as Block Kit: the question and two buttons."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    MarkdownTextObject,
    SectionBlock,
)

from blocks import ids
from samverkan.i18n import t
from samverkan.round import RoundMessage

MAX_FALLBACK_TEXT = 4000


def round_marker(plan_id: int, week_key: str, user_id: str) -> str:
    """The block_id that marks one member's round message of one week."""
    return f"{ids.ROUND_BLOCK_PREFIX}{plan_id}_{week_key}_{user_id}"[:255]


def round_payload(message: RoundMessage, plan_id: int, week_key: str, user_id: str) -> dict:
    """chat.postMessage / chat.update arguments for a round message."""
    value = f"{plan_id}:{week_key}"
    blocks: list[Block] = [
        SectionBlock(
            block_id=round_marker(plan_id, week_key, user_id),
            text=MarkdownTextObject(text=message.text[:3000]),
        )
    ]
    if message.open:
        blocks.append(
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text=t(message.lang, "button.report"),
                        action_id=ids.ROUND_REPORT,
                        value=value,
                        style="primary",
                    ),
                    ButtonElement(
                        text=t(message.lang, "button.nothing"),
                        action_id=ids.ROUND_NOTHING,
                        value=value,
                    ),
                ]
            )
        )
    return {"text": message.text[:MAX_FALLBACK_TEXT], "blocks": [b.to_dict() for b in blocks]}
