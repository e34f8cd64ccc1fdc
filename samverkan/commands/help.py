"""`help [topic]`: the overview, or one command's page, in the plan's language."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import has, t
from samverkan.registry import VERBS, Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Note, Reply, Section
from samverkan.suggest import nearest
from samverkan.text import esc

#: Help topics that are not command words ("hjälp datum" is what the Swedish help offers).
HELP_TOPICS = {"dates": "dates", "date": "dates", "datum": "dates"}
#: The overview's sections, which people also ask for by name (`help plan`, `hjälp plan`).
SECTIONS = ("start", "work", "est", "read", "admin")


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
        known = topic in SECTIONS or topic in HELP_TOPICS.values() or verb is not None
        if not known or not has(key):
            guesses = nearest(cmd.topic or "", [*VERBS, *HELP_TOPICS])
            if guesses:
                raise UserError(
                    "error.unknown_topic",
                    word=esc(cmd.topic or "", 40),
                    suggestion=f"{'hjälp' if lang == 'sv' else 'help'} {esc(guesses[0])}",
                )
            raise UserError("error.unknown_topic", topic="help", word=esc(cmd.topic or "", 40))
        text = t(lang, key, cmd=root)
        if topic in SECTIONS:
            # A section of the overview: it carries its own bold title.
            page: list[Item] = [Header(t(lang, "help.title")), Section(text)]
            return Reply(text, [*page, Note(t(lang, "help.footer", cmd=root))], lang=lang)
        title = t(lang, "help.title_topic", topic=t(lang, f"verb.{topic}"))
        return Reply(text, [Header(title), Section(text)], lang=lang)
    items: list[Item] = [Header(t(lang, "help.title"))]
    for part in ("intro", *SECTIONS):
        items.append(Section(t(lang, f"help.{part}", cmd=root)))
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
