"""The message catalog: every user-facing text, English and Swedish side by side."""

from __future__ import annotations

# key: (English, Swedish). Values in braces are filled in by samverkan.i18n.t; user text in
# them is escaped by the caller.
MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ------------------------------------------------------------------------------
    "help.title": ("Samverkan — how to use it", "Samverkan — så använder du den"),
    "help.title_topic": ("Help: {topic}", "Hjälp: {topic}"),
    "help.intro": (
        "Samverkan keeps the group's activity plan in this channel: log what you did, assign "
        "follow-ups, and get a weekly digest. Type `{cmd} help <command>` for details.",
        "Samverkan håller gruppens aktivitetsplan i den här kanalen: logga vad ni gjort, ge "
        "varandra uppföljningar och få ett veckobrev. Skriv `{cmd} hjälp <kommando>` för detaljer.",
    ),
    "help.plan": (
        "*Get started*\n"
        "`{cmd} setup <plan name>` create the plan for this channel\n"
        "`{cmd} org add <name> [kind]` · `{cmd} org list` organisations\n"
        "`{cmd} join <organisation>` join as a member\n"
        "`{cmd} member @person <organisation> [coordinator|member]` add someone",
        "*Kom igång*\n"
        "`{cmd} starta <planens namn>` skapa planen för kanalen\n"
        "`{cmd} aktör ny <namn> [typ]` · `{cmd} aktör lista` aktörer\n"
        "`{cmd} anslut <aktör>` gå med som medlem\n"
        "`{cmd} medlem @person <aktör> [samordnare|medlem]` lägg till någon",
    ),
    "help.work": (
        "*Everyday work*\n"
        "`{cmd} log [A#] <what you did> [on <date>]` record something done\n"
        "`{cmd} follow @person <what> [by <date>] [A#]` assign a follow-up\n"
        "`{cmd} done F#` · `{cmd} snooze F# <date>` · `{cmd} reassign F# @person` · "
        "`{cmd} cancel F#`\n"
        "`{cmd} mine` your open follow-ups",
        "*Vardagsarbete*\n"
        "`{cmd} logga [A#] <vad du gjorde> [den <datum>]` registrera en insats\n"
        "`{cmd} uppföljning @person <vad> [senast <datum>] [A#]` ge en uppföljning\n"
        "`{cmd} klar F#` · `{cmd} skjut F# <datum>` · `{cmd} omfördela F# @person` · "
        "`{cmd} avbryt F#`\n"
        "`{cmd} mina` dina öppna uppföljningar",
    ),
    "help.read": (
        "*The plan*\n"
        "`{cmd} activity add <title> [owner <org>] [due <date>]` new activity\n"
        "`{cmd} activity list` · `{cmd} activity A#` · "
        "`{cmd} activity A# status <planned|active|done|paused|cancelled>` · "
        "`{cmd} activity A# rag <green|amber|red>`\n"
        "`{cmd} status [A#|organisation]` · `{cmd} overdue` · `{cmd} search <words>` · "
        "`{cmd} history <A#|F#|L#>`",
        "*Planen*\n"
        "`{cmd} aktivitet ny <titel> [ägare <aktör>] [senast <datum>]` ny aktivitet\n"
        "`{cmd} aktivitet lista` · `{cmd} aktivitet A#` · "
        "`{cmd} aktivitet A# status <planerad|pågår|klar|pausad|inställd>` · "
        "`{cmd} aktivitet A# bedömning <grön|gul|röd>`\n"
        "`{cmd} status [A#|aktör]` · `{cmd} försenat` · `{cmd} sök <ord>` · "
        "`{cmd} historik <A#|F#|L#>`",
    ),
    "help.admin": (
        "*Digest and settings*\n"
        "`{cmd} digest [preview|now]` · `{cmd} digest schedule <weekday> <HH:MM>` · "
        "`{cmd} digest off`\n"
        "`{cmd} reminders on|off` · `{cmd} settings language <en|sv>` · "
        "`{cmd} settings timezone <Area/City>`",
        "*Veckobrev och inställningar*\n"
        "`{cmd} veckobrev [förhandsvisa|nu]` · `{cmd} veckobrev schema <veckodag> <TT:MM>` · "
        "`{cmd} veckobrev av`\n"
        "`{cmd} påminnelser på|av` · `{cmd} inställningar språk <en|sv>` · "
        "`{cmd} inställningar tidszon <Område/Stad>`",
    ),
    "help.footer": (
        "Dates: `2026-12-15`, `15/12`, `today`, `tomorrow`, `friday`, `+3d`, `2w`. "
        "Never write personal identity numbers. `{cmd} help dates` for more.",
        "Datum: `2026-12-15`, `15/12`, `idag`, `imorgon`, `fredag`, `+3d`, `2v`. "
        "Skriv aldrig personnummer. `{cmd} hjälp datum` för mer.",
    ),
    "help.setup": (
        "`{cmd} setup <plan name>` creates the plan for this channel; you become its first "
        "coordinator. One plan per channel.\nExample: `{cmd} setup Trygg i Järva 2027`",
        "`{cmd} starta <planens namn>` skapar planen för den här kanalen; du blir dess första "
        "samordnare. En plan per kanal.\nExempel: `{cmd} starta Trygg i Järva 2027`",
    ),
    "help.org": (
        "`{cmd} org add <name> [kind]` adds an organisation (coordinators). Kinds: municipality, "
        "police, social services, school, recreation, housing, rescue service, civil society, "
        "business, other.\n`{cmd} org list` shows them with their people.\n"
        "Example: `{cmd} org add Polisen Järva police`",
        "`{cmd} aktör ny <namn> [typ]` lägger till en aktör (samordnare). Typer: kommun, polis, "
        "socialtjänst, skola, fritid, bostad, räddningstjänst, civilsamhälle, näringsliv, övrigt."
        "\n`{cmd} aktör lista` visar dem med sina personer.\n"
        "Exempel: `{cmd} aktör ny Polisen Järva polis`",
    ),
    "help.member": (
        "`{cmd} member @person <organisation> [coordinator|member]` puts a person in an "
        "organisation and role (coordinators). Without a role, a person keeps theirs.\n"
        "Example: `{cmd} member @erik Polisen member`",
        "`{cmd} medlem @person <aktör> [samordnare|medlem]` placerar en person i en aktör och "
        "roll (samordnare). Utan roll behåller personen sin.\n"
        "Exempel: `{cmd} medlem @erik Polisen medlem`",
    ),
    "help.join": (
        "`{cmd} join <organisation>` makes you a member of one of the plan's organisations.\n"
        "Example: `{cmd} join Stockholmshem`",
        "`{cmd} anslut <aktör>` gör dig till medlem i en av planens aktörer.\n"
        "Exempel: `{cmd} anslut Stockholmshem`",
    ),
    "help.activity": (
        "`{cmd} activity add <title> [owner <org>] [due <date>]` new activity (coordinators; "
        "no arguments opens a form)\n`{cmd} activity list` · `{cmd} activity A3`\n"
        "`{cmd} activity A3 status active` (planned, active, done, paused, cancelled)\n"
        "`{cmd} activity A3 rag amber` (green, amber, red)\n"
        "`{cmd} activity A3 cause|goal|owner|due|title <value>`\n"
        "Changes: coordinators and members of the owner organisation. A title with the word "
        'owner or due in it goes in quotes: `{cmd} activity add "Meet the owner"`.',
        "`{cmd} aktivitet ny <titel> [ägare <aktör>] [senast <datum>]` ny aktivitet "
        "(samordnare; utan argument öppnas ett formulär)\n`{cmd} aktivitet lista` · "
        "`{cmd} aktivitet A3`\n`{cmd} aktivitet A3 status pågår` (planerad, pågår, klar, "
        "pausad, inställd)\n`{cmd} aktivitet A3 bedömning gul` (grön, gul, röd)\n"
        "`{cmd} aktivitet A3 orsak|mål|ägare|senast|titel <värde>`\n"
        "Ändringar: samordnare och medlemmar i ägande aktör. En titel med ordet ägare eller "
        "senast i sig skrivs inom citattecken: "
        '`{cmd} aktivitet ny "Samtal med ägare av kiosken"`.',
    ),
    "help.log": (
        "`{cmd} log [A#] <what you did> [on <date>]` records something done, for members. "
        "Without text it opens a form.\nExample: `{cmd} log A1 Walked the area with the "
        "housing company on monday`",
        "`{cmd} logga [A#] <vad du gjorde> [den <datum>]` registrerar en insats, för medlemmar. "
        "Utan text öppnas ett formulär.\nExempel: `{cmd} logga A1 Trygghetsvandring med "
        "bostadsbolaget den måndag`",
    ),
    "help.follow": (
        "`{cmd} follow @person <what> [by <date>] [A#]` assigns a follow-up, for members. "
        "Without text it opens a form.\nExample: `{cmd} follow @erik Check the lighting at "
        "the underpass by friday A2`",
        "`{cmd} uppföljning @person <vad> [senast <datum>] [A#]` ger en uppföljning, för "
        "medlemmar. Utan text öppnas ett formulär.\nExempel: `{cmd} uppföljning @erik Kolla "
        "belysningen i gångtunneln senast fredag A2`",
    ),
    "help.done": (
        "`{cmd} done F#` completes a follow-up (its assignee, who assigned it, or a "
        "coordinator).\nExample: `{cmd} done F4`",
        "`{cmd} klar F#` markerar en uppföljning som klar (den som har den, den som gav den "
        "eller en samordnare).\nExempel: `{cmd} klar F4`",
    ),
    "help.cancel": (
        "`{cmd} cancel F#` cancels a follow-up that is no longer needed.\n"
        "Example: `{cmd} cancel F4`",
        "`{cmd} avbryt F#` avbryter en uppföljning som inte längre behövs.\n"
        "Exempel: `{cmd} avbryt F4`",
    ),
    "help.snooze": (
        "`{cmd} snooze F# <date>` moves a follow-up's due date later. `+3d` and `1w` count from "
        "the due date (from today if it has passed), like the Snooze buttons; a date or weekday "
        "is that day.\nExample: `{cmd} snooze F4 monday`",
        "`{cmd} skjut F# <datum>` flyttar en uppföljnings datum framåt. `+3d` och `1v` räknas "
        "från datumet (från idag om det har passerat), som knapparna Skjut; ett datum eller en "
        "veckodag är den dagen.\nExempel: `{cmd} skjut F4 måndag`",
    ),
    "help.reassign": (
        "`{cmd} reassign F# @person` gives a follow-up to someone else (who assigned it, or a "
        "coordinator).\nExample: `{cmd} reassign F4 @sara`",
        "`{cmd} omfördela F# @person` ger uppföljningen till någon annan (den som gav den "
        "eller en samordnare).\nExempel: `{cmd} omfördela F4 @sara`",
    ),
    "help.mine": (
        "`{cmd} mine` lists your open follow-ups in all your plans, only to you.",
        "`{cmd} mina` visar dina öppna uppföljningar i alla dina planer, bara för dig.",
    ),
    "help.status": (
        "`{cmd} status` the plan at a glance · `{cmd} status A3` one activity · "
        "`{cmd} status Polisen` one organisation.",
        "`{cmd} status` planen i korthet · `{cmd} status A3` en aktivitet · "
        "`{cmd} status Polisen` en aktör.",
    ),
    "help.overdue": (
        "`{cmd} overdue` lists late follow-ups and activities past their due date.",
        "`{cmd} försenat` visar försenade uppföljningar och aktiviteter.",
    ),
    "help.digest": (
        "`{cmd} digest preview` shows this week's digest to you only · `{cmd} digest now` posts "
        "it to the channel (coordinators)\n`{cmd} digest schedule monday 08:00` · "
        "`{cmd} digest off` (coordinators)",
        "`{cmd} veckobrev förhandsvisa` visar veckans brev bara för dig · `{cmd} veckobrev nu` "
        "postar det i kanalen (samordnare)\n`{cmd} veckobrev schema måndag 08:00` · "
        "`{cmd} veckobrev av` (samordnare)",
    ),
    "help.reminders": (
        "`{cmd} reminders off` stops your reminder messages; `{cmd} reminders on` starts them "
        "again. Reminders come on working days at 09:00.",
        "`{cmd} påminnelser av` stoppar dina påminnelser; `{cmd} påminnelser på` startar dem "
        "igen. Påminnelser kommer vardagar kl. 09:00.",
    ),
    "help.search": (
        "`{cmd} search <words>` searches the plan's log.\nExample: `{cmd} search lighting "
        "underpass`",
        "`{cmd} sök <ord>` söker i planens logg.\nExempel: `{cmd} sök belysning gångtunnel`",
    ),
    "help.history": (
        "`{cmd} history A3` (or F4, L12) shows who changed what, and when.",
        "`{cmd} historik A3` (eller F4, L12) visar vem som ändrade vad, och när.",
    ),
    "help.settings": (
        "`{cmd} settings language sv` · `{cmd} settings timezone Europe/Stockholm` · "
        "`{cmd} settings area <area>` · `{cmd} settings name <plan name>` (coordinators)",
        "`{cmd} inställningar språk en` · `{cmd} inställningar tidszon Europe/Stockholm` · "
        "`{cmd} inställningar område <område>` · `{cmd} inställningar namn <planens namn>` "
        "(samordnare)",
    ),
    "help.dates": (
        "Dates can be written `2026-12-15`, `15/12`, `today`, `tomorrow`, `yesterday`, a "
        "weekday (`friday`, `fre`), or relative: `+3d`, `2w`.",
        "Datum kan skrivas `2026-12-15`, `15/12`, `idag`, `imorgon`, `igår`, en veckodag "
        "(`fredag`, `fre`) eller relativt: `+3d`, `2v`.",
    ),
    # -- command words, as help titles ("Help: log" / "Hjälp: logga") -----------------------
    "verb.help": ("help", "hjälp"),
    "verb.setup": ("setup", "starta"),
    "verb.org": ("org", "aktör"),
    "verb.member": ("member", "medlem"),
    "verb.join": ("join", "anslut"),
    "verb.activity": ("activity", "aktivitet"),
    "verb.log": ("log", "logga"),
    "verb.follow": ("follow", "uppföljning"),
    "verb.done": ("done", "klar"),
    "verb.cancel": ("cancel", "avbryt"),
    "verb.snooze": ("snooze", "skjut"),
    "verb.reassign": ("reassign", "omfördela"),
    "verb.mine": ("mine", "mina"),
    "verb.status": ("status", "status"),
    "verb.overdue": ("overdue", "försenat"),
    "verb.digest": ("digest", "veckobrev"),
    "verb.reminders": ("reminders", "påminnelser"),
    "verb.search": ("search", "sök"),
    "verb.history": ("history", "historik"),
    "verb.settings": ("settings", "inställningar"),
    "verb.dates": ("dates", "datum"),
    # -- examples shown with errors --------------------------------------------------------
    "error.example": ("Example: `{example}`", "Exempel: `{example}`"),
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
    # -- errors ----------------------------------------------------------------------------
    "error.internal": (
        "Something went wrong on our side and nothing was changed. Please try again.",
        "Något gick fel hos oss och inget ändrades. Försök igen.",
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
    # -- permissions -----------------------------------------------------------------------
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
    "denied.reassign": (
        "Only {by} (who assigned it) or a coordinator can reassign {ref}. Coordinators: {who}.",
        "Bara {by} (som gav den) eller en samordnare kan omfördela {ref}. Samordnare: {who}.",
    ),
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
    "what.digest_now": ("post the digest", "posta veckobrevet"),
    "what.digest_schedule": ("change the digest schedule", "ändra veckobrevets schema"),
    "what.settings": ("change settings", "ändra inställningar"),
    # -- setup, organisations, members -----------------------------------------------------
    "setup.done": (
        "The plan *{name}* is set up for this channel. {user} is its coordinator.",
        "Planen *{name}* är skapad för den här kanalen. {user} är samordnare.",
    ),
    "setup.next": (
        "Next: add organisations (`{cmd} org add Polisen police`), let people join "
        "(`{cmd} join Polisen`) and add activities (`{cmd} activity add <title>`).",
        "Nästa steg: lägg till aktörer (`{cmd} aktör ny Polisen polis`), låt folk ansluta "
        "(`{cmd} anslut Polisen`) och lägg till aktiviteter (`{cmd} aktivitet ny <titel>`).",
    ),
    "org.added": (
        "Added the organisation *{name}* ({kind}).",
        "Aktören *{name}* ({kind}) är tillagd.",
    ),
    "org.none": (
        "No organisations yet. A coordinator adds one with `{cmd} org add <name> [kind]`.",
        "Inga aktörer än. En samordnare lägger till en med `{cmd} aktör ny <namn> [typ]`.",
    ),
    "org.title": ("Organisations ({n})", "Aktörer ({n})"),
    "org.nobody": ("nobody yet", "ingen än"),
    "org.no_org": ("no organisation yet", "ingen aktör än"),
    "org.legend": ("★ coordinator", "★ samordnare"),
    "org.people": ("People", "Personer"),
    "org.activities": ("Activities it owns ({n})", "Aktiviteter som aktören äger ({n})"),
    "org.no_activities": ("It owns no activities.", "Aktören äger inga aktiviteter."),
    "member.set": (
        "{user} is now a {role} of *{org}*{was}.",
        "{user} är nu {role} i *{org}*{was}.",
    ),
    "member.was_org": ("(was in *{org}*)", "(var i *{org}*)"),
    "member.was_role": ("(was {role})", "(var {role})"),
    "member.was_both": ("(was a {role} of *{org}*)", "(var {role} i *{org}*)"),
    "member.joined": (
        "{user} joined *{org}* as {role}{left}.",
        "{user} anslöt till *{org}* som {role}{left}.",
    ),
    "member.left": ("(left *{org}*)", "(lämnade *{org}*)"),
    "role.coordinator": ("coordinator", "samordnare"),
    "role.member": ("member", "medlem"),
    "kind.municipality": ("municipality", "kommun"),
    "kind.police": ("police", "polis"),
    "kind.social_services": ("social services", "socialtjänst"),
    "kind.school": ("school", "skola"),
    "kind.recreation": ("recreation", "fritid"),
    "kind.housing": ("housing", "bostad"),
    "kind.rescue_service": ("rescue service", "räddningstjänst"),
    "kind.civil_society": ("civil society", "civilsamhälle"),
    "kind.business": ("business", "näringsliv"),
    "kind.other": ("other", "övrigt"),
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
    "status.planned": ("planned", "planerad"),
    "status.active": ("active", "pågår"),
    "status.done": ("done", "klar"),
    "status.paused": ("paused", "pausad"),
    "status.cancelled": ("cancelled", "inställd"),
    "rag.green": ("green", "grön"),
    "rag.amber": ("amber", "gul"),
    "rag.red": ("red", "röd"),
    "rag.none": ("not assessed", "ej bedömd"),
    "fstatus.open": ("open", "öppen"),
    "fstatus.done": ("done", "klar"),
    "fstatus.cancelled": ("cancelled", "avbruten"),
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
    "source.command": ("command", "kommando"),
    "source.modal": ("form", "formulär"),
    "source.message": ("message", "meddelande"),
    "field.assignee": ("Assignee", "Ansvarig"),
    "field.log": ("Log", "Logg"),
    "field.weekday": ("Weekday", "Veckodag"),
    "field.time": ("Time", "Tid"),
    "field.reminders": ("Reminders", "Påminnelser"),
    "field.language": ("Language", "Språk"),
    "field.timezone": ("Timezone", "Tidszon"),
    "field.area": ("Area", "Område"),
    # -- log -------------------------------------------------------------------------------
    "log.added": (
        "*{ref}* logged {where} by {user}{org}, {day}:",
        "*{ref}* loggad {where} av {user}{org}, {day}:",
    ),
    "log.on_activity": ("on *{ref}* {title}", "på *{ref}* {title}"),
    "log.no_activity": ("(no activity)", "(ingen aktivitet)"),
    "log.source_link": ("<{link}|Original message>", "<{link}|Ursprungligt meddelande>"),
    "log.link": ("message", "meddelande"),
    # -- follow-ups ------------------------------------------------------------------------
    "followup.added": (
        "*{ref}* for {assignee} from {by}{extra}:",
        "*{ref}* till {assignee} från {by}{extra}:",
    ),
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
    "button.done": ("Done", "Klar"),
    "button.snooze_day": ("Snooze 1 day", "Skjut 1 dag"),
    "button.snooze_week": ("Snooze 1 week", "Skjut 1 vecka"),
    "button.log": ("Log something", "Logga en insats"),
    # -- personal --------------------------------------------------------------------------
    "mine.none": ("You have no open follow-ups.", "Du har inga öppna uppföljningar."),
    "mine.title": ("Your open follow-ups ({n})", "Dina öppna uppföljningar ({n})"),
    "reminders.on": (
        "Reminders are on: on working days at 09:00 you get a message when follow-ups are due.",
        "Påminnelser är på: vardagar kl. 09:00 får du ett meddelande när uppföljningar förfaller.",
    ),
    "reminders.off": (
        "Reminders are off. `{cmd} reminders on` turns them back on.",
        "Påminnelser är av. `{cmd} påminnelser på` slår på dem igen.",
    ),
    # -- reading ---------------------------------------------------------------------------
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
    "status.more_week": ("…and {n} more this week.", "…och {n} till den här veckan."),
    "status.delivery_error": (
        "The last digest could not be posted ({error}, {when}). Invite the bot to this channel "
        "again.",
        "Senaste veckobrevet kunde inte postas ({error}, {when}). Bjud in boten till kanalen igen.",
    ),
    "overdue.none": ("Nothing is overdue.", "Inget är försenat."),
    "overdue.title": (
        "Overdue — follow-ups: {f}, activities: {a}",
        "Försenat — uppföljningar: {f}, aktiviteter: {a}",
    ),
    "overdue.followups": ("Follow-ups", "Uppföljningar"),
    "overdue.activities": ("Activities past due", "Aktiviteter efter slutdatum"),
    "search.none": ("Nothing in the log matches “{query}”.", "Inget i loggen matchar ”{query}”."),
    "search.title": ("Log entries matching “{query}”: {n}", "Insatser som matchar ”{query}”: {n}"),
    "search.more": (
        "Older matches not shown: {n}. Add words to narrow the search.",
        "Äldre träffar som inte visas: {n}. Lägg till ord för att smalna av sökningen.",
    ),
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
    "blocks.more": (
        "…and {n} more lines that do not fit in one message.",
        "…och {n} rader till som inte ryms i ett meddelande.",
    ),
    "list.more": ("…and {n} more: {command}", "…och {n} till: {command}"),
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
        "{name} — {weeks} ({range}): {logs} logged, {overdue} follow-ups overdue, "
        "{attention} items need attention.",
        "{name} — {weeks} ({range}): {logs} insatser loggade, {overdue} försenade "
        "uppföljningar, {attention} saker behöver uppmärksamhet.",
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
        "{n} entries from {orgs} organisations",
        "{n} insatser från {orgs} aktörer",
    ),
    "digest.logged_none": (
        "Nothing was logged. Record what you did with `{cmd} log [A#] <text>`.",
        "Inget loggades. Logga det du gjort med `{cmd} logga [A#] <text>`.",
    ),
    "digest.entries": ("{n} entries", "{n} insatser"),
    "digest.entries_one": ("1 entry", "1 insats"),
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
        "{n} till är försenade mer än en vecka: under Behöver uppmärksamhet.",
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
        "Log what you did: `{cmd} log [A#] <text>` · your follow-ups: `{cmd} mine` · "
        "the whole plan: `{cmd} status`",
        "Logga det du gjort: `{cmd} logga [A#] <text>` · dina uppföljningar: `{cmd} mina` · "
        "hela planen: `{cmd} status`",
    ),
    "digest.posted": (
        "Posted this week's digest in the channel.",
        "Veckobrevet är publicerat i kanalen.",
    ),
    "digest.post_unsure": (
        "Slack did not answer in time: look in the channel before you post the digest again.",
        "Slack svarade inte i tid: titta i kanalen innan du publicerar veckobrevet igen.",
    ),
    # -- reminder messages (samverkan/reminders.py) ----------------------------------------
    "reminder.title": ("Follow-ups for today", "Dagens uppföljningar"),
    "reminder.intro": (
        "{n} of your follow-ups are due today or overdue.",
        "{n} av dina uppföljningar ska vara klara idag eller är försenade.",
    ),
    "reminder.intro_one": (
        "One of your follow-ups is due today or overdue.",
        "En av dina uppföljningar ska vara klar idag eller är försenad.",
    ),
    "reminder.footer": (
        "All yours: `{cmd} mine` · no more of these messages: `{cmd} reminders off`",
        "Alla dina: `{cmd} mina` · inga fler sådana meddelanden: `{cmd} påminnelser av`",
    ),
    # -- settings --------------------------------------------------------------------------
    "settings.changed": ("{setting}: {old} → *{new}*", "{setting}: {old} → *{new}*"),
    "setting.language": ("Language", "Språk"),
    "setting.timezone": ("Timezone", "Tidszon"),
    "setting.area": ("Area", "Område"),
    "setting.name": ("Plan name", "Planens namn"),
    # -- Slack modals (titles, submit and close ≤ 24 characters; option texts ≤ 75) --------
    "modal.log_title": ("Log an action", "Logga en insats"),
    "modal.follow_title": ("New follow-up", "Ny uppföljning"),
    "modal.activity_title": ("New activity", "Ny aktivitet"),
    "modal.notice_title": ("Samverkan", "Samverkan"),
    "modal.submit": ("Save", "Spara"),
    "modal.close": ("Cancel", "Avbryt"),
    "modal.ok": ("OK", "OK"),
    "modal.plan": ("Plan", "Plan"),
    "modal.plan_placeholder": ("Choose a plan", "Välj en plan"),
    "modal.activity": ("Activity", "Aktivitet"),
    "modal.activity_placeholder": ("Choose an activity (optional)", "Välj en aktivitet (valfritt)"),
    "modal.activity_hint": (
        "Showing the {n} most recently changed open activities.",
        "Visar de {n} senast ändrade öppna aktiviteterna.",
    ),
    "modal.log_text": ("What was done?", "Vad gjordes?"),
    "modal.text_hint": (
        "Describe the situation, not individuals: no names or personal identity numbers.",
        "Beskriv läget, inte enskilda personer: inga namn eller personnummer.",
    ),
    "modal.log_date": ("When", "När"),
    "modal.assignee": ("Who should do it", "Vem ska göra det"),
    "modal.assignee_placeholder": ("Choose a person", "Välj en person"),
    "modal.follow_text": ("What should be done?", "Vad ska göras?"),
    "modal.due": ("Due (optional)", "Senast (valfritt)"),
    "modal.activity_name": ("Title", "Titel"),
    "modal.owner": ("Owner organisation", "Ägande aktör"),
    "modal.owner_placeholder": ("Choose an organisation", "Välj en aktör"),
    "modal.cause": ("Cause (optional)", "Orsak (valfritt)"),
    "modal.goal": ("Operational goal (optional)", "Operativt mål (valfritt)"),
    "modal.source": (
        "Linked to <{link}|the original message>.",
        "Länkad till <{link}|meddelandet>.",
    ),
    "modal.wrong_plan": (
        "That activity belongs to another plan: choose one from the plan above.",
        "Aktiviteten hör till en annan plan: välj en i planen ovan.",
    ),
    "modal.no_member_plans": (
        "You are not a member of any plan yet. In a plan's channel, type "
        "`{cmd} join <organisation>`.",
        "Du är inte medlem i någon plan än. Skriv `{cmd} anslut <aktör>` i planens kanal.",
    ),
    "modal.open_failed": (
        "The form could not be opened. Please try again.",
        "Formuläret kunde inte öppnas. Försök igen.",
    ),
    "action.stale": (
        "That button no longer works. Type `{cmd} mine` for your current follow-ups.",
        "Knappen fungerar inte längre. Skriv `{cmd} mina` för dina aktuella uppföljningar.",
    ),
    # -- App Home --------------------------------------------------------------------------
    "home.title": ("Samverkan", "Samverkan"),
    "home.plans": ("Your plans", "Dina planer"),
    "home.no_plans": (
        "You are not in any plan yet. A coordinator starts one in a channel with "
        "`{cmd} setup <plan name>`; then join it there with `{cmd} join <organisation>`.",
        "Du är inte med i någon plan än. En samordnare startar en i en kanal med "
        "`{cmd} starta <planens namn>`; gå sedan med där med `{cmd} anslut <aktör>`.",
    ),
    "home.plan_line": ("*{name}* in {channel}", "*{name}* i {channel}"),
    "home.more_plans": (
        "More plans: {n}. Type `{cmd} status` in their channels.",
        "Fler planer: {n}. Skriv `{cmd} status` i deras kanaler.",
    ),
    "home.followups_line": (
        "Open follow-ups: {n} ({late} late) · activities past due: {a}",
        "Öppna uppföljningar: {n} (försenade: {late}) · aktiviteter efter slutdatum: {a}",
    ),
    "home.footer": (
        "`{cmd} mine` lists your follow-ups anywhere; `{cmd} help` shows every command.",
        "`{cmd} mina` visar dina uppföljningar var som helst; `{cmd} hjälp` visar alla kommandon.",
    ),
    # -- modals in the console -------------------------------------------------------------
    "modal.console_log": (
        "In Slack this opens the log form. Here, type it in one line: "
        "`{cmd} log [A#] <what you did> [on <date>]`",
        "I Slack öppnas loggformuläret. Här skriver du på en rad: "
        "`{cmd} logga [A#] <vad du gjorde> [den <datum>]`",
    ),
    "modal.console_follow": (
        "In Slack this opens the follow-up form. Here, type it in one line: "
        "`{cmd} follow @person <what> [by <date>] [A#]`",
        "I Slack öppnas uppföljningsformuläret. Här skriver du på en rad: "
        "`{cmd} uppföljning @person <vad> [senast <datum>] [A#]`",
    ),
    "modal.console_activity": (
        "In Slack this opens the activity form. Here, type it in one line: "
        "`{cmd} activity add <title> [owner <org>] [due <date>]`",
        "I Slack öppnas aktivitetsformuläret. Här skriver du på en rad: "
        "`{cmd} aktivitet ny <titel> [ägare <aktör>] [senast <datum>]`",
    ),
}
