"""Locations of the Slack reference material the tests carry in `tests/data/`."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def fixtures_dir() -> Path:
    """Return the directory of Slack request fixtures (copied from Slack's request shapes)."""
    return DATA_DIR / "slack-fixtures"


def web_api_spec_path() -> Path:
    """Return the path of Slack's OpenAPI description of the Web API (MIT, see its LICENSE)."""
    return DATA_DIR / "slack-api-spec" / "web-api.json"
