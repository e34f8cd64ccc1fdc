"""Errors (error.*) and the example commands shown with them (example.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- errors ----------------------------------------------------------------------------
    "error.example": ("Example: `{example}`", "Exempel: `{example}`"),
    "error.internal": (
        "Something went wrong on our side and nothing was changed. Please try again.",
        "Något gick fel hos oss och inget ändrades. Försök igen.",
    ),
    # The database could not do its part (storage.faults); nothing was changed.
    "error.store_busy": (
        "The bot is busy with another change right now, and nothing was changed. Please try "
        "again in a moment.",
        "Boten är upptagen med en annan ändring just nu, och inget ändrades. Försök igen om en "
        "stund.",
    ),
    "error.store_read_only": (
        "The bot cannot save anything right now (its database is read-only), and nothing was "
        "changed. Please tell whoever runs the bot.",
        "Boten kan inte spara något just nu (databasen är skrivskyddad), och inget ändrades. "
        "Säg till den som driver boten.",
    ),
    "error.store_full": (
        "The bot cannot save anything right now (its disk is full), and nothing was changed. "
        "Please tell whoever runs the bot.",
        "Boten kan inte spara något just nu (disken är full), och inget ändrades. Säg till den "
        "som driver boten.",
    ),
    "error.store_damaged": (
        "The bot's database is damaged, and nothing was changed. Please tell whoever runs the bot.",
        "Botens databas är skadad, och inget ändrades. Säg till den som driver boten.",
    ),
    "error.store_unavailable": (
        "The bot cannot reach its database right now, and nothing was changed. Please try "
        "again in a moment.",
        "Boten når inte sin databas just nu, och inget ändrades. Försök igen om en stund.",
    ),
    "error.identity_number": (
        "That text looks like it contains a personal identity number (personnummer or "
        "samordningsnummer). Samverkan never stores information about individuals, so nothing "
        "was saved. Describe the situation without identifying anyone. (A phone number? Write "
        "it with spaces, like 070-123 45 67.)",
        "Texten ser ut att innehålla ett personnummer eller samordningsnummer. Samverkan lagrar "
        "aldrig uppgifter om enskilda personer, så inget sparades. Beskriv läget utan att peka "
        "ut någon. (Ett telefonnummer? Skriv det med mellanslag, som 070-123 45 67.)",
    ),
    "error.unknown_command": (
        "I don't know the command “{word}”. Type `{cmd} help` to see them all.",
        "Jag känner inte till kommandot ”{word}”. Skriv `{cmd} hjälp` för att se alla.",
    ),
    "error.unknown_topic": (
        "There is no help topic “{word}”.",
        "Det finns inget hjälpavsnitt ”{word}”.",
    ),
    "error.no_plan": (
        "This channel has no plan yet. A coordinator starts one with `{cmd} setup <plan name>`.",
        "Kanalen har ingen plan än. En samordnare startar en med `{cmd} starta <planens namn>`.",
    ),
    "error.plan_exists": (
        "This channel already has a plan: *{name}*. One plan per channel.",
        "Kanalen har redan en plan: *{name}*. En plan per kanal.",
    ),
    "error.setup_name": ("Give the plan a name.", "Ge planen ett namn."),
    "error.text_missing": ("The text is missing.", "Texten saknas."),
    "error.text_too_long": (
        "That text is too long (at most {max} characters).",
        "Texten är för lång (högst {max} tecken).",
    ),
    "error.org_usage": (
        "Add an organisation with a name and, optionally, its kind.",
        "Lägg till en aktör med namn och, om du vill, typ.",
    ),
    "error.org_exists": (
        "There is already an organisation called *{name}*.",
        "Det finns redan en aktör som heter *{name}*.",
    ),
    "error.no_org": (
        "There is no organisation called *{name}* in this plan. Organisations: {known}.",
        "Det finns ingen aktör som heter *{name}* i planen. Aktörer: {known}.",
    ),
    "error.no_owner_org": (
        "There is no organisation called *{name}* in this plan. Organisations: {known}. If "
        "“{word} {name}” is part of the title, put the title in quotes: `{example}`",
        "Det finns ingen aktör som heter *{name}* i planen. Aktörer: {known}. Om "
        "”{word} {name}” hör till titeln, sätt titeln inom citattecken: `{example}`",
    ),
    "error.no_orgs_yet": (
        "There is no organisation called *{name}*: the plan has none yet. A coordinator adds "
        "one with `{cmd} org add <name> [kind]`.",
        "Det finns ingen aktör som heter *{name}*: planen har inga än. En samordnare lägger "
        "till en med `{cmd} aktör ny <namn> [typ]`.",
    ),
    "error.status_target": (
        "“{name}” is neither an activity (like A3) nor an organisation. Organisations: {known}.",
        "”{name}” är varken en aktivitet (som A3) eller en aktör. Aktörer: {known}.",
    ),
    "error.member_usage": (
        "Name the person with @ and then the organisation.",
        "Ange personen med @ och sedan aktören.",
    ),
    "error.join_usage": (
        "Name the organisation to join.",
        "Ange vilken aktör du vill ansluta till.",
    ),
    "error.already_in_org": ("You are already in *{org}*.", "Du är redan med i *{org}*."),
    "error.last_coordinator": (
        "The plan needs at least one coordinator. Make someone else coordinator first.",
        "Planen behöver minst en samordnare. Gör någon annan till samordnare först.",
    ),
    "error.activity_usage": (
        "I didn't understand that activity command.",
        "Jag förstod inte det aktivitetskommandot.",
    ),
    "error.activity_add_usage": ("Give the activity a title.", "Ge aktiviteten en titel."),
    "error.activity_status_value": (
        "Status must be planned, active, done, paused or cancelled.",
        "Status måste vara planerad, pågår, klar, pausad eller inställd.",
    ),
    "error.activity_rag_value": (
        "The assessment must be green, amber or red.",
        "Bedömningen måste vara grön, gul eller röd.",
    ),
    "error.activity_cause_value": ("Write the cause.", "Skriv orsaken."),
    "error.activity_goal_value": ("Write the operational goal.", "Skriv det operativa målet."),
    "error.activity_owner_value": ("Name the owner organisation.", "Ange ägande aktör."),
    "error.activity_due_value": (
        "Give a due date, or `none`.",
        "Ange ett slutdatum, eller `ingen`.",
    ),
    "error.activity_title_value": ("Write the new title.", "Skriv den nya titeln."),
    "error.no_activity": (
        "There is no activity {ref} in this plan. `{cmd} activity list` shows them.",
        "Det finns ingen aktivitet {ref} i planen. `{cmd} aktivitet lista` visar dem.",
    ),
    "error.no_followup": (
        "There is no follow-up {ref} in this plan.",
        "Det finns ingen uppföljning {ref} i planen.",
    ),
    "error.followup_closed": ("{ref} is already {status}.", "{ref} är redan {status}."),
    "error.no_change_status": (
        "{ref} already has status *{value}*.",
        "{ref} har redan status *{value}*.",
    ),
    "error.no_change_rag": (
        "{ref} is already assessed *{value}*.",
        "{ref} är redan bedömd som *{value}*.",
    ),
    # No full stop: a Swedish date may end in one already ("27 nov.").
    "error.no_change_due": ("{ref} is already due {value}", "{ref} har redan datumet {value}"),
    "error.no_change_no_due": (
        "{ref} already has no due date.",
        "{ref} har redan inget slutdatum.",
    ),
    "error.no_change_assignee": (
        "{ref} is already assigned to {value}.",
        "{ref} är redan tilldelad {value}.",
    ),
    "error.no_change_value": (
        "{ref}'s {name} is already “{value}”.",
        "{ref}:s {name} är redan ”{value}”.",
    ),
    "error.no_change_setting": ("{setting} is already {value}.", "{setting} är redan {value}."),
    "error.no_change_member": (
        "{user} is already a {role} of *{org}*.",
        "{user} är redan {role} i *{org}*.",
    ),
    "error.bad_date": (
        "I can't read “{value}” as a date. Try `2026-12-15`, `15/12`, `tomorrow`, `friday` or "
        "`+3d`.",
        "Jag kan inte läsa ”{value}” som ett datum. Prova `2026-12-15`, `15/12`, `imorgon`, "
        "`fredag` eller `+3d`.",
    ),
    "error.bad_date_keyword": (
        "I can't read “{value}” after “{word}” as a date. Write a date like `2026-12-15`, "
        "`friday` or `+3d`; if “{word} {value}” belongs to the text, put the text in quotes.",
        "Jag kan inte läsa ”{value}” efter ”{word}” som ett datum. Skriv ett datum som "
        "`2026-12-15`, `fredag` eller `+3d`; om ”{word} {value}” hör till texten, sätt texten "
        "inom citattecken.",
    ),
    "error.date_range": (
        "{day} is too far from today: use a date between {first} and {last}.",
        "{day} ligger för långt från idag: ange ett datum mellan {first} och {last}.",
    ),
    "error.snooze_earlier": (
        "{ref} is due {due}; snooze only moves a due date later, like "
        "`{cmd} snooze {ref} {suggest}`.",
        "{ref} ska vara klar {due}; skjut flyttar bara datumet framåt, som "
        "`{cmd} skjut {ref} {suggest}`.",
    ),
    "error.bad_weekday": (
        "“{value}” is not a weekday. Try `monday` or `fredag`.",
        "”{value}” är ingen veckodag. Prova `måndag` eller `friday`.",
    ),
    "error.bad_time": (
        "“{value}” is not a time of day. Write it like `08:00`.",
        "”{value}” är ingen tid. Skriv som `08:00`.",
    ),
    "error.bad_timezone": (
        "“{value}” is not a timezone I know. Use a name like `Europe/Stockholm`.",
        "”{value}” är ingen tidszon jag känner till. Använd ett namn som `Europe/Stockholm`.",
    ),
    "error.log_future": (
        "You can't log something that happens {day}: log it when it's done.",
        "Du kan inte logga något som händer {day}: logga det när det är gjort.",
    ),
    "error.due_past": (
        "The due date {day} has already passed.",
        "Datumet {day} har redan passerat.",
    ),
    "error.follow_usage": (
        "Start with the person (@name), then what to follow up.",
        "Börja med personen (@namn), sedan vad som ska följas upp.",
    ),
    "error.done_usage": ("Name the follow-up, like F4.", "Ange uppföljningen, som F4."),
    "error.cancel_usage": ("Name the follow-up, like F4.", "Ange uppföljningen, som F4."),
    "error.snooze_usage": (
        "Name the follow-up and the new date.",
        "Ange uppföljningen och det nya datumet.",
    ),
    "error.reassign_usage": (
        "Name the follow-up and the new person (@name).",
        "Ange uppföljningen och den nya personen (@namn).",
    ),
    "error.digest_usage": (
        "Use `preview`, `now`, `schedule <weekday> <HH:MM>` or `off`.",
        "Använd `förhandsvisa`, `nu`, `schema <veckodag> <TT:MM>` eller `av`.",
    ),
    "error.digest_schedule_usage": (
        "Give a weekday and a time.",
        "Ange veckodag och tid.",
    ),
    "error.digest_already_off": (
        "The weekly digest is already off.",
        "Veckobrevet är redan avstängt.",
    ),
    "error.reminders_usage": ("Use `on` or `off`.", "Använd `på` eller `av`."),
    "error.search_usage": ("Give some words to search for.", "Ange ord att söka efter."),
    "error.history_usage": (
        "Name one item, like A3, F4 or L12.",
        "Ange en sak, som A3, F4 eller L12.",
    ),
    "error.no_history": (
        "{ref} has no history in this plan.",
        "{ref} har ingen historik i planen.",
    ),
    "error.settings_usage": (
        "Settings are language, timezone, area and name.",
        "Inställningar är språk, tidszon, område och namn.",
    ),
    "error.settings_language": (
        "The language must be `en` or `sv`.",
        "Språket måste vara `en` eller `sv`.",
    ),
    "error.settings_language_value": (
        "Give the language: `en` or `sv`.",
        "Ange språket: `en` eller `sv`.",
    ),
    "error.settings_timezone_value": (
        "Give the timezone, like `Europe/Stockholm`.",
        "Ange tidszonen, som `Europe/Stockholm`.",
    ),
    "error.settings_area_value": ("Write the area.", "Skriv området."),
    "error.settings_name_value": ("Write the plan's new name.", "Skriv planens nya namn."),
    # -- examples shown with errors --------------------------------------------------------
    "example.help": ("{cmd} help", "{cmd} hjälp"),
    "example.setup": ("{cmd} setup Trygg i Järva 2027", "{cmd} starta Trygg i Järva 2027"),
    "example.org": ("{cmd} org add Polisen Järva police", "{cmd} aktör ny Polisen Järva polis"),
    "example.member": ("{cmd} member @erik Polisen member", "{cmd} medlem @erik Polisen medlem"),
    "example.join": ("{cmd} join Stockholmshem", "{cmd} anslut Stockholmshem"),
    "example.activity": (
        "{cmd} activity add Safer walk to school owner Skolan due 2027-03-31",
        "{cmd} aktivitet ny Tryggare skolväg ägare Skolan senast 2027-03-31",
    ),
    "example.activity_status": (
        "{cmd} activity A3 status active",
        "{cmd} aktivitet A3 status pågår",
    ),
    "example.activity_rag": ("{cmd} activity A3 rag amber", "{cmd} aktivitet A3 bedömning gul"),
    "example.activity_cause": (
        "{cmd} activity A3 cause Dark underpass",
        "{cmd} aktivitet A3 orsak Mörk gångtunnel",
    ),
    "example.activity_goal": (
        "{cmd} activity A3 goal All lamps fixed",
        "{cmd} aktivitet A3 mål Alla lampor lagade",
    ),
    "example.activity_owner": (
        "{cmd} activity A3 owner Polisen",
        "{cmd} aktivitet A3 ägare Polisen",
    ),
    "example.activity_due": (
        "{cmd} activity A3 due 2027-03-31",
        "{cmd} aktivitet A3 senast 2027-03-31",
    ),
    "example.activity_title": (
        "{cmd} activity A3 title Safer walk to school",
        "{cmd} aktivitet A3 titel Tryggare skolväg",
    ),
    "example.log": (
        "{cmd} log A1 Walked the area with the housing company on monday",
        "{cmd} logga A1 Trygghetsvandring med bostadsbolaget den måndag",
    ),
    "example.follow": (
        "{cmd} follow @erik Check the lighting at the underpass by friday A2",
        "{cmd} uppföljning @erik Kolla belysningen i gångtunneln senast fredag A2",
    ),
    "example.done": ("{cmd} done F4", "{cmd} klar F4"),
    "example.cancel": ("{cmd} cancel F4", "{cmd} avbryt F4"),
    "example.snooze": ("{cmd} snooze F4 monday", "{cmd} skjut F4 måndag"),
    "example.reassign": ("{cmd} reassign F4 @sara", "{cmd} omfördela F4 @sara"),
    "example.status": ("{cmd} status A3", "{cmd} status A3"),
    "example.mine": ("{cmd} mine", "{cmd} mina"),
    "example.overdue": ("{cmd} overdue", "{cmd} försenat"),
    "example.digest": ("{cmd} digest schedule monday 08:00", "{cmd} veckobrev schema måndag 08:00"),
    "example.reminders": ("{cmd} reminders off", "{cmd} påminnelser av"),
    "example.search": ("{cmd} search lighting", "{cmd} sök belysning"),
    "example.history": ("{cmd} history A3", "{cmd} historik A3"),
    "example.settings": ("{cmd} settings language sv", "{cmd} inställningar språk sv"),
    "example.settings_language": ("{cmd} settings language sv", "{cmd} inställningar språk sv"),
    "example.settings_timezone": (
        "{cmd} settings timezone Europe/Stockholm",
        "{cmd} inställningar tidszon Europe/Stockholm",
    ),
    "example.settings_area": (
        "{cmd} settings area Husby, Järva",
        "{cmd} inställningar område Husby, Järva",
    ),
    "example.settings_name": (
        "{cmd} settings name Trygg i Husby 2027",
        "{cmd} inställningar namn Trygg i Husby 2027",
    ),
    "example.dates": ("{cmd} snooze F4 2026-12-15", "{cmd} skjut F4 2026-12-15"),
}
