"""Rows to the dataclasses storage returns, by column name: the one mapper every model uses."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol, TypeVar, get_type_hints

T = TypeVar("T")


class Row(Protocol):
    """A query result addressed by column name (sqlite3.Row, or a dict in tests)."""

    def __getitem__(self, key: str, /) -> Any:
        """The value of one column."""
        ...


def parse_date(value: str | None) -> date | None:
    """ISO text to a date; empty or NULL to None."""
    return date.fromisoformat(value) if value else None


def parse_datetime(value: str | None) -> datetime | None:
    """ISO text to a datetime; empty or NULL to None."""
    return datetime.fromisoformat(value) if value else None


def ref(prefix: str, number: int | None) -> str | None:
    """A reference ("A3") from its prefix and number; None without a number."""
    return f"{prefix}{number}" if number is not None else None


_Convert = Callable[[Any], Any] | None


_FIELDS: dict[type, tuple[tuple[str, _Convert, bool], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, _Convert, bool], ...]:
    """Per field of a dataclass: its name, how its column's text is read, whether it has a
    default. Worked out once per class."""
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    hints = get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        convert: _Convert = None
        if kind in (date, date | None):
            convert = parse_date
        elif kind in (datetime, datetime | None):
            convert = parse_datetime
        has_default = not (
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        )
        out.append((f.name, convert, has_default))
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


def from_columns(cls: type[T], r: Row, **given: Any) -> T:
    """`cls` from a row: each field not `given` is the column of its name, its ISO text made
    the date or datetime the field's type says; a field with a default keeps it when the row
    has no such column."""
    for name, convert, has_default in _fields(cls):
        if name in given:
            continue
        try:
            value = r[name]
        except (IndexError, KeyError):
            if has_default:
                continue
            raise
        given[name] = convert(value) if convert is not None else value
    return cls(**given)
