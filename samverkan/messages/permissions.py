"""Permission refusals (denied.*) and the actions they name (what.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- refusals --------------------------------------------------------------------------
    "denied.coordinator": (
        "Only a coordinator of this plan can {what}. Coordinators: {who}.",
        "Bara en samordnare i planen kan {what}. Samordnare: {who}.",
    ),
    "denied.member": (
        "Only members of the plan can {what}. Join an organisation first with "
        "`{cmd} join <organisation>` (organisations: {orgs}).",
        "Bara planens medlemmar kan {what}. Anslut till en aktör först med "
        "`{cmd} anslut <aktör>` (aktörer: {orgs}).",
    ),
    "denied.activity": (
        "Only a coordinator or a member of {ref}'s owner organisation ({owner}) can {what}. "
        "Coordinators: {who}.",
        "Bara en samordnare eller en medlem i {ref}:s ägande aktör ({owner}) kan {what}. "
        "Samordnare: {who}.",
    ),
    "denied.followup": (
        "Only {assignee} (assignee), {by} (who assigned it) or a coordinator can {what} {ref}. "
        "Coordinators: {who}.",
        "Bara {assignee} (ansvarig), {by} (som gav den) eller en samordnare kan {what} {ref}. "
        "Samordnare: {who}.",
    ),
    "denied.followup_own": (
        "Only {assignee} (assignee, who assigned it too) or a coordinator can {what} {ref}. "
        "Coordinators: {who}.",
        "Bara {assignee} (ansvarig, som också gav den) eller en samordnare kan {what} {ref}. "
        "Samordnare: {who}.",
    ),
    "denied.reassign": (
        "Only {by} (who assigned it) or a coordinator can reassign {ref}. Coordinators: {who}.",
        "Bara {by} (som gav den) eller en samordnare kan omfördela {ref}. Samordnare: {who}.",
    ),
    # -- actions named in refusals ---------------------------------------------------------
    "what.org_add": ("add organisations", "lägga till aktörer"),
    "what.member": ("add or change members", "lägga till eller ändra medlemmar"),
    "what.activity_add": ("add activities", "lägga till aktiviteter"),
    "what.log": ("log", "logga"),
    "what.follow": ("assign follow-ups", "ge uppföljningar"),
    "what.activity_status": ("change its status", "ändra dess status"),
    "what.activity_rag": ("change its assessment", "ändra dess bedömning"),
    "what.activity_cause": ("change its cause", "ändra dess orsak"),
    "what.activity_goal": ("change its goal", "ändra dess mål"),
    "what.activity_owner": ("change its owner", "ändra dess ägare"),
    "what.activity_due": ("change its due date", "ändra dess slutdatum"),
    "what.activity_title": ("change its title", "ändra dess titel"),
    "what.done": ("complete", "klarmarkera"),
    "what.cancel": ("cancel", "avbryta"),
    "what.snooze": ("snooze", "skjuta upp"),
    "what.reassign": ("reassign", "omfördela"),
    "what.digest_now": ("post the digest", "posta veckobrevet"),
    "what.digest_schedule": ("change the digest schedule", "ändra veckobrevets schema"),
    "what.settings": ("change settings", "ändra inställningar"),
}
