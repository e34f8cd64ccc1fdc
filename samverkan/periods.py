"""An activity's period, the template's "When": typed, shown, and written into files.

`2027-01-15 – 2027-06-30`, `jan–jun 2027`, `vt 2027` / `ht 2027` (the Swedish school terms:
January–June, July–December), `ongoing` / `löpande`, or one date (the period ends then).
Month names come from Babel, in both languages, wide and abbreviated.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import get_month_names

from samverkan.dates import DateError, babel_locale, format_date, parse_date

ONGOING_WORDS = frozenset({"ongoing", "löpande", "lopande", "continuous", "ständigt"})
NONE_WORDS = frozenset({"none", "ingen", "-", "—"})
_TERMS = {"vt": 1, "spring": 1, "vår": 1, "ht": 7, "autumn": 7, "fall": 7, "höst": 7}
# A dash between two parts: an en or em dash (spaces optional), a spaced hyphen, or a word.
_SPLIT = re.compile(
    r"\s*[–—]\s*|\s+-\s+|(?<=[a-zåäö.])-(?=[a-zåäö])|\s+(?:to|till|until|tom|t\.o\.m\.)\s+"
)
_TERM = re.compile(r"([a-zåäö]+)\s*([0-9]{2}|[0-9]{4})")
_MONTH_YEAR = re.compile(r"([a-zåäö]+)\.?(?:\s+([0-9]{4}))?")


@dataclass(frozen=True)
class Period:
    """A start and an end (either may be open), or ongoing work without dates."""

    start: date | None = None
    end: date | None = None
    ongoing: bool = False

    @property
    def empty(self) -> bool:
        """No period at all."""
        return not self.ongoing and self.start is None and self.end is None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@cache
def _months() -> dict[str, int]:
    """Month names and abbreviations in English and Swedish ("jan", "januari", "maj")."""
    names: dict[str, int] = {}
    for lang in ("en", "sv"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=babel_locale(lang)).items():
                names[_fold(name).rstrip(".")] = number
    names["sept"] = 9
    return names


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _term(text: str) -> Period | None:
    """`vt 2027`, `ht27`, `spring 2027`."""
    m = _TERM.fullmatch(text)
    if not m or m.group(1) not in _TERMS:
        return None
    year, first = _year(m.group(2)), _TERMS[m.group(1)]
    return Period(date(year, first, 1), date(year, 6, 30) if first == 1 else date(year, 12, 31))


def _month_span(first: str, last: str) -> Period | None:
    """`jan–jun 2027`, `januari 2027 – mars 2028`: whole months, the year given at least last."""
    a, b = _MONTH_YEAR.fullmatch(first), _MONTH_YEAR.fullmatch(last)
    months = _months()
    if not a or not b or a.group(1) not in months or b.group(1) not in months:
        return None
    if b.group(2) is None:
        return None
    end_year = int(b.group(2))
    m1, m2 = months[a.group(1)], months[b.group(1)]
    start_year = int(a.group(2)) if a.group(2) else (end_year if m1 <= m2 else end_year - 1)
    end = date(end_year, m2, calendar.monthrange(end_year, m2)[1])
    return Period(date(start_year, m1, 1), end)


def parse_period(text: str, today: date) -> Period:
    """A typed period; raises DateError (the reason only, never the text) when it is none."""
    s = _fold(text)
    if not s or s in NONE_WORDS:
        return Period()
    if s in ONGOING_WORDS:
        return Period(ongoing=True)
    if found := _term(s):
        return found
    parts = _SPLIT.split(s.rstrip("–—- ") if s.endswith(("–", "—")) else s, maxsplit=1)
    if s.endswith(("–", "—")) and len(parts) == 1:
        return Period(start=parse_date(parts[0], today))
    if len(parts) == 2:
        if found := _month_span(parts[0], parts[1]):
            return found
        start = parse_date(parts[0], today)
        end = parse_date(parts[1], start)
        if end < start:
            raise DateError("the period ends before it starts")
        return Period(start, end)
    if (m := _MONTH_YEAR.fullmatch(s)) and m.group(1) in _months() and m.group(2):
        return _month_span(s, s) or Period()
    return Period(end=parse_date(s, today))


def show_period(p: Period, lang: str, today: date | None = None) -> str:
    """A period for a reply, in the plan's language ("—" for none)."""
    if p.ongoing:
        return "löpande" if lang == "sv" else "ongoing"
    if p.start and p.end:
        return f"{format_date(p.start, lang, today)} – {format_date(p.end, lang, today)}"
    if p.end:
        return format_date(p.end, lang, today)
    if p.start:
        return f"{format_date(p.start, lang, today)} –"
    return "—"


def write_period(p: Period, lang: str) -> str:
    """A period for a file: ISO dates, so that importing the file reads it back the same."""
    if p.ongoing:
        return "löpande" if lang == "sv" else "ongoing"
    if p.start and p.end:
        return f"{p.start.isoformat()} – {p.end.isoformat()}"
    if p.end:
        return p.end.isoformat()
    if p.start:
        return f"{p.start.isoformat()} –"
    return ""
