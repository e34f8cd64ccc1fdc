"""The grammar of `observe` / `händelse`, `place`, `situation` / `läge` and `measure` (DESIGN §3, §9)."""

from __future__ import annotations

import pytest

from samverkan import grammar as g
from samverkan.commands.forms import OpenModal
from samverkan.commands.observe import Observe, ObserveList
from samverkan.commands.places import PlaceAdd, PlaceList
from samverkan.commands.situation import MeasureAdd, SituationNote, SituationShow
from samverkan.est_words import CATEGORY_WORDS, TIME_BAND_WORDS
from samverkan.parsing import ParseError

PARSES = [
    ("observe", OpenModal("observe")),
    ("händelse", OpenModal("observe")),
    # -- observe / händelse: every option, in either order, both languages
    ("observe graffiti Tags on the wall", Observe("graffiti", "Tags on the wall")),
    (
        "observe graffiti at Centrumtorget on friday evening concern high Tags on the wall",
        Observe("graffiti", "Tags on the wall", "Centrumtorget", "friday", "evening", "high"),
    ),
    (
        "händelse klotter vid Centrumtorget igår kväll oro hög Klotter på väggen",
        Observe("graffiti", "Klotter på väggen", "Centrumtorget", "igår", "evening", "high"),
    ),
    (
        "observe vandalism concern low night at Torget Broken bench",
        Observe("vandalism", "Broken bench", "Torget", None, "night", "low"),
    ),
    (
        "händelse skadegörelse den 15/11 förmiddag Krossad ruta",
        Observe("vandalism", "Krossad ruta", None, "15/11", "morning"),
    ),
    (
        "observe littering Bags by the school on monday",
        Observe("littering", "Bags by the school", on="monday"),
    ),
    (
        'observe fire at "Rinkeby torg" yesterday Bin on fire',
        Observe("fire", "Bin on fire", "Rinkeby torg", "yesterday"),
    ),
    (
        "händelse hot och våld vid Tunnelbanan natt oro medel Bråk vid spärrarna",
        Observe("threats_violence", "Bråk vid spärrarna", "Tunnelbanan", None, "night", "medium"),
    ),
    (
        "handelse ungdomar som samlas vid Torget kvall Stor grupp",
        Observe("groups", "Stor grupp", "Torget", None, "evening"),
    ),
    (
        "observe unsafe place at Parken Dark path, lamps out",
        Observe("unsafe_place", "Dark path, lamps out", "Parken"),
    ),
    ('observe other "at night" it was loud', Observe("other", '"at night" it was loud')),
    ("observe other at night It was loud", Observe("other", "It was loud", band="night")),
    ("händelse övrigt på kvällen Högljutt", Observe("other", "Högljutt", band="evening")),
    ("händelse brand på 3/11 natt Soptunna", Observe("fire", "Soptunna", on="3/11", band="night")),
    (
        "observe fire at Torget at night Bin",
        Observe("fire", "Bin", "Torget", band="night"),
    ),
    # -- observe list
    ("observe list", ObserveList()),
    ("händelse lista v48", ObserveList(48)),
    ("observe list week 48 3", ObserveList(48, 3)),
    ("händelse lista förra", ObserveList("last")),
    # -- place / plats
    ("place add Centrumtorget", PlaceAdd("Centrumtorget")),
    ("plats ny Rinkeby torg", PlaceAdd("Rinkeby torg")),
    ('place add "Rinkeby torg"', PlaceAdd("Rinkeby torg")),
    ("place list", PlaceList()),
    ("platser", PlaceList()),
    # -- situation / läge / lägesbild
    ("situation", SituationShow()),
    ("läge", SituationShow()),
    ("lägesbild", SituationShow()),
    ("situation v48", SituationShow(48)),
    ("läge vecka 53", SituationShow(53)),
    ("situation week 1", SituationShow(1)),
    ("situation last week", SituationShow("last")),
    ("läge förra veckan", SituationShow("last")),
    ("situation note Calmer at the square", SituationNote("Calmer at the square")),
    ("läge notera v48 Lugnare på torget", SituationNote("Lugnare på torget", 48)),
    # -- measure / snabbåtgärd
    ("measure Remove the tags", MeasureAdd("Remove the tags")),
    (
        "measure Remove the tags <@U2|erik> by friday",
        MeasureAdd("Remove the tags", "U2", "friday"),
    ),
    (
        "snabbåtgärd Sanera klottret senast fredag <@U2>",
        MeasureAdd("Sanera klottret", "U2", "fredag"),
    ),
    ("snabbatgard <@U2> Sanera klottret", MeasureAdd("Sanera klottret", "U2")),
]


@pytest.mark.parametrize(("text", "expected"), PARSES, ids=[p[0] for p in PARSES])
def test_parses(text: str, expected: object) -> None:
    assert g.parse(text) == expected


@pytest.mark.parametrize("word", sorted(CATEGORY_WORDS))
def test_every_category_word_is_recognised(word: str) -> None:
    assert g.parse(f"observe {word} Something seen") == Observe(
        CATEGORY_WORDS[word], "Something seen"
    )


@pytest.mark.parametrize("word", sorted(TIME_BAND_WORDS))
def test_every_time_band_word_is_recognised(word: str) -> None:
    parsed = g.parse(f"händelse övrigt {word} Något hände")
    assert parsed == Observe("other", "Något hände", band=TIME_BAND_WORDS[word])


ERRORS = [
    ("observe weird thing", "error.observe_category", "observe", {"word": "weird"}),
    ("händelse konstigt", "error.observe_category", "observe", {"word": "konstigt"}),
    ("observe graffiti concern extreme Tags", "error.observe_concern", "observe", {}),
    ("händelse klotter oro", "error.observe_concern", "observe", {}),
    ("observe graffiti", "error.text_missing", "observe", {}),
    ("observe graffiti at Torget evening", "error.text_missing", "observe", {}),
    (
        "observe graffiti Tags on 3x",
        "error.bad_date_keyword",
        "observe",
        {"value": "3x", "word": "on"},
    ),
    ("observe list v99", "error.week_usage", "observe", {}),
    ("observe list v48 x", "error.observe_list_usage", "observe", {}),
    ("place add", "error.place_usage", "place", {}),
    ("place remove Torget", "error.place_usage", "place", {}),
    ("situation v0", "error.week_usage", "situation", {"value": "v0"}),
    ("läge imorgon", "error.situation_usage", "situation", {}),
    ("situation note", "error.text_missing", "situation", {}),
    ("measure", "error.text_missing", "measure", {}),
    (
        "measure Fix it senast snart",
        "error.bad_date_keyword",
        "measure",
        {"value": "snart", "word": "senast"},
    ),
]


@pytest.mark.parametrize(("text", "key", "topic", "values"), ERRORS, ids=[e[0] for e in ERRORS])
def test_errors(text: str, key: str, topic: str, values: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    assert (caught.value.key, caught.value.topic, caught.value.values) == (key, topic, values)
