"""The demo plan's situation picture: places, a year of observations (the last eight weeks
busiest), measures and one agreed assessment, so that `situation` right after `make demo` shows
a real picture and `report year` a real year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

PLACES = ["Husby centrum", "Gångtunneln", "Husby gård", "Tunnelbanan", "Husbyskolans skolgård"]

# (category, place, who, time band, concern, text, counts over eight weeks, oldest first)
PATTERN = [
    (
        "graffiti",
        "Gångtunneln",
        "mats",
        "night",
        "medium",
        "Nytt klotter på väggarna",
        [1, 0, 1, 1, 2, 2, 3, 4],
    ),
    (
        "groups",
        "Husby centrum",
        "sara",
        "evening",
        "medium",
        "En grupp om 10–15 unga vid torget efter stängning",
        [2, 2, 1, 2, 3, 2, 3, 3],
    ),
    (
        "vandalism",
        "Husby gård",
        "mats",
        "night",
        "low",
        "Krossad ruta i trapphusets entré",
        [1, 1, 2, 1, 0, 1, 1, 2],
    ),
    (
        "unsafe_place",
        "Gångtunneln",
        "johan",
        "evening",
        "high",
        "Belysningen trasig, elever undviker tunneln",
        [0, 1, 0, 1, 1, 1, 2, 2],
    ),
    ("fire", "Husby gård", "erik", "night", None, "Brand i soptunna", [2, 1, 1, 1, 0, 1, 0, 0]),
    (
        "drugs",
        "Tunnelbanan",
        "erik",
        "evening",
        "high",
        "Misstänkt langning vid uppgången",
        [0, 1, 1, 0, 1, 1, 1, 2],
    ),
    (
        "littering",
        "Husbyskolans skolgård",
        "leila",
        "afternoon",
        "low",
        "Mycket skräp på skolgården efter helgen",
        [1, 1, 1, 2, 1, 1, 1, 1],
    ),
    (
        "disorder",
        "Husby centrum",
        "erik",
        "evening",
        "medium",
        "Störningar vid busshållplatsen",
        [1, 0, 1, 1, 1, 0, 2, 1],
    ),
]

#: The earlier weeks' level against the last eight weeks', by month: darker months busier.
SEASON = {1: 0.8, 2: 0.7, 3: 0.6, 4: 0.5, 5: 0.5, 6: 0.6, 7: 0.4, 8: 0.5, 9: 0.7, 10: 0.8}

ASSESSMENT = (
    "Klottret och otryggheten i gångtunneln ökar och unga samlas kvällstid vid centrum; "
    "bränderna i soptunnor har nästan upphört. Fokus denna vecka: belysningen i tunneln och "
    "vuxennärvaro fredag–lördag kväll."
)


def load_situation(run: Callable[[str, str], None], now: datetime, set_clock, coordinator: str):
    """Add the places, the observations of the eight weeks up to `now`, measures and a note."""
    set_clock(now)
    for place in PLACES:
        run(coordinator, f'place add "{place}"')
    today = now.date()
    this_monday = today - timedelta(days=today.weekday())
    weeks_of_year = (this_monday - date(today.year, 1, 1)).days // 7 + 1
    for k, (category, place, who, band, concern, text, counts) in enumerate(PATTERN):
        earlier = [
            _earlier(k, counts, age, (this_monday - timedelta(weeks=age)).month)
            for age in range(weeks_of_year - 1, 7, -1)
        ]
        weeks = [*earlier, *counts]
        for age, n in zip(range(len(weeks) - 1, -1, -1), weeks, strict=True):
            monday = this_monday - timedelta(weeks=age)
            for i in range(n):
                day = min(monday + timedelta(days=(k * 3 + i * 2) % 7), today)
                options = f'at "{place}" on {day.isoformat()} {band}'
                if concern:
                    options += f" concern {concern}"
                run(who, f"observe {category} {options} {text}")
    # Last week's measures: one done, one still open; and this week's.
    set_clock(now - timedelta(weeks=1))
    run("mats", "measure Felanmäl belysningen i gångtunneln by +3d")
    run("anna", "measure Extra fältassistenter vid torget fredag kväll <@sara> by +2d")
    run("sara", "done F9")
    set_clock(now)
    run(coordinator, "measure Sanera klottret i gångtunneln inom 24 timmar <@mats> by +2d")
    run(coordinator, "measure Vuxenvandring vid centrum lördag kväll <@leila> by +4d")
    run(coordinator, f"situation note {ASSESSMENT}")


def _earlier(k: int, counts: list[int], age: int, month: int) -> int:
    """One pattern's observations in a week before the last eight: its level then, by season,
    with a small wobble that is the same on every load."""
    level = sum(counts) / len(counts) * SEASON.get(month, 1.0)
    wobble = ((k * 7 + age * 3) % 5 - 2) / 4
    return max(0, round(level + wobble))
