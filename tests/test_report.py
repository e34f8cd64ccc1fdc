"""The follow-up report (issue 15, part 3): figures of a hand-made plan whose answers are known,
at the tertials' boundaries; the DOCX and the XLSX opened again; who may make it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from io import BytesIO

import docx
import openpyxl
import pytest

from samverkan import grammar as g
from samverkan.commands.report import Report
from samverkan.parsing import ParseError
from samverkan.report import period as periods
from samverkan.report.figures import Figures, gather, plain
from samverkan.service import Context, Samverkan
from storage import Store


def at(clock, y: int, m: int, d: int, hour: int = 10) -> None:
    clock.now = datetime(y, m, d, hour, 0, tzinfo=UTC)


@pytest.fixture
def year(app: Samverkan, clock, store: Store) -> Callable:
    """A plan lived through 2026, its answers known per tertial (see each step)."""

    def run(user: str, text: str) -> None:
        reply = app.run(Context("T1", "C1", user), text)
        assert reply.ok, (text, reply.text)

    at(clock, 2026, 1, 10)
    for text in (
        "setup Trygg i Husby",
        "settings area Husby",
        "org add Polisen police",
        "org add Bostadsbolaget housing",
        "member <@erik> Polisen",
        "member <@sara> Bostadsbolaget",
        "cause add Dark passages",
        "activity add Walks owner Polisen",
        "activity A1 cause C1",
        "activity add Lights owner Bostadsbolaget due 2026-06-30",
        "indicator add A1 Reports of vandalism baseline 12 target 6 unit per month",
        "place add Torget",
    ):
        run("anna", text)
    at(clock, 2026, 3, 1)
    run("anna", "activity A1 status active")
    at(clock, 2026, 4, 30, 20)  # 22:00 in Stockholm: still 30 April, the end of tertial 1
    run("erik", "log A1 Spring walk participants 10 hours 2")
    run("erik", "indicator A1 Reports of vandalism 10")
    at(clock, 2026, 5, 1)
    run("erik", "log A1 May walk with <@sara> participants 5 hours 1")
    run("sara", "log A2 Changed lamps hours 3")
    at(clock, 2026, 5, 2)
    run("anna", "follow <@sara> Order lamps by 2026-05-10 A2")
    run("anna", "follow <@erik> Book the hall by 2026-05-05")
    at(clock, 2026, 5, 3)
    run("erik", "observe vandalism at Torget concern high Broken bench")
    at(clock, 2026, 5, 8)
    run("sara", "done F1")
    at(clock, 2026, 5, 20)
    run("erik", "done F2")
    at(clock, 2026, 6, 10)
    run("erik", "observe graffiti at Torget Tags on the wall")
    at(clock, 2026, 6, 15)
    run("anna", "activity A1 rag amber")
    at(clock, 2026, 8, 31)
    run("erik", "observe vandalism Window broken")
    run("erik", "indicator A1 Reports of vandalism 8")
    at(clock, 2026, 9, 1)
    run("erik", "indicator A1 Reports of vandalism 7")
    at(clock, 2026, 9, 10)
    run("anna", "activity A1 rag red")
    run("anna", "follow <@sara> Walk again by 2026-09-20 A1")
    at(clock, 2026, 11, 25)

    def figures(period: periods.Period) -> Figures:
        with store.read() as tx:
            plan = tx.plans.by_channel("T1", "C1")
            assert plan is not None
            return gather(tx, plan, period, date(2026, 11, 25))

    return figures


def test_tertial_2_has_its_own_production_process_and_effect(year: Callable) -> None:
    f = year(periods.tertial(2, 2026))
    p = f.production
    assert (p.entries, p.participants, p.hours) == (2, 5, 4.0)
    walks, lights = (a for c in f.causes for a in c.activities)
    assert [c.ref for c in f.causes] == ["C1", None]
    assert walks.activity.ref == "A1"
    assert (walks.status_start, walks.status_end) == ("active", "active")
    assert (walks.rag_start, walks.rag_end) == (None, "amber")
    assert [(c.day, c.field, c.old, c.new) for c in walks.changes] == [
        (date(2026, 6, 15), "rag", None, "amber")
    ]
    assert (walks.production.entries, walks.production.participants) == (1, 5)
    assert walks.organisations == ["Polisen"]
    assert [e.ref for e in walks.notable] == ["L2"]
    (reports,) = walks.indicators
    assert reports.points == [
        (date(2026, 1, 10), 12.0),
        (date(2026, 4, 30), 10.0),
        (date(2026, 8, 31), 8.0),
    ]
    assert reports.share == pytest.approx(2 / 3)
    assert (lights.production.entries, lights.production.hours) == (1, 3.0)
    assert (f.followups_done, f.followups_on_time, f.followups_assigned) == (2, 1, 2)
    s = f.situation
    assert s.total == 3
    assert [m.month for m in s.months] == [5, 6, 7, 8]
    assert s.by_month == {"vandalism": [1, 0, 0, 1], "graffiti": [0, 1, 0, 0]}
    assert s.hotspots == [("Torget", 2, 1)]
    assert [
        (o.name, o.entries, o.participants, o.hours, o.activities, o.observations)
        for o in f.contributions
    ] == [
        ("Polisen", 1, 5, 1.0, 1, 3),
        ("Bostadsbolaget", 1, 0, 3.0, 1, 0),
    ]
    assert f.status_start == {"active": 1, "planned": 1}
    assert f.rag_end == {"amber": 1, "none": 1}
    assert f.changes == 1


def test_tertial_1_ends_on_30_april_in_the_plans_zone(year: Callable) -> None:
    f = year(periods.tertial(1, 2026))
    assert (f.production.entries, f.production.participants, f.production.hours) == (1, 10, 2.0)
    walks = f.causes[0].activities[0]
    # Created during the tertial: no state at its start; set active on 1 March.
    assert (walks.status_start, walks.status_end, walks.rag_end) == (None, "active", None)
    assert [(c.field, c.old, c.new) for c in walks.changes] == [("status", "planned", "active")]
    assert walks.indicators[0].latest == (date(2026, 4, 30), 10.0)
    assert (f.followups_done, f.situation.total) == (0, 0)


def test_the_year_adds_the_tertials_up(year: Callable) -> None:
    f = year(periods.year(2026))
    assert (f.production.entries, f.production.participants, f.production.hours) == (3, 15, 6.0)
    assert f.changes == 3
    walks = f.causes[0].activities[0]
    assert walks.indicators[0].latest == (date(2026, 9, 1), 7.0)
    assert [x.ref for x in f.open_followups] == ["F3"]
    # Lights is past its due date; Walks is red.
    assert [a.ref for a in f.attention.red] == ["A1"]
    assert [a.ref for a in f.attention.late] == ["A2"]


def test_the_document_and_the_workbook(year: Callable, app: Samverkan) -> None:
    reply = app.run(Context("T1", "C1", "anna"), "report tertial 2 2026")
    assert reply.ok and reply.visibility == "ephemeral"
    assert reply.text.splitlines() == [
        "*Follow-up report: Trygg i Husby, tertial 2 2026* (1 May – 31 Aug) — the Word document "
        "and the figures as a workbook come to you in a direct message.",
        "• 2 activities: planned 1, active 1; assessment: amber 1, not assessed 1",
        "• Production: 2 entries, 5 participants, 4 h.",
        "• Follow-ups completed: 2, of them on time: 1; assigned in the period: 2.",
        "• Situation picture: 3 observations. Most: Vandalism (2), Graffiti (1). Hotspots: Torget (2).",
        "• Effect: A1 Reports of vandalism: 12 → 8 (target 6)",
    ]
    document, workbook = reply.files
    assert document.name == "Trygg i Husby — follow-up tertial 2 2026.docx"
    assert workbook.name == "Trygg i Husby — follow-up tertial 2 2026.xlsx"
    d = docx.Document(BytesIO(document.data()))
    headings = [
        (p.style.name, p.text)
        for p in d.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        ("Title", "Trygg i Husby"),
        ("Heading 1", "Summary"),
        ("Heading 1", "Activities by cause"),
        ("Heading 2", "C1 Dark passages"),
        ("Heading 3", "A1 Walks"),
        ("Heading 2", "Without a cause"),
        ("Heading 3", "A2 Lights"),
        ("Heading 1", "The situation picture over the period"),
        ("Heading 2", "Hotspots"),
        ("Heading 1", "What each organisation contributed"),
        ("Heading 1", "Open items going forward"),
    ]
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Area: Husby" in text
    assert "Organisations: Bostadsbolaget, Polisen" in text
    assert "15 Jun 2026: assessment not assessed → amber" in text
    assert "L2 1 May 2026 · Polisen: May walk with (member) (5 participants, 1 h)" in text
    assert (
        "Reports of vandalism (per month): 12 (10 Jan 2026) → 8 (31 Aug 2026); target 6; "
        "67 % of the way to the target"
    ) in text
    assert "<@" not in text
    assert "The period's notable entries:" in text
    # One chart per indicator, the months and the hours per organisation.
    assert len(d.inline_shapes) == 3
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in d.tables]
    summary, months, hotspots, contributions, open_items = tables
    assert summary[0] == ["Status / assessment", "At the start", "At the end"]
    assert summary[2] == ["active", "1", "1"] and summary[7] == ["amber", "0", "1"]
    assert months == [
        ["Category (2026)", "May", "Jun", "Jul", "Aug", "Total"],
        ["Vandalism", "1", "0", "0", "1", "2"],
        ["Graffiti", "0", "1", "0", "0", "1"],
    ]
    assert hotspots == [["Place", "Observations", "Of which high concern"], ["Torget", "2", "1"]]
    assert contributions[1:] == [
        ["Polisen", "1", "5", "1", "1", "3"],
        ["Bostadsbolaget", "1", "0", "3", "1", "0"],
    ]
    assert open_items[1] == ["Walk again", "F3", "20 Sept 2026", "A1"]
    assert summary[-1] == ["not yet in the plan", "0", "0"]
    wb = openpyxl.load_workbook(BytesIO(workbook.data()))
    assert wb.sheetnames == ["Summary", "Activities", "Indicators", "Situation", "Organisations"]
    summary_rows = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)}
    assert summary_rows["Entries"] == 2 and summary_rows["Hours"] == 4
    assert summary_rows["Follow-ups completed"] == 2 and summary_rows["Of which on time"] == 1
    acts = [[c.value for c in r] for r in wb["Activities"].iter_rows(min_row=2)]
    assert acts[0][:12] == [
        "C1",
        "A1",
        "Walks",
        "Polisen",
        "active",
        "active",
        "not assessed",
        "amber",
        1,
        1,
        5,
        1,
    ]
    (ind,) = [[c.value for c in r] for r in wb["Indicators"].iter_rows(min_row=2)]
    assert (
        ind[:4] == ["A1", "Reports of vandalism", "per month", 12] and ind[6] == 8 and ind[8] == 67
    )


def test_a_swedish_plan_gets_a_swedish_report(year: Callable, app: Samverkan) -> None:
    assert app.run(Context("T1", "C1", "anna"), "settings language sv").ok
    reply = app.run(Context("T1", "C1", "anna", surface="console"), "rapport år")
    assert (
        reply.text.splitlines()[0]
        == "*Uppföljningsrapport: Trygg i Husby, 2026* (1 jan. – 31 dec.)"
    )
    document, _ = reply.files
    assert document.name == "Trygg i Husby — uppföljning 2026.docx"
    d = docx.Document(BytesIO(document.data()))
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "Sammanfattning",
        "Åtgärder per orsak",
        "Lägesbilden under perioden",
        "Varje aktörs bidrag",
        "Det som är öppet framåt",
    ]


def test_only_coordinators_make_the_report(year: Callable, app: Samverkan) -> None:
    refused = app.run(Context("T1", "C1", "erik"), "report year")
    assert not refused.ok and not refused.files
    assert refused.text.startswith("Only a coordinator of this plan can make the follow-up report.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("report", Report()),
        ("report year", Report()),
        ("report year 2025", Report("year", 0, 2025)),
        ("report 2025", Report("year", 0, 2025)),
        ("rapport år 2026", Report("year", 0, 2026)),
        ("slutrapport", Report()),
        ("report tertial 2", Report("tertial", 2)),
        ("rapport tertial 3 2025", Report("tertial", 3, 2025)),
        ("report 2026-01-01 2026-06-30", Report("dates", start="2026-01-01", end="2026-06-30")),
    ],
)
def test_report_periods_parse(text: str, expected: Report) -> None:
    assert g.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["report tertial 4", "report tertial", "report quarter 2", "report 1 2 3"]
)
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    assert caught.value.key == "error.report_usage"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("report tertial 1 2027", "⚠️ That period has not started yet (it starts 1 Jan 2027)."),
        ("report 2026-06-30 2026-01-01", "⚠️ A report runs from its first date to its last"),
    ],
)
def test_periods_a_report_cannot_cover(
    year: Callable, app: Samverkan, text: str, start: str
) -> None:
    reply = app.run(Context("T1", "C1", "anna"), text)
    assert not reply.ok and not reply.files
    assert reply.items[0].text.startswith(start)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("day", "tertial"),
    [
        (date(2026, 4, 30), 1),
        (date(2026, 5, 1), None),
        (date(2026, 8, 31), 2),
        (date(2026, 12, 31), 3),
    ],
)
def test_the_last_day_of_a_tertial(day: date, tertial: int | None) -> None:
    assert periods.tertial_ending(day) == tertial


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Met <@U123ABC|anna> at the square", "Met (member) at the square"),
        ("See <https://example.org/x|the map>", "See the map"),
        ("Told <!channel> about it", "Told @channel about it"),
        ("Number 19811218-9876 here", "[…]"),
    ],
)
def test_user_text_in_a_document_is_plain(text: str, shown: str) -> None:
    assert plain(text) == shown


def test_the_demo_s_year_report_matches_its_data(tmp_path) -> None:
    """`make demo` then `report year`: the figures are the plan's own, counted in SQL here."""
    import sqlite3

    from console.demo import DEMO_CHANNEL, DEMO_TEAM, load_demo
    from samverkan.production import hours_text

    now = datetime(2026, 11, 25, 10, tzinfo=UTC)
    store = Store(tmp_path / "demo.db", clock=lambda: now)
    store.migrate()
    assert load_demo(store, now)
    app = Samverkan(store, clock=lambda: now)
    reply = app.run(Context(DEMO_TEAM, DEMO_CHANNEL, "anna", surface="console"), "report year")
    assert reply.ok, reply.text
    conn = sqlite3.connect(store.path)
    try:
        n, people, hours = conn.execute(
            "SELECT COUNT(*), SUM(participants), SUM(hours) FROM log_entries "
            "WHERE happened_on BETWEEN '2026-01-01' AND '2026-12-31'"
        ).fetchone()
        observations = conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
        indicators = conn.execute("SELECT COUNT(*) FROM indicators").fetchone()[0]
        causes = [r[0] for r in conn.execute("SELECT text FROM causes ORDER BY ref_no")]
    finally:
        conn.close()
    assert n > 50 and people > 300 and indicators == 4
    production = f"• Production: {n} entries, {people} participants, {hours_text('en', hours)} h."
    assert production in reply.text.splitlines()
    assert f"• Situation picture: {observations} observations." in reply.text
    d = docx.Document(BytesIO(reply.files[0].data()))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert [h.split(" ", 1)[1] for h in headings if h[:1] == "C"] == causes
    # Four indicators, the observations per month and the hours per organisation.
    assert len(d.inline_shapes) == 6
    history = "\n".join(p.text for p in d.paragraphs)
    assert "2 Feb 2026: status planned → active" in history
    assert "20 Oct 2026: assessment amber → red" in history
