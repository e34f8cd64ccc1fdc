"""Causes and the council template's fields of an activity (DESIGN §1, §2, §3; issue 12 part 1)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.dates import DateError
from samverkan.periods import Period, parse_period, write_period
from storage import Store
from storage.migrations import MIGRATIONS
from tests.test_service import mrkdwn, rows

TODAY = date(2026, 11, 25)


@pytest.fixture
def plan(run: Callable) -> Callable:
    """A plan run by anna with Polisen (erik), Stockholmshem (mats), Fältgruppen, and A1, A2."""
    for text in (
        "setup Trygg i Järva",
        "org add Polisen police",
        "org add Stockholmshem housing",
        "org add Fältgruppen social services",
        "member <@erik> Polisen",
        "member <@mats> Stockholmshem",
        "activity add Night walks owner Polisen",
        "activity add Fix the lamps owner Stockholmshem",
    ):
        reply = run("anna", text)
        assert reply.ok, reply.text
    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-15 – 2027-06-30", Period(date(2027, 1, 15), date(2027, 6, 30))),
        ("2027-01-15 - 2027-06-30", Period(date(2027, 1, 15), date(2027, 6, 30))),
        ("2027-01-15 to 2027-06-30", Period(date(2027, 1, 15), date(2027, 6, 30))),
        ("jan–jun 2027", Period(date(2027, 1, 1), date(2027, 6, 30))),
        ("jan-jun 2027", Period(date(2027, 1, 1), date(2027, 6, 30))),
        ("januari – juni 2027", Period(date(2027, 1, 1), date(2027, 6, 30))),
        ("okt–feb 2027", Period(date(2026, 10, 1), date(2027, 2, 28))),
        ("maj 2027", Period(date(2027, 5, 1), date(2027, 5, 31))),
        ("vt 2027", Period(date(2027, 1, 1), date(2027, 6, 30))),
        ("VT27", Period(date(2027, 1, 1), date(2027, 6, 30))),
        ("ht 2027", Period(date(2027, 7, 1), date(2027, 12, 31))),
        ("ongoing", Period(ongoing=True)),
        ("Löpande", Period(ongoing=True)),
        ("2027-03-01", Period(end=date(2027, 3, 1))),
        ("2027-01-15 –", Period(start=date(2027, 1, 15))),
        ("15/1 - 30/6", Period(date(2027, 1, 15), date(2027, 6, 30))),
        ("none", Period()),
    ],
)
def test_periods_as_typed(text: str, expected: Period) -> None:
    assert parse_period(text, TODAY) == expected


@pytest.mark.parametrize("text", ["soon", "2027-06-30 – 2027-01-15", "jan–jun", "vt"])
def test_what_is_no_period(text: str) -> None:
    with pytest.raises(DateError):
        parse_period(text, TODAY)


@given(
    st.dates(date(2025, 1, 1), date(2029, 12, 31)),
    st.integers(0, 400),
    st.sampled_from(["en", "sv"]),
)
def test_a_written_period_reads_back(start: date, days: int, lang: str) -> None:
    from datetime import timedelta

    p = Period(start, start + timedelta(days))
    assert parse_period(write_period(p, lang), TODAY) == p


def test_causes_are_numbered_and_listed(plan: Callable, store: Store) -> None:
    added = plan("anna", "cause add Poor lighting at the underpass")
    assert added.ok and added.visibility == "channel"
    assert added.text == "New cause *C1*: Poor lighting at the underpass"
    assert plan("anna", "orsak ny Unga samlas vid torget").text.startswith("New cause *C2*")
    same = plan("anna", "cause add poor lighting AT the underpass")
    assert not same.ok
    assert "That cause is already *C1*" in same.text
    assert plan("anna", "activity A1 cause C2").ok
    listed = mrkdwn(plan("erik", "cause list"))
    assert "*C1* Poor lighting at the underpass — activities: 0" in listed
    assert "*C2* Unga samlas vid torget — activities: 1" in listed
    assert rows(store, "causes", "ref_no, text") == [
        (1, "Poor lighting at the underpass"),
        (2, "Unga samlas vid torget"),
    ]


def test_only_coordinators_add_causes(plan: Callable, store: Store) -> None:
    reply = plan("erik", "cause add Dark paths")
    assert not reply.ok
    assert "Only a coordinator of this plan can add causes" in reply.text
    assert rows(store, "causes") == []


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [
        ("activity A1 cause Dark underpass", "cause", "C1 Dark underpass"),
        ("aktivitet A1 orsak Mörk tunnel", "cause", "C1 Mörk tunnel"),
        ("activity A1 period jan–jun 2027", "When", "1 Jan 2027 – 30 Jun 2027"),
        ("aktivitet A1 när vt 2027", "When", "1 Jan 2027 – 30 Jun 2027"),
        ("activity A1 start ongoing", "When", "ongoing"),
        (
            "activity A1 partners Stockholmshem, fältgruppen",
            "Partners",
            "Stockholmshem, Fältgruppen",
        ),
        ("aktivitet A1 parter Stockholmshem", "Partners", "Stockholmshem"),
        (
            "aktivitet A1 uppföljning Antal kvällar, varje månad",
            "Follow-up",
            "Antal kvällar, varje månad",
        ),
        ("activity A1 kind one-off", "Kind", "one-off effort"),
        ("aktivitet A1 typ ordinarie verksamhet", "Kind", "ordinary work"),
    ],
)
def test_the_template_fields_are_set_and_shown(
    plan: Callable, text: str, field: str, shown: str
) -> None:
    reply = plan("erik", text)
    assert reply.ok, reply.text
    assert reply.visibility == "channel"
    assert f"→ *{shown}*" in reply.text
    page = mrkdwn(plan("mats", "activity A1"))
    label = "Cause" if field == "cause" else field
    assert f"*{label}*\n{shown}" in page


def test_the_fields_are_stored(plan: Callable, store: Store) -> None:
    for text in (
        "activity A1 cause C1",
        "cause add Unga samlas",
        "activity A1 cause C1",
        "activity A1 period 2027-01-15 – 2027-06-30",
        "activity A1 partners Stockholmshem, Fältgruppen, Polisen",
        "activity A1 followup Count the evenings",
        "activity A1 kind ordinary",
    ):
        plan("anna", text)
    assert rows(
        store,
        "activities",
        "ref_no, cause_id, period_start, period_end, period_ongoing, followup, kind",
    )[0] == (1, 1, "2027-01-15", "2027-06-30", 0, "Count the evenings", "ordinary")
    # The owner is no partner of its own activity.
    assert rows(store, "activity_partners", "activity_id, organisation_id, position") == [
        (1, 2, 0),
        (1, 3, 1),
    ]
    plan("anna", "activity A1 partners none")
    assert rows(store, "activity_partners") == []


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("activity A1 cause C9", "There is no cause C9 in this plan"),
        ("activity A1 period soon", "I could not read *soon* as a period"),
        ("activity A1 period 2027-06-30 – 2027-01-15", "as a period"),
        ("activity A1 period 2040-01-01 – 2040-02-01", "as a period"),
        ("activity A1 partners Polisen, Skolan", "Skolan"),
        ("activity A1 kind sometimes", "*sometimes* is not a kind"),
        ("activity A1 followup 19850101-1234 följer upp", "identity number"),
        ("activity A1 period", "Write the period"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    plan: Callable, store: Store, text: str, error: str
) -> None:
    before = rows(store, "activities")
    reply = plan("anna", text)
    assert not reply.ok
    assert error in reply.text
    assert ("Example:" in reply.text) is ("identity" not in error)
    assert rows(store, "activities") == before
    assert rows(store, "activity_partners") == []


def test_only_the_owner_or_a_coordinator_changes_them(plan: Callable, store: Store) -> None:
    reply = plan("mats", "activity A1 kind one-off")
    assert not reply.ok
    assert "change its kind" in reply.text


def test_the_list_shows_cause_period_and_partners(plan: Callable) -> None:
    plan("anna", "cause add Dark underpass")
    plan("anna", "activity A1 cause C1")
    plan("anna", "activity A1 period vt 2027")
    plan("anna", "activity A1 partners Stockholmshem")
    line = next(x for x in mrkdwn(plan("erik", "activity list")).splitlines() if "*A1*" in x)
    assert line.endswith(" · C1 · 1 Jan 2027 – 30 Jun 2027 · + Stockholmshem")


def test_the_list_groups_by_cause(plan: Callable) -> None:
    plan("anna", "activity add Meet the school")
    plan("anna", "cause add Dark underpass")
    plan("anna", "cause add Young people gather")
    plan("anna", "activity A2 cause C1")
    plan("anna", "activity A1 cause C2")
    for text in ("activity list by cause", "aktivitet lista per orsak"):
        lines = mrkdwn(plan("erik", text)).splitlines()
        heads = [line for line in lines if not line.startswith("    ") and "*" in line]
        assert heads[:3] == ["*C1* Dark underpass", "*C2* Young people gather", "*No cause given*"]
        body = "\n".join(lines)
        assert body.index("Fix the lamps") < body.index("Night walks") < body.index("Meet")


def test_m008_turns_typed_causes_into_numbered_causes(tmp_path: Path, monkeypatch) -> None:
    old = Store(tmp_path / "old.db")
    monkeypatch.setattr("storage.store.MIGRATIONS", [m for m in MIGRATIONS if m[0] < 8])
    old.migrate()
    conn = sqlite3.connect(old.path)
    conn.execute(
        "INSERT INTO plans (id, team_id, channel_id, name, language, timezone, created_by, "
        "created_at) VALUES (1, 'T1', 'C1', 'P', 'sv', 'Europe/Stockholm', 'anna', '2026-11-01')"
    )
    for n, (title, cause) in enumerate(
        (("A", "Mörk tunnel"), ("B", ""), ("C", "mörk tunnel "), ("D", "X")), 1
    ):
        conn.execute(
            "INSERT INTO activities (plan_id, ref_no, title, cause, status, created_by, "
            "created_at, updated_at) VALUES (1, ?, ?, ?, 'planned', 'anna', '2026-11-01', "
            "'2026-11-01')",
            (n, title, cause),
        )
    conn.commit()
    conn.close()
    monkeypatch.undo()
    assert 8 in old.migrate()
    with old.read() as tx:
        acts = tx.activities.of_plan(1)
        assert [(a.title, a.cause_ref, a.cause) for a in acts] == [
            ("A", "C1", "Mörk tunnel"),
            ("B", None, ""),
            ("C", "C1", "Mörk tunnel"),
            ("D", "C2", "X"),
        ]
        assert tx.refs.next(1, "C") == 3
    conn = sqlite3.connect(old.path)
    assert conn.execute("SELECT COUNT(*) FROM causes").fetchone() == (2,)
    conn.close()


def test_history_of_a_cause_and_of_the_fields(plan: Callable) -> None:
    plan("anna", "cause add Dark underpass")
    plan("anna", "activity A1 period vt 2027")
    plan("anna", "activity A1 kind one-off")
    assert "Dark underpass" in mrkdwn(plan("erik", "history C1"))
    trail = mrkdwn(plan("erik", "history A1"))
    assert "2027-01-01 – 2027-06-30" in trail
    assert "one-off effort" in trail


def test_the_form_fills_the_template_fields(plan: Callable, app, store: Store) -> None:
    from samverkan.service import Context

    assert plan("anna", 'org add "Bostäder, Norr" housing').ok
    reply = app.add_activity(
        Context("T1", "C1", "anna"),
        title="Städdag",
        owner="Polisen",
        cause="Skräp vid torget",
        period="ht 2027",
        partners=["Bostäder, Norr", "Polisen"],
        followup="Antal säckar",
        kind="one_off",
    )
    assert reply.ok, reply.text
    page = mrkdwn(plan("anna", "activity A3"))
    assert "*Partners*\nBostäder, Norr" in page
    assert "*When*\n1 Jul 2027 – 31 Dec 2027" in page
    assert "*Kind*\none-off effort" in page
    from samverkan.context import UserError

    with pytest.raises(UserError) as caught:
        app.add_activity(Context("T1", "C1", "anna"), title="X", period="snart")
    assert (caught.value.key, caught.value.field) == ("error.bad_period", "period")
    assert len(rows(store, "activities")) == 3  # the refused form stored nothing
