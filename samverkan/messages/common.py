"""Shared texts: field labels (field.*) and the "and N more" lines (list.*, blocks.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- field labels: activity cards, history lines, errors -------------------------------
    "field.status": ("Status", "Status"),
    "field.rag": ("Assessment", "Bedömning"),
    "field.owner": ("Owner", "Ägare"),
    "field.due": ("Due", "Senast"),
    "field.cause": ("Cause", "Orsak"),
    "field.goal": ("Operational goal", "Operativt mål"),
    "field.title": ("Title", "Titel"),
    "field.name": ("Name", "Namn"),
    "field.channel": ("Channel", "Kanal"),
    "field.kind": ("Kind", "Typ"),
    "field.organisation": ("Organisation", "Aktör"),
    "field.role": ("Role", "Roll"),
    "field.activity": ("Activity", "Aktivitet"),
    "field.text": ("Text", "Text"),
    "field.on": ("Date", "Datum"),
    "field.source": ("Source", "Källa"),
    "field.assignee": ("Assignee", "Ansvarig"),
    "field.log": ("Log", "Logg"),
    "field.weekday": ("Weekday", "Veckodag"),
    "field.time": ("Time", "Tid"),
    "field.reminders": ("Reminders", "Påminnelser"),
    "field.language": ("Language", "Språk"),
    "field.timezone": ("Timezone", "Tidszon"),
    "field.area": ("Area", "Område"),
    # -- "and N more" under a cut list -----------------------------------------------------
    "blocks.more": (
        "…and {n} more {n:line that does|lines that do} not fit in one message.",
        "…och {n} {n:rad|rader} till som inte ryms i ett meddelande.",
    ),
    "list.more": ("…and {n} more: {command}", "…och {n} till: {command}"),
}
