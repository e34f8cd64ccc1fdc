"""Dates as people say them (DESIGN §3, extended): each form against fixed days across a year
boundary and ISO week 53, looking ahead (due dates) and back (what happened)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.dates import DateError, looks_like_date, parse_date, parse_week

# The day: Tuesday 1 December 2026, ISO week 49.
DEC_1 = date(2026, 12, 1)
# Wednesday 30 December 2026: ISO week 53 of 2026, two days before the year ends.
DEC_30 = date(2026, 12, 30)
# Saturday 2 January 2027: a new calendar year, still ISO week 53 of 2026.
JAN_2 = date(2027, 1, 2)
# Tuesday 5 January 2027: ISO week 1 of 2027 (2027 has no week 53).
JAN_5 = date(2027, 1, 5)

AHEAD = [
    # weeks: their Friday, this ISO year's unless it has passed
    ("v50", DEC_1, date(2026, 12, 11)),
    ("v.50", DEC_1, date(2026, 12, 11)),
    ("v 50", DEC_1, date(2026, 12, 11)),
    ("vecka 50", DEC_1, date(2026, 12, 11)),
    ("Vecka 50", DEC_1, date(2026, 12, 11)),
    ("week 50", DEC_1, date(2026, 12, 11)),
    ("v49", DEC_1, date(2026, 12, 4)),
    ("v48", DEC_1, date(2027, 12, 3)),
    ("v53", DEC_1, date(2027, 1, 1)),
    ("v53", DEC_30, date(2027, 1, 1)),
    ("v53", JAN_2, date(2032, 12, 31)),  # its Friday has passed; 2032 is the next with one
    ("v1", DEC_30, date(2027, 1, 8)),
    ("v1", JAN_5, date(2027, 1, 8)),
    ("v2", JAN_2, date(2027, 1, 15)),
    ("vecka 50 2027", DEC_1, date(2027, 12, 17)),
    ("week 53 2026", JAN_5, date(2027, 1, 1)),  # typed with its year: may have passed
    # day and month words, English and Swedish
    ("15 dec", DEC_1, date(2026, 12, 15)),
    ("15 december", DEC_1, date(2026, 12, 15)),
    ("15 December", DEC_1, date(2026, 12, 15)),
    ("15 dec.", DEC_1, date(2026, 12, 15)),
    ("dec 15", DEC_1, date(2026, 12, 15)),
    ("December 15, 2027", DEC_1, date(2027, 12, 15)),
    ("1 dec", DEC_1, DEC_1),
    ("30 nov", DEC_1, date(2027, 11, 30)),
    ("30 juni", DEC_1, date(2027, 6, 30)),
    ("30 jun", DEC_1, date(2027, 6, 30)),
    ("2 maj", DEC_1, date(2027, 5, 2)),
    ("2 may", DEC_1, date(2027, 5, 2)),
    ("3 okt", DEC_1, date(2027, 10, 3)),
    ("3 oct", DEC_1, date(2027, 10, 3)),
    ("1 sept", DEC_1, date(2027, 9, 1)),
    ("5 januari", DEC_30, date(2027, 1, 5)),
    ("28 dec", DEC_30, date(2027, 12, 28)),
    ("15 dec 2025", DEC_1, date(2025, 12, 15)),  # typed with its year: kept, even if passed
    ("29 feb", DEC_1, date(2028, 2, 29)),
    # day/month: the next one to come
    ("30/06", DEC_1, date(2027, 6, 30)),
    ("5/1", DEC_30, date(2027, 1, 5)),
    # relative: next ISO week's day, the day after tomorrow, in N days/weeks
    ("nästa fredag", DEC_1, date(2026, 12, 11)),
    ("next friday", DEC_1, date(2026, 12, 11)),
    ("nasta fredag", DEC_1, date(2026, 12, 11)),
    ("next monday", DEC_1, date(2026, 12, 7)),
    ("nästa vecka", DEC_1, date(2026, 12, 11)),
    ("next week", DEC_30, date(2027, 1, 8)),
    ("nästa fredag", DEC_30, date(2027, 1, 8)),
    ("next friday", JAN_2, date(2027, 1, 8)),
    ("friday", DEC_1, date(2026, 12, 4)),  # plain: the next Friday to come
    ("i övermorgon", DEC_1, date(2026, 12, 3)),
    ("övermorgon", DEC_30, date(2027, 1, 1)),
    ("i overmorgon", DEC_1, date(2026, 12, 3)),
    ("day after tomorrow", DEC_30, date(2027, 1, 1)),
    ("the day after tomorrow", DEC_1, date(2026, 12, 3)),
    ("om 2 veckor", DEC_1, date(2026, 12, 15)),
    ("om 2 veckor", DEC_30, date(2027, 1, 13)),
    ("in 2 weeks", DEC_1, date(2026, 12, 15)),
    ("om en vecka", DEC_1, date(2026, 12, 8)),
    ("in a week", DEC_30, date(2027, 1, 6)),
    ("in one week", DEC_1, date(2026, 12, 8)),
    ("om 3 dagar", DEC_30, date(2027, 1, 2)),
    ("in 3 days", DEC_1, date(2026, 12, 4)),
    ("om tre dagar", DEC_1, date(2026, 12, 4)),
    ("om två veckor", DEC_1, date(2026, 12, 15)),
    ("in 1 day", DEC_1, date(2026, 12, 2)),
]


@pytest.mark.parametrize(("text", "today", "expected"), AHEAD)
def test_due_dates_look_ahead(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


BACK = [
    # weeks: the latest that has begun; its Friday, or today when that is still to come
    ("v48", DEC_1, date(2026, 11, 27)),
    ("v49", DEC_1, DEC_1),
    ("v50", DEC_1, date(2025, 12, 12)),
    ("v53", DEC_30, DEC_30),
    ("v53", JAN_5, date(2027, 1, 1)),
    ("v52", JAN_2, date(2026, 12, 25)),
    # day and month words: the latest one
    ("15 dec", DEC_1, date(2025, 12, 15)),
    ("30 nov", DEC_1, date(2026, 11, 30)),
    ("28 dec", JAN_2, date(2026, 12, 28)),
    ("1 dec", DEC_1, DEC_1),
    # forward words stay forward whatever the preference (log refuses the future)
    ("in 2 weeks", DEC_1, date(2026, 12, 15)),
    ("nästa fredag", DEC_1, date(2026, 12, 11)),
]


@pytest.mark.parametrize(("text", "today", "expected"), BACK)
def test_dates_of_what_happened_look_back(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today, prefer="past") == expected


@pytest.mark.parametrize(
    ("text", "today", "prefer", "expected"),
    [
        ("v53", DEC_1, "future", (2026, 53)),
        ("v53", JAN_5, "future", (2032, 53)),
        ("v53", JAN_5, "past", (2026, 53)),
        ("v48", DEC_1, "past", (2026, 48)),
        ("v50", DEC_1, "past", (2025, 50)),
        ("v1", DEC_30, "future", (2027, 1)),
        ("vecka 10 2027", DEC_1, "past", (2027, 10)),
    ],
)
def test_parse_week(text: str, today: date, prefer: str, expected: tuple[int, int]) -> None:
    assert parse_week(text, today, prefer) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["v0", "v54", "vecka 54", "week 53 2027", "v50x", "15 decembr", "32 dec", "30 feb", "om", "in"],
)
def test_not_a_date(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, DEC_1)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("v50", True), ("v.50", True), ("övermorgon", True), ("vecka", False), ("v", False)],
)
def test_single_words_that_look_like_dates(token: str, expected: bool) -> None:
    assert looks_like_date(token) is expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(1, 53))
def test_a_week_is_a_friday_to_come_or_one_that_has_begun(today: date, week: int) -> None:
    ahead = parse_date(f"v{week}", today)
    assert ahead.weekday() == 4 and ahead >= today and ahead.isocalendar().week == week
    # No earlier Friday of that week number is still to come.
    assert (ahead - today).days < 7 * 53 * 6
    back = parse_date(f"vecka {week}", today, prefer="past")
    assert back <= today and back.isocalendar().week == week
    assert back.weekday() == 4 or back == today


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 999))
def test_in_n_days_and_weeks_count_from_today(today: date, n: int) -> None:
    assert parse_date(f"om {n} dagar", today) == today + timedelta(days=n)
    assert parse_date(f"in {n} weeks", today, prefer="past") == today + timedelta(weeks=n)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 6))
def test_next_weekday_is_in_next_iso_week(today: date, weekday: int) -> None:
    names = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
    result = parse_date(f"nästa {names[weekday]}", today)
    assert result.weekday() == weekday
    assert result.isocalendar()[:2] == (today + timedelta(weeks=1)).isocalendar()[:2]
