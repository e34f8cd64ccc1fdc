"""The domain through `run(...)` on a real temporary database (DESIGN §2, §3, §6)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from samverkan.i18n import t
from samverkan.reply import Fields, FollowUpCard, Header, Note, Reply, Section
from storage import Store

NO_PLAN = (
    "This channel has no plan yet. A coordinator starts one with `/samverkan setup <plan name>`."
    "\nExample: `/samverkan setup Trygg i Järva 2027`"
)
IDENTITY = t("en", "error.identity_number")


def mrkdwn(reply: Reply) -> str:
    """Every piece of mrkdwn a reply sends to Slack, one per line."""
    parts: list[str] = []
    for item in reply.items:
        if isinstance(item, Section | Note | FollowUpCard):
            parts.append(item.text)
        elif isinstance(item, Fields):
            parts.extend(item.pairs)
    return "\n".join(parts)


def headers(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Header)]


def sections(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Section)]


def cards(reply: Reply) -> list[str]:
    return [i.ref for i in reply.items if isinstance(i, FollowUpCard)]


def rows(store: Store, table: str, columns: str = "*") -> list[tuple]:
    """Rows read straight from the SQLite file, past the store."""
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(f"SELECT {columns} FROM {table}").fetchall()
    finally:
        conn.close()


@pytest.fixture
def plan(run: Callable) -> Callable:
    """A plan in T1/C1 run by anna, with two organisations, erik (police) and mats (housing)."""
    for text in (
        "setup Trygg i Järva",
        "org add Polisen Järva police",
        "org add Stockholmshem housing",
        "member <@erik> Polisen Järva",
        "member <@mats> Stockholmshem",
    ):
        reply = run("anna", text)
        assert reply.ok, reply.text
    return run


# -- a channel without a plan --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "status",
        "status A1",
        "org list",
        "org add Polisen",
        "member <@erik> Polisen",
        "join Polisen",
        "activity list",
        "activity A1",
        "activity add Walk",
        "activity A1 status active",
        "log Walked the area",
        "log",
        "follow <@erik> Check the lamp",
        "done F1",
        "snooze F1 friday",
        "reassign F1 <@erik>",
        "overdue",
        "search lighting",
        "history A1",
        "digest",
        "digest now",
        "digest off",
        "settings language sv",
    ],
)
def test_a_plan_command_without_a_plan_says_how_to_start_one(run: Callable, text: str) -> None:
    reply = run("anna", text)
    assert reply.ok is False
    assert reply.text == NO_PLAN
    assert reply.visibility == "ephemeral"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mine", "You have no open follow-ups."),
        ("reminders off", "Reminders are off. `/samverkan reminders on` turns them back on."),
        ("help", t("en", "help.intro", cmd="/samverkan")),
    ],
)
def test_personal_commands_work_without_a_plan(run: Callable, text: str, expected: str) -> None:
    reply = run("anna", text, channel="D-anna")
    assert (reply.ok, reply.text) == (True, expected)


# -- replies say exactly what changed ------------------------------------------------------------


def test_setup_makes_the_caller_coordinator_once_per_channel(run: Callable, store: Store) -> None:
    reply = run("anna", "setup Trygg i Järva")
    assert reply.ok
    assert reply.visibility == "channel"
    assert reply.text == (
        "The plan *Trygg i Järva* is set up for this channel. <@anna> is its coordinator."
    )
    assert rows(store, "members", "user_id, organisation_id, role") == [
        ("anna", None, "coordinator")
    ]
    again = run("erik", "setup Something else")
    assert (again.ok, again.text) == (
        False,
        "This channel already has a plan: *Trygg i Järva*. One plan per channel.",
    )
    assert rows(store, "plans", "name") == [("Trygg i Järva",)]


def test_organisations_and_members(plan: Callable, store: Store) -> None:
    run = plan
    reply = run("anna", "org add Socialtjänsten social services")
    assert (reply.text, reply.visibility) == (
        "Added the organisation *Socialtjänsten* (social services).",
        "channel",
    )
    assert run("anna", "org add socialtjänsten").text == (
        "There is already an organisation called *socialtjänsten*."
    )
    assert run("anna", "member <@sara> Socialtjänsten coordinator").text == (
        "<@sara> is now a coordinator of *Socialtjänsten*."
    )
    assert run("lena", "join stockholmshem").text == "<@lena> joined *Stockholmshem* as member."
    assert run("lena", "join Stockholmshem").text == "You are already in *Stockholmshem*."
    assert run("lena", "join Nowhere").text == (
        "There is no organisation called *Nowhere* in this plan. Organisations: "
        "*Polisen Järva*, *Socialtjänsten*, *Stockholmshem*."
    )
    # A coordinator who joins an organisation stays coordinator.
    assert run("anna", "join Polisen Järva").text == (
        "<@anna> joined *Polisen Järva* as coordinator."
    )
    listing = run("anna", "org list")
    assert headers(listing) == ["Organisations (3)"]
    assert sections(listing) == [
        "• *Polisen Järva* (police): <@anna> ★, <@erik>\n"
        "• *Socialtjänsten* (social services): <@sara> ★\n"
        "• *Stockholmshem* (housing): <@lena>, <@mats>"
    ]
    assert sorted(rows(store, "members", "user_id, role")) == [
        ("anna", "coordinator"),
        ("erik", "member"),
        ("lena", "member"),
        ("mats", "member"),
        ("sara", "coordinator"),
    ]


def test_the_last_coordinator_cannot_step_down(plan: Callable) -> None:
    reply = plan("anna", "member <@anna> Polisen Järva member")
    assert reply.text == (
        "The plan needs at least one coordinator. Make someone else coordinator first."
    )
    plan("anna", "member <@erik> Polisen Järva coordinator")
    assert plan("anna", "member <@anna> Polisen Järva member").text == (
        "<@anna> is now a member of *Polisen Järva*."
    )


def test_activities(plan: Callable, store: Store) -> None:
    run = plan
    assert run("anna", "activity add Trygghetsvandring owner Stockholmshem due friday").text == (
        "New activity *A1*: Trygghetsvandring. owner Stockholmshem; due 27 Nov."
    )
    assert run("anna", "activity add Fältassistenter").text == (
        "New activity *A2*: Fältassistenter."
    )
    assert run("anna", "activity add Kameror owner Nobody").text == (
        "There is no organisation called *Nobody* in this plan. Organisations: "
        "*Polisen Järva*, *Stockholmshem*."
    )
    assert run("mats", "activity A1 status active").text == (
        "🔵 *A1* Trygghetsvandring: Status planned → *active* (by <@mats>)"
    )
    assert run("mats", "aktivitet A1 bedömning gul").text == (
        "🟡 *A1* Trygghetsvandring: Assessment not assessed → *amber* (by <@mats>)"
    )
    assert run("anna", "activity A1 due 2027-01-15").text == (
        "*A1* Trygghetsvandring: Due 27 Nov → *15 Jan 2027* (by <@anna>)"
    )
    assert run("anna", "activity A1 owner polisen järva").text == (
        "*A1* Trygghetsvandring: Owner Stockholmshem → *Polisen Järva* (by <@anna>)"
    )
    assert run("anna", "activity A1 rag amber").text == "A1 is already amber."
    assert run("anna", "activity A9 status active").text == (
        "There is no activity A9 in this plan. `/samverkan activity list` shows them."
    )
    assert rows(store, "activities", "ref_no, title, status, rag, due_date") == [
        (1, "Trygghetsvandring", "active", "amber", "2027-01-15"),
        (2, "Fältassistenter", "planned", None, None),
    ]
    listing = run("erik", "activity list")
    assert headers(listing) == ["Trygg i Järva: activities (2)"]
    assert sections(listing) == [
        "🟡 *A1* Trygghetsvandring — active · Polisen Järva · due 15 Jan 2027\n"
        "⚫ *A2* Fältassistenter — planned"
    ]


def test_log_entries(plan: Callable, store: Store) -> None:
    run = plan
    run("anna", "activity add Trygghetsvandring")
    reply = run("erik", "log A1 Walked the area with the housing company on monday")
    assert (reply.ok, reply.visibility) == (True, "channel")
    assert reply.text == (
        "*L1* logged on *A1* Trygghetsvandring by <@erik> (Polisen Järva), 23 Nov:\n"
        "> Walked the area with the housing company"
    )
    assert sections(reply) == ["📝 " + reply.text]
    assert run("anna", "log Talked to the school").text == (
        "*L2* logged (no activity) by <@anna>, 25 Nov:\n> Talked to the school"
    )
    assert run("erik", "log A1 Will walk again on +3d").text == (
        "You can't log something that happens 28 Nov: log it when it's done."
    )
    assert run("erik", "log A7 Walked").text == (
        "There is no activity A7 in this plan. `/samverkan activity list` shows them."
    )
    assert rows(store, "log_entries", "ref_no, activity_id, user_id, happened_on, text") == [
        (1, 1, "erik", "2026-11-23", "Walked the area with the housing company"),
        (2, None, "anna", "2026-11-25", "Talked to the school"),
    ]


def test_follow_ups(plan: Callable, store: Store, clock) -> None:
    run = plan
    run("anna", "activity add Belysning")
    reply = run("anna", "follow <@erik|erik> Check the lighting by friday A1")
    assert (reply.ok, reply.visibility, reply.touched_users) == (True, "channel", {"erik"})
    assert reply.text == (
        "*F1* for <@erik> from <@anna> — due 27 Nov, *A1* Belysning:\n> Check the lighting"
    )
    assert run("erik", "follow <@mats> Order a lamp").text == (
        "*F2* for <@mats> from <@erik>:\n> Order a lamp"
    )
    assert run("erik", "follow <@mats> Order it by yesterday").text == (
        "The due date 24 Nov has already passed."
    )
    assert run("erik", "snooze F1 +1w").text == (
        "⏭️ *F1* Check the lighting: moved from 27 Nov to *2 Dec* (by <@erik>)"
    )
    assert run("anna", "reassign F1 <@mats>").text == (
        "🔁 *F1* Check the lighting: reassigned from <@erik> to <@mats>"
    )
    assert run("mats", "done F1").text == "✅ *F1* done: Check the lighting (by <@mats>)"
    assert run("mats", "done F1").text == "F1 is already done."
    assert run("erik", "cancel F2").text == "✖️ *F2* cancelled: Order a lamp (by <@erik>)"
    assert run("erik", "snooze F2 friday").text == "F2 is already cancelled."
    assert run("erik", "done F9").text == "There is no follow-up F9 in this plan."
    assert rows(store, "followups", "ref_no, assignee, assigned_by, due_date, status, done_by") == [
        (1, "mats", "anna", "2026-12-02", "done", "mats"),
        (2, "mats", "erik", None, "cancelled", "erik"),
    ]


def test_overdue_and_status(plan: Callable, clock) -> None:
    run = plan
    run("anna", "activity add Belysning owner Polisen Järva due friday")
    run("anna", "follow <@erik> Check the lighting by friday A1")
    run("erik", "log A1 Two lamps out")
    assert run("erik", "overdue").text == "Nothing is overdue."
    clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the Monday after
    overdue = run("erik", "overdue")
    assert overdue.text == "Overdue: 1 follow-ups, 1 activities"
    assert cards(overdue) == ["F1"]
    card = next(i for i in overdue.items if isinstance(i, FollowUpCard))
    assert card.text == ("*F1* Check the lighting\n⏰ 3 d late (due 27 Nov) · for <@erik> · *A1*")
    assert "⚫ *A1* Belysning — planned · Polisen Järva · ⏰ due 27 Nov" in mrkdwn(overdue)
    status = run("mats", "status")
    assert headers(status) == ["Trygg i Järva: status"]
    assert status.text == (
        "Trygg i Järva: status\n"
        "Open follow-ups: 1 (1 late)\n"
        "Activities past due: 1\n"
        "Logged in the last 7 days: 1"
    )
    assert run("mats", "status A1").text == "A1 Belysning"
    org = run("mats", "status polisen järva")
    assert headers(org) == ["Polisen Järva — police"]
    assert sections(org)[0] == "*People*: <@erik>"


# -- refs ----------------------------------------------------------------------------------------


def test_refs_are_per_plan_and_never_reused(plan: Callable, store: Store) -> None:
    run = plan
    run("anna", "setup Trygg i Husby", channel="C2")
    run("anna", "org add Husbyskolan school", channel="C2")
    run("anna", "join Husbyskolan", channel="C2")

    assert run("anna", "activity add One").text.startswith("New activity *A1*")
    assert run("anna", "activity add Two").text.startswith("New activity *A2*")
    assert run("anna", "activity add Ett", channel="C2").text.startswith("New activity *A1*")

    assert run("anna", "follow <@erik> First").text.startswith("*F1* ")
    assert run("anna", "cancel F1").ok
    assert run("anna", "follow <@erik> Second").text.startswith("*F2* ")
    assert run("anna", "follow <@erik> Första", channel="C2").text.startswith("*F1* ")

    assert run("erik", "log First").text.startswith("*L1* ")
    # Refused changes allocate nothing.
    assert not run("erik", "log Later on +2d").ok
    assert not run("erik", "log saw 850709-9805").ok
    assert not run("zed", "log Not a member").ok
    assert run("erik", "log Second").text.startswith("*L2* ")
    assert run("anna", "log Första", channel="C2").text.startswith("*L1* ")

    assert sorted(rows(store, "ref_counters", "plan_id, kind, last")) == [
        (1, "A", 2),
        (1, "F", 2),
        (1, "L", 2),
        (2, "A", 1),
        (2, "F", 1),
        (2, "L", 1),
    ]


# -- isolation -----------------------------------------------------------------------------------


def test_another_workspace_sees_nothing_even_on_the_same_channel_id(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Belysning")
    run("erik", "log A1 The secret lighting report")
    run("anna", "follow <@erik> Check the lighting")

    def t2(user: str, text: str) -> Reply:
        return run(user, text, channel="C1", team="T2")

    for text in ("status", "activity A1", "search lighting", "history A1", "done F1", "org list"):
        assert t2("anna", text).text == NO_PLAN
    assert t2("erik", "mine").text == "You have no open follow-ups."

    assert t2("anna", "setup Other workspace").ok
    assert t2("anna", "activity add Eget").text == "New activity *A1*: Eget."
    assert t2("anna", "search lighting").text == "Nothing in the log matches “lighting”."
    assert t2("anna", "done F1").text == "There is no follow-up F1 in this plan."
    history = t2("anna", "history A1")
    assert "Belysning" not in history.text
    assert "Eget" in history.text
    # T1 is untouched by T2's plan.
    assert len(run("erik", "search lighting").items) == 2


def test_another_channel_sees_nothing_of_a_plan(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Belysning")
    run("erik", "log A1 The lighting report")
    assert run("erik", "search lighting", channel="C2").text == NO_PLAN
    run("anna", "setup Trygg i Husby", channel="C2")
    assert run("anna", "search lighting", channel="C2").text == (
        "Nothing in the log matches “lighting”."
    )
    assert run("anna", "activity A1", channel="C2").text == (
        "There is no activity A1 in this plan. `/samverkan activity list` shows them."
    )
    assert run("anna", "history L1", channel="C2").text == "L1 has no history in this plan."


def test_mine_lists_only_the_callers_follow_ups_across_plans(plan: Callable) -> None:
    run = plan
    run("anna", "setup Trygg i Husby", channel="C2")
    run("anna", "org add Husbyskolan school", channel="C2")
    run("anna", "join Husbyskolan", channel="C2")
    run("anna", "follow <@erik> Lamp in Järva by friday")
    run("anna", "follow <@mats> Not for erik")
    run("anna", "follow <@erik> Lamp in Husby by 2026-12-10", channel="C2")
    run("anna", "follow <@sara> Not for erik either", channel="C2")
    run("anna", "follow <@erik> Closed already", channel="C2")
    run("anna", "done F3", channel="C2")

    reply = run("erik", "mine", channel="D-erik")
    assert reply.visibility == "ephemeral"
    assert reply.text == "Your open follow-ups (2)\nF1 Lamp in Järva\nF1 Lamp in Husby"
    assert headers(reply) == ["Your open follow-ups (2)"]
    assert sections(reply) == ["*Trygg i Järva*", "*Trygg i Husby*"]
    texts = [i.text for i in reply.items if isinstance(i, FollowUpCard)]
    assert texts == [
        "*F1* Lamp in Järva\ndue 27 Nov · from <@anna>",
        "*F1* Lamp in Husby\ndue 10 Dec · from <@anna>",
    ]
    assert run("sara", "mina", channel="C1").text == (
        "Your open follow-ups (1)\nF2 Not for erik either"
    )


# -- modals, language, dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modal"),
    [
        ("log", "log"),
        ("logga", "log"),
        ("follow", "follow"),
        ("uppföljning", "follow"),
        ("activity add", "activity"),
        ("aktivitet ny", "activity"),
    ],
)
def test_commands_without_arguments_open_a_modal(
    plan: Callable, store: Store, text: str, modal: str
) -> None:
    reply = plan("anna", text)
    assert (reply.ok, reply.modal, reply.visibility) == (True, modal, "ephemeral")
    assert reply.plan_id == 1
    assert reply.text == t("en", f"modal.console_{modal}", cmd="/samverkan")
    assert rows(store, "log_entries") == rows(store, "followups") == rows(store, "activities") == []


def test_settings_language_switches_replies_and_dates_to_swedish(plan: Callable) -> None:
    run = plan
    assert run("anna", "activity add Belysning due 2026-12-15").text == (
        "New activity *A1*: Belysning. due 15 Dec."
    )
    assert run("anna", "activity add Kameror due 2027-01-15").text == (
        "New activity *A2*: Kameror. due 15 Jan 2027."
    )
    reply = run("anna", "settings language sv")
    assert (reply.text, reply.lang) == ("Språk: en → *sv*", "sv")
    assert run("anna", "aktivitet ny Vandring senast 2026-12-15").text == (
        "Ny aktivitet *A3*: Vandring. senast 15 dec."
    )
    assert run("anna", "activity add Lampor due 2027-01-15").text == (
        "Ny aktivitet *A4*: Lampor. senast 15 jan. 2027."
    )
    assert run("erik", "logga A1 Gick runt den måndag").text == (
        "*L1* loggad på *A1* Belysning av <@erik> (Polisen Järva), 23 nov.:\n> Gick runt"
    )
    assert run("erik", "follow <@mats> Beställ lampor by friday").text == (
        "*F1* till <@mats> från <@erik> — senast 27 nov.:\n> Beställ lampor"
    )
    assert headers(run("erik", "status")) == ["Trygg i Järva: läget"]
    assert headers(run("erik", "help")) == ["Samverkan — så använder du den"]
    assert run("erik", "klar F9").text == "Det finns ingen uppföljning F9 i planen."
    assert run("erik", "frobnicate").text == (
        "Jag känner inte till kommandot ”frobnicate”. Skriv `/samverkan hjälp` för att se alla."
        "\nExempel: `/samverkan hjälp`"
    )
    # Another channel's plan keeps its own language.
    run("anna", "setup Trygg i Husby", channel="C2")
    assert run("anna", "status", channel="C2").text.startswith("Trygg i Husby: status")
    assert run("anna", "settings språk svenska").text == "Språk är redan sv."


@pytest.mark.parametrize(
    ("text", "title"),
    [("help log", "Help: log"), ("hjälp logga", "Help: log"), ("help datum", "Help: dates")],
)
def test_help_topics(plan: Callable, text: str, title: str) -> None:
    reply = plan("erik", text)
    assert reply.ok
    assert headers(reply) == [title]


def test_help_help_and_unknown_topics(plan: Callable) -> None:
    assert headers(plan("erik", "help help")) == ["Samverkan — how to use it"]
    assert plan("erik", "help <!channel>").text == (
        "There is no help topic “&lt;!channel&gt;”.\nExample: `/samverkan help`"
    )


# -- history, search -----------------------------------------------------------------------------


def test_history_shows_the_audit_trail(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Belysning owner Polisen Järva due friday")
    run("erik", "activity A1 status active")
    run("erik", "log A1 Two lamps out")
    run("anna", "follow <@erik> Order lamps by friday A1")
    run("erik", "snooze F1 2026-12-04")
    run("erik", "done F1")
    reply = run("mats", "history A1")
    assert headers(reply) == ["History of A1"]
    assert sections(reply) == [
        "• 25 Nov 11:00 <@anna> created it — Title: Belysning; Owner: Polisen Järva; "
        "Due: 27 Nov; Status: planned\n"
        "• 25 Nov 11:00 <@erik> changed: Status: planned → active\n"
        "• 25 Nov 11:00 <@erik> logged L1"
    ]
    followup = run("mats", "history F1")
    assert sections(followup) == [
        "• 25 Nov 11:00 <@anna> created it — Assignee: <@erik>; Text: Order lamps; "
        "Due: 27 Nov; Activity: A1\n"
        "• 25 Nov 11:00 <@erik> snoozed it: Due: 27 Nov → 4 Dec\n"
        "• 25 Nov 11:00 <@erik> completed it: Status: open → done"
    ]
    log = run("mats", "history L1")
    assert sections(log) == [
        "• 25 Nov 11:00 <@erik> created it — Activity: A1; Text: Two lamps out; "
        "Date: 25 Nov; Source: command"
    ]
    assert run("mats", "history F7").text == "F7 has no history in this plan."


def test_search_uses_full_text_search(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Fordon")
    run("erik", "log A1 Checked the payload of the van on monday")
    run("erik", "log Lighting in the underpass is broken")
    run("mats", "log Reported the lighting to the landlord")
    reply = run("anna", "search payload")
    assert reply.text == "Log entries matching “payload”: 1"
    assert sections(reply) == [
        "`L1` 23 Nov *A1* <@erik> (Polisen Järva): Checked the payload of the van"
    ]
    # Words match in any order and any case, as whole words.
    assert run("anna", "search VAN payload").text == "Log entries matching “VAN payload”: 1"
    both = run("anna", "sök lighting")
    assert both.text == "Log entries matching “lighting”: 2"
    assert sections(both) == [
        "`L3` 25 Nov <@mats> (Stockholmshem): Reported the lighting to the landlord\n"
        "`L2` 25 Nov <@erik> (Polisen Järva): Lighting in the underpass is broken"
    ]
    assert run("anna", "search light").text == "Nothing in the log matches “light”."
    # Query syntax is text, not operators.
    assert run("anna", "search payload OR lighting").text == (
        "Nothing in the log matches “payload OR lighting”."
    )


@pytest.mark.parametrize("query", ['"', '""', 'pay"load', "NEAR(", "*", "pay\x00load", "-van"])
def test_search_with_query_syntax_characters_does_not_fail(plan: Callable, query: str) -> None:
    plan("erik", "log Checked the payload of the van")
    reply = plan("anna", f"search {query}")
    assert reply.ok
    assert reply.text != t("en", "error.internal")


# -- trust: identity numbers and escaping --------------------------------------------------------


def all_values(store: Store) -> list[str]:
    """Every value in every table of the file, as text."""
    conn = sqlite3.connect(store.path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out: list[str] = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                out.extend(str(v) for v in row if v is not None)
        return out
    finally:
        conn.close()


@pytest.mark.parametrize(
    "text",
    [
        "log saw 850709-9805",
        "log A1 saw 850709-9805 at the square on monday",
        "logga såg 19850709-9805",
        "follow <@erik> Call the parent of 850709-9805",
        "follow <@erik> Call about 8507099805 by friday A1",
        "activity add Support for 850769-9802",
        "activity A1 cause Youth 850709-9805",
        "org add Family 850709-9805",
        "settings area 850709+9805",
        "search 850709-9805",
    ],
)
def test_identity_numbers_are_refused_and_nothing_is_stored(
    plan: Callable, store: Store, text: str
) -> None:
    plan("anna", "activity add Belysning")
    before = all_values(store)
    reply = plan("erik" if "follow" in text or "log" in text else "anna", text)
    assert (reply.ok, reply.text) == (False, IDENTITY)
    assert reply.visibility == "ephemeral"
    assert "9805" not in mrkdwn(reply)
    after = all_values(store)
    assert after == before
    assert not [v for v in after if "850709" in v or "850769" in v or "9805" in v]
    for table in ("log_entries", "audit_events"):
        for row in rows(store, table):
            assert not any("9805" in str(v) for v in row), row


def test_a_refused_identity_number_is_not_logged(plan: Callable, caplog) -> None:
    with caplog.at_level("DEBUG"):
        plan("erik", "log saw 850709-9805")
    assert "9805" not in caplog.text


def test_user_text_is_escaped_in_replies(plan: Callable, store: Store) -> None:
    run = plan
    run("anna", "activity add Belysning")
    typed = "Told <!channel> and <!here> & <@U999> that 1 < 2 > 0"
    escaped = "Told &lt;!channel&gt; and &lt;!here&gt; &amp; &lt;@U999&gt; that 1 &lt; 2 &gt; 0"
    reply = run("erik", f"log A1 {typed}")
    assert sections(reply) == [
        "📝 *L1* logged on *A1* Belysning by <@erik> (Polisen Järva), 25 Nov:\n> " + escaped
    ]
    # Stored as typed, shown escaped everywhere it comes back.
    assert rows(store, "log_entries", "text") == [(typed,)]
    assert escaped in mrkdwn(run("anna", "search channel"))
    assert escaped in mrkdwn(run("anna", "activity A1"))
    assert escaped in mrkdwn(run("anna", "status"))
    assert escaped in mrkdwn(run("anna", "history L1"))
    followup = run("erik", f"follow <@mats> {typed}")
    assert followup.text.endswith("> " + escaped)
    assert escaped in mrkdwn(run("mats", "mine"))
    org = run("anna", "org add <!everyone> & co")
    assert org.text == "Added the organisation *&lt;!everyone&gt; &amp; co* (other)."
    title = run("anna", "activity A1 title <!channel> walk")
    assert title.text == "*A1* Belysning: Title Belysning → *&lt;!channel&gt; walk* (by <@anna>)"
    for r in (reply, followup, org, title):
        assert "<!" not in mrkdwn(r)
        assert "<@U999>" not in mrkdwn(r)


@pytest.mark.parametrize(
    "text",
    [
        "<!channel>",
        "<!here> hello",
        "activity A1 status <!channel>",
        "activity A1 rag <!here>",
        "digest schedule <!channel> 08:00",
        "digest schedule monday <!here>",
        "snooze F1 <@U999>",
        "settings language <!channel>",
        "help <!everyone>",
        "status <!channel>",
        "activity add Walk owner <!here>",
        "join <!channel>",
    ],
)
def test_typed_text_in_error_replies_is_escaped(plan: Callable, text: str) -> None:
    plan("anna", "activity add Belysning")
    plan("anna", "follow <@erik> Check it")
    reply = plan("anna", text)
    assert reply.ok is False
    shown = mrkdwn(reply) + "\n" + reply.text
    assert "<!" not in shown
    assert "<@U999>" not in shown
