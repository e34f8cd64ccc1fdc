"""The scheduler: digests exactly once, reminders on working days, against the fake Slack.

Time is injected: the jobs are called as APScheduler would call them, with the test's clock.
What APScheduler itself decides (when a trigger fires) is checked on the real triggers.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient

import schedules.digest_job as digest_job
from blocks import ids
from samverkan.service import Samverkan
from schedules import Scheduler
from schedules.digest_job import DigestDelivery
from schedules.scheduler import scheduler_client
from schedules.triggers import digest_trigger, reminders_trigger
from storage import Store
from tests.support.cldr import babel_range
from tests.support.fake_slack import FakeSlack

STHLM = ZoneInfo("Europe/Stockholm")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0, tz: ZoneInfo = STHLM) -> datetime:
    """A wall-clock moment in a timezone (Stockholm unless told)."""
    return datetime(y, m, d, hh, mm, tzinfo=tz)


def serve_history(fake: FakeSlack, window: bool = False) -> None:
    """Let the fake answer conversations.history from the messages it stored, newest first.

    `window`: honour `oldest`/`latest` (only meaningful when the bot's clock is real time).
    """
    original = fake._handlers

    def history(params: dict) -> dict:
        channel = str(params.get("channel") or "")
        oldest = float(params.get("oldest") or 0) if window else 0.0
        latest = float(params.get("latest") or 0) if window else 0.0
        with fake._lock:
            found = [
                {k: v for k, v in m.items() if k != "channel"}
                for (ch, _), m in fake.messages.items()
                if ch == channel
            ]
        found = [
            m for m in found if float(m["ts"]) > oldest and (not latest or float(m["ts"]) <= latest)
        ]
        found.sort(key=lambda m: float(m["ts"]), reverse=True)
        return {
            "ok": True,
            "messages": found,
            "has_more": False,
            "response_metadata": {"next_cursor": ""},
        }

    fake._handlers = lambda: {**original(), "conversations.history": history}  # type: ignore[method-assign]


@pytest.fixture
def slack(fake_slack: FakeSlack) -> FakeSlack:
    """The fake Slack, also answering conversations.history."""
    serve_history(fake_slack)
    return fake_slack


@pytest.fixture
def client(slack: FakeSlack) -> WebClient:
    """The app's Web API client (the scheduler derives its own from it)."""
    return WebClient(token="xoxb-test", base_url=slack.base_url)


@pytest.fixture
def schedulers(app: Samverkan, client: WebClient, clock) -> Iterator[Callable[..., Scheduler]]:
    """Make schedulers on the test database (shut down after the test)."""
    made: list[Scheduler] = []

    def make(start: bool = True, paused: bool = True) -> Scheduler:
        s = Scheduler(app, client, clock=clock)
        app.schedule_listeners.append(s.reschedule)
        made.append(s)
        if start:
            assert s.start(paused=paused)
        return s

    yield make
    for s in made:
        s.shutdown(wait=False)


@pytest.fixture
def plans(run: Callable, clock) -> Callable:
    """Set up plans (Monday 08:00 Stockholm digests) on Friday 20 Nov 2026, in channels given."""

    def make(*channels: str, at: datetime | None = None) -> None:
        clock.now = at or local(2026, 11, 20, 10)
        for channel in channels:
            for text in (
                f"setup Plan {channel}",
                "org add Polisen police",
                "member <@UERIK> Polisen",
                "member <@UMATS> Polisen coordinator",
            ):
                assert run("UANNA", text, channel=channel).ok
            assert run("UERIK", "log Walked the centre", channel=channel).ok

    return make


def posts(fake: FakeSlack, channel: str | None = None) -> list:
    """Successful chat.postMessage calls, optionally to one channel."""
    return [
        c
        for c in fake.calls("chat.postMessage")
        if c.ok and (channel is None or c.params["channel"] == channel)
    ]


def digest_rows(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT plan_id, iso_year, iso_week, state, attempts, message_ts, error FROM digests "
            "ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


MONDAY_DUE = local(2026, 11, 30, 8)  # ISO week 2026-W49


# -- exactly once --------------------------------------------------------------------------


def test_two_start_ups_over_the_due_time_post_one_digest(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE + timedelta(seconds=20)
    first = schedulers()
    assert {j.id for j in first.scheduler.get_jobs()} >= {
        "digest:1",
        "reminders:Europe/Stockholm",
        "catch-up",
    }
    # The cron job fires, and the catch-up pass of the same start-up runs too.
    assert first.run_digest(1) == "sent"
    first.catch_up()
    assert first.run_digest(1) == "skipped"
    first.shutdown()

    clock.now = MONDAY_DUE + timedelta(minutes=5)
    second = schedulers(paused=False)  # the real catch-up job runs in the scheduler
    assert second.caught_up.wait(10)
    second.run_digest(1)
    assert len(posts(slack)) == 1
    message = posts(slack)[0]
    assert message.params["channel"] == "C1"
    assert message.params["blocks"][0]["block_id"] == f"{ids.DIGEST_BLOCK_PREFIX}1_2026-W49"
    assert message.params["metadata"] == {
        "event_type": "samverkan_digest",
        "event_payload": {"plan": 1, "week": "2026-W49"},
    }
    assert "<!channel>" not in str(message.params) and "<!here>" not in str(message.params)
    assert digest_rows(store) == [(1, 2026, 49, "sent", 1, message.response["ts"], None)]


def test_a_crash_between_the_post_and_the_record_never_posts_twice(
    plans, schedulers, clock, slack: FakeSlack, store: Store, monkeypatch
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    first = schedulers()

    def crash(*args, **kwargs):
        raise SystemExit("killed after chat.postMessage")

    monkeypatch.setattr(digest_job, "record_sent", crash)
    with pytest.raises(SystemExit):
        first.run_digest(1)
    monkeypatch.undo()
    first.shutdown()
    assert len(posts(slack)) == 1
    assert digest_rows(store)[0][3] == "sending"

    # Restarted at once: the claim is too fresh to tell a dead run from one still under way,
    # so it looks again once no attempt can still be running.
    clock.now = MONDAY_DUE + timedelta(minutes=3)
    second = schedulers()
    second.catch_up()
    assert second.run_digest(1) == "retry"
    retry = second.scheduler.get_job("digest-retry:1")
    assert slack.calls("conversations.history") == []
    clock.now = MONDAY_DUE + timedelta(minutes=10)
    assert retry.func(*retry.args) == "sent"  # found in the channel, not posted again
    assert second.run_digest(1) == "skipped"
    assert len(posts(slack)) == 1
    assert slack.calls("conversations.history")[0].params["channel"] == "C1"
    ts = posts(slack)[0].response["ts"]
    assert digest_rows(store) == [(1, 2026, 49, "sent", 1, ts, None)]


def test_a_crash_after_the_claim_and_before_the_post_posts_once_on_restart(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    with store.write() as tx:  # what a process that died right after claiming leaves
        assert tx.digests.claim(1, 2026, 49, "C1")
    clock.now = MONDAY_DUE + timedelta(minutes=2)
    s = schedulers()
    s.catch_up()
    assert posts(slack) == []
    clock.now = MONDAY_DUE + timedelta(minutes=12)
    s.catch_up()  # or the retry job: the same
    assert len(posts(slack)) == 1
    assert len(slack.calls("conversations.history")) == 1
    assert digest_rows(store)[0][3:5] == ("sent", 2)


def test_two_runs_at_once_in_two_processes_post_one_digest(
    plans, app: Samverkan, clock, slack: FakeSlack, store: Store
) -> None:
    """Even without the one-process lock, the database keeps it to one digest."""
    plans("C1")
    clock.now = MONDAY_DUE
    retries: list[float] = []
    other = DigestDelivery(
        app,
        scheduler_client(WebClient(token="xoxb-test", base_url=slack.base_url)),
        clock=clock,
        on_retry=lambda plan_id, due, delay: retries.append(delay),
    )
    outcomes: list[str] = []

    class Racing(WebClient):
        def chat_postMessage(self, **kwargs):  # type: ignore[override]
            # The second process runs while the first is between its claim and Slack's answer.
            outcomes.append(other.deliver(1, MONDAY_DUE))
            return super().chat_postMessage(**kwargs)

    first = DigestDelivery(app, Racing(token="xoxb-test", base_url=slack.base_url), clock=clock)
    assert first.deliver(1, MONDAY_DUE) == "sent"
    assert outcomes == ["retry"] and retries == [600.0]
    clock.now = MONDAY_DUE + timedelta(minutes=10)
    assert other.deliver(1, MONDAY_DUE) == "skipped"
    assert len(posts(slack)) == 1
    assert slack.calls("conversations.history") == []


def test_when_the_channel_cannot_be_checked_it_does_not_risk_a_second_digest(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    with store.write() as tx:
        assert tx.digests.claim(1, 2026, 49, "C1")
    slack.fail("conversations.history", error="missing_scope")
    clock.now = MONDAY_DUE + timedelta(minutes=15)
    schedulers().catch_up()
    assert posts(slack) == []
    assert digest_rows(store)[0][3::3] == ("failed", "unverified:missing_scope")


def test_a_missed_digest_is_caught_up_once_while_it_is_the_same_week(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    # The bot was down on Monday at 08:00 and comes back on Wednesday.
    clock.now = local(2026, 12, 2, 14)
    s = schedulers()
    s.catch_up()
    s.catch_up()
    assert len(posts(slack)) == 1
    s.shutdown()
    schedulers().catch_up()
    assert len(posts(slack)) == 1
    # It reports the week that ended before its scheduled moment.
    assert babel_range("en", date(2026, 11, 23), date(2026, 11, 29)) in str(
        posts(slack)[0].params["blocks"]
    )


def test_a_digest_missed_last_week_is_not_sent_in_the_next(
    plans, schedulers, clock, slack: FakeSlack
) -> None:
    plans("C1")
    clock.now = local(2026, 12, 7, 7, 59)  # next Monday, a minute before its own digest
    schedulers().catch_up()
    assert posts(slack) == []


def test_no_catch_up_for_a_schedule_set_after_the_missed_time(
    plans, schedulers, run, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1", "C2")
    clock.now = local(2026, 11, 30, 9)  # Monday, after 08:00
    assert run("UANNA", "digest schedule monday 08:00").ok
    clock.now = local(2026, 11, 30, 9, 30)
    assert run("UANNA", "setup A new plan", channel="C3").ok
    s = schedulers()
    s.catch_up()
    assert [c.params["channel"] for c in posts(slack)] == ["C2"]
    s.run_digest(1)
    s.run_digest(3)
    assert len(posts(slack)) == 1


def test_a_schedule_changed_later_in_the_week_after_the_digest_went_out(
    plans, schedulers, run, clock, slack: FakeSlack
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    s = schedulers()
    assert s.run_digest(1) == "sent"
    clock.now = local(2026, 12, 1, 9)
    assert run("UANNA", "digest schedule thursday 10:00", channel="C1").ok
    clock.now = local(2026, 12, 3, 10)
    assert s.run_digest(1) == "skipped"  # one digest per plan and ISO week
    clock.now = local(2026, 12, 10, 10)
    assert s.run_digest(1) == "sent"
    assert len(posts(slack)) == 2


def test_a_timezone_change_that_puts_the_moment_in_the_past_catches_up_at_once(
    plans, schedulers, run, clock, slack: FakeSlack, store: Store
) -> None:
    """Monday 07:30 in Stockholm, the plan moves to Tokyo, where Monday 08:00 has been: the
    week's digest goes out now (as after a restart), once, without waiting for a restart."""
    plans("C1")
    clock.now = local(2026, 11, 30, 7, 30)
    s = schedulers()
    assert s.scheduler.get_job("catch-up:1") is None
    assert run("UANNA", "settings timezone Asia/Tokyo", channel="C1").ok
    job = s.scheduler.get_job("catch-up:1")
    assert job is not None
    assert job.trigger.run_date == clock.now
    assert job.func(*job.args) == "sent"
    assert len(posts(slack)) == 1
    assert digest_rows(store) == [(1, 2026, 49, "sent", 1, posts(slack)[0].response["ts"], None)]
    # A restart, or the Tokyo cron job, adds nothing this week.
    s.catch_up()
    assert s.run_digest(1) == "skipped"
    s.shutdown()
    schedulers().catch_up()
    assert len(posts(slack)) == 1


def test_a_timezone_change_after_the_week_s_digest_posts_nothing_more(
    plans, schedulers, run, clock, slack: FakeSlack
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    s = schedulers()
    assert s.run_digest(1) == "sent"
    clock.now = local(2026, 11, 30, 9)
    assert run("UANNA", "settings timezone Asia/Tokyo", channel="C1").ok
    job = s.scheduler.get_job("catch-up:1")
    assert job.func(*job.args) == "skipped"
    assert len(posts(slack)) == 1


def test_a_schedule_moved_into_the_past_is_not_caught_up(
    plans, schedulers, run, clock, slack: FakeSlack
) -> None:
    """`digest schedule` at 09:00 to 08:30 the same day: set after that moment, so no catch-up
    (the rule for a schedule set after the missed time); next week's goes out."""
    plans("C1")
    clock.now = local(2026, 11, 30, 7, 0)
    s = schedulers()
    assert run("UANNA", "digest off", channel="C1").ok
    clock.now = local(2026, 11, 30, 9, 0)
    assert run("UANNA", "digest schedule monday 08:30", channel="C1").ok
    assert s.scheduler.get_job("catch-up:1") is None
    s.catch_up()
    assert posts(slack) == []
    clock.now = local(2026, 12, 7, 8, 30)
    assert s.run_digest(1) == "sent"


# -- digest now and the week's digest ----------------------------------------------------------


def slash(slack_app, text: str, user: str = "UANNA", channel: str = "C1") -> dict:
    """A slash command through the bot's Bolt app (in this process); the ack's JSON."""
    from slack_bolt import BoltRequest

    from tests.support.signed import slash_command_payload

    fields = slash_command_payload(text, user=user, channel=channel, team="T1")
    response = slack_app.dispatch(
        BoltRequest(
            body=urlencode(fields), headers={"content-type": "application/x-www-form-urlencoded"}
        )
    )
    assert response.status == 200, response.body
    return json.loads(response.body) if response.body else {}


@pytest.fixture
def slack_app(app: Samverkan, slack: FakeSlack):
    """The bot's Bolt app (Socket Mode flavour: no signatures) against the fake Slack."""
    from config import Settings
    from handlers.app import build_app

    return build_app(app, Settings(bot_token="xoxb-test", api_url=slack.base_url), "socket")


def test_digest_now_before_the_digest_of_the_same_day_counts_as_it(
    plans, schedulers, slack_app, clock, slack: FakeSlack, store: Store
) -> None:
    """`digest now` at 07:55 on Monday, the scheduled digest at 08:00: one digest."""
    plans("C1")
    clock.now = local(2026, 11, 30, 7, 55)
    answer = slash(slack_app, "digest now")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == "Posted this week's digest in the channel."
    (post,) = posts(slack, "C1")
    assert post.params["text"] == post.params["text"].strip() and post.params["blocks"]
    assert digest_rows(store) == [(1, 2026, 49, "sent", 1, post.response["ts"], None)]
    clock.now = MONDAY_DUE
    s = schedulers()
    assert s.run_digest(1) == "skipped"
    s.catch_up()
    assert len(posts(slack)) == 1
    # `status` says the next one is next week's.
    assert "next 7 Dec 08:00" in str(slash(slack_app, "status"))


@pytest.mark.parametrize(
    "when",
    [
        local(2026, 11, 29, 20, 0),  # Sunday evening: the week before
        local(2026, 11, 30, 8, 30),  # Monday after the moment
        local(2026, 12, 1, 7, 55),  # Tuesday
    ],
)
def test_digest_now_at_other_times_is_an_extra_post(
    plans, schedulers, slack_app, clock, slack: FakeSlack, store: Store, when: datetime
) -> None:
    plans("C1")
    clock.now = when
    assert slash(slack_app, "digest now")["text"] == "Posted this week's digest in the channel."
    assert digest_rows(store) == []
    # The week's scheduled digest is not suppressed (here: missed while down, so caught up).
    clock.now = max(when, MONDAY_DUE)
    assert schedulers().run_digest(1) == "sent"
    assert len(posts(slack, "C1")) == 2


def test_digest_now_in_a_channel_the_bot_is_not_in_answers_in_the_channel(
    plans, slack_app, clock, slack: FakeSlack, store: Store
) -> None:
    """chat.postMessage refused: the digest is the command's answer, in the channel, as before;
    nothing is recorded, so the scheduled one still goes out (and finds the same error)."""
    plans("C1")
    clock.now = local(2026, 11, 30, 7, 55)
    slack.fail("chat.postMessage", error="not_in_channel", match={"channel": "C1"})
    answer = slash(slack_app, "digest now")
    assert answer["response_type"] == "in_channel"
    assert answer["blocks"][0]["text"]["text"] == "📋 Plan C1 — week 48"
    week = babel_range("en", date(2026, 11, 23), date(2026, 11, 29))
    assert answer["text"].startswith(f"Plan C1 — week 48 ({week})")
    assert digest_rows(store) == []


def test_digest_now_by_a_member_is_refused_and_posts_nothing(
    plans, slack_app, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = local(2026, 11, 30, 7, 55)
    answer = slash(slack_app, "digest now", user="UERIK")
    assert answer["response_type"] == "ephemeral"
    assert posts(slack) == []
    assert digest_rows(store) == []


# -- Slack failures ----------------------------------------------------------------------------


def test_a_rate_limit_is_retried_after_retry_after_and_posts_once(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    slack.fail("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    assert schedulers().run_digest(1) == "sent"
    assert time.monotonic() - started >= 1  # Retry-After was honoured
    calls = slack.calls("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]
    assert len(posts(slack)) == 1
    assert digest_rows(store)[0][3:5] == ("sent", 1)


def test_a_server_error_is_retried_later_after_checking_the_channel(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    s = schedulers()
    slack.fail("chat.postMessage", status=503)
    assert s.run_digest(1) == "retry"
    retry = s.scheduler.get_job("digest-retry:1")
    assert retry is not None
    assert digest_rows(store)[0][3:5] == ("sending", 1)
    # Timed by the scheduler's clock (the injected one here), after the first backoff.
    assert retry.trigger.run_date == MONDAY_DUE + timedelta(seconds=30)
    # The retry job runs later: it looks in the channel, finds nothing, posts.
    clock.now = MONDAY_DUE + timedelta(minutes=1)
    retry.func(*retry.args)
    assert len(slack.calls("conversations.history")) == 1
    assert len(posts(slack)) == 1
    assert digest_rows(store)[0][3:5] == ("sent", 2)


def test_retries_stop_when_the_week_is_over(
    plans, schedulers, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1")
    clock.now = MONDAY_DUE
    s = schedulers()
    slack.fail("chat.postMessage", status=429, retry_after=0, times=3)
    assert s.run_digest(1) == "retry"
    assert digest_rows(store)[0][3] == "retry"
    clock.now = local(2026, 12, 7, 0, 1)
    retry = s.scheduler.get_job("digest-retry:1")
    assert retry.func(*retry.args) == "skipped"
    assert posts(slack) == []
    assert digest_rows(store)[0][3::3] == ("failed", "ratelimited")


def test_a_channel_the_bot_left_is_recorded_and_other_plans_get_theirs(
    plans, schedulers, run, clock, slack: FakeSlack, store: Store
) -> None:
    plans("C1", "C2", "C3")
    clock.now = MONDAY_DUE
    slack.fail("chat.postMessage", error="channel_not_found", match={"channel": "C2"}, times=None)
    s = schedulers()
    s.catch_up()
    assert sorted(c.params["channel"] for c in posts(slack)) == ["C1", "C3"]
    assert [r[3] for r in digest_rows(store)] == ["sent", "failed", "sent"]

    # Coordinators see it in `status`; members do not.
    shown = run("UMATS", "status", channel="C2")
    assert "could not be posted (channel_not_found, 30 Nov)" in str(shown.items[-1])
    assert "could not be posted" not in str(run("UERIK", "status", channel="C2").items)
    assert "could not be posted" not in str(run("UMATS", "status", channel="C1").items)
    # Not retried within the week ...
    s.catch_up()
    assert len(slack.calls("chat.postMessage")) == 3
    # ... and cleared by the next successful delivery.
    slack.clear()
    clock.now = local(2026, 12, 7, 8)
    assert s.run_digest(2) == "sent"
    assert "could not be posted" not in str(run("UMATS", "status", channel="C2").items)


# -- the jobs ------------------------------------------------------------------------------


def test_jobs_are_added_once_and_follow_schedule_changes_from_chat(
    plans, schedulers, run, clock
) -> None:
    plans("C1")
    s = schedulers()
    job = s.scheduler.get_job("digest:1")
    local_next = job.next_run_time.astimezone(STHLM)
    assert (local_next.weekday(), local_next.hour, local_next.minute) == (0, 8, 0)
    # Syncing again changes nothing: no job is added or rescheduled.
    changed: list[str] = []
    real_add, real_reschedule = s.scheduler.add_job, s.scheduler.reschedule_job
    s.scheduler.add_job = lambda *a, **k: changed.append(k["id"]) or real_add(*a, **k)  # type: ignore[method-assign]
    s.scheduler.reschedule_job = lambda i, **k: changed.append(i) or real_reschedule(i, **k)  # type: ignore[method-assign]
    s.sync()
    s.reschedule(1)
    assert changed == []
    assert s.scheduler.get_job("digest:1").next_run_time == job.next_run_time

    clock.now = local(2026, 11, 20, 11)
    assert run("UANNA", "digest schedule friday 15:30", channel="C1").ok
    assert changed == ["digest:1"]  # rescheduled in place
    job = s.scheduler.get_job("digest:1")
    assert str(job.trigger) == "cron[day_of_week='fri', hour='15', minute='30']"
    assert str(job.trigger.timezone) == "Europe/Stockholm"

    assert run("UANNA", "settings timezone Europe/London", channel="C1").ok
    job = s.scheduler.get_job("digest:1")
    assert str(job.trigger.timezone) == "Europe/London"
    reminder_jobs = sorted(j.id for j in s.scheduler.get_jobs() if j.id.startswith("reminders"))
    assert reminder_jobs == ["reminders:Europe/London"]

    assert run("UANNA", "digest off", channel="C1").ok
    assert s.scheduler.get_job("digest:1") is None
    assert run("UANNA", "digest schedule monday 08:00", channel="C1").ok
    assert s.scheduler.get_job("digest:1") is not None


def test_one_scheduler_per_process_and_one_process_per_database(
    app: Samverkan, client: WebClient, clock, schedulers, store: Store
) -> None:
    first = schedulers()
    with pytest.raises(RuntimeError):
        Scheduler(app, client, clock=clock).start()
    first.shutdown()
    # Another process holding the database's schedule lock: this one runs none.
    with open(f"{store.path}.schedules.lock", "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert Scheduler(app, client, clock=clock).start() is False
        fcntl.flock(other, fcntl.LOCK_UN)
    assert schedulers().scheduler.running


@pytest.mark.parametrize("step", ["start", "sync"])
def test_a_scheduler_that_fails_to_start_lets_go_of_its_locks(
    app: Samverkan, client: WebClient, clock, schedulers, store: Store, step: str
) -> None:
    s = Scheduler(app, client, clock=clock)

    def broken(*args, **kwargs):
        raise RuntimeError(f"{step} failed")

    setattr(s.scheduler if step == "start" else s, step, broken)
    with pytest.raises(RuntimeError, match=f"{step} failed"):
        s.start(paused=True)
    assert not s.scheduler.running
    # The database lock is free for another process ...
    with open(f"{store.path}.schedules.lock", "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(other, fcntl.LOCK_UN)
    # ... and this process may start a scheduler again.
    assert schedulers().scheduler.running


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Last Sunday of October 2026: Stockholm goes from +02:00 to +01:00.
        (
            datetime(2026, 10, 19, 12, tzinfo=UTC),
            [datetime(2026, 10, 26, 7, tzinfo=UTC), datetime(2026, 11, 2, 7, tzinfo=UTC)],
        ),
        # Last Sunday of March 2027: from +01:00 to +02:00.
        (
            datetime(2027, 3, 22, 12, tzinfo=UTC),
            [datetime(2027, 3, 29, 6, tzinfo=UTC), datetime(2027, 4, 5, 6, tzinfo=UTC)],
        ),
    ],
)
def test_the_digest_fires_at_eight_local_time_in_daylight_saving_weeks(
    plans, schedulers, start: datetime, expected: list[datetime]
) -> None:
    plans("C1")
    trigger = schedulers().scheduler.get_job("digest:1").trigger
    fired, previous = [], None
    moment = start
    for _ in expected:
        previous = trigger.get_next_fire_time(previous, moment)
        fired.append(previous)
        moment = previous + timedelta(seconds=1)
    assert [f.astimezone(UTC) for f in fired] == expected
    assert all((f.astimezone(STHLM).hour, f.astimezone(STHLM).minute) == (8, 0) for f in fired)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (  # Friday before, Monday after the October change
            datetime(2026, 10, 23, 0, tzinfo=UTC),
            [datetime(2026, 10, 23, 7, tzinfo=UTC), datetime(2026, 10, 26, 8, tzinfo=UTC)],
        ),
        (  # Friday before, Monday after the March change (the job skips Easter Monday)
            datetime(2027, 3, 26, 0, tzinfo=UTC),
            [datetime(2027, 3, 26, 8, tzinfo=UTC), datetime(2027, 3, 29, 7, tzinfo=UTC)],
        ),
    ],
)
def test_reminders_fire_at_nine_local_time_in_daylight_saving_weeks(
    start: datetime, expected: list[datetime]
) -> None:
    trigger = reminders_trigger("Europe/Stockholm")
    fired, previous, moment = [], None, start
    for _ in expected:
        previous = trigger.get_next_fire_time(previous, moment)
        fired.append(previous.astimezone(UTC))
        moment = previous + timedelta(seconds=1)
    assert fired == expected


@pytest.mark.parametrize(
    ("before", "at"),
    [
        (datetime(2026, 10, 26, 6, 59, tzinfo=UTC), datetime(2026, 10, 26, 7, 0, tzinfo=UTC)),
        (datetime(2027, 3, 29, 5, 59, tzinfo=UTC), datetime(2027, 3, 29, 6, 0, tzinfo=UTC)),
    ],
)
def test_the_digest_job_is_due_at_eight_local_in_daylight_saving_weeks(
    plans, schedulers, clock, slack: FakeSlack, before: datetime, at: datetime
) -> None:
    plans("C1", at=before - timedelta(days=30))
    s = schedulers()
    clock.now = before
    assert s.run_digest(1) == "skipped"
    s.catch_up()
    assert posts(slack) == []
    clock.now = at
    assert s.run_digest(1) == "sent"


def test_digest_trigger_follows_the_plan() -> None:
    from dataclasses import replace

    from storage import Plan

    plan = Plan(
        id=1,
        team_id="T",
        channel_id="C",
        name="P",
        area="",
        period_start=None,
        period_end=None,
        language="en",
        timezone="Europe/Stockholm",
        digest_weekday=3,
        digest_time="07:45",
        digest_set_at=None,
        delivery_error=None,
        delivery_error_at=None,
        created_by="U",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    trigger = digest_trigger(plan)
    assert str(trigger) == "cron[day_of_week='thu', hour='7', minute='45']"
    assert digest_trigger(replace(plan, digest_weekday=None)) is None


# -- reminders ---------------------------------------------------------------------------------


@pytest.fixture
def due_followups(plans, run, clock) -> None:
    """UERIK has one follow-up overdue and one due on Wednesday 25 Nov; UMATS one on 24 Nov."""
    plans("C1", "C2")
    clock.now = local(2026, 11, 20, 10)
    assert run("UANNA", "follow <@UERIK> Order new lamps by 2026-11-23", channel="C1").ok
    assert run("UANNA", "follow <@UERIK> Call the school by 2026-11-25", channel="C2").ok
    assert run("UANNA", "follow <@UMATS> Book the hall by 2026-11-24", channel="C1").ok
    assert run("UANNA", "follow <@UMATS> Later by 2026-12-24", channel="C1").ok


def dms(fake: FakeSlack) -> dict[str, list]:
    """Reminder DMs by user (the weekly round's DMs are tested in tests/test_round.py)."""
    out: dict[str, list] = {}
    for c in posts(fake):
        first = (c.params.get("blocks") or [{}])[0].get("block_id") or ""
        if c.params["channel"].startswith("U") and not first.startswith(ids.ROUND_BLOCK_PREFIX):
            out.setdefault(c.params["channel"], []).append(c)
    return out


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 24),  # Christmas Eve
        date(2026, 12, 25),  # Christmas Day
        date(2026, 12, 26),  # Boxing Day (a Saturday too)
        date(2027, 1, 6),  # Epiphany
        date(2027, 6, 25),  # Midsummer Eve
        date(2027, 3, 29),  # Easter Monday, the day after the change to summer time
        date(2026, 11, 28),  # a Saturday
    ],
)
def test_no_reminders_on_holidays_and_weekends(
    due_followups, schedulers, clock, slack: FakeSlack, day: date
) -> None:
    s = schedulers()
    clock.now = local(day.year, day.month, day.day, 9, 30)
    assert s.run_reminders("Europe/Stockholm") == 0
    s.catch_up()
    assert dms(slack) == {}


def test_reminders_on_a_working_day_once_per_follow_up_and_day(
    due_followups, schedulers, run, clock, slack: FakeSlack, store: Store
) -> None:
    s = schedulers()
    clock.now = local(2026, 11, 25, 8, 59)  # Wednesday, before nine
    assert s.run_reminders("Europe/Stockholm") == 0
    clock.now = local(2026, 11, 25, 9, 0)
    assert s.run_reminders("Europe/Stockholm") == 2
    assert s.run_reminders("Europe/Stockholm") == 0
    s.catch_up()
    sent = dms(slack)
    assert sorted(sent) == ["UERIK", "UMATS"]
    assert [len(v) for v in sent.values()] == [1, 1]
    # One message per person, across their plans, with Done and Snooze buttons.
    erik = sent["UERIK"][0].params
    text = str(erik["blocks"])
    assert "Order new lamps" in text and "Call the school" in text
    assert "2 d late" in text and "due today" in text
    assert "Plan C1" in text and "Plan C2" in text
    # The cards read as `mine` draws them, with the plan's name when there are several.
    cards = [b["text"]["text"] for b in erik["blocks"] if b["type"] == "section"][1:]
    assert cards == [
        "*F1* Order new lamps\n⏰ 2 d late (due 23 Nov) · from <@UANNA> · _Plan C1_",
        "*F1* Call the school\ndue today · from <@UANNA> · _Plan C2_",
    ]
    actions = [
        e["action_id"] for b in erik["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert actions.count(ids.FOLLOWUP_DONE) == 2
    assert ids.FOLLOWUP_SNOOZE_DAY in actions and ids.FOLLOWUP_SNOOZE_WEEK in actions
    assert "Later" not in str(sent["UMATS"][0].params["blocks"])

    # The next working day the overdue ones come again; done ones do not.
    assert run("UERIK", "done F1", channel="C1").ok
    clock.now = local(2026, 11, 26, 9, 5)
    assert s.run_reminders("Europe/Stockholm") == 2
    erik_again = dms(slack)["UERIK"][1].params
    assert "Order new lamps" not in str(erik_again["blocks"])
    assert "Call the school" in str(erik_again["blocks"])


def test_reminders_off_is_respected(due_followups, schedulers, run, clock, slack) -> None:
    assert run("UERIK", "reminders off", channel="D1").ok
    s = schedulers()
    clock.now = local(2026, 11, 25, 9)
    assert s.run_reminders("Europe/Stockholm") == 1
    assert sorted(dms(slack)) == ["UMATS"]
    assert run("UERIK", "reminders on", channel="D1").ok
    assert s.run_reminders("Europe/Stockholm") == 1
    assert sorted(dms(slack)) == ["UERIK", "UMATS"]


def test_reminders_missed_while_down_go_out_when_back_during_the_day(
    due_followups, schedulers, clock, slack: FakeSlack
) -> None:
    clock.now = local(2026, 11, 25, 18)  # back after five: too late for today's
    first = schedulers()
    first.catch_up()
    assert dms(slack) == {}
    first.shutdown()
    clock.now = local(2026, 11, 26, 11)  # back at eleven: sent now, once
    second = schedulers()
    second.catch_up()
    second.catch_up()
    assert sorted(dms(slack)) == ["UERIK", "UMATS"]
    assert second.run_reminders("Europe/Stockholm") == 0


@pytest.mark.parametrize(
    ("due", "before", "at"),
    [
        # Monday after the October change (+01:00): nine is 08:00 UTC.
        (
            date(2026, 10, 26),
            datetime(2026, 10, 26, 7, 59, tzinfo=UTC),
            datetime(2026, 10, 26, 8, 0, tzinfo=UTC),
        ),
        # After the March change (+02:00) nine is 07:00 UTC. Monday 29 March 2027 is Easter
        # Monday (no reminders, see below), so the first working day is Tuesday.
        (
            date(2027, 3, 30),
            datetime(2027, 3, 30, 6, 59, tzinfo=UTC),
            datetime(2027, 3, 30, 7, 0, tzinfo=UTC),
        ),
    ],
)
def test_reminders_in_daylight_saving_weeks_start_at_nine_local(
    plans, schedulers, clock, slack: FakeSlack, store: Store, due, before, at
) -> None:
    plans("C1")
    with store.write() as tx:
        tx.followups.add(
            1, text="Check the lamps", assignee="UERIK", assigned_by="UANNA", due_date=due
        )
    s = schedulers()
    clock.now = before
    assert s.run_reminders("Europe/Stockholm") == 0
    clock.now = at
    assert s.run_reminders("Europe/Stockholm") == 1
    assert sorted(dms(slack)) == ["UERIK"]
