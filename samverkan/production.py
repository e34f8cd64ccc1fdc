"""Production on log entries (DESIGN §1): `participants <n>` and `hours <n>` typed at the end
of `log` (`deltagare`, `timmar`), read from the form, and how they read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel.numbers import format_decimal

from samverkan.context import UserError
from samverkan.dates import babel_locale
from samverkan.i18n import t
from samverkan.parsing import ParseError, quoted
from storage.log_models import Production

PARTICIPANT_WORDS = ("participants", "participant", "deltagare")
HOUR_WORDS = ("hours", "hour", "timmar", "timme")
#: The most a single entry can claim: a big event, a long day's work by many.
MAX_PARTICIPANTS = 100_000
MAX_HOURS = 10_000
_WHOLE = re.compile(r"[0-9]{1,6}")
_DECIMAL = re.compile(r"[0-9]{1,5}(?:[.,][0-9]{1,2})?")
#: A word meant as a number: it starts like one (`-3`, `2,5`, `12st`).
_NUMBERISH = re.compile(r"[-+]?[0-9]")


def participants_value(text: str) -> int:
    """A typed count of participants (a whole number, 0 to 100 000); ValueError otherwise."""
    text = text.strip()
    if not _WHOLE.fullmatch(text) or int(text) > MAX_PARTICIPANTS:
        raise ValueError(text)
    return int(text)


def hours_value(text: str) -> float:
    """Typed hours (`3`, `1.5`, `1,5`; 0 to 10 000); ValueError otherwise."""
    text = text.strip()
    if not _DECIMAL.fullmatch(text) or float(text.replace(",", ".")) > MAX_HOURS:
        raise ValueError(text)
    return float(text.replace(",", "."))


def take_production(words: list[str], topic: str) -> tuple[list[str], int | None, float | None]:
    """Split a trailing `participants <n>` and `hours <n>` (either order, each once) off the
    words; a keyword followed by something meant as a number that is not one is refused."""
    participants: int | None = None
    hours: float | None = None
    while len(words) >= 2 and not quoted(words)[-2] and _NUMBERISH.match(words[-1]):
        word, value = words[-2].casefold(), words[-1]
        if word in PARTICIPANT_WORDS and participants is None:
            try:
                participants = participants_value(value)
            except ValueError:
                raise ParseError("error.participants_value", topic, {"value": value[:20]}) from None
        elif word in HOUR_WORDS and hours is None:
            try:
                hours = hours_value(value)
            except ValueError:
                raise ParseError("error.hours_value", topic, {"value": value[:20]}) from None
        else:
            break
        words = words[:-2]
    return words, participants, hours


def form_number(value: str | None, field: str) -> int | float | None:
    """A number from the log form's participants or hours field (None when left empty)."""
    if value is None or not value.strip():
        return None
    try:
        return participants_value(value) if field == "participants" else hours_value(value)
    except ValueError:
        raise UserError(f"error.{field}_value", field=field, value=value[:20]) from None


def hours_text(lang: str, hours: float) -> str:
    """Hours as the language writes them: `3`, `1.5` (en), `1,5` (sv)."""
    return format_decimal(hours, format="#,##0.##", locale=babel_locale(lang))


def production_text(lang: str, participants: int | None, hours: float | None) -> str:
    """`12 participants · 3 h` for what was given; "" when nothing was."""
    parts = []
    if participants is not None:
        parts.append(t(lang, "production.participants", n=participants))
    if hours is not None:
        parts.append(t(lang, "production.hours", hours=hours_text(lang, hours)))
    return " · ".join(parts)


def total(rows: Iterable[Production]) -> Production:
    """Production rows summed into one (activity and organisation left out)."""
    entries = participants = 0
    hours = 0.0
    for r in rows:
        entries, participants, hours = (
            entries + r.entries,
            participants + r.participants,
            hours + r.hours,
        )
    return Production(None, None, entries, participants, hours)
