"""Follow-up cards inside messages already sent: redraw one in place, or remember a list's source.

Slack sends a copy of a shared message with a button click, so one card can be redrawn in it;
it sends none for an ephemeral message, so such a list is redrawn whole from the command that
drew it (kept in the buttons' block_id, after ids.SOURCE_SEPARATOR).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from blocks import ids
from blocks.kit import followup_blocks
from samverkan.reply import FollowUpCard

MAX_BLOCK_ID = 255


def tag_source(blocks: list[dict[str, Any]], source: str) -> list[dict[str, Any]]:
    """Mark the follow-up buttons of an ephemeral list with the command that drew it."""
    if not source or ids.SOURCE_SEPARATOR in source:
        return blocks
    out = []
    for block in blocks:
        block_id = block.get("block_id") or ""
        if (
            block.get("type") == "actions"
            and block_id.startswith(ids.FOLLOWUP_BLOCK_PREFIX)
            and ids.SOURCE_SEPARATOR not in block_id
        ):
            tagged = f"{block_id}{ids.SOURCE_SEPARATOR}{source}"
            if len(tagged) <= MAX_BLOCK_ID:
                block = {**block, "block_id": tagged}
        out.append(block)
    return out


def source_of(block_id: str) -> str | None:
    """The command a tagged block_id carries, if any."""
    if not block_id.startswith(ids.FOLLOWUP_BLOCK_PREFIX) or ids.SOURCE_SEPARATOR not in block_id:
        return None
    return block_id.split(ids.SOURCE_SEPARATOR, 1)[1] or None


def replace_card(
    blocks: list[dict[str, Any]], block_id: str, card: FollowUpCard, lang: str
) -> list[dict[str, Any]] | None:
    """The blocks with the card whose buttons (or menu) are `block_id` redrawn (None when not
    found). A card drawn as one line with a menu (the digest) stays one line."""
    for index, block in enumerate(blocks):
        if block.get("type") == "section" and block.get("block_id") == block_id:
            fresh = [b.to_dict() for b in followup_blocks(replace(card, compact=True), lang)]
            fresh[0]["block_id"] = block_id
            return [*blocks[:index], *fresh, *blocks[index + 1 :]]
        if block.get("type") == "actions" and block.get("block_id") == block_id:
            start = index - 1 if index > 0 and blocks[index - 1].get("type") == "section" else index
            fresh = [b.to_dict() for b in followup_blocks(card, lang)]
            if fresh and fresh[-1].get("type") == "actions":
                fresh[-1]["block_id"] = block_id  # keep any tag the buttons carried
            return [*blocks[:start], *fresh, *blocks[index + 1 :]]
    return None
