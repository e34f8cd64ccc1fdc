"""Small text helpers every reply uses: mentions, escaping, icons and capped lists."""

from __future__ import annotations

import re
from collections import Counter

from samverkan.i18n import t
from samverkan.privacy import escape_mrkdwn
from samverkan.registry import command_word
from samverkan.reply import Fields, Section
from storage import Activity

#: How many lines a list shows before it says "and N more".
LIST_LIMIT = 25
#: How many follow-up cards (each a block with buttons) a reply shows.
CARD_LIMIT = 20
#: Characters of mrkdwn per section; Slack's limit is 3000.
SECTION_CHARS = 2900

STATUS_ICONS = {
    "planned": "⚪",
    "active": "🔵",
    "done": "✅",
    "paused": "⏸️",
    "cancelled": "✖️",
}
RAG_ICONS = {"green": "🟢", "amber": "🟡", "red": "🔴", None: "⚫"}
STATUS_ORDER = ("active", "planned", "paused", "done", "cancelled")


#: A message's permalink as Slack gives it (chat.getPermalink): a workspace's slack.com host,
#: `/archives/<channel>/p<ts>` and perhaps `?thread_ts=…&cid=…`; nothing that could be markup.
_PERMALINK = re.compile(
    r"https://[a-z0-9][a-z0-9-]{0,62}(\.[a-z0-9-]{1,63})?\.slack\.com"
    r"/archives/[A-Z0-9]{2,40}/p[0-9]{6,20}(\?[A-Za-z0-9_.=&-]{0,200})?"
)


def permalink_or_none(link: str | None) -> str | None:
    """`link` when it is a Slack message permalink, else None (never a link of other shape)."""
    return link if isinstance(link, str) and _PERMALINK.fullmatch(link) else None


def mention(user_id: str) -> str:
    """A Slack mention of a user id."""
    return f"<@{user_id}>"


def clip(text: str, limit: int = 300) -> str:
    """Shorten a text for a list line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def esc(text: str, limit: int | None = None) -> str:
    """Escape user text for mrkdwn, shortening it first for list lines."""
    return escape_mrkdwn(clip(text, limit) if limit else text)


def more_text(lang: str, hidden: int, root: str, command: str) -> str:
    """ "…and N more: `/samverkan <command>`", the command in the plan's language."""
    return t(lang, "list.more", n=hidden, command=f"`{root} {command_word(lang, command)}`")


def pack_lines(lines: list[str], title: str = "") -> list[Section]:
    """A (titled) list packed into as few sections as Slack's section limit allows."""
    sections: list[Section] = []
    chunk = [title] if title else []
    size = len(title)
    for line in lines:
        if chunk and size + 1 + len(line) > SECTION_CHARS:
            sections.append(Section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        sections.append(Section("\n".join(chunk)))
    return sections


def activity_summary(lang: str, acts: list[Activity], heading: str) -> Fields:
    """Activities counted by status, and the ongoing ones by assessment, side by side."""
    by_status = Counter(a.status for a in acts)
    by_rag = Counter(a.rag for a in acts if a.status not in ("done", "cancelled"))
    status_line = " · ".join(
        f"{STATUS_ICONS[s]} {t(lang, f'status.{s}')} {by_status[s]}"
        for s in STATUS_ORDER
        if by_status[s]
    )
    rag_line = " · ".join(
        f"{RAG_ICONS[r]} {t(lang, f'rag.{r}') if r else t(lang, 'rag.none')} {by_rag[r]}"
        for r in ("green", "amber", "red", None)
        if by_rag[r]
    )
    return Fields(
        (
            f"*{heading}*\n{status_line or '—'}",
            f"*{t(lang, 'status.assessment')}*\n{rag_line or '—'}",
        )
    )
