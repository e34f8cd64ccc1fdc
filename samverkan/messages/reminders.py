"""Reminders: the reminders on/off replies and the reminder messages (reminder.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reminders on/off ------------------------------------------------------------------
    "reminders.on": (
        "Reminders are on: on working days at 09:00 you get a message when follow-ups are due.",
        "Påminnelser är på: vardagar kl. 09:00 får du ett meddelande när uppföljningar förfaller.",
    ),
    "reminders.off": (
        "Reminders are off. `{cmd} reminders on` turns them back on.",
        "Påminnelser är av. `{cmd} påminnelser på` slår på dem igen.",
    ),
    # -- reminder messages (samverkan/reminders.py) ----------------------------------------
    "reminder.title": ("Follow-ups for today", "Dagens uppföljningar"),
    "reminder.intro": (
        "You have {n} {n:follow-up|follow-ups} due today or overdue.",
        "Du har {n} {n:uppföljning|uppföljningar} som ska vara {n:klar|klara} idag eller är "
        "{n:försenad|försenade}.",
    ),
    "reminder.footer": (
        "All yours: `{cmd} mine` · no more of these messages: `{cmd} reminders off`",
        "Alla dina: `{cmd} mina` · inga fler sådana meddelanden: `{cmd} påminnelser av`",
    ),
}
