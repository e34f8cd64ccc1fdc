"""“Did you mean”: typos of command words and keywords, in both languages, answered with the
corrected command ready to copy (edit distance, samverkan/suggest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from samverkan import grammar as g
from samverkan.parsing import ParseError
from samverkan.suggest import max_distance, nearest


@pytest.fixture
def plan(run: Callable) -> Callable:
    for text in ("setup Trygg i Järva", "org add Polisen police", "activity add Belysning"):
        assert run("anna", text).ok
    return run


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # command words: a swapped pair, a missing letter, an extra letter
        ("stauts", "I don't know the command “stauts”. Did you mean `/samverkan status`?"),
        (
            "lgga A1 Gick runt torget",
            "I don't know the command “lgga”. Did you mean `/samverkan logga A1 Gick runt torget`?",
        ),
        ("klart F7", "I don't know the command “klart”. Did you mean `/samverkan klar F7`?"),
        ("hepl", "I don't know the command “hepl”. Did you mean `/samverkan help`?"),
        ("overdeu", "I don't know the command “overdeu”. Did you mean `/samverkan overdue`?"),
        # nothing near: the plain answer, with no pointless example
        ("xyzzy", "I don't know the command “xyzzy”. Type `/samverkan help` to see them all."),
        # keywords: the command's own refusal, then the corrected command
        (
            "activity A1 status actve",
            "Status must be planned, active, done, paused or cancelled.\n"
            "Did you mean `/samverkan activity A1 status active`?",
        ),
        (
            "activity A1 statsu active",
            "I didn't understand that activity command.\n"
            "Did you mean `/samverkan activity A1 status active`?",
        ),
        (
            "digest preveiw",
            "Use `preview`, `now`, `schedule <weekday> <HH:MM>` or `off`.\n"
            "Did you mean `/samverkan digest preview`?",
        ),
        (
            "settings langauge sv",
            "Settings are language, timezone, area and name.\n"
            "Did you mean `/samverkan settings language sv`?",
        ),
        (
            "help stauts",
            "There is no help topic “stauts”.\nDid you mean `/samverkan help status`?",
        ),
    ],
)
def test_typos_in_english(plan: Callable, typed: str, expected: str) -> None:
    reply = plan("anna", typed)
    assert (reply.ok, reply.text) == (False, expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("stauts", "Jag känner inte till kommandot ”stauts”. Menade du `/samverkan status`?"),
        ("klart F7", "Jag känner inte till kommandot ”klart”. Menade du `/samverkan klar F7`?"),
        (
            "aktivitet A1 status pågåsorán",
            "Status måste vara planerad, pågår, klar, pausad eller inställd.",
        ),
        (
            "aktivitet A1 bedömnig gul",
            "Jag förstod inte det aktivitetskommandot.\n"
            "Menade du `/samverkan aktivitet A1 bedömning gul`?",
        ),
        (
            "skjut F1 fredga",
            "Jag kan inte läsa ”fredga” som ett datum. Prova `2026-12-15`, `15 dec`, `imorgon`, "
            "`fredag`, `v50` eller `om 2 veckor`.\nMenade du `/samverkan skjut F1 fredag`?",
        ),
        (
            "hjälp stauts",
            "Det finns inget hjälpavsnitt ”stauts”.\nMenade du `/samverkan hjälp status`?",
        ),
    ],
)
def test_typos_in_swedish(plan: Callable, typed: str, expected: str) -> None:
    assert plan("anna", "settings language sv").ok
    reply = plan("anna", typed)
    assert (reply.ok, reply.text.split("\nExempel:")[0]) == (False, expected)


def test_a_suggestion_echoes_typed_text_escaped() -> None:
    with pytest.raises(ParseError) as caught:
        g.parse("lgga A1 <!channel> & co")
    # The grammar keeps it as typed; the service escapes every value on the way out.
    assert caught.value.values["suggestion"] == "logga A1 <!channel> & co"


def test_a_suggestion_escapes_in_the_reply(plan: Callable) -> None:
    reply = plan("anna", "lgga A1 <!channel> & co")
    assert reply.text == (
        "I don't know the command “lgga”. Did you mean `/samverkan logga A1 &lt;!channel&gt; "
        "&amp; co`?"
    )


def test_a_suggestion_is_made_only_when_the_corrected_command_parses() -> None:
    # "statsu" is near "status", but `activity A1 status` without a value does not parse
    # either: no guess, the plain refusal.
    with pytest.raises(ParseError) as caught:
        g.parse("activity A1 statsu")
    assert "suggestion" not in caught.value.values


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("stauts", ["status", "search"], ["status"]),
        ("STAUTS", ["status"], ["status"]),
        ("lgga", ["logga", "log"], ["logga"]),
        ("lg", ["log"], []),  # under three letters: too short to guess
        ("status", ["status"], []),  # not a typo
        ("qqqqq", ["status"], []),
        ("F7", ["f7x"], []),  # refs and numbers are never corrected
    ],
)
def test_nearest(word: str, candidates: list[str], expected: list[str]) -> None:
    assert nearest(word, candidates) == expected


@pytest.mark.parametrize(("word", "edits"), [("klar", 1), ("logga", 1), ("status", 2)])
def test_longer_words_may_hold_more_edits(word: str, edits: int) -> None:
    assert max_distance(word) == edits
