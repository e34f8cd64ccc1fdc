"""Many workspaces in one bot (DESIGN §13), in process: two teams installed through Bolt's OAuth
flow against the fake Slack, each receiving its own digests, rounds and reminders with its
own token; a Slack Connect channel shared by both; uninstall, reinstall and the retention job
with an injected clock; per-team de-duplication; the migration of plans on one channel."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from slack_bolt import App, BoltRequest

from config import Settings
from handlers.app import build_app, clients_of
from samverkan.service import Context, Samverkan
from samverkan.workspaces import erase_expired, installed, remember_workspace, uninstalled
from schedules import Scheduler
from slackapi.installs import TeamClients
from storage import Store
from storage.migrations import MIGRATIONS, apply
from tests.support.fake_slack import CLIENT_ID, CLIENT_SECRET, FakeSlack

STHLM = ZoneInfo("Europe/Stockholm")
TEAM_A, TEAM_B = "T0AAAAAA", "T0BBBBBB"


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=STHLM)


def oauth_settings(fake: FakeSlack, db: str, retain_days: int = 30) -> Settings:
    return Settings(
        db=db,
        signing_secret="test-signing-secret",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        api_url=fake.base_url,
        retain_days=retain_days,
    )


def install(bolt: App, fake: FakeSlack, team: str) -> None:
    """What /slack/oauth_redirect does with Slack's code: exchange it, store the install."""
    flow = bolt.oauth_flow
    assert flow is not None
    installation = flow.run_installation(fake.install_code(team))
    assert installation is not None and installation.team_id == team
    flow.store_installation(BoltRequest(body="", query=""), installation)


@pytest.fixture
def two_teams(
    fake_slack: FakeSlack, app: Samverkan, store: Store
) -> Iterator[tuple[App, TeamClients]]:
    """The OAuth app with TEAM_A and TEAM_B installed, and the factory of their clients."""
    settings = oauth_settings(fake_slack, store.path)
    bolt = build_app(app, settings, "http")
    install(bolt, fake_slack, TEAM_A)
    install(bolt, fake_slack, TEAM_B)
    yield bolt, clients_of(bolt, settings, app)


@pytest.fixture
def schedulers(app: Samverkan, clock) -> Iterator[Callable[[TeamClients], Scheduler]]:
    made: list[Scheduler] = []

    def make(clients: TeamClients) -> Scheduler:
        s = Scheduler(app, clients, clock=clock)
        app.schedule_listeners.append(s.reschedule)
        made.append(s)
        assert s.start(paused=True)
        return s

    yield make
    for s in made:
        s.shutdown(wait=False)


def setup_plan(app: Samverkan, team: str, channel: str) -> None:
    for text in (
        f"setup Plan {channel}",
        "org add Polisen police",
        "member <@UERIK> Polisen",
        "round monday 10:00",
        "follow <@UERIK> Call the school by 2026-11-23",
    ):
        reply = app.run(Context(team, channel, "UANNA"), text)
        assert reply.ok, reply.text
    assert app.run(Context(team, channel, "UERIK"), "log Walked the centre").ok


def token_of(fake: FakeSlack, team: str) -> str:
    tokens = [t for t, g in fake.tokens.items() if g["team_id"] == team]
    assert len(tokens) == 1
    return tokens[0]


def test_each_team_gets_its_own_digest_round_and_reminders_with_its_own_token(
    two_teams, schedulers, app: Samverkan, clock, fake_slack: FakeSlack
) -> None:
    _bolt, clients = two_teams
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, TEAM_A, "C0AAAA")
    setup_plan(app, TEAM_B, "C0BBBB")
    s = schedulers(clients)
    fake_slack.clear()
    clock.now = local(2026, 11, 23, 9, 0)  # Monday: digests at 08:00, reminders at 09:00
    with app.store.read() as tx:
        plan_a, plan_b = (tx.plans.by_channel("", c) for c in ("C0AAAA", "C0BBBB"))
    assert plan_a is not None and plan_b is not None
    assert s.run_digest(plan_a.id) == "sent" and s.run_digest(plan_b.id) == "sent"
    assert s.run_reminders("Europe/Stockholm") == 2
    clock.now = local(2026, 11, 23, 10, 0)
    s.rounds.run(plan_a.id)
    s.rounds.run(plan_b.id)
    posted = {
        (c.params["channel"], c.token)
        for c in fake_slack.calls("chat.postMessage")
        if c.ok and c.params["channel"].startswith("C")
    }
    token_a, token_b = token_of(fake_slack, TEAM_A), token_of(fake_slack, TEAM_B)
    assert posted == {("C0AAAA", token_a), ("C0BBBB", token_b)}
    # The reminder and the round's question to UERIK: once per team, each with its own token.
    dms = sorted(
        c.token
        for c in fake_slack.calls("chat.postMessage")
        if c.ok and c.params["channel"] == "UERIK"
    )
    assert dms == sorted([token_a, token_a, token_b, token_b])
    assert fake_slack.violations == []


def test_a_slack_connect_channel_holds_one_plan_readable_from_both_workspaces(
    app: Samverkan,
) -> None:
    assert app.run(Context(TEAM_A, "C0SHARED", "UANNA"), "setup Shared plan").ok
    second = app.run(Context(TEAM_B, "C0SHARED", "UBRITT"), "setup Another plan")
    assert not second.ok
    assert "This channel already has a plan: *Shared plan*" in second.text
    # The other workspace's people in the channel read it as anyone in the channel does.
    status = app.run(Context(TEAM_B, "C0SHARED", "UBRITT"), "status")
    assert status.ok and "Shared plan" in status.text
    with app.store.read() as tx:
        assert [p.name for p in tx.plans.of_team(TEAM_A)] == ["Shared plan"]
        assert tx.plans.of_team(TEAM_B) == []


def test_event_ids_are_remembered_per_team(store: Store) -> None:
    with store.write() as tx:
        assert tx.events.first_delivery("Ev1", TEAM_A) is True
        assert tx.events.first_delivery("Ev1", TEAM_B) is True  # another team's event
        assert tx.events.first_delivery("Ev1", TEAM_A) is False  # a redelivery


def test_uninstall_stops_schedules_keeps_plans_read_only_then_erases_them_once(
    two_teams, schedulers, app: Samverkan, clock, fake_slack: FakeSlack
) -> None:
    _bolt, clients = two_teams
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, TEAM_A, "C0AAAA")
    setup_plan(app, TEAM_B, "C0BBBB")
    s = schedulers(clients)
    with app.store.read() as tx:
        plan_a = tx.plans.by_channel("", "C0AAAA")
        plan_b = tx.plans.by_channel("", "C0BBBB")
    assert plan_a is not None and plan_b is not None
    jobs = {j.id for j in s.scheduler.get_jobs()}
    assert {f"digest:{plan_a.id}", f"round:{plan_a.id}", f"digest:{plan_b.id}"} <= jobs

    assert uninstalled(app, TEAM_A, None, retain_days=30) == [plan_a.id]
    jobs = {j.id for j in s.scheduler.get_jobs()}
    assert f"digest:{plan_a.id}" not in jobs and f"round:{plan_a.id}" not in jobs
    assert f"digest:{plan_b.id}" in jobs
    # Read-only while kept: reads work, writes are refused, nothing is sent.
    assert app.run(Context(TEAM_A, "C0AAAA", "UANNA"), "status").ok
    refused = app.run(Context(TEAM_A, "C0AAAA", "UERIK"), "log Another walk")
    assert not refused.ok and "removed Samverkan" in refused.text
    clock.now = local(2026, 11, 23, 9, 0)
    assert s.run_digest(plan_a.id) == "skipped"
    assert uninstalled(app, TEAM_A, None, retain_days=30) == []  # tokens_revoked after it

    assert app.run(Context(TEAM_A, "", "UERIK"), "settings my language sv").ok
    assert app.run(Context(TEAM_B, "", "UERIK"), "settings my language sv").ok
    # Day 29: still kept. Day 30: erased, once; one audit line stays.
    clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC) + timedelta(days=29)
    assert s.upkeep.run_retention() == []
    clock.now += timedelta(days=2)
    assert s.upkeep.run_retention() == [plan_a.id]
    assert s.upkeep.run_retention() == []
    with app.store.read() as tx:
        assert tx.plans.get(plan_a.id) is None
        assert tx.plans.get(plan_b.id) is not None
    conn = sqlite3.connect(app.store.path)
    try:
        left = conn.execute(
            "SELECT user_id, entity, ref, action FROM audit_events WHERE plan_id = ?",
            (plan_a.id,),
        ).fetchall()
        logs = conn.execute(
            "SELECT COUNT(*) FROM log_entries WHERE plan_id = ?", (plan_a.id,)
        ).fetchone()
    finally:
        conn.close()
    assert left == [("retention", "plan", "Plan C0AAAA", "deleted")]
    assert logs == (0,)
    conn = sqlite3.connect(app.store.path)
    try:
        languages = conn.execute("SELECT team_id FROM user_languages ORDER BY team_id").fetchall()
    finally:
        conn.close()
    assert languages == [(TEAM_B,)]  # the erased workspace's personal settings went too


def test_a_reinstall_within_the_window_restores_the_plans_without_missed_digests(
    two_teams, schedulers, app: Samverkan, clock, fake_slack: FakeSlack
) -> None:
    bolt, clients = two_teams
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, TEAM_A, "C0AAAA")
    s = schedulers(clients)
    with app.store.read() as tx:
        plan = tx.plans.by_channel("", "C0AAAA")
    assert plan is not None
    uninstalled(app, TEAM_A, None, retain_days=30)
    fake_slack.revoke_team(TEAM_A)  # Slack revokes the tokens of an uninstalled app
    clock.now = local(2026, 11, 25, 12, 0)  # Wednesday: Monday's digest was missed
    fake_slack.clear()
    install(bolt, fake_slack, TEAM_A)
    assert f"digest:{plan.id}" in {j.id for j in s.scheduler.get_jobs()}
    assert s.run_digest(plan.id) == "skipped"  # the missed one is not sent
    assert s.rounds.run(plan.id) == {}  # nor Monday's round
    assert app.run(Context(TEAM_A, "C0AAAA", "UERIK"), "log Back again").ok
    # Past the retention date nothing is erased: the reinstall ended the uninstall.
    clock.now += timedelta(days=40)
    assert erase_expired(app) == []
    # The next Monday's digest goes out with the new token.
    clock.now = local(2026, 11, 30, 8, 0)
    assert s.run_digest(plan.id) == "sent"
    post = fake_slack.calls("chat.postMessage")[-1]
    tokens = [t for t, g in fake_slack.tokens.items() if g["team_id"] == TEAM_A]
    assert post.ok and len(tokens) == 2 and post.token == tokens[-1]
    assert installed(app, TEAM_A, None, False) == []  # installing again restores nothing new


def test_a_rotated_token_is_refreshed_before_a_scheduled_post(
    fake_slack: FakeSlack, app: Samverkan, store: Store, schedulers, clock
) -> None:
    # Tokens that live an hour: within the two hours before expiry, so each is refreshed.
    fake_slack.rotation_seconds = 3600
    settings = oauth_settings(fake_slack, store.path)
    bolt = build_app(app, settings, "http")
    install(bolt, fake_slack, TEAM_A)
    first = token_of(fake_slack, TEAM_A)
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, TEAM_A, "C0AAAA")
    s = schedulers(clients_of(bolt, settings, app))
    fake_slack.expire_tokens()
    clock.now = local(2026, 11, 23, 8, 0)
    with app.store.read() as tx:
        plan = tx.plans.by_channel("", "C0AAAA")
    assert plan is not None
    assert s.run_digest(plan.id) == "sent"
    refresh = [c for c in fake_slack.calls("oauth.v2.access") if c.params.get("grant_type")]
    assert refresh and all(c.ok for c in refresh)
    post = fake_slack.calls("chat.postMessage")[-1]
    newest = [t for t, g in fake_slack.tokens.items() if g["team_id"] == TEAM_A][-1]
    assert post.ok and post.token == newest != first
    assert fake_slack.violations == []


def test_migration_13_keeps_the_oldest_plan_of_a_channel_and_archives_later_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    apply(db, [m for m in MIGRATIONS if m[0] < 13])
    for team in (TEAM_A, TEAM_B):
        db.execute(
            "INSERT INTO plans (team_id, channel_id, name, area, language, timezone, "
            "digest_weekday, digest_time, created_by, created_at) "
            "VALUES (?, 'C0SHARED', ?, '', 'en', 'Europe/Stockholm', 0, '08:00', 'U1', "
            "'2026-01-01T00:00:00+00:00')",
            (team, f"Plan {team}"),
        )
    db.execute("INSERT INTO processed_events VALUES ('Ev1', '2026-01-01T00:00:00+00:00')")
    assert apply(db, [m for m in MIGRATIONS if m[0] <= 13]) == [13]
    rows = conn.execute(
        "SELECT id, team_id, channel_id, archived_by FROM plans ORDER BY id"
    ).fetchall()
    assert rows == [(1, TEAM_A, "C0SHARED", None), (2, TEAM_B, "C0SHARED~2", "migration 13")]
    assert conn.execute("SELECT team_id, event_id FROM processed_events").fetchall() == [
        ("", "Ev1")
    ]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO plans (team_id, channel_id, name, area, language, timezone, "
            "digest_time, created_by, created_at) VALUES ('T0C', 'C0SHARED', 'x', '', 'en', "
            "'UTC', '08:00', 'U', '2026')"
        )
    conn.close()


def test_an_install_asks_for_the_scopes_the_manifest_declares() -> None:
    import yaml

    from slackapi.installs import BOT_SCOPES

    manifest = yaml.safe_load((Path(__file__).parent.parent / "manifest.yml").read_text())
    assert sorted(BOT_SCOPES) == sorted(manifest["oauth_config"]["scopes"]["bot"])


def test_an_org_wide_install_serves_each_workspace_of_the_org_by_the_orgs_id(
    fake_slack: FakeSlack, app: Samverkan, store: Store, schedulers, clock
) -> None:
    """Enterprise Grid: one install for the whole org; a workspace of it is known by its first
    request (the middleware records its org), then its plans post with the org's token."""
    settings = oauth_settings(fake_slack, store.path)
    bolt = build_app(app, settings, "http")
    flow = bolt.oauth_flow
    assert flow is not None
    code = fake_slack.install_code("E0GRID", enterprise_id="E0GRID", org_wide=True)
    installation = flow.run_installation(code)
    assert installation is not None and installation.is_enterprise_install
    flow.store_installation(BoltRequest(body="", query=""), installation)
    clients = clients_of(bolt, settings, app)
    assert clients.for_team("T0GRID1") is None  # not yet known to be of the org
    remember_workspace(app, "T0GRID1", "E0GRID")
    client = clients.for_team("T0GRID1")
    assert client is not None and client.token == token_of(fake_slack, "E0GRID")
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, "T0GRID1", "C0GRID")
    s = schedulers(clients)
    clock.now = local(2026, 11, 23, 8, 0)
    with app.store.read() as tx:
        plan = tx.plans.by_channel("", "C0GRID")
    assert plan is not None
    assert s.run_digest(plan.id) == "sent"
    assert fake_slack.calls("chat.postMessage")[-1].token == token_of(fake_slack, "E0GRID")
    # The org removes the app: every workspace of it stops.
    assert uninstalled(app, "", "E0GRID", retain_days=30) == [plan.id]
    assert f"digest:{plan.id}" not in {j.id for j in s.scheduler.get_jobs()}


def test_the_retention_job_forgets_install_states_that_expired_unused(
    fake_slack: FakeSlack, app: Samverkan, store: Store, clock
) -> None:
    from slackapi.installs import state_store

    states = state_store(store.path)
    kept, old = states.issue(), states.issue()
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE oauth_states SET expire_at = 0 WHERE state = ?", (old,))
    conn.commit()
    conn.close()
    clock.now = datetime.now(UTC)
    assert erase_expired(app) == []
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT state FROM oauth_states").fetchall() == [(kept,)]
    finally:
        conn.close()
    assert states.consume(kept) is True and states.consume(kept) is False


def test_a_plan_whose_workspace_never_installed_the_bot_sends_nothing(
    fake_slack: FakeSlack, app: Samverkan, store: Store, schedulers, clock
) -> None:
    """A plan made with one bot token, then the bot switched to OAuth: until its workspace
    installs the bot, its digest and round are recorded as not sent, with nothing posted."""
    clock.now = local(2026, 11, 20, 10)
    setup_plan(app, "T0CCCCCC", "C0CCCC")
    settings = oauth_settings(fake_slack, store.path)
    bolt = build_app(app, settings, "http")
    s = schedulers(clients_of(bolt, settings, app))
    clock.now = local(2026, 11, 23, 10, 30)
    with app.store.read() as tx:
        plan = tx.plans.by_channel("", "C0CCCC")
    assert plan is not None
    fake_slack.clear()
    assert s.run_digest(plan.id) == "skipped"
    assert s.digests.deliver(plan.id, local(2026, 11, 23, 8, 0)) == "failed"  # the catch-up path
    assert s.rounds.run(plan.id) == {"failed": 2}  # UANNA and UERIK, neither asked
    assert s.run_reminders("Europe/Stockholm") == 0
    assert [c.method for c in fake_slack.calls()] == []


def test_each_team_s_coordinator_gets_the_tertial_reminder_with_its_own_token(
    two_teams, schedulers, app: Samverkan, clock, fake_slack: FakeSlack
) -> None:
    _bolt, clients = two_teams
    clock.now = local(2026, 12, 1, 10)
    setup_plan(app, TEAM_A, "C0AAAA")
    setup_plan(app, TEAM_B, "C0BBBB")
    s = schedulers(clients)
    fake_slack.clear()
    clock.now = local(2026, 12, 31, 9, 30)  # the third tertial's last day, after 09:00
    assert s.report_reminders.run() == {"sent": 2}
    reminded = sorted(
        c.token
        for c in fake_slack.calls("chat.postMessage")
        if c.ok and c.params["channel"] == "UANNA"
    )
    assert reminded == sorted([token_of(fake_slack, TEAM_A), token_of(fake_slack, TEAM_B)])
    assert s.report_reminders.run() == {}
    assert fake_slack.violations == []
