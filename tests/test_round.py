"""The weekly round (DESIGN §9): one direct message per plan, ISO week and member, exactly once,
against the fake Slack with an injected clock; and `round <weekday> <HH:MM>` / `round off`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from slack_sdk import WebClient

import schedules.direct_messages as direct_messages
from blocks import ids
from samverkan.home import home
from samverkan.round import answer_nothing
from samverkan.service import Context, Samverkan
from schedules import Scheduler
from storage import Store
from tests.support.fake_slack import FakeSlack
from tests.test_schedules import local, serve_history
from tests.test_service import mrkdwn

THURSDAY = local(2026, 11, 26, 12)  # the default round moment of ISO week 2026-W48


@pytest.fixture
def slack(fake_slack: FakeSlack) -> FakeSlack:
    serve_history(fake_slack)
    return fake_slack


@pytest.fixture
def schedulers(app: Samverkan, fake_slack: FakeSlack, clock) -> Iterator[Callable[..., Scheduler]]:
    """Make schedulers on the test database (shut down after the test)."""
    made: list[Scheduler] = []
    client = WebClient(token="xoxb-test", base_url=fake_slack.base_url)

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


def leave(store: Store, user: str) -> None:
    """Take a member out of the plan (straight in the file: `member … remove` is another issue)."""
    conn = sqlite3.connect(store.path)
    try:
        conn.execute("DELETE FROM members WHERE user_id = ?", (user,))
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def plan(run: Callable, clock) -> None:
    """Plan 1 in C1, set up on Monday 23 Nov: UANNA coordinates (Polisen), UERIK and UMATS."""
    clock.now = local(2026, 11, 23, 9)
    for text in (
        "setup Trygg",
        "org add Polisen police",
        "org add Bostäder housing",
        "member <@UANNA> Polisen coordinator",
        "member <@UERIK> Polisen",
        "member <@UMATS> Bostäder",
    ):
        assert run("UANNA", text).ok, text


def round_posts(fake: FakeSlack) -> list:
    return [
        c
        for c in fake.calls("chat.postMessage")
        if c.ok
        and ((c.params.get("blocks") or [{}])[0].get("block_id") or "").startswith(
            ids.ROUND_BLOCK_PREFIX
        )
    ]


def rows(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT user_id, iso_year, iso_week, state, attempts, channel_id, error "
            "FROM round_deliveries ORDER BY user_id"
        ).fetchall()
    finally:
        conn.close()


def test_each_member_gets_one_message_with_two_buttons(plan, schedulers, clock, slack, store):
    s = schedulers()
    assert {j.id for j in s.scheduler.get_jobs()} >= {"round:1"}
    clock.now = THURSDAY - timedelta(minutes=1)
    assert s.rounds.run(1) == {}  # not yet
    clock.now = THURSDAY
    assert s.rounds.run(1) == {"sent": 3}
    posts = round_posts(slack)
    assert sorted(p.params["channel"] for p in posts) == ["UANNA", "UERIK", "UMATS"]
    first = posts[0].params
    assert first["blocks"][0]["block_id"] == f"{ids.ROUND_BLOCK_PREFIX}1_2026-W48_UANNA"
    assert "*Trygg*, week 48: what did your organisation see" in first["text"]
    buttons = first["blocks"][1]["elements"]
    assert [(b["action_id"], b["value"], b["text"]["text"]) for b in buttons] == [
        (ids.ROUND_REPORT, "1:2026-W48", "Report an observation"),
        (ids.ROUND_NOTHING, "1:2026-W48", "Nothing to report"),
    ]
    assert [r[:6] for r in rows(store)] == [
        ("UANNA", 2026, 48, "sent", 1, "DUANNA"),
        ("UERIK", 2026, 48, "sent", 1, "DUERIK"),
        ("UMATS", 2026, 48, "sent", 1, "DUMATS"),
    ]
    # The same week again (the cron job and a catch-up): nothing more.
    assert s.rounds.run(1) == {}
    s.catch_up()
    assert len(round_posts(slack)) == 3


def test_two_start_ups_after_the_moment_ask_once(plan, schedulers, clock, slack) -> None:
    clock.now = THURSDAY + timedelta(minutes=2)
    first = schedulers()
    first.catch_up()
    first.shutdown()
    clock.now = THURSDAY + timedelta(minutes=4)
    second = schedulers(paused=False)
    assert second.caught_up.wait(10)
    second.rounds.run(1)
    assert len(round_posts(slack)) == 3


def test_a_crash_between_slack_s_answer_and_the_record_never_asks_twice(
    plan, schedulers, clock, slack, store, monkeypatch
) -> None:
    clock.now = THURSDAY
    first = schedulers()

    def crash(*args, **kwargs):
        raise SystemExit("killed after chat.postMessage")

    monkeypatch.setattr(direct_messages, "record_sent", crash)
    with pytest.raises(SystemExit):
        first.rounds.run(1)
    monkeypatch.undo()
    first.shutdown()
    assert len(round_posts(slack)) == 1  # UANNA's went out, then the process died
    assert [r[3] for r in rows(store)] == ["sending"] * 3  # all three were claimed first
    # Restarted at once: the claims are too fresh to tell a dead run from one under way.
    clock.now = THURSDAY + timedelta(minutes=3)
    second = schedulers()
    assert second.rounds.run(1) == {"retry": 3}
    assert second.scheduler.get_job("round-retry:1") is not None
    assert slack.calls("conversations.history") == []
    clock.now = THURSDAY + timedelta(minutes=11)
    # Each DM is read first: UANNA's message is found and recorded, the others are posted.
    assert second.rounds.run(1) == {"sent": 3}
    assert sorted(p.params["channel"] for p in round_posts(slack)) == ["UANNA", "UERIK", "UMATS"]
    looked = sorted(c.params["channel"] for c in slack.calls("conversations.history"))
    assert looked == ["DUANNA", "DUERIK", "DUMATS"]
    assert [r[3:5] for r in rows(store)] == [("sent", 2), ("sent", 2), ("sent", 2)]
    assert second.rounds.run(1) == {}


def test_a_crash_before_the_post_posts_once_on_restart(plan, schedulers, clock, slack, store):
    clock.now = THURSDAY
    s = schedulers()
    with store.write() as tx:  # claimed, then the process died before calling Slack
        tx.rounds.claim(1, 2026, 48, "UERIK")
    clock.now = THURSDAY + timedelta(minutes=15)
    assert s.rounds.run(1) == {"sent": 3}
    assert sorted(p.params["channel"] for p in round_posts(slack)) == ["UANNA", "UERIK", "UMATS"]


def test_caught_up_after_downtime_within_the_week_but_not_the_next(
    plan, schedulers, clock, slack
) -> None:
    clock.now = local(2026, 11, 29, 20)  # Sunday evening, still week 48: the bot was down
    s = schedulers()
    s.catch_up()
    assert len(round_posts(slack)) == 3
    s.shutdown()
    clock.now = local(2026, 11, 30, 9)  # Monday of week 49: week 48 is over
    other = schedulers()
    other.catch_up()
    assert other.rounds.run(1) == {}
    assert len(round_posts(slack)) == 3


def test_a_round_missed_last_week_is_not_sent_in_the_next(plan, schedulers, clock, slack):
    clock.now = local(2026, 12, 1, 9)  # Tuesday of week 49; week 48's moment passed while down
    s = schedulers()
    s.catch_up()
    assert round_posts(slack) == []


def test_a_member_who_left_is_not_asked(plan, run, schedulers, clock, slack, store) -> None:
    leave(store, "UMATS")
    clock.now = THURSDAY
    s = schedulers()
    s.rounds.run(1)
    assert sorted(p.params["channel"] for p in round_posts(slack)) == ["UANNA", "UERIK"]


def test_a_member_who_left_after_a_failed_attempt_is_not_asked_again(
    plan, run, schedulers, clock, slack, store
) -> None:
    clock.now = THURSDAY
    s = schedulers()
    slack.fail("chat.postMessage", error="internal_error", times=1)
    assert s.rounds.run(1) == {"retry": 1, "sent": 2}  # UANNA's: Slack's answer unknown
    leave(store, "UANNA")
    clock.now = THURSDAY + timedelta(minutes=15)
    assert s.rounds.run(1) == {}
    assert [(r[0], r[3], r[6]) for r in rows(store)] == [
        ("UANNA", "failed", "not_a_member"),
        ("UERIK", "sent", None),
        ("UMATS", "sent", None),
    ]
    assert len(round_posts(slack)) == 2


def test_nothing_to_report_counts_the_organisation_and_updates_the_dm(
    plan, app, run, schedulers, clock, slack, store
) -> None:
    clock.now = THURSDAY
    s = schedulers()
    s.rounds.run(1)
    clock.now = THURSDAY + timedelta(hours=1)
    answer = answer_nothing(app, Context("T1", "DUMATS", "UMATS"), 1, (2026, 48))
    assert answer.ok
    assert answer.text == "Recorded for week 48: nothing to report (<@UMATS>)."
    assert answer.channel_id == "DUMATS" and answer.ts == round_posts(slack)[2].response["ts"]
    assert "✅ Answered: nothing to report. Thank you!" in answer.message.text
    body = mrkdwn(run("UERIK", "situation"))
    assert "*Reported:* Bostäder\n*Not reported:* Polisen" in body
    # Someone who is no member, or a week that is over, is refused.
    assert not answer_nothing(app, Context("T1", "DX", "UX"), 1, (2026, 48)).ok
    clock.now = local(2026, 11, 30, 9)
    assert not answer_nothing(app, Context("T1", "DUMATS", "UMATS"), 1, (2026, 48)).ok


def test_round_schedule_and_off_from_chat(plan, run, schedulers, clock, slack, store) -> None:
    s = schedulers()
    assert not run("UERIK", "round friday 09:00").ok
    reply = run("UANNA", "round friday 09:00")
    assert (
        reply.text
        == "🔔 Each week on Friday at 09:00 (Europe/Stockholm) every member is asked for observations."
    )
    job = s.scheduler.get_job("round:1")
    assert str(job.trigger) == "cron[day_of_week='fri', hour='9', minute='0']"
    assert run("UANNA", "omgång av").ok
    assert s.scheduler.get_job("round:1") is None
    clock.now = THURSDAY
    assert s.rounds.run(1) == {}
    assert "off" in run("UERIK", "round").text


def test_a_schedule_moved_into_the_past_this_week_goes_out_now_once(
    plan, run, schedulers, clock, slack
) -> None:
    clock.now = local(2026, 11, 24, 10)  # Tuesday, before Thursday's moment
    s = schedulers()
    assert run("UANNA", "round monday 09:00").ok  # this week's Monday has passed
    # Set after that moment: nothing was missed, nothing goes out this week.
    catch = s.scheduler.get_job("round-catch-up:1")
    assert catch is None
    assert s.rounds.run(1) == {}


def test_round_status_for_coordinators(plan, app, run, schedulers, clock, slack) -> None:
    clock.now = THURSDAY
    s = schedulers()
    s.rounds.run(1)
    answer_nothing(app, Context("T1", "DUMATS", "UMATS"), 1, (2026, 48))
    text = run("UANNA", "round").text
    assert "🔔 The round goes out on Thursday at 12:00 (Europe/Stockholm)." in text
    assert "Week 48: 3 asked. Answered: <@UMATS>. Not yet: <@UANNA>, <@UERIK>." in text


def test_app_home_shows_coordinators_the_week_s_round(plan, app, run, schedulers, clock, slack):
    def notes(user: str) -> list[str]:
        reply = home(app, Context("T1", "", user))
        return [i.text for i in reply.items if type(i).__name__ == "Note" and "ound" in i.text]

    clock.now = THURSDAY - timedelta(hours=1)
    assert notes("UANNA") == ["🔔 Round, week 48: not sent yet. Not reported: Bostäder, Polisen."]
    assert notes("UERIK") == []  # members do not see it
    clock.now = THURSDAY
    s = schedulers()
    s.rounds.run(1)
    answer_nothing(app, Context("T1", "DUMATS", "UMATS"), 1, (2026, 48))
    assert notes("UANNA") == ["🔔 Round, week 48: 1 of 3 answered. Not reported: Polisen."]
    assert run("UERIK", "observe graffiti Tags").ok
    assert notes("UANNA") == ["🔔 Round, week 48: 1 of 3 answered. Not reported: —."]
    assert run("UANNA", "round off").ok
    assert notes("UANNA")[0].startswith("🔕 Round, week 48: off.")
