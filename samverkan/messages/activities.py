"""Activities: activity.* replies, status names (status.<value>) and rag.*."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- activities ------------------------------------------------------------------------
    "activity.added": (
        "New activity *{ref}*: {title}{details}.",
        "Ny aktivitet *{ref}*: {title}{details}.",
    ),
    "activity.owner_part": ("owner {owner}", "ägare {owner}"),
    "activity.due_part": ("due {due}", "senast {due}"),
    "activity.none": (
        "No activities yet. A coordinator adds one with `{cmd} activity add <title>`.",
        "Inga aktiviteter än. En samordnare lägger till en med `{cmd} aktivitet ny <titel>`.",
    ),
    "activity.list_title": ("{name}: activities ({n})", "{name}: aktiviteter ({n})"),
    "activity.legend": (
        "🟢 green · 🟡 amber · 🔴 red · ⚫ not assessed · ⏰ past due",
        "🟢 grön · 🟡 gul · 🔴 röd · ⚫ ej bedömd · ⏰ försenad",
    ),
    "activity.recent_log": ("Latest log", "Senaste insatser"),
    "activity.no_log": (
        "Nothing logged yet: `{cmd} log {ref} <what you did>`.",
        "Inget loggat än: `{cmd} logga {ref} <vad du gjorde>`.",
    ),
    "activity.open_followups": ("Open follow-ups", "Öppna uppföljningar"),
    "activity.detail_help": (
        "`{cmd} activity {ref} status <status>` · `{cmd} activity {ref} rag <green|amber|red>` · "
        "`{cmd} history {ref}`",
        "`{cmd} aktivitet {ref} status <status>` · `{cmd} aktivitet {ref} bedömning "
        "<grön|gul|röd>` · `{cmd} historik {ref}`",
    ),
    "activity.changed": (
        "{icon}*{ref}* {title}: {field} {old} → *{new}* (by {user})",
        "{icon}*{ref}* {title}: {field} {old} → *{new}* (av {user})",
    ),
    # -- activity status names -------------------------------------------------------------
    "status.planned": ("planned", "planerad"),
    "status.active": ("active", "pågår"),
    "status.done": ("done", "klar"),
    "status.paused": ("paused", "pausad"),
    "status.cancelled": ("cancelled", "inställd"),
    # -- assessments (RAG) -----------------------------------------------------------------
    "rag.green": ("green", "grön"),
    "rag.amber": ("amber", "gul"),
    "rag.red": ("red", "röd"),
    "rag.none": ("not assessed", "ej bedömd"),
}
