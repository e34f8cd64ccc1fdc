"""Render domain replies as terminal text for the console."""

from __future__ import annotations

import re
import textwrap

from samverkan.grammar import command_word
from samverkan.i18n import t
from samverkan.reply import (
    Divider,
    Fields,
    FollowUpCard,
    Header,
    JoinRequestCard,
    LogButton,
    Note,
    PersonalChoice,
    Reply,
    Section,
)

_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")
_BARE_LINK = re.compile(r"<(https?://[^|>]+)>")
_MENTION = re.compile(r"<@([^|>]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([^|>]+)(?:\|([^>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def mrkdwn_to_text(text: str, color: bool = False) -> str:
    """Turn Slack mrkdwn into readable terminal text."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)
    text = _BARE_LINK.sub(lambda m: m.group(1), text)
    text = _MENTION.sub(lambda m: "@" + m.group(1), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _BOLD.sub((lambda m: BOLD + m.group(1) + RESET) if color else r"\1", text)
    # Entities last: user text was escaped, and is shown exactly as it was typed.
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\u200b", "")
    )


def render(reply: Reply, color: bool = False, width: int = 100) -> str:
    """The whole reply as lines of text."""
    out: list[str] = []

    def para(text: str, bullet: str = "") -> None:
        pad = " " * len(bullet)
        for n, line in enumerate(mrkdwn_to_text(text, color).split("\n")):
            first = bullet if n == 0 else pad
            wrapped = textwrap.wrap(line, width, initial_indent=first, subsequent_indent=pad + "  ")
            out.extend(wrapped or [""])

    for item in reply.items:
        if isinstance(item, Header):
            title = item.text
            out.append((BOLD + title + RESET) if color else title)
            out.append("═" * min(len(title), width))
        elif isinstance(item, Section):
            para(item.text)
        elif isinstance(item, Fields):
            for pair in item.pairs:
                label, _, value = pair.partition("\n")
                para(f"{label}: {value}")
        elif isinstance(item, Note):
            start = len(out)
            para(item.text)
            if color:
                out[start:] = [DIM + line + RESET for line in out[start:]]
        elif isinstance(item, Divider):
            out.append("─" * 40)
        elif isinstance(item, FollowUpCard):
            # A compact card is a line of a list that carries its own icon (the digest).
            para(item.text, "" if item.compact else "• ")
            if item.can_act:
                # The buttons' console equivalents, in the plan's own command words.
                lang, ref = reply.lang, item.ref
                done, snooze = command_word(lang, "done"), command_word(lang, "snooze")
                week = "+1v" if lang == "sv" else "+1w"
                hint = (
                    f"[{t(lang, 'button.done')}: {done} {ref}]  "
                    f"[{t(lang, 'button.snooze_day')}: {snooze} {ref} +1d]  "
                    f"[{t(lang, 'button.snooze_week')}: {snooze} {ref} {week}]"
                )
                out.append(("    " + DIM + hint + RESET) if color else "    " + hint)
        elif isinstance(item, JoinRequestCard):
            para(item.text)
            if item.pending and item.commands:
                # The buttons' console equivalents: the typed decision.
                labels = (t(reply.lang, "button.approve"), t(reply.lang, "button.decline"))
                hint = "  ".join(
                    f"[{label}: {cmd.split(' ', 1)[1]}]"
                    for label, cmd in zip(labels, item.commands, strict=False)
                )
                hint = mrkdwn_to_text(hint)
                out.append(("    " + DIM + hint + RESET) if color else "    " + hint)
        elif isinstance(item, PersonalChoice):
            # The button's console equivalent: the same command after `anyway` (`ändå`).
            word = "ändå" if reply.lang == "sv" else "anyway"
            hint = mrkdwn_to_text(f"[{t(reply.lang, 'button.save_anyway')}: {word} {item.command}]")
            out.append(("    " + DIM + hint + RESET) if color else "    " + hint)
        elif isinstance(item, LogButton):
            continue
    if not reply.items:
        para(reply.text)
    return "\n".join(out)
