"""The OAuth install end to end over HTTP (DESIGN §13): `python bot.py http` with
SLACK_CLIENT_ID / SLACK_CLIENT_SECRET against the fake Slack, which serves oauth.v2.access.

Two workspaces are installed through /slack/install and /slack/oauth_redirect (the state
checked, a forged one refused); each workspace's commands and Home tabs are answered with its
own token; a workspace without an installation is refused without a trace; an uninstall
refuses the workspace at once while the other goes on.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.support.bot_process import BotProcess
from tests.support.fake_slack import CLIENT_ID, CLIENT_SECRET, FakeSlack
from tests.support.signed import event_body, fixture_json, get, slash_command_body

TEAM_A, TEAM_B, TEAM_C = "T0AAAAAA", "T0BBBBBB", "T0CCCCCC"


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield slack


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    process = BotProcess(
        "http",
        workdir=tmp_path_factory.mktemp("oauth"),
        api_url=fake.base_url,
        extra_env={
            "SLACK_BOT_TOKEN": "",
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        },
    )
    process.start()
    yield process
    process.stop()


def start_install(bot: BotProcess) -> tuple[str, str]:
    """GET /slack/install: the state in Slack's authorize URL and in the browser's cookie."""
    status, headers, body = get(bot.url + "/slack/install")
    assert status == 200
    page = body.decode("utf-8")
    url = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', page)
    assert url is not None, page
    query = parse_qs(urlsplit(url.group(1).replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID]
    assert "commands" in query["scope"][0].split(",")
    state = query["state"][0]
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie == f"slack-app-oauth-state={state}"
    return state, cookie


def finish_install(bot: BotProcess, code: str, state: str, cookie: str) -> tuple[int, str]:
    """GET /slack/oauth_redirect as Slack sends the admin's browser back."""
    query = urlencode({"code": code, "state": state})
    status, _, body = get(bot.url + "/slack/oauth_redirect?" + query, headers={"Cookie": cookie})
    return status, body.decode("utf-8")


def install(bot: BotProcess, fake: FakeSlack, team: str) -> str:
    state, cookie = start_install(bot)
    status, page = finish_install(bot, fake.install_code(team), state, cookie)
    assert status == 200, page
    tokens = [t for t, g in fake.tokens.items() if g["team_id"] == team]
    return tokens[-1]


def command(bot: BotProcess, fake: FakeSlack, team: str, channel: str, text: str, name: str):
    body = slash_command_body(
        text, team=team, channel=channel, response_url=fake.response_url(name)
    )
    return bot.post(body)


def home_opened(team: str, user: str, event_id: str) -> bytes:
    payload = fixture_json("event_app_home_opened")
    payload.update(
        team_id=team, context_team_id=team, event_id=event_id, event_time=int(time.time())
    )
    payload["event"]["user"] = user
    payload["authorizations"][0]["team_id"] = team
    payload["event"]["view"]["team_id"] = team
    return event_body(payload)


def bot_token(db: Path, team: str) -> str:
    """The bot token stored for a team."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT bot_token FROM slack_bots WHERE team_id = ? ORDER BY id DESC", (team,)
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def every_byte(db: Path) -> bytes:
    """The database file and its write-ahead log, as bytes."""
    wal = Path(f"{db}-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def installations(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT team_id FROM slack_bots ORDER BY id").fetchall()
    finally:
        conn.close()


def test_a_forged_state_is_refused_and_nothing_is_installed(
    bot: BotProcess, fake: FakeSlack
) -> None:
    fake.clear()
    code = fake.install_code(TEAM_C)
    # A state the bot never issued, in the URL and the cookie alike.
    status, _ = finish_install(bot, code, "forged", "slack-app-oauth-state=forged")
    assert status == 401
    # A real state without the browser's cookie (another browser).
    state, _ = start_install(bot)
    status, _ = finish_install(bot, code, state, "slack-app-oauth-state=other")
    assert status == 400
    assert fake.calls("oauth.v2.access") == []
    assert (TEAM_C,) not in installations(bot.db)
    # A state works once.
    state, cookie = start_install(bot)
    assert finish_install(bot, fake.install_code(TEAM_C), state, cookie)[0] == 200
    assert finish_install(bot, fake.install_code(TEAM_C), state, cookie)[0] == 401
    fake.revoke_team(TEAM_C)
    conn = sqlite3.connect(bot.db)
    conn.execute("DELETE FROM slack_bots WHERE team_id = ?", (TEAM_C,))
    conn.execute("DELETE FROM slack_installations WHERE team_id = ?", (TEAM_C,))
    conn.commit()
    conn.close()


def test_two_workspaces_installed_side_by_side_each_with_its_own_token(
    bot: BotProcess, fake: FakeSlack
) -> None:
    token_a = install(bot, fake, TEAM_A)
    token_b = install(bot, fake, TEAM_B)
    assert token_a != token_b
    assert installations(bot.db)[-2:] == [(TEAM_A,), (TEAM_B,)]
    fake.clear()
    status, _, body = command(bot, fake, TEAM_A, "C0AAAA", "setup Plan A", "a")
    assert status == 200 and b"Plan A" in body
    status, _, body = command(bot, fake, TEAM_B, "C0BBBB", "setup Plan B", "b")
    assert status == 200 and b"Plan B" in body
    # A Slack Connect channel: TEAM_B's people in TEAM_A's plan channel read that plan, and the
    # answer goes out with TEAM_B's own token; TEAM_B cannot set up a second plan there.
    status, _, body = command(bot, fake, TEAM_B, "C0AAAA", "status", "shared")
    assert status == 200 and b"Plan A" in body
    status, _, body = command(bot, fake, TEAM_B, "C0AAAA", "setup Plan B2", "shared2")
    assert status == 200 and b"This channel already has a plan" in body
    # Each team's Home tab is published with its own token.
    assert bot.post(home_opened(TEAM_A, "U0COORD", "Ev0HOME1"))[0] == 200
    assert bot.post(home_opened(TEAM_B, "U0POLICE", "Ev0HOME1"))[0] == 200  # same id, other team
    published = fake.wait_for("views.publish", 2)
    assert {(c.params["user_id"], c.token) for c in published} == {
        ("U0COORD", token_a),
        ("U0POLICE", token_b),
    }
    # Every call the bot made went with one of the two teams' tokens, each auth.test'ed once.
    used = {c.token for c in fake.calls() if not c.method.startswith("response_url")}
    assert used <= {token_a, token_b}
    assert fake.violations == []


def test_a_workspace_without_an_installation_is_refused_without_a_trace(
    bot: BotProcess, fake: FakeSlack
) -> None:
    fake.clear()
    status, _, body = command(bot, fake, TEAM_C, "C0CCCC", "setup Plan C", "c")
    assert status == 200 and body == b""
    told = fake.wait_for("response_url:c")[0].params
    assert "not installed in this workspace" in told["text"]
    assert "inte installerad" in told["text"]
    status, _, body = bot.post(home_opened(TEAM_C, "U0COORD", "Ev0HOMEC"))
    assert status == 200 and b"not installed" in body
    assert [c.method for c in fake.calls() if not c.method.startswith("response_url")] == []
    conn = sqlite3.connect(bot.db)
    try:
        assert conn.execute(
            "SELECT COUNT(*) FROM plans WHERE team_id = ?", (TEAM_C,)
        ).fetchone() == (0,)
    finally:
        conn.close()


def test_an_uninstall_refuses_that_workspace_at_once_and_the_other_goes_on(
    bot: BotProcess, fake: FakeSlack
) -> None:
    # A user's token revoked in TEAM_B (not the bot's): nothing stops.
    user_tokens = {
        "token": "placeholderVerifyToken24",
        "team_id": TEAM_B,
        "api_app_id": "A0SAMVERK",
        "event": {"type": "tokens_revoked", "tokens": {"oauth": ["U0COORD"]}},
        "type": "event_callback",
        "event_id": "Ev0USERTOK",
        "event_time": int(time.time()),
        "authorizations": [
            {"enterprise_id": None, "team_id": TEAM_B, "user_id": "U0BOTBBBB", "is_bot": True}
        ],
    }
    assert bot.post(event_body(user_tokens))[0] == 200
    assert (TEAM_B,) in installations(bot.db)
    revoked = bot_token(bot.db, TEAM_A).encode()
    assert revoked in every_byte(bot.db)  # the check below would see it
    event = {
        "token": "placeholderVerifyToken24",
        "team_id": TEAM_A,
        "api_app_id": "A0SAMVERK",
        "event": {"type": "app_uninstalled"},
        "authorizations": [
            {"enterprise_id": None, "team_id": TEAM_A, "user_id": "U0BOTAAAA", "is_bot": True}
        ],
        "type": "event_callback",
        "event_id": "Ev0UNINST",
        "event_time": int(time.time()),
    }
    assert bot.post(event_body(event))[0] == 200
    fake.revoke_team(TEAM_A)
    assert (TEAM_A,) not in installations(bot.db)
    # Its token is gone from the file and its write-ahead log, free pages included.
    assert revoked not in every_byte(bot.db)
    fake.clear()
    status, _, body = command(bot, fake, TEAM_A, "C0AAAA", "status", "gone")
    assert status == 200 and body == b""
    assert "not installed" in fake.wait_for("response_url:gone")[0].params["text"]
    status, _, body = command(bot, fake, TEAM_B, "C0BBBB", "status", "still")
    assert status == 200 and b"Plan B" in body
    conn = sqlite3.connect(bot.db)
    try:
        row = conn.execute(
            "SELECT revoked_at IS NOT NULL, erase_after > revoked_at FROM workspaces "
            "WHERE team_id = ?",
            (TEAM_A,),
        ).fetchone()
        plans = conn.execute("SELECT name FROM plans WHERE team_id = ?", (TEAM_A,)).fetchall()
    finally:
        conn.close()
    assert row == (1, 1)
    assert plans == [("Plan A",)]  # kept, unserved, until the retention period ends
    # A reinstall brings the workspace back.
    token = install(bot, fake, TEAM_A)
    status, _, body = command(bot, fake, TEAM_A, "C0AAAA", "status", "back")
    assert status == 200 and b"Plan A" in body
    assert fake.violations == []
    assert token.startswith(f"xoxb-{TEAM_A}-")


def test_a_rotating_token_is_refreshed_through_slack_api_url_when_a_request_comes(
    bot: BotProcess, fake: FakeSlack
) -> None:
    """DESIGN §8's trap: Bolt's own refresh would call slack.com; ours goes to SLACK_API_URL."""
    fake.rotation_seconds = 3600  # within the two hours before expiry: refreshed at once
    try:
        first = install(bot, fake, "T0DDDDDD")
        fake.clear()
        status, _, body = command(bot, fake, "T0DDDDDD", "C0DDDD", "setup Plan D", "d")
        assert status == 200 and b"Plan D" in body
        refresh = [c for c in fake.calls("oauth.v2.access") if c.params.get("grant_type")]
        assert refresh and all(c.ok for c in refresh)
        newest = [t for t, g in fake.tokens.items() if g["team_id"] == "T0DDDDDD"][-1]
        assert newest != first
        used = {c.token for c in fake.calls() if c.method not in ("oauth.v2.access",)}
        assert newest in used and first not in {t for t in used if t}
        assert fake.violations == []
    finally:
        fake.rotation_seconds = None
