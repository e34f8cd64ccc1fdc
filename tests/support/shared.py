"""Locations of the shared Slack material (request fixtures, Web API spec) next to the repository."""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    """Return the shared directory: `$SAMVERKAN_SHARED`, else the sibling `shared/` of the repo root."""
    override = os.environ.get("SAMVERKAN_SHARED")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "shared"


def fixtures_dir() -> Path:
    """Return the directory of Slack request fixtures."""
    return shared_dir() / "slack-fixtures"


def web_api_spec_path() -> Path:
    """Return the path of Slack's OpenAPI description of the Web API."""
    return shared_dir() / "slack-api-spec" / "web-api.json"
