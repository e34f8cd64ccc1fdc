"""The message catalog: English and Swedish complete, and every key the code asks for exists."""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import string
from pathlib import Path

import pytest

from samverkan import grammar as g
from samverkan import messages
from samverkan.i18n import counts, has, t
from samverkan.messages import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("samverkan", "storage", "blocks", "console", "handlers", "schedules")
FORMATTER = string.Formatter()
# The catalog itself is not scanned for the keys "the code names".
CATALOG = ROOT / "samverkan" / "messages"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_english_and_swedish_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert isinstance(entry, tuple) and len(entry) == 2
    en, sv = entry
    assert en.strip(), f"{key}: English is empty"
    assert sv.strip(), f"{key}: Swedish is empty"
    assert placeholders(en) == placeholders(sv), key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_formats_in_both_languages(key: str) -> None:
    values: dict[str, object] = {name: f"<{name}>" for name in placeholders(MESSAGES[key][0])}
    # A count that picks a plural form takes a number (samverkan.i18n).
    values.update({name: 2 for name in counts(key)})
    for lang in ("en", "sv"):
        text = t(lang, key, **values)
        assert all(str(value) in text for value in values.values()), (key, lang, text)


def test_swedish_is_swedish_and_english_is_the_fallback() -> None:
    assert t("sv", "help.title") == "Samverkan — så använder du den"
    assert t("en", "help.title") == "Samverkan — how to use it"
    assert t("de", "help.title") == "Samverkan — how to use it"
    assert t("sv", "role.coordinator") == "samordnare"
    assert t("en", "followup.late", n=3, due="27 Nov") == "3 d late (due 27 Nov)"
    assert t("sv", "followup.late", n=3, due="27 nov.") == "3 d försenad (senast 27 nov.)"


def test_an_unknown_key_is_an_error() -> None:
    assert not has("no.such.key")
    with pytest.raises(KeyError):
        t("en", "no.such.key")


# -- keys built from the vocabulary ------------------------------------------------------------

TOPICS = sorted(set(g.VERBS.values()))


def dynamic_keys() -> list[str]:
    keys: list[str] = []
    keys += [f"status.{s}" for s in sorted(set(g.STATUSES.values()))]
    keys += [f"rag.{r}" for r in sorted(set(g.RAGS.values()))] + ["rag.none"]
    keys += [f"kind.{k}" for k in sorted(set(g.KINDS.values()))]
    keys += [f"role.{r}" for r in sorted(set(g.ROLES.values()))]
    keys += [f"fstatus.{s}" for s in ("open", "done", "cancelled")]
    keys += [f"example.{topic}" for topic in TOPICS] + ["example.dates"]
    # Errors about one activity field or setting show an example of changing that one.
    keys += [f"example.activity_{f}" for f in sorted(set(g.ACTIVITY_FIELDS.values()))]
    keys += [f"example.settings_{k}" for k in sorted(set(g.SETTING_KEYS.values()))]
    keys += [f"error.settings_{k}_value" for k in sorted(set(g.SETTING_KEYS.values()))]
    # Help titles name the command in the plan's language.
    keys += [f"verb.{topic}" for topic in TOPICS]
    keys += [f"verb.{topic}" for topic in sorted(set(g.HELP_TOPICS.values()))]
    keys += [f"source.{s}" for s in ("command", "modal", "message")]
    # `help help` is the overview itself; every other topic has its own text.
    keys += [f"help.{topic}" for topic in TOPICS if topic != "help"]
    keys += [f"help.{topic}" for topic in sorted(set(g.HELP_TOPICS.values()))]
    fields = sorted(set(g.ACTIVITY_FIELDS.values()))
    keys += [f"what.activity_{f}" for f in fields]
    keys += [f"field.{f}" for f in fields]
    keys += [f"error.activity_{f}_value" for f in fields]
    keys += [f"error.{topic}_usage" for topic in ("done", "cancel", "snooze", "reassign")]
    keys += [f"setting.{k}" for k in sorted(set(g.SETTING_KEYS.values()))]
    keys += [f"modal.console_{kind}" for kind in ("log", "follow", "activity")]
    keys += ["what.log", "what.follow", "what.activity_add"]
    keys += [
        f"history.{action}"
        for action in (
            "created",
            "logged",
            "updated",
            "joined",
            "done",
            "cancelled",
            "snoozed",
            "reassigned",
            "digest",
            "settings",
            "reminders",
        )
    ]
    return keys


@pytest.mark.parametrize("key", dynamic_keys())
def test_keys_built_from_the_vocabulary_exist(key: str) -> None:
    assert has(key), key


def test_every_status_and_rag_has_a_distinct_name_per_language() -> None:
    for family, values in (("status", set(g.STATUSES.values())), ("rag", set(g.RAGS.values()))):
        for lang in ("en", "sv"):
            names = [t(lang, f"{family}.{v}") for v in values]
            assert len(set(names)) == len(names), (family, lang, names)


def test_examples_shown_with_errors_parse() -> None:
    """Every example an error points at is itself a valid command."""
    topics = [key.removeprefix("example.") for key in MESSAGES if key.startswith("example.")]
    assert {*TOPICS, "dates", "activity_status", "settings_timezone"} <= set(topics)
    for topic in topics:
        for lang in ("en", "sv"):
            example = t(lang, f"example.{topic}", cmd="/samverkan")
            text = example.removeprefix("/samverkan").strip().replace("@erik", "<@erik>")
            text = text.replace("@sara", "<@sara>")
            g.parse(text)  # raises ParseError if the example is wrong


# -- keys named in the code --------------------------------------------------------------------


def literal_keys() -> dict[str, list[str]]:
    """String literals in the source that look like catalog keys, with where they are."""
    families = {key.split(".", 1)[0] for key in MESSAGES}
    found: dict[str, list[str]] = {}
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "messages.py" or CATALOG in path.parents:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            in_fstrings = {
                id(part)
                for node in ast.walk(tree)
                if isinstance(node, ast.JoinedStr)
                for part in node.values
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in in_fstrings
                ):
                    value = node.value
                    head, dot, tail = value.partition(".")
                    if (
                        dot
                        and head in families
                        and tail
                        and all(c.islower() or c == "_" or c == "." for c in tail)
                        and not tail.endswith(".")
                    ):
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        found.setdefault(value, []).append(where)
    return found


def test_the_source_names_catalog_keys() -> None:
    keys = literal_keys()
    # The scan finds the keys it is meant to find.
    assert {"help.title", "error.no_plan", "log.added", "followup.added"} <= set(keys)


def test_every_key_named_in_the_source_exists() -> None:
    missing = {key: where for key, where in literal_keys().items() if not has(key)}
    assert missing == {}


def test_example_topics_show_the_command_they_are_about() -> None:
    """An example for one activity field or setting changes that field or setting."""
    for fld in sorted(set(g.ACTIVITY_FIELDS.values())):
        for lang in ("en", "sv"):
            example = t(lang, f"example.activity_{fld}", cmd="/samverkan")
            cmd = g.parse(example.removeprefix("/samverkan").strip())
            assert isinstance(cmd, g.ActivitySet) and cmd.field == fld, (lang, example)
    for key in sorted(set(g.SETTING_KEYS.values())):
        for lang in ("en", "sv"):
            example = t(lang, f"example.settings_{key}", cmd="/samverkan")
            cmd = g.parse(example.removeprefix("/samverkan").strip())
            assert isinstance(cmd, g.Settings) and cmd.key == key, (lang, example)


@pytest.mark.parametrize("topic", [*TOPICS, "dates"])
def test_a_help_title_names_a_word_that_opens_the_same_help(topic: str) -> None:
    for lang in ("en", "sv"):
        word = t(lang, f"verb.{topic}")
        parsed = g.parse(f"help {word}")
        assert isinstance(parsed, g.Help)
        assert g.VERBS.get(parsed.topic or "", parsed.topic) == topic, (lang, word)


# -- the catalog is split by command family -----------------------------------------------------


def test_every_family_module_is_merged() -> None:
    """Each module in samverkan/messages/ is one family, and the merge takes all of them."""
    names = {info.name for info in pkgutil.iter_modules(messages.__path__)}
    assert names == set(messages.FAMILIES)
    for name, catalog in messages.FAMILIES.items():
        assert catalog is importlib.import_module(f"samverkan.messages.{name}").MESSAGES, name


def test_family_modules_hold_disjoint_keys_and_the_catalog_is_their_union() -> None:
    families = messages.FAMILIES
    for (a, keys_a), (b, keys_b) in itertools.combinations(families.items(), 2):
        assert not set(keys_a) & set(keys_b), (a, b, sorted(set(keys_a) & set(keys_b)))
    union = {key: entry for catalog in families.values() for key, entry in catalog.items()}
    assert sum(len(catalog) for catalog in families.values()) == len(MESSAGES)
    assert union == MESSAGES


def test_a_key_in_two_families_is_an_error_not_an_overwrite() -> None:
    with pytest.raises(
        messages.DuplicateMessageKeyError, match=re.escape("'x.y' in both one and two")
    ):
        messages.merge({"one": {"x.y": ("a", "a")}, "two": {"x.y": ("b", "b")}})


def test_a_key_in_two_family_modules_fails_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    duplicate = next(iter(messages.help.MESSAGES))
    monkeypatch.setitem(messages.common.MESSAGES, duplicate, ("copy", "kopia"))
    try:
        # reload defines the error class anew, so match its base class and its name
        with pytest.raises(ValueError, match=re.escape(repr(duplicate))) as raised:
            importlib.reload(messages)
    finally:
        monkeypatch.undo()
        importlib.reload(messages)
    assert type(raised.value).__name__ == "DuplicateMessageKeyError"
    assert messages.MESSAGES == MESSAGES


def test_every_catalog_module_stays_short() -> None:
    for path in sorted(CATALOG.glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name
