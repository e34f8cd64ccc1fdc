"""The weekly digest: its schedule replies and the digest itself (digest.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- digest schedule -------------------------------------------------------------------
    "digest.scheduled": ("Weekly digest scheduled.", "Veckobrevet är schemalagt."),
    "digest.off": (
        "The weekly digest is off. `{cmd} digest schedule monday 08:00` turns it on.",
        "Veckobrevet är avstängt. `{cmd} veckobrev schema måndag 08:00` slår på det.",
    ),
    "digest.next_line": (
        "Weekly digest: {day}s at {time} ({tz}); next {next}.",
        "Veckobrev: {day}ar kl. {time} ({tz}); nästa {next}.",
    ),
    "digest.off_line": (
        "No weekly digest is scheduled (`{cmd} digest schedule monday 08:00`).",
        "Inget veckobrev är schemalagt (`{cmd} veckobrev schema måndag 08:00`).",
    ),
    # -- the digest itself (samverkan/digest.py) -------------------------------------------
    "digest.title": ("📋 {name} — {weeks}", "📋 {name} — {weeks}"),
    "digest.week": ("week {week}", "vecka {week}"),
    "digest.weeks": ("weeks {first}–{last}", "veckorna {first}–{last}"),
    "digest.subtitle": ("Weekly digest for {range}", "Veckobrev för {range}"),
    "digest.fallback": (
        "{name} — {weeks} ({range}): {logs} {logs:entry|entries} logged, {overdue} "
        "{overdue:follow-up|follow-ups} overdue, {attention} {attention:item needs|items need} "
        "attention.",
        "{name} — {weeks} ({range}): {logs} {logs:insats loggad|insatser loggade}, {overdue} "
        "{overdue:försenad uppföljning|försenade uppföljningar}, {attention} "
        "{attention:sak|saker} behöver uppmärksamhet.",
    ),
    "digest.activities": ("Activities ({n})", "Aktiviteter ({n})"),
    "digest.changes": ("Changed this week", "Ändrat den här veckan"),
    "digest.no_changes": (
        "No new activities and no status or assessment changes.",
        "Inga nya aktiviteter och inga ändringar av status eller bedömning.",
    ),
    "digest.new_activity": (
        "🆕 *{ref}* {title}: new ({status}, {rag})",
        "🆕 *{ref}* {title}: ny ({status}, {rag})",
    ),
    "digest.change_status": (
        "{icon} *{ref}* {title}: status {old} → *{new}*",
        "{icon} *{ref}* {title}: status {old} → *{new}*",
    ),
    "digest.change_rag": (
        "{icon} *{ref}* {title}: assessment {old} → *{new}*",
        "{icon} *{ref}* {title}: bedömning {old} → *{new}*",
    ),
    "digest.logged_title": ("Logged this week", "Loggat den här veckan"),
    "digest.logged_count": (
        "{n} {n:entry|entries} from {orgs} {orgs:organisation|organisations}",
        "{n} {n:insats|insatser} från {orgs} {orgs:aktör|aktörer}",
    ),
    "digest.logged_none": (
        "Nothing was logged. Record what you did with `{cmd} log [A#] <text>`.",
        "Inget loggades. Logga det du gjort med `{cmd} logga [A#] <text>`.",
    ),
    "digest.entries": ("{n} {n:entry|entries}", "{n} {n:insats|insatser}"),
    "digest.no_activity": ("Not tied to an activity", "Utan aktivitet"),
    "digest.followups": ("Follow-ups", "Uppföljningar"),
    "digest.followups_none": (
        "Nothing overdue, nothing due in the next 7 days, nothing completed.",
        "Inget försenat, inget som ska vara klart inom 7 dagar, inget klarmarkerat.",
    ),
    "digest.overdue": ("Overdue ({n})", "Försenade ({n})"),
    "digest.overdue_line": (
        "⏰ *{ref}* {text} — {user}, {days} d late",
        "⏰ *{ref}* {text} — {user}, {days} d försenad",
    ),
    "digest.overdue_elsewhere": (
        "{n} more overdue by over a week: under Needs attention.",
        "{n} till är {n:försenad|försenade} mer än en vecka: under Behöver uppmärksamhet.",
    ),
    "digest.due_soon": ("Due in the next 7 days ({n})", "Ska vara klara inom 7 dagar ({n})"),
    "digest.due_soon_line": (
        "📅 *{ref}* {text} — {user}, {due}",
        "📅 *{ref}* {text} — {user}, {due}",
    ),
    "digest.due_today_line": (
        "📅 *{ref}* {text} — {user}, today",
        "📅 *{ref}* {text} — {user}, idag",
    ),
    "digest.completed": ("Completed this week ({n})", "Klara den här veckan ({n})"),
    "digest.completed_line": ("✅ *{ref}* {text} — {user}", "✅ *{ref}* {text} — {user}"),
    "digest.attention": ("Needs attention", "Behöver uppmärksamhet"),
    "digest.attention_none": (
        "Nothing needs attention this week. 👍",
        "Inget behöver särskild uppmärksamhet den här veckan. 👍",
    ),
    "digest.owner_part": (" · {owner}", " · {owner}"),
    "digest.attention_red": (
        "🔴 *{ref}* {title}: assessed red{owner}",
        "🔴 *{ref}* {title}: bedömd som röd{owner}",
    ),
    "digest.attention_late": (
        "⏰ *{ref}* {title}: past due ({due}){owner}",
        "⏰ *{ref}* {title}: efter slutdatum ({due}){owner}",
    ),
    "digest.attention_quiet": (
        "💤 *{ref}* {title}: nothing logged for 4 weeks (last {last}){owner}",
        "💤 *{ref}* {title}: inget loggat på 4 veckor (senast {last}){owner}",
    ),
    "digest.attention_quiet_never": (
        "💤 *{ref}* {title}: active for 4 weeks, nothing logged yet{owner}",
        "💤 *{ref}* {title}: pågått i 4 veckor, inget loggat än{owner}",
    ),
    "digest.attention_followup": (
        "🚨 *{ref}* {text} — {user}, {days} d late, assigned by {by}",
        "🚨 *{ref}* {text} — {user}, {days} d försenad, tilldelad av {by}",
    ),
    "digest.act": (
        "Log what you did: `{cmd} log [A#] <text>` · report what you saw: `{cmd} observe` · "
        "your follow-ups: `{cmd} mine` · the whole plan: `{cmd} status`",
        "Logga det du gjort: `{cmd} logga [A#] <text>` · rapportera det du sett: "
        "`{cmd} händelse` · dina uppföljningar: `{cmd} mina` · hela planen: `{cmd} status`",
    ),
    "digest.posted": (
        "Posted this week's digest in the channel.",
        "Veckobrevet är publicerat i kanalen.",
    ),
    "digest.post_unsure": (
        "Slack did not answer in time: look in the channel before you post the digest again.",
        "Slack svarade inte i tid: titta i kanalen innan du publicerar veckobrevet igen.",
    ),
}
