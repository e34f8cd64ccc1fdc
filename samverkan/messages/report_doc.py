"""The follow-up report (DESIGN §11): the command, its chat summary, the document's and the
workbook's words, and the tertial reminder."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the command -----------------------------------------------------------------------
    "help.report": (
        "`{cmd} report [tertial <1-3> | year | <date> <date>] [<year>]` makes the follow-up "
        "report, for coordinators: a Word document (cover, summary, per cause its activities "
        "with production, process and effect, the situation picture, each organisation's "
        "contribution, open items) and a workbook of the same figures, sent to you. Without a "
        "period: this year so far.\nExample: `{cmd} report tertial 2 2026`",
        "`{cmd} rapport [tertial <1-3> | år | <datum> <datum>] [<år>]` gör "
        "uppföljningsrapporten, för samordnare: ett Worddokument (försättsblad, sammanfattning, "
        "per orsak dess aktiviteter med produktion, process och effekt, lägesbilden, varje "
        "aktörs bidrag, det som är öppet) och en arbetsbok med samma siffror, skickade till "
        "dig. Utan period: året hittills.\nExempel: `{cmd} rapport tertial 2 2026`",
    ),
    "verb.report": ("report", "rapport"),
    "example.report": ("{cmd} report tertial 2 2026", "{cmd} rapport tertial 2 2026"),
    "what.report": ("make the follow-up report", "göra uppföljningsrapporten"),
    "error.report_usage": (
        "A report covers `tertial 1`–`tertial 3`, a `year`, or two dates, not *{value}*.",
        "En rapport gäller `tertial 1`–`tertial 3`, ett `år` eller två datum, inte *{value}*.",
    ),
    "error.report_dates": (
        "A report runs from its first date to its last, at most five years ({start} – {end}).",
        "En rapport går från första datum till sista, högst fem år ({start} – {end}).",
    ),
    "error.report_future": (
        "That period has not started yet (it starts {start}).",
        "Den perioden har inte börjat än (den börjar {start}).",
    ),
    "report.file": ("{plan} — follow-up {period}", "{plan} — uppföljning {period}"),
    "report.title": ("{plan}: follow-up {period}", "{plan}: uppföljning {period}"),
    "report.period_tertial": ("tertial {n} {year}", "tertial {n} {year}"),
    "report.sent": (
        "*Follow-up report: {plan}, {period}* ({days}) — the Word document and the figures as "
        "a workbook come to you in a direct message.",
        "*Uppföljningsrapport: {plan}, {period}* ({days}) — Worddokumentet och siffrorna som "
        "arbetsbok kommer till dig i ett direktmeddelande.",
    ),
    "report.made": (
        "*Follow-up report: {plan}, {period}* ({days})",
        "*Uppföljningsrapport: {plan}, {period}* ({days})",
    ),
    "report.chat_activities": (
        "{n} {n:activity|activities}: {states}; assessment: {rags}",
        "{n} {n:aktivitet|aktiviteter}: {states}; bedömning: {rags}",
    ),
    "report.chat_most": ("Most: {most}.", "Flest: {most}."),
    "report.chat_hotspots": ("Hotspots: {places}.", "Brännpunkter: {places}."),
    "report.chat_target": ("(target {target})", "(mål {target})"),
    "report.chat_more_indicators": (
        "…and {n} more {n:indicator|indicators} in the document",
        "…och {n} {n:indikator|indikatorer} till i dokumentet",
    ),
    # -- the document ----------------------------------------------------------------------
    "report.subtitle": ("Follow-up report, {period}", "Uppföljningsrapport, {period}"),
    "report.cover_period": ("Period", "Period"),
    "report.cover_area": ("Area", "Område"),
    "report.cover_organisations": ("Organisations", "Aktörer"),
    "report.cover_made": ("Made", "Framtagen"),
    "report.h_summary": ("Summary", "Sammanfattning"),
    "report.h_activities": ("Activities by cause", "Åtgärder per orsak"),
    "report.h_situation": ("The situation picture over the period", "Lägesbilden under perioden"),
    "report.h_hotspots": ("Hotspots", "Brännpunkter"),
    "report.h_contributions": ("What each organisation contributed", "Varje aktörs bidrag"),
    "report.h_open": ("Open items going forward", "Det som är öppet framåt"),
    "report.no_cause": ("Without a cause", "Utan orsak"),
    "report.sum_activities": (
        "{n} {n:activity|activities} in the plan; {changes} {changes:change|changes} of status "
        "or assessment during the period.",
        "{n} {n:aktivitet|aktiviteter} i planen; {changes} {changes:ändring|ändringar} av "
        "status eller bedömning under perioden.",
    ),
    "report.sum_production": (
        "Production: {n} {n:entry|entries}, {participants} "
        "{participants:participant|participants}, {hours} h.",
        "Produktion: {n} {n:insats|insatser}, {participants} "
        "{participants:deltagare|deltagare}, {hours} tim.",
    ),
    "report.sum_followups": (
        "Follow-ups completed: {n}, of them on time: {on_time}; assigned in the period: "
        "{assigned}.",
        "Klara uppföljningar: {n}, varav i tid: {on_time}; givna under perioden: {assigned}.",
    ),
    "report.sum_observations": (
        "Situation picture: {n} {n:observation|observations}.",
        "Lägesbild: {n} {n:händelse|händelser}.",
    ),
    "report.col_state": ("Status / assessment", "Status / bedömning"),
    "report.not_yet": ("not yet in the plan", "ännu inte i planen"),
    "report.col_start": ("At the start", "Vid periodens början"),
    "report.col_end": ("At the end", "Vid periodens slut"),
    "report.activity_state": (
        "Owner: {owner} · status at the end: {status} · assessment: {rag}",
        "Ägare: {owner} · status vid periodens slut: {status} · bedömning: {rag}",
    ),
    "report.production": ("Production", "Produktion"),
    "report.production_line": (
        "{n} {n:entry|entries}, {participants} {participants:participant|participants}, {hours} h.",
        "{n} {n:insats|insatser}, {participants} {participants:deltagare|deltagare}, {hours} tim.",
    ),
    "report.involved": ("Organisations involved: {orgs}.", "Aktörer som deltog: {orgs}."),
    "report.process": ("Process", "Process"),
    "report.no_changes": (
        "no change of status or assessment in the period.",
        "ingen ändring av status eller bedömning under perioden.",
    ),
    "report.notable": ("The period's notable entries:", "Periodens mest betydande insatser:"),
    "report.change_status": ("status {old} → {new}", "status {old} → {new}"),
    "report.change_rag": ("assessment {old} → {new}", "bedömning {old} → {new}"),
    "report.participants": (
        "{n} {n:participant|participants}",
        "{n} {n:deltagare|deltagare}",
    ),
    "report.hours": ("{hours} h", "{hours} tim"),
    "report.effect": ("Effect", "Effekt"),
    "report.indicator_line": (
        "{name}{unit}: {baseline} ({since}) → {latest} ({on})",
        "{name}{unit}: {baseline} ({since}) → {latest} ({on})",
    ),
    "report.target": ("target {target}", "mål {target}"),
    "report.share": ("{share} % of the way to the target", "{share} % av vägen till målet"),
    "report.caption_indicator": (
        "{name}: the baseline, each measurement and the target",
        "{name}: utgångsvärdet, varje mätning och målet",
    ),
    "report.measured": ("Measured", "Uppmätt"),
    "report.baseline": ("Baseline", "Utgångsvärde"),
    "report.target_line": ("Target", "Mål"),
    "report.situation_total": (
        "{n} {n:observation|observations} in the period.",
        "{n} {n:händelse|händelser} under perioden.",
    ),
    "report.chart_months": (
        "Observations per month by category",
        "Händelser per månad och kategori",
    ),
    "report.chart_hours": ("Hours per organisation", "Timmar per aktör"),
    "report.col_category": ("Category", "Kategori"),
    "report.col_total": ("Total", "Totalt"),
    "report.col_place": ("Place", "Plats"),
    "report.col_observations": ("Observations", "Händelser"),
    "report.col_high": ("Of which high concern", "Varav hög oro"),
    "report.col_organisation": ("Organisation", "Aktör"),
    "report.col_entries": ("Entries", "Insatser"),
    "report.col_participants": ("Participants", "Deltagare"),
    "report.col_hours": ("Hours", "Timmar"),
    "report.col_activities": ("Activities", "Aktiviteter"),
    "report.col_ref": ("Ref", "Ref"),
    "report.col_followup": ("Follow-up", "Uppföljning"),
    "report.col_due": ("Due", "Senast"),
    "report.col_activity": ("Activity", "Aktivitet"),
    "report.nothing_open": (
        "Nothing is open: no follow-ups, no activity that needs attention.",
        "Inget är öppet: inga uppföljningar, ingen aktivitet som behöver uppmärksamhet.",
    ),
    "report.open_red": ("{ref} {title}: assessed red", "{ref} {title}: bedömd röd"),
    "report.open_late": (
        "{ref} {title}: past its due date ({due})",
        "{ref} {title}: efter slutdatum ({due})",
    ),
    "report.open_quiet": (
        "{ref} {title}: nothing logged for 4 weeks",
        "{ref} {title}: inget loggat på 4 veckor",
    ),
    # -- the workbook ----------------------------------------------------------------------
    "report.x_sheet_summary": ("Summary", "Sammanfattning"),
    "report.x_sheet_activities": ("Activities", "Åtgärder"),
    "report.x_sheet_situation": ("Situation", "Lägesbild"),
    "report.x_sheet_organisations": ("Organisations", "Aktörer"),
    "report.x_figure": ("Figure", "Mått"),
    "report.x_value": ("Value", "Värde"),
    "report.x_period": ("Period", "Period"),
    "report.x_activities": ("Activities", "Aktiviteter"),
    "report.x_changes": ("Changes of status or assessment", "Ändringar av status eller bedömning"),
    "report.x_followups_done": ("Follow-ups completed", "Klara uppföljningar"),
    "report.x_followups_on_time": ("Of which on time", "Varav i tid"),
    "report.x_followups_assigned": ("Follow-ups assigned", "Givna uppföljningar"),
    "report.x_cause": ("Cause", "Orsak"),
    "report.x_status_start": ("Status at the start", "Status vid början"),
    "report.x_status_end": ("Status at the end", "Status vid slutet"),
    "report.x_rag_start": ("Assessment at the start", "Bedömning vid början"),
    "report.x_rag_end": ("Assessment at the end", "Bedömning vid slutet"),
    "report.x_involved": ("Organisations involved", "Aktörer som deltog"),
    "report.x_share": ("% of the way to the target", "% av vägen till målet"),
    # -- the tertial reminder --------------------------------------------------------------
    "report.reminder": (
        "📊 Tertial {n} of {year} ends today. The follow-up report of *{plan}* for it is one "
        "click away: production, process and effect of each activity, the situation picture "
        "and what each organisation contributed, as a Word document.",
        "📊 Tertial {n} {year} slutar i dag. Uppföljningsrapporten för *{plan}* är ett klick "
        "bort: varje aktivitets produktion, process och effekt, lägesbilden och varje aktörs "
        "bidrag, som Worddokument.",
    ),
    "button.report_tertial": ("Make the tertial report", "Gör tertialrapporten"),
}
