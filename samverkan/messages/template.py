"""The council's template: causes (cause.*), the template's activity fields, export and import."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- causes ----------------------------------------------------------------------------
    "help.cause": (
        "`{cmd} cause add <text>` a numbered cause `C1`, `C2`… (coordinators)\n"
        "`{cmd} cause list` the causes and how many activities work on each\n"
        "`{cmd} activity A3 cause C1` says which cause an activity works on.",
        "`{cmd} orsak ny <text>` en numrerad orsak `C1`, `C2`… (samordnare)\n"
        "`{cmd} orsak lista` orsakerna och hur många aktiviteter som arbetar med var och en\n"
        "`{cmd} aktivitet A3 orsak C1` anger vilken orsak en aktivitet arbetar med.",
    ),
    "verb.cause": ("cause", "orsak"),
    "example.cause": (
        "{cmd} cause add Poor lighting at the underpass",
        "{cmd} orsak ny Dålig belysning i gångtunneln",
    ),
    "error.cause_usage": (
        "Write `cause add <text>` or `cause list`.",
        "Skriv `orsak ny <text>` eller `orsak lista`.",
    ),
    "what.cause_add": ("add causes", "lägga till orsaker"),
    "cause.added": ("New cause *{ref}*: {text}", "Ny orsak *{ref}*: {text}"),
    "cause.none": (
        "No causes yet. A coordinator adds one with `{cmd} cause add <text>`.",
        "Inga orsaker än. En samordnare lägger till en med `{cmd} orsak ny <text>`.",
    ),
    "cause.list_title": ("{name}: causes ({n})", "{name}: orsaker ({n})"),
    "cause.activities": ("activities: {n}", "aktiviteter: {n}"),
    "cause.without": ("No cause given", "Ingen orsak angiven"),
    "error.no_cause": (
        "There is no cause {ref} in this plan. `{cmd} cause list` shows them.",
        "Det finns ingen orsak {ref} i planen. `{cmd} orsak lista` visar dem.",
    ),
    "error.cause_exists": (
        "That cause is already *{ref}*: {text}",
        "Den orsaken finns redan som *{ref}*: {text}",
    ),
    # -- the template's activity fields ----------------------------------------------------
    "field.period": ("When", "När"),
    "field.partners": ("Partners", "Parter"),
    "field.who": ("Who", "Vem"),
    "field.followup": ("Follow-up", "Uppföljning"),
    "modal.period": (
        "When (optional): two dates, vt 2027, ongoing…",
        "När (valfritt): två datum, vt 2027, löpande…",
    ),
    "modal.partners": ("Partners (optional)", "Parter (valfritt)"),
    "modal.followup": (
        "Follow-up: how it is followed up (optional)",
        "Uppföljning: hur den följs upp (valfritt)",
    ),
    "kind.one_off": ("one-off effort", "engångsinsats"),
    "kind.ordinary": ("ordinary work", "ordinarie verksamhet"),
    "error.bad_period": (
        "I could not read *{value}* as a period. Write two dates, a term or `ongoing`.",
        "Jag kunde inte läsa *{value}* som en period. Skriv två datum, en termin eller `löpande`.",
    ),
    "error.activity_period_value": (
        "Write the period: two dates, a term or `ongoing`.",
        "Skriv perioden: två datum, en termin eller `löpande`.",
    ),
    "error.activity_partners_value": (
        "Name the partner organisations, separated by commas.",
        "Ange de samverkande aktörerna, åtskilda med kommatecken.",
    ),
    "error.activity_followup_value": (
        "Write how the activity is followed up.",
        "Skriv hur aktiviteten följs upp.",
    ),
    "error.activity_kind_value": (
        "*{value}* is not a kind: write `one-off` or `ordinary`.",
        "*{value}* är ingen typ: skriv `engångsinsats` eller `ordinarie`.",
    ),
    "example.activity_period": (
        "{cmd} activity A3 period 2027-01-15 – 2027-06-30 (or jan–jun 2027, vt 2027, ongoing)",
        "{cmd} aktivitet A3 period 2027-01-15 – 2027-06-30 (eller jan–jun 2027, vt 2027, löpande)",
    ),
    "example.activity_partners": (
        "{cmd} activity A3 partners Polisen, Stockholmshem",
        "{cmd} aktivitet A3 parter Polisen, Stockholmshem",
    ),
    "example.activity_followup": (
        "{cmd} activity A3 followup Count of lamps fixed, every month",
        "{cmd} aktivitet A3 uppföljning Antal lagade lampor, varje månad",
    ),
    "example.activity_kind": (
        "{cmd} activity A3 kind one-off",
        "{cmd} aktivitet A3 typ engångsinsats",
    ),
    "what.activity_period": ("change its period", "ändra dess period"),
    "what.activity_partners": ("change its partners", "ändra dess parter"),
    "what.activity_followup": ("change how it is followed up", "ändra hur den följs upp"),
    "what.activity_kind": ("change its kind", "ändra dess typ"),
    # -- export ----------------------------------------------------------------------------
    "help.export": (
        "`{cmd} export` the plan as an Excel file in the council's template (the template "
        "sheet, every field, the log and the follow-ups), sent to you in a direct message.\n"
        "`{cmd} export csv` the template sheet as CSV for Excel (UTF-8, `;`).",
        "`{cmd} exportera` planen som Excelfil i rådets mall (mallens blad, alla fält, loggen "
        "och uppföljningarna), skickad till dig i ett direktmeddelande.\n"
        "`{cmd} exportera csv` mallens blad som CSV för Excel (UTF-8, `;`).",
    ),
    "verb.export": ("export", "exportera"),
    "example.export": ("{cmd} export", "{cmd} exportera"),
    "error.export_usage": (
        "I can export as `xlsx` or `csv`, not *{value}*.",
        "Jag kan exportera som `xlsx` eller `csv`, inte *{value}*.",
    ),
    "export.sent": (
        "Here is the plan as *{name}*; it comes to you in a direct message.",
        "Här är planen som *{name}*; den kommer till dig i ett direktmeddelande.",
    ),
    "export.made": (
        "The plan in the council's template: *{name}*",
        "Planen i rådets mall: *{name}*",
    ),
    "export.saved": ("Saved {path}", "Sparade {path}"),
    "export.upload_failed": (
        "The file could not be sent to you. Please try again.",
        "Filen kunde inte skickas till dig. Försök igen.",
    ),
    "export.file_stem": ("action-plan", "atgardsplan"),
    "export.title": ("{name}: action plan, {day}", "{name}: åtgärdsplan, {day}"),
    "export.sheet_template": ("Action plan", "Åtgärdsplan"),
    "export.sheet_activities": ("Activities", "Aktiviteter"),
    "export.sheet_causes": ("Causes", "Orsaker"),
    "export.sheet_log": ("Log", "Logg"),
    "export.sheet_followups": ("Follow-ups", "Uppföljningar"),
    "export.sheet_observations": ("Observations", "Händelser"),
    "export.ref": ("Ref", "Ref"),
    "export.cause_ref": ("Cause ref", "Orsak ref"),
    "export.period_start": ("From", "Från"),
    "export.period_end": ("To", "Till"),
    "export.ongoing": ("Ongoing", "Löpande"),
    "export.yes": ("yes", "ja"),
    "export.start": ("Created on", "Skapad"),
    "export.activity_count": ("Activities", "Aktiviteter"),
    "export.done_on": ("Done on", "Klar"),
    "export.followup_open": ("open", "öppen"),
    "export.followup_done": ("done", "klar"),
    "export.followup_cancelled": ("cancelled", "avbruten"),
    # -- import ----------------------------------------------------------------------------
    "help.import": (
        "`{cmd} import <file>` reads a plan in the council's template from an XLSX or CSV "
        "file (coordinators): first a preview of the causes, organisations and activities it "
        "creates or updates and of every problem with its row; then "
        "`{cmd} import <file> confirm` does it, all at once. A second import of the same file "
        "changes nothing.",
        "`{cmd} importera <fil>` läser en plan i rådets mall från en XLSX- eller CSV-fil "
        "(samordnare): först en förhandsvisning av orsaker, aktörer och aktiviteter som skapas "
        "eller uppdateras och av varje problem med sitt radnummer; sedan gör "
        "`{cmd} importera <fil> bekräfta` allt på en gång. Samma fil en gång till ändrar "
        "ingenting.",
    ),
    "verb.import": ("import", "importera"),
    "example.import": ("{cmd} import plan.xlsx", "{cmd} importera plan.xlsx"),
    "what.import": ("import a plan", "importera en plan"),
    "error.import_usage": (
        "Write `import <file>`, then `import <file> confirm`.",
        "Skriv `importera <fil>`, sedan `importera <fil> bekräfta`.",
    ),
    "error.import_in_slack": (
        "In Slack, type `import` alone: it opens a form to put the file in.",
        "I Slack skriver du bara `importera`: det öppnar ett formulär för filen.",
    ),
    "error.import_no_file": ("There is no file *{path}*.", "Det finns ingen fil *{path}*."),
    "error.import_format": (
        "I read plans from `.xlsx` and `.csv` files.",
        "Jag läser planer från `.xlsx`- och `.csv`-filer.",
    ),
    "error.import_unreadable": (
        "That file could not be opened as an Excel workbook.",
        "Filen kunde inte öppnas som en Excelfil.",
    ),
    "error.import_no_header": (
        "I found no header row with the template's columns (Cause, Measure, Operational goal, "
        "When, Who, Follow-up) in the first ten rows.",
        "Jag hittade ingen rubrikrad med mallens kolumner (Orsak, Åtgärd, Operativt mål, När, "
        "Vem, Uppföljning) bland de tio första raderna.",
    ),
    "import.preview_title": ("Import of {path}: preview", "Import av {path}: förhandsvisning"),
    "import.row": ("row {row}", "rad {row}"),
    "import.causes": ("Causes to create ({n}): {names}", "Orsaker att skapa ({n}): {names}"),
    "import.organisations": (
        "Organisations not in the plan, created when you confirm ({n}): {names}",
        "Aktörer som inte finns i planen, skapas när du bekräftar ({n}): {names}",
    ),
    "import.created": (
        "Activities to create ({n}): {names}",
        "Aktiviteter att skapa ({n}): {names}",
    ),
    "import.updated": (
        "Activities to update ({n}): {refs}",
        "Aktiviteter att uppdatera ({n}): {refs}",
    ),
    "import.unchanged": (
        "Activities already as in the file: {n}",
        "Aktiviteter redan som i filen: {n}",
    ),
    "import.more_problems": (
        "…and {n} more {n:problem|problems}",
        "…och {n} {n:problem|problem} till",
    ),
    "import.confirm_hint": (
        "Rows with a problem are skipped. To import: `{cmd} import {path} confirm`",
        "Rader med problem hoppas över. För att importera: `{cmd} importera {path} bekräfta`",
    ),
    "import.nothing": (
        "The plan already holds everything in the file: nothing to change.",
        "Planen innehåller redan allt i filen: inget att ändra.",
    ),
    "import.done": ("Imported.", "Importerat."),
    "import.done_channel": (
        "The plan was imported from a file:\n{summary}",
        "Planen importerades från en fil:\n{summary}",
    ),
    "import.problem_identity": (
        "Row {row}: looks like a personal identity number; the row is skipped and nothing of it "
        "is kept.",
        "Rad {row}: ser ut som ett personnummer; raden hoppas över och inget av den sparas.",
    ),
    "import.problem_personal": (
        "Row {row}: looks like it names or locates a person ({found}); the row is skipped. "
        "The plan keeps nothing about individuals: rewrite the row in the file and import again.",
        "Rad {row}: ser ut att namnge eller peka ut en person ({found}); raden hoppas över. "
        "Planen sparar inget om enskilda: skriv om raden i filen och importera igen.",
    ),
    "import.problem_long": ("Row {row}: a cell is too long.", "Rad {row}: en cell är för lång."),
    "import.problem_when": (
        "Row {row}: *{value}* is no period (two dates, `vt 2027`, `ongoing`).",
        "Rad {row}: *{value}* är ingen period (två datum, `vt 2027`, `löpande`).",
    ),
    "import.problem_kind": (
        "Row {row}: *{value}* is no kind (`one-off`, `ordinary`).",
        "Rad {row}: *{value}* är ingen typ (`engångsinsats`, `ordinarie`).",
    ),
    "import.problem_status": (
        "Row {row}: *{value}* is no status.",
        "Rad {row}: *{value}* är ingen status.",
    ),
    "import.problem_org_left_out": (
        "Row {row}: *{name}* is not created, so it is left out of Who.",
        "Rad {row}: *{name}* skapas inte och lämnas därför utanför Vem.",
    ),
    "import.form_title": ("Import a plan", "Importera en plan"),
    "import.form_file": (
        "The plan as an Excel (.xlsx) or CSV file in the council's template",
        "Planen som Excel- (.xlsx) eller CSV-fil i rådets mall",
    ),
    "import.form_next": ("Preview", "Förhandsvisa"),
    "import.form_import": ("Import", "Importera"),
    "import.form_orgs": (
        "Organisations to create (unchosen ones are left out of Who)",
        "Aktörer att skapa (de som inte väljs lämnas utanför Vem)",
    ),
    "import.form_confirm_hint": (
        "Rows with a problem are skipped. *Import* does the rest at once.",
        "Rader med problem hoppas över. *Importera* gör resten på en gång.",
    ),
    "import.file_failed": (
        "The file could not be read from Slack. Please try again.",
        "Filen kunde inte hämtas från Slack. Försök igen.",
    ),
    "import.problem_twice": (
        "Row {row}: *{title}* is in the file twice; the first row counts.",
        "Rad {row}: *{title}* finns två gånger i filen; första raden gäller.",
    ),
}
