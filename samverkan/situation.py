"""The arithmetic of the situation picture (DESIGN §9): ISO weeks, the comparison with the four
weeks before, the eight-week trend and the hotspots. Plain values in, plain values out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from samverkan.est_words import CONCERN_WEIGHT
from storage import WeekCount

Week = tuple[int, int]  # (ISO year, ISO week)

#: How many weeks before the reported one its counts are compared with.
BASELINE_WEEKS = 4
#: How many weeks the trend line shows, the reported one last.
TREND_WEEKS = 8
#: The trend's bars, lowest first.
BARS = "▁▂▃▄▅▆▇█"
#: How many hotspots the picture names.
HOTSPOTS = 3


def monday(week: Week) -> date:
    """The Monday of an ISO week."""
    return date.fromisocalendar(week[0], week[1], 1)


def week_of(d: date) -> Week:
    """The ISO week a date falls in."""
    iso = d.isocalendar()
    return iso.year, iso.week


def shift(week: Week, weeks: int) -> Week:
    """The ISO week `weeks` weeks later (earlier when negative); week 53 counts like any other."""
    return week_of(monday(week) + timedelta(weeks=weeks))


def weeks_ending(week: Week, n: int) -> list[Week]:
    """The n ISO weeks that end with `week`, oldest first."""
    return [shift(week, k - n + 1) for k in range(n)]


def latest_week(number: int, today: date) -> Week | None:
    """The latest ISO week with this number that is not still to come; None if none is near.

    `situation v48` typed in week 2 means last year's week 48; week 53 exists only in some
    years, so the latest year that has one (within the last seven) is taken.
    """
    this = week_of(today)
    for year in range(this[0], this[0] - 7, -1):
        try:
            monday((year, number))  # week 53 exists only in some years
        except ValueError:
            continue
        if (year, number) <= this:
            return year, number
    return None


@dataclass(frozen=True)
class Compared:
    """A count of the reported week against the mean of the weeks before it."""

    name: str
    n: int
    #: The sum of the baseline weeks (the mean is `baseline / BASELINE_WEEKS`).
    baseline: int
    #: ▲ more than the mean, ▼ fewer, = the same.
    arrow: str

    @property
    def mean(self) -> float:
        """The mean of the baseline weeks."""
        return self.baseline / BASELINE_WEEKS


def arrow(n: int, baseline: int, weeks: int = BASELINE_WEEKS) -> str:
    """▲ ▼ or = for a count against the mean of `weeks` weeks summing to `baseline`."""
    scaled = n * weeks  # compared in whole numbers: no rounding of the mean
    return "▲" if scaled > baseline else "▼" if scaled < baseline else "="


def sparkline(values: list[int]) -> str:
    """One bar per value, ▁ for none, █ for the largest."""
    top = max(values, default=0)
    if top == 0:
        return BARS[0] * len(values)
    steps = len(BARS) - 1
    return "".join(BARS[(v * steps * 2 + top) // (2 * top)] for v in values)


def compare(counts: list[WeekCount], week: Week, key: str) -> list[Compared]:
    """The reported week's counts by `key` ("category" or "place") against the four before.

    Names seen only in the baseline weeks are listed too (with 0 this week): a fall to nothing
    is news. Sorted by this week's count, then by name.
    """
    baseline = set(weeks_ending(shift(week, -1), BASELINE_WEEKS))
    now: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for c in counts:
        name = getattr(c, key)
        if name is None:
            continue
        if (c.iso_year, c.iso_week) == week:
            now[name] += c.n
        elif (c.iso_year, c.iso_week) in baseline:
            before[name] += c.n
    names = sorted(set(now) | set(before), key=lambda k: (-now[k], k))
    return [Compared(k, now[k], before[k], arrow(now[k], before[k])) for k in names]


def trend(counts: list[WeekCount], week: Week, category: str) -> list[int]:
    """One category's counts over the eight weeks that end with the reported one."""
    per_week: Counter[Week] = Counter()
    for c in counts:
        if c.category == category:
            per_week[(c.iso_year, c.iso_week)] += c.n
    return [per_week[w] for w in weeks_ending(week, TREND_WEEKS)]


@dataclass(frozen=True)
class Hotspot:
    place: str
    n: int
    high: int
    score: int


def hotspots(counts: list[WeekCount], week: Week, limit: int = HOTSPOTS) -> list[Hotspot]:
    """The places with the most, or the most concerning, observations of the week.

    Each observation weighs by its concern (low 1, medium 2, high 3); a place needs two
    observations or one of high concern to count as a hotspot.
    """
    n: Counter[str] = Counter()
    high: Counter[str] = Counter()
    score: Counter[str] = Counter()
    for c in counts:
        if (c.iso_year, c.iso_week) != week or c.place is None:
            continue
        n[c.place] += c.n
        score[c.place] += c.n * CONCERN_WEIGHT.get(c.concern, 1)
        if c.concern == "high":
            high[c.place] += c.n
    spots = [Hotspot(p, n[p], high[p], score[p]) for p in n if n[p] >= 2 or high[p]]
    spots.sort(key=lambda h: (-h.score, -h.n, h.place))
    return spots[:limit]


def counted_span(week: Week) -> tuple[date, date]:
    """The first and last day whose observations the picture of `week` counts."""
    first = monday(shift(week, -(TREND_WEEKS - 1)))
    return first, monday(week) + timedelta(days=6)
