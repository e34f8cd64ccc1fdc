"""Dates as people type them in commands, and as the bot shows them back.

Parsing is bilingual (English and Swedish keywords are accepted whatever the plan's
language); formatting follows the plan's language. Nothing here knows about Slack.
"""

import re
import unicodedata
from datetime import date, time, timedelta
from functools import lru_cache
from typing import Literal

from babel.dates import format_skeleton, get_day_names, get_month_names

from samverkan import holidays_se

__all__ = [
    "DATE_WORDS",
    "DateError",
    "format_date",
    "format_weekday",
    "is_working_day",
    "iso_week",
    "looks_like_date",
    "parse_date",
    "parse_hhmm",
    "parse_week",
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
_UNITS = r"(d|days?|dag|dagar|w|weeks?|v|vecka|veckor)"
_OFFSET = re.compile(r"([+-]?)([0-9]{1,3}) ?" + _UNITS)
_WEEK_UNITS = frozenset({"w", "week", "weeks", "v", "vecka", "veckor"})
# "in 2 weeks", "om 3 dagar", "in a week", "om en vecka": always ahead of today.
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "en": 1, "ett": 1,
    "two": 2, "två": 2, "tva": 2, "three": 3, "tre": 3, "four": 4, "fyra": 4,
}  # fmt: skip
_IN = re.compile(r"(?:in|om) ([0-9]{1,3}|" + "|".join(_NUMBER_WORDS) + ") " + _UNITS)
_DAY_AFTER_TOMORROW = frozenset(
    {"day after tomorrow", "the day after tomorrow", "övermorgon", "i övermorgon", "overmorgon",
     "i overmorgon"}
)  # fmt: skip
# "next friday" / "nästa fredag": that weekday in next ISO week (plain "friday" is the next
# Friday to come, which may be this week's).
_NEXT = re.compile(r"(?:next|nästa|nasta) (\S+)")
_NEXT_WEEK = frozenset({"week", "vecka"})
# A week: "v50", "v.50", "v 50", "vecka 50", "week 50", optionally with its year.
_WEEK = re.compile(r"(?:v\.? ?|vecka |week |w)([0-9]{1,2})(?: ([0-9]{4}))?")
# "15 dec", "15 december", "15 dec. 2027", and the English "dec 15", "December 15 2027".
_DAY_MONTH = re.compile(r"([0-9]{1,2})\.? ([^\W\d_]+)\.?(?: ([0-9]{4}))?")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.? ([0-9]{1,2})(?:,? ([0-9]{4}))?")


def _month_names() -> dict[str, int]:
    # Babel's wide and abbreviated names in both languages ("december", "dec.", "maj"),
    # and every name's first three letters and "sept", which is what people type.
    names: dict[str, int] = {}
    for locale in ("en_GB", "sv_SE"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                folded = name.casefold().rstrip(".")
                names[folded] = number
                names[folded[:3]] = number
    names["sept"] = 9
    return names


_MONTHS: dict[str, int] = _month_names()
#: The words of dates a typo may be near ("fredga", "decmber"): weekdays and months.
DATE_WORDS = frozenset(_WEEKDAYS) | frozenset(_MONTHS)

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


def _coming_day_month(day: int, month: int, today: date, prefer: str) -> date:
    # A due date without a year is the next one to come (today counts); a date of something
    # done is the latest one (today counts). 29/2 may be up to four years away.
    years = (
        range(today.year, today.year + 5)
        if prefer == "future"
        else range(today.year, today.year - 5, -1)
    )
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= today) if prefer == "future" else (candidate <= today):
            return candidate
    raise DateError("no such day and month")


def parse_date(text: str, today: date, prefer: Literal["future", "past"] = "future") -> date:
    """Parse a date typed in a command, relative to `today`; raise DateError if it is not one."""
    # Semantics worth knowing:
    # - weekday names: with prefer="future" the next occurrence strictly after today (typed on
    #   a Monday, "monday" is a week ahead); with prefer="past" the latest strictly before
    #   today. "Today" has its own word, so a weekday name never means today. "next friday"
    #   is the Friday of next ISO week, whatever the preference.
    # - "15/12", "15 dec": with prefer="future" the next one to come (today counts), with
    #   prefer="past" the latest one (today counts); 2-digit years are 20YY.
    # - offsets: "+3d"/"-2w" go the signed way; an unsigned "3d" goes the way `prefer` says;
    #   "in 2 weeks" / "om 2 veckor" always go ahead.
    # - weeks ("v50", "vecka 50"): the week's Friday; with prefer="future" this ISO year's if
    #   that Friday has not passed, else next year's; with prefer="past" the latest such week
    #   that has begun, its Friday or today, whichever is earlier.
    # Error messages are for logs and never echo the text (it may hold personal data).
    s = _normalise(text)
    if not s:
        raise DateError("empty date")
    try:
        return _parse(s, today, prefer)
    except OverflowError as exc:
        raise DateError("date out of range") from exc


def _parse(s: str, today: date, prefer: Literal["future", "past"]) -> date:
    if match := _ISO.fullmatch(s):
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day)

    if match := _DMY.fullmatch(s):
        day, month = int(match[1]), int(match[2])
        if match[3] is None:
            return _coming_day_month(day, month, today, prefer)
        year = int(match[3])
        if len(match[3]) == 2:
            year += 2000
        return _make_date(year, month, day)

    if (match := _DAY_MONTH.fullmatch(s)) and match[2] in _MONTHS:
        return _day_month_year(int(match[1]), _MONTHS[match[2]], match[3], today, prefer)
    if (match := _MONTH_DAY.fullmatch(s)) and match[1] in _MONTHS:
        return _day_month_year(int(match[2]), _MONTHS[match[1]], match[3], today, prefer)

    if s in _DAY_AFTER_TOMORROW:
        return today + timedelta(days=2)

    if match := _IN.fullmatch(s):
        amount, unit = match.groups()
        count = _NUMBER_WORDS[amount] if amount in _NUMBER_WORDS else int(amount)
        return today + timedelta(days=count * (7 if unit in _WEEK_UNITS else 1))

    if (match := _NEXT.fullmatch(s)) and (match[1] in _WEEKDAYS or match[1] in _NEXT_WEEK):
        # "next week" / "nästa vecka" is its Friday, like a typed week.
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 + _WEEKDAYS.get(match[1], 4))

    if match := _WEEK.fullmatch(s):
        year, week = parse_week(s, today, prefer)
        friday = date.fromisocalendar(year, week, 5)
        return min(friday, today) if prefer == "past" else friday

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


def _day_month_year(day: int, month: int, year: str | None, today: date, prefer: str) -> date:
    if year is None:
        return _coming_day_month(day, month, today, prefer)
    return _make_date(int(year), month, day)


def _has_week(year: int, week: int) -> bool:
    # ISO years have 52 or 53 weeks; 28 December is always in the last one.
    return 1 <= week <= date(year, 12, 28).isocalendar().week


def parse_week(
    text: str, today: date, prefer: Literal["future", "past"] = "future"
) -> tuple[int, int]:
    """(ISO year, week) of a typed week ("v50", "vecka 50", "week 50 2027"); raise DateError.

    Without a year: looking ahead, this ISO year's week if its Friday has not passed, else
    the next year that has it; looking back, the latest such week that has begun.
    """
    match = _WEEK.fullmatch(_normalise(text))
    if match is None:
        raise DateError("unrecognised week")
    week = int(match[1])
    if match[2] is not None:
        if not _has_week(int(match[2]), week):
            raise DateError("no such week")
        return int(match[2]), week
    this_year = today.isocalendar().year
    years = (
        range(this_year, this_year + 8)
        if prefer == "future"
        else range(this_year, this_year - 8, -1)
    )
    for year in years:
        if not _has_week(year, week):
            continue
        if prefer == "future" and date.fromisocalendar(year, week, 5) >= today:
            return year, week
        if prefer == "past" and date.fromisocalendar(year, week, 1) <= today:
            return year, week
    raise DateError("no such week")


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
        or _WEEK.fullmatch(s)
        or s in _DAY_AFTER_TOMORROW
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
    # The table is `holidays`' own answer, kept as data (see holidays_se); only a year outside
    # it imports the package, which loads every calendar of the world (~0.4 s, ~40 MB).
    if holidays_se.FIRST_YEAR <= year <= holidays_se.LAST_YEAR:
        official = {date(year, int(md[:2]), int(md[2:])) for md in holidays_se.DAYS[year].split()}
    else:
        import holidays

        official = set(holidays.Sweden(years=year, include_sundays=False))
    eves = {_midsummer_eve(year), date(year, 12, 24), date(year, 12, 31)}
    return frozenset(official | eves)


def is_working_day(d: date) -> bool:
    """Tell whether `d` is a Swedish working day (not a weekend, public holiday or eve)."""
    return d.weekday() < 5 and d not in _days_off(d.year)
