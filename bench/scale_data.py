"""The scale benchmark's databases, built through the storage layer and cached in bench/.cache.

Every database holds PLANS plans in one workspace, with log entries spread evenly over them at
the same pace (ENTRIES_PER_DAY a plan, newest today), so a bigger database is a longer history,
not a busier week: 10,000 entries are a week of each plan, 1,000,000 about two years. Each plan
has seven organisations, twelve activities (A1 with a long audit trail), twenty follow-ups (half
done), and Swedish or English log text in which the words of `search belysning` are common in
their many forms. The 1 M database also has the digest plan: 300 activities and 2,000 entries
in the week.

A database is cached under a name of its size, its schema version and the day it was built
(its dates are relative to that day); `make bench-scale` builds what is missing.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from samverkan.digest import digest_period
from storage import Store
from storage.migrations import MIGRATIONS
from storage.repos.base import Repo
from storage.tx import Tx

CACHE = Path(__file__).resolve().parent / ".cache"
#: The version of what build() makes: a cached file of another version is built anew.
DATA = 5
TEAM = "T0SAMVERK"
USER = "U0COORD"
PLANS = 290
#: How many plans the benchmark's user coordinates (its `mine` spans them).
MY_PLANS = 3
ENTRIES_PER_DAY = 5
DIGEST_CHANNEL = "CDIGEST"
ORGS = [
    ("Polisen Järva", "police"),
    ("Stockholmshem", "housing"),
    ("Socialtjänsten", "social_services"),
    ("Husbyskolan", "school"),
    ("Fritidsgården", "other"),
    ("Brottsförebyggande rådet", "other"),
    ("Trafikkontoret", "municipality"),
]
SV = [
    "Trasig belysning vid gångtunneln",
    "Belysningen i parken byttes",
    "Belysningarna längs vägen är släckta",
    "Nattvandring kring torget med föräldrar",
    "Samtal med ungdomarna vid fritidsgården",
    "Klotter sanerat i gångtunnlarna",
    "Möte med skolan om tryggheten",
    "Ny belysning vid busshållplatsen",
    "Lamporna i trappuppgången lagade",
    "Trygghetsvandring med bostadsbolaget",
]
EN = [
    "Broken lighting in the underpass",
    "Walked the square with the parents",
    "Talked with the youths at the youth centre",
    "Graffiti cleaned in the underpasses",
    "Meeting with the school about safety",
    "New lamps at the bus stop, belysning checked",
    "Patrolled the park in the evening",
    "Safety walk with the housing company",
]


def channel(n: int) -> str:
    """The channel of plan n (plan 0 is the one the benchmark talks to)."""
    return f"C{n:04d}"


def cached(entries: int, today: date) -> Path:
    """The cached database of that size, built on `today` if it is not there yet."""
    CACHE.mkdir(exist_ok=True)
    version = MIGRATIONS[-1][0]
    path = CACHE / f"scale-{entries}-v{version}-d{DATA}-{today.isoformat()}.db"
    if not path.exists():
        for old in CACHE.glob(f"scale-{entries}-*.db*"):
            old.unlink()
        started = time.perf_counter()
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        build(tmp, entries, today)
        tmp.rename(path)
        print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def build(path: Path, entries: int, today: date) -> None:
    """Build a database of `entries` log entries over PLANS plans (plus the digest plan at 1 M)."""
    rnd = random.Random(entries)
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
    store = Store(path, clock=lambda: now)
    store.migrate()
    per_plan = entries // PLANS
    for n in range(PLANS):
        with store.write() as tx:
            _plan(tx, rnd, n, per_plan, today)
    if entries >= 1_000_000:
        with store.write() as tx:
            _digest_plan(tx, rnd, today)
    store.close()


def at(tx: Tx, day: date) -> None:
    """Let the unit of work's repositories stamp what they write on `day` (history is built
    as it would have been written, day by day, in one transaction)."""
    moment = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    tx.now = moment
    for repo in vars(tx).values():
        if isinstance(repo, Repo):
            repo.now = moment


def _plan(tx: Tx, rnd: random.Random, n: int, entries: int, today: date) -> None:
    lang = "sv" if n % 2 == 0 else "en"
    at(tx, today - timedelta(days=entries // ENTRIES_PER_DAY + 1))
    # The benchmark's user coordinates the first three plans; each other has its own.
    coordinator = USER if n < MY_PLANS else f"U{n:04d}C"
    plan = tx.plans.create(
        team_id=TEAM,
        channel_id=channel(n),
        name=f"Trygg i område {n}",
        language=lang,
        timezone="Europe/Stockholm",
        created_by=coordinator,
    )
    orgs = [tx.organisations.add(plan.id, name, kind) for name, kind in ORGS]
    tx.members.set(plan.id, coordinator, orgs[0].id, "coordinator")
    people = [f"U{n:04d}P{k}" for k in range(6)]
    for k, person in enumerate(people):
        tx.members.set(plan.id, person, orgs[k % len(orgs)].id, "member")
    acts = [
        tx.activities.add(
            plan.id,
            title=f"Insats {k}: " + rnd.choice(SV if lang == "sv" else EN),
            created_by=USER,
            owner_org_id=orgs[k % len(orgs)].id,
            status="active" if k % 3 else "planned",
            due_date=today + timedelta(days=30 * (k - 3)),
        )
        for k in range(12)
    ]
    for k in range(45):  # a long trail for `history A1`
        rag = ("green", "amber", "red")[k % 3]
        before = acts[0].rag
        acts[0] = tx.activities.update(acts[0].id, rag=rag)
        _audit(tx, plan.id, "activity", "A1", "updated", {"rag": before}, {"rag": rag})
    at(tx, today - timedelta(days=1))
    for k in range(20):
        f = tx.followups.add(
            plan.id,
            text=rnd.choice(SV if lang == "sv" else EN),
            assignee=coordinator if k % 4 == 0 else people[k % len(people)],
            assigned_by=USER,
            due_date=today + timedelta(days=k - 10),
            activity_id=acts[k % len(acts)].id,
        )
        if k % 2:
            tx.followups.update(f.id, status="done", done_by=USER, done_at=tx.now)
    _logs(tx, rnd, plan.id, acts, orgs, people, entries, today, lang)


def _logs(tx, rnd, plan_id, acts, orgs, people, entries, today, lang, per_day=ENTRIES_PER_DAY):
    texts = SV if lang == "sv" else EN
    for i in range(entries):
        act = rnd.choice(acts) if rnd.random() < 0.9 else None
        person = rnd.randrange(len(people))
        day = today - timedelta(days=(entries - 1 - i) // per_day)
        if day != tx.now.date():
            at(tx, day)
        e = tx.logs.add(
            plan_id,
            text=f"{rnd.choice(texts)} ({i})",
            user_id=people[person],
            happened_on=day,
            source="command",
            activity_id=act.id if act else None,
            organisation_id=orgs[person % len(orgs)].id,
        )
        _audit(tx, plan_id, "log", e.ref, "created", None, {"text": e.text})
        if act is not None:
            _audit(tx, plan_id, "activity", act.ref, "logged", None, {"log": e.ref})


def _digest_plan(tx: Tx, rnd: random.Random, today: date) -> None:
    at(tx, today - timedelta(days=30))
    plan = tx.plans.create(
        team_id=TEAM,
        channel_id=DIGEST_CHANNEL,
        name="Stora planen",
        language="sv",
        timezone="Europe/Stockholm",
        created_by=USER,
    )
    orgs = [tx.organisations.add(plan.id, name, kind) for name, kind in ORGS]
    tx.members.set(plan.id, USER, orgs[0].id, "coordinator")
    people = [f"UDIG{k}" for k in range(20)]
    acts = [
        tx.activities.add(
            plan.id,
            title=f"Aktivitet {k}",
            created_by=USER,
            owner_org_id=orgs[k % len(orgs)].id,
            status=("active", "planned", "done", "paused")[k % 4],
            rag=("green", "amber", "red", None)[k % 4],
        )
        for k in range(300)
    ]
    at(tx, today - timedelta(days=1))
    for k in range(400):
        f = tx.followups.add(
            plan.id,
            text=f"Uppföljning {k}",
            assignee=people[k % len(people)],
            assigned_by=USER,
            due_date=today + timedelta(days=k % 21 - 10),
            activity_id=acts[k % len(acts)].id,
        )
        if k % 2:
            tx.followups.update(f.id, status="done", done_by=USER, done_at=tx.now)
    start, end = digest_period(plan, today)  # the week the digest reports, all 2,000 in it
    per_day = -(-2000 // ((end - start).days + 1))
    _logs(tx, rnd, plan.id, acts, orgs, people, 2000, end, "sv", per_day=per_day)


def _audit(tx: Tx, plan_id: int, entity: str, ref: str, action: str, before, after) -> None:
    tx.audit.record(
        team_id=TEAM,
        plan_id=plan_id,
        user_id=USER,
        entity=entity,
        ref=ref,
        action=action,
        before=before,
        after=after,
    )


def settle(path: Path, now: datetime) -> None:
    """Mark what the scheduler would already have sent by `now` as sent (this week's digests,
    today's reminders), so a benchmark measures a bot at work, not its catch-up after downtime."""
    from samverkan.dates import iso_week
    from samverkan.timing import digest_due_in_week

    store = Store(path, clock=lambda: now)
    with store.write() as tx:
        for plan in tx.plans.all():
            due = digest_due_in_week(plan, now)
            if due is not None and due <= now:
                year, week = iso_week(due.date())
                if tx.digests.claim(plan.id, year, week, plan.channel_id):
                    row = tx.digests.get(plan.id, year, week)
                    assert row is not None
                    tx.digests.update(row.id, state="sent", message_ts="1.0", sent_at=now)
            ids = [f.id for f in tx.followups.of_plan(plan.id, "open")]
            tx.followups.mark_reminded(ids, now.date())
    store.close()
