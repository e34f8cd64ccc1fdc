"""The tertial reminders (issue 15, part 4): on 30 April, 31 August and 31 December each
coordinator gets one DM with a button that makes the tertial report, exactly once, against
the fake Slack with the real APScheduler and an injected clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from slack_sdk import WebClient

import schedules.direct_messages as direct_messages
from blocks import ids
from samverkan.report.reminder import report_from_button
from samverkan.service import Context, Samverkan
from schedules import Scheduler
from storage import Store
from tests.support.fake_slack import FakeSlack
from tests.test_schedules import local, serve_history

LAST_OF_AUGUST = local(2026, 8, 31, 9)


@pytest.fixture
def slack(fake_slack: FakeSlack) -> FakeSlack:
    serve_history(fake_slack)
    return fake_slack


@pytest.fixture
def schedulers(app: Samverkan, fake_slack: FakeSlack, clock) -> Iterator[Callable[..., Scheduler]]:
    made: list[Scheduler] = []
    client = WebClient(token="xoxb-test", base_url=fake_slack.base_url)

    def make(paused: bool = True) -> Scheduler:
        s = Scheduler(app, client, clock=clock)
        made.append(s)
        assert s.start(paused=paused)
        return s

    yield make
    for s in made:
        s.shutdown(wait=False)


@pytest.fixture
def plan(run: Callable, clock) -> None:
    """Plan 1: UANNA and UOMAR coordinate, UERIK is a member."""
    clock.now = local(2026, 8, 3, 9)
    for text in (
        "setup Trygg",
        "org add Polisen police",
        "member <@UANNA> Polisen coordinator",
        "member <@UOMAR> Polisen coordinator",
        "member <@UERIK> Polisen",
    ):
        assert run("UANNA", text).ok, text


def posts(fake: FakeSlack) -> list:
    return [
        c
        for c in fake.calls("chat.postMessage")
        if c.ok
        and ((c.params.get("blocks") or [{}])[0].get("block_id") or "").startswith(
            ids.REPORT_BLOCK_PREFIX
        )
    ]


def rows(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT user_id, period, state, attempts, channel_id FROM report_deliveries "
            "ORDER BY user_id"
        ).fetchall()
    finally:
        conn.close()


def test_each_coordinator_gets_one_reminder_with_a_button(plan, schedulers, clock, slack, store):
    s = schedulers()
    job = s.scheduler.get_job("report-reminders:Europe/Stockholm")
    assert str(job.trigger) == "cron[month='4,8,12', day='last', hour='9', minute='0']"
    assert job.trigger.get_next_fire_time(None, clock.now) == LAST_OF_AUGUST
    clock.now = LAST_OF_AUGUST - timedelta(minutes=1)
    assert s.report_reminders.run() == {}
    clock.now = LAST_OF_AUGUST
    assert s.report_reminders.run() == {"sent": 2}
    sent = posts(slack)
    assert sorted(p.params["channel"] for p in sent) == ["UANNA", "UOMAR"]
    first = sent[0].params
    assert first["text"].startswith(
        "📊 Tertial 2 of 2026 ends today. The follow-up report of *Trygg*"
    )
    (button,) = first["blocks"][1]["elements"]
    assert (button["action_id"], button["value"], button["text"]["text"]) == (
        ids.REPORT_TERTIAL,
        "1:2026-T2",
        "Make the tertial report",
    )
    assert rows(store) == [
        ("UANNA", "2026-T2", "sent", 1, "DUANNA"),
        ("UOMAR", "2026-T2", "sent", 1, "DUOMAR"),
    ]
    # The cron job, a catch-up, a second start: nothing more.
    assert s.report_reminders.run() == {}
    s.catch_up()
    assert len(posts(slack)) == 2


@pytest.mark.parametrize(
    ("moment", "period"),
    [
        (local(2026, 4, 30, 9), "2026-T1"),
        (local(2026, 8, 31, 23, 59), "2026-T2"),
        (local(2026, 12, 31, 12), "2026-T3"),
    ],
)
def test_the_three_tertials(plan, schedulers, clock, slack, store, moment, period) -> None:
    clock.now = moment
    s = schedulers()
    assert s.report_reminders.run() == {"sent": 2}
    assert {r[1] for r in rows(store)} == {period}


@pytest.mark.parametrize(
    "moment",
    [
        local(2026, 8, 30, 12),
        local(2026, 9, 1, 9),
        local(2026, 8, 31, 8, 59),
        local(2026, 6, 30, 9),
    ],
)
def test_no_reminder_on_other_days(plan, schedulers, clock, slack, moment) -> None:
    clock.now = moment
    s = schedulers()
    s.catch_up()
    assert s.report_reminders.run() == {}
    assert posts(slack) == []


def test_two_start_ups_on_the_day_remind_once(plan, schedulers, clock, slack) -> None:
    clock.now = LAST_OF_AUGUST + timedelta(hours=3)  # the bot was down at 09:00
    first = schedulers()
    first.catch_up()
    first.shutdown()
    clock.now = LAST_OF_AUGUST + timedelta(hours=4)
    second = schedulers(paused=False)
    assert second.caught_up.wait(10)
    second.report_reminders.run()
    assert len(posts(slack)) == 2


def test_a_crash_between_slack_s_answer_and_the_record_never_reminds_twice(
    plan, schedulers, clock, slack, store, monkeypatch
) -> None:
    clock.now = LAST_OF_AUGUST
    first = schedulers()

    def crash(*args, **kwargs):
        raise SystemExit("killed after chat.postMessage")

    monkeypatch.setattr(direct_messages, "record_sent", crash)
    with pytest.raises(SystemExit):
        first.report_reminders.run("Europe/Stockholm")
    monkeypatch.undo()
    first.shutdown()
    assert len(posts(slack)) == 1
    assert [r[2] for r in rows(store)] == ["sending", "sending"]
    clock.now = LAST_OF_AUGUST + timedelta(minutes=3)
    second = schedulers()
    assert second.report_reminders.run() == {"retry": 2}
    assert second.scheduler.get_job("report-reminders-retry:1") is not None
    clock.now = LAST_OF_AUGUST + timedelta(minutes=11)
    assert second.report_reminders.run() == {"sent": 2}
    assert sorted(p.params["channel"] for p in posts(slack)) == ["UANNA", "UOMAR"]
    assert [r[2:4] for r in rows(store)] == [("sent", 2), ("sent", 2)]


def test_slack_s_refusal_fails_one_coordinator_and_a_5xx_is_retried(
    plan, schedulers, clock, slack, store
) -> None:
    clock.now = LAST_OF_AUGUST
    s = schedulers()
    slack.fail("chat.postMessage", error="internal_error", times=1)
    assert s.report_reminders.run() == {"retry": 1, "sent": 1}
    clock.now = LAST_OF_AUGUST + timedelta(minutes=15)
    assert s.report_reminders.run() == {"sent": 1}
    assert [r[2] for r in rows(store)] == ["sent", "sent"]
    assert sorted(p.params["channel"] for p in posts(slack)) == ["UANNA", "UOMAR"]


def test_an_archived_plan_gets_no_reminder(plan, run, schedulers, clock, slack) -> None:
    assert run("UANNA", "plan archive").ok
    clock.now = LAST_OF_AUGUST
    s = schedulers()
    assert s.report_reminders.run() == {}


def test_the_button_makes_the_tertial_report_for_a_coordinator_only(plan, app, run, clock) -> None:
    clock.now = LAST_OF_AUGUST
    assert run("UERIK", "log Walked participants 4 hours 2").ok
    reply = report_from_button(app, Context("T1", "DUANNA", "UANNA"), "1:2026-T2")
    assert reply.ok
    assert [f.name for f in reply.files] == [
        "Trygg — follow-up tertial 2 2026.docx",
        "Trygg — follow-up tertial 2 2026.xlsx",
    ]
    assert "• Production: 1 entry, 4 participants, 2 h." in reply.text
    refused = report_from_button(app, Context("T1", "DUERIK", "UERIK"), "1:2026-T2")
    assert not refused.ok and not refused.files
    for stale in ("9:2026-T2", "1:2026-T4", "x", ""):
        assert not report_from_button(app, Context("T1", "DUANNA", "UANNA"), stale).ok
    assert not report_from_button(app, Context("T2", "DUANNA", "UANNA"), "1:2026-T2").ok
