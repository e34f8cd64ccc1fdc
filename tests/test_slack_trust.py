"""Trust in Slack (DESIGN §6), the bot as a subprocess over real signed HTTP: joining with
approval (the coordinators' DMs with Approve / Decline, the click, the updated DMs and the
requester's news), and a deletion that updates the bot's own messages."""

from __future__ import annotations

import json
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


def test_edit_and_delete_buttons_under_the_authors_confirmation(
    plan: Plan, fake: FakeSlack
) -> None:
    answer = plan.command("log Checked the lamps", user=plan.member)
    buttons = actions(answer["blocks"])
    assert [b["action_id"] for b in buttons] == [ids.ENTRY_EDIT, ids.ENTRY_DELETE]
    assert buttons[1]["confirm"]["title"]["text"] == "Delete it?"
    value = buttons[0]["value"]
    assert value == f"{plan.plan_id}:L1"
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)

    # Edit opens the form with the text; submitting it corrects the entry and the post.
    click(plan, ids.ENTRY_EDIT, value, user=plan.member, block_id="x")
    view = plan.wait_calls("views.open")[-1].params["view"]
    assert view["callback_id"] == ids.EDIT_MODAL
    assert view["blocks"][0]["element"]["initial_value"] == "Checked the lamps"
    payload = http.submission(
        plan, view, {ids.TEXT_BLOCK: ("plain_text_input", "Checked four lamps")}, user=plan.member
    )
    status, body = plan.interact(payload)
    assert (status, body) == (200, b"")
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        ("Checked four lamps",)
    ]
    (edited,) = plan.wait_calls("chat.update", ts=post.response["ts"])
    assert edited.params["text"].endswith("> Checked four lamps")

    # Someone else may not; a name in the correction is refused under the field.
    click(plan, ids.ENTRY_EDIT, value, user=uid("U"), block_id="x")
    personal = http.submission(
        plan, view, {ids.TEXT_BLOCK: ("plain_text_input", "Met Erik Johansson")}, user=plan.member
    )
    status, body = plan.interact(personal)
    errors = json.loads(body)["errors"]
    assert errors[ids.TEXT_BLOCK].startswith("This looks like it names or locates a person")

    # Delete (after Slack's confirm dialog) removes it and updates the post.
    _, _, name = click(plan, ids.ENTRY_DELETE, value, user=plan.member, block_id="x")
    (gone,) = fake.wait_for(f"response_url:{name}")
    assert gone.params["text"].startswith("🗑️ *L1* was deleted by")
    plan.wait_calls("chat.update", 2, ts=post.response["ts"])
    assert fake.messages[(plan.channel, post.response["ts"])]["text"] == (
        f"🗑️ *L1* was removed by <@{plan.member}>."
    )


def test_save_anyway_and_rewrite_buttons(plan: Plan, fake: FakeSlack) -> None:
    text = "Möte med Kalle Andersson vid Storgatan 12"
    answer = plan.command(f"log {text}", user=plan.member)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("This looks like it names or locates a person")
    save, rewrite = actions(answer["blocks"])
    assert (save["action_id"], save["value"]) == (ids.PERSONAL_SAVE, f"log {text}")
    assert (rewrite["action_id"], rewrite["value"]) == (ids.PERSONAL_REWRITE, f"log:{text}")
    assert plan.rows("SELECT COUNT(*) FROM log_entries WHERE plan_id = ?", plan.plan_id) == [(0,)]
    # Rewrite: the log form with the text.
    click(plan, ids.PERSONAL_REWRITE, rewrite["value"], user=plan.member, block_id="x")
    view = plan.wait_calls("views.open")[-1].params["view"]
    assert view["callback_id"] == ids.LOG_MODAL
    assert http.block(view, ids.TEXT_BLOCK)["element"]["initial_value"] == text
    # Save anyway: stored, and posted in the channel.
    click(plan, ids.PERSONAL_SAVE, save["value"], user=plan.member, block_id="x")
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert post.params["text"].endswith(f"> {text}")
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [(text,)]
    wait_rows(plan, "SELECT 1 FROM posted_messages WHERE plan_id = ?", 1, plan.plan_id)


def test_archive_and_delete_over_http(plan: Plan) -> None:
    plan.command("log Walked the yard", user=plan.member)
    assert plan.command("plan archive")["text"].startswith(f"<@{plan.coord}> archived the plan")
    refused = plan.command("log Again", user=plan.member)
    assert refused["text"] == f"The plan *{plan.name}* is archived: it can be read, not changed."
    assert plan.command("status")["response_type"] == "ephemeral"
    explain = plan.command("plan delete")
    assert explain["text"].endswith(f"`/samverkan plan delete {plan.name}`")
    plan_id = plan.plan_id
    done = plan.command(f"plan delete {plan.name}")
    assert done["response_type"] == "in_channel"
    for table in ("log_entries", "members", "organisations", "posted_messages"):
        assert plan.rows(f"SELECT COUNT(*) FROM {table} WHERE plan_id = ?", plan_id) == [(0,)]
    assert plan.rows("SELECT action FROM audit_events WHERE plan_id = ?", plan_id) == [("deleted",)]


def test_a_form_warns_and_the_same_submission_again_saves_it(plan: Plan) -> None:
    view = http.open_modal(plan, "log", user=plan.member)
    values = {
        ids.TEXT_BLOCK: ("plain_text_input", "Pratade med Erik Johansson vid kiosken"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    status, body = plan.interact(http.submission(plan, view, values, user=plan.member))
    assert status == 200
    message = json.loads(body)["errors"][ids.TEXT_BLOCK]
    assert message.startswith("This looks like it names or locates a person: a first name")
    assert message.endswith("Submit again unchanged to save it anyway.")
    assert plan.rows("SELECT COUNT(*) FROM log_entries WHERE plan_id = ?", plan.plan_id) == [(0,)]
    # Someone else sending the same text is warned afresh.
    _, other = plan.interact(http.submission(plan, view, values, user=plan.coord))
    assert json.loads(other)["errors"][ids.TEXT_BLOCK].startswith("This looks like")
    assert plan.interact(http.submission(plan, view, values, user=plan.member)) == (200, b"")
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        ("Pratade med Erik Johansson vid kiosken",)
    ]
