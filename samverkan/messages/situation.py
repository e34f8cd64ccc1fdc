"""The situation picture (DESIGN §9): places, observations, `situation`, measures, the round.

Help, titles, examples, errors and replies of these commands stand together here.
"""

from __future__ import annotations

_CATEGORIES_EN = (
    "`vandalism`, `graffiti`, `littering`, `disorder`, `unsafe place`, `threats or violence`, "
    "`drugs`, `fire`, `groups gathering`, `other`"
)
_CATEGORIES_SV = (
    "`skadegörelse`, `klotter`, `nedskräpning`, `ordningsstörning`, `otrygg plats`, "
    "`hot och våld`, `narkotika`, `brand`, `ungdomar som samlas`, `övrigt`"
)

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help, titles, examples ------------------------------------------------------------
    "help.place": (
        "`{cmd} place add <name>` adds a place of the area that observations can name "
        "(coordinators); `{cmd} place list` lists them.\nExample: `{cmd} place add Centrumtorget`",
        "`{cmd} plats ny <namn>` lägger till en plats i området som händelser kan ange "
        "(samordnare); `{cmd} plats lista` visar dem.\nExempel: `{cmd} plats ny Centrumtorget`",
    ),
    "help.observe": (
        "`{cmd} observe <category> [at <place>] [on <date>] [morning|afternoon|evening|night] "
        "[concern low|medium|high] <what you saw>` reports an observation for the week's "
        "situation picture, for members. Never describe a person. Categories: "
        + _CATEGORIES_EN
        + '. A place of several words goes in quotes (`at "Rinkeby torg"`). '
        "`{cmd} observe list [v<nr>]` lists a week's observations.\nExample: `{cmd} observe "
        "graffiti at Centrumtorget on friday evening concern high Tags on the wall`",
        "`{cmd} händelse <kategori> [vid <plats>] [den <datum>] "
        "[förmiddag|eftermiddag|kväll|natt] [oro låg|medel|hög] <vad du såg>` rapporterar en "
        "händelse till veckans lägesbild, för medlemmar. Beskriv aldrig en person. Kategorier: "
        + _CATEGORIES_SV
        + '. En plats med flera ord skrivs inom citattecken (`vid "Rinkeby torg"`). '
        "`{cmd} händelse lista [v<nr>]` visar veckans händelser.\nExempel: `{cmd} händelse "
        "klotter vid Centrumtorget igår kväll oro hög Klotter på väggen`",
    ),
    "help.situation": (
        "`{cmd} situation [v<nr>|last]` shows the week's situation picture: observations by "
        "category and place against the four weeks before, an eight-week trend, hotspots, who "
        "has reported, the agreed assessment and the measures. `{cmd} situation note <text>` "
        "records the assessment the group agreed (coordinators).\nExample: `{cmd} situation v48`",
        "`{cmd} läge [v<nr>|förra]` visar veckans lägesbild: händelser per kategori och plats "
        "mot de fyra veckorna före, en trend över åtta veckor, brännpunkter, vilka som har "
        "rapporterat, den gemensamma bedömningen och åtgärderna. `{cmd} läge notera <text>` "
        "sparar bedömningen gruppen enats om (samordnare).\nExempel: `{cmd} läge v48`",
    ),
    "help.measure": (
        "`{cmd} measure <text> [@person] [by <date>]` records a short-term measure of this "
        "week's situation picture: a follow-up for the person named (you, if nobody is), "
        "shown with its state in `situation` and the digest until it is done.\nExample: "
        "`{cmd} measure Remove the tags in the underpass @erik by friday`",
        "`{cmd} snabbåtgärd <text> [@person] [senast <datum>]` sparar en kortsiktig åtgärd i "
        "veckans lägesbild: en uppföljning för den du nämner (dig själv annars), som visas med "
        "sitt läge i `läge` och veckobrevet tills den är klar.\nExempel: "
        "`{cmd} snabbåtgärd Sanera klottret i gångtunneln @erik senast fredag`",
    ),
    "help.est": (
        "*The week's situation picture*\n"
        "`{cmd} observe <category> [at <place>] [on <date>] <what you saw>` report an "
        "observation (no words: a form) · `{cmd} situation [v<nr>]` the picture · "
        "`{cmd} situation note <text>` the agreed assessment · "
        "`{cmd} measure <text> [@person] [by <date>]` a short-term measure · "
        "`{cmd} place add <name>` · `{cmd} round <weekday> <HH:MM>`",
        "*Veckans lägesbild*\n"
        "`{cmd} händelse <kategori> [vid <plats>] [den <datum>] <vad du såg>` rapportera en "
        "händelse (utan ord: ett formulär) · `{cmd} läge [v<nr>]` lägesbilden · "
        "`{cmd} läge notera <text>` den gemensamma bedömningen · "
        "`{cmd} snabbåtgärd <text> [@person] [senast <datum>]` en kortsiktig åtgärd · "
        "`{cmd} plats ny <namn>` · `{cmd} omgång <veckodag> <TT:MM>`",
    ),
    "verb.place": ("place", "plats"),
    "verb.observe": ("observe", "händelse"),
    "verb.situation": ("situation", "läge"),
    "verb.measure": ("measure", "snabbåtgärd"),
    "example.place": ("{cmd} place add Centrumtorget", "{cmd} plats ny Centrumtorget"),
    "example.observe": (
        "{cmd} observe graffiti at Centrumtorget on friday evening concern high Tags on the wall",
        "{cmd} händelse klotter vid Centrumtorget igår kväll oro hög Klotter på väggen",
    ),
    "example.situation": ("{cmd} situation v48", "{cmd} läge v48"),
    "example.measure": (
        "{cmd} measure Remove the tags in the underpass @erik by friday",
        "{cmd} snabbåtgärd Sanera klottret i gångtunneln @erik senast fredag",
    ),
    "what.place_add": ("add places", "lägga till platser"),
    "what.observe": ("report observations", "rapportera händelser"),
    "what.situation_note": ("record the agreed assessment", "spara den gemensamma bedömningen"),
    "what.measure": ("add measures", "lägga till åtgärder"),
    # -- errors ----------------------------------------------------------------------------
    "error.place_usage": (
        "Add a place with `{cmd} place add <name>`, or list them with `{cmd} place list`.",
        "Lägg till en plats med `{cmd} plats ny <namn>`, eller visa dem med `{cmd} plats lista`.",
    ),
    "error.place_exists": (
        "The plan already has a place called *{name}*.",
        "Planen har redan en plats som heter *{name}*.",
    ),
    "error.observe_usage": (
        "Say what kind of observation it is and what you saw. Categories: " + _CATEGORIES_EN + ".",
        "Ange vilken sorts händelse det är och vad du såg. Kategorier: " + _CATEGORIES_SV + ".",
    ),
    "error.observe_category": (
        "“{word}” is not a category. Start with one of " + _CATEGORIES_EN + ".",
        "”{word}” är ingen kategori. Börja med någon av " + _CATEGORIES_SV + ".",
    ),
    "error.observe_concern": (
        "After `concern` comes `low`, `medium` or `high`.",
        "Efter `oro` kommer `låg`, `medel` eller `hög`.",
    ),
    "error.observe_list_usage": (
        "List a week's observations with `{cmd} observe list [v<nr>] [<page>]`.",
        "Visa en veckas händelser med `{cmd} händelse lista [v<nr>] [<sida>]`.",
    ),
    "error.observe_future": (
        "An observation is about what happened: {day} has not come yet.",
        "En händelse gäller det som har hänt: {day} har inte kommit än.",
    ),
    "error.no_place": (
        "There is no place called *{name}* in this plan. Places: {known}. A coordinator adds "
        "one with `{cmd} place add <name>` ({who}).",
        "Det finns ingen plats som heter *{name}* i planen. Platser: {known}. En samordnare "
        "lägger till en med `{cmd} plats ny <namn>` ({who}).",
    ),
    "error.no_places_yet": (
        "The plan has no places yet, so *{name}* is unknown. A coordinator adds places with "
        "`{cmd} place add <name>` ({who}); or leave out `at {name}`.",
        "Planen har inga platser än, så *{name}* är okänd. En samordnare lägger till platser "
        "med `{cmd} plats ny <namn>` ({who}); eller hoppa över `vid {name}`.",
    ),
    "error.week_usage": (
        "Name a week like `v48`, `week 48` or `last` (weeks run from 1 to 53).",
        "Ange en vecka som `v48`, `vecka 48` eller `förra` (veckorna går från 1 till 53).",
    ),
    "error.situation_usage": (
        "Show a week's picture with `{cmd} situation [v<nr>|last]`, or record the agreed "
        "assessment with `{cmd} situation note <text>`.",
        "Visa en veckas lägesbild med `{cmd} läge [v<nr>|förra]`, eller spara den gemensamma "
        "bedömningen med `{cmd} läge notera <text>`.",
    ),
    "error.no_such_week": (
        "There was no week {week} in the last few years.",
        "Det fanns ingen vecka {week} de senaste åren.",
    ),
    "error.activity_log_usage": (
        "Page through an activity's log with `{cmd} activity A# log [<page>]`.",
        "Bläddra i en aktivitets logg med `{cmd} aktivitet A# logg [<sida>]`.",
    ),
    "activity.log_title": ("{ref} {title}: log ({n})", "{ref} {title}: logg ({n})"),
    "activity.log_none": (
        "{ref} has no entries on that page (pages: {pages}).",
        "{ref} har inga insatser på den sidan (sidor: {pages}).",
    ),
    "help.round": (
        "`{cmd} round <weekday> <HH:MM>` sets when every member gets a direct message asking "
        "for the week's observations (default Thursday 12:00); `{cmd} round off` stops it; "
        "`{cmd} round` shows when it goes out and who has answered this week.\nExample: "
        "`{cmd} round thursday 12:00`",
        "`{cmd} omgång <veckodag> <HH:MM>` anger när varje medlem får ett direktmeddelande "
        "som frågar efter veckans händelser (normalt torsdag 12:00); `{cmd} omgång av` stoppar "
        "den; `{cmd} omgång` visar när den går ut och vilka som har svarat i veckan.\nExempel: "
        "`{cmd} omgång torsdag 12:00`",
    ),
    "verb.round": ("round", "omgång"),
    "example.round": ("{cmd} round thursday 12:00", "{cmd} omgång torsdag 12:00"),
    "what.round": ("change the round", "ändra omgången"),
    "error.round_usage": (
        "Set the round with `{cmd} round <weekday> <HH:MM>`, or stop it with `{cmd} round off`.",
        "Ställ in omgången med `{cmd} omgång <veckodag> <HH:MM>`, eller stoppa den med "
        "`{cmd} omgång av`.",
    ),
    "round.set": (
        "🔔 Each week on {day} at {time} ({tz}) every member is asked for observations.",
        "🔔 Varje vecka på {day} kl. {time} ({tz}) får varje medlem frågan om händelser.",
    ),
    "round.off": (
        "🔕 The weekly round is off. Turn it on with `{cmd} round <weekday> <HH:MM>`.",
        "🔕 Veckans omgång är avstängd. Slå på den med `{cmd} omgång <veckodag> <HH:MM>`.",
    ),
    "round.is_off": (
        "The weekly round is off. Turn it on with `{cmd} round <weekday> <HH:MM>`.",
        "Veckans omgång är avstängd. Slå på den med `{cmd} omgång <veckodag> <HH:MM>`.",
    ),
    "round.when": (
        "🔔 The round goes out on {day} at {time} ({tz}).",
        "🔔 Omgången går ut på {day} kl. {time} ({tz}).",
    ),
    "round.not_yet": (
        "Week {week}: nobody has been asked yet.",
        "Vecka {week}: ingen har fått frågan än.",
    ),
    "round.status": (
        "Week {week}: {asked} asked. Answered: {answered}. Not yet: {waiting}.",
        "Vecka {week}: {asked} tillfrågade. Har svarat: {answered}. Inte än: {waiting}.",
    ),
    "round.ask": (
        "🔔 *{plan}*, week {week}: what did your organisation see in the area this week? "
        "Report an observation, or tell us there is nothing to report.",
        "🔔 *{plan}*, vecka {week}: vad har er organisation sett i området den här veckan? "
        "Rapportera en händelse, eller säg att ni inte har något att rapportera.",
    ),
    "round.answered_nothing": (
        "✅ Answered: nothing to report. Thank you!",
        "✅ Svarat: inget att rapportera. Tack!",
    ),
    "round.answered_report": (
        "✅ Answered: {ref} reported. Thank you! Anything else? Report another.",
        "✅ Svarat: {ref} rapporterad. Tack! Något mer? Rapportera en till.",
    ),
    "round.thanks_nothing": (
        "Recorded for week {week}: nothing to report ({user}).",
        "Sparat för vecka {week}: inget att rapportera ({user}).",
    ),
    "round.week_over": (
        "Week {week} is over; report what you saw with `{cmd} observe`.",
        "Vecka {week} är slut; rapportera det du såg med `{cmd} händelse`.",
    ),
    "round.home_status": (
        "🔔 Round, week {week}: {answered} of {asked} answered.",
        "🔔 Omgången, vecka {week}: {answered} av {asked} har svarat.",
    ),
    "round.home_not_yet": (
        "🔔 Round, week {week}: not sent yet.",
        "🔔 Omgången, vecka {week}: inte utskickad än.",
    ),
    "round.home_off": ("🔕 Round, week {week}: off.", "🔕 Omgången, vecka {week}: avstängd."),
    "round.home_missing": ("Not reported: {orgs}.", "Har inte rapporterat: {orgs}."),
    "button.report": ("Report an observation", "Rapportera en händelse"),
    "button.nothing": ("Nothing to report", "Inget att rapportera"),
    "error.observe_pick_category": (
        "Choose one of the options.",
        "Välj ett av alternativen.",
    ),
    "error.observe_two_places": (
        "Choose a place or name a new one, not both.",
        "Välj en plats eller ange en ny, inte båda.",
    ),
    "modal.console_observe": (
        "In Slack this opens the observation form. Here, type it in one line: "
        "`{cmd} observe <category> [at <place>] [on <date>] [<time>] [concern <level>] <text>`",
        "I Slack öppnas formuläret för händelser. Här skriver du den på en rad: "
        "`{cmd} händelse <kategori> [vid <plats>] [den <datum>] [<tid>] [oro <nivå>] <text>`",
    ),
    "modal.observe_title": ("Report an observation", "Rapportera händelse"),
    "modal.choose": ("Choose", "Välj"),
    "modal.category": ("Category", "Kategori"),
    "modal.place": ("Place", "Plats"),
    "modal.new_place": ("Or a new place", "Eller en ny plats"),
    "modal.new_place_hint": (
        "Added to the plan's places. A place, never a person's address.",
        "Läggs till bland planens platser. En plats, aldrig en persons adress.",
    ),
    "modal.observed_on": ("When", "När"),
    "modal.band": ("Time of day", "Tid på dygnet"),
    "modal.concern": ("Concern", "Oro"),
    "modal.observe_text": ("What you saw", "Vad du såg"),
    "shortcut.observe": ("Report as observation", "Rapportera som händelse"),
    # -- replies ---------------------------------------------------------------------------
    "place.added": ("📍 Place *{name}* added.", "📍 Platsen *{name}* är tillagd."),
    "place.title": ("Places ({n})", "Platser ({n})"),
    "place.none": (
        "The plan has no places yet. A coordinator adds one with `{cmd} place add <name>`.",
        "Planen har inga platser än. En samordnare lägger till en med `{cmd} plats ny <namn>`.",
    ),
    "observe.added": (
        "*{ref}* reported by {user}{org} for week {week}:",
        "*{ref}* rapporterad av {user}{org} för vecka {week}:",
    ),
    "observe.new_place": (
        "📍 *{name}* is new and was added to the plan's places.",
        "📍 *{name}* är ny och lades till bland planens platser.",
    ),
    "observe.at": ("at {place}", "vid {place}"),
    "observe.list_title": ("Observations, {week} ({n})", "Händelser, {week} ({n})"),
    "observe.list_none": (
        "No observations in {week}. Report one with `{cmd} observe <category> <what you saw>`.",
        "Inga händelser {week}. Rapportera en med `{cmd} händelse <kategori> <vad du såg>`.",
    ),
    "category.vandalism": ("Vandalism", "Skadegörelse"),
    "category.graffiti": ("Graffiti", "Klotter"),
    "category.littering": ("Littering", "Nedskräpning"),
    "category.disorder": ("Disorder", "Ordningsstörning"),
    "category.unsafe_place": ("Unsafe place", "Otrygg plats"),
    "category.threats_violence": ("Threats or violence", "Hot och våld"),
    "category.drugs": ("Drugs", "Narkotika"),
    "category.fire": ("Fire", "Brand"),
    "category.groups": ("Groups gathering", "Ungdomar som samlas"),
    "category.other": ("Other", "Övrigt"),
    "band.morning": ("morning", "förmiddag"),
    "band.afternoon": ("afternoon", "eftermiddag"),
    "band.evening": ("evening", "kväll"),
    "band.night": ("night", "natt"),
    "concern.low": ("low concern", "låg oro"),
    "concern.medium": ("medium concern", "medel oro"),
    "concern.high": ("high concern", "hög oro"),
    "field.category": ("Category", "Kategori"),
    "field.place": ("Place", "Plats"),
    "field.band": ("Time", "Tid"),
    "field.concern": ("Concern", "Oro"),
    "field.week": ("Week", "Vecka"),
    "situation.week": ("week {week}, {dates}", "vecka {week}, {dates}"),
    "situation.title": ("Situation picture — {plan}, {week}", "Lägesbild — {plan}, {week}"),
    "situation.total": ("Observations this week: {n}", "Händelser i veckan: {n}"),
    "situation.empty": (
        "No observations this week or in the four weeks before. Report one with "
        "`{cmd} observe <category> <what you saw>`.",
        "Inga händelser i veckan eller de fyra veckorna före. Rapportera en med "
        "`{cmd} händelse <kategori> <vad du såg>`.",
    ),
    "situation.by_category": (
        "By category, against the mean of the four weeks before; trend over {weeks} weeks",
        "Per kategori, mot snittet för de fyra veckorna före; trend över {weeks} veckor",
    ),
    "situation.mean": ("(mean {mean})", "(snitt {mean})"),
    "situation.by_place": ("By place", "Per plats"),
    "situation.hotspots": ("Hotspots", "Brännpunkter"),
    "situation.hotspot": ("{place} ({n})", "{place} ({n})"),
    "situation.hotspot_high": ("high concern: {n}", "hög oro: {n}"),
    "situation.reported": ("Reported:", "Har rapporterat:"),
    "situation.not_reported": ("Not reported:", "Har inte rapporterat:"),
    "situation.observations": ("Observations, newest first", "Händelser, nyast först"),
    "situation.assessment": ("Agreed assessment", "Gemensam bedömning"),
    "situation.no_note": (
        "None recorded yet. A coordinator records it with `{cmd} situation note <text>`.",
        "Ingen sparad än. En samordnare sparar den med `{cmd} läge notera <text>`.",
    ),
    "situation.note_by": ("(recorded by {user})", "(sparad av {user})"),
    "situation.noted": (
        "🧭 Assessment for {week} recorded by {user}:\n> {text}",
        "🧭 Bedömningen för {week} sparad av {user}:\n> {text}",
    ),
    "situation.measures": ("Measures", "Åtgärder"),
    "situation.no_measures": (
        "None yet. Add one with `{cmd} measure <text> [@person] [by <date>]`.",
        "Inga än. Lägg till en med `{cmd} snabbåtgärd <text> [@person] [senast <datum>]`.",
    ),
    "situation.from_week": ("from week {week}", "från vecka {week}"),
    "measure.linked": (
        "🧭 A measure of the situation picture, week {week}.",
        "🧭 En åtgärd i lägesbilden, vecka {week}.",
    ),
}
