"""The tertial reminder's direct message as Block Kit: what it offers and one button."""

from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock

from blocks import ids
from samverkan.i18n import t


def reminder_marker(plan_id: int, period: str, user_id: str) -> str:
    """The block_id that marks one coordinator's reminder of one tertial."""
    return f"{ids.REPORT_BLOCK_PREFIX}{plan_id}_{period}_{user_id}"[:255]


def reminder_payload(text: str, lang: str, value: str, marker: str) -> dict:
    """chat.postMessage arguments for a tertial reminder."""
    blocks = [
        SectionBlock(block_id=marker, text=MarkdownTextObject(text=text[:3000])),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text=t(lang, "button.report_tertial"),
                    action_id=ids.REPORT_TERTIAL,
                    value=value,
                    style="primary",
                )
            ]
        ),
    ]
    return {"text": text[:4000], "blocks": [b.to_dict() for b in blocks]}
