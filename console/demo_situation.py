"""The demo plan's situation picture: places, eight weeks of observations, measures and one
agreed assessment, so that `situation` right after `make demo` shows a real picture."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

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
    for k, (category, place, who, band, concern, text, counts) in enumerate(PATTERN):
        for age, n in zip(range(7, -1, -1), counts, strict=True):
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
