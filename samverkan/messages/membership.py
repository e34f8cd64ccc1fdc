"""Who is in: join requests and their decisions (join.*), taking people out, and the
organisation changes (rename, remove)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- join requests ---------------------------------------------------------------------
    "join.requested": (
        "You asked to join *{org}*. The plan's coordinators ({who}) decide; you will get a "
        "message when one of them has. Until then you are not a member.",
        "Du har bett att få ansluta till *{org}*. Planens samordnare ({who}) avgör; du får ett "
        "meddelande när någon av dem har gjort det. Till dess är du inte medlem.",
    ),
    "join.already_pending": (
        "You have already asked to join *{org}*; a coordinator has not decided yet.",
        "Du har redan bett att få ansluta till *{org}*; ingen samordnare har avgjort det än.",
    ),
    "join.request_card": (
        "🙋 {user} asks to join *{org}* in the plan *{plan}* ({channel}).",
        "🙋 {user} vill ansluta till *{org}* i planen *{plan}* ({channel}).",
    ),
    "join.card_approved": (
        "✅ {user} joined *{org}* in *{plan}*: approved by {by}.",
        "✅ {user} anslöt till *{org}* i *{plan}*: godkänt av {by}.",
    ),
    "join.card_declined": (
        "❌ {user}'s request to join *{org}* in *{plan}* was declined by {by}.",
        "❌ {user}s begäran att ansluta till *{org}* i *{plan}* avböjdes av {by}.",
    ),
    "join.card_withdrawn": (
        "↩️ {user}'s request to join *{org}* in *{plan}* is no longer open.",
        "↩️ {user}s begäran att ansluta till *{org}* i *{plan}* gäller inte längre.",
    ),
    "join.word_approve": ("approve", "godkänn"),
    "join.word_decline": ("decline", "avböj"),
    "join.or_type": ("Or type {commands}", "Eller skriv {commands}"),
    "join.no_request": (
        "That request is not in this plan any more.",
        "Den begäran finns inte längre i planen.",
    ),
    "join.decided_already": ("Already decided: {card}", "Redan avgjort: {card}"),
    "join.nothing_pending": (
        "{user} has not asked to join an organisation of this plan.",
        "{user} har inte bett att få ansluta till någon av planens aktörer.",
    ),
    "join.approved": (
        "{user} joined *{org}* as member (approved by {by}).",
        "{user} anslöt till *{org}* som medlem (godkänt av {by}).",
    ),
    "join.declined": (
        "You declined {user}'s request to join *{org}*. They have been told.",
        "Du avböjde {user}s begäran att ansluta till *{org}*. Personen har fått besked.",
    ),
    "join.told_approved": (
        "{by} approved your request: you are now a member of *{org}* in the plan *{plan}* "
        "({channel}).",
        "{by} godkände din begäran: du är nu medlem i *{org}* i planen *{plan}* ({channel}).",
    ),
    "join.told_declined": (
        "{by} declined your request to join *{org}* in the plan *{plan}* ({channel}).",
        "{by} avböjde din begäran att ansluta till *{org}* i planen *{plan}* ({channel}).",
    ),
    "button.approve": ("Approve", "Godkänn"),
    "button.decline": ("Decline", "Avböj"),
    # -- taking people out -----------------------------------------------------------------
    "member.not_in_plan": (
        "{user} is not a member of this plan.",
        "{user} är inte medlem i planen.",
    ),
    "member.removed": (
        "{by} took {user} out of the plan (was in *{org}*).",
        "{by} tog bort {user} från planen (var i *{org}*).",
    ),
    "member.left_plan": (
        "{user} left the plan (was in *{org}*).",
        "{user} lämnade planen (var i *{org}*).",
    ),
    "error.last_coordinator_leaves": (
        "The plan needs at least one coordinator. Make someone else coordinator first.",
        "Planen behöver minst en samordnare. Gör någon annan till samordnare först.",
    ),
    "error.leave_usage": (
        "`leave` takes nothing after it: it takes you out of this plan.",
        "`lämna` tar inget efter sig: det tar bort dig från planen.",
    ),
    # -- organisations: rename, remove -----------------------------------------------------
    "org.waiting": ("Asked to join: {people}", "Vill ansluta: {people}"),
    "org.renamed": (
        "The organisation *{old}* is now called *{name}*.",
        "Aktören *{old}* heter nu *{name}*.",
    ),
    "org.removed": ("Removed the organisation *{name}*.", "Aktören *{name}* är borttagen."),
    "org.refs_activities": ("it owns {refs}", "den äger {refs}"),
    "org.refs_members": ("its members are {people}", "dess medlemmar är {people}"),
    "error.org_in_use": (
        "*{name}* cannot be removed while something refers to it: {what}. Give the activities "
        "another owner and move or remove its members first.",
        "*{name}* kan inte tas bort så länge något hänvisar till den: {what}. Ge aktiviteterna "
        "en annan ägare och flytta eller ta bort dess medlemmar först.",
    ),
    "error.org_same_name": (
        "The organisation is already called *{name}*.",
        "Aktören heter redan *{name}*.",
    ),
    "error.org_rename_usage": (
        "Name the organisation and its new name, with `to` between them.",
        "Ange aktören och dess nya namn, med `till` emellan.",
    ),
    "error.org_remove_usage": (
        "Name the organisation to remove.",
        "Ange vilken aktör som ska tas bort.",
    ),
    "example.org_rename": (
        "{cmd} org rename Polisen to Polisen Järva",
        "{cmd} aktör byt namn Polisen till Polisen Järva",
    ),
    "example.org_remove": ("{cmd} org remove Fritid", "{cmd} aktör ta bort Fritid"),
    "error.join_decide_usage": (
        "Name the person whose request you decide.",
        "Ange vems begäran du avgör.",
    ),
    "example.join_decide": (
        "{cmd} join approve @erik",
        "{cmd} anslut godkänn @erik",
    ),
    "example.leave": ("{cmd} leave", "{cmd} lämna"),
    "help.leave": (
        "`{cmd} leave` takes you out of this plan (a coordinator can put you back). The plan "
        "keeps at least one coordinator.\nExample: `{cmd} leave`",
        "`{cmd} lämna` tar bort dig från planen (en samordnare kan lägga tillbaka dig). Planen "
        "behåller minst en samordnare.\nExempel: `{cmd} lämna`",
    ),
    "verb.leave": ("leave", "lämna"),
    # -- the end of a plan -----------------------------------------------------------------
    "plan.archived": (
        "{by} archived the plan *{name}*: it is read-only now and its digest and reminders have "
        "stopped. Everything can still be read.",
        "{by} arkiverade planen *{name}*: den är skrivskyddad nu och dess veckobrev och "
        "påminnelser har upphört. Allt går fortfarande att läsa.",
    ),
    "plan.archived_line": (
        "Archived on {day}: read-only, no digest or reminders.",
        "Arkiverad {day}: skrivskyddad, inga veckobrev eller påminnelser.",
    ),
    "plan.is_archived": (
        "The plan *{name}* is archived: it can be read, not changed.",
        "Planen *{name}* är arkiverad: den går att läsa men inte ändra.",
    ),
    "plan.delete_explain": (
        "`plan delete` erases the plan *{name}* and everything in it for good: activities, log, "
        "follow-ups, members, organisations and their history. Only a line that it was deleted, "
        "by whom and when, is kept. To go ahead, type the plan's exact name: "
        "`{cmd} plan delete {name}`",
        "`plan radera` raderar planen *{name}* och allt i den för gott: aktiviteter, logg, "
        "uppföljningar, medlemmar, aktörer och deras historik. Bara en rad om att den raderades, "
        "av vem och när, sparas. Skriv planens exakta namn för att gå vidare: "
        "`{cmd} plan radera {name}`",
    ),
    "plan.delete_wrong_name": (
        "That is not the plan's exact name (*{name}*), so nothing was deleted.",
        "Det är inte planens exakta namn (*{name}*), så inget raderades.",
    ),
    "plan.deleted": (
        "{by} deleted the plan *{name}* and everything in it. This channel has no plan now.",
        "{by} raderade planen *{name}* och allt i den. Kanalen har ingen plan nu.",
    ),
    "error.plan_usage": (
        "`plan` takes `archive` or `delete`.",
        "`plan` tar `arkivera` eller `radera`.",
    ),
    "example.plan": ("{cmd} plan archive", "{cmd} plan arkivera"),
    "help.plan": (
        "`{cmd} plan archive` closes the plan: read-only, no digest or reminders; everything "
        "can still be read. `{cmd} plan delete` explains how to erase it: "
        "`{cmd} plan delete <the plan's exact name>` deletes every row of it and keeps one line "
        "that it was deleted, by whom and when (coordinators).\nExample: `{cmd} plan archive`",
        "`{cmd} plan arkivera` stänger planen: skrivskyddad, inga veckobrev eller påminnelser; "
        "allt går att läsa. `{cmd} plan radera` förklarar hur den raderas: "
        "`{cmd} plan radera <planens exakta namn>` tar bort allt i den och sparar en rad om att "
        "den raderades, av vem och när (samordnare).\nExempel: `{cmd} plan arkivera`",
    ),
    "verb.plan": ("plan", "plan"),
    "what.plan_archive": ("archive the plan", "arkivera planen"),
    "what.plan_delete": ("delete the plan", "radera planen"),
    "what.join_decide": (
        "approve or decline requests to join",
        "godkänna eller avböja anslutningar",
    ),
    "what.member_remove": ("take people out of the plan", "ta bort personer från planen"),
    "what.leave": ("leave the plan", "lämna planen"),
    "what.org_rename": ("rename organisations", "byta namn på aktörer"),
    "what.org_remove": ("remove organisations", "ta bort aktörer"),
}
