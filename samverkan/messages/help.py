"""Help texts (help.*) and the command words that title them (verb.*)."""

from __future__ import annotations

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
    "help.start": (
        "*Get started*\n"
        "`{cmd} setup <plan name>` create the plan for this channel\n"
        "`{cmd} org add <name> [kind]` · `{cmd} org list` organisations\n"
        "`{cmd} join <organisation>` join as a member\n"
        "`{cmd} member @person <organisation> [coordinator|member]` add someone\n"
        "`{cmd} join approve|decline @person` · `{cmd} member @person remove` · `{cmd} leave`",
        "*Kom igång*\n"
        "`{cmd} starta <planens namn>` skapa planen för kanalen\n"
        "`{cmd} aktör ny <namn> [typ]` · `{cmd} aktör lista` aktörer\n"
        "`{cmd} anslut <aktör>` gå med som medlem\n"
        "`{cmd} medlem @person <aktör> [samordnare|medlem]` lägg till någon\n"
        "`{cmd} anslut godkänn|avböj @person` · `{cmd} medlem @person ta bort` · `{cmd} lämna`",
    ),
    "help.work": (
        "*Everyday work*\n"
        "`{cmd} log [A#] <what you did> [on <date>] [participants <n>] [hours <n>]` record "
        "something done\n"
        "`{cmd} follow @person <what> [by <date>] [A#]` assign a follow-up\n"
        "`{cmd} done F#` · `{cmd} snooze F# <date>` · `{cmd} reassign F# @person` · "
        "`{cmd} cancel F#`\n"
        "`{cmd} mine` your open follow-ups\n"
        "`{cmd} edit L#|F# <new text>` · `{cmd} delete L#|F#` correct or remove what you wrote",
        "*Vardagsarbete*\n"
        "`{cmd} logga [A#] <vad du gjorde> [den <datum>] [deltagare <n>] [timmar <n>]` "
        "registrera en insats\n"
        "`{cmd} uppföljning @person <vad> [senast <datum>] [A#]` ge en uppföljning\n"
        "`{cmd} klar F#` · `{cmd} skjut F# <datum>` · `{cmd} omfördela F# @person` · "
        "`{cmd} avbryt F#`\n"
        "`{cmd} mina` dina öppna uppföljningar\n"
        "`{cmd} ändra L#|F# <ny text>` · `{cmd} radera L#|F#` rätta eller ta bort det du skrev",
    ),
    "help.read": (
        "*The plan*\n"
        "`{cmd} activity add <title> [owner <org>] [due <date>]` new activity\n"
        "`{cmd} activity list` · `{cmd} activity A#` · "
        "`{cmd} activity A# status <planned|active|done|paused|cancelled>` · "
        "`{cmd} activity A# rag <green|amber|red>`\n"
        "`{cmd} status [A#|organisation]` · `{cmd} overdue` · `{cmd} search <words>` · "
        "`{cmd} history <A#|F#|L#|C#>`\n"
        "`{cmd} cause add|list` · `{cmd} export [csv]` · `{cmd} import` the council's template\n"
        "`{cmd} indicator add A# <name> baseline <number> [target <number>]` · "
        "`{cmd} indicator A# <name> <number>` · `{cmd} report [tertial <1-3>|year]` the "
        "follow-up report",
        "*Planen*\n"
        "`{cmd} aktivitet ny <titel> [ägare <aktör>] [senast <datum>]` ny aktivitet\n"
        "`{cmd} aktivitet lista` · `{cmd} aktivitet A#` · "
        "`{cmd} aktivitet A# status <planerad|pågår|klar|pausad|inställd>` · "
        "`{cmd} aktivitet A# bedömning <grön|gul|röd>`\n"
        "`{cmd} status [A#|aktör]` · `{cmd} försenat` · `{cmd} sök <ord>` · "
        "`{cmd} historik <A#|F#|L#|C#>`\n"
        "`{cmd} orsak ny|lista` · `{cmd} exportera [csv]` · `{cmd} importera` rådets mall\n"
        "`{cmd} indikator ny A# <namn> utgångsvärde <tal> [mål <tal>]` · "
        "`{cmd} indikator A# <namn> <tal>` · `{cmd} rapport [tertial <1-3>|år]` "
        "uppföljningsrapporten",
    ),
    "help.admin": (
        "*Digest and settings*\n"
        "`{cmd} digest [preview|now]` · `{cmd} digest schedule <weekday> <HH:MM>` · "
        "`{cmd} digest off`\n"
        "`{cmd} reminders on|off` · `{cmd} settings language <en|sv>` · "
        "`{cmd} settings timezone <Area/City>` · `{cmd} settings joining approval|open`\n"
        "`{cmd} plan archive` · `{cmd} plan delete`",
        "*Veckobrev och inställningar*\n"
        "`{cmd} veckobrev [förhandsvisa|nu]` · `{cmd} veckobrev schema <veckodag> <TT:MM>` · "
        "`{cmd} veckobrev av`\n"
        "`{cmd} påminnelser på|av` · `{cmd} inställningar språk <en|sv>` · "
        "`{cmd} inställningar tidszon <Område/Stad>` · "
        "`{cmd} inställningar anslutning godkännande|öppen`\n"
        "`{cmd} plan arkivera` · `{cmd} plan radera`",
    ),
    "help.footer": (
        "Dates: `2026-12-15`, `15/12`, `today`, `tomorrow`, `friday`, `+3d`, `2w`. "
        "Never write identity numbers, names, addresses or ages of people. "
        "`{cmd} help dates` for more.",
        "Datum: `2026-12-15`, `15/12`, `idag`, `imorgon`, `fredag`, `+3d`, `2v`. "
        "Skriv aldrig personnummer, namn, adresser eller åldrar på personer. "
        "`{cmd} hjälp datum` för mer.",
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
        "`{cmd} org rename <name> to <new name>` · `{cmd} org remove <name>` (only while no "
        "activity or member refers to it; its old log entries keep its name).\n"
        "Example: `{cmd} org add Polisen Järva police`",
        "`{cmd} aktör ny <namn> [typ]` lägger till en aktör (samordnare). Typer: kommun, polis, "
        "socialtjänst, skola, fritid, bostad, räddningstjänst, civilsamhälle, näringsliv, övrigt."
        "\n`{cmd} aktör lista` visar dem med sina personer.\n"
        "`{cmd} aktör byt namn <namn> till <nytt namn>` · `{cmd} aktör ta bort <namn>` (bara "
        "när ingen aktivitet eller medlem hänvisar till den; gamla loggposter behåller namnet).\n"
        "Exempel: `{cmd} aktör ny Polisen Järva polis`",
    ),
    "help.member": (
        "`{cmd} member @person <organisation> [coordinator|member]` puts a person in an "
        "organisation and role (coordinators). Without a role, a person keeps theirs.\n"
        "`{cmd} member @person remove` takes someone out of the plan; `{cmd} leave` takes "
        "yourself out. The plan keeps at least one coordinator.\n"
        "Example: `{cmd} member @erik Polisen member`",
        "`{cmd} medlem @person <aktör> [samordnare|medlem]` placerar en person i en aktör och "
        "roll (samordnare). Utan roll behåller personen sin.\n"
        "`{cmd} medlem @person ta bort` tar bort någon från planen; `{cmd} lämna` tar bort "
        "dig själv. Planen behåller minst en samordnare.\n"
        "Exempel: `{cmd} medlem @erik Polisen medlem`",
    ),
    "help.join": (
        "`{cmd} join <organisation>` asks to become a member of one of the plan's "
        "organisations: each coordinator gets a message to approve or decline it, and you are "
        "told the outcome (with `settings joining open` you join at once).\n"
        "Coordinators: `{cmd} join approve @person` · `{cmd} join decline @person`.\n"
        "Example: `{cmd} join Stockholmshem`",
        "`{cmd} anslut <aktör>` ber om att bli medlem i en av planens aktörer: varje "
        "samordnare får ett meddelande för att godkänna eller avböja, och du får besked (med "
        "`inställningar anslutning öppen` ansluter du direkt).\n"
        "Samordnare: `{cmd} anslut godkänn @person` · `{cmd} anslut avböj @person`.\n"
        "Exempel: `{cmd} anslut Stockholmshem`",
    ),
    "help.activity": (
        "`{cmd} activity add <title> [owner <org>] [due <date>]` new activity (coordinators; "
        "no arguments opens a form)\n`{cmd} activity list` · `{cmd} activity A3`\n"
        "`{cmd} activity A3 status active` (planned, active, done, paused, cancelled)\n"
        "`{cmd} activity A3 rag amber` (green, amber, red)\n"
        "`{cmd} activity A3 cause|goal|owner|due|title <value>`\n"
        "The template's fields: `{cmd} activity A3 cause C1` · `period jan–jun 2027` (two "
        "dates, `vt 2027`, `ht 2027`, `ongoing`) · `partners Polisen, Stockholmshem` · "
        "`followup <how it is followed up>` · `kind one-off|ordinary`\n"
        "`{cmd} activity list by cause` groups the list by cause.\n"
        "Changes: coordinators and members of the owner organisation. A title with the word "
        'owner or due in it goes in quotes: `{cmd} activity add "Meet the owner"`.',
        "`{cmd} aktivitet ny <titel> [ägare <aktör>] [senast <datum>]` ny aktivitet "
        "(samordnare; utan argument öppnas ett formulär)\n`{cmd} aktivitet lista` · "
        "`{cmd} aktivitet A3`\n`{cmd} aktivitet A3 status pågår` (planerad, pågår, klar, "
        "pausad, inställd)\n`{cmd} aktivitet A3 bedömning gul` (grön, gul, röd)\n"
        "`{cmd} aktivitet A3 orsak|mål|ägare|senast|titel <värde>`\n"
        "Mallens fält: `{cmd} aktivitet A3 orsak C1` · `period jan–jun 2027` (två datum, "
        "`vt 2027`, `ht 2027`, `löpande`) · `parter Polisen, Stockholmshem` · "
        "`uppföljning <hur den följs upp>` · `typ engångsinsats|ordinarie`\n"
        "`{cmd} aktivitet lista per orsak` grupperar listan efter orsak.\n"
        "Ändringar: samordnare och medlemmar i ägande aktör. En titel med ordet ägare eller "
        "senast i sig skrivs inom citattecken: "
        '`{cmd} aktivitet ny "Samtal med ägare av kiosken"`.',
    ),
    "help.log": (
        "`{cmd} log [A#] <what you did> [on <date>] [participants <n>] [hours <n>]` records "
        "something done, for members; participants and hours count as the activity's "
        "production. Without text it opens a form.\nExample: `{cmd} log A1 Walked the area "
        "with the housing company on monday participants 8 hours 2`",
        "`{cmd} logga [A#] <vad du gjorde> [den <datum>] [deltagare <n>] [timmar <n>]` "
        "registrerar en insats, för medlemmar; deltagare och timmar räknas som aktivitetens "
        "produktion. Utan text öppnas ett formulär.\nExempel: `{cmd} logga A1 "
        "Trygghetsvandring med bostadsbolaget den måndag deltagare 8 timmar 2`",
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
        "`{cmd} search <words>` searches what the plan's people wrote: log entries, follow-ups "
        "and activities. Any form of a word matches (`lamp` finds “lamps”), `lamp*` finds words "
        'that begin so, and "quoted words" must stand together.\nExample: `{cmd} search '
        "lighting underpass`",
        "`{cmd} sök <ord>` söker i det planens folk skrivit: insatser, uppföljningar och "
        "aktiviteter. Alla former av ett ord matchar (`belysning` hittar ”belysningen”), "
        "`lamp*` hittar ord som börjar så, och ”ord inom citattecken” måste stå ihop.\n"
        "Exempel: `{cmd} sök belysning gångtunnel`",
    ),
    "help.history": (
        "`{cmd} history A3` (or F4, L12) shows who changed what, and when.",
        "`{cmd} historik A3` (eller F4, L12) visar vem som ändrade vad, och när.",
    ),
    "help.settings": (
        "`{cmd} settings language sv` · `{cmd} settings timezone Europe/Stockholm` · "
        "`{cmd} settings area <area>` · `{cmd} settings name <plan name>` · "
        "`{cmd} settings joining approval|open` (coordinators)\n"
        "`{cmd} settings my language sv|en|auto`: your own language for `{cmd} mine`, your App "
        "Home and reminders (anyone; `auto` follows Slack)",
        "`{cmd} inställningar språk en` · `{cmd} inställningar tidszon Europe/Stockholm` · "
        "`{cmd} inställningar område <område>` · `{cmd} inställningar namn <planens namn>` · "
        "`{cmd} inställningar anslutning godkännande|öppen` (samordnare)\n"
        "`{cmd} inställningar mitt språk sv|en|auto`: ditt eget språk för `{cmd} mina`, din "
        "appstartsida och påminnelser (alla; `auto` följer Slack)",
    ),
    "help.dates": (
        "Dates can be written `2026-12-15`, `15/12`, `15 dec`, `15 december`, `today`, "
        "`tomorrow`, `day after tomorrow`, `yesterday`, a weekday (`friday`, `fre`: the next "
        "one), `next friday` (next week's), a week (`week 50`, `v50`: its Friday), or relative: "
        "`+3d`, `2w`, `in 3 days`, `in a week`, `in 2 weeks`.\n"
        "A due date without a year is the next one to come; a due date that has passed is kept "
        "with a warning. For what happened (`log … on`) dates look back.",
        "Datum kan skrivas `2026-12-15`, `15/12`, `15 dec`, `15 december`, `idag`, `imorgon`, "
        "`i övermorgon`, `igår`, en veckodag (`fredag`, `fre`: nästa som kommer), `nästa "
        "fredag` (nästa veckas), en vecka (`vecka 50`, `v50`: dess fredag) eller relativt: "
        "`+3d`, `2v`, `om 3 dagar`, `om en vecka`, `om 2 veckor`.\n"
        "Ett slutdatum utan år är nästa som kommer; ett slutdatum som har passerat sparas med en "
        "varning. För det som hänt (`logga … den`) räknas datum bakåt.",
    ),
    # -- command words, as help titles ("Help: log" / "Hjälp: logga") ----------------------
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
}
