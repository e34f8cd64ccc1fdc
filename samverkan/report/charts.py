"""The report's charts (matplotlib, Agg): greyscale-legible (markers, line styles and hatches,
never colour alone), sized for an A4 page, as PNG bytes."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

#: Greys from dark to light, and hatches, so categories differ in print without colour.
GREYS = ("#1a1a1a", "#595959", "#8c8c8c", "#bfbfbf", "#e0e0e0", "#ffffff")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
WIDTH, HEIGHT = 6.3, 2.8  # inches: the text width of an A4 page with 2.5 cm margins
DPI = 150


def _png(fig: Figure) -> bytes:
    out = BytesIO()
    fig.savefig(out, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return out.getvalue()


def _style(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", color="#d9d9d9", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8)


def indicator_chart(
    title: str,
    points: list[tuple[date, float]],
    target: float | None,
    labels: tuple[str, str, str],
) -> bytes:
    """An indicator over time: measurements as a solid line with round markers, the baseline
    as a square, the target as a dashed line; `labels` are (measured, baseline, target)."""
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    days = [float(mdates.date2num(d)) for d, _ in points]
    values = [v for _, v in points]
    ax.plot(days, values, color=GREYS[0], marker="o", linewidth=1.8, label=labels[0])
    ax.plot(
        days[:1],
        values[:1],
        color=GREYS[0],
        marker="s",
        markersize=9,
        linestyle="none",
        markerfacecolor="white",
        label=labels[1],
    )
    if target is not None:
        ax.axhline(target, color=GREYS[1], linestyle="--", linewidth=1.4, label=labels[2])
    for d, v in points:
        ax.annotate(
            f"{v:g}", (d, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=7
        )
    ax.set_title(title, fontsize=10, loc="left")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate(rotation=30)
    low = min([*values, target if target is not None else values[0]])
    high = max([*values, target if target is not None else values[0]])
    pad = (high - low) * 0.2 or 1
    ax.set_ylim(min(0, low - pad) if low >= 0 else low - pad, high + pad)
    _style(ax)
    ax.legend(fontsize=7, frameon=False, loc="best")
    return _png(fig)


def month_chart(title: str, months: list[str], series: dict[str, list[int]]) -> bytes:
    """Counts per month stacked by category: each category a grey and a hatch of its own."""
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    bottom = [0] * len(months)
    for n, (name, counts) in enumerate(series.items()):
        ax.bar(
            months,
            counts,
            bottom=bottom,
            label=name,
            color=GREYS[n % len(GREYS)],
            hatch=HATCHES[n % len(HATCHES)],
            edgecolor="black",
            linewidth=0.5,
        )
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_title(title, fontsize=10, loc="left")
    if len(months) > 6:
        ax.tick_params(axis="x", labelrotation=45)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _style(ax)
    if series:
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return _png(fig)


def bar_chart(title: str, names: list[str], values: list[float], unit: str) -> bytes:
    """One horizontal bar per name, its value written at its end."""
    fig, ax = plt.subplots(figsize=(WIDTH, max(1.6, 0.35 * len(names) + 0.8)))
    rows = list(range(len(names)))[::-1]
    ax.barh(rows, values, color=GREYS[2], edgecolor="black", linewidth=0.5, hatch="//")
    ax.set_yticks(rows, names)
    for y, v in zip(rows, values, strict=True):
        ax.annotate(f"{v:g}", (v, y), textcoords="offset points", xytext=(4, -3), fontsize=7)
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_xlabel(unit, fontsize=8)
    _style(ax)
    ax.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    return _png(fig)
