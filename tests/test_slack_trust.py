"""Trust in Slack (DESIGN §6), the bot as a subprocess over real signed HTTP: joining with
approval (the coordinators' DMs with Approve / Decline, the click, the updated DMs and the
requester's news), and a deletion that updates the bot's own messages."""

from __future__ import annotations

import time

from blocks import ids
from tests import test_slack_http as http
from tests.support.fake_slack import FakeSlack
from tests.test_slack_http import Plan, click, uid

# The bot process, the fake Slack and a fresh plan per test, as in test_slack_http.
bot, fake, plan = http.bot, http.fake, http.plan
no_contract_violations = http.no_contract_violations


def dm_to(p: Plan, user: str) -> list:
    """chat.postMessage calls into a person's DM (by user id)."""
    return p.calls("chat.postMessage", channel=user)


def wait_rows(p: Plan, sql: str, count: int, *params: object) -> list[tuple]:
    deadline = time.monotonic() + 5
    while True:
        rows = p.rows(sql, *params)
        if len(rows) >= count or time.monotonic() > deadline:
            return rows
        time.sleep(0.02)


def actions(blocks: list[dict]) -> list[dict]:
    return next(b for b in blocks if b["type"] == "actions")["elements"]


def test_join_asks_each_coordinator_and_a_click_decides(plan: Plan, fake: FakeSlack) -> None:
    coord2, outsider = uid("U"), uid("U")
    plan.command(f"member <@{coord2}> Polisen coordinator")
    answer = plan.command("join Polisen", user=outsider)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("You asked to join *Polisen*. The plan's coordinators")
    # One DM to each coordinator, with Approve / Decline, and each DM recorded.
    for coordinator in (plan.coord, coord2):
        (dm,) = plan.wait_calls("chat.postMessage", channel=coordinator)
        assert dm.params["text"] == (
            f"🙋 <@{outsider}> asks to join *Polisen* in the plan *{plan.name}* "
            f"(<#{plan.channel}>)."
        )
        buttons = actions(dm.params["blocks"])
        assert [b["action_id"] for b in buttons] == [ids.JOIN_APPROVE, ids.JOIN_DECLINE]
        value = buttons[0]["value"]
    ((request_id,),) = plan.rows("SELECT id FROM join_requests WHERE user_id = ?", outsider)
    assert value == f"{plan.plan_id}:{request_id}"
    recorded = wait_rows(
        plan, "SELECT channel_id FROM join_request_messages WHERE request_id = ?", 2, request_id
    )
    assert sorted(r[0] for r in recorded) == sorted(["D" + plan.coord, "D" + coord2])
    # Pending is not in: the outsider cannot log in the police's name.
    refused = plan.command("log Nu är jag med", user=outsider)
    assert refused["text"].startswith("Only members of the plan can log.")

    # A click by the member (no coordinator) is refused privately and changes nothing.
    status, _, name = click(
        plan, ids.JOIN_APPROVE, value, user=plan.member, block_id=f"join_request_{request_id}"
    )
    assert status == 200
    (no,) = fake.wait_for(f"response_url:{name}")
    assert no.params["response_type"] == "ephemeral"
    assert (
        "Only a coordinator of this plan can approve or decline requests to join"
        in (no.params["text"])
    )
    assert plan.rows("SELECT state FROM join_requests WHERE id = ?", request_id) == [("pending",)]

    # The second coordinator approves: both DMs show who decided, the requester is told.
    status, _, _ = click(
        plan, ids.JOIN_APPROVE, value, user=coord2, block_id=f"join_request_{request_id}"
    )
    assert status == 200
    updates = plan.wait_calls("chat.update", 2)
    decided = f"✅ <@{outsider}> joined *Polisen* in *{plan.name}*: approved by <@{coord2}>."
    shown = {u.params["channel"]: u.params for u in updates if u.params["text"] == decided}
    assert set(shown) == {"D" + plan.coord, "D" + coord2}
    assert all(b["type"] != "actions" for p in shown.values() for b in p["blocks"])
    (told,) = plan.wait_calls("chat.postMessage", channel=outsider)
    assert told.params["text"] == (
        f"<@{coord2}> approved your request: you are now a member of *Polisen* in the plan "
        f"*{plan.name}* (<#{plan.channel}>)."
    )
    assert plan.rows("SELECT state, decided_by FROM join_requests WHERE id = ?", request_id) == [
        ("approved", coord2)
    ]
    assert plan.rows(
        "SELECT role FROM members WHERE plan_id = ? AND user_id = ?", plan.plan_id, outsider
    ) == [("member",)]
    assert plan.command("log Nu är jag med", user=outsider)["text"].startswith("Posted *L1*")
    (logged,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert f"<@{outsider}> (Polisen)" in logged.params["text"]

    # A second click on the old DM says it was decided already.
    _, _, name = click(
        plan, ids.JOIN_DECLINE, value, user=plan.coord, block_id=f"join_request_{request_id}"
    )
    (late,) = fake.wait_for(f"response_url:{name}")
    assert late.params["text"].startswith("Already decided: ✅")


def test_decline_by_button_tells_the_requester(plan: Plan, fake: FakeSlack) -> None:
    outsider = uid("U")
    plan.command("join Polisen", user=outsider)
    (dm,) = plan.wait_calls("chat.postMessage", channel=plan.coord)
    value = actions(dm.params["blocks"])[1]["value"]
    wait_rows(plan, "SELECT 1 FROM join_request_messages", 1)
    click(plan, ids.JOIN_DECLINE, value, user=plan.coord, block_id="join_request_x")
    (told,) = plan.wait_calls("chat.postMessage", channel=outsider)
    assert told.params["text"].startswith(f"<@{plan.coord}> declined your request")
    assert plan.rows(
        "SELECT COUNT(*) FROM members WHERE plan_id = ? AND user_id = ?",
        plan.plan_id,
        outsider,
    ) == [(0,)]


def test_a_stale_join_button_is_explained(plan: Plan, fake: FakeSlack) -> None:
    _, _, name = click(plan, ids.JOIN_APPROVE, "nonsense", user=plan.coord, block_id="x")
    (answer,) = fake.wait_for(f"response_url:{name}")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["text"] == (
        "That button no longer works. Type `/samverkan mine` for your current follow-ups."
    )


def test_delete_updates_the_posted_confirmation(plan: Plan, fake: FakeSlack) -> None:
    secret = "Möte med Kalle Andersson, Storgatan 12"
    plan.command(f"anyway log {secret}", user=plan.member)
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    ts = post.response["ts"]
    refused = plan.command("delete L1", user=uid("U"))
    assert refused["text"].startswith("Only <@")
    answer = plan.command("delete L1", user=plan.member)
    assert answer["response_type"] == "in_channel"
    assert "Kalle" not in answer["text"]
    (update,) = plan.wait_calls("chat.update", ts=ts)
    assert update.params["channel"] == plan.channel
    assert update.params["text"] == f"🗑️ *L1* was removed by <@{plan.member}>."
    assert "Kalle" not in str(update.params)
    assert fake.messages[(plan.channel, ts)]["text"] == update.params["text"]
    assert plan.rows("SELECT COUNT(*) FROM posted_messages WHERE plan_id = ?", plan.plan_id) == [
        (0,)
    ]
    assert plan.rows("SELECT COUNT(*) FROM log_entries WHERE plan_id = ?", plan.plan_id) == [(0,)]
