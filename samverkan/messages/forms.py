"""Slack surfaces: modals (modal.*), buttons and their actions, App Home (home.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "modal.choose_person": (
        "Choose the person who should do it from the list.",
        "Välj den som ska göra det i listan.",
    ),
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
    # -- buttons, and a press on a stale one -----------------------------------------------
    "button.done": ("Done", "Klar"),
    "button.snooze_day": ("Snooze 1 day", "Skjut 1 dag"),
    "button.snooze_week": ("Snooze 1 week", "Skjut 1 vecka"),
    "button.log": ("Log something", "Logga en insats"),
    "action.stale": (
        "That button no longer works. Type `{cmd} mine` for your current follow-ups.",
        "Knappen fungerar inte längre. Skriv `{cmd} mina` för dina aktuella uppföljningar.",
    ),
    # -- App Home --------------------------------------------------------------------------
    "home.title": ("Samverkan", "Samverkan"),
    "home.plans": ("Your plans", "Dina planer"),
    "home.no_plans": (
        "You are not in any plan yet. Anyone can start one in a channel with "
        "`{cmd} setup <plan name>`; then join it there with `{cmd} join <organisation>`.",
        "Du är inte med i någon plan än. Vem som helst kan starta en i en kanal med "
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
}
