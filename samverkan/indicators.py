"""Effect (DESIGN §1): an indicator's baseline → latest against its target, its trend, and how
it reads in chat. Plain numbers; the report and the export use the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.numbers import format_decimal

from samverkan.dates import babel_locale, format_date
from samverkan.i18n import t
from samverkan.situation import BARS
from samverkan.text import esc
from storage.log_models import Indicator, Measurement

#: Points in an indicator's trend line (the baseline and the newest measurements).
TREND_POINTS = 8


@dataclass(frozen=True)
class Progress:
    """An indicator as it stands on a day: baseline, latest value, target and the trend."""

    indicator: Indicator
    #: The baseline and every measurement up to the day, oldest first, as (day, value).
    points: list[tuple[date, float]]

    @property
    def latest(self) -> tuple[date, float]:
        """The newest point (the baseline when nothing was measured yet)."""
        return self.points[-1]

    @property
    def change(self) -> float:
        """Latest minus baseline."""
        return self.latest[1] - self.indicator.baseline

    @property
    def share(self) -> float | None:
        """How far from the baseline to the target the latest value has come (1.0 = reached;
        negative when it moved away); None without a target or when it equals the baseline."""
        target = self.indicator.target
        if target is None or target == self.indicator.baseline:
            return None
        return (self.latest[1] - self.indicator.baseline) / (target - self.indicator.baseline)

    @property
    def trend(self) -> list[float]:
        """The last eight points' values."""
        return [v for _, v in self.points[-TREND_POINTS:]]


def progress(indicator: Indicator, values: list[Measurement]) -> Progress:
    """An indicator with its measurements (oldest first) as Progress."""
    points = [(indicator.baseline_on, indicator.baseline)]
    points += [(m.measured_on, m.value) for m in values]
    points.sort(key=lambda p: p[0])  # a stable sort: the baseline first on its own day
    return Progress(indicator, points)


def number(lang: str, value: float) -> str:
    """A value as the language writes it: `12`, `1.5` / `1,5`, `12,000` / `12 000`."""
    return format_decimal(value, format="#,##0.##", locale=babel_locale(lang))


def bars(values: list[float]) -> str:
    """One bar per value between the smallest (▁) and the largest (█)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BARS[3] * len(values)
    steps = len(BARS) - 1
    return "".join(BARS[round((v - low) * steps / (high - low))] for v in values)


def progress_line(lang: str, p: Progress, today: date) -> str:
    """`*Reports of vandalism* (per month): 12 (1 Jan) → 8 (3 Nov) · target 6 · 67 % of the
    way · ▇▅▃▂`."""
    i = p.indicator
    unit = f" ({esc(i.unit)})" if i.unit else ""
    day, value = p.latest
    text = t(
        lang,
        "indicator.line",
        name=esc(i.name),
        unit=unit,
        baseline=number(lang, i.baseline),
        since=format_date(i.baseline_on, lang, today),
        latest=number(lang, value),
        on=format_date(day, lang, today),
    )
    if i.target is not None:
        text += " · " + t(lang, "indicator.target", target=number(lang, i.target))
    if (share := p.share) is not None:
        text += " · " + t(lang, "indicator.share", share=round(share * 100))
    if len(p.points) > 1:
        text += f" · {bars(p.trend)}"
    return text
