"""Search: Swedish and English word forms, prefixes, phrases, every kind of text, per plan."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import Store
from storage.migrations import MIGRATIONS
from storage.textsearch import parse_query, stem_sv
from tests.test_service import plan, sections  # noqa: F401  (the plan fixture)

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

#: (what was written, what is typed): every pair must be found.
FOUND = [
    # Swedish: definite, plural and definite plural forms, both ways.
    ("Trasig belysningen vid skolan", "belysning"),
    ("Ny belysning i parken", "belysningen"),
    ("Belysningarna är släckta", "belysning"),
    ("Vandring genom gångtunneln", "gångtunnel"),
    ("Vandring genom gångtunnel", "gångtunneln"),
    ("Klotter i gångtunnlarna", "gångtunnel"),
    ("Lampan är trasig", "lampa"),
    ("Två lampor är trasiga", "lampan"),
    ("Lamporna byts på fredag", "lampa"),
    ("Möte med skolan", "skola"),
    ("Skolorna har lov", "skolan"),
    ("Mötena hålls på torsdagar", "möte"),
    ("Polisen var på plats", "polis"),
    ("Ungdomarna samlades vid torget", "ungdom"),
    ("Cykeln stals vid stationen", "cyklar"),
    ("Kamerorna är uppsatta", "kameran"),
    ("Området kring fritidsgården", "fritidsgård"),
    ("Tryggheten i området ökar", "trygghet"),
    ("Nattvandrarna gick i par", "nattvandrare"),
    # English: plural, -ing, -ed, -ies.
    ("Lights out in the underpass", "light"),
    ("Lighting in the underpass", "lights"),
    ("Two lamps broken", "lamp"),
    ("Patrolled the square", "patrol"),
    ("Meetings with the school", "meeting"),
    ("Studies of the area", "study"),
    ("Underpasses checked", "underpass"),
    # Case, accents as typed, and more than one word (all must match).
    ("BELYSNING vid Skolan", "belysning skolan"),
    ("Café vid torget", "CAFÉ"),
    # Prefixes and phrases.
    ("Lampskärmar och lampor", "lamp*"),
    ("Trasiga lampor", "lampo*"),
    ("Belysning vid gångtunneln", '"belysning vid gångtunnel"'),
    ("Lighting the underpass", "“lighting the underpass”"),
]

#: (what was written, what is typed): none of these may be found.
NOT_FOUND = [
    ("Trasig belysning", "lampa"),
    ("Belysning vid skolan", "belysning parken"),  # every word must match
    ("vid gångtunneln belysning", '"belysning vid gångtunnel"'),  # a phrase keeps its order
    ("Lamporna byts", "lamps*x"),
    ("Lighting", "lig"),  # a word is not a prefix without its star
    ("Skolan", "*"),
    ("Skolan", '""'),
]


def test_stems_fold_the_definite_forms_snowball_keeps() -> None:
    assert {stem_sv(w) for w in ("lampa", "lampan", "lampor", "lamporna")} == {"lamp"}
    assert {stem_sv(w) for w in ("gångtunnel", "gångtunneln", "gångtunnlar")} == {"gångtunnl"}
    assert {stem_sv(w) for w in ("möte", "mötet", "möten", "mötena")} == {"möt"}


def test_a_query_reads_words_prefixes_and_phrases() -> None:
    terms = parse_query('Lamp* belysning "vid  gångtunneln" OR')
    assert [(t.words, t.prefix) for t in terms] == [
        (("lamp",), True),
        (("belysning",), False),
        (("vid", "gångtunneln"), False),
        (("or",), False),
    ]


@pytest.mark.parametrize(("written", "typed"), FOUND)
def test_every_word_form_is_found(plan: Callable, written: str, typed: str) -> None:  # noqa: F811
    plan("erik", "log Something else entirely")
    plan("erik", f"log {written}")
    reply = plan("anna", f"search {typed}")
    assert reply.text.startswith("Matches for"), reply.text
    # The entry written, and no other (the plan's organisations may match too: "polis").
    logs = [line for line in sections(reply)[0].split("\n") if line.startswith("Log entry")]
    assert len(logs) == 1 and "`L2`" in logs[0], logs


@pytest.mark.parametrize(("written", "typed"), NOT_FOUND)
def test_what_does_not_match_is_not_found(plan: Callable, written: str, typed: str) -> None:  # noqa: F811
    plan("erik", f"log {written}")
    reply = plan("anna", f"search {typed}")
    assert reply.ok
    assert reply.text.startswith("Nothing in the plan matches"), reply.text


def test_every_kind_of_text_is_found_and_says_what_it_is(plan: Callable) -> None:  # noqa: F811
    plan("anna", "activity add Belysning i gångtunneln owner Polisen Järva")
    plan("anna", "activity add Trygghetsvandring")
    plan("anna", "activity A2 cause Mörka gångtunnlar")
    plan("erik", "log A1 Bytte lamporna i gångtunneln")
    plan("erik", "follow <@mats> Anmäl trasig belysning i gångtunneln by 2026-12-04")
    reply = plan("anna", "sök gångtunnel")
    assert reply.text == "Matches for “gångtunnel”: 5"
    assert sections(reply) == [
        "Follow-up · `F1` Anmäl trasig belysning i *gångtunneln* — open · for <@mats> · "
        "due 4 Dec\n"
        "Log entry · `L1` 25 Nov *A1* <@erik> (Polisen Järva): Bytte lamporna i *gångtunneln*\n"
        "Cause · `C1` Mörka *gångtunnlar* — 1 activity works on it\n"
        "Activity · ⚫ `A2` Trygghetsvandring — planned · Cause: Mörka *gångtunnlar*\n"
        "Activity · ⚫ `A1` Belysning i *gångtunneln* — planned"
    ]
    # Organisations are found by their names.
    assert sections(plan("anna", "sök polis")) == ["Organisation · *Polisen* Järva — police"]
    # A changed title is found by its new words only.
    plan("anna", "activity A1 title Ljus i parken")
    assert plan("anna", "search gångtunnel").text == "Matches for “gångtunnel”: 4"
    assert sections(plan("anna", "search parken")) == [
        "Activity · ⚫ `A1` Ljus i *parken* — planned"
    ]


def test_swedish_plans_read_the_kinds_in_swedish(plan: Callable) -> None:  # noqa: F811
    plan("anna", "settings language sv")
    plan("erik", "logga Belysningen lagad")
    reply = plan("anna", "sök belysning")
    assert reply.text == "Träffar för ”belysning”: 1"
    assert sections(reply)[0].startswith("Insats · `L1`")
    assert plan("anna", "sök lampa").text == "Inget i planen matchar ”lampa”."


def test_a_plan_never_finds_another_plans_words(plan: Callable) -> None:  # noqa: F811
    plan("erik", "log Belysning vid skolan")
    for channel in ("C2", "C12"):
        assert plan("anna", f"setup Plan {channel}", channel=channel).ok
        plan("anna", f"log Belysningen i {channel}", channel=channel)
    assert sections(plan("anna", "search belysning"))[0].endswith("*Belysning* vid skolan")
    for channel in ("C2", "C12"):
        reply = plan("anna", "search belys*", channel=channel)
        assert reply.text == "Matches for “belys*”: 1"
        assert sections(reply)[0].endswith(f"*Belysningen* i {channel}")
    assert plan("anna", "search skolan", channel="C2").text.startswith("Nothing")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mine=st.lists(WORD, min_size=1, max_size=6), theirs=st.lists(WORD, min_size=1, max_size=6))
def test_any_word_is_found_in_its_plan_only(
    tmp_path: Path, mine: list[str], theirs: list[str]
) -> None:
    store = Store(tmp_path / f"h{time.monotonic_ns()}.db", clock=lambda: NOW)
    store.migrate()
    with store.write() as tx:
        plans = [
            tx.plans.create(
                team_id="T1",
                channel_id=c,
                name=c,
                language="sv",
                timezone="Europe/Stockholm",
                created_by="anna",
            )
            for c in ("C1", "C11")
        ]
        for p, text in zip(plans, (" ".join(mine), " ".join(theirs)), strict=True):
            tx.logs.add(
                p.id, text=text, user_id="anna", happened_on=date(2026, 11, 25), source="command"
            )
    with store.read() as tx:
        for word in mine:
            hits, total = tx.search.find(plans[0].id, word, 10)
            assert total == 1 and hits[0].kind == "log"
            hits, _ = tx.search.find(plans[0].id, word[:1] + "*", 10)
            assert len(hits) == 1
        for word in theirs:
            if not any(parse_query(word)[0].matches(w) for w in mine):
                assert tx.search.find(plans[0].id, word, 10) == ([], 0)


def test_the_migration_indexes_what_the_file_already_holds(tmp_path: Path, monkeypatch) -> None:
    """m009 on a version-2 file: its log entries, follow-ups and activities, newest first."""
    store = Store(tmp_path / "v2.db", clock=lambda: NOW)
    monkeypatch.setattr("storage.store.MIGRATIONS", [m for m in MIGRATIONS if m[0] <= 2])
    assert store.migrate() == [1, 2]
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute(
        "INSERT INTO plans (id, team_id, channel_id, name, language, timezone, created_by) "
        "VALUES (1, 'T1', 'C1', 'P', 'sv', 'Europe/Stockholm', 'anna'), "
        "(2, 'T1', 'C2', 'Q', 'sv', 'Europe/Stockholm', 'anna')"
    )
    conn.execute(
        "INSERT INTO activities (id, plan_id, ref_no, title, cause, status, created_by, "
        "created_at) VALUES (1, 1, 1, 'Belysning', 'Mörka gångtunnlar', 'planned', 'anna', "
        "'2026-11-01T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO log_entries (plan_id, ref_no, text, user_id, happened_on, source, "
        "created_at) VALUES (1, 1, 'Lamporna i gångtunneln', 'erik', '2026-11-03', 'command', "
        "'2026-11-03T10:00:00+00:00'), (2, 1, 'Gångtunneln i plan Q', 'erik', '2026-11-03', "
        "'command', '2026-11-03T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO followups (plan_id, ref_no, text, assignee, assigned_by, status, "
        "created_at) VALUES (1, 1, 'Anmäl gångtunneln', 'mats', 'anna', 'open', "
        "'2026-11-02T10:00:00+00:00')"
    )
    conn.close()
    monkeypatch.undo()
    assert store.migrate() == [v for v, _, _ in MIGRATIONS if v > 2]
    with store.read() as tx:
        hits, total = tx.search.find(1, "gångtunnel", 10)
        # m008 made the activity's cause a cause of its own (C1), found too.
        assert ([(h.kind, h.item_id) for h in hits], total) == (
            [("log", 1), ("followup", 1), ("cause", 1), ("activity", 1)],
            4,
        )
        assert tx.search.find(2, "lampa", 10) == ([], 0)


def test_observations_and_causes_join_the_index_in_time_order(tmp_path: Path, monkeypatch) -> None:
    """m014 on a version-11 file: observations and causes are found with the rest, newest
    first across kinds, and the observations' own FTS table is gone."""
    store = Store(tmp_path / "v11.db", clock=lambda: NOW)
    monkeypatch.setattr("storage.store.MIGRATIONS", [m for m in MIGRATIONS if m[0] <= 11])
    store.migrate()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute(
        "INSERT INTO plans (id, team_id, channel_id, name, language, timezone, created_by) "
        "VALUES (1, 'T1', 'C1', 'P', 'sv', 'Europe/Stockholm', 'anna')"
    )
    conn.execute(
        "INSERT INTO causes (id, plan_id, ref_no, text, text_key, created_by, created_at) "
        "VALUES (1, 1, 1, 'Mörka gångtunnlar', 'mörka gångtunnlar', 'anna', "
        "'2026-11-01T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO log_entries (plan_id, ref_no, text, user_id, happened_on, source, "
        "created_at) VALUES (1, 1, 'Lamporna i gångtunneln', 'erik', '2026-11-03', 'command', "
        "'2026-11-03T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO observations (plan_id, ref_no, iso_year, iso_week, happened_on, category, "
        "text, user_id, source, created_at) VALUES (1, 1, 2026, 45, '2026-11-02', 'graffiti', "
        "'Taggar i gångtunnlarna', 'erik', 'command', '2026-11-02T10:00:00+00:00')"
    )
    conn.close()
    monkeypatch.undo()
    assert store.migrate() == [v for v, _, _ in MIGRATIONS if v > 11]
    with store.read() as tx:
        hits, total = tx.search.find(1, "gångtunnel", 10)
        assert ([(h.kind, h.item_id) for h in hits], total) == (
            [("log", 1), ("observation", 1), ("cause", 1)],
            3,
        )
    conn = sqlite3.connect(store.path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert not {n for n in names if n.startswith("observations_fts")}


PIECES = st.lists(st.sampled_from(["@", "channel", " ", "here", "<", "&", "ö", "*", "lamp", "!"]))


def test_a_matched_broadcast_word_stays_inert() -> None:
    from samverkan.search import marked

    assert marked("Told @channel and the channel", parse_query("channel"), 200) == (
        "Told @\u200bchannel and the *channel*"
    )


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=300) | PIECES.map("".join),
    query=st.text(max_size=40) | PIECES.map(" ".join),
)
def test_bold_marks_only_wrap_escaped_text(text: str, query: str) -> None:
    """Whatever is typed, a hit reads as the escaped text with some words wrapped in `*`."""
    from samverkan.search import marked
    from samverkan.text import esc

    shown = marked(text, parse_query(query), 200)
    assert shown.replace("*", "") == esc(text, 200).replace("*", "")
    assert "<" not in shown and ">" not in shown


def test_plan_1_and_plan_12_keep_their_terms_apart_and_an_item_can_leave(tmp_path: Path) -> None:
    """Terms are `<plan>_<word>`: plan 1's `lamp*` never reaches plan 12's `12_lampa`."""
    store = Store(tmp_path / "twelve.db", clock=lambda: NOW)
    store.migrate()
    with store.write() as tx:
        plans = [
            tx.plans.create(
                team_id="T1",
                channel_id=f"C{n}",
                name=f"P{n}",
                language="sv",
                timezone="Europe/Stockholm",
                created_by="anna",
            )
            for n in range(1, 13)
        ]
        assert (plans[0].id, plans[11].id) == (1, 12)
        mine = tx.logs.add(
            1,
            text="Lampan i trappan",
            user_id="anna",
            happened_on=date(2026, 11, 25),
            source="command",
        )
        tx.logs.add(
            12,
            text="Lampa vid 2_lampa",
            user_id="anna",
            happened_on=date(2026, 11, 25),
            source="command",
        )
    with store.read() as tx:
        assert tx.search.find(1, "lamp*", 10)[1] == 1
        assert tx.search.find(1, "lampa", 10)[1] == 1
        assert tx.search.find(12, "lamp*", 10)[1] == 1
        assert tx.search.find(2, "lamp*", 10) == ([], 0)  # "2_lampa" typed in plan 12's text
    with store.write() as tx:
        tx.search.remove("log", mine.id)
        tx.search.remove("log", mine.id)  # already gone: nothing happens
    with store.read() as tx:
        assert tx.search.find(1, "lampa", 10) == ([], 0)
        assert tx.search.find(12, "lampa", 10)[1] == 1
