"""Who may change what (DESIGN §3 "who", §6 "Permissions"): every mutating command by every role.

A refused command says who may do it and changes nothing in the database file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from samverkan.reply import Reply
from storage import Store

COORDINATOR_ONLY = "Only a coordinator of this plan can {what}. Coordinators: <@anna>."
OWNER_OR_COORDINATOR = (
    "Only a coordinator or a member of A1's owner organisation (Stockholmshem) can {what}. "
    "Coordinators: <@anna>."
)
MEMBERS_ONLY = (
    "Only members of the plan can {what}. Join an organisation first with "
    "`/samverkan join <organisation>` (organisations: Polisen Järva, Socialtjänsten, "
    "Stockholmshem)."
)
FOLLOWUP_PEOPLE = (
    "Only <@erik> (assignee), <@mats> (who assigned it) or a coordinator can {what} F1. "
    "Coordinators: <@anna>."
)
REASSIGN_PEOPLE = (
    "Only <@mats> (who assigned it) or a coordinator can reassign F1. Coordinators: <@anna>."
)


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, read straight from the file."""
    conn = sqlite3.connect(store.path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def plan(run: Callable) -> Callable:
    """anna coordinates; mats is in Stockholmshem, which owns A1; erik is in Polisen Järva.

    F1 is assigned by mats to erik; sara (Polisen Järva) has nothing to do with it; zed is in
    the channel but in no organisation.
    """
    for user, text in (
        ("anna", "setup Trygg i Järva"),
        ("anna", "org add Polisen Järva police"),
        ("anna", "org add Stockholmshem housing"),
        ("anna", "org add Socialtjänsten social services"),
        ("anna", "member <@mats> Stockholmshem"),
        ("anna", "member <@erik> Polisen Järva"),
        ("anna", "member <@sara> Polisen Järva"),
        ("anna", "activity add Belysning owner Stockholmshem due friday"),
        ("mats", "follow <@erik> Order lamps by friday A1"),
    ):
        reply = run(user, text)
        assert reply.ok, reply.text
    return run


ROLES = {
    "coordinator": "anna",
    "owner member": "mats",
    "other member": "erik",
    "outsider": "zed",
}
ALL = set(ROLES)
COORD = {"coordinator"}
OWNER = {"coordinator", "owner member"}
MEMBERS = {"coordinator", "owner member", "other member"}

# (command, roles allowed, refusal template, what)
PLAN_COMMANDS = [
    ("org add Brå other", COORD, COORDINATOR_ONLY, "add organisations"),
    ("aktör ny Brå övrigt", COORD, COORDINATOR_ONLY, "add organisations"),
    ("member <@lena> Socialtjänsten", COORD, COORDINATOR_ONLY, "add or change members"),
    ("medlem <@sara> Polisen Järva samordnare", COORD, COORDINATOR_ONLY, "add or change members"),
    ("activity add Kameror owner Polisen Järva", COORD, COORDINATOR_ONLY, "add activities"),
    ("aktivitet ny Kameror", COORD, COORDINATOR_ONLY, "add activities"),
    ("activity add", COORD, COORDINATOR_ONLY, "add activities"),
    ("activity A1 status active", OWNER, OWNER_OR_COORDINATOR, "change its status"),
    ("aktivitet A1 status pågår", OWNER, OWNER_OR_COORDINATOR, "change its status"),
    ("activity A1 rag red", OWNER, OWNER_OR_COORDINATOR, "change its assessment"),
    ("aktivitet A1 bedömning gul", OWNER, OWNER_OR_COORDINATOR, "change its assessment"),
    ("activity A1 cause Dark underpass", OWNER, OWNER_OR_COORDINATOR, "change its cause"),
    ("activity A1 goal All lamps fixed", OWNER, OWNER_OR_COORDINATOR, "change its goal"),
    ("activity A1 due 2026-12-31", OWNER, OWNER_OR_COORDINATOR, "change its due date"),
    ("activity A1 title Lighting", OWNER, OWNER_OR_COORDINATOR, "change its title"),
    ("activity A1 owner Polisen Järva", OWNER, OWNER_OR_COORDINATOR, "change its owner"),
    ("log A1 Two lamps out", MEMBERS, MEMBERS_ONLY, "log"),
    ("logga Möte med skolan", MEMBERS, MEMBERS_ONLY, "log"),
    ("log", MEMBERS, MEMBERS_ONLY, "log"),
    ("follow <@sara> Call the landlord by friday", MEMBERS, MEMBERS_ONLY, "assign follow-ups"),
    ("uppföljning <@zed> Ring skolan A1", MEMBERS, MEMBERS_ONLY, "assign follow-ups"),
    ("follow", MEMBERS, MEMBERS_ONLY, "assign follow-ups"),
    ("digest now", COORD, COORDINATOR_ONLY, "post the digest"),
    ("digest schedule friday 09:00", COORD, COORDINATOR_ONLY, "change the digest schedule"),
    ("veckobrev av", COORD, COORDINATOR_ONLY, "change the digest schedule"),
    ("settings language sv", COORD, COORDINATOR_ONLY, "change settings"),
    ("inställningar område Husby", COORD, COORDINATOR_ONLY, "change settings"),
    ("settings timezone Europe/Oslo", COORD, COORDINATOR_ONLY, "change settings"),
    ("settings name Trygg i Järva 2027", COORD, COORDINATOR_ONLY, "change settings"),
    ("join Socialtjänsten", ALL, None, None),
    ("reminders off", ALL, None, None),
    ("påminnelser av", ALL, None, None),
]

# Opening a form changes nothing.
READ_ONLY = {"activity add", "log", "follow"}
# Posting the digest is a delivery, not a change to the plan (it may be recorded or not).
POSTS = {"digest now"}


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(
    ("text", "allowed", "refusal", "what"), PLAN_COMMANDS, ids=[c[0] for c in PLAN_COMMANDS]
)
def test_plan_commands(
    plan: Callable,
    store: Store,
    text: str,
    allowed: set[str],
    refusal: str | None,
    what: str | None,
    role: str,
) -> None:
    before = snapshot(store)
    reply: Reply = plan(ROLES[role], text)
    after = snapshot(store)
    if role in allowed:
        assert reply.ok, reply.text
        if text in READ_ONLY:
            assert after == before
        elif text in POSTS:
            assert reply.visibility == "channel"
        else:
            assert after != before
            assert len(after["audit_events"]) > len(before["audit_events"])
    else:
        assert refusal is not None and what is not None
        assert (reply.ok, reply.text) == (False, refusal.format(what=what))
        assert reply.visibility == "ephemeral"
        assert reply.modal is None
        assert after == before


FOLLOWUP_ROLES = {
    "coordinator": "anna",
    "assigner": "mats",
    "assignee": "erik",
    "other member": "sara",
    "outsider": "zed",
}
PEOPLE = {"coordinator", "assigner", "assignee"}

FOLLOWUP_COMMANDS = [
    ("done F1", PEOPLE, FOLLOWUP_PEOPLE, "complete"),
    ("klar F1", PEOPLE, FOLLOWUP_PEOPLE, "complete"),
    ("snooze F1 +1w", PEOPLE, FOLLOWUP_PEOPLE, "snooze"),
    ("skjut F1 2026-12-24", PEOPLE, FOLLOWUP_PEOPLE, "snooze"),
    ("cancel F1", PEOPLE, FOLLOWUP_PEOPLE, "cancel"),
    ("avbryt F1", PEOPLE, FOLLOWUP_PEOPLE, "cancel"),
    ("reassign F1 <@sara>", {"coordinator", "assigner"}, REASSIGN_PEOPLE, None),
    ("omfördela F1 till <@zed>", {"coordinator", "assigner"}, REASSIGN_PEOPLE, None),
]


@pytest.mark.parametrize("role", list(FOLLOWUP_ROLES))
@pytest.mark.parametrize(
    ("text", "allowed", "refusal", "what"),
    FOLLOWUP_COMMANDS,
    ids=[c[0] for c in FOLLOWUP_COMMANDS],
)
def test_follow_up_commands(
    plan: Callable,
    store: Store,
    text: str,
    allowed: set[str],
    refusal: str,
    what: str | None,
    role: str,
) -> None:
    before = snapshot(store)
    reply = plan(FOLLOWUP_ROLES[role], text)
    after = snapshot(store)
    if role in allowed:
        assert reply.ok, reply.text
        assert after["followups"] != before["followups"]
        assert len(after["audit_events"]) == len(before["audit_events"]) + 1
    else:
        assert (reply.ok, reply.text) == (False, refusal.format(what=what))
        assert "<@anna>" in reply.text  # the coordinators are named
        assert after == before


def test_an_assignee_outside_the_plan_may_complete_their_follow_up(plan: Callable) -> None:
    plan("anna", "follow <@zed> Bring the keys")
    assert plan("zed", "done F2").text == "✅ *F2* done: Bring the keys (by <@zed>)"


def test_activity_without_owner_is_changed_by_coordinators_only(plan: Callable) -> None:
    plan("anna", "activity add Kameror")
    assert plan("mats", "activity A2 status active").text == (
        "Only a coordinator or a member of A2's owner organisation (—) can change its status. "
        "Coordinators: <@anna>."
    )
    assert plan("anna", "activity A2 status active").ok


def test_a_new_coordinator_gets_coordinator_rights(plan: Callable) -> None:
    assert not plan("erik", "org add Brå").ok
    plan("anna", "member <@erik> Polisen Järva coordinator")
    assert plan("erik", "org add Brå").text == "Added the organisation *Brå* (other)."
    # Refusals name every coordinator (by organisation; anna has none).
    assert plan("sara", "org add Skolan").text == (
        "Only a coordinator of this plan can add organisations. Coordinators: <@erik>, <@anna>."
    )


def test_a_coordinator_of_another_plan_has_no_rights_here(plan: Callable) -> None:
    plan("zed", "setup Trygg i Husby", channel="C2")
    assert plan("zed", "org add Brå").text == COORDINATOR_ONLY.format(what="add organisations")
    assert plan("zed", "done F1").text == FOLLOWUP_PEOPLE.format(what="complete")


@pytest.mark.parametrize(
    "text",
    ["status", "activity list", "activity A1", "org list", "overdue", "search lamps",
     "history A1", "digest", "digest preview", "mine", "help"],
)  # fmt: skip
def test_anyone_in_the_channel_may_read(plan: Callable, store: Store, text: str) -> None:
    before = snapshot(store)
    reply = plan("zed", text)
    assert reply.ok, reply.text
    assert snapshot(store) == before
