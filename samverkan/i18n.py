"""Look-ups in the message catalog, with English as the fallback language.

A count in a message takes its noun's plural form from CLDR's plural rules (Babel):
`"{n} {n:entry|entries}"` renders "1 entry", "0 entries", "2 entries"; `"{n} {n:sak|saker}"`
renders "1 sak", "2 saker". The forms after the colon are the language's plural categories in
CLDR order (zero, one, two, few, many, other: for English and Swedish `one|other`); the value
must be a whole number.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from babel import Locale

from samverkan.messages import MESSAGES

LANGUAGES = ("en", "sv")
#: CLDR's plural categories, in the order their forms are written in a message.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
#: A plural field: `{n:entry|entries}` (one form per category of the language).
PLURAL_FIELD = re.compile(r"\{(\w+):([^{}]*\|[^{}]*)\}")


@lru_cache(maxsize=4)
def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural categories of a language, in CLDR order ("one", "other" for en and sv)."""
    rule = Locale.parse("sv_SE" if lang == "sv" else "en_GB").plural_form
    return tuple(c for c in CATEGORIES if c in rule.tags or c == "other")


def plural(lang: str, count: int, forms: str) -> str:
    """The form of `forms` ("entry|entries") that the language's plural rule picks for `count`."""
    words = forms.split("|")
    categories = plural_categories(lang)
    if len(words) != len(categories):
        raise ValueError(f"{forms!r}: {lang} needs {len(categories)} forms ({categories})")
    rule = Locale.parse("sv_SE" if lang == "sv" else "en_GB").plural_form
    return words[categories.index(rule(count))]


class _Formatter(string.Formatter):
    """str.format, where a field whose spec holds `|` picks a plural form of its number."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise TypeError(f"a plural form needs a whole number, not {value!r}")
            return plural(self.lang, int(value), format_spec)
        return str(super().format_field(value, format_spec))


def t(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in (counts pick their plural form)."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r}")
    template = entry[1] if lang == "sv" else entry[0]
    if not values:
        return template
    if "|" in template:
        return _Formatter(lang).format(template, **values)
    return template.format(**values)


def counts(key: str) -> set[str]:
    """The names of the values whose number picks a plural form in message `key`."""
    en, sv = MESSAGES[key]
    return {name for name, _ in PLURAL_FIELD.findall(en)} | {
        name for name, _ in PLURAL_FIELD.findall(sv)
    }


def has(key: str) -> bool:
    """Whether the catalog holds a message."""
    return key in MESSAGES
