"""Corrections (DESIGN §6 "Corrections"): edit and delete, by every role, and a deletion that
leaves the text in no table, no index, no audit event and not in the database file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from storage import Store
from tests.test_permissions import ROLES, snapshot
from tests.test_permissions import plan as plan  # the fixture

SECRET = "Möte med pojken Kalle Andersson om trapphuset"

AUTHOR_ONLY = (
    "Only <@{author}> (who wrote {ref}) or a coordinator can {what} it. Coordinators: <@anna>."
)


@pytest.fixture
def logged(plan: Callable) -> Callable:
    """L1 written by mats (owner member); F1 (from the fixture) assigned by mats to erik."""
    # Saved anyway: the guard (test_personal_data.py) would stop it otherwise.
    assert plan("mats", f"anyway log A1 {SECRET}").ok
    return plan


# -- every role ---------------------------------------------------------------------------

ALLOWED = {"coordinator", "owner member"}  # a coordinator, and mats who wrote both


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(
    ("text", "ref", "what"),
    [
        ("edit L1 Möte om trapphuset", "L1", "edit"),
        ("ändra F1 Beställ lampor", "F1", "edit"),
        ("delete L1", "L1", "delete"),
        ("radera F1", "F1", "delete"),
    ],
)
def test_edit_and_delete_by_every_role(
    logged: Callable, store: Store, role: str, text: str, ref: str, what: str
) -> None:
    before = snapshot(store)
    reply = logged(ROLES[role], text)
    if role in ALLOWED:
        assert reply.ok, reply.text
        assert reply.visibility == "channel"
        assert snapshot(store) != before
    else:
        assert (reply.ok, reply.text) == (
            False,
            AUTHOR_ONLY.format(author="mats", ref=ref, what=what),
        )
        assert snapshot(store) == before


# -- edit ------------------------------------------------------------------------------------


def test_edit_keeps_before_and_after_in_the_history(logged: Callable) -> None:
    reply = logged("mats", "edit L1 Möte om trapphuset")
    assert reply.text == "✏️ *L1* was corrected by <@mats>:\n> Möte om trapphuset"
    history = logged("anna", "history L1").text
    assert f"corrected it: Text: {SECRET} → Möte om trapphuset" in history
    assert logged("mats", "edit L1 Möte om trapphuset").text == "L1 already says exactly that."
    assert logged("mats", "edit L9 Hej").text == "There is no L9 in this plan."
    usage = logged("mats", "edit L1")
    assert usage.text == (
        "Name the log entry or follow-up (`L3`, `F2`) and its new text.\n"
        "Example: `/samverkan edit L3 Walked the centre with the school`"
    )
    assert not logged("mats", "edit A1 New title").ok


# -- delete ------------------------------------------------------------------------------------


def every_byte(path: str) -> bytes:
    """The database file and its write-ahead log, as bytes."""
    data = Path(path).read_bytes()
    wal = Path(path + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_a_deleted_text_is_nowhere_in_the_database_file(logged: Callable, store: Store) -> None:
    """After delete and the checkpoint it makes, no byte of the file holds the text."""
    logged("mats", "anyway edit L1 Kalle Andersson igen, trapphuset")
    needles = [s.encode() for s in ("Kalle Andersson", "Andersson", "pojken")]
    # Written, it is there (the test would see it).
    assert all(n in every_byte(store.path) for n in needles)
    reply = logged("mats", "delete L1")
    assert reply.text == (
        "🗑️ *L1* was deleted by <@mats>; its text is gone from the plan, its history and the "
        "bot's messages."
    )
    # The bot checkpointed after the commit: neither the file nor its log holds it.
    assert [n for n in needles if n in every_byte(store.path)] == []
    conn = sqlite3.connect(store.path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    data = every_byte(store.path)
    assert [n for n in needles if n in data] == []
    assert logged("anna", "search Andersson").text == "Nothing in the plan matches “Andersson”."


def test_the_audit_keeps_who_when_and_the_ref_never_the_text(
    logged: Callable, store: Store
) -> None:
    logged("anna", "delete L1")
    conn = sqlite3.connect(store.path)
    try:
        events = conn.execute(
            "SELECT user_id, entity, ref, action, before, after FROM audit_events "
            "WHERE ref = 'L1' ORDER BY id"
        ).fetchall()
        assert [e[:4] for e in events] == [
            ("mats", "log", "L1", "created"),
            ("anna", "log", "L1", "deleted"),
        ]
        assert all("Kalle" not in str(e) for e in events)
        assert '"text": "[removed]"' in events[0][5]
        # Only a scrub may change an event: anything else is still refused.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_events SET user_id = 'zed' WHERE ref = 'L1'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_events WHERE ref = 'L1'")
    finally:
        conn.close()
    history = logged("anna", "history L1").text
    assert "deleted it" in history and "Kalle" not in history


def test_a_deleted_follow_up_is_gone_and_its_ref_is_not_reused(logged: Callable) -> None:
    assert logged("mats", "delete F1").ok
    assert logged("erik", "mine").text == "You have no open follow-ups."
    assert logged("anna", "done F1").text.startswith("There is no follow-up F1")
    follow = logged("mats", "follow <@erik> Ring skolan")
    assert follow.shows == "F2"


def test_delete_updates_the_bots_own_messages(logged: Callable, app, store: Store) -> None:
    """The messages recorded for the ref are named in the reply, to show "removed by"."""
    with store.read() as tx:
        plan_id = tx.plans.by_channel("T1", "C1").id  # type: ignore[union-attr]
    app.record_posted(plan_id, "L1", "C1", "1700000000.000100")
    reply = logged("mats", "delete L1")
    (update,) = [e for e in reply.effects if e.kind == "update_messages"]
    assert update.messages == (("C1", "1700000000.000100"),)
    assert update.message is not None and update.message.text == ("🗑️ *L1* was removed by <@mats>.")
    with store.read() as tx:
        assert tx.posted.of_item(plan_id, "L1") == []


def test_swedish_words(logged: Callable) -> None:
    logged("anna", "settings language sv")
    assert logged("mats", "ändra L1 Möte om trapphuset").text == (
        "✏️ *L1* rättades av <@mats>:\n> Möte om trapphuset"
    )
    assert logged("mats", "radera L1").text.startswith("🗑️ *L1* raderades av <@mats>")


def test_delete_draws_the_digests_that_showed_it_again(
    logged: Callable, store: Store, clock
) -> None:
    """A digest posted since the entry was written is updated without its text."""
    from datetime import timedelta

    from samverkan.digest import build_digest

    sent = clock.now + timedelta(hours=1)
    with store.write() as tx:
        plan = tx.plans.by_channel("T1", "C1")
        assert plan is not None
        assert tx.digests.claim(plan.id, 2026, 48, "C1")
        row = tx.digests.get(plan.id, 2026, 48)
        assert row is not None
        tx.digests.update(row.id, state="sent", message_ts="1700000000.000900", sent_at=sent)
        before = build_digest(tx, plan, sent, "/samverkan", period_of=sent)
    assert "Kalle Andersson" in before.text + str(before.items)
    reply = logged("mats", "delete L1")
    (digest,) = [
        e for e in reply.effects if e.kind == "update_messages" and e.messages[0][0] == "C1"
    ]
    assert digest.messages == (("C1", "1700000000.000900"),)
    assert digest.message is not None
    assert "Kalle" not in digest.message.text + str(digest.message.items)
    assert digest.message.items == build_digest_now(store, sent).items


def build_digest_now(store: Store, sent):
    from samverkan.digest import build_digest

    with store.read() as tx:
        plan = tx.plans.by_channel("T1", "C1")
        assert plan is not None
        return build_digest(tx, plan, sent, "/samverkan", period_of=sent)


# -- observations ------------------------------------------------------------------------------


def test_an_observation_is_edited_and_deleted_like_a_log_entry(
    logged: Callable, store: Store
) -> None:
    """H# joins the corrections: its author or a coordinator, text scrubbed from the file."""
    assert logged("anna", "place add Gångtunneln").ok
    assert logged("mats", "observe graffiti at Gångtunneln Klotter på väggen vid trappan").ok
    assert logged("erik", "edit H1 Något annat").text == AUTHOR_ONLY.format(
        author="mats", ref="H1", what="edit"
    )
    assert logged("mats", "edit H1 Nytt klotter vid cykelstället").ok
    assert "Klotter på väggen vid trappan → Nytt klotter vid cykelstället" in (
        logged("anna", "history H1").text
    )
    assert logged("anna", "delete H1").ok
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM observations").fetchone() == (0,)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    data = every_byte(store.path)
    assert [n for n in ("cykelstället".encode(), b"trappan") if n in data] == []
    assert logged("anna", "edit H1 Igen").text == "There is no H1 in this plan."
