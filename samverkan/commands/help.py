"""`help [topic]`: the overview, or one command's page, in the plan's language."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import has, t
from samverkan.registry import VERBS, Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Note, Reply, Section
from samverkan.text import esc

#: Help topics that are not command words ("hjälp datum" is what the Swedish help offers).
HELP_TOPICS = {"dates": "dates", "date": "dates", "datum": "dates"}


@dataclass(frozen=True)
class Help:
    topic: str | None = None


def parse_help(rest: list[str]) -> Help:
    """`help [topic]`."""
    topic = rest[0].casefold() if rest else None
    return Help(HELP_TOPICS.get(topic, topic) if topic else None)


def run_help(u: Unit, cmd: Help) -> Reply:
    """The overview, or the page of one command or topic."""
    lang, root = u.lang, u.d.command
    verb = VERBS.get(cmd.topic) if cmd.topic else None
    topic = verb.topic if verb else cmd.topic
    if topic and topic != "help":
        key = f"help.{topic}"
        if not has(key):
            raise UserError("error.unknown_topic", topic="help", word=esc(cmd.topic or "", 40))
        text = t(lang, key, cmd=root)
        title = t(lang, "help.title_topic", topic=t(lang, f"verb.{topic}"))
        return Reply(text, [Header(title), Section(text)], lang=lang)
    items: list[Item] = [Header(t(lang, "help.title"))]
    for part in ("help.intro", "help.start", "help.work", "help.read", "help.admin"):
        items.append(Section(t(lang, part, cmd=root)))
    items.append(Note(t(lang, "help.footer", cmd=root)))
    return Reply(t(lang, "help.intro", cmd=root), items, lang=lang)


declare_verb(Verb("help", words=("help", "hjälp", "hjalp", "?"), parse=parse_help, sv="hjälp"))
declare(
    Command(
        Help,
        en="help",
        sv="hjälp",
        access=Access.ANYONE,
        writes=False,
        run=run_help,
        topic="help",
        examples=("help", "hjälp datum"),
    )
)
