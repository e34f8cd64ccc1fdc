"""Who is in (DESIGN §6 "Who is in"): joining with approval, taking people out, leaving,
renaming and removing organisations; every new command by every role."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from samverkan.reply import JoinRequestCard, Reply
from storage import Store
from tests.test_permissions import COORDINATOR_ONLY, MEMBERS_ONLY, ROLES, snapshot
from tests.test_permissions import plan as plan


def members(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT m.user_id, o.name, m.role FROM members m "
            "LEFT JOIN organisations o ON o.id = m.organisation_id ORDER BY m.user_id"
        ).fetchall()
    finally:
        conn.close()


def dms(reply: Reply) -> dict[str, Reply]:
    """The direct messages a reply sends, by person."""
    out = {}
    for e in reply.effects:
        if e.kind == "direct_message":
            assert e.message is not None
            for user in e.users:
                out[user] = e.message
    return out


# -- every new command by every role -------------------------------------------------------

NEW_COMMANDS = [
    ("org rename Socialtjänsten to Soc", "rename organisations"),
    ("aktör byt namn Socialtjänsten till Soc", "rename organisations"),
    ("org remove Socialtjänsten", "remove organisations"),
    ("aktör ta bort Socialtjänsten", "remove organisations"),
    ("member <@sara> remove", "take people out of the plan"),
    ("medlem <@sara> ta bort", "take people out of the plan"),
    ("settings joining open", "change settings"),
    ("inställningar anslutning öppen", "change settings"),
]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("text", "what"), NEW_COMMANDS)
def test_coordinator_commands_by_every_role(
    plan: Callable, store: Store, role: str, text: str, what: str
) -> None:
    before = snapshot(store)
    reply = plan(ROLES[role], text)
    after = snapshot(store)
    if role == "coordinator":
        assert reply.ok, reply.text
        assert len(after["audit_events"]) > len(before["audit_events"])
    else:
        assert (reply.ok, reply.text) == (False, COORDINATOR_ONLY.format(what=what))
        assert after == before


@pytest.mark.parametrize("role", list(ROLES))
def test_join_approve_by_every_role(plan: Callable, store: Store, role: str) -> None:
    """Only a coordinator decides a request; the others change nothing."""
    assert plan("zed", "join Socialtjänsten").ok
    before = snapshot(store)
    reply = plan(ROLES[role], "join approve <@zed>")
    if role == "coordinator":
        assert reply.text == "<@zed> joined *Socialtjänsten* as member (approved by <@anna>)."
        assert ("zed", "Socialtjänsten", "member") in members(store)
    else:
        assert (reply.ok, reply.text) == (
            False,
            COORDINATOR_ONLY.format(what="approve or decline requests to join"),
        )
        assert snapshot(store) == before


@pytest.mark.parametrize("role", list(ROLES))
def test_leave_by_every_role(plan: Callable, store: Store, role: str) -> None:
    """Members leave; the only coordinator may not; an outsider is in nothing to leave."""
    before = snapshot(store)
    reply = plan(ROLES[role], "leave")
    user = ROLES[role]
    if role in ("owner member", "other member"):
        assert reply.ok and reply.visibility == "channel"
        assert user not in [m[0] for m in members(store)]
    elif role == "coordinator":
        assert (reply.ok, reply.text) == (
            False,
            "The plan needs at least one coordinator. Make someone else coordinator first.",
        )
        assert snapshot(store) == before
    else:
        assert (reply.ok, reply.text) == (False, MEMBERS_ONLY.format(what="leave the plan"))
        assert snapshot(store) == before


@pytest.mark.parametrize("role", list(ROLES))
def test_join_by_every_role(plan: Callable, store: Store, role: str) -> None:
    """A coordinator moves at once; everybody else (members too) asks first."""
    reply = plan(ROLES[role], "join Socialtjänsten")
    assert reply.ok
    if role == "coordinator":
        assert reply.text == "<@anna> joined *Socialtjänsten* as coordinator."
        assert dms(reply) == {}
    else:
        assert reply.visibility == "ephemeral"
        assert reply.text.startswith("You asked to join *Socialtjänsten*.")
        assert list(dms(reply)) == ["anna"]
        # Asking is not being in: the membership is as it was.
        before = {m[0]: m for m in members(store)}
        assert before.get(ROLES[role], (None, None, None))[1] != "Socialtjänsten"


# -- the approval flow -----------------------------------------------------------------------


def test_an_outsider_cannot_act_for_an_organisation_until_approved(
    plan: Callable, store: Store
) -> None:
    asked = plan("zed", "join Polisen Järva")
    assert asked.text == (
        "You asked to join *Polisen Järva*. The plan's coordinators (<@anna>) decide; you will "
        "get a message when one of them has. Until then you are not a member."
    )
    (dm,) = dms(asked).values()
    (card,) = [i for i in dm.items if isinstance(i, JoinRequestCard)]
    assert card.pending and card.text == (
        "🙋 <@zed> asks to join *Polisen Järva* in the plan *Trygg i Järva* (<#C1>)."
    )
    assert card.commands == (
        "/samverkan join approve <@zed>",
        "/samverkan join decline <@zed>",
    )
    # Pending: not a member, so nothing in the police's name.
    refused = plan("zed", "log Nu är jag med")
    assert not refused.ok and refused.text.startswith("Only members of the plan can log.")
    approved = plan("anna", "join approve <@zed>")
    assert approved.visibility == "channel"
    assert dms(approved)["zed"].text == (
        "<@anna> approved your request: you are now a member of *Polisen Järva* in the plan "
        "*Trygg i Järva* (<#C1>)."
    )
    (update,) = [e for e in approved.effects if e.kind == "update_messages"]
    assert update.message is not None
    (done,) = [i for i in update.message.items if isinstance(i, JoinRequestCard)]
    assert (done.pending, done.text) == (
        False,
        "✅ <@zed> joined *Polisen Järva* in *Trygg i Järva*: approved by <@anna>.",
    )
    assert plan("zed", "log Nu är jag med").ok
    # A second decision on the same person finds nothing waiting.
    assert plan("anna", "join decline <@zed>").text == (
        "<@zed> has not asked to join an organisation of this plan."
    )


def test_a_declined_request_tells_the_requester_and_changes_no_membership(
    plan: Callable, store: Store
) -> None:
    plan("zed", "join Polisen Järva")
    before = members(store)
    declined = plan("anna", "join decline <@zed>")
    assert (declined.text, declined.visibility) == (
        "You declined <@zed>'s request to join *Polisen Järva*. They have been told.",
        "ephemeral",
    )
    assert dms(declined)["zed"].text == (
        "<@anna> declined your request to join *Polisen Järva* in the plan *Trygg i Järva* (<#C1>)."
    )
    assert members(store) == before


def test_a_button_decision_is_checked_and_a_decided_request_says_who_decided(
    plan: Callable, store: Store, app
) -> None:
    from samverkan.service import Context

    plan("zed", "join Polisen Järva")
    conn = sqlite3.connect(store.path)
    ((plan_id, request_id),) = conn.execute("SELECT plan_id, id FROM join_requests").fetchall()
    conn.close()
    refused = app.decide_join(Context("T1", "", "erik"), plan_id, request_id, True)
    assert not refused.ok and refused.text.startswith("Only a coordinator of this plan can")
    other_team = app.decide_join(Context("T2", "", "anna"), plan_id, request_id, True)
    assert not other_team.ok
    assert app.decide_join(Context("T1", "", "anna"), plan_id, request_id, False).ok
    again = app.decide_join(Context("T1", "", "anna"), plan_id, request_id, True)
    assert (again.ok, again.text) == (
        False,
        "Already decided: ❌ <@zed>'s request to join *Polisen Järva* in *Trygg i Järva* was "
        "declined by <@anna>.",
    )
    assert "zed" not in [m[0] for m in members(store)]


def test_a_new_request_replaces_the_waiting_one(plan: Callable, store: Store) -> None:
    plan("zed", "join Polisen Järva")
    plan("zed", "join Stockholmshem")
    conn = sqlite3.connect(store.path)
    states = conn.execute(
        "SELECT o.name, r.state FROM join_requests r JOIN organisations o "
        "ON o.id = r.organisation_id ORDER BY r.id"
    ).fetchall()
    conn.close()
    assert states == [("Polisen Järva", "withdrawn"), ("Stockholmshem", "pending")]
    assert plan("anna", "join approve <@zed>").text == (
        "<@zed> joined *Stockholmshem* as member (approved by <@anna>)."
    )


def test_open_joining_keeps_the_old_behaviour_and_swedish_words(plan: Callable) -> None:
    assert plan("anna", "inställningar anslutning öppen").text == (
        "Joining: a coordinator approves each join → *anyone in the channel joins at once*"
    )
    assert plan("zed", "join Polisen Järva").text == "<@zed> joined *Polisen Järva* as member."
    plan("anna", "settings language sv")
    plan("anna", "settings joining approval")
    assert plan("lena", "anslut Polisen Järva").text.startswith(
        "Du har bett att få ansluta till *Polisen Järva*."
    )
    assert plan("anna", "anslut godkänn <@lena>").text == (
        "<@lena> anslöt till *Polisen Järva* som medlem (godkänt av <@anna>)."
    )
    refused = plan("anna", "settings joining maybe")
    assert not refused.ok and "`godkännande`" in refused.text


def test_org_list_shows_who_waits(plan: Callable) -> None:
    plan("zed", "join Socialtjänsten")
    listing = plan("anna", "org list")
    assert listing.items[-1].text == "Asked to join: <@zed> (Socialtjänsten)"  # type: ignore[union-attr]


# -- taking people out -----------------------------------------------------------------------


def test_member_remove_and_the_last_coordinator(plan: Callable, store: Store) -> None:
    assert plan("anna", "member <@mats> remove").text == (
        "<@anna> took <@mats> out of the plan (was in *Stockholmshem*)."
    )
    assert "mats" not in [m[0] for m in members(store)]
    assert plan("anna", "member <@mats> remove").text == "<@mats> is not a member of this plan."
    assert plan("anna", "member <@anna> remove").text == (
        "The plan needs at least one coordinator. Make someone else coordinator first."
    )
    plan("anna", "member <@erik> Polisen Järva coordinator")
    assert plan("anna", "leave").text == "<@anna> left the plan (was in *—*)."
    # mats is out: what only members may do is refused.
    assert not plan("mats", "log Walked").ok


# -- organisations ---------------------------------------------------------------------------


def test_org_rename(plan: Callable, store: Store) -> None:
    assert plan("anna", "org rename polisen järva to Polisen Rinkeby").text == (
        "The organisation *Polisen Järva* is now called *Polisen Rinkeby*."
    )
    assert ("erik", "Polisen Rinkeby", "member") in members(store)
    assert plan("anna", "org rename Polisen Rinkeby to Stockholmshem").text == (
        "There is already an organisation called *Stockholmshem*."
    )
    assert plan("anna", "org rename Nowhere to X").text.startswith(
        "There is no organisation called *Nowhere*"
    )
    usage = plan("anna", "org rename Polisen Rinkeby")
    assert usage.text == (
        "Name the organisation and its new name, with `to` between them.\n"
        "Example: `/samverkan org rename Polisen to Polisen Järva`"
    )


def test_org_remove_says_what_refers_to_it(plan: Callable, store: Store) -> None:
    assert plan("anna", "org remove Stockholmshem").text == (
        "*Stockholmshem* cannot be removed while something refers to it: it owns A1; its "
        "members are <@mats>. Give the activities another owner and move or remove its "
        "members first."
    )
    # Log entries do not hold it back, and keep showing its name.
    plan("anna", "activity A1 owner Polisen Järva")
    assert plan("mats", "log Walked the yard").ok
    plan("anna", "member <@mats> Polisen Järva")
    assert plan("anna", "org remove Stockholmshem").text == (
        "Removed the organisation *Stockholmshem*."
    )
    found = plan("anna", "search yard")
    assert found.items[1].text == (  # type: ignore[union-attr]
        "Log entry · `L1` 25 Nov <@mats> (Stockholmshem): Walked the *yard*"
    )
    assert plan("anna", "org add Stockholmshem housing").ok
