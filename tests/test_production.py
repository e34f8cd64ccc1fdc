"""Production on log entries and effect indicators (issue 15, parts 1 and 2): typed, stored,
shown with the entry and on `activity A#`, summed per activity and organisation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan import grammar as g
from samverkan.commands.corrections import Edit
from samverkan.commands.indicators import IndicatorAdd, IndicatorMeasure
from samverkan.commands.log import Log
from samverkan.indicators import bars, progress
from samverkan.parsing import ParseError
from samverkan.production import hours_value, participants_value
from storage import Store
from storage.log_models import Indicator, Measurement
from tests.test_service import mrkdwn


@pytest.fixture
def plan(run: Callable) -> Callable:
    """Trygg: Polisen (erik) and Bostadsbolaget (sara); A1 owned by Polisen."""
    for text in (
        "setup Trygg",
        "org add Polisen police",
        "org add Bostadsbolaget housing",
        "member <@erik> Polisen",
        "member <@sara> Bostadsbolaget",
        "activity add Night walks owner Polisen",
    ):
        assert run("anna", text).ok, text
    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("log A1 Walked participants 12 hours 3", Log("Walked", 1, None, 12, 3.0)),
        ("log A1 Walked hours 1.5 participants 12", Log("Walked", 1, None, 12, 1.5)),
        ("logga A1 Vandring deltagare 8 timmar 2,5", Log("Vandring", 1, None, 8, 2.5)),
        ("log A1 Walked on monday participants 4", Log("Walked", 1, "monday", 4, None)),
        ("log A1 Walked participants 4 on monday", Log("Walked", 1, "monday", 4, None)),
        ("log Walked for hours", Log("Walked for hours", None, None, None, None)),
        ("log Counted participants later", Log("Counted participants later", None)),
        ('log "Paid 12 hours 3"', Log("Paid 12 hours 3", None)),
        ("log A1 Walked hours 0", Log("Walked", 1, None, None, 0.0)),
    ],
)
def test_production_is_read_off_the_end_of_log(text: str, expected: Log) -> None:
    assert g.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("log A1 Walked participants -3", "error.participants_value"),
        ("log A1 Walked participants 2.5", "error.participants_value"),
        ("log A1 Walked participants 100001", "error.participants_value"),
        ("log A1 Walked hours 10001", "error.hours_value"),
        ("log A1 Walked hours 1.234", "error.hours_value"),
        ("log A1 Walked timmar -1", "error.hours_value"),
    ],
)
def test_a_bad_number_is_refused_with_an_example(text: str, key: str) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    assert (caught.value.key, caught.value.topic) == (key, "log_production")


@given(st.integers(0, 100_000), st.integers(0, 1_000_000))
def test_any_valid_count_and_hours_round_trip(participants: int, centi_hours: int) -> None:
    hours = centi_hours / 100
    typed = f"{hours:.2f}".rstrip("0").rstrip(".")
    cmd = g.parse(f"log A2 Parents' walk participants {participants} hours {typed}")
    assert (cmd.participants, cmd.hours) == (participants, float(typed))
    assert participants_value(str(participants)) == participants
    assert hours_value(typed.replace(".", ",")) == float(typed)


def test_an_entry_shows_its_production_and_the_activity_sums_it(plan: Callable) -> None:
    logged = plan("erik", "log A1 Walked the centre participants 12 hours 3")
    assert logged.text == (
        "*L1* logged on *A1* Night walks by <@erik> (Polisen), 25 Nov:\n> Walked the centre\n"
        "👥 12 participants · ⏱ 3 h"
    )
    assert plan("erik", "log A1 Second walk participants 1 hours 1.5").ok
    assert plan("sara", "logga A1 Städning timmar 2,5").ok
    assert plan("sara", "log A1 Only talked").ok
    assert plan("sara", "log Not on an activity participants 100").ok
    text = mrkdwn(plan("anna", "activity A1"))
    assert "`L2` 25 Nov <@erik> (Polisen): Second walk (👥 1 participant · ⏱ 1.5 h)" in text
    assert "`L4` 25 Nov <@sara> (Bostadsbolaget): Only talked\n" in text + "\n"
    assert (
        "*Production*: 4 entries · 13 participants · 7 h\n"
        "• Bostadsbolaget: 2 entries · 0 participants · 2.5 h\n"
        "• Polisen: 2 entries · 13 participants · 4.5 h"
    ) in text


def test_production_in_swedish(run: Callable) -> None:
    assert run("anna", "starta Trygg").ok
    assert run("anna", "settings language sv").ok
    assert run("anna", "aktör ny Polisen polis").ok
    assert run("anna", "medlem <@anna> Polisen samordnare").ok
    assert run("anna", "aktivitet ny Vandring").ok
    logged = run("anna", "logga A1 Vandring deltagare 1 timmar 2,5")
    assert logged.text.endswith("👥 1 deltagare · ⏱ 2,5 tim")
    assert "*Produktion*: 1 insats · 1 deltagare · 2,5 tim" in mrkdwn(run("anna", "aktivitet A1"))


def test_production_is_stored_and_audited(plan: Callable, store: Store) -> None:
    assert plan("erik", "log A1 Walked participants 12 hours 3").ok
    with store.read() as tx:
        entry = tx.logs.get(1, 1)
        (event,) = [e for e in tx.audit.of_item(1, "L1")]
        rows = tx.logs.production(1, date(2026, 1, 1), date(2026, 12, 31))
    assert (entry.participants, entry.hours) == (12, 3.0)
    assert event.after["participants"] == 12 and event.after["hours"] == 3.0
    assert [(r.activity_id, r.organisation, r.entries, r.participants, r.hours) for r in rows] == [
        (1, "Polisen", 1, 12, 3.0)
    ]


# -- indicators ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "indicator add A1 Reports of vandalism baseline 12 target 6 unit per month",
            IndicatorAdd(1, "Reports of vandalism", 12.0, 6.0, "per month"),
        ),
        (
            "indikator ny A2 Otrygghet utgångsvärde 3,5 enhet andel mål 2 den 2026-01-15",
            IndicatorAdd(2, "Otrygghet", 3.5, 2.0, "andel", "2026-01-15"),
        ),
        ('indicator add A1 "Target group" baseline 0', IndicatorAdd(1, "Target group", 0.0)),
        ("indicator A1 Reports of vandalism 9", IndicatorMeasure(1, "Reports of vandalism", 9.0)),
        (
            "indikator A1 Otrygghet 2,5 den igår",
            IndicatorMeasure(1, "Otrygghet", 2.5, "igår"),
        ),
    ],
)
def test_indicator_grammar(text: str, expected: object) -> None:
    assert g.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("indicator add A1 Reports", "error.indicator_add_usage"),
        ("indicator add A1 baseline 3", "error.indicator_add_usage"),
        ("indicator add A1 Reports baseline many", "error.indicator_number"),
        ("indicator add A1 Reports baseline 3 target 2 target 1", "error.indicator_add_usage"),
        ("indicator add Reports baseline 3", "error.indicator_add_usage"),
        ("indicator A1 Reports", "error.indicator_usage"),
        ("indicator Reports 3", "error.indicator_usage"),
    ],
)
def test_indicator_grammar_refusals(text: str, key: str) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    assert caught.value.key == key


def test_an_indicator_is_shown_from_baseline_to_latest_against_its_target(plan: Callable) -> None:
    added = plan(
        "erik", "indicator add A1 Reports of vandalism baseline 12 target 6 unit per month on 15/1"
    )
    assert added.text == (
        "📈 <@erik> added the indicator *Reports of vandalism* (per month) to *A1*: baseline 12 "
        "(15 Jan), target 6."
    )
    for value, day in (("11", "2026-03-01"), ("10", "2026-05-01"), ("9", "2026-09-01")):
        assert plan("erik", f"indicator A1 reports of vandalism {value} on {day}").ok
    measured = plan("anna", "indicator A1 Reports of vandalism 8")
    assert measured.text == (
        "📈 <@anna> measured *Reports of vandalism* on *A1*: 8 (25 Nov); baseline 12."
    )
    text = mrkdwn(plan("sara", "activity A1"))
    assert (
        "*Effect*\n• *Reports of vandalism* (per month): 12 (15 Jan) → 8 (25 Nov) · target 6 · "
        "67 % of the way · █▆▅▃▁"
    ) in text


def test_indicator_permissions_and_refusals(plan: Callable) -> None:
    denied = plan("sara", "indicator add A1 Reports baseline 3")
    assert not denied.ok and denied.text.startswith(
        "Only a coordinator or a member of A1's owner organisation (Polisen) can add indicators"
    )
    assert plan("erik", "indicator add A1 Reports baseline 3").ok
    twice = plan("anna", "indicator add A1 reports baseline 4")
    assert (twice.ok, twice.text.split(".")[0]) == (
        False,
        "*A1* already has an indicator *reports*",
    )
    missing = plan("erik", "indicator A1 Calls 3")
    assert not missing.ok and "Its indicators: `Reports`" in missing.text
    personal = plan("erik", "indicator add A1 Visits baseline 3 unit per visit to Storgatan 12")
    assert not personal.ok and "Storgatan 12" in personal.text
    future = plan("erik", "indicator A1 Reports 3 on 2026-12-24")
    assert not future.ok
    assert not plan("sara", "indicator A1 Reports 2").ok
    assert not plan("erik", "indicator A9 Reports 2").ok


INDICATOR = Indicator(1, 1, 1, "A1", "X", "", 10.0, date(2026, 1, 1), 5.0, "anna", None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "latest", "share"),
    [
        ([], 10.0, 0.0),
        ([7.5], 7.5, 0.5),
        ([9, 5], 5.0, 1.0),
        ([12], 12.0, -0.4),
    ],
)
def test_progress_against_target(values: list[float], latest: float, share: float) -> None:
    ms = [Measurement(n, 1, v, date(2026, 2, n + 1), "erik") for n, v in enumerate(values)]
    p = progress(INDICATOR, ms)
    assert p.latest[1] == latest
    assert p.share == pytest.approx(share)


def test_the_trend_has_eight_points_at_most() -> None:
    ms = [Measurement(n, 1, float(n), date(2026, 2, n + 1), "erik") for n in range(12)]
    assert progress(INDICATOR, ms).trend == [4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0]
    assert bars([1, 2, 3]) == "▁▅█" and bars([4, 4]) == "▄▄" and bars([]) == ""


def test_the_export_carries_production_and_the_indicators_sheet(plan: Callable) -> None:
    from io import BytesIO

    import openpyxl

    assert plan("erik", "log A1 Walked participants 12 hours 1.5").ok
    assert plan("erik", "indicator add A1 Reports baseline 12 target 6 unit per month on 15/1").ok
    assert plan("erik", "indicator A1 Reports 10 on 2026-05-01").ok
    assert plan("erik", "indicator A1 Reports 8.5 on 2026-09-01").ok
    (file,) = plan("anna", "export").files
    wb = openpyxl.load_workbook(BytesIO(file.content))
    log = [[c.value for c in row] for row in wb["Log"].iter_rows()]
    assert log[0][-2:] == ["Participants", "Hours"]
    assert log[1][-3:] == ["Walked", 12, 1.5]
    rows = [[c.value for c in row] for row in wb["Indicators"].iter_rows()]
    assert rows[0] == [
        "Activity",
        "Indicator",
        "Unit",
        "Baseline",
        "Baseline date",
        "Target",
        "Latest",
        "Latest date",
        "Measurements",
    ]
    assert rows[1][:4] == ["A1", "Reports", "per month", 12]
    assert rows[1][4].date() == date(2026, 1, 15)
    assert rows[1][5:7] == [6, 8.5]
    assert rows[1][7].date() == date(2026, 9, 1)
    assert rows[1][8] == "2026-05-01: 10; 2026-09-01: 8.5"


def test_edit_corrects_an_entry_s_production(plan: Callable, store: Store) -> None:
    assert plan("erik", "log A1 Walked participants 12 hours 3").ok
    fixed = plan("erik", "edit L1 participants 14")
    assert fixed.text == ("✏️ *L1* was corrected by <@erik>:\n> Walked\n👥 14 participants · ⏱ 3 h")
    assert plan("anna", "ändra L1 Vandring i centrum timmar 2,5").ok
    with store.read() as tx:
        entry = tx.logs.get(1, 1)
        events = [e for e in tx.audit.of_item(1, "L1") if e.action == "edited"]
    assert (entry.text, entry.participants, entry.hours) == ("Vandring i centrum", 14, 2.5)
    assert events[0].before == {"participants": 12, "hours": 3.0}
    assert events[0].after == {"participants": 14, "hours": 3.0}
    assert events[1].before == {"text": "Walked", "participants": 14, "hours": 3.0}
    same = plan("erik", "edit L1 participants 14")
    assert not same.ok
    assert not plan("sara", "edit L1 participants 1").ok  # neither its author nor a coordinator
    # A follow-up's text keeps such words as typed.
    assert g.parse("edit F1 Count the hours 3") == Edit("F1", "Count the hours 3")
