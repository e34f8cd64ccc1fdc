"""The observation form, the round's buttons, the "Report as observation" shortcut and the App
Home's button, over signed HTTP to the bot as a subprocess (DESIGN §6, §9)."""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from blocks import ids
from tests import test_slack_http as http
from tests.support.signed import fixture_json, new_trigger_id
from tests.test_slack_http import Plan, block, count, last_view, submission, uid

# The HTTP suite's fixtures: one bot process and one fake Slack for this module, a fresh plan
# per test, and no call that breaks Slack's contract.
fake = http.fake
bot = http.bot
plan = http.plan
no_contract_violations = http.no_contract_violations

PERSONNUMMER = "Saw 19811218-9876 at the stairs"


def open_form(p: Plan, user: str) -> dict[str, Any]:
    """`/samverkan observe` with no words: the form (acked empty)."""
    assert p.command("observe", user=user) == {}
    return last_view(p)


def submit(p: Plan, view: dict, values: dict, user: str) -> tuple[int, bytes]:
    return p.interact(submission(p, view, values, user=user))


def observations(p: Plan) -> list[tuple]:
    return p.rows(
        "SELECT h.category, pl.name, h.happened_on, h.time_band, h.concern, h.text, h.source "
        "FROM observations h LEFT JOIN places pl ON pl.id = h.place_id WHERE h.plan_id = ?",
        p.plan_id,
    )


def test_the_form_offers_every_field_and_stores_what_was_chosen(plan: Plan) -> None:
    plan.command("place add Centrumtorget")
    view = open_form(plan, plan.member)
    assert view["callback_id"] == ids.OBSERVE_MODAL
    assert [b["block_id"] for b in view["blocks"]] == [
        ids.CATEGORY_BLOCK,
        ids.PLACE_BLOCK,  # a member picks among the places; no new place field
        ids.DATE_BLOCK,
        ids.BAND_BLOCK,
        ids.CONCERN_BLOCK,
        ids.TEXT_BLOCK,
    ]
    options = [o["value"] for o in block(view, ids.CATEGORY_BLOCK)["element"]["options"]]
    assert options[:3] == ["vandalism", "graffiti", "littering"] and len(options) == 10
    assert block(view, ids.DATE_BLOCK)["element"]["initial_date"] == plan.today().isoformat()
    status, body = submit(
        plan,
        view,
        {
            ids.CATEGORY_BLOCK: ("static_select", "graffiti"),
            ids.PLACE_BLOCK: ("static_select", "Centrumtorget"),
            ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
            ids.BAND_BLOCK: ("static_select", "evening"),
            ids.CONCERN_BLOCK: ("static_select", "high"),
            ids.TEXT_BLOCK: ("plain_text_input", "Tags on the wall <!channel>"),
        },
        plan.member,
    )
    assert (status, body) == (200, b"")
    assert observations(plan) == [
        (
            "graffiti",
            "Centrumtorget",
            plan.today().isoformat(),
            "evening",
            "high",
            "Tags on the wall <!channel>",
            "modal",
        )
    ]
    (posted,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert "*H1* reported by" in posted.params["text"]
    assert "<!channel>" not in json.dumps(posted.params)


def test_a_coordinator_may_name_a_new_place(plan: Plan) -> None:
    view = open_form(plan, plan.coord)
    assert ids.NEW_PLACE_BLOCK in [b["block_id"] for b in view["blocks"]]
    values = {
        ids.CATEGORY_BLOCK: ("static_select", "fire"),
        ids.NEW_PLACE_BLOCK: ("plain_text_input", "Skolgården"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        ids.TEXT_BLOCK: ("plain_text_input", "Bin on fire"),
    }
    assert submit(plan, view, values, plan.coord) == (200, b"")
    assert plan.rows("SELECT name FROM places WHERE plan_id = ?", plan.plan_id) == [("Skolgården",)]


def test_field_errors_change_nothing(plan: Plan) -> None:
    view = open_form(plan, plan.coord)
    today = plan.today()
    good = {
        ids.CATEGORY_BLOCK: ("static_select", "drugs"),
        ids.DATE_BLOCK: ("datepicker", today.isoformat()),
        ids.TEXT_BLOCK: ("plain_text_input", "Exchange by the entrance"),
    }
    cases = [
        ({ids.CATEGORY_BLOCK: ("static_select", None)}, ids.CATEGORY_BLOCK, "Choose one"),
        ({ids.TEXT_BLOCK: ("plain_text_input", PERSONNUMMER)}, ids.TEXT_BLOCK, "identity number"),
        (
            {ids.NEW_PLACE_BLOCK: ("plain_text_input", "811218-9876")},
            ids.NEW_PLACE_BLOCK,
            "identity",
        ),
        (
            {ids.DATE_BLOCK: ("datepicker", today.replace(year=today.year + 1).isoformat())},
            ids.DATE_BLOCK,
            "has not come yet",
        ),
        ({ids.TEXT_BLOCK: ("plain_text_input", "   ")}, ids.TEXT_BLOCK, "missing"),
    ]
    for change, where, says in cases:
        status, body = submit(plan, view, {**good, **change}, plan.coord)
        assert status == 200
        answer = json.loads(body)
        assert answer["response_action"] == "errors"
        assert list(answer["errors"]) == [where], change
        assert says in answer["errors"][where], answer
    assert observations(plan) == [] and count(plan, "places") == 0


def test_nothing_to_report_updates_the_round_message_in_place(plan: Plan) -> None:
    ts = round_message(plan, plan.member)
    payload = round_click(plan, ids.ROUND_NOTHING, plan.member, ts)
    assert plan.interact(payload) == (200, b"")
    (update,) = plan.wait_calls("chat.update", ts=ts)
    assert "✅ Answered: nothing to report. Thank you!" in update.params["text"]
    assert update.params["blocks"][0]["block_id"].startswith(ids.ROUND_BLOCK_PREFIX)
    assert plan.rows(
        "SELECT user_id, answer FROM round_answers WHERE plan_id = ?", plan.plan_id
    ) == [(plan.member, "nothing")]


def test_report_from_the_round_opens_the_form_and_counts_as_the_answer(plan: Plan) -> None:
    ts = round_message(plan, plan.member)
    payload = round_click(plan, ids.ROUND_REPORT, plan.member, ts)
    assert plan.interact(payload) == (200, b"")
    view = last_view(plan, trigger_id=payload["trigger_id"])
    assert view["callback_id"] == ids.OBSERVE_MODAL
    assert json.loads(view["private_metadata"])["round"] is True
    values = {
        ids.CATEGORY_BLOCK: ("static_select", "littering"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        ids.TEXT_BLOCK: ("plain_text_input", "Bags behind the school"),
    }
    assert submit(plan, view, values, plan.member) == (200, b"")
    assert [r[-1] for r in observations(plan)] == ["round"]
    (update,) = plan.wait_calls("chat.update", ts=ts)
    assert "✅ Answered: H1 reported. Thank you!" in update.params["text"]
    assert plan.rows("SELECT answer FROM round_answers WHERE plan_id = ?", plan.plan_id) == [
        ("report",)
    ]


def test_someone_outside_the_plan_is_refused_at_the_button(plan: Plan) -> None:
    stranger = uid("U")
    payload = round_click(plan, ids.ROUND_NOTHING, stranger, "1.000001")
    assert plan.interact(payload) == (200, b"")
    (told,) = plan.wait_calls("chat.postMessage", channel=stranger)
    assert told.params["text"].startswith("Only members of the plan can report observations.")
    assert plan.rows("SELECT COUNT(*) FROM round_answers WHERE plan_id = ?", plan.plan_id) == [(0,)]


def test_report_as_observation_prefills_the_form_from_a_message(plan: Plan) -> None:
    payload = fixture_json("message_action")
    payload["callback_id"] = ids.OBSERVE_FROM_MESSAGE
    payload["user"]["id"] = plan.member
    payload["channel"]["id"] = plan.channel
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["response_url"] = plan.fake.response_url(uid("sc"))
    ts = f"{time.time():.6f}"
    payload["message_ts"] = payload["message"]["ts"] = ts
    payload["message"]["text"] = "Broken glass at the playground &amp; the stairs"
    assert plan.interact(payload) == (200, b"")
    (opened,) = plan.calls("views.open", trigger_id=trigger)
    first = opened.params["view"]
    assert first["callback_id"] == ids.OBSERVE_MODAL
    text = block(first, ids.TEXT_BLOCK)["element"]["initial_value"]
    assert text == "Broken glass at the playground & the stairs"
    view = last_view(plan, "views.update", view_id=opened.response["view"]["id"])
    permalink = json.loads(view["private_metadata"])["permalink"]
    values = {
        ids.CATEGORY_BLOCK: ("static_select", "vandalism"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        ids.TEXT_BLOCK: ("plain_text_input", text),
    }
    assert submit(plan, view, values, plan.member) == (200, b"")
    assert plan.rows(
        "SELECT source, permalink FROM observations WHERE plan_id = ?", plan.plan_id
    ) == [("message", permalink)]


def test_app_home_has_report_beside_log(plan: Plan) -> None:
    plan.command("log Walked the centre", user=plan.member)
    home = last_view(plan, "views.publish", user_id=plan.member)
    actions = next(b for b in home["blocks"] if b["type"] == "actions")
    assert [e["action_id"] for e in actions["elements"]][:2] == [ids.HOME_LOG, ids.HOME_OBSERVE]
    payload = fixture_json("block_actions_home")
    payload["user"]["id"] = plan.member
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["actions"][0].update(action_id=ids.HOME_OBSERVE, block_id="home_log", value="x")
    payload["actions"][0].pop("style", None)
    assert plan.interact(payload) == (200, b"")
    assert last_view(plan, trigger_id=trigger)["callback_id"] == ids.OBSERVE_MODAL


# -- helpers ---------------------------------------------------------------------------------


def round_message(p: Plan, user: str) -> str:
    """A round DM as the round job records it (sent, with its DM channel and ts)."""
    year, week, _ = p.today().isocalendar()
    ts = f"{time.time():.6f}"
    conn = sqlite3.connect(p.bot.db)
    try:
        conn.execute(
            "INSERT INTO round_deliveries (plan_id, iso_year, iso_week, user_id, state, "
            "channel_id, message_ts, attempts, claimed_at, sent_at) "
            "VALUES (?, ?, ?, ?, 'sent', ?, ?, 1, '2026-01-01T00:00:00+00:00', "
            "'2026-01-01T00:00:00+00:00')",
            (p.plan_id, year, week, user, "D" + user, ts),
        )
        conn.commit()
    finally:
        conn.close()
    return ts


def round_click(p: Plan, action_id: str, user: str, ts: str) -> dict[str, Any]:
    """A click on a round DM's button, as Slack sends it from the DM."""
    year, week, _ = p.today().isocalendar()
    payload = fixture_json("block_actions_button")
    payload["user"]["id"] = user
    payload["trigger_id"] = new_trigger_id()
    value = f"{p.plan_id}:{year}-W{week:02d}"
    payload["actions"][0].update(action_id=action_id, value=value, block_id="round_actions")
    payload["actions"][0].pop("style", None)
    payload["response_url"] = p.fake.response_url(uid("rd"))
    payload["container"].update(channel_id="D" + user, message_ts=ts, is_ephemeral=False)
    payload["channel"]["id"] = "D" + user
    return payload


def test_the_form_warns_of_a_person_and_the_same_submission_again_saves_it(plan: Plan) -> None:
    view = open_form(plan, plan.member)
    values = {
        ids.CATEGORY_BLOCK: ("static_select", "threats_violence"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        ids.TEXT_BLOCK: ("plain_text_input", "En 14-åring hotade personalen"),
    }
    status, body = submit(plan, view, values, plan.member)
    assert status == 200
    message = json.loads(body)["errors"][ids.TEXT_BLOCK]
    assert message.startswith("This looks like it names or locates a person: a person's age")
    assert message.endswith("Submit again unchanged to save it anyway.")
    assert observations(plan) == []
    assert submit(plan, view, values, plan.member) == (200, b"")
    assert [row[5] for row in observations(plan)] == ["En 14-åring hotade personalen"]


def home_observe(p: Plan, user: str, action: dict[str, Any]) -> dict[str, Any]:
    """The App Home's *Report an observation* used; the view it opened."""
    payload = fixture_json("block_actions_home")
    payload["user"]["id"] = user
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["actions"] = [{"block_id": "home_log", "action_ts": "1.2", **action}]
    assert p.interact(payload) == (200, b"")
    return last_view(p, trigger_id=trigger)


def test_app_home_offers_a_choice_of_plan_to_someone_in_two(plan: Plan) -> None:
    """In two plans, *Report an observation* asks which; the form is that plan's."""
    other = Plan(plan.bot, plan.fake, uid("C"), uid("U"), uid("U"), name="Trygg i Tensta")
    other.command(f"setup {other.name}")
    other.command("org add Polisen police")
    other.command(f"member <@{plan.member}> Polisen")
    other.command("place add Tenstagången")
    before = len(plan.calls("views.publish", user_id=plan.member))
    plan.command("log Walked the centre", user=plan.member)
    # Published again after the log (within a second of the one the membership caused).
    published = plan.wait_calls("views.publish", before + 1, user_id=plan.member)
    home = published[-1].params["view"]
    actions = next(b for b in home["blocks"] if b["type"] == "actions")
    picker = actions["elements"][1]
    assert (picker["type"], picker["action_id"]) == ("static_select", ids.HOME_OBSERVE)
    assert [(o["text"]["text"], o["value"]) for o in picker["options"]] == [
        (plan.name, str(plan.plan_id)),
        ("Trygg i Tensta", str(other.plan_id)),
    ]
    chosen = {
        "type": "static_select",
        "action_id": ids.HOME_OBSERVE,
        "selected_option": {
            "text": {"type": "plain_text", "text": "x"},
            "value": str(other.plan_id),
        },
    }
    view = home_observe(plan, plan.member, chosen)
    assert view["callback_id"] == ids.OBSERVE_MODAL
    assert json.loads(view["private_metadata"])["plan_id"] == other.plan_id
    places = [o["value"] for o in block(view, ids.PLACE_BLOCK)["element"]["options"]]
    assert places == ["Tenstagången"]


def test_app_home_choice_of_a_plan_one_is_not_in_is_refused(plan: Plan) -> None:
    other = Plan(plan.bot, plan.fake, uid("C"), uid("U"), uid("U"), name="Trygg i Tensta")
    other.command(f"setup {other.name}")
    forged = {"type": "button", "action_id": ids.HOME_OBSERVE, "value": str(other.plan_id)}
    view = home_observe(plan, plan.member, forged)
    assert view["callback_id"] != ids.OBSERVE_MODAL
    assert "Tensta" not in json.dumps(view)
