"""Tests for samverkan.dates: the date grammar, ISO weeks, formatting and working days."""

import contextlib
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.dates import (
    DateError,
    format_date,
    format_weekday,
    is_working_day,
    iso_week,
    looks_like_date,
    parse_date,
    parse_hhmm,
    parse_weekday,
    week_range,
)

# A Tuesday in ISO week 51, away from any year or month boundary.
TUESDAY = date(2026, 12, 15)
# A Monday, to check that a weekday name never means today.
MONDAY = date(2026, 12, 14)
# A Wednesday in ISO week 53 of 2026, two days before the year ends.
YEAR_END = date(2026, 12, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO
        ("2026-12-15", date(2026, 12, 15)),
        ("2027-01-05", date(2027, 1, 5)),
        ("2026-1-5", date(2026, 1, 5)),
        ("  2026-12-24  ", date(2026, 12, 24)),
        # day/month with and without year
        ("15/12", date(2026, 12, 15)),
        ("24/12", date(2026, 12, 24)),
        ("1/12", date(2027, 12, 1)),  # a date without a year is the next one to come
        ("15/12/2026", date(2026, 12, 15)),
        ("15/12/26", date(2026, 12, 15)),
        ("5/1/27", date(2027, 1, 5)),
        ("05/01/2027", date(2027, 1, 5)),
        # words, English and Swedish, any case
        ("today", TUESDAY),
        ("Today", TUESDAY),
        ("idag", TUESDAY),
        ("IDAG", TUESDAY),
        ("i dag", TUESDAY),
        ("tomorrow", date(2026, 12, 16)),
        ("imorgon", date(2026, 12, 16)),
        ("i morgon", date(2026, 12, 16)),
        ("yesterday", date(2026, 12, 14)),
        ("igår", date(2026, 12, 14)),
        ("IGÅR", date(2026, 12, 14)),
        ("igar", date(2026, 12, 14)),
        ("i går", date(2026, 12, 14)),
        # weekdays: the next occurrence after today (a Tuesday)
        ("monday", date(2026, 12, 21)),
        ("mon", date(2026, 12, 21)),
        ("måndag", date(2026, 12, 21)),
        ("mån", date(2026, 12, 21)),
        ("mandag", date(2026, 12, 21)),
        ("Måndag", date(2026, 12, 21)),
        ("tuesday", date(2026, 12, 22)),
        ("tue", date(2026, 12, 22)),
        ("tisdag", date(2026, 12, 22)),
        ("tis", date(2026, 12, 22)),
        ("wednesday", date(2026, 12, 16)),
        ("wed", date(2026, 12, 16)),
        ("onsdag", date(2026, 12, 16)),
        ("ons", date(2026, 12, 16)),
        ("thursday", date(2026, 12, 17)),
        ("thu", date(2026, 12, 17)),
        ("torsdag", date(2026, 12, 17)),
        ("tor", date(2026, 12, 17)),
        ("tors", date(2026, 12, 17)),
        ("friday", date(2026, 12, 18)),
        ("fri", date(2026, 12, 18)),
        ("fredag", date(2026, 12, 18)),
        ("fre", date(2026, 12, 18)),
        ("saturday", date(2026, 12, 19)),
        ("sat", date(2026, 12, 19)),
        ("lördag", date(2026, 12, 19)),
        ("lör", date(2026, 12, 19)),
        ("lordag", date(2026, 12, 19)),
        ("sunday", date(2026, 12, 20)),
        ("sun", date(2026, 12, 20)),
        ("söndag", date(2026, 12, 20)),
        ("sön", date(2026, 12, 20)),
        ("SÖNDAG", date(2026, 12, 20)),
        # offsets
        ("+3d", date(2026, 12, 18)),
        ("3d", date(2026, 12, 18)),
        ("+0d", TUESDAY),
        ("2w", date(2026, 12, 29)),
        ("+2w", date(2026, 12, 29)),
        ("2v", date(2026, 12, 29)),
        ("+2V", date(2026, 12, 29)),
        ("3 days", date(2026, 12, 18)),
        ("1 day", date(2026, 12, 16)),
        ("3 dagar", date(2026, 12, 18)),
        ("1 dag", date(2026, 12, 16)),
        ("2 weeks", date(2026, 12, 29)),
        ("1 week", date(2026, 12, 22)),
        ("2 veckor", date(2026, 12, 29)),
        ("1 vecka", date(2026, 12, 22)),
        ("-2d", date(2026, 12, 13)),
        ("-1w", date(2026, 12, 8)),
    ],
)
def test_parse_date_future(text: str, expected: date) -> None:
    assert parse_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays: the latest occurrence before today (a Tuesday)
        ("monday", date(2026, 12, 14)),
        ("mån", date(2026, 12, 14)),
        ("tuesday", date(2026, 12, 8)),
        ("tisdag", date(2026, 12, 8)),
        ("wednesday", date(2026, 12, 9)),
        ("ons", date(2026, 12, 9)),
        ("sunday", date(2026, 12, 13)),
        ("sön", date(2026, 12, 13)),
        # unsigned offsets follow the preference, signed ones their sign
        ("3d", date(2026, 12, 12)),
        ("2v", date(2026, 12, 1)),
        ("3 dagar", date(2026, 12, 12)),
        ("-2d", date(2026, 12, 13)),
        ("+2d", date(2026, 12, 17)),
        # words and absolute dates ignore the preference
        ("today", TUESDAY),
        ("igår", date(2026, 12, 14)),
        ("imorgon", date(2026, 12, 16)),
        ("2026-12-24", date(2026, 12, 24)),
        ("15/12", date(2026, 12, 15)),
    ],
)
def test_parse_date_past(text: str, expected: date) -> None:
    assert parse_date(text, TUESDAY, prefer="past") == expected


@pytest.mark.parametrize(
    ("text", "prefer", "expected"),
    [
        ("monday", "future", date(2026, 12, 21)),
        ("måndag", "future", date(2026, 12, 21)),
        ("monday", "past", date(2026, 12, 7)),
        ("tuesday", "future", date(2026, 12, 15)),
        ("sunday", "future", date(2026, 12, 20)),
        ("sunday", "past", date(2026, 12, 13)),
    ],
)
def test_weekday_name_never_means_today(text: str, prefer: str, expected: date) -> None:
    assert parse_date(text, MONDAY, prefer=prefer) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # year end: day/month is the next one to come; offsets and weekdays cross it
        ("5/1", YEAR_END, date(2027, 1, 5)),
        ("28/12", YEAR_END, date(2027, 12, 28)),
        ("30/12", YEAR_END, YEAR_END),
        ("1/1", YEAR_END, date(2027, 1, 1)),
        ("30/6", YEAR_END, date(2027, 6, 30)),
        ("2/7", YEAR_END, date(2027, 7, 2)),
        ("+3d", YEAR_END, date(2027, 1, 2)),
        ("2w", YEAR_END, date(2027, 1, 13)),
        ("tomorrow", date(2026, 12, 31), date(2027, 1, 1)),
        ("monday", YEAR_END, date(2027, 1, 4)),
        ("fredag", YEAR_END, date(2027, 1, 1)),
        # year start: a due date without a year never lies behind
        ("28/12", date(2027, 1, 2), date(2027, 12, 28)),
        ("igår", date(2027, 1, 1), date(2026, 12, 31)),
        ("-3d", date(2027, 1, 2), date(2026, 12, 30)),
        # month ends
        ("+1d", date(2026, 2, 28), date(2026, 3, 1)),
        ("+1d", date(2028, 2, 28), date(2028, 2, 29)),
        # leap day
        ("2028-02-29", TUESDAY, date(2028, 2, 29)),
        ("29/2/2028", TUESDAY, date(2028, 2, 29)),
        ("29/2/28", TUESDAY, date(2028, 2, 29)),
        ("29/2", date(2027, 12, 1), date(2028, 2, 29)),
        ("29/2", date(2028, 6, 1), date(2032, 2, 29)),
        ("29/2", date(2029, 1, 15), date(2032, 2, 29)),
    ],
)
def test_parse_date_boundaries(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


def test_day_month_looks_ahead_for_a_due_date_and_back_for_what_happened() -> None:
    # The case: typed on 1 December 2026, "30/06" is due next summer, not past due.
    today = date(2026, 12, 1)
    assert parse_date("30/06", today) == date(2027, 6, 30)
    assert parse_date("30/06", today, prefer="past") == date(2026, 6, 30)
    assert parse_date("1/12", today) == today
    assert parse_date("1/12", today, prefer="past") == today
    assert parse_date("2/12", today, prefer="past") == date(2025, 12, 2)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "31/02",
        "30/2",
        "31/4",
        "31/02/2026",
        "29/2/2027",
        "29/2/27",
        "2026-02-30",
        "2027-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-12-00",
        "0000-01-01",
        "32/1",
        "0/1",
        "15/0",
        "15/13",
        "15/12/2026/1",
        "15.12",
        "15-12",
        "20261215",
        "12/15/2026x",
        "next month",
        "nästa år",
        "om 2 månader",
        "in 2 fortnights",
        "v54",
        "vecka 0",
        "week 53 2027",
        "15 decembr",
        "32 dec",
        "31 apr",
        "den 15 dec",
        "mondays",
        "måndagen",
        "man",
        "son",
        "+d",
        "3",
        "+3",
        "3x",
        "3 months",
        "1000d",
        "+-3d",
        "tomorrow!",
        "i  morgon x",
        "２０２６-12-15",  # full-width digits are not accepted
        "٣d",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, TUESDAY)


def test_date_error_is_value_error() -> None:
    assert issubclass(DateError, ValueError)


def test_date_error_does_not_echo_text() -> None:
    # Messages go to logs; they must never carry what the user typed.
    with pytest.raises(DateError) as info:
        parse_date("811224-1234", TUESDAY)
    assert "811224" not in str(info.value)


def test_offsets_near_the_end_of_time_raise_date_error() -> None:
    with pytest.raises(DateError):
        parse_date("+999w", date(9999, 12, 1))
    with pytest.raises(DateError):
        parse_date("-5d", date(1, 1, 2))


def test_decomposed_swedish_letters_are_accepted() -> None:
    # macOS may send "å" as "a" + U+030A.
    assert parse_date("ma\u030andag", TUESDAY) == date(2026, 12, 21)
    assert parse_weekday("lo\u0308rdag") == 5


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2026-12-15", True),
        ("15/12", True),
        ("15/12/2026", True),
        ("15/12/26", True),
        ("31/02", True),  # shape only: parse_date reports the bad date
        ("2026-02-30", True),
        ("today", True),
        ("IDAG", True),
        ("imorgon", True),
        ("igår", True),
        ("igar", True),
        ("monday", True),
        ("mån", True),
        ("tors", True),
        ("Söndag", True),
        ("+3d", True),
        ("3d", True),
        ("-2d", True),
        ("2w", True),
        ("2v", True),
        ("3days", True),
        ("", False),
        ("i dag", False),  # not a single token
        ("3 days", False),
        ("A3", False),
        ("F12", False),
        ("hello", False),
        ("man", False),
        ("2026", False),
        ("1500000", False),
        ("08:00", False),
        ("next", False),
        ("<@U123>", False),
    ],
)
def test_looks_like_date(token: str, expected: bool) -> None:
    assert looks_like_date(token) is expected


@given(st.text())
def test_parse_date_only_raises_date_error(text: str) -> None:
    for prefer in ("future", "past"):
        try:
            result = parse_date(text, TUESDAY, prefer=prefer)  # type: ignore[arg-type]
        except DateError:
            continue
        assert isinstance(result, date)


@given(
    st.text(alphabet=st.sampled_from("0123456789/-+dwv .åäöDWV"), max_size=14),
    st.dates(),
    st.sampled_from(["future", "past"]),
)
def test_date_like_text_only_raises_date_error(text: str, today: date, prefer: str) -> None:
    with contextlib.suppress(DateError):
        parse_date(text, today, prefer=prefer)  # type: ignore[arg-type]


@given(st.text())
def test_looks_like_date_agrees_with_parse_date(text: str) -> None:
    # Whatever parse_date accepts as one token, looks_like_date recognises.
    if len(text.split()) != 1:
        return
    try:
        parse_date(text, TUESDAY)
    except DateError:
        return
    assert looks_like_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_iso_text_round_trips(d: date) -> None:
    assert parse_date(d.isoformat(), TUESDAY) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}", TUESDAY) == d


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(0, 6),
    st.sampled_from(["future", "past"]),
)
def test_weekday_lands_within_a_week(today: date, weekday: int, prefer: str) -> None:
    name = format_weekday(weekday, "sv")
    result = parse_date(name, today, prefer=prefer)  # type: ignore[arg-type]
    assert result.weekday() == weekday
    gap = (result - today).days if prefer == "future" else (today - result).days
    assert 1 <= gap <= 7


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(1, 31),
    st.integers(1, 12),
    st.sampled_from(["future", "past"]),
    st.sampled_from(["{d}/{m}", "{d} {name}", "{d} {short}"]),
)
def test_day_month_is_the_next_to_come_or_the_latest(
    today: date, day: int, month: int, prefer: str, shape: str
) -> None:
    names = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti")
    names += ("september", "oktober", "november", "december")
    text = shape.format(d=day, m=month, name=names[month - 1], short=names[month - 1][:3])
    try:
        result = parse_date(text, today, prefer=prefer)  # type: ignore[arg-type]
    except DateError:
        # Only a day no year has near today: 30/2, 31/4, or 29/2 with no leap year at hand.
        assert day > 28
        return
    assert (result.day, result.month) == (day, month)
    if prefer == "future":
        # Never behind today, and no earlier year would also have been ahead.
        assert result >= today
        assert not today <= _same_day(result, result.year - 1) < result
    else:
        assert result <= today
        assert not result < _same_day(result, result.year + 1) <= today


def _same_day(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:
        return date.min


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 12, 14), (2026, 51)),
        (date(2026, 12, 20), (2026, 51)),  # Sunday ends the week
        (date(2026, 12, 21), (2026, 52)),  # Monday starts the next
        (date(2026, 12, 28), (2026, 53)),
        (date(2026, 12, 31), (2026, 53)),
        (date(2027, 1, 1), (2026, 53)),
        (date(2027, 1, 3), (2026, 53)),
        (date(2027, 1, 4), (2027, 1)),
        (date(2026, 1, 1), (2026, 1)),
        (date(2025, 12, 29), (2026, 1)),
        (date(2024, 12, 30), (2025, 1)),
    ],
)
def test_iso_week(d: date, expected: tuple[int, int]) -> None:
    assert iso_week(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 12, 14), (date(2026, 12, 14), date(2026, 12, 20))),
        (date(2026, 12, 15), (date(2026, 12, 14), date(2026, 12, 20))),
        (date(2026, 12, 20), (date(2026, 12, 14), date(2026, 12, 20))),
        (date(2026, 12, 21), (date(2026, 12, 21), date(2026, 12, 27))),
        # ISO week 53 of 2026 spans the new year
        (date(2026, 12, 28), (date(2026, 12, 28), date(2027, 1, 3))),
        (date(2027, 1, 1), (date(2026, 12, 28), date(2027, 1, 3))),
        (date(2027, 1, 3), (date(2026, 12, 28), date(2027, 1, 3))),
        (date(2027, 1, 4), (date(2027, 1, 4), date(2027, 1, 10))),
        (date(2028, 2, 29), (date(2028, 2, 28), date(2028, 3, 5))),
    ],
)
def test_week_range(d: date, expected: tuple[date, date]) -> None:
    assert week_range(d) == expected


@given(st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 24)))
def test_week_range_matches_iso_week(d: date) -> None:
    monday, sunday = week_range(d)
    assert monday.weekday() == 0
    assert sunday - monday == timedelta(days=6)
    assert monday <= d <= sunday
    assert iso_week(monday) == iso_week(d) == iso_week(sunday)
    assert iso_week(monday - timedelta(days=1)) != iso_week(d)


@pytest.mark.parametrize(
    ("d", "lang", "today", "expected"),
    [
        (date(2026, 12, 15), "en", date(2026, 1, 1), "15 Dec"),
        (date(2026, 12, 15), "sv", date(2026, 1, 1), "15 dec."),
        (date(2026, 12, 15), "en", None, "15 Dec 2026"),
        (date(2026, 12, 15), "sv", None, "15 dec. 2026"),
        (date(2027, 1, 5), "en", date(2026, 12, 30), "5 Jan 2027"),
        (date(2027, 1, 5), "sv", date(2026, 12, 30), "5 jan. 2027"),
        (date(2026, 3, 1), "sv", date(2026, 6, 1), "1 mars"),
        (date(2026, 5, 1), "sv", None, "1 maj 2026"),
        (date(2026, 9, 1), "en", date(2026, 6, 1), "1 Sept"),
        (date(2026, 12, 15), "sv_SE", None, "15 dec. 2026"),
        (date(2026, 12, 15), "en_GB", None, "15 Dec 2026"),
    ],
)
def test_format_date(d: date, lang: str, today: date | None, expected: str) -> None:
    assert format_date(d, lang, today) == expected


@pytest.mark.parametrize(
    ("weekday", "en", "sv"),
    [
        (0, "Monday", "måndag"),
        (1, "Tuesday", "tisdag"),
        (2, "Wednesday", "onsdag"),
        (3, "Thursday", "torsdag"),
        (4, "Friday", "fredag"),
        (5, "Saturday", "lördag"),
        (6, "Sunday", "söndag"),
    ],
)
def test_format_and_parse_weekday(weekday: int, en: str, sv: str) -> None:
    assert format_weekday(weekday, "en") == en
    assert format_weekday(weekday, "sv") == sv
    assert parse_weekday(en) == weekday
    assert parse_weekday(sv) == weekday
    assert parse_weekday(en[:3]) == weekday
    assert parse_weekday(sv[:3]) == weekday
    assert parse_weekday(f"  {sv.upper()} ") == weekday


@pytest.mark.parametrize("weekday", [-1, 7])
def test_format_weekday_rejects_out_of_range(weekday: int) -> None:
    with pytest.raises(ValueError):
        format_weekday(weekday, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mandag", 0),
        ("tues", 1),
        ("thur", 3),
        ("thurs", 3),
        ("tors", 3),
        ("lordag", 5),
        ("sondag", 6),
        ("MÅN", 0),
        ("", None),
        ("man", None),
        ("son", None),
        ("monday!", None),
        ("today", None),
        ("weekday", None),
    ],
)
def test_parse_weekday(text: str, expected: int | None) -> None:
    assert parse_weekday(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00", time(8, 0)),
        ("8:00", time(8, 0)),
        ("0800", time(8, 0)),
        ("8.00", time(8, 0)),
        ("800", time(8, 0)),
        ("8", time(8, 0)),
        ("08", time(8, 0)),
        ("09:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("0930", time(9, 30)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("2359", time(23, 59)),
        (" 17:05 ", time(17, 5)),
    ],
)
def test_parse_hhmm(text: str, expected: time) -> None:
    assert parse_hhmm(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24:00",
        "8:60",
        "25",
        "2400",
        "8:5",
        "8:000",
        "08-00",
        "8am",
        "kl 8",
        "12345",
        ":30",
        "8:",
        "８:00",
    ],
)
def test_parse_hhmm_rejects(text: str) -> None:
    with pytest.raises(DateError):
        parse_hhmm(text)


@given(st.text())
def test_parse_hhmm_only_raises_date_error(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_hhmm(text)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 12, 23), True),  # Wednesday before Christmas Eve
        (date(2026, 12, 24), False),  # Christmas Eve (de facto)
        (date(2026, 12, 25), False),  # Christmas Day
        (date(2026, 12, 26), False),  # Boxing Day, a Saturday
        (date(2026, 12, 28), True),
        (date(2026, 12, 31), False),  # New Year's Eve (de facto)
        (date(2027, 1, 1), False),  # New Year's Day
        (date(2027, 1, 6), False),  # Epiphany
        (date(2027, 1, 7), True),
        (date(2027, 6, 25), False),  # Midsummer Eve (de facto)
        (date(2027, 6, 26), False),  # Midsummer Day, a Saturday
        (date(2027, 6, 24), True),
        (date(2026, 6, 19), False),  # Midsummer Eve 2026
        (date(2026, 6, 6), False),  # National Day
        (date(2026, 4, 3), False),  # Good Friday
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 5, 14), False),  # Ascension Day
        (date(2026, 5, 1), False),  # May Day
        (date(2026, 12, 19), False),  # a Saturday
        (date(2026, 12, 20), False),  # a Sunday
        (date(2026, 12, 14), True),  # an ordinary Monday
        (date(2026, 12, 18), True),  # an ordinary Friday
    ],
)
def test_is_working_day(d: date, expected: bool) -> None:
    assert is_working_day(d) is expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_weekends_and_eves_are_never_working_days(d: date) -> None:
    if d.weekday() >= 5 or (d.month, d.day) in {(12, 24), (12, 25), (12, 31), (1, 1)}:
        assert not is_working_day(d)
    if d.month == 6 and 19 <= d.day <= 25 and d.weekday() == 4:
        assert not is_working_day(d)


def test_the_holiday_table_is_what_the_holidays_package_says() -> None:
    """samverkan/holidays_se.py is `make holidays`' output for the installed `holidays`."""
    from tools.holidays_table import TARGET, table

    assert TARGET.read_text(encoding="utf-8") == table()


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(1999, 1, 6), False),  # Epiphany, before the table: from the package
        (date(1999, 1, 7), True),
        (date(2101, 12, 24), False),  # Christmas Eve, after the table (and the package's 2100)
        (date(2000, 6, 12), False),  # Whit Monday, a public holiday until 2004
        (date(2005, 5, 16), True),  # Whit Monday 2005, a working day
    ],
)
def test_working_days_outside_and_at_the_edges_of_the_table(d: date, expected: bool) -> None:
    assert is_working_day(d) is expected
