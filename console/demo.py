"""An example plan for a Swedish area, built through the real command set over a simulated week."""

from __future__ import annotations

from datetime import datetime, timedelta

from console.demo_followup import HISTORY, load_followup
from console.demo_situation import load_situation
from console.session import to_command_text
from samverkan.service import Context, Samverkan
from storage import Store

DEMO_TEAM = "TLOCAL"
DEMO_CHANNEL = "trygg-husby"
DEMO_COORDINATOR = "anna"

ORGANISATIONS = [
    ("Stadsdelsförvaltningen", "municipality"),
    ("Polisen Järva", "police"),
    ("Socialtjänsten", "social services"),
    ("Husbyskolan", "school"),
    ("Fritidsgården Husby", "recreation"),
    ("Stockholmshem", "housing"),
    ("Brå", "other"),
]

# The council template's fields of some activities: (activity number, field, value).
TEMPLATE_FIELDS = [
    (1, "period", "ongoing"),
    (1, "partners", "Polisen Järva, Stockholmshem"),
    (1, "kind", "ordinary"),
    (1, "followup", "Antal deltagare och platser som åtgärdats, varje kvartal"),
    (2, "partners", "Stadsdelsförvaltningen"),
    (2, "kind", "one-off"),
    (2, "followup", "Andel lagade lampor vid nästa vandring"),
    (3, "period", "ht 2026"),
    (3, "kind", "ordinary"),
]

MEMBERS = [
    ("erik", "Polisen Järva", "member"),
    ("sara", "Socialtjänsten", "member"),
    ("johan", "Husbyskolan", "member"),
    ("leila", "Fritidsgården Husby", "member"),
    ("mats", "Stockholmshem", "member"),
    ("karin", "Brå", "member"),
    ("omar", "Stadsdelsförvaltningen", "coordinator"),
]

# (title, owner, due in days from the start, status, rag, cause, goal)
ACTIVITIES = [
    (
        "Trygghetsvandring kring centrum",
        "Stadsdelsförvaltningen",
        20,
        "active",
        "green",
        "Otrygghet kvällstid vid centrumtorget",
        "Kvartalsvis vandring med boende och aktörer",
    ),
    (
        "Bättre belysning i gångtunneln",
        "Stockholmshem",
        5,
        "active",
        "amber",
        "Mörka passager upplevs otrygga",
        "All belysning lagad före vintern",
    ),
    (
        "Fältassistenter kvällstid fre–lör",
        "Socialtjänsten",
        60,
        "active",
        "green",
        "Unga samlas utan vuxennärvaro sena kvällar",
        "Två fältassistenter ute 18–23",
    ),
    (
        "Öppet hus på fritidsgården på lov",
        "Fritidsgården Husby",
        30,
        "planned",
        None,
        "Få meningsfulla aktiviteter under loven",
        "Öppet alla lovdagar",
    ),
    (
        "Skolans rastvärdar och trygga skolvägar",
        "Husbyskolan",
        45,
        "active",
        "amber",
        "Konflikter på väg till och från skolan",
        "Vuxna på plats vid skolstart och -slut",
    ),
    (
        "Klotter och skadegörelse: snabb sanering",
        "Stockholmshem",
        3,
        "active",
        "red",
        "Skadegörelse lämnas kvar och signalerar förfall",
        "Sanering inom 24 timmar",
    ),
    (
        "Föräldravandringar helger",
        "Socialtjänsten",
        40,
        "planned",
        None,
        "Föräldrar saknar nätverk i området",
        "Två vandringar per månad",
    ),
    (
        "Lägesbild inför EST-möte varje vecka",
        "Polisen Järva",
        None,
        "active",
        "green",
        "Aktörerna delar inte information i tid",
        "Gemensam lägesbild varje tisdag",
    ),
    (
        "Kameraövervakning vid tunnelbanan (utredning)",
        "Polisen Järva",
        -5,
        "paused",
        "amber",
        "Rån vid uppgångarna",
        "Beslutsunderlag klart",
    ),
    (
        "Sommarjobb för unga 2026",
        "Stadsdelsförvaltningen",
        -40,
        "done",
        "green",
        "Få vägar till jobb för unga",
        "60 platser",
    ),
    (
        "Grannsamverkan i Husby gård",
        "Stockholmshem",
        90,
        "planned",
        None,
        "Låg kännedom om grannar",
        "Tre trappuppgångar startar",
    ),
    (
        "Idrottsförening: nattfotboll",
        "Fritidsgården Husby",
        14,
        "cancelled",
        None,
        "Unga utan sysselsättning fredagskvällar",
        "Nattfotboll varje fredag",
    ),
]

# (day offset from the start, user, command)
WEEK = [
    (
        0,
        "erik",
        "log A8 Lägesbild: lugnt i centrum, två anmälningar om skadegörelse vid Husby gård",
    ),
    (0, "mats", "log A6 Klotter sanerat vid Edvard Griegs gång inom 20 timmar"),
    (0, "anna", "follow @mats Beställ ny armatur till gångtunneln by +3d A2"),
    (1, "sara", "log A3 Fältassistenterna ute fredag 18–23, ett tiotal ungdomar vid torget"),
    (1, "leila", "log A4 Planering av lovprogram med ungdomsrådet"),
    (1, "anna", "follow @leila Skicka lovprogrammet till skolan by +4d A4"),
    (2, "johan", "log A5 Rastvärdar på plats vid skolstart hela veckan"),
    (2, "erik", "follow @anna Boka lokal för nästa trygghetsvandring by +2d A1"),
    (2, "karin", "log Metodstöd: gick igenom orsaksanalysen med samordnarna"),
    (3, "anna", "log A1 Trygghetsvandring med 14 deltagare, fyra platser med dålig belysning"),
    (3, "anna", "follow @mats Åtgärda belysningen på de fyra platserna från vandringen by +10d A2"),
    (3, "anna", "follow @erik Ta med vandringens iakttagelser till lägesbilden by +1d A8"),
    (4, "mats", "log A2 Felanmälan gjord för belysningen i gångtunneln"),
    (4, "sara", "follow @johan Kontakta föräldrar om föräldravandringar by +7d A7"),
    (4, "erik", "done F5"),
    (5, "leila", "done F2"),
    (
        5,
        "erik",
        "log A8 Två unga omhändertagna för ordningsstörning, överlämnat till socialtjänsten",
    ),
    (6, "johan", "log A5 Konflikt vid busshållplatsen löstes av rastvärdar"),
    (6, "anna", "follow @sara Sammanställ fältrapporten för november by +5d A3"),
    (7, "mats", "log A6 Ny skadegörelse i trapphus, sanerat samma dag"),
    (7, "anna", "activity A2 rag red"),
    (7, "mats", "snooze F1 +2d"),
    (8, "sara", "log A3 Fältassistenter ute, lugnare kväll än förra veckan"),
]


def load_demo(store: Store, now: datetime, *, language: str = "en") -> bool:
    """Create the example plan unless the demo channel already has one; True when created."""
    with store.read() as tx:
        if tx.plans.by_channel(DEMO_TEAM, DEMO_CHANNEL):
            return False
    start = now - timedelta(days=8)
    # The plan was set up in January, so a year's follow-up report has a year to report.
    origin = min(start, start.replace(month=1, day=15, hour=9, minute=0, second=0, microsecond=0))
    clock = {"now": origin}
    # The store stamps created_at and audit times with its own clock: the simulated one too, so
    # the week reads as it happened (the digest's "what changed" comes from those stamps).
    at = Store(store.path, clock=lambda: clock["now"])
    app = Samverkan(at, clock=lambda: clock["now"], default_language=language)

    def run(user: str, text: str) -> None:
        ctx = Context(DEMO_TEAM, DEMO_CHANNEL, user, surface="console")
        reply = app.run(ctx, to_command_text(text, app.command))
        if not reply.ok:
            raise RuntimeError(f"demo command failed: {text!r}: {reply.text}")

    run(DEMO_COORDINATOR, "setup Trygg i Husby 2026")
    run(DEMO_COORDINATOR, "settings area Husby, Järva")
    for name, kind in ORGANISATIONS:
        run(DEMO_COORDINATOR, f"org add {name} {kind}")
    run(DEMO_COORDINATOR, "join Stadsdelsförvaltningen")
    for user, org, role in MEMBERS:
        run(DEMO_COORDINATOR, f"member <@{user}> {org} {role}")
    today = start.date()
    for title, owner, due, *_ in ACTIVITIES:
        command = f'activity add "{title}" owner {owner}'
        if due is not None:
            command += f" due {(today + timedelta(days=due)).isoformat()}"
        run(DEMO_COORDINATOR, command)
    history = {n for n, *_ in HISTORY}
    for n, (*_, status, rag, cause, goal) in enumerate(ACTIVITIES, start=1):
        run(DEMO_COORDINATOR, f"activity A{n} cause {cause}")
        run(DEMO_COORDINATOR, f"activity A{n} goal {goal}")
        if n in history:
            continue  # set through the year below
        if status != "planned":
            run(DEMO_COORDINATOR, f"activity A{n} status {status}")
        if rag:
            run(DEMO_COORDINATOR, f"activity A{n} rag {rag}")
    for n, field, value in TEMPLATE_FIELDS:
        run(DEMO_COORDINATOR, f"activity A{n} {field} {value}")
    load_followup(run, origin, start, lambda moment: clock.update(now=moment), DEMO_COORDINATOR)
    for offset, user, text in WEEK:
        clock["now"] = start + timedelta(days=offset)
        run(user, text)
    load_situation(run, now, lambda moment: clock.update(now=moment), DEMO_COORDINATOR)
    return True
