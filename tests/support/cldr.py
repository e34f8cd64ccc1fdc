"""Date text as Babel (CLDR) itself writes it, so a CLDR update cannot break a correct build."""

from __future__ import annotations

from datetime import date

from babel.dates import format_interval

_LOCALES = {"en": "en_GB", "sv": "sv_SE"}


def babel_range(lang: str, start: date, end: date) -> str:
    """Babel's "23–29 Nov 2026" for the plan language, thin spaces as plain ones (as shown)."""
    text = format_interval(start, end, "yMMMd", locale=_LOCALES[lang])
    return text.replace("\u2009", " ").replace("\u202f", " ")
