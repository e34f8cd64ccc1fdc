"""Places, observations, `situation`, `situation note` and `measure` through `run(...)` on a real
database (DESIGN §3, §6, §9). The clock stands at Wednesday 2026-11-25 (ISO week 48)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from blocks.kit import message_payload
from samverkan.i18n import t
from samverkan.reply import Header, Note, Section
from samverkan.round import round_message
from storage import Store
from tests.support.fake_slack import message_problems
from tests.test_service import mrkdwn, rows


@pytest.fixture
def est(run: Callable) -> Callable:
    """A plan run by anna with three organisations; erik (police) and mats (housing) members,
    two places."""
    for text in (
        "setup Trygg i Järva",
        "org add Polisen police",
        "org add Stockholmshem housing",
        "org add Skolan school",
        "member <@erik> Polisen",
        "member <@mats> Stockholmshem",
        "place add Centrumtorget",
        "place add Rinkeby torg",
    ):
        reply = run("anna", text)
        assert reply.ok, reply.text
    return run


def observations(store: Store) -> list[tuple]:
    return rows(
        store,
        "observations",
        "ref_no, iso_year, iso_week, happened_on, time_band, place_id, category, concern, text",
    )


def test_an_observation_is_stored_in_its_week_and_told_to_the_channel(est, store) -> None:
    reply = est("erik", "observe graffiti at Centrumtorget on monday evening concern high Tags")
    assert reply.ok and reply.visibility == "channel"
    assert reply.text == (
        "*H1* reported by <@erik> (Polisen) for week 48:\n"
        "*Graffiti* · at Centrumtorget · 23 Nov evening · 🔴 high concern\n> Tags"
    )
    assert observations(store) == [
        (1, 2026, 48, "2026-11-23", "evening", 1, "graffiti", "high", "Tags")
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("observe fire on friday Bin", ("2026-11-20", 47)),  # the latest Friday
        ("observe fire on wednesday Bin", ("2026-11-25", 48)),  # today is a Wednesday
        ("händelse brand den onsdag Soptunna", ("2026-11-25", 48)),
        ("observe fire on tuesday Bin", ("2026-11-24", 48)),
        ("händelse brand igår Soptunna", ("2026-11-24", 48)),
        ("observe fire yesterday Bin", ("2026-11-24", 48)),
        ("observe fire Bin", ("2026-11-25", 48)),  # today
        ("observe fire on 15/11 Bin", ("2026-11-15", 46)),
        ("observe fire on 28/12 Bin", ("2025-12-28", 52)),  # a date without a year looks back
        ("observe fire on 2026-01-01 Bin", ("2026-01-01", 1)),
        ("observe fire on 2021-01-03 Bin", None),  # further back than two years
    ],
)
def test_dates_look_back(est, store, typed: str, stored) -> None:
    reply = est("erik", typed)
    if stored is None:
        assert not reply.ok and observations(store) == []
        return
    assert reply.ok, reply.text
    (row,) = observations(store)
    assert (row[3], row[2]) == stored


def test_a_multi_word_place_is_found_and_the_options_after_it_are_read(est, store) -> None:
    reply = est("mats", "händelse klotter vid Rinkeby torg igår kväll oro hög Klotter på väggen")
    assert reply.ok, reply.text
    assert observations(store) == [
        (1, 2026, 48, "2026-11-24", "evening", 2, "graffiti", "high", "Klotter på väggen")
    ]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (
            "observe graffiti on tomorrow Tags",
            "An observation is about what happened: 26 Nov has not come yet.",
        ),
        (
            "observe graffiti at Tunnelbanan Tags",
            "There is no place called *Tunnelbanan* in this plan. Places: *Centrumtorget*, "
            "*Rinkeby torg*. A coordinator adds one with `/samverkan place add <name>` (<@anna>).",
        ),
        ("observe graffiti on 32/13 Tags", "I can't read “32/13” as a date."),
        (
            "observe graffiti concern extreme Tags",
            "After `concern` comes `low`, `medium` or `high`.",
        ),
    ],
)
def test_refused_observations_change_nothing_and_show_an_example(est, store, typed, says):
    reply = est("erik", typed)
    assert not reply.ok
    assert observations(store) == []
    assert reply.text.startswith(says), reply.text
    example = t("en", "example.observe", cmd="/samverkan")
    assert reply.text.endswith(f"Example: `{example}`")


@pytest.mark.parametrize(
    ("user", "typed"),
    [
        ("sara", "observe graffiti Tags"),
        ("erik", "observe graffiti Tags 19850101-1234"),
        ("erik", "observe graffiti at 850101-1234 Tags"),
        ("anna", "observe graffiti at 850101-1234 Tags"),
    ],
)
def test_strangers_and_identity_numbers_are_refused(est, store, user, typed) -> None:
    reply = est(user, typed)
    assert not reply.ok
    key = "denied.member" if user == "sara" else "error.identity_number"
    assert reply.text.startswith(
        t(
            "en",
            key,
            what=t("en", "what.observe"),
            cmd="/samverkan",
            orgs="Polisen, Skolan, Stockholmshem",
        )
    )
    assert observations(store) == [] and len(rows(store, "places")) == 2


def test_a_coordinator_naming_a_new_place_adds_it(est, store) -> None:
    reply = est("anna", "observe fire at Skolgården night Bin on fire")
    assert reply.ok
    assert "📍 *Skolgården* is new and was added to the plan's places." in reply.text
    assert rows(store, "places", "name") == [("Centrumtorget",), ("Rinkeby torg",), ("Skolgården",)]
    assert est("erik", "place list").text.splitlines()[1:] == [
        "📍 Centrumtorget",
        "📍 Rinkeby torg",
        "📍 Skolgården",
    ]


def test_places_are_unique_and_added_by_coordinators_only(est, store) -> None:
    assert not est("anna", "place add centrumtorget").ok
    reply = est("erik", "place add Parken")
    assert not reply.ok and "Only a coordinator of this plan can add places." in reply.text
    assert len(rows(store, "places")) == 2


def test_user_text_is_escaped(est) -> None:
    reply = est("erik", "observe other <!channel> & <@U1> were here")
    assert "<!channel>" not in mrkdwn(reply) and "&lt;!channel&gt; &amp; &lt;@U1&gt;" in mrkdwn(
        reply
    )
    shown = est("erik", "situation")
    assert "<!channel>" not in mrkdwn(shown) and "&lt;!channel&gt;" in mrkdwn(shown)


def test_history_and_audit_of_an_observation(est) -> None:
    est("erik", "observe drugs at Centrumtorget night concern medium Exchange seen")
    text = est("mats", "history H1").text
    assert "created it — Category: Drugs; Place: Centrumtorget; Date: 25 Nov; Time: night; " in text
    assert "Concern: medium concern; Text: Exchange seen" in text


# -- the situation picture -----------------------------------------------------------------------


def add_week(store: Store, plan_id: int, day: date, category: str, n: int, place=None, org=None):
    with store.write() as tx:
        for _ in range(n):
            tx.observations.add(
                plan_id,
                happened_on=day,
                category=category,
                text=f"{category} seen",
                user_id="erik",
                source="command",
                place_id=place,
                organisation_id=org,
            )


def test_counts_against_the_four_weeks_before_with_the_trend(est, store) -> None:
    wed = date(2026, 11, 25)
    weekly = {  # weeks before this one: 7 … 1
        "graffiti": [0, 1, 0, 2, 1, 0, 1],
        "fire": [0, 0, 0, 3, 1, 0, 0],
    }
    for category, counts in weekly.items():
        for back, n in zip(range(7, 0, -1), counts, strict=True):
            add_week(store, 1, wed - timedelta(weeks=back), category, n, place=1)
    add_week(store, 1, wed, "graffiti", 3, place=1, org=1)
    add_week(store, 1, wed, "fire", 1, place=2, org=2)
    reply = est("erik", "situation")
    body = mrkdwn(reply)
    # graffiti: 3 against (2+1+0+1)/4 = 1.0; fire: 1 against (3+1+0+0)/4 = 1.0
    assert "Graffiti *3* ▲ (mean 1.0)  `▁▃▁▆▃▁▃█`" in body
    assert "Fire *1* = (mean 1.0)  `▁▁▁█▃▁▁▃`" in body
    # Centrumtorget had both categories before: (3 + 2 + 0 + 1) … (2+3, 1+1, 0+0, 1+0) / 4 = 2.0
    assert "📍 Centrumtorget *3* ▲ (mean 2.0)" in body
    assert "📍 Rinkeby torg *1* ▲ (mean 0.0)" in body
    assert "🔥 Centrumtorget (3)" in body
    assert "*Reported:* Polisen, Stockholmshem\n*Not reported:* Skolan" in body
    assert [i.text for i in reply.items if isinstance(i, Header)] == [
        "Situation picture — Trygg i Järva, week 48, 23 – 29 Nov 2026"
    ]


def test_an_earlier_week_and_last_week(est, store) -> None:
    add_week(store, 1, date(2026, 11, 18), "drugs", 2)
    for typed in ("situation v47", "situation last", "läge förra"):
        reply = est("erik", typed)
        assert "week 47, 16 – 22 Nov 2026" in reply.items[0].text, typed
        assert "Drugs *2* ▲ (mean 0.0)" in mrkdwn(reply)


def test_the_picture_in_swedish(est, store) -> None:
    est("anna", "settings language sv")
    est("erik", "händelse klotter vid Centrumtorget kväll oro hög Klotter på väggen")
    est("anna", "läge notera Lugnare på torget")
    est("erik", "snabbåtgärd Sanera klottret senast fredag")
    reply = est("erik", "läge")
    body = mrkdwn(reply)
    assert reply.items[0].text == "Lägesbild — Trygg i Järva, vecka 48, 23–29 nov. 2026"
    for part in (
        "*Händelser i veckan: 1*",
        "Klotter *1* ▲ (snitt 0,0)",
        "*Per plats*",
        "*Har rapporterat:* Polisen",
        "`H1` *Klotter* · vid Centrumtorget · 25 nov. kväll · 🔴 hög oro (Polisen): Klotter på väggen",
        "*Gemensam bedömning* (sparad av <@anna>)\n> Lugnare på torget",
        "*Åtgärder*\n⬜ `F1` Sanera klottret — <@erik> · öppen · senast 27 nov.",
    ):
        assert part in body, part


def test_a_note_is_for_coordinators_and_replaces_the_last_one(est, store) -> None:
    assert not est("erik", "situation note Calm").ok
    assert est("anna", "situation note First view").ok
    reply = est("anna", "situation note Calmer; the tags moved to the underpass")
    assert reply.ok and reply.visibility == "channel"
    assert rows(store, "situation_notes", "iso_year, iso_week, text, user_id") == [
        (2026, 48, "Calmer; the tags moved to the underpass", "anna")
    ]
    body = mrkdwn(est("erik", "situation"))
    assert (
        "*Agreed assessment* (recorded by <@anna>)\n> Calmer; the tags moved to the underpass"
        in body
    )
    assert "No assessment" not in body


def test_measures_of_the_week_and_earlier_open_ones(est, store, clock) -> None:
    assert est("erik", "measure Remove the tags <@mats> by friday").ok
    assert est("erik", "measure Walk the square tonight").ok
    est("mats", "done F1")
    assert rows(store, "measures", "followup_id, iso_year, iso_week") == [
        (1, 2026, 48),
        (2, 2026, 48),
    ]
    body = mrkdwn(est("erik", "situation"))
    assert "✅ `F1` Remove the tags — <@mats> · done · due 27 Nov" in body
    assert "⬜ `F2` Walk the square tonight — <@erik> · open" in body
    clock.now += timedelta(weeks=1)
    est("erik", "measure Check the lamps")
    later = mrkdwn(est("erik", "situation"))
    assert "F1" not in later  # done in an earlier week
    assert "⬜ `F2` Walk the square tonight — <@erik> · open · from week 48" in later
    assert "⬜ `F3` Check the lamps — <@erik> · open" in later
    assert "from week 49" not in later


def test_observe_list_pages_through_every_observation(est, store) -> None:
    add_week(store, 1, date(2026, 11, 24), "littering", 130)
    first = est("erik", "observe list")
    assert first.items[0].text == "Observations, week 48, 23 – 29 Nov 2026 (130)"
    assert mrkdwn(first).count("`H") == 60
    assert "…and 70 more: `/samverkan observe list v48 2`" in mrkdwn(first)
    third = est("erik", "observe list v48 3")
    assert mrkdwn(third).count("`H") == 10 and "more" not in mrkdwn(third)
    refs = set()
    for page in (1, 2, 3):
        refs |= {
            w for w in mrkdwn(est("erik", f"observe list v48 {page}")).split() if w.startswith("`H")
        }
    assert len(refs) == 130


def test_500_observations_keep_the_picture_within_block_kit_limits(est, store) -> None:
    for i, category in enumerate(("graffiti", "fire", "drugs", "littering", "other")):
        add_week(store, 1, date(2026, 11, 23 + i % 3), category, 100, place=1 + i % 2, org=1)
    for lang in ("en", "sv"):
        est("anna", f"settings language {lang}")
        reply = est("erik", "situation")
        payload = message_payload(reply)
        assert message_problems(payload) == []
        assert len(payload["blocks"]) <= 50
        assert all(
            len(b["text"]["text"]) <= 3000 for b in payload["blocks"] if b["type"] == "section"
        )
        listed = mrkdwn(reply).count("`H")
        more = "…and {} more" if lang == "en" else "…och {} till"
        command = "observe list v48" if lang == "en" else "händelse lista v48"
        assert more.format(500 - listed) + f": `/samverkan {command}`" in mrkdwn(reply)
        assert 100 <= listed < 500
        notes = [i for i in reply.items if isinstance(i, Note)]
        assert len(notes) == 1
        assert isinstance(reply.items[-1], Section)  # the measures still come last


def test_search_finds_observations_beside_log_entries(est) -> None:
    est("erik", "observe graffiti at Centrumtorget Tags on the underpass wall")
    est("erik", "observe fire Bin burning")
    only = est("mats", "search underpass")
    assert only.text == "Matches for “underpass”: 1"
    assert (
        "Observation · `H1` *Graffiti* · at Centrumtorget · 25 Nov (Polisen): Tags on the "
        "*underpass* wall"
    ) in mrkdwn(only)
    est("erik", "log Cleaned the underpasses")
    both = mrkdwn(est("mats", "search underpass"))
    # One list, newest first, whatever the kind; word forms found in both.
    assert both.index("Log entry · ") < both.index("Observation · `H1`")
    assert "Cleaned the *underpasses*" in both
    assert "Bin burning" not in both
    assert est("mats", "search nothinghere").text == "Nothing in the plan matches “nothinghere”."


def test_search_finds_observations_and_causes_in_swedish_word_forms(est) -> None:
    est("anna", "settings language sv")
    est("anna", "orsak ny Mörka gångtunnlar")
    est("erik", "händelse klotter Nya taggar i gångtunneln")
    found = mrkdwn(est("mats", "sök gångtunnel"))
    assert "Orsak · `C1` Mörka *gångtunnlar* — 0 aktiviteter arbetar med den" in found
    assert "Händelse · `H1` *Klotter*" in found and "Nya taggar i *gångtunneln*" in found
    assert found.index("Händelse · `H1`") < found.index("Orsak · `C1`")


def test_a_deleted_observation_is_no_longer_found(est) -> None:
    est("erik", "observe graffiti Tags on the underpass wall")
    assert est("erik", "delete H1").ok
    assert est("mats", "search underpass").text == "Nothing in the plan matches “underpass”."


def test_the_plan_s_name_is_escaped_in_the_picture_and_the_round(est, app) -> None:
    est("anna", "settings name Trygg <!channel> & co")
    reply = est("erik", "situation")
    assert "<!channel>" not in reply.text and "&lt;!channel&gt; &amp; co" in reply.text
    with app.store.read() as tx:
        plan = tx.plans.get(1)
    assert plan is not None
    text = round_message(plan, (2026, 48)).text
    assert "<!channel>" not in text and "*Trygg &lt;!channel&gt; &amp; co*, week 48" in text
