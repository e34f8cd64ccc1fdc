"""Personal data other than identity numbers (DESIGN §6 "Other personal data"): what is
caught, what passes (false positives measured on realistic text), and the Save anyway flow."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.demo import ACTIVITIES, ORGANISATIONS, WEEK
from samverkan.personal_data import findings
from samverkan.reply import PersonalChoice
from storage import Store
from tests.test_service import plan as plan  # the fixture

# (text, what is found as (kind, words))
POSITIVES = [
    (
        "Möte med pojken Kalle Andersson, 15 år, Storgatan 12, 123 45 Norrby",
        [
            ("address", "Storgatan 12"),
            ("postcode", "123 45 Norrby"),
            ("age", "15 år"),
            ("name", "Kalle Andersson"),
        ],
    ),
    ("En 15-åring sprang från platsen", [("age", "15-åring")]),
    ("Flickan är 14 år och bor i området", [("age", "14 år")]),
    ("Talade med en 16-årig kille", [("age", "16-årig")]),
    ("Met a boy aged 15 by the shop", [("age", "aged 15")]),
    ("A 13-year-old was seen at the square", [("age", "13-year-old")]),
    ("He lives at 12 Baker Street", [("address", "12 Baker Street")]),
    ("Bor på Ringvägen 8B sedan i våras", [("address", "Ringvägen 8B")]),
    (
        "Adress: Kyrkstigen 86, 43112 Skövde",
        [("address", "Kyrkstigen 86"), ("postcode", "43112 Skövde")],
    ),
    ("Mamman nås på lisa.berg@gmail.com", [("email", "lisa.berg@gmail.com")]),
    ("Mail him at kalle99@hotmail.se", [("email", "kalle99@hotmail.se")]),
    ("Erik Johansson från skolan ringde", [("name", "Erik Johansson")]),
    ("Pratade med Fatima Ali om läxhjälpen", [("name", "Fatima Ali")]),
]

# Everyday log lines in both languages, and texts of the demo plan: nothing is found.
NEGATIVES = [
    "Trygghetsvandring med 14 deltagare, fyra platser med dålig belysning",
    "Föreningen har funnits i 20 år och har 40 medlemmar",
    "Vi har jobbat med det här i 3 år",
    "Fältassistenterna ute fredag 18–23, ett tiotal ungdomar vid torget",
    "Klotter sanerat vid Storgatan, 3 tags borttagna",
    "Möte på Husbygården kl 18:30 med 12 föräldrar",
    "Nattfotboll varje fredag, 25 ungdomar",
    "Belysningen på Husby torg lagad, 6 armaturer bytta",
    "Rapport skickad till info@stockholmshem.se och polisen",
    "Walked the centre with the school on friday",
    "Met the housing company about the stairwell lights",
    "Two reports of vandalism near the underpass, 3 hours spent",
    "Parents' walk with 8 adults, 2 hours",
    "Town hall meeting at 18:00, about 30 people came",
    "Samordnaren gick igenom orsaksanalysen med Polisen Järva",
    "Budget 120 000 kr beviljad för belysning",
    "Rastvärdar på plats vid skolstart hela veckan",
    "Kontakt med Anna Lindh-skolan om rastvakter",
    *[text.split(" ", 2)[2] if re.match(r"^log A\d", text) else text for _, _, text in WEEK],
    *[str(field) for activity in ACTIVITIES for field in activity if isinstance(field, str)],
]


@pytest.mark.parametrize(("text", "found"), POSITIVES)
def test_what_looks_personal_is_found(text: str, found: list[tuple[str, str]]) -> None:
    assert sorted((f.kind, f.words) for f in findings(text)) == sorted(found)


@pytest.mark.parametrize("text", NEGATIVES)
def test_everyday_text_passes_untouched(text: str) -> None:
    assert findings(text, [name for name, _ in ORGANISATIONS]) == []


def test_the_plans_own_names_never_count() -> None:
    text = "Möte med Erik Johansson-stiftelsen och Lisa Berg AB"
    assert [f.kind for f in findings(text)] == ["name"]
    assert findings(text, ["Erik Johansson-stiftelsen", "Lisa Berg AB"]) == []


_fake = Faker("sv_SE")
TEMPLATES = [
    "Pratade med {name} om kvällen",
    "{name} var med på vandringen",
    "Träffade {name}, som bor på {street}",
    "Samtal om {street}, {postcode}",
    "Kontakt via {email}",
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(seed=st.integers(0, 2**32 - 1), template=st.sampled_from(TEMPLATES))
def test_generated_names_and_addresses_are_found(seed: int, template: str) -> None:
    """Faker's sv_SE names, streets, postcodes with towns and free-mail addresses."""
    _fake.seed_instance(seed)
    values = {
        "name": f"{_fake.first_name()} {_fake.last_name()}",
        "street": _fake.street_address(),
        "postcode": f"{_fake.postcode()} {_fake.city()}",
        "email": _fake.free_email(),
    }
    text = template.format(**values)
    kinds = {f.kind for f in findings(text)}
    expected = {
        "name": "name",
        "street": "address",
        "postcode": "postcode",
        "email": "email",
    }
    wanted = {kind for key, kind in expected.items() if "{" + key + "}" in template}
    assert wanted <= kinds, (text, kinds)


# -- the flow ----------------------------------------------------------------------------------


def log_rows(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute("SELECT text FROM log_entries").fetchall()
    finally:
        conn.close()


def test_not_stored_at_once_and_save_anyway(plan: Callable, store: Store) -> None:
    text = "Möte med pojken Kalle Andersson, 15 år, Storgatan 12, 123 45 Norrby"
    reply = plan("erik", f"logga {text}")
    assert not reply.ok and reply.visibility == "ephemeral"
    assert reply.text == (
        "This looks like it names or locates a person: a street address (“Storgatan 12”); a "
        "postcode and town (“123 45 Norrby”); a person's age (“15 år”); a first name and "
        "surname (“Kalle Andersson”). The plan keeps nothing about individuals, so it is not "
        "saved. Rewrite it without them, or save it anyway if it is not about a person."
    )
    (choice,) = [i for i in reply.items if isinstance(i, PersonalChoice)]
    assert choice == PersonalChoice(f"logga {text}", "log", text)
    assert log_rows(store) == []
    saved = plan("erik", "anyway " + choice.command)
    assert saved.ok and log_rows(store) == [(text,)]


@pytest.mark.parametrize(
    "command",
    [
        "follow <@mats> Ring Kalle Andersson by friday",
        "uppföljning <@mats> Ring mamman på lisa.berg@gmail.com",
        "log A1 Pojken 15 år sprang",
    ],
)
def test_every_typed_surface_is_guarded(plan: Callable, store: Store, command: str) -> None:
    plan("anna", "activity add Trygga vägar")
    before = log_rows(store)
    reply = plan("erik", command)
    assert not reply.ok and reply.text.startswith("This looks like it names or locates a person")
    assert log_rows(store) == before


def test_edit_is_guarded_too(plan: Callable) -> None:
    assert plan("erik", "log Walked the yard").ok
    refused = plan("erik", "edit L1 Walked the yard with Erik Johansson")
    assert refused.text.startswith("This looks like it names or locates a person")
    assert plan("erik", "ändå edit L1 Walked the yard with Erik Johansson").ok


def test_a_form_refusal_names_the_field(app, plan: Callable) -> None:
    """The forms call the same code: the refusal is shown under the text field."""
    from samverkan.context import PersonalData
    from samverkan.interactive import form_error
    from samverkan.service import Context

    with pytest.raises(PersonalData) as refused:
        app.add_log(Context("T1", "C1", "erik"), text="Träffade Erik Johansson")
    assert refused.value.field == "text"
    assert form_error(app, "en", refused.value).startswith(
        "This looks like it names or locates a person: a first name and surname (“Erik Johansson”)"
    )


def observation_rows(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute("SELECT text FROM observations").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("command", "choice"),
    [
        (
            "händelse hot vid Rinkebytorget Pojken 15 år hotade",
            PersonalChoice(
                "händelse hot vid Rinkebytorget Pojken 15 år hotade",
                None,
                "Pojken 15 år hotade",
            ),
        ),
        (
            "observe littering Kalle Andersson dumped bags",
            PersonalChoice(
                "observe littering Kalle Andersson dumped bags", None, "Kalle Andersson dumped bags"
            ),
        ),
    ],
)
def test_an_observation_is_guarded_too(
    plan: Callable, store: Store, command: str, choice: PersonalChoice
) -> None:
    assert plan("anna", "place add Rinkebytorget").ok
    refused = plan("erik", command)
    assert not refused.ok
    assert refused.text.startswith("This looks like it names or locates a person")
    assert [i for i in refused.items if isinstance(i, PersonalChoice)] == [choice]
    assert observation_rows(store) == []
    assert plan("erik", "anyway " + command).ok
    assert observation_rows(store) == [(choice.text,)]


def test_a_plans_place_with_a_number_is_not_an_address(plan: Callable, store: Store) -> None:
    """A place the plan keeps (a street with a number, say) is where things happen."""
    assert plan("anna", "place add Storgatan 12").ok
    assert plan("erik", "händelse klotter vid Storgatan 12 Nya taggar på Storgatan 12").ok
    assert observation_rows(store) == [("Nya taggar på Storgatan 12",)]
