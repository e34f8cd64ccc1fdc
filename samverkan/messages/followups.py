"""Follow-ups: followup.* replies and follow-up status names (fstatus.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- follow-ups ------------------------------------------------------------------------
    "followup.added": (
        "*{ref}* for {assignee} from {by}{extra}:",
        "*{ref}* till {assignee} från {by}{extra}:",
    ),
    "followup.added_own": ("*{ref}* for {assignee}{extra}:", "*{ref}* till {assignee}{extra}:"),
    "followup.due_part": ("due {due}", "senast {due}"),
    "followup.due_today": ("due today", "ska vara klar idag"),
    "followup.late": ("{n} d late (due {due})", "{n} d försenad (senast {due})"),
    "followup.for": ("for {user}", "till {user}"),
    "followup.from": ("from {user}", "från {user}"),
    "followup.done": ("✅ *{ref}* done: {text} (by {user})", "✅ *{ref}* klar: {text} (av {user})"),
    "followup.cancelled": (
        "✖️ *{ref}* cancelled: {text} (by {user})",
        "✖️ *{ref}* avbruten: {text} (av {user})",
    ),
    "followup.snoozed": (
        "⏭️ *{ref}* {text}: moved from {old} to *{new}* (by {user})",
        "⏭️ *{ref}* {text}: flyttad från {old} till *{new}* (av {user})",
    ),
    "followup.reassigned": (
        "🔁 *{ref}* {text}: reassigned from {old} to {new}",
        "🔁 *{ref}* {text}: omfördelad från {old} till {new}",
    ),
    # -- follow-up status names ------------------------------------------------------------
    "fstatus.open": ("open", "öppen"),
    "fstatus.done": ("done", "klar"),
    "fstatus.cancelled": ("cancelled", "avbruten"),
}
