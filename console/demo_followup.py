"""The demo plan's year of follow-up (issue 15): status and assessment changes through the
year, log entries with participants and hours, effect indicators with baselines and
measurements, so that `report year` after `make demo` gives a report worth reading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

#: (activity number, month, day, field, value): how the activities got where they stand.
HISTORY = [
    (1, 2, 2, "status", "active"),
    (1, 2, 2, "rag", "amber"),
    (1, 5, 5, "rag", "green"),
    (2, 3, 2, "status", "active"),
    (2, 3, 2, "rag", "green"),
    (2, 9, 15, "rag", "amber"),
    (3, 3, 10, "status", "active"),
    (3, 3, 10, "rag", "amber"),
    (3, 6, 1, "rag", "green"),
    (5, 2, 16, "status", "active"),
    (5, 2, 16, "rag", "green"),
    (5, 10, 1, "rag", "amber"),
    (6, 2, 2, "status", "active"),
    (6, 2, 2, "rag", "amber"),
    (6, 10, 20, "rag", "red"),
    (9, 4, 1, "status", "active"),
    (9, 4, 1, "rag", "amber"),
    (9, 9, 1, "status", "paused"),
    (10, 3, 2, "status", "active"),
    (10, 3, 2, "rag", "green"),
    (10, 8, 31, "status", "done"),
]

#: (activity, name, baseline, target, unit, the values measured at the end of each month).
INDICATORS = [
    (1, "Trygga kvällstid", 48, 60, "% av boende", {4: 51, 8: 55, 10: 57}),
    (2, "Trasiga armaturer i gångtunneln", 9, 0, "st", {3: 7, 5: 6, 7: 4, 9: 3, 10: 3, 11: 2}),
    (
        6,
        "Anmälda skadegörelser",
        22,
        12,
        "per månad",
        {2: 21, 3: 20, 4: 23, 5: 18, 6: 17, 7: 16, 8: 19, 9: 15, 10: 14, 11: 13},
    ),
    (3, "Unga i kontakt med fältassistenter", 15, 40, "per månad", {4: 22, 6: 25, 9: 33, 11: 38}),
]

#: (activity, user, day of each month, text, participants, hours, months).
MONTHLY = [
    (1, "anna", 12, "Trygghetsvandring med boende och aktörer", 14, 2, (2, 5, 8, 11)),
    (
        3,
        "sara",
        6,
        "Fältassistenterna ute fre–lör, samtal med unga vid torget",
        30,
        40,
        range(3, 12),
    ),
    (5, "johan", 20, "Rastvärdar vid skolstart och skolslut", None, 12, (2, 3, 4, 5, 9, 10, 11)),
    (6, "mats", 9, "Sanering av klotter och skadegörelse inom ett dygn", None, 16, range(2, 12)),
    (2, "mats", 25, "Byte av armaturer i gångtunneln", None, 6, (3, 5, 7, 9, 11)),
    (4, "leila", 24, "Öppet hus på lovet med aktiviteter för unga", 45, 30, (2, 4, 6, 7, 10)),
    (7, "sara", 15, "Föräldravandring en lördagskväll", 9, 3, (4, 6, 9, 10)),
    (8, "erik", 3, "Lägesbild: genomgång av månadens händelser med aktörerna", 7, 2, range(2, 12)),
]


def load_followup(
    run: Callable[[str, str], None],
    origin: datetime,
    until: datetime,
    set_clock: Callable[[datetime], None],
    coordinator: str,
) -> set[int]:
    """Run the year between the plan's start (`origin`) and the demo's week (`until`), in
    order; returns the activities whose status and assessment the history set."""
    year = origin.year
    steps: list[tuple[datetime, int, str, str]] = []

    def at(month: int, day: int, hour: int = 10) -> datetime | None:
        moment = datetime.combine(date(year, month, day), time(hour), tzinfo=origin.tzinfo)
        return moment if origin < moment < until else None

    for n, (number, month, day, field, change) in enumerate(HISTORY):
        when = at(month, day, 9) or origin + timedelta(seconds=n + 1)
        steps.append((when, n, coordinator, f"activity A{number} {field} {change}"))
    for k, (number, name, baseline, target, unit, values) in enumerate(INDICATORS):
        command = (
            f'indicator add A{number} "{name}" baseline {baseline} target {target} unit {unit}'
        )
        steps.append((origin + timedelta(minutes=5 + k), 100 + k, coordinator, command))
        for month, value in values.items():
            end = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            if measured := at(month, end.day, 15):
                steps.append(
                    (measured, 200 + k, coordinator, f'indicator A{number} "{name}" {value}')
                )
    for k, (number, user, day, text, participants, hours, months) in enumerate(MONTHLY):
        for month in months:
            if logged := at(month, day, 14):
                command = f"log A{number} {text}"
                if participants is not None:
                    command += f" participants {participants + (month % 3)}"
                command += f" hours {hours}"
                steps.append((logged, 300 + k, user, command))
    for moment, _, user, command in sorted(steps):
        set_clock(moment)
        run(user, command)
    return {number for number, *_ in HISTORY}
