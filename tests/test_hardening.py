"""Hardening at the domain's edge: every typed request gets a clear answer (issue 10)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.i18n import t
from samverkan.reply import Header, Reply, Section
from samverkan.service import Context, Samverkan

INTERNAL = {t("en", "error.internal"), t("sv", "error.internal")}


def headers(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Header)]


def sections(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Section)]


# -- help ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("help plan", "help.plan"),
        ("help work", "help.work"),
        ("help read", "help.read"),
        ("help admin", "help.admin"),
        ("hjälp plan", "help.plan"),
        ("HELP Admin", "help.admin"),
    ],
)
def test_help_on_a_section_of_the_overview_shows_that_section(
    run: Callable, text: str, section: str
) -> None:
    reply = run("anna", text)
    assert reply.ok
    assert headers(reply) == ["Samverkan — how to use it"]
    assert sections(reply) == [t("en", section, cmd="/samverkan")]


@pytest.mark.parametrize(
    "word", ["intro", "title", "title_topic", "footer", "plan.x", "verb", "error"]
)
def test_help_on_catalog_keys_that_are_no_topic_is_an_unknown_topic(
    run: Callable, word: str
) -> None:
    reply = run("anna", f"help {word}")
    assert reply.ok is False
    assert reply.text == (f"There is no help topic “{word}”.\nExample: `/samverkan help`")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(min_size=1, max_size=30).filter(lambda w: w.strip() == w and " " not in w))
def test_help_on_any_word_is_a_page_or_an_unknown_topic(app: Samverkan, word: str) -> None:
    reply = app.run(Context("T1", "C1", "U1"), f"help {word}")
    assert reply.text not in INTERNAL
