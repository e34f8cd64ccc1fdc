"""Look-ups in the message catalog, with English as the fallback language."""

from __future__ import annotations

from samverkan.messages import MESSAGES

LANGUAGES = ("en", "sv")


def t(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r}")
    template = entry[1] if lang == "sv" else entry[0]
    return template.format(**values) if values else template


def has(key: str) -> bool:
    """Whether the catalog holds a message."""
    return key in MESSAGES
