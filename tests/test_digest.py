"""The weekly digest: what falls in it, how it reads, and that it fits in one Slack message."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from blocks.kit import message_payload
from blocks.text import render as render_text
from samverkan.digest import build_digest, digest_period, select
from samverkan.reply import Fields, FollowUpCard, Header, Note, Reply, Section
from storage import Plan, Store
from tests.support.cldr import babel_range
from tests.support.fake_slack import message_problems

STHLM = ZoneInfo("Europe/Stockholm")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """A Stockholm wall-clock moment."""
    return datetime(y, m, d, hh, mm, tzinfo=STHLM)


def text_of(reply: Reply) -> str:
    """All the mrkdwn and plain text of a reply, one item per line."""
    out: list[str] = []
    for item in reply.items:
        if isinstance(item, Header | Section | Note | FollowUpCard):
            out.append(item.text)
        elif isinstance(item, Fields):
            out.extend(item.pairs)
    return "\n".join(out)


@pytest.fixture
def plan(run: Callable, clock, store: Store) -> Plan:
    """Trygg i Järva in T1/C1 (digest Mondays 08:00), set up on Monday 2 Nov 2026."""
    clock.now = local(2026, 11, 2, 9)
    for text in (
        "setup Trygg i Järva",
        "org add Polisen Järva police",
        "org add Stockholmshem housing",
        "member <@erik> Polisen Järva",
        "member <@mats> Stockholmshem",
        "activity add Night walks owner Polisen Järva",
        "activity add Lighting in the tunnel owner Stockholmshem",
    ):
        reply = run("anna", text)
        assert reply.ok, reply.text
    with store.read() as tx:
        found = tx.plans.by_channel("T1", "C1")
    assert found is not None
    return found


def fresh(store: Store, plan: Plan) -> Plan:
    with store.read() as tx:
        p = tx.plans.get(plan.id)
    assert p is not None
    return p


def digest(store: Store, plan: Plan, now: datetime, **kw) -> Reply:
    with store.read() as tx:
        return build_digest(tx, fresh(store, plan), now, "/samverkan", **kw)


def data(store: Store, plan: Plan, now: datetime, period_of: datetime | None = None):
    with store.read() as tx:
        return select(tx, fresh(store, plan), now, period_of)


# -- which days a digest covers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "day", "start", "end"),
    [
        # Monday digest on Monday: the ISO week that just ended.
        (0, date(2026, 11, 30), date(2026, 11, 23), date(2026, 11, 29)),
        # ... on Wednesday (a preview): this week so far.
        (0, date(2026, 11, 25), date(2026, 11, 23), date(2026, 11, 25)),
        # ... on Sunday: the whole week in progress.
        (0, date(2026, 11, 29), date(2026, 11, 23), date(2026, 11, 29)),
        # Across the year: ISO week 2026-W53 is reported on Monday 4 January 2027.
        (0, date(2027, 1, 4), date(2026, 12, 28), date(2027, 1, 3)),
        (0, date(2026, 12, 28), date(2026, 12, 21), date(2026, 12, 27)),
        # A Thursday digest reports Thursday to Wednesday.
        (3, date(2026, 12, 31), date(2026, 12, 24), date(2026, 12, 30)),
        (3, date(2027, 1, 7), date(2026, 12, 31), date(2027, 1, 6)),
        (3, date(2027, 1, 5), date(2026, 12, 31), date(2027, 1, 5)),
        # Digest off: as if Monday.
        (None, date(2027, 1, 4), date(2026, 12, 28), date(2027, 1, 3)),
    ],
)
def test_the_period_is_the_days_since_the_last_digest_day(
    plan: Plan, weekday: int | None, day: date, start: date, end: date
) -> None:
    from dataclasses import replace

    assert digest_period(replace(plan, digest_weekday=weekday), day) == (start, end)


def test_a_monday_digest_at_the_turn_of_the_year_reports_iso_week_53(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2027, 1, 4, 7, 30)
    for day in ("2026-12-27", "2026-12-28", "2027-01-03", "2027-01-04"):
        assert run("erik", f"log A1 Walked on {day} on {day}").ok
    clock.now = local(2027, 1, 4, 8, 0)
    reply = digest(store, plan, clock.now)
    header = reply.items[0]
    assert isinstance(header, Header)
    assert header.text == "📋 Trygg i Järva — week 53"
    assert "28 Dec 2026 – 3 Jan 2027" in text_of(reply)
    body = text_of(reply)
    assert "Walked on 2026-12-28" in body and "Walked on 2027-01-03" in body
    # The Sunday before belongs to week 52; Monday's own entries to the next digest.
    assert "2026-12-27" not in body and "2027-01-04" not in body
    assert "1 entry logged" not in reply.text and "2 entries logged" in reply.text

    # A week later it reports ISO week 1 of 2027.
    clock.now = local(2027, 1, 11, 8)
    assert digest(store, plan, clock.now).items[0] == Header("📋 Trygg i Järva — week 1")


def test_a_thursday_digest_across_the_year_names_both_weeks(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 12, 1, 9)
    assert run("anna", "digest schedule thursday 10:00").ok
    assert run("anna", "settings language sv").ok
    clock.now = local(2027, 1, 7, 10)
    reply = digest(store, plan, clock.now)
    assert reply.items[0] == Header("📋 Trygg i Järva — veckorna 53–1")
    assert babel_range("sv", date(2026, 12, 31), date(2027, 1, 6)) in text_of(reply)


def test_a_caught_up_digest_reports_the_week_of_its_scheduled_moment(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 12, 1, 11)  # Tuesday
    assert run("erik", "log A1 Sunday walk on 2026-11-29").ok
    assert run("erik", "log A1 Tuesday walk").ok
    with store.read() as tx:
        late = select(tx, fresh(store, plan), clock.now, period_of=local(2026, 11, 30, 8))
        assert (late.start, late.end) == (date(2026, 11, 23), date(2026, 11, 29))
        (group,) = late.log.summary.groups
        assert [e.text for e in late.log.entries(group, 0, 10)] == ["Sunday walk"]
    assert late.today == date(2026, 12, 1)


# -- what falls in it ------------------------------------------------------------------------


def test_follow_ups_overdue_due_soon_completed_and_long_overdue(
    clock, store: Store, plan: Plan
) -> None:
    now = local(2026, 11, 30, 8)  # Monday; the period is 23–29 Nov
    clock.now = now
    due = {
        "one day late": date(2026, 11, 29),
        "a week late": date(2026, 11, 23),
        "eight days late": date(2026, 11, 22),
        "due today": date(2026, 11, 30),
        "due sunday": date(2026, 12, 6),
        "due in a week": date(2026, 12, 7),
        "no date": None,
    }
    with store.write() as tx:
        ids = {
            text: tx.followups.add(
                plan.id, text=text, assignee="erik", assigned_by="anna", due_date=d
            ).id
            for text, d in due.items()
        }
        for text, done_at in (
            ("done sunday night", local(2026, 11, 29, 23, 30)),
            ("done this morning", local(2026, 11, 30, 7, 0)),
            ("done the week before", local(2026, 11, 22, 23, 59)),
        ):
            f = tx.followups.add(
                plan.id, text=text, assignee="mats", assigned_by="anna", due_date=None
            )
            tx.followups.update(f.id, status="done", done_by="mats", done_at=done_at)
        cancelled = tx.followups.add(
            plan.id, text="cancelled", assignee="mats", assigned_by="anna", due_date=None
        )
        tx.followups.update(cancelled.id, status="cancelled", done_at=local(2026, 11, 25))
    d = data(store, plan, now)
    assert [f.text for f in d.overdue] == ["a week late", "one day late"]
    assert [f.text for f in d.long_overdue] == ["eight days late"]
    assert [f.text for f in d.due_soon] == ["due today", "due sunday"]
    assert [f.text for f in d.completed] == ["done sunday night"]

    body = text_of(digest(store, plan, now))
    assert "⏰ *F2* a week late — <@erik>, 7 d late" in body
    assert "⏰ *F1* one day late — <@erik>, 1 d late" in body
    assert "📅 *F4* due today — <@erik>, today" in body
    assert "📅 *F5* due sunday — <@erik>, 6 Dec" in body
    assert "due in a week" not in body and "no date" not in body
    assert "✅ *F8* done sunday night — <@mats>" in body
    # Overdue by more than a week: under "needs attention", with who assigned it.
    assert "🚨 *F3* eight days late — <@erik>, 8 d late, assigned by <@anna>" in body
    assert "1 more overdue by over a week: under Needs attention." in body
    assert ids  # all created
    # Overdue and due-soon follow-ups can be acted on in the message: one line and a menu each.
    cards = [i for i in digest(store, plan, now).items if isinstance(i, FollowUpCard)]
    assert [(c.ref, c.compact, c.can_act) for c in cards] == [
        ("F2", True, True),
        ("F1", True, True),
        ("F4", True, True),
        ("F5", True, True),
    ]
    blocks = message_payload(digest(store, plan, now))["blocks"]
    menus = [b for b in blocks if b.get("accessory", {}).get("type") == "overflow"]
    assert [b["block_id"] for b in menus] == [f"followup_{plan.id}_F{n}" for n in (2, 1, 4, 5)]
    assert [o["value"] for o in menus[0]["accessory"]["options"]] == [
        f"{plan.id}:F2:done",
        f"{plan.id}:F2:day",
        f"{plan.id}:F2:week",
    ]
    assert menus[0]["accessory"]["action_id"] == "followup_menu"
    assert menus[0]["text"]["text"] == "⏰ *F2* a week late — <@erik>, 7 d late"


def test_attention_red_past_due_and_quiet_for_four_weeks(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 11, 2, 10)
    for text in (
        "activity add Quiet one",  # A3: active, last logged 29 days ago
        "activity add Just logged",  # A4: active, logged exactly 28 days ago
        "activity add Never logged",  # A5: active since 2 Nov, nothing logged
        "activity add Still planned",  # A6: planned: not quiet
        "activity add Red one",  # A7: red and quiet: listed once, as red
        "activity add Late one due 2026-11-20",  # A8: past due
        "activity add Late but done due 2026-11-20",  # A9: done: not late
    ):
        assert run("anna", text).ok
    for ref in ("A3", "A4", "A5", "A7", "A8"):
        assert run("anna", f"activity {ref} status active").ok
    assert run("anna", "activity A7 rag red").ok
    assert run("anna", "activity A9 status done").ok
    clock.now = local(2026, 11, 30, 8)
    assert run("erik", "log A3 Something on 2026-11-01").ok  # 29 days before
    assert run("erik", "log A4 Something on 2026-11-02").ok  # 28 days before
    d = data(store, plan, clock.now)
    assert [a.ref for a in d.red] == ["A7"]
    assert [a.ref for a in d.late] == ["A8"]
    assert [a.ref for a in d.quiet] == ["A3"]
    # A day later A4 is quiet too, and A5, active since 2 Nov with nothing logged.
    later = data(store, plan, local(2026, 12, 1, 8))
    assert [a.ref for a in later.quiet] == ["A3", "A4", "A5"]
    body = text_of(digest(store, plan, local(2026, 12, 1, 8)))
    assert "🔴 *A7* Red one: assessed red" in body
    assert "⏰ *A8* Late one: past due (20 Nov)" in body
    assert "💤 *A3* Quiet one: nothing logged for 4 weeks (last 1 Nov)" in body
    assert "💤 *A5* Never logged: active for 4 weeks, nothing logged yet" in body
    assert "A9" not in body.split("Needs attention")[1]


def test_what_changed_comes_from_the_audit_trail_of_the_period(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 11, 20, 10)
    assert run("anna", "activity A2 rag green").ok  # before the period
    clock.now = local(2026, 11, 24, 10)
    assert run("anna", "activity A1 status active").ok
    assert run("anna", "activity A2 rag amber").ok
    assert run("anna", "activity A2 rag green").ok  # and back: no net change
    assert run("anna", "activity add New walk").ok  # A3
    assert run("anna", "activity A3 status active").ok
    clock.now = local(2026, 11, 29, 23, 30)
    assert run("anna", "activity A1 rag red").ok
    clock.now = local(2026, 11, 30, 7)
    assert run("anna", "activity A1 status paused").ok  # after the period
    d = data(store, plan, local(2026, 11, 30, 8))
    assert [(c.ref, c.field, c.old, c.new) for c in d.changes] == [
        ("A1", "rag", None, "red"),
        ("A1", "status", "planned", "active"),
    ]
    assert [a.ref for a in d.new] == ["A3"]
    body = text_of(digest(store, plan, local(2026, 11, 30, 8)))
    assert "🆕 *A3* New walk: new (active, not assessed)" in body
    assert "🔴 *A1* Night walks: assessment not assessed → *red*" in body
    assert "🔵 *A1* Night walks: status planned → *active*" in body
    assert "A2" not in body.split("Logged this week")[0]


def test_the_log_is_grouped_by_activity_with_its_organisations(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 11, 27, 12)
    for user, text in (
        ("erik", "log A1 Walk one on 2026-11-23"),
        ("mats", "log A1 Walk two on 2026-11-24"),
        ("erik", "log A1 Walk three on 2026-11-25"),
        ("erik", "log A1 Walk four on 2026-11-26"),
        ("mats", "log A2 Lamp fixed on 2026-11-26"),
        ("erik", "log Met the youth council on 2026-11-27"),
    ):
        assert run(user, text).ok
    body = text_of(digest(store, plan, local(2026, 11, 30, 8)))
    assert "*Logged this week* — 6 entries from 2 organisations" in body
    assert "*A1* Night walks — 4 entries (Polisen Järva 3, Stockholmshem 1)" in body
    # Every entry of the week while the message has room: all four, newest first, no pointer.
    walks = [line for line in body.splitlines() if line.startswith("    • ") and "Walk" in line]
    assert walks == [
        "    • 26 Nov Polisen Järva: Walk four",
        "    • 25 Nov Polisen Järva: Walk three",
        "    • 24 Nov Stockholmshem: Walk two",
        "    • 23 Nov Polisen Järva: Walk one",
    ]
    assert "more" not in body.split("Logged this week")[1].split("Follow-ups")[0]
    assert "*A2* Lighting in the tunnel — 1 entry" in body
    assert "*Not tied to an activity* — 1 entry" in body
    # The busiest activity first, the loose entries last.
    assert body.index("*A1*") < body.index("*A2* Lighting") < body.index("Not tied")


def test_an_empty_week_still_reads_well(clock, store: Store, plan: Plan) -> None:
    body = text_of(digest(store, plan, local(2026, 11, 9, 8)))
    assert "Nothing was logged." in body
    assert "Nothing overdue, nothing due in the next 7 days, nothing completed." in body
    assert "Nothing needs attention this week. 👍" in body
    assert "`/samverkan log [A#] <text>`" in body and "`/samverkan mine`" in body


def test_swedish_digest_and_escaped_user_text(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 11, 25, 12)
    assert run("anna", "settings language sv").ok
    assert run("erik", "log A1 <!channel> & <@U999> <https://evil|klicka>").ok
    reply = digest(store, plan, local(2026, 11, 30, 8))
    assert reply.items[0] == Header("📋 Trygg i Järva — vecka 48")
    body = text_of(reply)
    assert f"Veckobrev för {babel_range('sv', date(2026, 11, 23), date(2026, 11, 29))}" in body
    assert "*Loggat den här veckan* — 1 insats från 1 aktör" in body
    assert "&lt;!channel&gt; &amp; &lt;@U999&gt;" in body
    payload = json.dumps(message_payload(reply), ensure_ascii=False)
    for forbidden in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "<https://evil"):
        assert forbidden not in payload
    week = babel_range("sv", date(2026, 11, 23), date(2026, 11, 29))
    assert f"Trygg i Järva — vecka 48 ({week}): 1 insats loggad" in reply.text


# -- size --------------------------------------------------------------------------------------


LONG = "Lång text om vad som hände i området " * 40


def add_a_busy_week(tx, plan: Plan, acts: list, org_ids: list[int] | None = None) -> None:
    """2,000 long log entries in 23–29 Nov 2026 on 150 activities (every tenth on none)."""
    for n in range(2000):
        tx.logs.add(
            plan.id,
            text=f"{n} {LONG}",
            user_id=f"U{n % 40}",
            happened_on=date(2026, 11, 23) + timedelta(days=n % 7),
            source="command",
            activity_id=acts[n % 150].id if n % 10 else None,
            organisation_id=org_ids[n % 12] if org_ids else None,
        )


def log_text(reply: Reply, lang: str) -> str:
    """The digest's log part: the sections from its title to the next divider."""
    title = "*Logged this week*" if lang == "en" else "*Loggat den här veckan*"
    texts = [i.text if isinstance(i, Section) else None for i in reply.items]
    start = next(n for n, x in enumerate(texts) if x and x.startswith(title))
    end = texts.index(None, start)
    return "\n".join(x for x in texts[start:end] if x)


def add_observations(tx, plan: Plan, n: int = 500) -> None:
    """n observations in 23–29 Nov 2026 at 30 places, a third of them of high concern."""
    places = [tx.places.add(plan.id, f"Plats {k} " + "p" * 60).id for k in range(30)]
    for k in range(n):
        tx.observations.add(
            plan.id,
            happened_on=date(2026, 11, 23) + timedelta(days=k % 7),
            category=("graffiti", "fire", "drugs", "groups", "other")[k % 5],
            text=f"{k} {LONG}"[:2000],
            user_id=f"U{k % 40}",
            source="command",
            place_id=places[k % 30],
            concern=("low", "medium", "high")[k % 3],
        )


def test_a_huge_plan_stays_within_every_block_kit_limit(clock, store: Store, plan: Plan) -> None:
    clock.now = local(2026, 11, 2, 12)  # activities from before the period
    with store.write() as tx:
        org_ids = [
            tx.organisations.add(plan.id, f"Aktör {n} " + "x" * 60, "other").id for n in range(12)
        ]
        acts = [
            tx.activities.add(
                plan.id,
                title=f"Aktivitet {n} " + "t" * 190,
                created_by="anna",
                owner_org_id=org_ids[n % 12],
                due_date=date(2026, 11, 1) if n % 3 == 0 else None,
                status="active",
                rag=("red", "amber", "green")[n % 3],
                start_date=date(2026, 1, 1),
            )
            for n in range(300)
        ]
    clock.now = local(2026, 11, 25, 12)  # the audit events below fall in the period
    with store.write() as tx:
        add_a_busy_week(tx, plan, acts, org_ids)
        add_observations(tx, plan)
        for n in range(400):
            tx.followups.add(
                plan.id,
                text=f"{n} {LONG}"[:2000],
                assignee=f"U{n % 40}",
                assigned_by="anna",
                due_date=date(2026, 11, 10) + timedelta(days=n % 30),
            )
        for a in acts[:200]:
            tx.activities.update(a.id, rag="red")
            tx.audit.record(
                team_id="T1",
                plan_id=plan.id,
                user_id="anna",
                entity="activity",
                ref=a.ref,
                action="updated",
                before={"rag": "green"},
                after={"rag": "red"},
            )
    clock.now = local(2026, 11, 30, 8)
    for lang in ("en", "sv"):
        with store.write() as tx:
            tx.plans.update(plan.id, language=lang, name="P" * 100, area="Å" * 300)
        reply = digest(store, plan, clock.now)
        payload = message_payload(reply)
        assert message_problems(payload) == []
        assert len(payload["blocks"]) <= 40  # nothing was cut: it fits on its own
        sections = [b for b in payload["blocks"] if b["type"] == "section" and "text" in b]
        assert all(len(b["text"]["text"]) <= 3000 for b in sections)
        assert len(payload["text"]) <= 4000
        body = text_of(reply)
        assert ("…and 192 more" if lang == "en" else "…och 192 till") in body  # 200 changes
        # The log fills the room the message has; every entry is listed or counted in an
        # "…and N more" that names the command that lists it.
        log = log_text(reply, lang)
        listed = log.count("\n    • ")
        more = r"…and (\d+) more" if lang == "en" else r"…och (\d+) till"
        counted = [int(n) for n in re.findall(more, log)]
        assert listed > 40 and listed + sum(counted) == 2000
        paging = r": `/samverkan (activity|aktivitet) A\d+ log`"
        listing = "activity list" if lang == "en" else "aktivitet lista"
        assert re.search(paging, log) and f": `/samverkan {listing}`" in log
        # The situation picture of the week it reports: 500 observations, counted.
        assert (
            "Observations this week: 500" if lang == "en" else "Händelser i veckan: 500"
        ) in body
        assert len(body) < 60_000


def test_500_follow_ups_get_ten_menus_and_the_digest_still_fits(
    clock, store: Store, plan: Plan
) -> None:
    """300 activities, 2,000 log entries and 500 open follow-ups: at most 10 follow-ups carry a
    menu, the rest are lines and "…and N more", and the message stays within 50 blocks."""
    clock.now = local(2026, 11, 2, 12)
    with store.write() as tx:
        acts = [
            tx.activities.add(plan.id, title=f"Aktivitet {n} " + "t" * 190, created_by="anna")
            for n in range(300)
        ]
    clock.now = local(2026, 11, 25, 12)
    with store.write() as tx:
        add_a_busy_week(tx, plan, acts)
        # Monday 30 Nov: 250 overdue by 1–5 days, 250 due within the week.
        for n in range(500):
            late = n < 250
            tx.followups.add(
                plan.id,
                text=f"{n} {LONG}"[:2000],
                assignee=f"U{n % 40}",
                assigned_by="anna",
                due_date=date(2026, 11, 25 + n % 5)
                if late
                else date(2026, 11, 30) + timedelta(n % 7),
            )
    clock.now = local(2026, 11, 30, 8)
    reply = digest(store, plan, clock.now)
    payload = message_payload(reply)
    assert message_problems(payload) == []
    blocks = payload["blocks"]
    assert len(blocks) <= 50
    assert "do not fit in one message" not in json.dumps(blocks)  # nothing was cut
    menus = [b for b in blocks if b.get("accessory", {}).get("type") == "overflow"]
    assert len(menus) == 10
    assert len({b["block_id"] for b in menus}) == 10
    # The 8 overdue listed first all get one, then 2 of the due-soon ones.
    body = text_of(reply)
    assert "…and 242 more: `/samverkan overdue`" in body
    assert "…and 242 more: `/samverkan mine`" in body
    cards = [i for i in reply.items if isinstance(i, FollowUpCard)]
    assert [c.text.split()[0] for c in cards] == ["⏰"] * 8 + ["📅"] * 2


# -- in the command set ------------------------------------------------------------------------


def test_digest_preview_is_private_and_reads_well_in_the_console(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    clock.now = local(2026, 11, 25, 12)
    assert run("erik", "log A1 Walked the centre").ok
    reply = run("erik", "digest preview")
    assert reply.ok and reply.visibility == "ephemeral"
    shown = render_text(reply)
    assert shown.splitlines()[:2] == [
        "📋 Trygg i Järva — week 48",
        "═" * len("📋 Trygg i Järva — week 48"),
    ]
    assert f"Weekly digest for {babel_range('en', date(2026, 11, 23), date(2026, 11, 25))}" in shown
    assert "A1 Night walks — 1 entry" in shown
    assert "• 25 Nov Polisen Järva: Walked the centre" in shown
    assert "*" not in shown.replace("`", "")  # no stray mrkdwn
    now_reply = run("anna", "digest now")
    assert now_reply.ok and now_reply.visibility == "channel"
    assert run("erik", "digest now").ok is False  # coordinators only


def test_the_utc_clock_and_plan_timezone_agree(clock, store: Store, plan: Plan) -> None:
    # 2026-11-29 23:30 UTC is already Monday 00:30 in Stockholm: Monday's period.
    d = data(store, plan, datetime(2026, 11, 29, 23, 30, tzinfo=UTC))
    assert (d.start, d.end, d.today) == (date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 30))


def test_the_digest_carries_the_situation_picture_of_the_week_it_reports(
    run: Callable, clock, store: Store, plan: Plan
) -> None:
    """The Monday digest: last week's observations, assessment and measures — that week's and
    earlier weeks' still open, whatever their due date (a due date weeks away included)."""
    clock.now = local(2026, 11, 18, 12)  # week 47
    assert run("erik", "measure Follow up the square <@mats> by 2026-12-31").ok  # F1, open
    assert run("erik", "measure Done already").ok  # F2, done below
    assert run("erik", "done F2").ok
    clock.now = local(2026, 11, 26, 12)  # week 48
    assert run("anna", "place add Torget").ok
    assert run("erik", "observe graffiti at Torget on monday evening concern high Tags").ok
    assert run("mats", "observe littering at Torget yesterday Bags").ok
    assert run("anna", "situation note Tags at the square; keep an eye on it").ok
    assert run("mats", "measure Remove the tags by 2027-01-15").ok  # F3, due in seven weeks
    clock.now = local(2026, 11, 30, 8)
    reply = digest(store, plan, clock.now)
    body = text_of(reply)
    assert "*Situation picture — Trygg i Järva, week 48, 23 – 29 Nov 2026*" in body
    assert "*Observations this week: 2*" in body
    assert "🔥 Torget (2) · high concern: 1" in body
    assert "*Reported:* Polisen Järva, Stockholmshem" in body
    assert "> Tags at the square; keep an eye on it" in body
    assert "⬜ `F1` Follow up the square — <@mats> · open · due 31 Dec · from week 47" in body
    assert "⬜ `F3` Remove the tags — <@mats> · open · due 15 Jan 2027" in body
    assert "F2" not in body
    # In the paper's order: activities, the picture, the log, follow-ups.
    assert body.index("Activities (2)") < body.index("Situation picture") < body.index("Logged")
    assert message_problems(message_payload(reply)) == []
