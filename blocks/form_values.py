"""Reading a submitted modal back: its metadata and its values, whatever Slack (or anyone) sent."""

from __future__ import annotations

import json
from typing import Any


def read_metadata(text: str | None) -> dict[str, Any]:
    """The metadata a modal was opened with ({} when missing or unreadable)."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


#: Elements whose value is a list (of option values, or of file ids).
_MANY = ("multi_static_select", "checkboxes", "file_input")


def read_values(state: dict[str, Any]) -> dict[str, Any]:
    """A submitted view's state as block_id → the value entered (None when left empty)."""
    values: dict[str, Any] = {}
    for block_id, actions in (state or {}).items():
        for element in (actions or {}).values():
            kind = element.get("type")
            if kind in ("static_select", "external_select"):
                option = element.get("selected_option")
                values[block_id] = option.get("value") if isinstance(option, dict) else None
            elif kind in ("multi_static_select", "checkboxes"):
                values[block_id] = [o.get("value") for o in element.get("selected_options") or []]
            elif kind == "file_input":
                values[block_id] = [f.get("id") for f in element.get("files") or []]
            elif kind == "datepicker":
                values[block_id] = element.get("selected_date")
            elif kind == "users_select":
                values[block_id] = element.get("selected_user")
            elif kind == "conversations_select":
                values[block_id] = element.get("selected_conversation")
            else:
                values[block_id] = element.get("value")
            value = values[block_id]
            if kind in _MANY and isinstance(value, list):
                # Several choices or files: ids and values are strings, anything else is dropped.
                values[block_id] = [v for v in value if isinstance(v, str)]
            elif not isinstance(value, str):
                values[block_id] = None  # nothing Slack sends; read as left empty
    return values
