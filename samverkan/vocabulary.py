"""The words people type for values: statuses, assessments, roles, kinds, fields, settings."""

from __future__ import annotations

ADD_WORDS = {"add", "new", "ny", "nytt", "lägg", "skapa"}
LIST_WORDS = {"list", "lista", "all", "alla"}

STATUSES: dict[str, str] = {
    "planned": "planned",
    "planerad": "planned",
    "active": "active",
    "aktiv": "active",
    "pågår": "active",
    "pågående": "active",
    "done": "done",
    "klar": "done",
    "genomförd": "done",
    "paused": "paused",
    "pausad": "paused",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "inställd": "cancelled",
    "avbruten": "cancelled",
}

RAGS: dict[str, str] = {
    "green": "green",
    "grön": "green",
    "gron": "green",
    "amber": "amber",
    "yellow": "amber",
    "gul": "amber",
    "red": "red",
    "röd": "red",
    "rod": "red",
}

ROLES: dict[str, str] = {
    "coordinator": "coordinator",
    "samordnare": "coordinator",
    "koordinator": "coordinator",
    "member": "member",
    "medlem": "member",
}

#: Organisation kinds; keys are what people type (one or two words), values the stored kind.
KINDS: dict[str, str] = {
    "municipality": "municipality",
    "kommun": "municipality",
    "police": "police",
    "polis": "police",
    "polisen": "police",
    "social services": "social_services",
    "social-services": "social_services",
    "social_services": "social_services",
    "socialtjänst": "social_services",
    "socialtjänsten": "social_services",
    "school": "school",
    "skola": "school",
    "recreation": "recreation",
    "fritid": "recreation",
    "housing": "housing",
    "bostad": "housing",
    "bostadsbolag": "housing",
    "rescue service": "rescue_service",
    "rescue-service": "rescue_service",
    "rescue_service": "rescue_service",
    "räddningstjänst": "rescue_service",
    "räddningstjänsten": "rescue_service",
    "civil society": "civil_society",
    "civil-society": "civil_society",
    "civil_society": "civil_society",
    "civilsamhälle": "civil_society",
    "förening": "civil_society",
    "business": "business",
    "näringsliv": "business",
    "företag": "business",
    "other": "other",
    "övrigt": "other",
    "annan": "other",
}

ACTIVITY_FIELDS: dict[str, str] = {
    "status": "status",
    "rag": "rag",
    "assessment": "rag",
    "bedömning": "rag",
    "cause": "cause",
    "orsak": "cause",
    "goal": "goal",
    "mål": "goal",
    "owner": "owner",
    "ägare": "owner",
    "due": "due",
    "senast": "due",
    "title": "title",
    "titel": "title",
    "period": "period",
    "when": "period",
    "när": "period",
    "nar": "period",
    "start": "period",
    "partners": "partners",
    "partner": "partners",
    "parter": "partners",
    "followup": "followup",
    "follow-up": "followup",
    "uppföljning": "followup",
    "uppfoljning": "followup",
    "kind": "kind",
    "type": "kind",
    "typ": "kind",
}

#: One-off efforts or ordinary work (the template's engångsinsats / ordinarie verksamhet).
WORK_KINDS: dict[str, str] = {
    "one-off": "one_off",
    "oneoff": "one_off",
    "one_off": "one_off",
    "once": "one_off",
    "engångsinsats": "one_off",
    "engångs": "one_off",
    "engång": "one_off",
    "engangsinsats": "one_off",
    "ordinary": "ordinary",
    "regular": "ordinary",
    "ordinarie": "ordinary",
    "ordinarie verksamhet": "ordinary",
    "one-off effort": "one_off",
    "ordinary work": "ordinary",
}

DIGEST_ACTIONS: dict[str, str] = {
    "preview": "preview",
    "förhandsvisa": "preview",
    "förhandsvisning": "preview",
    "visa": "preview",
    "now": "now",
    "nu": "now",
    "schedule": "schedule",
    "schema": "schedule",
    "schemalägg": "schedule",
    "off": "off",
    "av": "off",
}

ON_OFF: dict[str, bool] = {"on": True, "på": True, "pa": True, "off": False, "av": False}

SETTING_KEYS: dict[str, str] = {
    "language": "language",
    "lang": "language",
    "språk": "language",
    "sprak": "language",
    "timezone": "timezone",
    "tz": "timezone",
    "tidszon": "timezone",
    "area": "area",
    "område": "area",
    "name": "name",
    "namn": "name",
    "joining": "joining",
    "anslutning": "joining",
}
#: The values of `settings joining`: a coordinator approves, or anyone joins at once.
JOINING_VALUES: dict[str, str] = {
    "approval": "approval",
    "approve": "approval",
    "godkännande": "approval",
    "godkannande": "approval",
    "open": "open",
    "öppen": "open",
    "oppen": "open",
}
