"""Rows to dataclasses by column name (storage/rows.py), the mapper every model uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from storage.rows import from_columns


@dataclass(frozen=True)
class Sample:
    id: int
    on: date
    at: datetime
    until: date | None
    done_at: datetime | None
    note: str | None
    kind: str = "plain"


ROW = {
    "id": 7,
    "on": "2026-12-01",
    "at": "2026-12-01T09:30:00+00:00",
    "until": None,
    "done_at": "",
    "note": "x",
}


def test_each_field_is_its_column_with_dates_and_times_parsed() -> None:
    assert from_columns(Sample, ROW) == Sample(
        id=7,
        on=date(2026, 12, 1),
        at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        until=None,
        done_at=None,
        note="x",
    )


@pytest.mark.parametrize(
    ("row", "given", "expected_kind", "expected_note"),
    [
        ({**ROW, "kind": "special"}, {}, "special", "x"),  # a column for a defaulted field
        (ROW, {}, "plain", "x"),  # no such column: the default
        (ROW, {"note": "given"}, "plain", "given"),  # given wins over the column
    ],
)
def test_defaults_and_given_values(
    row: dict, given: dict, expected_kind: str, expected_note: str
) -> None:
    sample = from_columns(Sample, row, **given)
    assert (sample.kind, sample.note) == (expected_kind, expected_note)


def test_a_missing_column_without_a_default_is_an_error() -> None:
    row = {k: v for k, v in ROW.items() if k != "note"}
    with pytest.raises(KeyError, match="note"):
        from_columns(Sample, row)
