"""The arithmetic of the situation picture on hand-made weeks (DESIGN §9): ISO weeks across a
year boundary and week 53, ▲ ▼ = against the mean of the four weeks before, the trend, hotspots."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.situation import (
    arrow,
    compare,
    counted_span,
    hotspots,
    latest_week,
    shift,
    sparkline,
    trend,
    weeks_ending,
)
from storage import WeekCount


def wc(week: tuple[int, int], category: str, n: int, place: str | None = None, concern=None):
    return WeekCount(week[0], week[1], category, place, concern, n)


@pytest.mark.parametrize(
    ("week", "by", "expected"),
    [
        ((2026, 48), -1, (2026, 47)),
        ((2027, 1), -1, (2026, 53)),  # 2026 has 53 ISO weeks
        ((2026, 53), 1, (2027, 1)),
        ((2026, 1), -1, (2025, 52)),  # 2025 has 52
        ((2021, 1), -1, (2020, 53)),
        ((2027, 2), -4, (2026, 51)),
    ],
)
def test_shift_counts_iso_weeks(week, by, expected) -> None:
    assert shift(week, by) == expected


def test_the_eight_weeks_of_a_trend_cross_the_year_and_week_53() -> None:
    assert weeks_ending((2027, 2), 8) == [
        (2026, 48),
        (2026, 49),
        (2026, 50),
        (2026, 51),
        (2026, 52),
        (2026, 53),
        (2027, 1),
        (2027, 2),
    ]
    assert counted_span((2027, 2)) == (date(2026, 11, 23), date(2027, 1, 17))


@pytest.mark.parametrize(
    ("number", "today", "expected"),
    [
        (48, date(2026, 12, 1), (2026, 48)),
        (49, date(2026, 12, 1), (2026, 49)),  # this week
        (50, date(2026, 12, 1), (2025, 50)),  # still to come this year: last year's
        (53, date(2027, 1, 20), (2026, 53)),
        (53, date(2026, 6, 1), (2020, 53)),  # the latest year with a week 53
        (1, date(2027, 1, 4), (2027, 1)),
    ],
)
def test_latest_week_looks_back(number, today, expected) -> None:
    assert latest_week(number, today) == expected


@pytest.mark.parametrize(
    ("n", "baseline", "expected"),
    [
        (3, 12, "="),
        (4, 12, "▲"),
        (2, 12, "▼"),
        (0, 0, "="),
        (1, 0, "▲"),
        (0, 1, "▼"),
        (1, 3, "▲"),
        (1, 5, "▼"),
    ],
)
def test_arrow_compares_with_the_exact_mean(n, baseline, expected) -> None:
    assert arrow(n, baseline) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0] * 8, "▁▁▁▁▁▁▁▁"),
        ([0, 1, 2, 3, 4, 5, 6, 7], "▁▂▃▄▅▆▇█"),
        ([1, 1], "██"),
        ([0, 7, 14], "▁▅█"),  # half way rounds up
        ([1, 0, 100], "▁▁█"),
    ],
)
def test_sparkline(values, expected) -> None:
    assert sparkline(values) == expected


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_sparkline_has_a_bar_per_week_and_the_top_is_full(values: list[int]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    if max(values):
        assert line[values.index(max(values))] == "█"
    assert all(line[i] == "▁" for i, v in enumerate(values) if v == 0)


def test_compare_against_the_four_weeks_before_across_the_new_year() -> None:
    week = (2027, 1)
    counts = [
        wc((2027, 1), "graffiti", 5),
        wc((2026, 53), "graffiti", 2),
        wc((2026, 52), "graffiti", 1),
        wc((2026, 51), "graffiti", 1),
        wc((2026, 50), "graffiti", 0),
        wc((2026, 49), "graffiti", 9),  # five weeks before: not in the baseline
        wc((2027, 1), "fire", 1),
        wc((2026, 50), "fire", 4),
        wc((2026, 53), "drugs", 2),  # nothing this week: still listed, with 0
    ]
    got = [(c.name, c.n, c.baseline, c.arrow, c.mean) for c in compare(counts, week, "category")]
    assert got == [
        ("graffiti", 5, 4, "▲", 1.0),
        ("fire", 1, 4, "=", 1.0),
        ("drugs", 0, 2, "▼", 0.5),
    ]
    # 2026-W47 … W53, 2027-W1
    assert trend(counts, week, "graffiti") == [0, 0, 9, 0, 1, 1, 2, 5]


def test_trend_is_eight_weeks_oldest_first() -> None:
    week = (2027, 1)
    counts = [wc((2026, 46), "fire", 7), wc((2026, 47), "fire", 1), wc((2026, 53), "fire", 3)]
    # 2026-W46 is nine weeks back: outside. W47 … W53, 2027-W1.
    assert trend(counts, week, "fire") == [1, 0, 0, 0, 0, 0, 3, 0]


def test_hotspots_weigh_concern_and_need_two_or_one_high() -> None:
    week = (2026, 48)
    counts = [
        wc(week, "graffiti", 3, "Torget", None),
        wc(week, "fire", 1, "Skolan", "high"),
        wc(week, "drugs", 2, "Parken", "medium"),
        wc(week, "other", 1, "Banan", "low"),  # one low: not a hotspot
        wc((2026, 47), "fire", 9, "Gamla", "high"),  # another week
        wc(week, "other", 4, None, None),  # no place
    ]
    assert [(h.place, h.n, h.high, h.score) for h in hotspots(counts, week)] == [
        ("Parken", 2, 0, 4),
        ("Torget", 3, 0, 3),  # the same score: more observations first
        ("Skolan", 1, 1, 3),
    ]
