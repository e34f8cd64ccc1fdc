"""Follow-up (DESIGN §1, §11): production on log entries, indicators, the report and its
tertial reminder."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- production on log entries ---------------------------------------------------------
    "production.participants": (
        "👥 {n} {n:participant|participants}",
        "👥 {n} {n:deltagare|deltagare}",
    ),
    "production.hours": ("⏱ {hours} h", "⏱ {hours} tim"),
    "production.title": ("Production", "Produktion"),
    "production.summary": (
        "{n} {n:entry|entries} · {participants} {participants:participant|participants} · "
        "{hours} h",
        "{n} {n:insats|insatser} · {participants} {participants:deltagare|deltagare} · {hours} tim",
    ),
    "production.by_org": ("{org}: {summary}", "{org}: {summary}"),
    "production.no_org": ("(no organisation)", "(ingen aktör)"),
    "error.participants_value": (
        "Participants are a whole number from 0 to 100 000, not `{value}`.",
        "Deltagare är ett heltal från 0 till 100 000, inte `{value}`.",
    ),
    "error.hours_value": (
        "Hours are a number from 0 to 10 000 (such as `3` or `1.5`), not `{value}`.",
        "Timmar är ett tal från 0 till 10 000 (som `3` eller `1,5`), inte `{value}`.",
    ),
    "example.log_production": (
        "{cmd} log A1 Parents' walk participants 12 hours 1.5",
        "{cmd} logga A1 Föräldravandring deltagare 12 timmar 1,5",
    ),
    "example.indicator_measure": (
        "{cmd} indicator A1 Reports of vandalism 9 on 2026-10-31",
        "{cmd} indikator A1 Anmälda skadegörelser 9 den 2026-10-31",
    ),
    "modal.log_participants": ("Participants (optional)", "Deltagare (valfritt)"),
    "modal.log_hours": ("Hours spent (optional)", "Timmar (valfritt)"),
    # -- indicators ------------------------------------------------------------------------
    "help.indicator": (
        "`{cmd} indicator add A# <name> baseline <number> [target <number>] [unit <text>] "
        "[on <date>]` gives an activity an effect indicator with its before-measure (measured "
        "today, or on the date given).\n`{cmd} indicator A# <name> <number> [on <date>]` "
        "records a measurement. For coordinators and the owner organisation's members; "
        "`{cmd} activity A#` shows baseline → latest against the target.\nExample: `{cmd} "
        "indicator add A1 Reports of vandalism baseline 12 target 6 unit per month`",
        "`{cmd} indikator ny A# <namn> utgångsvärde <tal> [mål <tal>] [enhet <text>] "
        "[den <datum>]` ger en aktivitet en effektindikator med dess nollmätning (i dag, eller "
        "den dag som anges).\n`{cmd} indikator A# <namn> <tal> [den <datum>]` registrerar en "
        "mätning. För samordnare och medlemmar i den ägande aktören; `{cmd} aktivitet A#` "
        "visar utgångsvärde → senaste mot målet.\nExempel: `{cmd} indikator ny A1 Anmälda "
        "skadegörelser utgångsvärde 12 mål 6 enhet per månad`",
    ),
    "verb.indicator": ("indicator", "indikator"),
    "example.indicator": (
        "{cmd} indicator add A1 Reports of vandalism baseline 12 target 6",
        "{cmd} indikator ny A1 Anmälda skadegörelser utgångsvärde 12 mål 6",
    ),
    "what.activity_indicator": (
        "add indicators and measurements",
        "lägga till indikatorer och mätningar",
    ),
    "error.indicator_usage": (
        "Record a measurement as `{cmd} indicator A# <name> <number> [on <date>]`, or add an "
        "indicator with `{cmd} indicator add A# <name> baseline <number>`.",
        "Registrera en mätning med `{cmd} indikator A# <namn> <tal> [den <datum>]`, eller lägg "
        "till en indikator med `{cmd} indikator ny A# <namn> utgångsvärde <tal>`.",
    ),
    "error.indicator_add_usage": (
        "Add an indicator as `{cmd} indicator add A# <name> baseline <number> [target <number>] "
        "[unit <text>]`, each once.",
        "Lägg till en indikator med `{cmd} indikator ny A# <namn> utgångsvärde <tal> [mål "
        "<tal>] [enhet <text>]`, vart och ett en gång.",
    ),
    "error.indicator_number": (
        "`{value}` is not a number. Write it as `12` or `4.5`.",
        "`{value}` är inte ett tal. Skriv det som `12` eller `4,5`.",
    ),
    "error.indicator_future": (
        "A measurement cannot be made in the future ({day}). Example: `{cmd} indicator A1 "
        "Reports of vandalism 9`",
        "En mätning kan inte göras i framtiden ({day}). Exempel: `{cmd} indikator A1 Anmälda "
        "skadegörelser 9`",
    ),
    "error.indicator_exists": (
        "*{ref}* already has an indicator *{name}*. Record a measurement: `{cmd} indicator "
        "{ref} {name} <number>`",
        "*{ref}* har redan en indikator *{name}*. Registrera en mätning: `{cmd} indikator "
        "{ref} {name} <tal>`",
    ),
    "error.no_indicator": (
        "*{ref}* has no indicator *{name}*. Its indicators: {names}. Add one with `{cmd} "
        "indicator add {ref} <name> baseline <number>`",
        "*{ref}* har ingen indikator *{name}*. Dess indikatorer: {names}. Lägg till en med "
        "`{cmd} indikator ny {ref} <namn> utgångsvärde <tal>`",
    ),
    "indicator.added": (
        "📈 {user} added the indicator *{name}*{unit} to *{ref}*: baseline {baseline} ({day})"
        "{target}.",
        "📈 {user} lade till indikatorn *{name}*{unit} på *{ref}*: utgångsvärde {baseline} "
        "({day}){target}.",
    ),
    "indicator.added_target": (", target {target}", ", mål {target}"),
    "indicator.measured": (
        "📈 {user} measured *{name}* on *{ref}*: {value} ({day}); baseline {baseline}.",
        "📈 {user} mätte *{name}* på *{ref}*: {value} ({day}); utgångsvärde {baseline}.",
    ),
    "indicator.title": ("Effect", "Effekt"),
    "indicator.line": (
        "*{name}*{unit}: {baseline} ({since}) → {latest} ({on})",
        "*{name}*{unit}: {baseline} ({since}) → {latest} ({on})",
    ),
    "indicator.target": ("target {target}", "mål {target}"),
    "indicator.share": ("{share} % of the way", "{share} % av vägen"),
    # -- the export's indicator sheet and log columns ----------------------------------------
    "export.sheet_indicators": ("Indicators", "Indikatorer"),
    "export.indicator": ("Indicator", "Indikator"),
    "export.unit": ("Unit", "Enhet"),
    "export.baseline": ("Baseline", "Utgångsvärde"),
    "export.baseline_on": ("Baseline date", "Utgångsdatum"),
    "export.target": ("Target", "Mål"),
    "export.latest": ("Latest", "Senaste"),
    "export.latest_on": ("Latest date", "Senast mätt"),
    "export.measurements": ("Measurements", "Mätningar"),
    "field.participants": ("Participants", "Deltagare"),
    "field.hours": ("Hours", "Timmar"),
}
