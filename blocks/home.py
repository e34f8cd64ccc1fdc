"""The App Home tab: a domain Reply drawn as a `home` view within Slack's limits."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject
from slack_sdk.models.views import View

from blocks.kit import MAX_VIEW_BLOCKS, reply_blocks
from samverkan.i18n import t
from samverkan.reply import Reply

#: Slack refuses a Home tab view over 250 kB; keep a margin for what Slack adds.
MAX_HOME_BYTES = 240_000


def _size(view: dict) -> int:
    return len(json.dumps(view, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def home_view(reply: Reply) -> dict:
    """The `home` view of a reply: at most 100 blocks and 250 kB."""
    blocks = reply_blocks(reply, limit=MAX_VIEW_BLOCKS)
    view = View(type="home", blocks=blocks).to_dict()
    if _size(view) <= MAX_HOME_BYTES:
        return view
    # Only very long texts get here: drop blocks from the end and say so.
    kept = list(blocks)
    dropped = 0
    while kept and _size(View(type="home", blocks=kept).to_dict()) > MAX_HOME_BYTES - 500:
        kept.pop()
        dropped += 1
    more = ContextBlock(elements=[MarkdownTextObject(text=t(reply.lang, "blocks.more", n=dropped))])
    return View(type="home", blocks=[*kept, more]).to_dict()
