"""The digest's log part reads only what it shows (samverkan/digest_log.py): its counting and
grouping are in SQL, yet it says exactly what listing every entry of the week said."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.digest_log import ENTRY_PAGE, PeriodLog, _Budget, _entry, log_part
from samverkan.i18n import t
from samverkan.reply import Section
from samverkan.text import more_text
from storage import LogEntry, Plan, Store, Tx

START, END = date(2026, 11, 23), date(2026, 11, 29)
TODAY = date(2026, 11, 30)
ORGS = ["Polisen", "Stockholmshem", "Husbyskolan", "Socialtjänsten", "Fryshuset"]


def reference_log_part(d, logs: list[LogEntry], command: str, sections: int) -> list[Section]:
    """The log part as it was written first: every entry of the week read and grouped here."""
    lang = d.plan.language
    if not logs:
        return [
            Section(
                f"*{t(lang, 'digest.logged_title')}*\n" + t(lang, "digest.logged_none", cmd=command)
            )
        ]
    orgs = {e.organisation for e in logs if e.organisation}
    head = f"*{t(lang, 'digest.logged_title')}* — " + t(
        lang, "digest.logged_count", n=len(logs), orgs=len(orgs)
    )
    groups: dict[int | None, list[LogEntry]] = {}
    for e in logs:
        groups.setdefault(e.activity_id, []).append(e)
    order = sorted(
        groups,
        key=lambda k: (k is None, -len(groups[k]), int((groups[k][0].activity_ref or "A0")[1:])),
    )
    budget = _Budget(max(1, sections), head)
    for n, key in enumerate(order):
        entries = groups[key]
        heading = _reference_heading(d, key, entries)
        if not budget.fits(heading, 3 * 200):
            hidden = sum(len(groups[k]) for k in order[n:])
            budget.force(more_text(lang, hidden, command, "activity list"))
            break
        budget.add(heading)
        for shown, e in enumerate(entries):
            line = _entry(d, e)
            if not budget.fits(line, 400):
                more_cmd = (
                    f"activity {entries[0].activity_ref} log"
                    if key is not None
                    else "search <words>"
                )
                budget.force("    " + more_text(lang, len(entries) - shown, command, more_cmd))
                break
            budget.add(line)
    return budget.sections()


def _reference_heading(d, key: int | None, entries: list[LogEntry]) -> str:
    lang = d.plan.language
    first = entries[0]
    who = Counter(e.organisation for e in entries if e.organisation)
    count = t(lang, "digest.entries", n=len(entries))
    if len(who) > 1:
        orgs_part = ", ".join(f"{o} {n}" for o, n in who.most_common(4))
        count += f" ({orgs_part}{', …' if len(who) > 4 else ''})"
    name = (
        f"*{t(lang, 'digest.no_activity')}*"
        if key is None
        else (f"*{first.activity_ref}* {first.activity_title or ''}")
    )
    return f"{name} — {count}"


ENTRY = st.tuples(
    st.integers(0, 4),  # activity number, 0 for none
    st.integers(-1, len(ORGS) - 1),  # organisation, -1 for none
    st.booleans(),  # the organisation removed since (its name kept on the entry)
    st.integers(0, 6),  # day of the week
    st.integers(1, 700),  # text length
)


def new_plan(tx: Tx, channel: str, language: str) -> Plan:
    """A plan in T1 on `channel`."""
    return tx.plans.create(
        team_id="T1",
        channel_id=channel,
        name="Trygg i Järva",
        language=language,
        timezone="Europe/Stockholm",
        created_by="U1",
    )


@pytest.fixture(scope="module")
def week_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(Path(tmp_path_factory.mktemp("digest-log")) / "samverkan.db")
    store.migrate()
    return store


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(ENTRY, max_size=60),
    sections=st.integers(1, 8),
    language=st.sampled_from(["en", "sv"]),
)
def test_the_log_part_says_what_listing_every_entry_said(
    week_store: Store, entries: list[tuple[int, int, bool, int, int]], sections: int, language: str
) -> None:
    with week_store.write() as tx:
        plan = new_plan(tx, f"C{len(tx.plans.all())}", language)
        acts = [
            tx.activities.add(plan.id, title=f"Aktivitet {k}", created_by="U1") for k in range(4)
        ]
        orgs = [tx.organisations.add(plan.id, name, "other") for name in ORGS]
        for act, org, removed, day, length in entries:
            e = tx.logs.add(
                plan.id,
                text=("Nattvandring vid torget " * 40)[:length],
                user_id="U1",
                happened_on=START + timedelta(days=day),
                source="command",
                activity_id=acts[act - 1].id if act else None,
                organisation_id=orgs[org].id if org >= 0 else None,
            )
            if removed:
                tx.db.execute("UPDATE log_entries SET organisation_id = NULL WHERE id = ?", [e.id])
    with week_store.read() as tx:
        fresh = tx.plans.get(plan.id)
        assert fresh is not None
        every = tx.logs.between(plan.id, START, END)
        d = SimpleNamespace(plan=fresh, today=TODAY, log=PeriodLog.read(tx, plan.id, START, END))
        shown = log_part(d, "/samverkan", sections)  # type: ignore[arg-type]
    assert shown == reference_log_part(d, every, "/samverkan", sections)


def test_a_week_of_thousands_reads_only_the_entries_it_shows(store: Store) -> None:
    with store.write() as tx:
        plan = new_plan(tx, "C1", "sv")
        act = tx.activities.add(plan.id, title="Nattvandring", created_by="U1")
        for k in range(3000):
            tx.logs.add(
                plan.id,
                text=f"Runda {k}",
                user_id="U1",
                happened_on=START + timedelta(days=k % 7),
                source="command",
                activity_id=act.id,
            )
    read: list[int] = []
    with store.read() as tx:
        fresh = tx.plans.get(plan.id)
        week = PeriodLog.read(tx, plan.id, START, END)
        original = week.entries

        def counted(group, offset, limit):
            page = original(group, offset, limit)
            read.append(len(page))
            return page

        object.__setattr__(week, "entries", counted)
        d = SimpleNamespace(plan=fresh, today=TODAY, log=week)
        sections = log_part(d, "/samverkan", 8)  # type: ignore[arg-type]
    lines = "\n".join(s.text for s in sections).splitlines()
    shown = sum(1 for line in lines if line.startswith("    • "))
    assert lines[0] == "*Loggat den här veckan* — 3000 insatser från 0 aktörer"
    assert lines[1] == "*A1* Nattvandring — 3000 insatser"
    assert lines[-1] == f"    …och {3000 - shown} till: `/samverkan aktivitet A1 log`"
    assert 0 < shown < 3000
    assert shown <= sum(read) < shown + ENTRY_PAGE  # at most the rest of the last page
