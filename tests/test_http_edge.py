"""The HTTP endpoint's edge (issue 10): unsigned and malformed requests, and fuzzed ones.

One bot process (`bot.py http`) and one FakeSlack for the module, as in test_slack_http.
Every request gets a clear answer: 401 unsigned, 400 malformed, never a 5xx, never a traceback
in the bot's log, and an unsigned request changes nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blocks import ids
from tests.support.bot_process import BotProcess
from tests.support.fake_slack import FakeSlack
from tests.support.signed import (
    event_body,
    fixture_json,
    interactive_body,
    post,
    slash_command_body,
)
from tests.test_slack_http import (
    SECRET,
    Plan,
    block,
    click,
    count,
    open_modal,
    submission,
    uid,
)

STALE = "That button no longer works. Type `/samverkan mine` for your current follow-ups."
#: A loopback response_url nothing listens on: no test reaches past the machine.
NOWHERE = "http://127.0.0.1:1/response"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    """One FakeSlack for the module."""
    with FakeSlack() as slack:
        yield slack


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """`python bot.py http` against the fake; at the end, no traceback in its log."""
    process = BotProcess(
        "http", workdir=tmp_path_factory.mktemp("edge-bot"), api_url=fake.base_url, secret=SECRET
    )
    process.start()
    yield process
    code = process.stop()
    assert code == 0, process.log()
    assert "Traceback" not in process.log(), process.log()


@pytest.fixture
def plan(bot: BotProcess, fake: FakeSlack) -> Plan:
    """A fresh plan with a coordinator and a member in Polisen."""
    p = Plan(bot, fake, uid("C"), uid("U"), uid("U"))
    p.command(f"setup {p.name}")
    p.command("org add Polisen police")
    p.command("join Polisen")
    p.command(f"member <@{p.member}> Polisen")
    # The App Home publishes queue behind what the fuzzed requests left to do after their acks
    # (the after-ack pool has four threads): wait for them generously, they come in order.
    p.wait_calls("views.publish", user_id=p.coord, timeout=60)
    p.wait_calls("views.publish", user_id=p.member, timeout=60)
    return p


#: Written on a worker thread after the ack of a signed command (a person's Slack locale), so it
#: may change at any moment of a test; an unsigned request never reaches it either way.
BACKGROUND_TABLES = {"user_languages"}


def snapshot(bot: BotProcess) -> dict[str, int]:
    """Rows per table of the bot's database (read past the bot), background tables aside."""
    conn = sqlite3.connect(bot.db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if r[0] not in BACKGROUND_TABLES
        ]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def unsigned(bot: BotProcess, body: bytes, content_type: str) -> int:
    """POST without Slack's signature headers; the status."""
    return post(bot.url + "/slack/events", body, {"Content-Type": content_type})[0]


def no_tracebacks(bot: BotProcess) -> None:
    assert "Traceback" not in bot.log(), bot.log()


# -- unsigned: 401 before the body is read ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"[1]", JSON),
        (b"null", JSON),
        (b"5", JSON),
        (b'"x"', JSON),
        (b"{", JSON),
        (b"payload=null", FORM),
        (b"payload=5", FORM),
        (b"payload=%5B1%5D", FORM),
        (b"payload=%7B", FORM),
        (slash_command_body("setup Forged plan", user="U0EVIL", channel="C0EVIL"), FORM),
    ],
)
def test_an_unsigned_request_is_refused_with_401_and_changes_nothing(
    bot: BotProcess, body: bytes, content_type: str
) -> None:
    before = snapshot(bot)
    assert unsigned(bot, body, content_type) == 401
    assert snapshot(bot) == before
    no_tracebacks(bot)


# -- signed, but not what Slack sends: 400 ---------------------------------------------------


def _command(**fields: str) -> bytes:
    body = dict(team_id="T0SAMVERK", channel_id="C0EDGE", user_id="U0EDGE", command="/samverkan")
    body["text"] = "help"
    body.update(fields)
    return urlencode({k: v for k, v in body.items() if v != "-"}).encode()


def _interactive(change: Any) -> bytes:
    payload = fixture_json("block_actions_button")
    change(payload)
    return interactive_body(payload)


def _event(change: Any) -> bytes:
    payload = fixture_json("event_app_home_opened")
    change(payload)
    return event_body(payload)


MALFORMED = {
    "payload is null": b"payload=null",
    "payload is a number": b"payload=5",
    "payload is a list": b"payload=%5B1%5D",
    "command without user_id": _command(user_id="-"),
    "command by a non-user": _command(user_id="<!channel>"),
    "setup in a 3000-character channel": _command(channel_id="x" * 3000, text="setup P"),
    "setup in a <!channel> channel": _command(channel_id="<!channel>", text="setup P"),
    "command in a lower-case channel": _command(channel_id="c0edge"),
    "command from no team": _command(team_id=""),
    "user is a number": _interactive(lambda p: p.update(user=5)),
    "actions is an object": _interactive(lambda p: p.update(actions={"a": 1})),
    "an action value is a number": _interactive(lambda p: p["actions"][0].update(value=5)),
    "channel is a string": _interactive(lambda p: p.update(channel="C1")),
    "message blocks are a number": _interactive(lambda p: p.update(message={"blocks": 5})),
    "message blocks are strings": _interactive(lambda p: p.update(message={"blocks": ["x"]})),
    "message text is a list": _interactive(lambda p: p.update(message={"text": []})),
    "view state entry not an object": _interactive(
        lambda p: p.update(type="view_submission", view={"state": {"values": {"x": 5}}})
    ),
    "view submission without a view": _interactive(
        lambda p: p.update(type="view_submission", view=None)
    ),
    "view state is a list": _interactive(
        lambda p: p.update(type="view_submission", view={"state": []})
    ),
    "app_home_opened by user 5": _event(lambda p: p["event"].update(user=5)),
    "event is a list": _event(lambda p: p.update(event=[])),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_signed_malformed_request_is_refused_with_400(bot: BotProcess, name: str) -> None:
    before = snapshot(bot)
    status, _, _ = bot.post(MALFORMED[name])
    assert status == 400
    assert snapshot(bot) == before
    no_tracebacks(bot)


# -- signed and well-formed, with values that need a clear answer ----------------------------


@pytest.mark.parametrize("text", ["help start", "help work", "help read", "help admin"])
def test_help_on_a_section_answers_over_http(plan: Plan, text: str) -> None:
    answer = plan.command(text)
    assert answer["blocks"][0]["text"]["text"] == "Samverkan — how to use it"
    assert "went wrong" not in json.dumps(answer)


@pytest.mark.parametrize(
    "value", ["9223372036854775808:F1", "99999999999999999999:F1", "١:F1", "1:F99999999999"]
)
def test_a_button_value_out_of_range_is_a_stale_button(plan: Plan, value: str) -> None:
    _, _, name = click(plan, ids.FOLLOWUP_DONE, value, user=plan.coord, block_id="followup_x")
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert answer.params["text"] == STALE
    no_tracebacks(plan.bot)


def test_a_button_naming_another_plan_shows_nothing_of_it(plan: Plan, bot: BotProcess) -> None:
    """Plan B's follow-up, clicked in plan A's channel by someone outside B: stale, no names."""
    other = Plan(bot, plan.fake, uid("C"), uid("U"), uid("U"))
    other.command(f"setup {other.name}")
    other.command(f"follow <@{other.member}> Check the gate")
    _, _, name = click(
        plan, ids.FOLLOWUP_DONE, f"{other.plan_id}:F1", user=plan.member, block_id="followup_x"
    )
    (answer,) = plan.fake.wait_for(f"response_url:{name}")
    assert answer.params["text"] == STALE
    assert other.coord not in json.dumps(answer.params)
    assert other.member not in json.dumps(answer.params)
    assert other.rows("SELECT status FROM followups WHERE plan_id = ?", other.plan_id) == [
        ("open",)
    ]


@pytest.mark.parametrize("picked", ["-1", "x", "2026-02-30", "2026-13-01", "20261201"])
def test_a_datepicker_value_no_picker_sends_is_refused_under_the_date(
    plan: Plan, picked: str
) -> None:
    view = open_modal(plan, "log")
    values = {
        ids.TEXT_BLOCK: ("plain_text_input", "Walked the square"),
        ids.DATE_BLOCK: ("datepicker", picked),
    }
    status, body = plan.interact(submission(plan, view, values))
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == [ids.DATE_BLOCK]
    assert "as a date" in answer["errors"][ids.DATE_BLOCK]
    assert count(plan, "log_entries") == 0


@pytest.mark.parametrize(
    "permalink",
    [
        "https://x.example/p1|<!channel>",
        "https://samverkan-test.slack.com/archives/C1/p1|<!channel>",
        "javascript:alert(1)",
        "https://evil.example/samverkan-test.slack.com/archives/C1/p1234567",
    ],
)
def test_a_permalink_that_is_not_slacks_is_dropped(plan: Plan, permalink: str) -> None:
    """The entry is stored without the link, and the confirmation carries no live link."""
    view = open_modal(plan, "log")
    meta = json.loads(view["private_metadata"])
    view = {**view, "private_metadata": json.dumps({**meta, "permalink": permalink})}
    values = {
        ids.TEXT_BLOCK: ("plain_text_input", "Lamps out"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
    }
    before = len(plan.calls("chat.postMessage", channel=plan.channel))
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    assert plan.rows(
        "SELECT text, source, permalink FROM log_entries WHERE plan_id = ?", plan.plan_id
    ) == [("Lamps out", "modal", None)]
    posted = plan.wait_calls("chat.postMessage", before + 1, channel=plan.channel)[-1]
    assert "<!channel>" not in json.dumps(posted.params)
    assert "Original message" not in posted.params["text"]


def test_a_slack_permalink_is_kept(plan: Plan) -> None:
    link = f"https://samverkan-test.slack.com/archives/{plan.channel}/p1733050000123456"
    view = open_modal(plan, "log")
    meta = json.loads(view["private_metadata"])
    view = {**view, "private_metadata": json.dumps({**meta, "permalink": link})}
    values = {ids.TEXT_BLOCK: ("plain_text_input", "Lamps out")}
    assert plan.interact(submission(plan, view, values)) == (200, b"")
    assert plan.rows("SELECT permalink FROM log_entries WHERE plan_id = ?", plan.plan_id) == [
        (link,)
    ]
    assert block(view, ids.TEXT_BLOCK)


# -- fuzz: hypothesis over request shapes ----------------------------------------------------

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["U0EDGE", "C0EDGE", "T0SAMVERK", "<!channel>", "9223372036854775808:F1"]),
)


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    )


_json = st.recursive(_json_leaf, _nested, max_leaves=12)
_KEYS = {
    "block_actions_button": ["user", "team", "channel", "container", "actions", "message"],
    "view_submission": ["user", "team", "view"],
    "shortcut_global": ["user", "team", "callback_id", "trigger_id"],
    "message_action": ["user", "channel", "message", "callback_id", "message_ts"],
    "event_app_home_opened": ["event", "team_id", "event_id", "type"],
}


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside a JSON payload (keys and list indices)."""
    found: list[tuple] = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, inner in items:
        found.append((*prefix, key))
        if isinstance(inner, dict | list) and inner:
            found.extend(_paths(inner, (*prefix, key)))
    return found


@st.composite
def slack_shaped(draw: st.DrawFn) -> bytes:
    """One of Slack's fixtures with one field replaced by anything, or a command's fields."""
    name = draw(st.sampled_from([*_KEYS, "command"]))
    if name == "command":
        fields = {
            "team_id": draw(st.sampled_from(["T0SAMVERK", "", "x", "<!here>"])),
            "channel_id": draw(st.sampled_from(["C0FUZZ", "", "x" * 300, "D0FUZZ"])),
            "user_id": draw(st.sampled_from(["U0FUZZ", "", "5", "W0FUZZ"])),
            "command": "/samverkan",
            "text": draw(st.text(max_size=60)),
        }
        drop = draw(st.sets(st.sampled_from(list(fields))))
        return urlencode({k: v for k, v in fields.items() if k not in drop}).encode()
    payload = fixture_json(name)
    if "response_url" in payload:
        payload["response_url"] = NOWHERE
    if draw(st.booleans()):
        # Anywhere in the payload: one value, however deep, replaced by anything.
        path = draw(st.sampled_from(_paths(payload)))
        where: Any = payload
        for step in path[:-1]:
            where = where[step]
        where[path[-1]] = draw(_json)
        return event_body(payload) if name.startswith("event") else interactive_body(payload)
    key = draw(st.sampled_from(_KEYS[name]))
    if key == "event":
        payload["event"][draw(st.sampled_from(["user", "tab", "type"]))] = draw(_json)
    elif key == "actions":
        payload["actions"][0][draw(st.sampled_from(["value", "action_id", "block_id"]))] = draw(
            _json | st.sampled_from(["1:F1", "9223372036854775808:F1", "x:F1", "1:F0"])
        )
    else:
        payload[key] = draw(_json)
    if name.startswith("event"):
        return event_body(payload)
    return interactive_body(payload)


_UNSIGNED = st.one_of(st.binary(max_size=200), slack_shaped())
_SIGNED = st.one_of(
    _json.map(lambda v: json.dumps(v).encode()),
    _json.map(lambda v: ("payload=" + json.dumps(v)).encode("utf-8")),
    slack_shaped(),
)


#: A few hundred in the suite; `FUZZ_EXAMPLES=10000` for a long run.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 300)


def settled_snapshot(bot: BotProcess) -> dict[str, int]:
    """A snapshot once the work earlier tests left running after their acks has landed."""
    before, deadline = snapshot(bot), time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = snapshot(bot)
        if now == before:
            return now
        before = now
    return before


@pytest.fixture(scope="module")
def settled(bot: BotProcess) -> dict[str, int]:
    """The bot's tables once nothing is left running; unsigned requests must leave them so."""
    return settled_snapshot(bot)


# Unsigned and signed requests are fuzzed apart: a signed command's work goes on after its
# ack (posting, recording what was posted), and must not be mistaken for an unsigned change.
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=_UNSIGNED)
def test_fuzzed_unsigned_requests_get_401_and_change_nothing(
    bot: BotProcess, settled: dict[str, int], body: bytes
) -> None:
    content_type = JSON if body.lstrip().startswith(b"{") else FORM
    assert unsigned(bot, body, content_type) == 401
    assert snapshot(bot) == settled
    no_tracebacks(bot)


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=_SIGNED)
def test_fuzzed_signed_requests_get_no_5xx(bot: BotProcess, body: bytes) -> None:
    status, _, _ = bot.post(body)
    assert status < 500, body
    no_tracebacks(bot)


@pytest.mark.parametrize("assignee", ["<!channel>", "", "x" * 300, "C0NOTAUSER"])
def test_a_follow_up_form_to_no_person_is_refused_under_the_person(
    plan: Plan, assignee: str
) -> None:
    view = open_modal(plan, "follow")
    values = {
        ids.ASSIGNEE_BLOCK: ("users_select", assignee),
        ids.TEXT_BLOCK: ("plain_text_input", "Call the school"),
    }
    status, body = plan.interact(submission(plan, view, values))
    assert status == 200
    assert json.loads(body) == {
        "response_action": "errors",
        "errors": {ids.ASSIGNEE_BLOCK: "Choose the person who should do it from the list."},
    }
    assert count(plan, "followups") == 0


@pytest.mark.parametrize("callback_id", ["log_from_message", "observe_from_message"])
def test_a_message_shortcut_without_a_response_url_is_answered_in_a_dm(
    bot: BotProcess, fake: FakeSlack, callback_id: str
) -> None:
    """A refusal (no plan in the channel) still reaches the person when the request carries no
    response_url: as a direct message, with no traceback (the signed fuzz test found this)."""
    payload = fixture_json("message_action")
    payload.pop("response_url")
    payload["callback_id"] = callback_id
    payload["channel"]["id"] = uid("C")
    payload["user"]["id"] = user = uid("U")
    status, _, _ = bot.post(interactive_body(payload))
    assert status == 200
    assert the_dm(bot, fake, user).startswith("This channel has no plan yet.")
    no_tracebacks(bot)


@pytest.mark.parametrize(
    ("action_id", "value", "told"),
    [
        (ids.FOLLOWUP_DONE, "F1", "That button no longer works. Type `/samverkan mine`"),
        (ids.ENTRY_DELETE, "999999:L1", "This channel has no plan yet."),
    ],
)
def test_a_button_without_a_response_url_is_answered_in_a_dm(
    bot: BotProcess, fake: FakeSlack, action_id: str, value: str, told: str
) -> None:
    """A refused click on a message whose request carries no response_url: the person learns
    why in a direct message, with no traceback (the signed fuzz test found this)."""
    payload = fixture_json("block_actions_button")
    payload.pop("response_url")
    payload["channel"]["id"] = payload["container"]["channel_id"] = uid("C")
    payload["user"]["id"] = user = uid("U")
    payload["actions"][0].update(action_id=action_id, value=value)
    status, _, _ = bot.post(interactive_body(payload))
    assert status == 200
    assert the_dm(bot, fake, user).startswith(told)
    no_tracebacks(bot)


def the_dm(bot: BotProcess, fake: FakeSlack, user: str) -> str:
    """The text of the one direct message the bot sent the person (waited for)."""
    deadline = time.monotonic() + 10
    while not [c for c in fake.calls("chat.postMessage") if c.params.get("channel") == user]:
        assert time.monotonic() < deadline, bot.log()
        time.sleep(0.05)
    (dm,) = [c for c in fake.calls("chat.postMessage") if c.params.get("channel") == user]
    return str(dm.params["text"])
