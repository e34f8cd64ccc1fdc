"""Dates as people type them in commands, and as the bot shows them back.

Parsing is bilingual (English and Swedish keywords are accepted whatever the plan's
language); formatting follows the plan's language. Nothing here knows about Slack.
"""

import re
import unicodedata
from datetime import date, time, timedelta
from functools import lru_cache
from typing import Literal

from babel.dates import format_skeleton, get_day_names

__all__ = [
    "DateError",
    "format_date",
    "format_weekday",
    "is_working_day",
    "iso_week",
    "looks_like_date",
    "parse_date",
    "parse_hhmm",
    "parse_weekday",
    "week_range",
]


class DateError(ValueError):
    """Raised with a short reason when a date text cannot be parsed."""


# Weekday names by index (0 = Monday). Full and short forms in both languages; the short
# Swedish forms are the ones on Swedish calendars ("tors" as well as "tor"). ASCII spellings
# of the Swedish names cover keyboards without å/ö, but only for full names: "man" and "son"
# are English words and must not turn ordinary text into a date.
_WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("monday", "mon", "måndag", "mån", "mandag"),
    ("tuesday", "tue", "tues", "tisdag", "tis"),
    ("wednesday", "wed", "onsdag", "ons"),
    ("thursday", "thu", "thur", "thurs", "torsdag", "tor", "tors"),
    ("friday", "fri", "fredag", "fre"),
    ("saturday", "sat", "lördag", "lör", "lordag"),
    ("sunday", "sun", "söndag", "sön", "sondag"),
)
_WEEKDAYS: dict[str, int] = {
    name: index for index, names in enumerate(_WEEKDAY_NAMES) for name in names
}

# "i dag", "i morgon", "i går" are the forms Språkrådet recommends; the closed forms are what
# people actually type. "igar" is "igår" typed without å.
_RELATIVE_WORDS: dict[str, int] = {
    "today": 0,
    "idag": 0,
    "i dag": 0,
    "tomorrow": 1,
    "imorgon": 1,
    "i morgon": 1,
    "yesterday": -1,
    "igår": -1,
    "i går": -1,
    "igar": -1,
    "i gar": -1,
}

# [0-9] rather than \d: \d also matches non-ASCII digits, which nobody means as a date.
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?")
# Three digits at most: 999 weeks is ~19 years, enough for any plan, and it keeps the result
# far from date.max so the arithmetic cannot overflow for a sane `today`.
_OFFSET = re.compile(
    r"([+-]?)([0-9]{1,3}) ?(d|days?|dag|dagar|w|weeks?|v|vecka|veckor)",
)
_WEEK_UNITS = frozenset({"w", "week", "weeks", "v", "vecka", "veckor"})

_HHMM = re.compile(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?|([0-9]{1,2})([0-9]{2})")


def _normalise(text: str) -> str:
    # NFC because macOS clients may send "å" as "a" + combining ring, which would not match.
    folded = unicodedata.normalize("NFC", text).strip().casefold()
    return " ".join(folded.split())


def babel_locale(lang: str) -> str:
    """Babel's locale for a plan language: plans store "en" or "sv"; full tags work too."""
    return "sv_SE" if lang.lower().startswith("sv") else "en_GB"


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError("no such calendar date") from exc


def _nearest_day_month(day: int, month: int, today: date, prefer: str) -> date:
    # "15/12" means the 15 December closest to today: said on 30 December, "5/1" is next
    # week, not eleven months ago. Only neighbouring years can be nearest.
    candidates: list[date] = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        # 29/2 far from a leap year (or 31/4 anywhere): ask for an explicit year instead of
        # jumping years away.
        raise DateError("no such day and month near today")

    def rank(candidate: date) -> tuple[int, int]:
        # Ties (possible around 1 July) go to the direction the caller prefers.
        is_future = candidate > today
        wanted = is_future if prefer == "future" else not is_future
        return (abs((candidate - today).days), 0 if wanted else 1)

    return min(candidates, key=rank)


def parse_date(text: str, today: date, prefer: Literal["future", "past"] = "future") -> date:
    """Parse a date typed in a command, relative to `today`; raise DateError if it is not one."""
    # Semantics worth knowing:
    # - weekday names: with prefer="future" the next occurrence strictly after today (typed on
    #   a Monday, "monday" is a week ahead); with prefer="past" the latest strictly before
    #   today. "Today" has its own word, so a weekday name never means today.
    # - "15/12": the year that puts the date nearest today; 2-digit years are 20YY.
    # - offsets: "+3d"/"-2w" go the signed way; an unsigned "3d" goes the way `prefer` says.
    # Error messages are for logs and never echo the text (it may hold personal data).
    s = _normalise(text)
    if not s:
        raise DateError("empty date")
    try:
        return _parse(s, today, prefer)
    except OverflowError as exc:
        raise DateError("date out of range") from exc


def _parse(s: str, today: date, prefer: str) -> date:
    if match := _ISO.fullmatch(s):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day)

    if match := _DMY.fullmatch(s):
        day, month = int(match[1]), int(match[2])
        if match[3] is None:
            return _nearest_day_month(day, month, today, prefer)
        year = int(match[3])
        if len(match[3]) == 2:
            year += 2000
        return _make_date(year, month, day)

    if s in _RELATIVE_WORDS:
        return today + timedelta(days=_RELATIVE_WORDS[s])

    weekday = _WEEKDAYS.get(s)
    if weekday is not None:
        if prefer == "past":
            return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)

    if match := _OFFSET.fullmatch(s):
        sign, amount, unit = match.groups()
        backwards = sign == "-" or (not sign and prefer == "past")
        days = int(amount) * (7 if unit in _WEEK_UNITS else 1)
        return today + timedelta(days=-days if backwards else days)

    raise DateError("unrecognised date format")


def looks_like_date(token: str) -> bool:
    """Tell whether a single token has the shape of a date that parse_date understands."""
    # Shape only, no calendar check: "31/02" counts, so the grammar takes it as the date and
    # the user gets "invalid date" instead of the token silently becoming part of the text.
    s = _normalise(token)
    if not s or " " in s:
        return False
    return bool(
        s in _RELATIVE_WORDS
        or s in _WEEKDAYS
        or _ISO.fullmatch(s)
        or _DMY.fullmatch(s)
        or _OFFSET.fullmatch(s)
    )


def iso_week(d: date) -> tuple[int, int]:
    """Return (ISO year, ISO week number) of a date."""
    iso = d.isocalendar()
    return iso.year, iso.week


def week_range(d: date) -> tuple[date, date]:
    """Return the Monday and Sunday of the ISO week that contains `d`."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def format_date(d: date, lang: str, today: date | None = None) -> str:
    """Format a date for the plan's language, leaving out the year when it is this year's."""
    return _format_date(d, lang, today is not None and today.year == d.year)


@lru_cache(maxsize=4096)
def _format_date(d: date, lang: str, this_year: bool) -> str:
    # Skeletons let CLDR place day, month and punctuation per language ("15 Dec", "15 dec.").
    # Babel takes ~0.1 ms a date; lists show the same few days over and over, so keep them.
    return format_skeleton("MMMd" if this_year else "yMMMd", d, locale=babel_locale(lang))


def format_weekday(weekday: int, lang: str) -> str:
    """Return the full weekday name (0 = Monday) in the plan's language."""
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0..6, got {weekday}")
    # Babel indexes day names with 0 = Monday, like date.weekday().
    return get_day_names("wide", locale=babel_locale(lang))[weekday]


def parse_weekday(text: str) -> int | None:
    """Return 0..6 (Monday first) for an English or Swedish weekday name, else None."""
    return _WEEKDAYS.get(_normalise(text))


def parse_hhmm(text: str) -> time:
    """Parse a time of day such as "08:00", "8:00", "8.00", "0800" or "8"; raise DateError."""
    match = _HHMM.fullmatch(_normalise(text))
    if match is None:
        raise DateError("unrecognised time format")
    if match[1] is not None:
        hour, minute = int(match[1]), int(match[2] or 0)
    else:
        hour, minute = int(match[3]), int(match[4])
    if hour > 23 or minute > 59:
        raise DateError("no such time of day")
    return time(hour, minute)


def _midsummer_eve(year: int) -> date:
    # Midsummer Eve is the Friday between 19 and 25 June.
    june_19 = date(year, 6, 19)
    return june_19 + timedelta(days=(4 - june_19.weekday()) % 7)


@lru_cache(maxsize=32)
def _days_off(year: int) -> frozenset[date]:
    # The law's public holidays come from `holidays`. Midsummer, Christmas and New Year's Eve
    # are not public holidays in law but nearly everyone is off; `holidays` only files them
    # under a DE_FACTO category since ~0.88 (earlier releases in our pin lack it), so they
    # are added here explicitly. Sundays are covered by the weekend check instead.
    import holidays  # here, not at start: it loads every calendar of the world (~0.1 s)

    official = holidays.Sweden(years=year)
    eves = {_midsummer_eve(year), date(year, 12, 24), date(year, 12, 31)}
    return frozenset(official.keys()) | eves


def is_working_day(d: date) -> bool:
    """Tell whether `d` is a Swedish working day (not a weekend, public holiday or eve)."""
    return d.weekday() < 5 and d not in _days_off(d.year)
