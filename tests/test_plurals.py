"""Real plural forms (DESIGN §7): every counting message at 0, 1 and 2 in both languages."""

from __future__ import annotations

import re
import string

import pytest

from samverkan.i18n import counts, plural, plural_categories, t
from samverkan.messages import MESSAGES

#: Every message that counts something, rendered with the count at 0, 1 and 2.
EXPECTED: dict[tuple[str, str], tuple[str, str, str]] = {
    ("digest.fallback", "en"): (
        "P — v (r): 0 entries logged, 0 follow-ups overdue, 0 items need attention.",
        "P — v (r): 1 entry logged, 1 follow-up overdue, 1 item needs attention.",
        "P — v (r): 2 entries logged, 2 follow-ups overdue, 2 items need attention.",
    ),
    ("digest.fallback", "sv"): (
        "P — v (r): 0 insatser loggade, 0 försenade uppföljningar, 0 saker behöver uppmärksamhet.",
        "P — v (r): 1 insats loggad, 1 försenad uppföljning, 1 sak behöver uppmärksamhet.",
        "P — v (r): 2 insatser loggade, 2 försenade uppföljningar, 2 saker behöver uppmärksamhet.",
    ),
    ("digest.logged_count", "en"): (
        "0 entries from 0 organisations",
        "1 entry from 1 organisation",
        "2 entries from 2 organisations",
    ),
    ("digest.logged_count", "sv"): (
        "0 insatser från 0 aktörer",
        "1 insats från 1 aktör",
        "2 insatser från 2 aktörer",
    ),
    ("digest.entries", "en"): ("0 entries", "1 entry", "2 entries"),
    ("digest.entries", "sv"): ("0 insatser", "1 insats", "2 insatser"),
    ("digest.overdue_elsewhere", "en"): (
        "0 more overdue by over a week: under Needs attention.",
        "1 more overdue by over a week: under Needs attention.",
        "2 more overdue by over a week: under Needs attention.",
    ),
    ("digest.overdue_elsewhere", "sv"): (
        "0 till är försenade mer än en vecka: under Behöver uppmärksamhet.",
        "1 till är försenad mer än en vecka: under Behöver uppmärksamhet.",
        "2 till är försenade mer än en vecka: under Behöver uppmärksamhet.",
    ),
    ("import.more_problems", "en"): (
        "…and 0 more problems",
        "…and 1 more problem",
        "…and 2 more problems",
    ),
    ("import.more_problems", "sv"): (
        "…och 0 problem till",
        "…och 1 problem till",
        "…och 2 problem till",
    ),
    ("reminder.intro", "en"): (
        "You have 0 follow-ups due today or overdue.",
        "You have 1 follow-up due today or overdue.",
        "You have 2 follow-ups due today or overdue.",
    ),
    ("reminder.intro", "sv"): (
        "Du har 0 uppföljningar som ska vara klara idag eller är försenade.",
        "Du har 1 uppföljning som ska vara klar idag eller är försenad.",
        "Du har 2 uppföljningar som ska vara klara idag eller är försenade.",
    ),
    ("blocks.more", "en"): (
        "…and 0 more lines that do not fit in one message.",
        "…and 1 more line that does not fit in one message.",
        "…and 2 more lines that do not fit in one message.",
    ),
    ("blocks.more", "sv"): (
        "…och 0 rader till som inte ryms i ett meddelande.",
        "…och 1 rad till som inte ryms i ett meddelande.",
        "…och 2 rader till som inte ryms i ett meddelande.",
    ),
    ("error.text_too_long", "en"): (
        "That text is too long (at most 0 characters).",
        "That text is too long (at most 1 character).",
        "That text is too long (at most 2 characters).",
    ),
    ("search.cause_activities", "en"): (
        "0 activities work on it",
        "1 activity works on it",
        "2 activities work on it",
    ),
    ("search.cause_activities", "sv"): (
        "0 aktiviteter arbetar med den",
        "1 aktivitet arbetar med den",
        "2 aktiviteter arbetar med den",
    ),
    ("error.text_too_long", "sv"): (
        "Texten är för lång (högst 0 tecken).",
        "Texten är för lång (högst 1 tecken).",
        "Texten är för lång (högst 2 tecken).",
    ),
    ("production.participants", "en"): (
        "👥 0 participants",
        "👥 1 participant",
        "👥 2 participants",
    ),
    ("production.participants", "sv"): ("👥 0 deltagare", "👥 1 deltagare", "👥 2 deltagare"),
    ("production.summary", "en"): (
        "0 entries · 0 participants · H h",
        "1 entry · 1 participant · H h",
        "2 entries · 2 participants · H h",
    ),
    ("production.summary", "sv"): (
        "0 insatser · 0 deltagare · H tim",
        "1 insats · 1 deltagare · H tim",
        "2 insatser · 2 deltagare · H tim",
    ),
    ("report.chat_activities", "en"): (
        "0 activities: S; assessment: R",
        "1 activity: S; assessment: R",
        "2 activities: S; assessment: R",
    ),
    ("report.chat_activities", "sv"): (
        "0 aktiviteter: S; bedömning: R",
        "1 aktivitet: S; bedömning: R",
        "2 aktiviteter: S; bedömning: R",
    ),
    ("report.chat_more_indicators", "en"): (
        "…and 0 more indicators in the document",
        "…and 1 more indicator in the document",
        "…and 2 more indicators in the document",
    ),
    ("report.chat_more_indicators", "sv"): (
        "…och 0 indikatorer till i dokumentet",
        "…och 1 indikator till i dokumentet",
        "…och 2 indikatorer till i dokumentet",
    ),
    ("report.participants", "en"): (
        "0 participants",
        "1 participant",
        "2 participants",
    ),
    ("report.participants", "sv"): (
        "0 deltagare",
        "1 deltagare",
        "2 deltagare",
    ),
    ("report.production_line", "en"): (
        "0 entries, 0 participants, H h.",
        "1 entry, 1 participant, H h.",
        "2 entries, 2 participants, H h.",
    ),
    ("report.production_line", "sv"): (
        "0 insatser, 0 deltagare, H tim.",
        "1 insats, 1 deltagare, H tim.",
        "2 insatser, 2 deltagare, H tim.",
    ),
    ("report.situation_total", "en"): (
        "0 observations in the period.",
        "1 observation in the period.",
        "2 observations in the period.",
    ),
    ("report.situation_total", "sv"): (
        "0 händelser under perioden.",
        "1 händelse under perioden.",
        "2 händelser under perioden.",
    ),
    ("report.sum_activities", "en"): (
        "0 activities in the plan; 0 changes of status or assessment during the period.",
        "1 activity in the plan; 1 change of status or assessment during the period.",
        "2 activities in the plan; 2 changes of status or assessment during the period.",
    ),
    ("report.sum_activities", "sv"): (
        "0 aktiviteter i planen; 0 ändringar av status eller bedömning under perioden.",
        "1 aktivitet i planen; 1 ändring av status eller bedömning under perioden.",
        "2 aktiviteter i planen; 2 ändringar av status eller bedömning under perioden.",
    ),
    ("report.sum_observations", "en"): (
        "Situation picture: 0 observations.",
        "Situation picture: 1 observation.",
        "Situation picture: 2 observations.",
    ),
    ("report.sum_observations", "sv"): (
        "Lägesbild: 0 händelser.",
        "Lägesbild: 1 händelse.",
        "Lägesbild: 2 händelser.",
    ),
    ("report.sum_production", "en"): (
        "Production: 0 entries, 0 participants, H h.",
        "Production: 1 entry, 1 participant, H h.",
        "Production: 2 entries, 2 participants, H h.",
    ),
    ("report.sum_production", "sv"): (
        "Produktion: 0 insatser, 0 deltagare, H tim.",
        "Produktion: 1 insats, 1 deltagare, H tim.",
        "Produktion: 2 insatser, 2 deltagare, H tim.",
    ),
}

COUNTING = sorted(key for key in MESSAGES if counts(key))


def render(key: str, lang: str, n: int) -> str:
    """The message with every count at `n` and every other value a short stand-in."""
    names = {name for _, name, _, _ in string.Formatter().parse(MESSAGES[key][0])}
    values: dict[str, object] = {name: name[0].upper() for name in names if name}
    values.update({name: n for name in counts(key)})
    if key == "digest.fallback":
        values.update(name="P", weeks="v", range="r")
    return t(lang, key, **values)


def test_every_counting_message_is_in_the_table() -> None:
    assert sorted({key for key, _ in EXPECTED}) == COUNTING


@pytest.mark.parametrize(("key", "lang"), sorted(EXPECTED))
def test_counting_message_at_zero_one_and_two(key: str, lang: str) -> None:
    assert tuple(render(key, lang, n) for n in (0, 1, 2)) == EXPECTED[(key, lang)]


@pytest.mark.parametrize("key", COUNTING)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_one_and_many_differ_where_the_language_has_two_forms(key: str, lang: str) -> None:
    # Swedish "tecken" is the same in both forms; every other counting message changes.
    if key == "error.text_too_long" and lang == "sv":
        return
    assert render(key, lang, 1) != render(key, lang, 2)
    assert render(key, lang, 0) == render(key, lang, 2).replace("2", "0")


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 0, "organisations"),
        ("en", 1, "organisation"),
        ("en", 21, "organisations"),
        ("sv", 0, "aktörer"),
        ("sv", 1, "aktör"),
        ("sv", 11, "aktörer"),
        ("sv", 101, "aktörer"),
    ],
)
def test_plural_follows_cldr(lang: str, n: int, expected: str) -> None:
    forms = "organisation|organisations" if lang == "en" else "aktör|aktörer"
    assert plural(lang, n, forms) == expected


def test_english_and_swedish_have_one_and_other() -> None:
    assert plural_categories("en") == ("one", "other")
    assert plural_categories("sv") == ("one", "other")


def test_a_wrong_number_of_forms_is_an_error() -> None:
    with pytest.raises(ValueError):
        plural("sv", 2, "sak|saker|sakerna")


def test_a_plural_needs_a_whole_number() -> None:
    with pytest.raises((TypeError, ValueError)):
        t("en", "digest.entries", n="many")


# A count followed by a word that is not a plural field is a hard-coded form ("1 items").
COUNT_NAMES = {"n", "count", "logs", "overdue", "attention", "orgs", "days", "max", "late"}
#: Words that read right after any number: an abbreviation, "more", Swedish "till".
NEUTRAL = {"d", "more", "till", "of", "av", "most", "senast", "late"}
BARE_COUNT = re.compile(r"\{(\w+)\} ([^\W\d_]+)")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_count_is_followed_by_a_fixed_noun(key: str) -> None:
    for template in MESSAGES[key]:
        for name, word in BARE_COUNT.findall(template):
            if name in COUNT_NAMES:
                assert word in NEUTRAL, (
                    f"{key}: “{{{name}}} {word}” — write it as "
                    f"“{{{name}}} {{{name}:one form|other form}}”"
                )
