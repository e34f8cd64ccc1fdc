"""A report's period: a tertial (Jan–Apr, May–Aug, Sep–Dec), a year, or any two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

#: The tertials' first and last (month, day).
TERTIALS = {1: ((1, 1), (4, 30)), 2: ((5, 1), (8, 31)), 3: ((9, 1), (12, 31))}


@dataclass(frozen=True)
class Period:
    """The days a report covers, and how it is named."""

    start: date
    end: date
    #: "tertial", "year" or "dates".
    kind: str
    #: The tertial's number (1–3), else 0.
    number: int = 0

    @property
    def key(self) -> str:
        """A stable name of the period: `2026-T2`, `2026`, `2026-01-01..2026-06-30`."""
        if self.kind == "tertial":
            return f"{self.start.year}-T{self.number}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def months(self) -> list[date]:
        """The first day of each month the period touches."""
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            out.append(day)
            day = (day + timedelta(days=32)).replace(day=1)
        return out


def tertial(number: int, year: int) -> Period:
    """Tertial 1, 2 or 3 of a year."""
    (m1, d1), (m2, d2) = TERTIALS[number]
    return Period(date(year, m1, d1), date(year, m2, d2), "tertial", number)


def year(year_: int) -> Period:
    """A calendar year."""
    return Period(date(year_, 1, 1), date(year_, 12, 31), "year")


def tertial_of(day: date) -> int:
    """The tertial a day falls in."""
    return 1 if day.month <= 4 else 2 if day.month <= 8 else 3


def tertial_ending(day: date) -> int | None:
    """The tertial whose last day `day` is (30 April, 31 August, 31 December), or None."""
    for number, (_, (m, d)) in TERTIALS.items():
        if (day.month, day.day) == (m, d):
            return number
    return None
