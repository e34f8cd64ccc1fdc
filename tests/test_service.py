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
    "This channel has no plan yet. Anyone here can start one with "
    "`/samverkan setup <plan name>`."
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
    # Joining asks the coordinators (anna, sara); once approved lena is a member.
    asked = run("lena", "join stockholmshem")
    assert (asked.text, asked.visibility) == (
        "You asked to join *Stockholmshem*. The plan's coordinators (<@anna>, <@sara>) decide; "
        "you will get a message when one of them has. Until then you are not a member.",
        "ephemeral",
    )
    assert run("lena", "join Stockholmshem").text == (
        "You have already asked to join *Stockholmshem*; a coordinator has not decided yet."
    )
    assert run("sara", "join approve <@lena>").text == (
        "<@lena> joined *Stockholmshem* as member (approved by <@sara>)."
    )
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
        "<@anna> is now a member of *Polisen Järva* (was coordinator)."
    )


def test_activities(plan: Callable, store: Store) -> None:
    run = plan
    assert run("anna", "activity add Trygghetsvandring owner Stockholmshem due friday").text == (
        "New activity *A1*: Trygghetsvandring (owner Stockholmshem, due 27 Nov)."
    )
    assert run("anna", "activity add Fältassistenter").text == (
        "New activity *A2*: Fältassistenter."
    )
    assert run("anna", "activity add Kameror owner Nobody").text == (
        "There is no organisation called *Nobody* in this plan. Organisations: "
        "*Polisen Järva*, *Stockholmshem*. If “owner Nobody” is part of the title, put the "
        'title in quotes: `/samverkan activity add "Kameror owner Nobody"`'
        "\nExample: `/samverkan activity add Safer walk to school owner Skolan due 2027-03-31`"
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
    assert run("anna", "activity A1 rag amber").text == "A1 is already assessed *amber*."
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
    # A due date that has passed is kept, with a warning: plans are often entered late.
    assert run("erik", "follow <@mats> Order it by yesterday").text == (
        "*F3* for <@mats> from <@erik> — due 24 Nov:\n> Order it\n"
        "⚠️ The due date 24 Nov has already passed: it is saved as typed and shows as late."
    )
    # A step counts from the due date (27 Nov), like the Snooze buttons.
    assert run("erik", "snooze F1 +1w").text == (
        "⏭️ *F1* Check the lighting: moved from 27 Nov to *4 Dec* (by <@erik>)"
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
        (1, "mats", "anna", "2026-12-04", "done", "mats"),
        (2, "mats", "erik", None, "cancelled", "erik"),
        (3, "mats", "erik", "2026-11-24", "open", None),
    ]


def test_overdue_and_status(plan: Callable, clock) -> None:
    run = plan
    run("anna", "activity add Belysning owner Polisen Järva due friday")
    run("anna", "follow <@erik> Check the lighting by friday A1")
    run("erik", "log A1 Two lamps out")
    assert run("erik", "overdue").text == "Nothing is overdue."
    clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the Monday after
    overdue = run("erik", "overdue")
    assert overdue.text == "Overdue — follow-ups: 1, activities: 1"
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


def test_a_channel_id_shared_by_two_workspaces_holds_one_plan_and_nothing_else_leaks(
    plan: Callable,
) -> None:
    """A channel id is unique across Slack (a Slack Connect channel has one id in every
    workspace sharing it, DESIGN §13): one plan, read from both; elsewhere T2 sees nothing."""
    run = plan
    run("anna", "activity add Belysning")
    run("erik", "log A1 The secret lighting report")
    run("anna", "follow <@erik> Check the lighting")

    def t2(user: str, text: str, channel: str = "C9") -> Reply:
        return run(user, text, channel=channel, team="T2")

    shared = t2("anna", "activity A1", channel="C1")
    assert shared.ok and "Belysning" in shared.text
    refused = t2("anna", "setup Other workspace", channel="C1")
    assert not refused.ok and "This channel already has a plan" in refused.text

    for text in ("status", "activity A1", "search lighting", "history A1", "done F1", "org list"):
        assert t2("anna", text).text == NO_PLAN
    assert t2("erik", "mine").text == "You have no open follow-ups."

    assert t2("anna", "setup Other workspace").ok
    assert t2("anna", "activity add Eget").text == "New activity *A1*: Eget."
    assert t2("anna", "search lighting").text == "Nothing in the plan matches “lighting”."
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
        "Nothing in the plan matches “lighting”."
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


def test_mine_shows_the_twenty_due_soonest_and_counts_them_all(plan: Callable) -> None:
    run = plan
    run("anna", "setup Trygg i Husby", channel="C2")
    for n in range(1, 23):
        assert run("anna", f"follow <@erik> Task {n} by 2026-12-{n:02d}").ok
    assert run("anna", "follow <@erik> Soonest by 2026-11-26", channel="C2").ok

    reply = run("erik", "mine", channel="D-erik")
    assert headers(reply) == ["Your open follow-ups (23)"]
    assert sections(reply) == ["*Trygg i Husby*", "*Trygg i Järva*"]
    texts = [i.text.split("\n")[0] for i in reply.items if isinstance(i, FollowUpCard)]
    assert texts == ["*F1* Soonest"] + [f"*F{n}* Task {n}" for n in range(1, 20)]
    assert reply.items[-1] == Note("…and 3 more, due later.")


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
        "New activity *A1*: Belysning (due 15 Dec)."
    )
    assert run("anna", "activity add Kameror due 2027-01-15").text == (
        "New activity *A2*: Kameror (due 15 Jan 2027)."
    )
    reply = run("anna", "settings language sv")
    assert (reply.text, reply.lang) == ("Språk: en → *sv*", "sv")
    assert run("anna", "aktivitet ny Vandring senast 2026-12-15").text == (
        "Ny aktivitet *A3*: Vandring (senast 15 dec.)."
    )
    assert run("anna", "activity add Lampor due 2027-01-15").text == (
        "Ny aktivitet *A4*: Lampor (senast 15 jan. 2027)."
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


def test_history_of_a_long_trail_shows_the_newest_forty(plan: Callable) -> None:
    plan("anna", "activity add Belysning")
    for i in range(45):
        plan("anna", f"activity A1 rag {('green', 'red', 'amber')[i % 3]}")
    reply = plan("mats", "history A1")
    notes = [i.text for i in reply.items if isinstance(i, Note)]
    assert notes == ["Older events not shown: 6."]
    lines = "\n".join(sections(reply)).split("\n")
    assert len(lines) == 40
    # The oldest shown is the 7th event: the 6th assessment change (red → amber … is i = 5).
    assert lines[0].endswith("changed: Assessment: red → amber")
    assert lines[-1].endswith("changed: Assessment: red → amber")


def test_search_uses_full_text_search(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Fordon")
    run("erik", "log A1 Checked the payload of the van on monday")
    run("erik", "log Lighting in the underpass is broken")
    run("mats", "log Reported the lighting to the landlord")
    reply = run("anna", "search payload")
    assert reply.text == "Matches for “payload”: 1"
    assert sections(reply) == [
        "Log entry · `L1` 23 Nov *A1* <@erik> (Polisen Järva): Checked the *payload* of the van"
    ]
    # Words match in any order and any case.
    assert run("anna", "search VAN payload").text == "Matches for “VAN payload”: 1"
    both = run("anna", "sök lighting")
    assert both.text == "Matches for “lighting”: 2"
    assert sections(both) == [
        "Log entry · `L3` 25 Nov <@mats> (Stockholmshem): Reported the *lighting* to the landlord\n"
        "Log entry · `L2` 25 Nov <@erik> (Polisen Järva): *Lighting* in the underpass is broken"
    ]
    # Any form of a word: "light" finds "lighting"; "lig" is not a word of them, "lig*" is.
    assert run("anna", "search light").text == "Matches for “light”: 2"
    assert run("anna", "search lig").text == "Nothing in the plan matches “lig”."
    assert run("anna", "search lig*").text == "Matches for “lig*”: 2"
    # Query syntax is text, not operators: every word must match.
    assert run("anna", "search payload OR lighting").text == (
        "Nothing in the plan matches “payload OR lighting”."
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
    # Search marks the matched word in bold inside the escaped text.
    assert escaped.replace("channel", "*channel*") in mrkdwn(run("anna", "search channel"))
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


# -- review fixes --------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe", "Etc", "America", "Mars/Base", "Europe/", "../etc"])
def test_a_timezone_must_be_a_zone_not_a_folder(plan: Callable, store: Store, zone: str) -> None:
    reply = plan("anna", f"settings timezone {zone}")
    assert (reply.ok, reply.text) == (
        False,
        f"“{zone}” is not a timezone I know. Use a name like `Europe/Stockholm`."
        "\nExample: `/samverkan settings timezone Europe/Stockholm`",
    )
    assert rows(store, "plans", "timezone") == [("Europe/Stockholm",)]


def test_a_timezone_is_stored_with_its_proper_name(plan: Callable, store: Store) -> None:
    assert plan("anna", "settings timezone europe/oslo").text == (
        "Timezone: Europe/Stockholm → *Europe/Oslo*"
    )
    assert rows(store, "plans", "timezone") == [("Europe/Oslo",)]
    assert plan("anna", "settings timezone Europe/Oslo").text == "Timezone is already Europe/Oslo."


def test_a_failing_schedule_listener_does_not_undo_the_reply(
    plan: Callable, app, store: Store, caplog
) -> None:
    called: list[int] = []

    def broken(plan_id: int) -> None:
        raise RuntimeError("scheduler down")

    app.schedule_listeners.extend([broken, called.append])
    with caplog.at_level("ERROR"):
        schedule = plan("anna", "digest schedule friday 09:00")
        zone = plan("anna", "settings timezone Europe/Oslo")
        created = plan("anna", "setup Trygg i Husby", channel="C2")
    assert schedule.ok and schedule.text.startswith("Weekly digest scheduled.")
    assert zone.text == "Timezone: Europe/Stockholm → *Europe/Oslo*"
    assert created.ok
    # Every listener ran for every change, the broken one logged, and the changes are kept.
    assert called == [1, 1, 2]
    assert caplog.text.count("schedule listener failed") == 3
    assert rows(store, "plans", "digest_weekday, digest_time, timezone") == [
        (4, "09:00", "Europe/Oslo"),
        (0, "08:00", "Europe/Stockholm"),
    ]


def sent_this_week(store: Store, state: str = "sent") -> None:
    """Record plan 1's digest of ISO week 48 of 2026 (the test clock's week) in `state`."""
    with store.write() as tx:
        tx.digests.claim(1, 2026, 48, "C1")
        row = tx.digests.get(1, 2026, 48)
        assert row is not None
        tx.digests.update(row.id, state=state)


def test_a_week_whose_digest_was_sent_announces_next_week(plan: Callable, store: Store) -> None:
    # Wednesday 25 Nov: moved to Friday, this week's moment is later this week...
    assert plan("anna", "digest schedule friday 09:00").text == (
        "Weekly digest scheduled.\n"
        "Weekly digest: Fridays at 09:00 (Europe/Stockholm); next 27 Nov 09:00."
    )
    # ...but Monday's digest of this week went out already: none comes this Friday.
    sent_this_week(store)
    assert plan("anna", "digest schedule thursday 10:00").text == (
        "Weekly digest scheduled.\n"
        "Weekly digest: Thursdays at 10:00 (Europe/Stockholm); next 3 Dec 10:00."
    )
    status = plan("erik", "status")
    assert "Weekly digest: Thursdays at 10:00 (Europe/Stockholm); next 3 Dec 10:00." in mrkdwn(
        status
    )


def test_a_week_whose_digest_failed_announces_next_week(plan: Callable, store: Store) -> None:
    sent_this_week(store, "failed")
    assert plan("anna", "digest schedule friday 09:00").text.endswith("next 4 Dec 09:00.")


def test_a_week_whose_digest_is_pending_keeps_its_moment(plan: Callable, store: Store) -> None:
    sent_this_week(store, "retry")
    assert plan("anna", "digest schedule friday 09:00").text.endswith("next 27 Nov 09:00.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "activity add Walk due someday",
            "I can't read “someday” after “due” as a date. Write a date like `2026-12-15`, "
            "`friday`, `week 50` or `in a week`; if “due someday” belongs to the text, put the text in quotes."
            "\nExample: `/samverkan activity add Safer walk to school owner Skolan due 2027-03-31`",
        ),
        (
            "follow <@mats> Call the school by 5pm",
            "I can't read “5pm” after “by” as a date. Write a date like `2026-12-15`, "
            "`friday`, `week 50` or `in a week`; if “by 5pm” belongs to the text, put the text in quotes."
            "\nExample: `/samverkan follow @erik Check the lighting at the underpass by friday A2`",
        ),
    ],
)
def test_a_date_keyword_without_a_date_is_refused(
    plan: Callable, store: Store, text: str, expected: str
) -> None:
    reply = plan("erik" if text.startswith("follow") else "anna", text)
    assert (reply.ok, reply.text) == (False, expected)
    assert rows(store, "activities") == rows(store, "followups") == []


def test_quotes_keep_keywords_in_the_text(plan: Callable, store: Store) -> None:
    assert plan("anna", 'activity add "Walk due someday"').text == (
        "New activity *A1*: Walk due someday."
    )
    assert plan("erik", 'follow <@mats> "Call the school by 5pm" by friday').text == (
        "*F1* for <@mats> from <@erik> — due 27 Nov:\n> Call the school by 5pm"
    )
    # The same for a log entry: quotes shield keywords and are not kept.
    assert plan("erik", 'log "Walked on 5th"').text.endswith("\n> Walked on 5th")


def test_member_without_a_role_keeps_the_role(plan: Callable, store: Store) -> None:
    run = plan
    run("anna", "org add Brå")
    assert run("anna", "member <@sara> Stockholmshem coordinator").text == (
        "<@sara> is now a coordinator of *Stockholmshem*."
    )
    # Moved without naming a role: still coordinator, and the reply says where from.
    assert run("anna", "member <@sara> Brå").text == (
        "<@sara> is now a coordinator of *Brå* (was in *Stockholmshem*)."
    )
    # The role alone changes.
    assert (
        run("anna", "member <@sara> Brå member").text
        == "<@sara> is now a member of *Brå* (was coordinator)."
    )
    # Both change.
    assert run("anna", "member <@erik> Brå coordinator").text == (
        "<@erik> is now a coordinator of *Brå* (was a member of *Polisen Järva*)."
    )
    # A newcomer without a role is a member.
    assert run("anna", "member <@lena> Brå").text == "<@lena> is now a member of *Brå*."
    # Nothing to change.
    assert run("anna", "member <@lena> Brå").text == "<@lena> is already a member of *Brå*."
    assert run("anna", "member <@erik> Brå").text == "<@erik> is already a coordinator of *Brå*."
    assert sorted(rows(store, "members", "user_id, role")) == [
        ("anna", "coordinator"),
        ("erik", "coordinator"),
        ("lena", "member"),
        ("mats", "member"),
        ("sara", "member"),
    ]
    run("anna", "settings language sv")
    assert run("anna", "medlem <@lena> Polisen Järva samordnare").text == (
        "<@lena> är nu samordnare i *Polisen Järva* (var medlem i *Brå*)."
    )
    assert run("anna", "medlem <@lena> Brå").text == (
        "<@lena> är nu samordnare i *Brå* (var i *Polisen Järva*)."
    )
    assert run("anna", "medlem <@lena> Brå medlem").text == (
        "<@lena> är nu medlem i *Brå* (var samordnare)."
    )


def test_joining_another_organisation_says_which_was_left(plan: Callable, store: Store) -> None:
    plan("anna", "settings joining open")
    assert plan("mats", "join Polisen Järva").text == (
        "<@mats> joined *Polisen Järva* as member (left *Stockholmshem*)."
    )
    # The plan's creator was in no organisation: nothing was left.
    assert plan("anna", "join Stockholmshem").text == (
        "<@anna> joined *Stockholmshem* as coordinator."
    )
    plan("anna", "settings language sv")
    assert plan("mats", "anslut Stockholmshem").text == (
        "<@mats> anslöt till *Stockholmshem* som medlem (lämnade *Polisen Järva*)."
    )


@pytest.mark.parametrize(
    ("user", "text", "example"),
    [
        ("anna", "activity A1 status bogus", "activity A3 status active"),
        ("anna", "activity A1 rag blue", "activity A3 rag amber"),
        ("anna", "activity A1 title", "activity A3 title Safer walk to school"),
        ("anna", "activity A1 cause", "activity A3 cause Dark underpass"),
        ("anna", "activity A1 due someday", "activity A3 due 2027-03-31"),
        ("anna", "activity A1 due 31/02", "activity A3 due 2027-03-31"),
        (
            "erik",
            "log A1 Walked on 31/02",
            "log A1 Walked the area with the housing company on monday",
        ),
        (
            "erik",
            "follow <@mats> Call by 31/02",
            "follow @erik Check the lighting at the underpass by friday A2",
        ),
        ("erik", "snooze F1 31/02", "snooze F4 monday"),
        ("anna", "settings timezone Mars/Base", "settings timezone Europe/Stockholm"),
        ("anna", "settings timezone", "settings timezone Europe/Stockholm"),
        ("anna", "settings language", "settings language sv"),
        ("anna", "settings name", "settings name Trygg i Husby 2027"),
    ],
)
def test_an_error_shows_an_example_of_the_same_command(
    plan: Callable, user: str, text: str, example: str
) -> None:
    plan("anna", "activity add Belysning")
    plan("anna", "follow <@erik> Check it")
    reply = plan(user, text)
    assert reply.ok is False
    assert reply.text.endswith(f"\nExample: `/samverkan {example}`"), reply.text


def test_a_missing_setting_value_names_what_it_takes(plan: Callable) -> None:
    assert plan("anna", "settings language").text == (
        "Give the language: `en` or `sv`.\nExample: `/samverkan settings language sv`"
    )
    assert plan("anna", "settings timezone").text == (
        "Give the timezone, like `Europe/Stockholm`."
        "\nExample: `/samverkan settings timezone Europe/Stockholm`"
    )


@pytest.mark.parametrize(
    ("user", "text", "example"),
    [
        (
            "erik",
            "log A1 Walked on 0001-01-01",
            "log A1 Walked the area with the housing company on monday",
        ),
        (
            "erik",
            "follow <@mats> Call by 9999-12-31",
            "follow @erik Check the lighting at the underpass by friday A2",
        ),
        ("erik", "snooze F1 9999-12-31", "snooze F4 monday"),
        ("erik", "snooze F1 999w", "snooze F4 monday"),
        ("anna", "activity A1 due 2029-01-01", "activity A3 due 2027-03-31"),
        (
            "anna",
            "activity add Walk due 2024-11-24",
            "activity add Safer walk to school owner Skolan due 2027-03-31",
        ),
    ],
)
def test_dates_far_from_today_are_refused(
    plan: Callable, store: Store, user: str, text: str, example: str
) -> None:
    plan("anna", "activity add Belysning")
    plan("anna", "follow <@erik> Check it by friday")
    before = rows(store, "followups", "due_date") + rows(store, "activities", "due_date")
    reply = plan(user, text)
    assert reply.ok is False
    shown = reply.text.split(" is too far from today: ")
    assert shown[1] == (
        f"use a date between 25 Nov 2024 and 25 Nov 2028.\nExample: `/samverkan {example}`"
    ), reply.text
    assert rows(store, "followups", "due_date") + rows(store, "activities", "due_date") == before
    assert rows(store, "log_entries") == []


def test_the_date_window_is_two_years_either_way(plan: Callable) -> None:
    plan("anna", "activity add Belysning")
    assert plan("erik", "log A1 Walked on 0001-01-01").text.startswith(
        "1 Jan 1 is too far from today: use a date between 25 Nov 2024 and 25 Nov 2028."
    )
    assert plan("erik", "log A1 Walked on 2024-11-25").ok
    assert plan("anna", "activity A1 due 2028-11-25").ok
    plan("anna", "settings language sv")
    assert plan("erik", "logga A1 Gick den 2024-11-24").text.startswith(
        "24 nov. 2024 ligger för långt från idag: ange ett datum mellan 25 nov. 2024 och "
        "25 nov. 2028."
    )


def test_fallback_texts_escape_user_text(plan: Callable) -> None:
    run = plan
    run("anna", "settings name Trygg <!here> & co")
    run("anna", "activity add Walk <!channel> & talk")
    run("erik", "log A1 Told <!everyone> about it")
    run("erik", "follow <@erik> Ask <!channel> & more")
    org = run("anna", "org add <!subteam^S1> Brå")
    assert org.ok
    replies = {
        "detail": run("anna", "activity A1"),
        "list": run("anna", "activity list"),
        "search": run("anna", "search <!everyone>"),
        "status": run("anna", "status"),
        "org": run("anna", "status <!subteam^S1> Brå"),
        "mine": run("erik", "mine"),
    }
    assert replies["detail"].text == "A1 Walk &lt;!channel&gt; &amp; talk"
    assert replies["list"].text == "Trygg &lt;!here&gt; &amp; co: activities (1)"
    assert replies["status"].text.startswith("Trygg &lt;!here&gt; &amp; co: status\n")
    assert replies["org"].text == "&lt;!subteam^S1&gt; Brå — other"
    assert replies["mine"].text == "Your open follow-ups (1)\nF1 Ask &lt;!channel&gt; &amp; more"
    for name, reply in replies.items():
        assert "<!" not in reply.text, name
        assert "<!" not in mrkdwn(reply), name
    # Headers are plain text, which Slack does not parse: they show the name as typed.
    assert headers(replies["detail"]) == ["A1 Walk <!channel> & talk"]


def test_more_hints_use_the_plans_command_words(plan: Callable, store: Store) -> None:
    run = plan
    run("anna", "settings language sv")
    run("anna", "setup Trygg i Husby", channel="C2")
    run("anna", "org add Husbyskolan school", channel="C2")
    run("anna", "join Husbyskolan", channel="C2")
    for i in range(21):
        run("anna", f"follow <@erik> Lamp {i}")
    run("anna", "follow <@erik> In Husby", channel="C2")
    reply = run("erik", "mina", channel="C1")
    assert len(cards(reply)) == 20
    notes = [i.text for i in reply.items if isinstance(i, Note)]
    assert notes == ["…och 2 till, med senare datum."]  # no command lists the rest
    # Only the first plan's cards fit: the second plan gets no header without cards.
    assert sections(reply) == ["*Trygg i Järva*"]


def test_help_titles_use_the_plans_command_words(plan: Callable) -> None:
    plan("anna", "settings language sv")
    assert headers(plan("erik", "hjälp logga")) == ["Hjälp: logga"]
    assert headers(plan("erik", "help snooze")) == ["Hjälp: skjut"]
    assert headers(plan("erik", "hjälp datum")) == ["Hjälp: datum"]


def test_no_change_says_which_field(plan: Callable) -> None:
    run = plan
    run("anna", "activity add Belysning owner Polisen Järva due friday")
    run("anna", "follow <@erik> Check it by friday")
    assert run("anna", "activity A1 status planned").text == "A1 already has status *planned*."
    run("anna", "activity A1 rag red")
    assert run("anna", "activity A1 rag red").text == "A1 is already assessed *red*."
    assert run("anna", "activity A1 due friday").text == "A1 is already due 27 Nov"
    run("anna", "activity A1 due none")
    assert run("anna", "activity A1 due none").text == "A1 already has no due date."
    assert run("anna", "activity A1 title Belysning").text == "A1's title is already “Belysning”."
    assert run("anna", "activity A1 owner polisen järva").text == (
        "A1's owner is already “Polisen Järva”."
    )
    assert run("anna", "snooze F1 friday").text == "F1 is already due 27 Nov"
    assert run("anna", "reassign F1 <@erik>").text == "F1 is already assigned to <@erik>."
    assert run("anna", "settings area Järva").ok
    assert run("anna", "settings area Järva").text == "Area is already Järva."
    run("anna", "settings language sv")
    assert run("anna", "aktivitet A1 status planerad").text == "A1 har redan status *planerad*."
    assert run("anna", "aktivitet A1 bedömning röd").text == "A1 är redan bedömd som *röd*."
    assert run("anna", "skjut F1 fredag").text == "F1 har redan datumet 27 nov."
    assert run("anna", "aktivitet A1 titel Belysning").text == ("A1:s titel är redan ”Belysning”.")
    assert run("anna", "omfördela F1 <@erik>").text == "F1 är redan tilldelad <@erik>."


def test_history_shows_values_in_the_plans_words(plan: Callable) -> None:
    plan("erik", "log Two lamps out")
    plan("anna", "settings language sv")
    assert sections(plan("mats", "historik L1")) == [
        "• 25 nov. 11:00 <@erik> skapade den — Text: Two lamps out; Datum: 25 nov.; Källa: kommando"
    ]


def test_counts_read_right_in_the_singular(plan: Callable, clock) -> None:
    run = plan
    run("anna", "activity add Belysning due friday")
    run("anna", "follow <@erik> Check the lighting by friday")
    clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert run("erik", "overdue").text == "Overdue — follow-ups: 1, activities: 1"
    run("anna", "settings language sv")
    assert run("erik", "försenat").text == "Försenat — uppföljningar: 1, aktiviteter: 1"
    assert "\nÖppna uppföljningar: 1 (försenade: 1)\n" in run("erik", "status").text


def test_a_new_activity_says_owner_and_due_in_parentheses(plan: Callable) -> None:
    assert plan("anna", "activity add Kameror owner Polisen Järva").text == (
        "New activity *A1*: Kameror (owner Polisen Järva)."
    )
    plan("anna", "settings language sv")
    assert plan("anna", "aktivitet ny Vandring ägare Stockholmshem senast fredag").text == (
        "Ny aktivitet *A2*: Vandring (ägare Stockholmshem, senast 27 nov.)."
    )


def test_snooze_steps_count_from_the_due_date_like_the_buttons(plan: Callable, app) -> None:
    from datetime import timedelta

    from samverkan.service import Context

    run = plan
    run("anna", "follow <@erik> Due friday by friday")  # F1, due 27 Nov
    run("anna", "follow <@erik> No date")  # F2
    run("anna", "follow <@erik> Due friday too by friday")  # F3
    run("anna", "follow <@erik> Late soon by 2026-11-26")  # F4
    # +1d from the due date (27 Nov), not from today (25 Nov).
    assert run("erik", "snooze F1 +1d").text == (
        "⏭️ *F1* Due friday: moved from 27 Nov to *28 Nov* (by <@erik>)"
    )
    # The button does the same.
    button = app.snooze_followup(Context("T1", "C1", "erik"), 3, timedelta(days=1))
    assert button.text == "⏭️ *F3* Due friday too: moved from 27 Nov to *28 Nov* (by <@erik>)"
    # Without a due date, a step counts from today.
    assert run("erik", "snooze F2 +2d").text == (
        "⏭️ *F2* No date: moved from — to *27 Nov* (by <@erik>)"
    )
    # +0d changes nothing.
    assert run("erik", "snooze F1 +0d").text == "F1 is already due 28 Nov"
    # A day is that day.
    assert run("erik", "snooze F1 friday").text == (
        "F1 is due 28 Nov; snooze only moves a due date later, like "
        "`/samverkan snooze F1 2026-11-29`."
    )
    assert run("erik", "snooze F1 tomorrow").text.startswith("F1 is due 28 Nov; snooze only")
    assert run("erik", "snooze F1 -1d").text.startswith("F1 is due 28 Nov; snooze only")
    assert run("erik", "snooze F1 2026-12-01").text == (
        "⏭️ *F1* Due friday: moved from 28 Nov to *1 Dec* (by <@erik>)"
    )


def test_snoozing_an_overdue_follow_up_counts_from_today(plan: Callable, clock) -> None:
    plan("anna", "follow <@erik> Check it by friday")  # due 27 Nov
    clock.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday after
    assert plan("erik", "snooze F1 +1d").text == (
        "⏭️ *F1* Check it: moved from 27 Nov to *3 Dec* (by <@erik>)"
    )
    plan("anna", "follow <@erik> Other by 2026-12-04")
    plan("anna", "settings language sv")
    assert plan("erik", "skjut F2 i morgon").text == (
        "F2 ska vara klar 4 dec.; skjut flyttar bara datumet framåt, som "
        "`/samverkan skjut F2 2026-12-05`."
    )


def test_a_title_with_owner_in_it_must_be_quoted(plan: Callable, store: Store) -> None:
    reply = plan("anna", "activity add Meet the owner of the kiosk")
    assert reply.text == (
        "There is no organisation called *of the kiosk* in this plan. Organisations: "
        "*Polisen Järva*, *Stockholmshem*. If “owner of the kiosk” is part of the title, put "
        'the title in quotes: `/samverkan activity add "Meet the owner of the kiosk"`'
        "\nExample: `/samverkan activity add Safer walk to school owner Skolan due 2027-03-31`"
    )
    assert rows(store, "activities") == []
    assert plan("anna", 'activity add "Meet the owner of the kiosk"').text == (
        "New activity *A1*: Meet the owner of the kiosk."
    )
    assert plan("anna", 'activity add "Meet the owner" owner Polisen Järva due friday').text == (
        "New activity *A2*: Meet the owner (owner Polisen Järva, due 27 Nov)."
    )
    plan("anna", "settings language sv")
    assert plan("anna", "aktivitet ny Träffa ägare av kiosken").text == (
        "Det finns ingen aktör som heter *av kiosken* i planen. Aktörer: *Polisen Järva*, "
        "*Stockholmshem*. Om ”ägare av kiosken” hör till titeln, sätt titeln inom "
        'citattecken: `/samverkan aktivitet ny "Träffa ägare av kiosken"`'
        "\nExempel: `/samverkan aktivitet ny Tryggare skolväg ägare Skolan senast 2027-03-31`"
    )


def test_line_breaks_typed_into_a_command_are_kept(plan: Callable, store: Store) -> None:
    plan("anna", "activity add Belysning")
    reply = plan("erik", "log A1 Walked the area:\n- two lamps out\n- graffiti on monday")
    assert reply.text == (
        "*L1* logged on *A1* Belysning by <@erik> (Polisen Järva), 23 Nov:\n"
        "> Walked the area:\n> - two lamps out\n> - graffiti"
    )
    plan("erik", "follow <@mats> Please:\n1. order lamps\n2. call us by friday")
    plan("anna", "activity A1 cause Dark underpass.\nNo lamps since May")
    assert rows(store, "log_entries", "text") == [
        ("Walked the area:\n- two lamps out\n- graffiti",)
    ]
    assert rows(store, "followups", "text") == [("Please:\n1. order lamps\n2. call us",)]
    assert rows(store, "causes", "text") == [("Dark underpass.\nNo lamps since May",)]


def test_status_says_how_many_more_were_logged_this_week(plan: Callable) -> None:
    for i in range(10):
        plan("erik", f"log Round {i}")
    notes = [i.text for i in plan("anna", "status").items if isinstance(i, Note)]
    # The digest preview lists all of them.
    assert notes[0] == "…and 2 more: `/samverkan digest preview`"
