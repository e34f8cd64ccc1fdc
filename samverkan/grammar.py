"""The slash-command grammar (DESIGN §3), parsed once here for Slack and the console alike.

The grammar is the registry's: each family module (samverkan/commands/…) declares its verbs
with their words and parsers. This module is the one way in (`parse`) and names what the
declarations add up to: the verb words, the Swedish command words, the commands that write.
"""

from __future__ import annotations

from typing import Any, Union

import samverkan.commands  # noqa: F401  (declares every command)
from samverkan.commands.activities import ActivityAdd, ActivityList, ActivitySet, ActivityShow
from samverkan.commands.digest import DigestCmd
from samverkan.commands.followups import Cancel, Done, Follow, Reassign, Snooze
from samverkan.commands.forms import OpenModal
from samverkan.commands.help import HELP_TOPICS, Help
from samverkan.commands.log import Log
from samverkan.commands.organisations import Join, OrgAdd, OrgList, SetMember
from samverkan.commands.personal import Mine, Reminders
from samverkan.commands.records import History, Search
from samverkan.commands.settings import Settings
from samverkan.commands.setup import Setup
from samverkan.commands.status import Overdue, Status
from samverkan.parsing import (
    ACTIVITY_REF,
    ANY_REF,
    BY_WORDS,
    FOLLOWUP_REF,
    MAX_TEXT,
    ON_WORDS,
    OWNER_WORDS,
    ParseError,
    is_offset,
)
from samverkan.parsing import ref_number as _ref
from samverkan.registry import COMMANDS, SWEDISH, command_word, writes
from samverkan.registry import VERBS as _VERBS
from samverkan.registry import parse as _parse
from samverkan.vocabulary import (
    ACTIVITY_FIELDS,
    ADD_WORDS,
    DIGEST_ACTIONS,
    KINDS,
    LIST_WORDS,
    ON_OFF,
    RAGS,
    ROLES,
    SETTING_KEYS,
    STATUSES,
)

#: Every parsed command type (a Union, for tests that draw commands at random).
Command: Any = Union[tuple(COMMANDS)]  # noqa: UP007  (built at run time from the registry)

#: Every word that starts a command, and the help topic (verb) it starts.
VERBS: dict[str, str] = {word: verb.topic for word, verb in _VERBS.items()}
#: The Swedish way to type a command, by its English words (what replies point at).
SWEDISH_COMMANDS: dict[str, str] = SWEDISH
#: Commands that always change something; the rest read (`digest` writes only to schedule).
MUTATING = tuple(t for t, c in COMMANDS.items() if c.writes is True)


def parse(text: str) -> Any:
    """Parse the text after the slash command into a command, or raise ParseError."""
    return _parse(text, Help)


__all__ = [
    "ACTIVITY_FIELDS",
    "ACTIVITY_REF",
    "ADD_WORDS",
    "ANY_REF",
    "BY_WORDS",
    "DIGEST_ACTIONS",
    "FOLLOWUP_REF",
    "HELP_TOPICS",
    "KINDS",
    "LIST_WORDS",
    "MAX_TEXT",
    "MUTATING",
    "ON_OFF",
    "ON_WORDS",
    "OWNER_WORDS",
    "RAGS",
    "ROLES",
    "SETTING_KEYS",
    "STATUSES",
    "SWEDISH_COMMANDS",
    "VERBS",
    "ActivityAdd",
    "ActivityList",
    "ActivitySet",
    "ActivityShow",
    "Cancel",
    "Command",
    "DigestCmd",
    "Done",
    "Follow",
    "Help",
    "History",
    "Join",
    "Log",
    "Mine",
    "OpenModal",
    "OrgAdd",
    "OrgList",
    "Overdue",
    "ParseError",
    "Reassign",
    "Reminders",
    "Search",
    "SetMember",
    "Settings",
    "Setup",
    "Snooze",
    "Status",
    "_ref",
    "command_word",
    "is_offset",
    "parse",
    "writes",
]
