"""Corrections: edit and delete (correction.*), and their refusals."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "correction.edited": (
        "✏️ *{ref}* was corrected by {by}:\n> {text}",
        "✏️ *{ref}* rättades av {by}:\n> {text}",
    ),
    "correction.deleted": (
        "🗑️ *{ref}* was deleted by {by}; its text is gone from the plan, its history and the "
        "bot's messages.",
        "🗑️ *{ref}* raderades av {by}; texten är borta ur planen, historiken och botens "
        "meddelanden.",
    ),
    "correction.removed": ("🗑️ *{ref}* was removed by {by}.", "🗑️ *{ref}* togs bort av {by}."),
    "error.no_item": ("There is no {ref} in this plan.", "Det finns ingen {ref} i planen."),
    "error.no_change_text": (
        "{ref} already says exactly that.",
        "{ref} säger redan precis så.",
    ),
    "denied.author": (
        "Only {author} (who wrote {ref}) or a coordinator can {what} it. Coordinators: {who}.",
        "Bara {author} (som skrev {ref}) eller en samordnare kan {what} den. Samordnare: {who}.",
    ),
    "what.edit": ("edit", "ändra"),
    "what.delete": ("delete", "radera"),
    "error.edit_usage": (
        "Name the log entry or follow-up (`L3`, `F2`) and its new text.",
        "Ange loggposten eller uppföljningen (`L3`, `F2`) och dess nya text.",
    ),
    "error.delete_usage": (
        "Name one log entry or follow-up to delete (`L3`, `F2`).",
        "Ange en loggpost eller uppföljning att radera (`L3`, `F2`).",
    ),
    "example.edit": (
        "{cmd} edit L3 Walked the centre with the school",
        "{cmd} ändra L3 Vandring i centrum med skolan",
    ),
    "example.delete": ("{cmd} delete L3", "{cmd} radera L3"),
    "help.edit": (
        "`{cmd} edit <L#|F#|H#> <new text>` corrects what a log entry, follow-up or observation "
        "says (its "
        "author or a coordinator). Its history keeps the text before and after. A log entry's "
        "participants and hours are corrected the same way: `{cmd} edit L3 participants 12 "
        "hours 2`.\nExample: `{cmd} edit L3 Walked the centre with the school`",
        "`{cmd} ändra <L#|F#|H#> <ny text>` rättar vad en loggpost, uppföljning eller händelse "
        "säger (den "
        "som skrev den eller en samordnare). Historiken behåller texten före och efter. En "
        "loggposts deltagare och timmar rättas på samma sätt: `{cmd} ändra L3 deltagare 12 "
        "timmar 2`.\nExempel: `{cmd} ändra L3 Vandring i centrum med skolan`",
    ),
    "help.delete": (
        "`{cmd} delete <L#|F#|H#>` removes a log entry, follow-up or observation (its author or a "
        "coordinator) "
        "and scrubs its text everywhere: the plan, the search, its history and the bot's own "
        "messages that showed it. The history keeps who deleted it and when, never the text.\n"
        "Example: `{cmd} delete L3`",
        "`{cmd} radera <L#|F#|H#>` tar bort en loggpost, uppföljning eller händelse (den som "
        "skrev den eller "
        "en samordnare) och tar bort texten överallt: planen, sökningen, historiken och botens "
        "egna meddelanden som visade den. Historiken behåller vem som raderade och när, aldrig "
        "texten.\nExempel: `{cmd} radera L3`",
    ),
    "verb.edit": ("edit", "ändra"),
    "verb.delete": ("delete", "radera"),
    "posted.in_channel": (
        "Posted *{ref}* in the channel. `{cmd} edit {ref} <new text>` corrects it; "
        "`{cmd} delete {ref}` removes it.",
        "*{ref}* är postad i kanalen. `{cmd} ändra {ref} <ny text>` rättar den; "
        "`{cmd} radera {ref}` tar bort den.",
    ),
    "posted.invite_bot": (
        "Invite the bot to this channel (`/invite @Samverkan`) so it can remove this message "
        "if the entry is deleted.",
        "Bjud in boten till kanalen (`/invite @Samverkan`) så att den kan ta bort meddelandet "
        "om posten raderas.",
    ),
    "personal.found": (
        "This looks like it names or locates a person: {found}. The plan keeps nothing about "
        "individuals, so it is not saved. Rewrite it without them, or save it anyway if it is "
        "not about a person.",
        "Det här ser ut att namnge eller peka ut en person: {found}. Planen sparar inget om "
        "enskilda personer, så det sparades inte. Skriv om det utan dem, eller spara ändå om "
        "det inte gäller en person.",
    ),
    "personal.form_again": (
        "Submit again unchanged to save it anyway.",
        "Skicka igen oförändrat för att spara ändå.",
    ),
    "personal.kind_address": ("a street address", "en gatuadress"),
    "personal.kind_postcode": ("a postcode and town", "ett postnummer och en ort"),
    "personal.kind_age": ("a person's age", "en persons ålder"),
    "personal.kind_email": ("a private e-mail address", "en privat e-postadress"),
    "personal.kind_name": ("a first name and surname", "ett förnamn och efternamn"),
    "personal.or_type": ("Or type `{command}`", "Eller skriv `{command}`"),
    "button.save_anyway": ("Save anyway", "Spara ändå"),
    "button.rewrite": ("Rewrite", "Skriv om"),
    "button.edit": ("Edit", "Ändra"),
    "button.delete": ("Delete", "Radera"),
    "entry.confirm_title": ("Delete it?", "Radera den?"),
    "entry.confirm_text": (
        "{ref} and every trace of its text will be removed.",
        "{ref} och alla spår av dess text tas bort.",
    ),
    "entry.edit_title": ("Edit {ref}", "Ändra {ref}"),
    "entry.text": ("Text", "Text"),
    "history.edited": ("corrected it", "rättade den"),
    "history.deleted": ("deleted it", "raderade den"),
}
