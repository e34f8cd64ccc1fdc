"""The command registry: every command declared once, and what is derived from the declarations.

A family module (samverkan/commands/…) declares its verbs and commands with `declare_verb` and
`declare`; importing `samverkan.commands` loads every family. From the declarations come the
parser's verb table, the Swedish words replies point at, the help topics, dispatch, the access
check before a command runs, and the contract tests (tests/test_registry.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from samverkan import vocabulary
from samverkan.dates import DATE_WORDS
from samverkan.parsing import BY_WORDS, ON_WORDS, OWNER_WORDS, ParseError, split_words
from samverkan.suggest import correct, nearest, replace


class Access(Enum):
    """Who may run a command (DESIGN §3 "who")."""

    #: Anyone, in any channel or DM; no plan is needed.
    ANYONE = "anyone"
    #: Anyone in the plan's channel ("anyone in the plan").
    PLAN = "plan"
    #: A member of one of the plan's organisations.
    MEMBER = "member"
    #: A coordinator of the plan.
    COORDINATOR = "coordinator"
    #: A coordinator or a member of the activity's owner organisation (checked on the activity).
    OWNER = "owner"
    #: The follow-up's assignee or assigner, or a coordinator (checked on the follow-up).
    FOLLOWUP = "followup"


@dataclass(frozen=True)
class Verb:
    """The first word of a command: its words in both languages, its parser and help topic."""

    #: The help topic and catalog key part (`help.<topic>`, `verb.<topic>`, `example.<topic>`).
    topic: str
    #: Every word that starts the command, English and Swedish (also without å/ä/ö).
    words: tuple[str, ...]
    #: Parses the words after the verb into one of the verb's commands, or raises ParseError.
    parse: Callable[[list[str]], Any]
    #: The Swedish word replies point at.
    sv: str
    #: Its own keywords and value words ("oro", "kväll"), which "did you mean" never replaces
    #: and may suggest.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Command:
    """One command: the parsed type, its words, who may run it, whether it writes, what it runs."""

    #: The dataclass the parser returns for it.
    type: type
    #: Its words in English ("org add") and Swedish ("aktör ny"): what replies point at
    #: (empty for one that is never typed as such, like the forms).
    en: str
    sv: str
    access: Access
    #: Whether it changes something (runs in a write transaction); for a command whose
    #: variants differ (`digest preview` reads, `digest off` writes), a test of the parsed one.
    writes: bool | Callable[[Any], bool]
    #: Runs it: `run(unit, command) -> Reply`, inside the unit of work.
    run: Callable[[Any, Any], Any]
    #: Its help topic (a Verb's topic).
    topic: str
    #: The `what.<key>` a refusal names ("only coordinators may <add organisations>").
    what: str = ""
    #: Words of its variants that replies point at: (("digest now", "veckobrev nu"), …).
    phrases: tuple[tuple[str, str], ...] = ()
    #: Typed examples, English and Swedish, that parse to this command (a contract test).
    examples: tuple[str, ...] = ()
    #: Whether it may change an archived plan (`plan delete`); every other write is refused.
    on_archived: bool = False


VERBS: dict[str, Verb] = {}
COMMANDS: dict[type, Command] = {}
#: The Swedish words of a command, by its English words (also verbs alone: "org" → "aktör").
SWEDISH: dict[str, str] = {}


def declare_verb(verb: Verb) -> Verb:
    """Add a verb; a word may start only one verb."""
    for word in verb.words:
        if word in VERBS:
            raise ValueError(f"the word {word!r} starts both {VERBS[word].topic} and {verb.topic}")
        VERBS[word] = verb
    SWEDISH.setdefault(verb.topic, verb.sv)
    return verb


def declare(command: Command) -> Command:
    """Add a command; each parsed type is declared once."""
    if command.type in COMMANDS:
        raise ValueError(f"{command.type.__name__} is declared twice")
    COMMANDS[command.type] = command
    if command.en:
        SWEDISH[command.en] = command.sv
    SWEDISH.update(command.phrases)
    return command


def writes(parsed: object) -> bool:
    """Whether running this parsed command changes something."""
    declared = COMMANDS[type(parsed)].writes
    return declared(parsed) if callable(declared) else declared


def command_of(parsed: object) -> Command:
    """The declaration of a parsed command."""
    return COMMANDS[type(parsed)]


#: How many words of a command a typo is looked for in (keywords stand early, dates late).
_FIRST_WORDS, _LAST_WORDS = 4, 3
#: A suggestion longer than this is cut (it echoes what was typed).
_SUGGESTION_LIMIT = 300


def keywords() -> frozenset[str]:
    """Every word a typo of a keyword may be near: verbs, value words, date words."""
    words: set[str] = set(VERBS) | set(DATE_WORDS) | set(ON_WORDS + BY_WORDS + OWNER_WORDS)
    words |= vocabulary.ADD_WORDS | vocabulary.LIST_WORDS
    for table in (
        vocabulary.STATUSES,
        vocabulary.RAGS,
        vocabulary.ROLES,
        vocabulary.KINDS,
        vocabulary.ACTIVITY_FIELDS,
        vocabulary.DIGEST_ACTIONS,
        vocabulary.ON_OFF,
        vocabulary.SETTING_KEYS,
    ):
        words |= set(table)
    for verb in VERBS.values():
        words |= set(verb.keywords)
    return frozenset(w for w in words if " " not in w)


def _parses(text: str) -> bool:
    words = split_words(text)
    verb = VERBS.get(words[0].casefold()) if words else None
    if verb is None:
        return False
    try:
        verb.parse(words[1:])
    except ParseError:
        return False
    return True


def parse(text: str, default: Callable[[], Any]) -> Any:
    """Parse the text after the slash command; no words at all give `default()`.

    A refusal carries `suggestion` when one word corrected (a typo of a command word or a
    keyword, by edit distance) makes the command parse: "did you mean …".
    """
    words = split_words(text)
    if not words:
        return default()
    verb = VERBS.get(words[0].casefold())
    if verb is None:
        guesses = nearest(words[0], VERBS)
        if not guesses:
            raise ParseError("error.unknown_command", "", {"word": words[0][:40]})
        fixed = [replace(words, 0, guess) for guess in guesses]
        best = next((f for f in fixed if _parses(f)), fixed[0])
        raise ParseError(
            "error.unknown_command_guess",
            "",
            {"word": words[0][:40], "suggestion": best.strip()[:_SUGGESTION_LIMIT]},
        )
    try:
        return verb.parse(words[1:])
    except ParseError as e:
        n = len(words)
        positions = [*range(1, min(n, 1 + _FIRST_WORDS)), *range(max(1, n - _LAST_WORDS), n)]
        corrected = correct(words, _parses, keywords(), dict.fromkeys(positions))
        # A refusal that offers commands of its own needs no other guess.
        if corrected is not None and not any(k.startswith("as_") for k in e.values):
            e.values["suggestion"] = corrected.strip()[:_SUGGESTION_LIMIT]
        raise


def command_word(lang: str, command: str) -> str:
    """The words of a command (given in English, like "activity list") in the plan's language.

    Replies that point at a command ("…and 3 more: `/samverkan aktivitet lista`") use this.
    A command not declared keeps its first word translated and the rest as given.
    """
    if lang != "sv":
        return command
    if command in SWEDISH:
        return SWEDISH[command]
    head, _, tail = command.partition(" ")
    return " ".join(filter(None, (SWEDISH.get(head, head), tail)))


def command_named(en: str) -> Command:
    """The declaration of a command by its English words ("activity add")."""
    for command in COMMANDS.values():
        if command.en == en:
            return command
    raise KeyError(en)
