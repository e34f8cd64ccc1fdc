"""The command registry's contract: every declared command is complete in both languages, its
examples parse back to it, its access is declared, and its help exists (DESIGN §7)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from samverkan import grammar as g
from samverkan.i18n import has, t
from samverkan.registry import (
    COMMANDS,
    SWEDISH,
    VERBS,
    Access,
    Command,
    Verb,
    command_word,
    declare,
    declare_verb,
)
from samverkan.reply import Reply
from tests.test_i18n import placeholders

DECLARED = sorted(COMMANDS.values(), key=lambda c: c.type.__name__)
TYPED = [c for c in DECLARED if c.en]  # the forms are opened, never typed as such
VERB_LIST = sorted({v.topic: v for v in VERBS.values()}.values(), key=lambda v: v.topic)


def ids(command: Command) -> str:
    return command.type.__name__


@pytest.mark.parametrize("command", DECLARED, ids=ids)
def test_every_example_parses_back_to_its_command(command: Command) -> None:
    assert command.examples, "declare at least one example in each language"
    for example in command.examples:
        assert type(g.parse(example)) is command.type, example


@pytest.mark.parametrize("command", TYPED, ids=ids)
def test_both_languages_are_declared_and_exemplified(command: Command) -> None:
    assert command.en and command.sv
    assert command_word("sv", command.en) == command.sv
    assert command_word("en", command.en) == command.en
    firsts = {example.split()[0] for example in command.examples}
    assert command.en.split()[0] in firsts, "an English example"
    assert command.sv.split()[0] in firsts, "a Swedish example"
    # The Swedish words start the same verb as the English ones.
    assert VERBS[command.sv.split()[0]].topic == VERBS[command.en.split()[0]].topic


@pytest.mark.parametrize("command", DECLARED, ids=ids)
def test_access_is_declared_with_what_a_refusal_names(command: Command) -> None:
    assert isinstance(command.access, Access)
    assert isinstance(command.writes, bool) or callable(command.writes)
    if command.access in (Access.MEMBER, Access.COORDINATOR, Access.FOLLOWUP):
        assert command.what, "a refusal names what was refused"
    if command.what:
        for lang in ("en", "sv"):
            assert t(lang, f"what.{command.what}").strip()


@pytest.mark.parametrize("command", DECLARED, ids=ids)
def test_its_help_topic_has_a_page_a_title_and_an_example(command: Command) -> None:
    topic = command.topic
    assert topic in {v.topic for v in VERBS.values()}
    keys = [f"verb.{topic}", f"example.{topic}"]
    if topic != "help":  # `help help` is the overview itself
        keys.append(f"help.{topic}")
    for key in keys:
        assert has(key), key
    for lang in ("en", "sv"):
        example = t(lang, f"example.{topic}", cmd="/samverkan").removeprefix("/samverkan")
        parsed = g.parse(example.replace("@erik", "<@erik>").replace("@sara", "<@sara>"))
        assert COMMANDS[type(parsed)].topic in (topic, "help"), (lang, example)


@pytest.mark.parametrize("command", DECLARED, ids=ids)
def test_a_parsed_command_is_a_frozen_dataclass(command: Command) -> None:
    assert dataclasses.is_dataclass(command.type)
    assert command.type.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert callable(command.run)


@pytest.mark.parametrize("verb", VERB_LIST, ids=lambda v: v.topic)
def test_every_verb_has_words_in_both_languages_and_a_command(verb) -> None:
    assert verb.topic in verb.words and verb.sv in verb.words
    assert SWEDISH[verb.topic] == verb.sv
    assert any(c.topic == verb.topic for c in DECLARED), "a verb that runs nothing"
    for lang in ("en", "sv"):
        assert placeholders(t(lang, f"verb.{verb.topic}")) == set()


def test_dispatch_covers_every_parsed_type() -> None:
    """The grammar's union and the registry are the same set of commands."""
    assert set(g.Command.__args__) == set(COMMANDS)
    assert set(g.MUTATING) == {c.type for c in DECLARED if c.writes is True}


# -- one declaration is all a new command needs ------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Ping:
    words: str


def run_ping(u, cmd: Ping) -> Reply:
    return Reply(f"pong {cmd.words} in {u.plan.name}", lang=u.lang)


@pytest.fixture
def ping() -> Iterator[None]:
    """A command declared the way ARCHITECTURE.md shows, taken out again afterwards."""
    verb = declare_verb(
        Verb("ping", words=("ping", "pling"), parse=lambda r: Ping(" ".join(r)), sv="pling")
    )
    declare(
        Command(
            Ping,
            en="ping",
            sv="pling",
            access=Access.COORDINATOR,
            writes=False,
            run=run_ping,
            topic="ping",
            what="settings",
            examples=("ping hello", "pling hej"),
        )
    )
    yield
    for word in verb.words:
        del VERBS[word]
    del COMMANDS[Ping], SWEDISH["ping"]


def test_a_declared_command_is_parsed_dispatched_and_guarded(ping, run: Callable) -> None:
    assert run("anna", "setup Trygg i Järva").ok
    assert run("anna", "ping hello").text == "pong hello in Trygg i Järva"
    assert run("anna", "pling hej").text == "pong hej in Trygg i Järva"
    refused = run("erik", "ping hello")  # not a coordinator: the declared access holds
    assert not refused.ok
    assert (
        refused.text
        == "Only a coordinator of this plan can change settings. Coordinators: <@anna>."
    )
    assert command_word("sv", "ping") == "pling"


def test_a_word_starts_one_verb_only() -> None:
    with pytest.raises(ValueError, match="'log' starts both log and ping"):
        declare_verb(Verb("ping", words=("log",), parse=lambda r: None, sv="pling"))
