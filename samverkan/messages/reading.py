"""Reading the plan: the status, overdue, search, history and mine replies."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- status ----------------------------------------------------------------------------
    "status.title": ("{name}: status", "{name}: läget"),
    "status.area": ("Area: {area}", "Område: {area}"),
    "status.activities": ("Activities ({n})", "Aktiviteter ({n})"),
    "status.assessment": ("Assessment (ongoing)", "Bedömning (pågående)"),
    "status.open_followups": (
        "Open follow-ups: {n} ({late} late)",
        "Öppna uppföljningar: {n} (försenade: {late})",
    ),
    "status.late_activities": ("Activities past due: {n}", "Aktiviteter efter slutdatum: {n}"),
    "status.week_log": ("Logged in the last 7 days: {n}", "Insatser de senaste 7 dagarna: {n}"),
    "status.attention": ("Needs attention", "Behöver uppmärksamhet"),
    "status.quiet": ("nothing logged for 4 weeks", "inget loggat på 4 veckor"),
    "status.recent": ("Latest log", "Senaste insatser"),
    "status.delivery_error": (
        "The last digest could not be posted ({error}, {when}). Invite the bot to this channel "
        "again.",
        "Senaste veckobrevet kunde inte postas ({error}, {when}). Bjud in boten till kanalen igen.",
    ),
    # -- overdue ---------------------------------------------------------------------------
    "overdue.none": ("Nothing is overdue.", "Inget är försenat."),
    "overdue.title": (
        "Overdue — follow-ups: {f}, activities: {a}",
        "Försenat — uppföljningar: {f}, aktiviteter: {a}",
    ),
    "overdue.followups": ("Follow-ups", "Uppföljningar"),
    "overdue.activities": ("Activities past due", "Aktiviteter efter slutdatum"),
    # -- search ----------------------------------------------------------------------------
    "search.none": ("Nothing in the plan matches “{query}”.", "Inget i planen matchar ”{query}”."),
    "search.title": ("Matches for “{query}”: {n}", "Träffar för ”{query}”: {n}"),
    "search.kind.log": ("Log entry", "Insats"),
    "search.kind.followup": ("Follow-up", "Uppföljning"),
    "search.kind.activity": ("Activity", "Aktivitet"),
    "search.kind.organisation": ("Organisation", "Aktör"),
    "search.kind.observation": ("Observation", "Händelse"),
    "search.kind.cause": ("Cause", "Orsak"),
    "search.cause_activities": (
        "{n} {n:activity works|activities work} on it",
        "{n} {n:aktivitet|aktiviteter} arbetar med den",
    ),
    "search.more": (
        "Older matches not shown: {n}. Add words to narrow the search.",
        "Äldre träffar som inte visas: {n}. Lägg till ord för att smalna av sökningen.",
    ),
    # -- history ---------------------------------------------------------------------------
    "history.title": ("History of {ref}", "Historik för {ref}"),
    "history.older": ("Older events not shown: {n}.", "Äldre händelser som inte visas: {n}."),
    "history.created": ("created it", "skapade den"),
    "history.logged": ("logged {log}", "loggade {log}"),
    "history.updated": ("changed", "ändrade"),
    "history.joined": ("joined", "anslöt"),
    "history.done": ("completed it", "klarmarkerade den"),
    "history.cancelled": ("cancelled it", "avbröt den"),
    "history.snoozed": ("snoozed it", "sköt upp den"),
    "history.reassigned": ("reassigned it", "omfördelade den"),
    "history.digest": ("changed the digest", "ändrade veckobrevet"),
    "history.settings": ("changed settings", "ändrade inställningar"),
    "history.reminders": ("changed reminders", "ändrade påminnelser"),
    # -- mine ------------------------------------------------------------------------------
    "mine.none": ("You have no open follow-ups.", "Du har inga öppna uppföljningar."),
    "mine.title": ("Your open follow-ups ({n})", "Dina öppna uppföljningar ({n})"),
    "mine.more": ("…and {n} more, due later.", "…och {n} till, med senare datum."),
}
