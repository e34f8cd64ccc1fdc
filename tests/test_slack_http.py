"""The bot in HTTP mode as a subprocess, driven over real HTTP with requests signed as Slack signs.

One bot process and one FakeSlack serve the whole module; each test works in its own channel
with its own people, so tests do not see each other's data.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_bolt.middleware.request_verification import RequestVerification
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from blocks import ids
from samverkan.dates import format_date
from tests.support.bot_process import BotProcess
from tests.support.fake_slack import FakeSlack
from tests.support.signed import (
    event_body,
    fixture_json,
    get,
    interactive_body,
    new_trigger_id,
    slash_command_body,
)

TEAM = "T0SAMVERK"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # Slack's documented example secret
PERSONNUMMER = "Spoke with 19811218-9876 about the stairwell"


# -- the bot and the fake Slack for the module ---------------------------------------------


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    """One FakeSlack for the module."""
    with FakeSlack() as slack:
        yield slack


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """`python bot.py http` against the fake, waited for on /healthz."""
    process = BotProcess(
        "http", workdir=tmp_path_factory.mktemp("http-bot"), api_url=fake.base_url, secret=SECRET
    )
    process.start()
    yield process
    code = process.stop()
    assert code == 0, process.log()
    assert "Traceback" not in process.log(), process.log()


@pytest.fixture(autouse=True)
def no_contract_violations(fake: FakeSlack) -> Iterator[None]:
    """Every test ends with no call that breaks Slack's contract."""
    yield
    found = fake.take_violations()
    assert not found, "Slack contract violations:\n  " + "\n  ".join(found)


def uid(prefix: str) -> str:
    """A fresh Slack-style id."""
    return prefix + uuid.uuid4().hex[:10].upper()


@dataclass
class Plan:
    """A plan in its own channel: a coordinator and a police member, both in Polisen."""

    bot: BotProcess
    fake: FakeSlack
    channel: str
    coord: str
    member: str
    name: str = "Trygg i Husby"

    def command(self, text: str, user: str | None = None, channel: str | None = None) -> Any:
        """Run `/samverkan <text>`; return the ack's JSON (or {} for an empty ack)."""
        status, body = self.command_raw(text, user, channel)
        assert status == 200, body
        return json.loads(body) if body else {}

    def command_raw(
        self, text: str, user: str | None = None, channel: str | None = None
    ) -> tuple[int, bytes]:
        """Run `/samverkan <text>`; return status and raw body."""
        body = slash_command_body(
            text,
            user=user or self.coord,
            channel=channel or self.channel,
            response_url=self.fake.response_url(uid("cmd")),
        )
        status, _, answer = self.bot.post(body)
        return status, answer

    def interact(self, payload: dict[str, Any]) -> tuple[int, bytes]:
        """POST an interactivity payload."""
        status, _, answer = self.bot.post(interactive_body(payload))
        return status, answer

    def rows(self, sql: str, *params: Any) -> list[tuple]:
        """Rows of this plan's database (read in the test process)."""
        conn = sqlite3.connect(self.bot.db)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    @property
    def plan_id(self) -> int:
        """The plan's id."""
        ((pid,),) = self.rows("SELECT id FROM plans WHERE channel_id = ?", self.channel)
        return pid

    def calls(self, method: str, **match: Any) -> list:
        """Recorded calls of a method whose params include `match`."""
        return [
            c
            for c in self.fake.calls(method)
            if all(c.params.get(k) == v for k, v in match.items())
        ]

    def wait_calls(self, method: str, count: int = 1, timeout: float = 5, **match: Any) -> list:
        """Wait for `count` matching calls."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls(method, **match)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                # What the bot said meanwhile tells why (a refusal, a fault, a queue).
                tail = "\n".join(self.bot.log().splitlines()[-40:])
                raise AssertionError(
                    f"{method} {match}: {len(found)} calls, wanted {count}\nbot log:\n{tail}"
                )
            time.sleep(0.01)

    def today(self) -> date:
        """Today in the plan's timezone."""
        from datetime import datetime

        return datetime.now(ZoneInfo("Europe/Stockholm")).date()


@pytest.fixture
def plan(bot: BotProcess, fake: FakeSlack) -> Plan:
    """A fresh plan: setup, one organisation, the coordinator and a member in it."""
    p = Plan(bot, fake, uid("C"), uid("U"), uid("U"))
    p.command(f"setup {p.name}")
    p.command("org add Polisen police")
    p.command("join Polisen")
    p.command(f"member <@{p.member}> Polisen")
    # Joining republishes both App Homes after the ack; let that land before the test starts
    # (generously: the bot is shared by the module, and its after-ack pool may still be busy
    # with an earlier test's work on a machine that is busy).
    p.wait_calls("views.publish", user_id=p.coord, timeout=20)
    p.wait_calls("views.publish", user_id=p.member, timeout=20)
    return p


def last_view(p: Plan, method: str = "views.open", **match: Any) -> dict[str, Any]:
    """The view of the newest matching views.* call."""
    return p.wait_calls(method, **match)[-1].params["view"]


def block(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    """One block of a view by id."""
    return next(b for b in view["blocks"] if b.get("block_id") == block_id)


def submission(
    p: Plan, view: dict[str, Any], values: dict[str, tuple[str, Any]], user: str | None = None
) -> dict[str, Any]:
    """A view_submission of `view` (as the bot opened it) with values by block_id."""
    payload = fixture_json("view_submission")
    payload["user"] = {"id": user or p.coord, "team_id": TEAM}
    state: dict[str, Any] = {}
    for block_id, (kind, value) in values.items():
        action_id = block(view, block_id)["element"]["action_id"]
        if kind == "static_select":
            element = {"type": kind, "selected_option": {"value": value} if value else None}
        elif kind == "datepicker":
            element = {"type": kind, "selected_date": value}
        elif kind == "users_select":
            element = {"type": kind, "selected_user": value}
        elif kind in ("multi_static_select", "checkboxes"):
            element = {"type": kind, "selected_options": [{"value": v} for v in value]}
        elif kind == "file_input":
            element = {"type": kind, "files": [{"id": v} for v in value]}
        else:
            element = {"type": kind, "value": value}
        state[block_id] = {action_id: element}
    payload["view"] = {
        **payload["view"],
        "id": uid("V"),
        "blocks": view["blocks"],
        "callback_id": view["callback_id"],
        "private_metadata": view.get("private_metadata", ""),
        "title": view["title"],
        "state": {"values": state},
    }
    return payload


def count(p: Plan, table: str) -> int:
    """Rows of a table that belong to the plan."""
    ((n,),) = p.rows(f"SELECT COUNT(*) FROM {table} WHERE plan_id = ?", p.plan_id)
    return n


# -- the endpoint ------------------------------------------------------------------------


def test_healthz_reports_the_database(bot: BotProcess) -> None:
    """GET /healthz answers 200 with the database's state."""
    status, headers, body = get(bot.url + "/healthz")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"ok": True, "db": "ok", "schema": json.loads(body)["schema"]}
    assert json.loads(body)["schema"] >= 1


def test_other_paths_are_not_found(bot: BotProcess) -> None:
    """Only /slack/events and /healthz exist."""
    assert get(bot.url + "/")[0] == 404
    assert get(bot.url + "/slack/events")[0] == 405


def test_url_verification_is_answered(bot: BotProcess) -> None:
    """The Events API handshake gets its challenge back."""
    payload = fixture_json("url_verification")
    status, _, body = bot.post(event_body(payload))
    assert status == 200
    assert json.loads(body) == {"challenge": payload["challenge"]}


# -- the slash command ---------------------------------------------------------------------


def test_setup_org_and_join(plan: Plan) -> None:
    """setup, org add and join answer in the channel and are stored."""
    p = Plan(plan.bot, plan.fake, uid("C"), uid("U"), uid("U"))
    answer = p.command("setup Trygg i Husby")
    assert answer["response_type"] == "in_channel"
    assert answer["text"] == (
        f"The plan *Trygg i Husby* is set up for this channel. <@{p.coord}> is its coordinator."
    )
    assert answer["blocks"][0]["type"] == "section"
    assert (
        p.command("org add Polisen police")["text"] == "Added the organisation *Polisen* (police)."
    )
    p.command("settings joining open")
    joined = p.command("join Polisen", user=p.member)
    assert joined["text"] == f"<@{p.member}> joined *Polisen* as member."
    assert p.rows(
        "SELECT m.user_id, o.name, m.role FROM members m JOIN organisations o "
        "ON o.id = m.organisation_id WHERE m.plan_id = ?",
        p.plan_id,
    ) == [(p.member, "Polisen", "member")]
    # A join changes the person's plans: their App Home is published again after the ack.
    view = last_view(p, "views.publish", user_id=p.member)
    assert view["type"] == "home"


def test_log_with_the_word_payload_reaches_the_command(plan: Plan) -> None:
    """slack-bolt 1.30 misreads form bodies containing "payload"; this one is a command."""
    plan.command("activity add Trygga vägar")
    answer = plan.command("log A1 checked the payload of the van", user=plan.member)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == (
        "Posted *L1* in the channel. `/samverkan edit L1 <new text>` corrects it; "
        "`/samverkan delete L1` removes it."
    )
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert "*L1* logged on *A1* Trygga vägar" in post.params["text"]
    assert post.params["text"].endswith("> checked the payload of the van")
    # Where the bot posted it is recorded, for a later `delete`.
    assert plan.rows(
        "SELECT ref, channel_id, ts FROM posted_messages WHERE plan_id = ?", plan.plan_id
    ) == [("L1", plan.channel, post.response["ts"])]
    assert plan.rows(
        "SELECT l.text, l.source, a.ref_no FROM log_entries l JOIN activities a "
        "ON a.id = l.activity_id WHERE l.plan_id = ?",
        plan.plan_id,
    ) == [("checked the payload of the van", "command", 1)]


def test_escaped_text_is_stored_as_typed(plan: Plan) -> None:
    """Slack escapes & < > (should_escape); the log keeps what the person typed."""
    answer = plan.command(
        "log Bought &lt;b&gt; lamps &amp; cables for <https://example.org|example.org>"
    )
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        ("Bought <b> lamps & cables for example.org",)
    ]
    # …and shows it escaped again, so it can never become markup.
    assert answer["response_type"] == "ephemeral"
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert "Bought &lt;b&gt; lamps &amp; cables" in post.params["text"]


def test_a_channel_reply_never_notifies_the_channel(plan: Plan) -> None:
    """<!channel> typed in a log is shown, not broadcast."""
    answer = plan.command("log Told <!channel> and @here about it")
    assert "<!channel>" not in json.dumps(answer)
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert "<!channel>" not in json.dumps(post.params)
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        ("Told @channel and @here about it",)
    ]


def test_activity_follow_mine_done_snooze(plan: Plan) -> None:
    """The everyday commands, with exact replies and rows."""
    added = plan.command("activity add Belysning i tunneln owner Polisen")
    assert added["text"] == "New activity *A1*: Belysning i tunneln (owner Polisen)."
    before = len(plan.calls("views.publish", user_id=plan.member))
    follow = plan.command(f"follow <@{plan.member}|per> Check the lamps A1", user=plan.coord)
    assert follow["response_type"] == "ephemeral"
    (post,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert post.params["text"].startswith(f"*F1* for <@{plan.member}> from <@{plan.coord}> — *A1*")
    # The assignee's App Home shows the new follow-up.
    home = plan.wait_calls("views.publish", before + 1, user_id=plan.member)[-1].params["view"]
    assert any("Check the lamps" in json.dumps(b) for b in home["blocks"])

    mine = plan.command("mine", user=plan.member)
    assert mine["response_type"] == "ephemeral"
    assert mine["text"].startswith("Your open follow-ups (1)")
    actions = [b for b in mine["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == [
        ids.FOLLOWUP_DONE,
        ids.FOLLOWUP_SNOOZE_DAY,
        ids.FOLLOWUP_SNOOZE_WEEK,
    ]
    assert actions[0]["elements"][0]["value"] == f"{plan.plan_id}:F1"

    snoozed = plan.command("snooze F1 +3d", user=plan.member)
    assert "*F1* Check the lamps: moved from — to" in snoozed["text"]
    due = plan.today() + timedelta(days=3)
    assert plan.rows("SELECT due_date FROM followups WHERE plan_id = ?", plan.plan_id) == [
        (due.isoformat(),)
    ]
    done = plan.command("done F1", user=plan.member)
    assert done["text"] == f"✅ *F1* done: Check the lamps (by <@{plan.member}>)"
    assert plan.rows("SELECT status, done_by FROM followups WHERE plan_id = ?", plan.plan_id) == [
        ("done", plan.member)
    ]
    assert plan.command("mine", user=plan.member)["text"] == "You have no open follow-ups."


def test_reading_commands(plan: Plan) -> None:
    """status, overdue, search, history and digest preview answer privately."""
    plan.command("activity add Belysning")
    plan.command("log A1 Walked the tunnel at night", user=plan.member)
    status = plan.command("status")
    assert status["response_type"] == "ephemeral"
    assert status["text"].startswith("Trygg i Husby: status")
    assert status["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Trygg i Husby: status"},
    }
    assert plan.command("overdue")["text"] == "Nothing is overdue."
    search = plan.command("search tunnel")
    assert search["text"] == "Matches for “tunnel”: 1"
    assert "Walked the *tunnel* at night" in json.dumps(search["blocks"])
    history = plan.command("history A1")
    assert history["text"].startswith("History of A1")
    assert "created it" in json.dumps(history["blocks"])
    preview = plan.command("digest preview")
    assert preview["response_type"] == "ephemeral"
    assert preview["text"]
    assert 0 < len(preview["blocks"]) <= 50


def test_help_in_swedish(plan: Plan) -> None:
    """A plan in Swedish answers `hjälp` in Swedish."""
    plan.command("settings language sv")
    answer = plan.command("hjälp")
    assert answer["response_type"] == "ephemeral"
    assert answer["blocks"][0]["text"]["text"] == "Samverkan — så använder du den"
    assert "`/samverkan logga [A#]" in json.dumps(answer["blocks"], ensure_ascii=False)


def test_a_refused_command_says_who_may(plan: Plan) -> None:
    """A member may not add activities; the reply says so, privately, and nothing is stored."""
    answer = plan.command("activity add Secret plan", user=plan.member)
    assert answer["response_type"] == "ephemeral"
    assert f"<@{plan.coord}>" in answer["text"]
    assert count(plan, "activities") == 0


def test_personnummer_in_a_command_is_refused(plan: Plan) -> None:
    """A personal identity number is refused and nothing of it is stored."""
    answer = plan.command(f"log {PERSONNUMMER}")
    assert answer["response_type"] == "ephemeral"
    assert "personal identity number" in answer["text"]
    assert "19811218" not in json.dumps(answer)
    assert count(plan, "log_entries") == 0


# -- modals --------------------------------------------------------------------------------


def open_modal(p: Plan, text: str, user: str | None = None) -> dict[str, Any]:
    """Run a command that opens a modal; return the view opened."""
    trigger = new_trigger_id()
    body = slash_command_body(
        text,
        user=user or p.coord,
        channel=p.channel,
        response_url=p.fake.response_url(uid("cmd")),
        trigger_id=trigger,
    )
    status, _, answer = p.bot.post(body)
    assert (status, answer) == (200, b"")
    return last_view(p, trigger_id=trigger)


def test_log_modal_opens_and_saves(plan: Plan) -> None:
    """`log` alone opens the modal; a valid submission is stored and confirmed in the channel."""
    plan.command("activity add Belysning")
    view = open_modal(plan, "log", user=plan.member)
    assert view["callback_id"] == ids.LOG_MODAL
    assert json.loads(view["private_metadata"]) == {"channel_id": plan.channel, "lang": "en"}
    options = block(view, ids.ACTIVITY_BLOCK)["element"]["options"]
    assert [o["value"] for o in options] == [f"{plan.channel}:A1"]
    date_block = block(view, ids.DATE_BLOCK)
    assert date_block["element"]["initial_date"] == plan.today().isoformat()

    payload = submission(
        plan,
        view,
        {
            ids.ACTIVITY_BLOCK: ("static_select", f"{plan.channel}:A1"),
            ids.TEXT_BLOCK: ("plain_text_input", "Met the housing company"),
            ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        },
        user=plan.member,
    )
    assert plan.interact(payload) == (200, b"")
    assert plan.rows(
        "SELECT text, source, user_id FROM log_entries WHERE plan_id = ?", plan.plan_id
    ) == [("Met the housing company", "modal", plan.member)]
    posted = plan.wait_calls("chat.postMessage", channel=plan.channel)[-1]
    assert posted.params["text"].startswith(f"*L1* logged on *A1* Belysning by <@{plan.member}>")


def test_log_modal_refuses_a_personnummer_on_the_text_block(plan: Plan) -> None:
    """The error sits on the text block, does not repeat the text, and nothing is stored."""
    view = open_modal(plan, "log")
    payload = submission(
        plan,
        view,
        {
            ids.TEXT_BLOCK: ("plain_text_input", PERSONNUMMER),
            ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        },
    )
    status, body = plan.interact(payload)
    answer = json.loads(body)
    assert status == 200
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == [ids.TEXT_BLOCK]
    assert "personal identity number" in answer["errors"][ids.TEXT_BLOCK]
    assert "19811218" not in body.decode()
    assert count(plan, "log_entries") == 0
    ((audits,),) = plan.rows("SELECT COUNT(*) FROM audit_events WHERE after LIKE '%19811218%'")
    assert audits == 0


def test_log_modal_refuses_a_future_date_on_the_date_block(plan: Plan) -> None:
    """Something cannot have been done tomorrow."""
    view = open_modal(plan, "log")
    tomorrow = (plan.today() + timedelta(days=1)).isoformat()
    payload = submission(
        plan,
        view,
        {
            ids.TEXT_BLOCK: ("plain_text_input", "Walked"),
            ids.DATE_BLOCK: ("datepicker", tomorrow),
        },
    )
    answer = json.loads(plan.interact(payload)[1])
    assert list(answer["errors"]) == [ids.DATE_BLOCK]
    assert count(plan, "log_entries") == 0


def test_follow_modal_saves_and_refuses(plan: Plan) -> None:
    """follow opens its modal; a text with an identity number is refused on its block, a valid
    one saved."""
    view = open_modal(plan, "follow")
    assert view["callback_id"] == ids.FOLLOW_MODAL
    assert block(view, ids.ASSIGNEE_BLOCK)["element"]["type"] == "users_select"
    due = (plan.today() + timedelta(days=7)).isoformat()
    values = {
        ids.ASSIGNEE_BLOCK: ("users_select", plan.member),
        ids.TEXT_BLOCK: ("plain_text_input", "Call 19121212-1212"),
        ids.DUE_BLOCK: ("datepicker", due),
    }
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert list(answer["errors"]) == [ids.TEXT_BLOCK]
    assert count(plan, "followups") == 0

    values[ids.TEXT_BLOCK] = ("plain_text_input", "Call the school")
    before = len(plan.calls("views.publish", user_id=plan.member))
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    assert plan.rows(
        "SELECT text, assignee, assigned_by, due_date FROM followups WHERE plan_id = ?",
        plan.plan_id,
    ) == [("Call the school", plan.member, plan.coord, due)]
    plan.wait_calls("chat.postMessage", channel=plan.channel)
    # The assignee's App Home is published again.
    home = plan.wait_calls("views.publish", before + 1, user_id=plan.member)[-1].params["view"]
    assert "Call the school" in json.dumps(home)


def test_activity_modal_saves_and_refuses(plan: Plan) -> None:
    """activity add alone opens its modal; a personnummer in the cause is refused there."""
    view = open_modal(plan, "activity add")
    assert view["callback_id"] == ids.ACTIVITY_MODAL
    owner = block(view, ids.OWNER_BLOCK)["element"]
    assert [o["value"] for o in owner["options"]] == ["Polisen"]
    values = {
        ids.TITLE_BLOCK: ("plain_text_input", "Trygga skolvägar"),
        ids.OWNER_BLOCK: ("static_select", "Polisen"),
        ids.CAUSE_BLOCK: ("plain_text_input", PERSONNUMMER),
        ids.GOAL_BLOCK: ("plain_text_input", "Fewer incidents"),
    }
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert list(answer["errors"]) == [ids.CAUSE_BLOCK]
    assert count(plan, "activities") == 0

    values[ids.CAUSE_BLOCK] = ("plain_text_input", "Dark paths")
    values[ids.PERIOD_BLOCK] = ("plain_text_input", "soon")
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert list(answer["errors"]) == [ids.PERIOD_BLOCK]
    assert count(plan, "activities") == 0

    values[ids.DUE_BLOCK] = ("datepicker", "2031-06-30")
    values[ids.PERIOD_BLOCK] = ("plain_text_input", "ongoing")
    values[ids.KIND_BLOCK] = ("static_select", "ordinary")
    values[ids.FOLLOWUP_TEXT_BLOCK] = ("plain_text_input", "Incidents per month")
    values[ids.PARTNERS_BLOCK] = ("multi_static_select", ["Polisen"])
    assert [o["value"] for o in block(view, ids.KIND_BLOCK)["element"]["options"]] == [
        "one_off",
        "ordinary",
    ]
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    assert plan.rows(
        "SELECT a.title, o.name, a.due_date, c.text, a.goal, a.period_ongoing, a.kind, "
        "a.followup FROM activities a JOIN organisations o ON o.id = a.owner_org_id "
        "JOIN causes c ON c.id = a.cause_id WHERE a.plan_id = ?",
        plan.plan_id,
    ) == [
        (
            "Trygga skolvägar",
            "Polisen",
            "2031-06-30",
            "Dark paths",
            "Fewer incidents",
            1,
            "ordinary",
            "Incidents per month",
        )
    ]


def test_a_modal_that_cannot_open_is_explained(plan: Plan) -> None:
    """An expired trigger_id: the command's answer says so instead of failing silently."""
    trigger = new_trigger_id()
    plan.fake.fail("views.open", error="expired_trigger_id", match={"trigger_id": trigger})
    body = slash_command_body("log", user=plan.coord, channel=plan.channel, trigger_id=trigger)
    status, _, answer = plan.bot.post(body)
    assert status == 200
    assert json.loads(answer)["text"] == "The form could not be opened. Please try again."


def test_a_confirmation_the_channel_refuses_goes_to_the_person(plan: Plan) -> None:
    """Bot not in the channel: the saved entry is confirmed in a direct message instead."""
    view = open_modal(plan, "log")
    plan.fake.fail("chat.postMessage", error="not_in_channel", match={"channel": plan.channel})
    values = {
        ids.TEXT_BLOCK: ("plain_text_input", "Walked"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    (dm,) = plan.wait_calls("chat.postMessage", channel=plan.coord)
    assert dm.params["text"].startswith("*L1* logged")
    assert count(plan, "log_entries") == 1


def test_a_member_may_not_open_the_activity_modal(plan: Plan) -> None:
    """The refusal comes instead of the modal."""
    answer = plan.command("activity add", user=plan.member)
    assert answer["response_type"] == "ephemeral"
    assert "Only coordinators" in answer["text"] or f"<@{plan.coord}>" in answer["text"]


# -- buttons -------------------------------------------------------------------------------


def click(
    p: Plan,
    action_id: str,
    value: str,
    *,
    user: str,
    block_id: str,
    message: dict | None = None,
    home: bool = False,
) -> tuple[int, bytes, str | None]:
    """Click a follow-up button; return status, body and the response_url name."""
    payload = fixture_json("block_actions_home" if home else "block_actions_button")
    payload["user"]["id"] = user
    payload["trigger_id"] = new_trigger_id()
    payload["actions"][0].update(action_id=action_id, value=value, block_id=block_id)
    name = None
    if not home:
        name = uid("act")
        payload["response_url"] = p.fake.response_url(name)
        payload["container"]["channel_id"] = p.channel
        payload["channel"]["id"] = p.channel
        if message is not None:
            payload["container"]["is_ephemeral"] = False
            payload["message"] = message
    status, body = p.interact(payload)
    return status, body, name


def followup_with_list(p: Plan) -> dict[str, Any]:
    """F1 for the member, and the member's `mine` list (the ack) with its buttons."""
    p.command(f"follow <@{p.member}> Check the lamps by +2d")
    return p.command("mine", user=p.member)


def actions_of(blocks: list[dict]) -> dict[str, Any]:
    """The first actions block."""
    return next(b for b in blocks if b["type"] == "actions")


def test_done_button_in_an_ephemeral_list_redraws_it(plan: Plan) -> None:
    """Done closes the follow-up, replaces the list with its new state under a ✅ line, and
    tells the plan's channel as `done F1` does."""
    mine = followup_with_list(plan)
    posted_before = len(plan.calls("chat.postMessage", channel=plan.channel))
    buttons = actions_of(mine["blocks"])
    assert buttons["block_id"] == f"followup_{plan.plan_id}_F1|mine"
    status, body, name = click(
        plan,
        ids.FOLLOWUP_DONE,
        f"{plan.plan_id}:F1",
        user=plan.member,
        block_id=buttons["block_id"],
    )
    assert (status, body) == (200, b"")
    assert plan.rows("SELECT status FROM followups WHERE plan_id = ?", plan.plan_id) == [("done",)]
    (update,) = plan.fake.wait_for(f"response_url:{name}")
    assert update.params["replace_original"] is True
    done = f"✅ *F1* done: Check the lamps (by <@{plan.member}>)"
    assert update.params["text"] == f"{done}\nYou have no open follow-ups."
    notice = plan.wait_calls("chat.postMessage", posted_before + 1, channel=plan.channel)[-1]
    assert notice.params["text"] == done


def test_snooze_buttons_move_the_due_date(plan: Plan) -> None:
    """Snooze 1 day, then 1 week, from the due date."""
    mine = followup_with_list(plan)
    block_id = actions_of(mine["blocks"])["block_id"]
    due = plan.today() + timedelta(days=2)
    value = f"{plan.plan_id}:F1"
    click(plan, ids.FOLLOWUP_SNOOZE_DAY, value, user=plan.member, block_id=block_id)
    assert plan.rows("SELECT due_date FROM followups WHERE plan_id = ?", plan.plan_id) == [
        ((due + timedelta(days=1)).isoformat(),)
    ]
    _, _, name = click(plan, ids.FOLLOWUP_SNOOZE_WEEK, value, user=plan.member, block_id=block_id)
    assert plan.rows("SELECT due_date, status FROM followups WHERE plan_id = ?", plan.plan_id) == [
        ((due + timedelta(days=8)).isoformat(), "open")
    ]
    (update,) = plan.fake.wait_for(f"response_url:{name}")
    assert update.params["replace_original"] is True
    moved = [format_date(due + timedelta(days=n), "en", plan.today()) for n in (1, 8)]
    assert update.params["text"].startswith(
        f"⏭️ *F1* Check the lamps: moved from {moved[0]} to *{moved[1]}* (by <@{plan.member}>)\n"
        "Your open follow-ups (1)"
    )
    assert actions_of(update.params["blocks"])["block_id"] == block_id


def test_a_button_refuses_an_outsider(plan: Plan) -> None:
    """Someone who neither assigned nor holds the follow-up is refused, privately."""
    followup_with_list(plan)
    outsider = uid("U")
    _, _, name = click(
        plan,
        ids.FOLLOWUP_DONE,
        f"{plan.plan_id}:F1",
        user=outsider,
        block_id=f"followup_{plan.plan_id}_F1",
    )
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["replace_original"] is False
    assert f"<@{plan.member}>" in answer.params["text"]
    assert plan.rows("SELECT status FROM followups WHERE plan_id = ?", plan.plan_id) == [("open",)]


def test_a_button_in_a_shared_message_redraws_only_its_card(plan: Plan) -> None:
    """In a message everyone sees (a reminder, the digest), the card shows it is done."""
    mine = followup_with_list(plan)
    blocks = [
        dict(b, block_id=b["block_id"].split("|")[0]) if "block_id" in b else b
        for b in mine["blocks"]
    ]
    message = {"type": "message", "ts": "1700000000.000100", "text": mine["text"], "blocks": blocks}
    block_id = f"followup_{plan.plan_id}_F1"
    _, _, name = click(
        plan,
        ids.FOLLOWUP_DONE,
        f"{plan.plan_id}:F1",
        user=plan.coord,
        block_id=block_id,
        message=message,
    )
    # The bot's own message is updated with chat.update: a digest or reminder is clicked long
    # after the click's response_url (30 minutes) has expired.
    (update,) = plan.wait_calls("chat.update", ts="1741767415.000300")
    assert update.params["channel"] == plan.channel
    assert update.params["text"] == mine["text"]
    texts = [b["text"]["text"] for b in update.params["blocks"] if b["type"] == "section"]
    assert f"✅ *F1* done: Check the lamps (by <@{plan.coord}>)" in texts
    assert not [b for b in update.params["blocks"] if b["type"] == "actions"]
    assert plan.calls(f"response_url:{name}") == []


def test_a_shared_message_the_bot_cannot_update_is_redrawn_through_the_response_url(
    plan: Plan,
) -> None:
    """A command's reply Slack posted for the bot: chat.update is refused, response_url works.
    The fallback text stays escaped mrkdwn, never decoded text that could become markup."""
    plan.command(f"follow <@{plan.member}> Check &lt;b&gt; lamps &amp; cables by +2d")
    mine = plan.command("mine", user=plan.member)
    blocks = [
        dict(b, block_id=b["block_id"].split("|")[0]) if "block_id" in b else b
        for b in mine["blocks"]
    ]
    message = {"type": "message", "ts": "1700000000.000200", "text": "", "blocks": blocks}
    plan.fake.fail("chat.update", error="cant_update_message", match={"channel": plan.channel})
    _, _, name = click(
        plan,
        ids.FOLLOWUP_DONE,
        f"{plan.plan_id}:F1",
        user=plan.coord,
        block_id=f"followup_{plan.plan_id}_F1",
        message=message,
    )
    (update,) = plan.fake.wait_for(f"response_url:{name}")
    assert update.params["replace_original"] is True
    assert update.params["text"] == (
        f"✅ *F1* done: Check &lt;b&gt; lamps &amp; cables (by <@{plan.coord}>)"
    )
    assert "<b>" not in json.dumps(update.params)
    assert plan.rows("SELECT status FROM followups WHERE plan_id = ?", plan.plan_id) == [("done",)]


def test_digest_now_posts_and_a_menu_in_it_closes_a_follow_up(plan: Plan) -> None:
    """`digest now` posts with chat.postMessage and answers privately; Done in a follow-up's
    menu in that digest closes it and updates the digest in place (chat.update)."""
    plan.command(f"follow <@{plan.member}> Call the school by today")
    answer = plan.command("digest now")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == "Posted this week's digest in the channel."
    # The first post is the follow-up's confirmation; the second the digest.
    post = plan.wait_calls("chat.postMessage", 2, channel=plan.channel)[1]
    posted = post.response["message"]
    menus = [b for b in posted["blocks"] if b.get("accessory", {}).get("type") == "overflow"]
    assert [b["block_id"] for b in menus] == [f"followup_{plan.plan_id}_F1"]
    done = menus[0]["accessory"]["options"][0]
    assert done["value"] == f"{plan.plan_id}:F1:done"

    payload = fixture_json("block_actions_button")
    payload["user"]["id"] = plan.member
    payload["trigger_id"] = new_trigger_id()
    payload["response_url"] = plan.fake.response_url(uid("act"))
    payload["container"].update(
        channel_id=plan.channel, message_ts=posted["ts"], is_ephemeral=False
    )
    payload["channel"]["id"] = plan.channel
    payload["message"] = posted
    payload["actions"] = [
        {
            "type": "overflow",
            "action_id": ids.FOLLOWUP_MENU,
            "block_id": menus[0]["block_id"],
            "selected_option": done,
            "action_ts": f"{time.time():.6f}",
        }
    ]
    assert plan.interact(payload) == (200, b"")
    assert plan.rows("SELECT status, done_by FROM followups WHERE plan_id = ?", plan.plan_id) == [
        ("done", plan.member)
    ]
    (update,) = plan.wait_calls("chat.update", channel=plan.channel, ts=posted["ts"])
    assert update.params["text"] == posted["text"]
    assert len(update.params["blocks"]) == len(posted["blocks"])
    redrawn = next(b for b in update.params["blocks"] if b.get("block_id") == menus[0]["block_id"])
    assert redrawn["text"]["text"] == f"✅ *F1* done: Call the school (by <@{plan.member}>)"
    assert "accessory" not in redrawn
    # The rest of the digest is as it was posted.
    others = [b for b in update.params["blocks"] if b is not redrawn]
    assert others == [b for b in posted["blocks"] if b.get("block_id") != menus[0]["block_id"]]


def test_a_button_in_app_home_republishes_it(plan: Plan) -> None:
    """A click in the Home tab closes the follow-up and publishes the Home again."""
    followup_with_list(plan)
    plan.wait_calls("views.publish", 2, user_id=plan.member)  # after join, after follow
    before = len(plan.calls("views.publish", user_id=plan.member))
    status, body, _ = click(
        plan,
        ids.FOLLOWUP_DONE,
        f"{plan.plan_id}:F1",
        user=plan.member,
        block_id=f"followup_{plan.plan_id}_F1",
        home=True,
    )
    assert (status, body) == (200, b"")
    assert plan.rows("SELECT status FROM followups WHERE plan_id = ?", plan.plan_id) == [("done",)]
    home = plan.wait_calls("views.publish", before + 1, user_id=plan.member)[-1].params["view"]
    assert "Check the lamps" not in json.dumps(home)
    # The channel learns it, as from `done F1`.
    notice = plan.wait_calls("chat.postMessage", channel=plan.channel)[-1]
    assert notice.params["text"] == f"✅ *F1* done: Check the lamps (by <@{plan.member}>)"


def test_a_stale_button_is_explained(plan: Plan) -> None:
    """A button value that names no follow-up (Slack's own example) is answered, not crashed."""
    _, _, name = click(plan, ids.FOLLOWUP_DONE, "F1", user=plan.coord, block_id="followup_F1")
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert "no longer works" in answer.params["text"]


def test_home_log_button_opens_the_log_modal(plan: Plan) -> None:
    """One plan: the log modal for it; several: a plan select and activities grouped by plan."""
    payload = fixture_json("block_actions_home")
    payload["user"]["id"] = plan.member
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["actions"][0].update(action_id=ids.HOME_LOG, block_id="home_log", value="log")
    payload["actions"][0].pop("style")
    assert plan.interact(payload) == (200, b"")
    view = last_view(plan, trigger_id=trigger)
    assert view["callback_id"] == ids.LOG_MODAL
    assert json.loads(view["private_metadata"])["channel_id"] == plan.channel

    other = Plan(plan.bot, plan.fake, uid("C"), plan.member, uid("U"), name="Trygg i Rinkeby")
    other.command("setup Trygg i Rinkeby", user=plan.member)
    other.command("activity add Lampor", user=plan.member)
    plan.command("activity add Belysning")
    payload["trigger_id"] = trigger = new_trigger_id()
    assert plan.interact(payload) == (200, b"")
    view = last_view(plan, trigger_id=trigger)
    plans = block(view, ids.PLAN_BLOCK)["element"]["options"]
    assert {o["value"] for o in plans} == {plan.channel, other.channel}
    groups = block(view, ids.ACTIVITY_BLOCK)["element"]["option_groups"]
    assert {g["options"][0]["value"] for g in groups} == {
        f"{plan.channel}:A1",
        f"{other.channel}:A1",
    }

    # An activity of the other plan is refused on the activity block.
    values = {
        ids.PLAN_BLOCK: ("static_select", plan.channel),
        ids.ACTIVITY_BLOCK: ("static_select", f"{other.channel}:A1"),
        ids.TEXT_BLOCK: ("plain_text_input", "Walked"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    answer = json.loads(plan.interact(submission(plan, view, values, user=plan.member))[1])
    assert list(answer["errors"]) == [ids.ACTIVITY_BLOCK]
    values[ids.ACTIVITY_BLOCK] = ("static_select", f"{plan.channel}:A1")
    assert plan.interact(submission(plan, view, values, user=plan.member)) == (200, b"")
    assert plan.rows("SELECT text FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        ("Walked",)
    ]


# -- shortcuts -----------------------------------------------------------------------------


def message_shortcut(p: Plan, callback_id: str, user: str) -> tuple[str, str]:
    """Use a message shortcut on a partner's message; return its trigger and message ts."""
    payload = fixture_json("message_action")
    payload["callback_id"] = callback_id
    payload["user"]["id"] = user
    payload["channel"]["id"] = p.channel
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["response_url"] = p.fake.response_url(uid("sc"))
    ts = f"{time.time():.6f}"
    payload["message_ts"] = payload["message"]["ts"] = ts
    payload["message"]["text"] = "Lights out at the underpass &amp; the stairs &lt;3"
    assert p.interact(payload) == (200, b"")
    return trigger, ts


def test_log_as_action_prefills_and_stores_the_permalink(plan: Plan) -> None:
    """The modal carries the message text and permalink; the entry keeps the permalink."""
    trigger, ts = message_shortcut(plan, ids.LOG_FROM_MESSAGE, plan.member)
    # The modal opens first, while the trigger_id is fresh; the permalink follows by views.update.
    (opened,) = plan.calls("views.open", trigger_id=trigger)
    (link_call,) = plan.wait_calls("chat.getPermalink", channel=plan.channel, message_ts=ts)
    calls = plan.fake.calls()
    assert calls.index(opened) < calls.index(link_call)
    permalink = link_call.response["permalink"]
    first = opened.params["view"]
    text = block(first, ids.TEXT_BLOCK)["element"]["initial_value"]
    assert text == "Lights out at the underpass & the stairs <3"
    assert json.loads(first["private_metadata"])["message_ts"] == ts
    view = last_view(plan, "views.update", view_id=opened.response["view"]["id"])
    assert block(view, ids.TEXT_BLOCK)["element"]["initial_value"] == text
    assert json.loads(view["private_metadata"])["permalink"] == permalink
    assert permalink in json.dumps(view["blocks"])

    values = {
        ids.TEXT_BLOCK: ("plain_text_input", text),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    assert plan.interact(submission(plan, view, values, user=plan.member)) == (200, b"")
    assert plan.rows(
        "SELECT text, source, permalink FROM log_entries WHERE plan_id = ?", plan.plan_id
    ) == [(text, "message", permalink)]
    posted = plan.wait_calls("chat.postMessage", channel=plan.channel)[-1]
    assert f"<{permalink}|Original message>" in posted.params["text"]


def test_create_follow_up_from_a_message(plan: Plan) -> None:
    """The follow-up modal is pre-filled too, and the follow-up keeps the permalink."""
    trigger, _ = message_shortcut(plan, ids.FOLLOW_FROM_MESSAGE, plan.coord)
    (opened,) = plan.calls("views.open", trigger_id=trigger)
    view = last_view(plan, "views.update", view_id=opened.response["view"]["id"])
    assert view["callback_id"] == ids.FOLLOW_MODAL
    permalink = json.loads(view["private_metadata"])["permalink"]
    values = {
        ids.ASSIGNEE_BLOCK: ("users_select", plan.member),
        ids.TEXT_BLOCK: ("plain_text_input", "Report the lamps"),
    }
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    assert plan.rows("SELECT text, permalink FROM followups WHERE plan_id = ?", plan.plan_id) == [
        ("Report the lamps", permalink)
    ]


def test_a_form_submitted_before_the_permalink_arrived_still_gets_it(plan: Plan) -> None:
    """views.update lost (or too late): the submission looks the permalink up itself."""
    plan.fake.fail("chat.getPermalink", error="ratelimited")
    trigger, ts = message_shortcut(plan, ids.LOG_FROM_MESSAGE, plan.member)
    view = last_view(plan, trigger_id=trigger)
    plan.wait_calls("chat.getPermalink", message_ts=ts)
    assert json.loads(view["private_metadata"]) == {
        "channel_id": plan.channel,
        "lang": "en",
        "message_ts": ts,
    }
    values = {
        ids.TEXT_BLOCK: ("plain_text_input", "Lamps out"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    assert plan.interact(submission(plan, view, values, user=plan.member)) == (200, b"")
    link = plan.calls("chat.getPermalink", message_ts=ts)[-1].response["permalink"]
    assert plan.rows(
        "SELECT source, permalink FROM log_entries WHERE plan_id = ?", plan.plan_id
    ) == [("message", link)]


def test_a_shortcut_whose_modal_cannot_open_says_so(plan: Plan) -> None:
    """An expired trigger_id: the person is told privately, and no permalink is fetched."""
    payload = fixture_json("message_action")
    payload["callback_id"] = ids.LOG_FROM_MESSAGE
    payload["user"]["id"] = plan.member
    payload["channel"]["id"] = plan.channel
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["response_url"] = plan.fake.response_url(name := uid("sc"))
    payload["message_ts"] = payload["message"]["ts"] = ts = f"{time.time():.6f}"
    plan.fake.fail("views.open", error="expired_trigger_id", match={"trigger_id": trigger})
    assert plan.interact(payload) == (200, b"")
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.params["text"] == "The form could not be opened. Please try again."
    assert plan.calls("chat.getPermalink", message_ts=ts) == []


def test_the_home_log_button_whose_modal_cannot_open_says_so_in_a_dm(plan: Plan) -> None:
    """No response_url in App Home: the notice comes as a direct message."""
    payload = fixture_json("block_actions_home")
    payload["user"]["id"] = plan.member
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["actions"][0].update(action_id=ids.HOME_LOG, block_id="home_log", value="log")
    payload["actions"][0].pop("style")
    plan.fake.fail("views.open", error="expired_trigger_id", match={"trigger_id": trigger})
    assert plan.interact(payload) == (200, b"")
    (dm,) = plan.wait_calls("chat.postMessage", channel=plan.member)
    assert dm.params["text"] == "The form could not be opened. Please try again."


def test_a_message_shortcut_outside_a_plan_explains(plan: Plan) -> None:
    """In a channel without a plan the shortcut answers privately and opens nothing."""
    payload = fixture_json("message_action")
    payload["user"]["id"] = plan.coord
    payload["channel"]["id"] = uid("C")
    payload["trigger_id"] = trigger = new_trigger_id()
    payload["response_url"] = plan.fake.response_url(name := uid("sc"))
    assert plan.interact(payload) == (200, b"")
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert answer.params["response_type"] == "ephemeral"
    assert "setup" in answer.params["text"]
    assert not plan.calls("views.open", trigger_id=trigger)


def test_global_shortcut_opens_the_log_modal(plan: Plan) -> None:
    """The global shortcut has no channel: the person's plan is used."""
    payload = fixture_json("shortcut_global")
    payload["user"]["id"] = plan.member
    payload["trigger_id"] = trigger = new_trigger_id()
    assert plan.interact(payload) == (200, b"")
    view = last_view(plan, trigger_id=trigger)
    assert json.loads(view["private_metadata"])["channel_id"] == plan.channel

    payload["user"]["id"] = stranger = uid("U")
    payload["trigger_id"] = trigger = new_trigger_id()
    assert plan.interact(payload) == (200, b"")
    notice = last_view(plan, trigger_id=trigger)
    assert notice["callback_id"] == ids.NOTICE_MODAL
    assert "not a member of any plan" in json.dumps(notice)
    assert stranger


# -- events --------------------------------------------------------------------------------


def home_opened(p: Plan, user: str) -> dict[str, Any]:
    """An app_home_opened envelope with a fresh event id."""
    payload = fixture_json("event_app_home_opened")
    payload["event"]["user"] = user
    payload["event_id"] = uid("Ev")
    return payload


def test_app_home_opened_publishes_the_home(plan: Plan) -> None:
    """The Home tab: Log button, my follow-ups with buttons, my plans at a glance."""
    plan.command("activity add Belysning")
    plan.command(f"follow <@{plan.member}> Check the lamps")
    plan.wait_calls("views.publish", 2, user_id=plan.member)  # after join, after follow
    before = len(plan.calls("views.publish", user_id=plan.member))
    status, _, body = plan.bot.post(event_body(home_opened(plan, plan.member)))
    assert (status, body) == (200, b"")
    view = plan.wait_calls("views.publish", before + 1, user_id=plan.member)[-1].params["view"]
    assert view["type"] == "home"
    assert len(view["blocks"]) <= 100
    kinds = [b["type"] for b in view["blocks"]]
    assert kinds[0] == "header"
    assert view["blocks"][1]["elements"][0]["action_id"] == ids.HOME_LOG
    assert any(
        b["type"] == "actions" and b["elements"][0].get("value") == f"{plan.plan_id}:F1"
        for b in view["blocks"]
    )
    assert f"*Trygg i Husby* in <#{plan.channel}>" in json.dumps(view)


def test_a_retried_event_is_processed_once(plan: Plan) -> None:
    """A redelivery (X-Slack-Retry-Num) of the same event_id does nothing again."""
    payload = home_opened(plan, plan.member)
    before = len(plan.calls("views.publish", user_id=plan.member))
    assert plan.bot.post(event_body(payload))[0] == 200
    plan.wait_calls("views.publish", before + 1, user_id=plan.member)
    for retry in (1, 2):
        assert plan.bot.post(event_body(payload), retry_num=retry)[0] == 200
    time.sleep(0.2)  # what would have been published by now has been
    assert len(plan.calls("views.publish", user_id=plan.member)) == before + 1
    assert plan.rows(
        "SELECT COUNT(*) FROM processed_events WHERE event_id = ?", payload["event_id"]
    ) == [(1,)]


# -- request verification ------------------------------------------------------------------


def test_a_forged_signature_is_refused_and_changes_nothing(plan: Plan) -> None:
    """401, and no log entry."""
    body = slash_command_body("log Forged entry", user=plan.coord, channel=plan.channel)
    status, _, _ = plan.bot.post(body, secret="not-the-secret")
    assert status == 401
    assert count(plan, "log_entries") == 0
    # The refusal is logged, but not what was in the body (it may be personal).
    deadline = time.monotonic() + 5
    while "Invalid request signature" not in plan.bot.log() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "Invalid request signature" in plan.bot.log()
    assert "Forged" not in plan.bot.log()


def test_a_stale_timestamp_is_refused_and_changes_nothing(plan: Plan) -> None:
    """Signed correctly but six minutes old: 401, and no log entry."""
    body = slash_command_body("log Replayed entry", user=plan.coord, channel=plan.channel)
    status, _, _ = plan.bot.post(body, timestamp=int(time.time()) - 360)
    assert status == 401
    assert count(plan, "log_entries") == 0


def test_a_body_changed_after_signing_is_refused(plan: Plan) -> None:
    """The signature covers the raw body."""
    body = slash_command_body("log Original", user=plan.coord, channel=plan.channel)
    from tests.support.signed import post, sign

    headers = sign(body, SECRET)
    tampered = body.replace(b"Original", b"Tampered")
    status, _, _ = post(plan.bot.url + "/slack/events", tampered, headers)
    assert status == 401
    assert count(plan, "log_entries") == 0


class _FixedClock:
    def __init__(self, now: float) -> None:
        self.value = now

    def now(self) -> float:
        return self.value


def test_slacks_documented_signature_vector_with_the_bots_verifier() -> None:
    """Bolt's RequestVerification, as the bot installs it, accepts Slack's documented example."""
    from tests.test_fake_slack import DOC_BODY, DOC_SECRET, DOC_SIGNATURE, DOC_TIMESTAMP

    assert SECRET == DOC_SECRET
    verification = RequestVerification(DOC_SECRET)
    verification.verifier.clock = _FixedClock(DOC_TIMESTAMP + 1)  # type: ignore[assignment]
    headers = {"x-slack-request-timestamp": str(DOC_TIMESTAMP), "x-slack-signature": DOC_SIGNATURE}
    assert (
        verification.verifier.generate_signature(
            timestamp=str(DOC_TIMESTAMP), body=DOC_BODY.decode()
        )
        == DOC_SIGNATURE
    )

    def through(body: str, signature: str) -> BoltResponse:
        request = BoltRequest(body=body, headers={**headers, "x-slack-signature": signature})
        called: list[bool] = []
        response = verification.process(
            req=request, resp=BoltResponse(status=200), next=lambda: called.append(True)
        )
        return response if not called else BoltResponse(status=200, body="passed")

    assert through(DOC_BODY.decode(), DOC_SIGNATURE).body == "passed"
    assert through(DOC_BODY.decode(), DOC_SIGNATURE[:-1] + "0").status == 401


def test_the_bot_uses_that_verifier(bot: BotProcess, tmp_path: Path) -> None:
    """The bot's Bolt app verifies requests with RequestVerification (and Socket Mode skips it)."""
    from config import Settings
    from handlers.app import build_app
    from samverkan.service import Samverkan
    from storage import Store

    store = Store(tmp_path / "x.db")
    store.migrate()
    settings = Settings(
        bot_token="xoxb-test", signing_secret=SECRET, api_url=bot.env["SLACK_API_URL"]
    )
    app = build_app(Samverkan(store), settings, "http")
    kinds = [type(m).__name__ for m in app._middleware_list]
    assert "RequestVerification" in kinds
    assert "RequestVerification" not in [
        type(m).__name__ for m in build_app(Samverkan(store), settings, "socket")._middleware_list
    ]
