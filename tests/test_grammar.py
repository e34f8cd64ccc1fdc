"""The slash-command grammar (DESIGN §3): every row, in English and Swedish, and every error."""

from __future__ import annotations

import pytest

from samverkan import grammar as g
from samverkan.commands.situation import SituationShow
from samverkan.grammar import (
    ActivityAdd,
    ActivityList,
    ActivitySet,
    ActivityShow,
    Cancel,
    DigestCmd,
    Done,
    Follow,
    Help,
    History,
    Join,
    Log,
    Mine,
    OpenModal,
    OrgAdd,
    OrgList,
    Overdue,
    ParseError,
    Reassign,
    Reminders,
    Search,
    SetMember,
    Settings,
    Setup,
    Snooze,
    Status,
)

PARSES = [
    # -- help / hjälp
    ("", Help()),
    ("help", Help()),
    ("hjälp", Help()),
    ("HELP", Help()),
    ("?", Help()),
    ("help log", Help("log")),
    ("hjälp logga", Help("logga")),
    ("help Follow", Help("follow")),
    ("help dates", Help("dates")),
    ("hjälp datum", Help("dates")),
    # -- setup / starta
    ("setup Trygg i Järva 2027", Setup("Trygg i Järva 2027")),
    ("starta Trygg i Husby", Setup("Trygg i Husby")),
    ('setup "Trygg i Husby"', Setup("Trygg i Husby")),
    ("starta “Trygg i Husby”", Setup("Trygg i Husby")),
    # -- org add / aktör ny, org list / aktör lista
    ("org add Polisen Järva police", OrgAdd("Polisen Järva", "police")),
    ("org add Polisen", OrgAdd("Polisen", "other")),
    ("org new Husbyskolan school", OrgAdd("Husbyskolan", "school")),
    ("org add Socialtjänsten social services", OrgAdd("Socialtjänsten", "social_services")),
    ("org add Storstockholm rescue service", OrgAdd("Storstockholm", "rescue_service")),
    ("org add Social services", OrgAdd("Social services", "other")),
    ("org add police", OrgAdd("police", "other")),
    ('org add "Polisen Järva" police', OrgAdd("Polisen Järva", "police")),
    ("aktör ny Polisen Järva polis", OrgAdd("Polisen Järva", "police")),
    ("aktör ny Socialtjänsten socialtjänst", OrgAdd("Socialtjänsten", "social_services")),
    ("aktör ny Stockholmshem bostadsbolag", OrgAdd("Stockholmshem", "housing")),
    ("aktör ny Fritidsgården fritid", OrgAdd("Fritidsgården", "recreation")),
    ("aktör ny Räddningstjänsten räddningstjänst", OrgAdd("Räddningstjänsten", "rescue_service")),
    ("aktör ny Föreningen förening", OrgAdd("Föreningen", "civil_society")),
    ("aktör ny ICA näringsliv", OrgAdd("ICA", "business")),
    ("aktör ny Stadsdelen kommun", OrgAdd("Stadsdelen", "municipality")),
    ("aktör ny Brå övrigt", OrgAdd("Brå", "other")),
    ("aktör lägg till Brå", OrgAdd("Brå", "other")),
    ("org list", OrgList()),
    ("org", OrgList()),
    ("aktör lista", OrgList()),
    ("aktör", OrgList()),
    ("aktörer alla", OrgList()),
    # -- member / medlem
    (
        "member <@U123|anna> Polisen Järva coordinator",
        SetMember("U123", "Polisen Järva", "coordinator"),
    ),
    ("member <@U123> Polisen member", SetMember("U123", "Polisen", "member")),
    # No role named: None, the person keeps theirs.
    ("member <@U123> Polisen", SetMember("U123", "Polisen", None)),
    ("medlem <@U123|anna> Polisen samordnare", SetMember("U123", "Polisen", "coordinator")),
    ("medlem <@U123> Polisen Järva medlem", SetMember("U123", "Polisen Järva", "member")),
    ("medlem <@U123> Polisen koordinator", SetMember("U123", "Polisen", "coordinator")),
    # -- join / anslut
    ("join Polisen Järva", Join("Polisen Järva")),
    ("anslut Stockholmshem", Join("Stockholmshem")),
    ('anslut "Polisen Järva"', Join("Polisen Järva")),
    # -- activity add / aktivitet ny, with owner/ägare and due/senast
    ("activity add Safer walk to school", ActivityAdd("Safer walk to school")),
    (
        "activity add Safer walk owner Skolan due 2027-03-31",
        ActivityAdd("Safer walk", "Skolan", "2027-03-31"),
    ),
    (
        "activity add Safer walk due friday owner Polisen Järva",
        ActivityAdd("Safer walk", "Polisen Järva", "friday"),
    ),
    ("activity add Walk owner Polisen", ActivityAdd("Walk", "Polisen", None)),
    ("activity add Walk due 15/12", ActivityAdd("Walk", None, "15/12")),
    ("activity add Walk by +2w", ActivityAdd("Walk", None, "+2w")),
    ("activity add Walk by the lake", ActivityAdd("Walk by the lake")),
    ('activity add "Walk due someday"', ActivityAdd("Walk due someday")),
    ('activity add "Meet the owner of the kiosk"', ActivityAdd("Meet the owner of the kiosk")),
    (
        'activity add "Meet the owner of the kiosk" owner Polisen due friday',
        ActivityAdd("Meet the owner of the kiosk", "Polisen", "friday"),
    ),
    ('aktivitet ny "Träffa ägare av kiosken"', ActivityAdd("Träffa ägare av kiosken")),
    (
        "aktivitet ny Tryggare skolväg ägare Skolan senast 2027-03-31",
        ActivityAdd("Tryggare skolväg", "Skolan", "2027-03-31"),
    ),
    ("aktivitet ny Vandring senast fredag", ActivityAdd("Vandring", None, "fredag")),
    ("aktivitet ny Vandring senast i morgon", ActivityAdd("Vandring", None, "i morgon")),
    ("aktivitet ny Vandring ägare Polisen", ActivityAdd("Vandring", "Polisen", None)),
    ("aktivitet lägg till Vandring", ActivityAdd("Vandring")),
    ('åtgärd ny "Belysning i tunneln"', ActivityAdd("Belysning i tunneln")),
    # -- modal-opening forms
    ("activity add", OpenModal("activity")),
    ("aktivitet ny", OpenModal("activity")),
    ("log", OpenModal("log")),
    ("logga", OpenModal("log")),
    ("follow", OpenModal("follow")),
    ("uppföljning", OpenModal("follow")),
    # -- activity A# / list
    ("activity A3", ActivityShow(3)),
    ("activity a12", ActivityShow(12)),
    ("aktivitet A3", ActivityShow(3)),
    ("activity list", ActivityList()),
    ("activity", ActivityList()),
    ("aktivitet lista", ActivityList()),
    ("aktiviteter", ActivityList()),
    # -- activity A# status / rag, English and Swedish values
    ("activity A3 status planned", ActivitySet(3, "status", "planned")),
    ("activity A3 status active", ActivitySet(3, "status", "active")),
    ("activity A3 status done", ActivitySet(3, "status", "done")),
    ("activity A3 status paused", ActivitySet(3, "status", "paused")),
    ("activity A3 status cancelled", ActivitySet(3, "status", "cancelled")),
    ("activity A3 status Canceled", ActivitySet(3, "status", "cancelled")),
    ("aktivitet A3 status planerad", ActivitySet(3, "status", "planned")),
    ("aktivitet A3 status pågår", ActivitySet(3, "status", "active")),
    ("aktivitet A3 status aktiv", ActivitySet(3, "status", "active")),
    ("aktivitet A3 status klar", ActivitySet(3, "status", "done")),
    ("aktivitet A3 status genomförd", ActivitySet(3, "status", "done")),
    ("aktivitet A3 status pausad", ActivitySet(3, "status", "paused")),
    ("aktivitet A3 status inställd", ActivitySet(3, "status", "cancelled")),
    ("aktivitet A3 status avbruten", ActivitySet(3, "status", "cancelled")),
    ("activity A3 rag green", ActivitySet(3, "rag", "green")),
    ("activity A3 rag amber", ActivitySet(3, "rag", "amber")),
    ("activity A3 rag RED", ActivitySet(3, "rag", "red")),
    ("activity A3 assessment yellow", ActivitySet(3, "rag", "amber")),
    ("aktivitet A3 bedömning grön", ActivitySet(3, "rag", "green")),
    ("aktivitet A3 bedömning gul", ActivitySet(3, "rag", "amber")),
    ("aktivitet A3 rag röd", ActivitySet(3, "rag", "red")),
    ("activity A3 owner Polisen Järva", ActivitySet(3, "owner", "Polisen Järva")),
    ("aktivitet A3 ägare Polisen", ActivitySet(3, "owner", "Polisen")),
    ("activity A3 due friday", ActivitySet(3, "due", "friday")),
    ("activity A3 due none", ActivitySet(3, "due", "none")),
    ("aktivitet A3 senast ingen", ActivitySet(3, "due", "ingen")),
    ("activity A3 cause Dark underpass", ActivitySet(3, "cause", "Dark underpass")),
    ("aktivitet A3 orsak Mörk tunnel", ActivitySet(3, "cause", "Mörk tunnel")),
    ("activity A3 goal All lamps fixed", ActivitySet(3, "goal", "All lamps fixed")),
    ("aktivitet A3 mål Alla lampor lagade", ActivitySet(3, "goal", "Alla lampor lagade")),
    ('activity A3 title "New title"', ActivitySet(3, "title", "New title")),
    ("aktivitet A3 titel Ny titel", ActivitySet(3, "title", "Ny titel")),
    # -- log / logga with A# and on/den date
    ("log Walked the area", Log("Walked the area")),
    ("log A1 Walked the area", Log("Walked the area", 1)),
    ("log A1 Walked the area on monday", Log("Walked the area", 1, "monday")),
    ("log Walked the area on 2026-11-20", Log("Walked the area", None, "2026-11-20")),
    ("log a7 Met the school on yesterday", Log("Met the school", 7, "yesterday")),
    ("log Met the school on Monday morning", Log("Met the school on Monday morning")),
    ("log A1 Checked the payload of the van", Log("Checked the payload of the van", 1)),
    ("logga A2 Trygghetsvandring den måndag", Log("Trygghetsvandring", 2, "måndag")),
    ("logga Möte med skolan den 20/11", Log("Möte med skolan", None, "20/11")),
    ("logga Möte på fritidsgården på igår", Log("Möte på fritidsgården", None, "igår")),
    ("logga Möte den i går", Log("Möte", None, "i går")),
    ("logga A1 2w", Log("2w", 1)),
    # -- follow / uppföljning with both mention forms, by/senast and A# in either order
    (
        "follow <@U123|anna> Check the lighting by friday A2",
        Follow("U123", "Check the lighting", "friday", 2),
    ),
    (
        "follow <@U123> Check the lighting A2 by friday",
        Follow("U123", "Check the lighting", "friday", 2),
    ),
    ("follow <@U123> Check the lighting", Follow("U123", "Check the lighting")),
    ("follow <@U123|anna> Check it by +3d", Follow("U123", "Check it", "+3d")),
    ("follow <@U123> Check it A4", Follow("U123", "Check it", None, 4)),
    ("follow <@U123> Call by tomorrow", Follow("U123", "Call", "tomorrow")),
    (
        "uppföljning <@U123|anna> Kolla belysningen senast fredag A2",
        Follow("U123", "Kolla belysningen", "fredag", 2),
    ),
    (
        "uppföljning <@U123> Kolla belysningen A2 senast fredag",
        Follow("U123", "Kolla belysningen", "fredag", 2),
    ),
    ("uppföljning <@U123> Ring skolan senast imorgon", Follow("U123", "Ring skolan", "imorgon")),
    ("uppföljning <@U123> Ring skolan senast i morgon", Follow("U123", "Ring skolan", "i morgon")),
    ("uppföljning <@U123> Ring skolan till 2v", Follow("U123", "Ring skolan", "2v")),
    # -- done / klar, cancel / avbryt
    ("done F4", Done(4)),
    ("done f12", Done(12)),
    ("klar F4", Done(4)),
    ("cancel F4", Cancel(4)),
    ("avbryt F4", Cancel(4)),
    # -- snooze / skjut
    ("snooze F4 monday", Snooze(4, "monday")),
    ("snooze F4 to 2026-12-15", Snooze(4, "2026-12-15")),
    ("snooze F4 until +1w", Snooze(4, "+1w")),
    ("skjut F4 måndag", Snooze(4, "måndag")),
    ("skjut F4 till 15/12", Snooze(4, "15/12")),
    ("skjut F4 i morgon", Snooze(4, "i morgon")),
    # -- reassign / omfördela
    ("reassign F4 <@U9|sara>", Reassign(4, "U9")),
    ("reassign F4 to <@U9>", Reassign(4, "U9")),
    ("omfördela F4 <@U9>", Reassign(4, "U9")),
    ("omfördela F4 till <@U9|sara>", Reassign(4, "U9")),
    # -- mine / mina
    ("mine", Mine()),
    ("mina", Mine()),
    # -- status [A#|org]
    ("status", Status()),
    ("status A3", Status(activity=3)),
    ("status Polisen Järva", Status(org="Polisen Järva")),
    ('status "Polisen Järva"', Status(org="Polisen Järva")),
    ("läge", SituationShow()),
    # -- overdue / försenat
    ("overdue", Overdue()),
    ("försenat", Overdue()),
    ("forsenat", Overdue()),
    # -- digest / veckobrev preview|now|schedule|off
    ("digest", DigestCmd("preview")),
    ("digest preview", DigestCmd("preview")),
    ("digest now", DigestCmd("now")),
    ("digest schedule monday 08:00", DigestCmd("schedule", 0, "08:00")),
    ("digest schedule fri 9.30", DigestCmd("schedule", 4, "9.30")),
    ("digest off", DigestCmd("off")),
    ("veckobrev", DigestCmd("preview")),
    ("veckobrev förhandsvisa", DigestCmd("preview")),
    ("veckobrev nu", DigestCmd("now")),
    ("veckobrev schema måndag 08:00", DigestCmd("schedule", 0, "08:00")),
    ("veckobrev schema fredag 0730", DigestCmd("schedule", 4, "0730")),
    ("veckobrev av", DigestCmd("off")),
    # -- reminders / påminnelser on|off / på|av
    ("reminders on", Reminders(True)),
    ("reminders off", Reminders(False)),
    ("reminders OFF", Reminders(False)),
    ("påminnelser på", Reminders(True)),
    ("påminnelser av", Reminders(False)),
    ("paminnelser pa", Reminders(True)),
    # -- search / sök
    ("search lighting underpass", Search("lighting underpass")),
    ("search payload", Search("payload")),
    ("sök belysning", Search("belysning")),
    # -- history / historik
    ("history A3", History("A3")),
    ("history f4", History("F4")),
    ("history L012", History("L12")),
    ("historik A3", History("A3")),
    ("historik l40", History("L40")),
    # -- settings / inställningar language / språk
    ("settings language sv", Settings("language", "sv")),
    ("settings language EN", Settings("language", "en")),
    ("settings language swedish", Settings("language", "sv")),
    ("inställningar språk sv", Settings("language", "sv")),
    ("inställningar språk svenska", Settings("language", "sv")),
    ("inställningar språk engelska", Settings("language", "en")),
    ("settings timezone Europe/Oslo", Settings("timezone", "Europe/Oslo")),
    ("inställningar område Husby, Järva", Settings("area", "Husby, Järva")),
    ("settings name Trygg i Husby 2027", Settings("name", "Trygg i Husby 2027")),
]


@pytest.mark.parametrize(("text", "expected"), PARSES, ids=[p[0] or "<empty>" for p in PARSES])
def test_parse(text: str, expected: g.Command) -> None:
    assert g.parse(text) == expected


def test_extra_whitespace_is_ignored() -> None:
    assert g.parse("  log   A1\tWalked  the area   on  monday ") == Log(
        "Walked the area", 1, "monday"
    )


ERRORS = [
    # (text, key, topic, values)
    ("frobnicate now", "error.unknown_command", "", {"word": "frobnicate"}),
    ("x" * 60, "error.unknown_command", "", {"word": "x" * 40}),
    ("setup", "error.setup_name", "setup", {}),
    ('starta ""', "error.setup_name", "setup", {}),
    ("setup " + "n" * 101, "error.text_too_long", "setup", {"max": "100"}),
    ("org delete Polisen", "error.org_usage", "org", {}),
    ("org rename Polisen", "error.org_rename_usage", "org_rename", {}),
    ("aktör byt namn Polisen till", "error.org_rename_usage", "org_rename", {}),
    ("org remove", "error.org_remove_usage", "org_remove", {}),
    ("join approve", "error.join_decide_usage", "join_decide", {}),
    ("anslut avböj erik", "error.join_decide_usage", "join_decide", {}),
    ("leave now", "error.leave_usage", "leave", {}),
    ("org add", "error.org_usage", "org", {}),
    ('aktör ny ""', "error.org_usage", "org", {}),
    ("org add " + "n" * 81, "error.text_too_long", "org", {"max": "80"}),
    ("member", "error.member_usage", "member", {}),
    ("member anna Polisen", "error.member_usage", "member", {}),
    ("medlem <@U123>", "error.member_usage", "member", {}),
    ('member <@U123> ""', "error.member_usage", "member", {}),
    ("join", "error.join_usage", "join", {}),
    ('anslut ""', "error.join_usage", "join", {}),
    ("activity show", "error.activity_usage", "activity", {}),
    ("activity F3", "error.activity_usage", "activity", {}),
    ("activity A3 colour red", "error.activity_usage", "activity", {}),
    # Changing a field: the example shown is for that field.
    ("activity A3 status", "error.activity_status_value", "activity_status", {}),
    (
        "activity A3 status running",
        "error.activity_status_value",
        "activity_status",
        {"value": "running"},
    ),
    ("aktivitet A3 status ", "error.activity_status_value", "activity_status", {}),
    ("activity A3 rag", "error.activity_rag_value", "activity_rag", {}),
    ("activity A3 rag blue", "error.activity_rag_value", "activity_rag", {"value": "blue"}),
    ("aktivitet A3 bedömning lila", "error.activity_rag_value", "activity_rag", {"value": "lila"}),
    ("activity A3 cause", "error.activity_cause_value", "activity_cause", {}),
    ("activity A3 goal", "error.activity_goal_value", "activity_goal", {}),
    ("activity A3 owner", "error.activity_owner_value", "activity_owner", {}),
    ("activity A3 due", "error.activity_due_value", "activity_due", {}),
    ("activity A3 title", "error.activity_title_value", "activity_title", {}),
    ("activity A3 due someday", "error.bad_date", "activity_due", {"value": "someday"}),
    ('activity A3 cause ""', "error.text_missing", "activity_cause", {}),
    ('activity A3 title ""', "error.text_missing", "activity_title", {}),
    ("activity A3 goal " + "g" * 2001, "error.text_too_long", "activity_goal", {"max": "2000"}),
    # After due/senast at the end, one or two words were meant as a date.
    (
        "activity add Walk due someday",
        "error.bad_date_keyword",
        "activity",
        {"value": "someday", "word": "due"},
    ),
    (
        "aktivitet ny Vandring senast nån gång",
        "error.bad_date_keyword",
        "activity",
        {"value": "nån gång", "word": "senast"},
    ),
    (
        "activity add Walk due someday owner Polisen",
        "error.bad_date_keyword",
        "activity",
        {"value": "someday", "word": "due"},
    ),
    (
        "activity add Walk owner Polisen due someday",
        "error.bad_date_keyword",
        "activity",
        {"value": "someday", "word": "due"},
    ),
    # After by/till only a lone word starting with a digit or + was meant as a date.
    (
        "activity add Walk by 5pm",
        "error.bad_date_keyword",
        "activity",
        {"value": "5pm", "word": "by"},
    ),
    (
        "follow <@U123> Check it due someday",
        "error.bad_date_keyword",
        "follow",
        {"value": "someday", "word": "due"},
    ),
    (
        "follow <@U123> Call the school by 5pm",
        "error.bad_date_keyword",
        "follow",
        {"value": "5pm", "word": "by"},
    ),
    (
        "follow <@U123> Call the school till +3x",
        "error.bad_date_keyword",
        "follow",
        {"value": "+3x", "word": "till"},
    ),
    ("log Met them on 12", "error.bad_date_keyword", "log", {"value": "12", "word": "on"}),
    ("logga Möte den 3e", "error.bad_date_keyword", "log", {"value": "3e", "word": "den"}),
    ("activity add due friday", "error.activity_add_usage", "activity", {}),
    ('aktivitet ny "" ägare Polisen', "error.activity_add_usage", "activity", {}),
    ("activity add " + "t" * 201, "error.text_too_long", "activity", {"max": "200"}),
    ("log A1", "error.text_missing", "log", {}),
    ("log on monday", "error.text_missing", "log", {}),
    ("logga A1 den måndag", "error.text_missing", "log", {}),
    ("log " + "w" * 2001, "error.text_too_long", "log", {"max": "2000"}),
    ("follow anna Check it", "error.follow_usage", "follow", {}),
    ("follow @anna Check it", "error.follow_usage", "follow", {}),
    ("follow <@U123>", "error.text_missing", "follow", {}),
    ("uppföljning <@U123> senast fredag A2", "error.text_missing", "follow", {}),
    ("follow <@U123> " + "w" * 2001, "error.text_too_long", "follow", {"max": "2000"}),
    ("done", "error.done_usage", "done", {}),
    ("done 4", "error.done_usage", "done", {}),
    ("klar A4", "error.done_usage", "done", {}),
    ("done F4 F5", "error.done_usage", "done", {}),
    ("cancel", "error.cancel_usage", "cancel", {}),
    ("avbryt F4 nu", "error.cancel_usage", "cancel", {}),
    ("snooze", "error.snooze_usage", "snooze", {}),
    ("snooze F4", "error.snooze_usage", "snooze", {}),
    ("skjut F4 till", "error.snooze_usage", "snooze", {}),
    ("snooze 4 monday", "error.snooze_usage", "snooze", {}),
    ("snooze F4 someday", "error.bad_date", "snooze", {"value": "someday"}),
    ("reassign", "error.reassign_usage", "reassign", {}),
    ("reassign F4", "error.reassign_usage", "reassign", {}),
    ("reassign F4 sara", "error.reassign_usage", "reassign", {}),
    ("omfördela F4 <@U1> <@U2>", "error.reassign_usage", "reassign", {}),
    ("digest later", "error.digest_usage", "digest", {}),
    ("digest now please", "error.digest_usage", "digest", {}),
    ("veckobrev av nu", "error.digest_usage", "digest", {}),
    ("digest schedule monday", "error.digest_schedule_usage", "digest", {}),
    ("veckobrev schema", "error.digest_schedule_usage", "digest", {}),
    ("digest schedule funday 08:00", "error.bad_weekday", "digest", {"value": "funday"}),
    ("digest schedule monday eight", "error.bad_time", "digest", {"value": "eight"}),
    ("veckobrev schema måndag 8", "error.bad_time", "digest", {"value": "8"}),
    ("reminders", "error.reminders_usage", "reminders", {}),
    ("reminders maybe", "error.reminders_usage", "reminders", {}),
    ("påminnelser på av", "error.reminders_usage", "reminders", {}),
    ("search", "error.search_usage", "search", {}),
    ("sök", "error.search_usage", "search", {}),
    ("search " + "s" * 201, "error.text_too_long", "search", {"max": "200"}),
    ("history", "error.history_usage", "history", {}),
    ("history X3", "error.history_usage", "history", {}),
    ("historik A3 F4", "error.history_usage", "history", {}),
    ("settings", "error.settings_usage", "settings", {}),
    # A known setting without a value says what that setting takes.
    ("settings language", "error.settings_language_value", "settings_language", {}),
    ("inställningar tidszon", "error.settings_timezone_value", "settings_timezone", {}),
    ("settings area", "error.settings_area_value", "settings_area", {}),
    ("settings name", "error.settings_name_value", "settings_name", {}),
    ("settings colour blue", "error.settings_usage", "settings", {}),
    ("settings language fr", "error.settings_language", "settings", {"value": "fr"}),
    ("inställningar språk tyska", "error.settings_language", "settings", {"value": "tyska"}),
    ("settings area " + "a" * 101, "error.text_too_long", "settings", {"max": "100"}),
]


@pytest.mark.parametrize(
    ("text", "key", "topic", "values"), ERRORS, ids=[e[0][:40] for e in ERRORS]
)
def test_parse_error(text: str, key: str, topic: str, values: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        g.parse(text)
    # A "did you mean" suggestion is checked on its own (tests/test_suggest.py).
    values_seen = {k: v for k, v in caught.value.values.items() if k != "suggestion"}
    assert (caught.value.key, caught.value.topic, values_seen) == (key, topic, values)


@pytest.mark.parametrize("verb", sorted(g.VERBS))
def test_every_verb_parses_to_its_topic_or_a_parse_error(verb: str) -> None:
    """A bare verb either parses or fails with an error about its own topic."""
    topic = g.VERBS[verb]
    try:
        g.parse(verb)
    except ParseError as e:
        assert e.topic == topic
        assert e.key.startswith("error.")


@pytest.mark.parametrize("kind", sorted(g.KINDS))
def test_every_kind_word_is_recognised(kind: str) -> None:
    assert g.parse(f"org add Aktören {kind}") == OrgAdd("Aktören", g.KINDS[kind])


def test_mutating_commands_are_listed() -> None:
    assert {c.__name__ for c in g.MUTATING} == {
        "Setup",
        "OrgAdd",
        "SetMember",
        "Join",
        "JoinDecide",
        "MemberRemove",
        "Leave",
        "OrgRename",
        "OrgRemove",
        "Edit",
        "Delete",
        "PlanArchive",
        "PlanDelete",
        "ActivityAdd",
        "ActivitySet",
        "CauseAdd",
        "Log",
        "Follow",
        "Done",
        "Cancel",
        "Snooze",
        "Reassign",
        "Reminders",
        "Settings",
        "MyLanguage",
        "PlaceAdd",
        "Observe",
        "SituationNote",
        "MeasureAdd",
        "IndicatorAdd",
        "IndicatorMeasure",
    }


def test_two_word_dates_everywhere_a_date_goes() -> None:
    # "i morgon" / "i dag" are the forms Språkrådet recommends; "3 d" is an offset with a space.
    assert g.parse("activity A3 due i morgon") == ActivitySet(3, "due", "i morgon")
    assert g.parse("skjut F4 3 dagar") == Snooze(4, "3 dagar")
    assert g.parse("logga Möte den i dag") == Log("Möte", None, "i dag")
    # Two words that are no date stay text.
    assert g.parse("log Met them on 2 occasions") == Log("Met them on 2 occasions")


def test_lenient_date_words_stay_text_unless_a_lone_number_follows() -> None:
    # by/on/den/på/till are everyday words: what follows them is text unless it is a lone
    # token that starts with a digit or +.
    assert g.parse("log Walked on the bridge") == Log("Walked on the bridge")
    assert g.parse("log Met them on 2 occasions") == Log("Met them on 2 occasions")
    assert g.parse("logga Möte på torget") == Log("Möte på torget")
    assert g.parse("follow <@U1> Go by bike") == Follow("U1", "Go by bike")
    assert g.parse("uppföljning <@U1> Gå till skolan") == Follow("U1", "Gå till skolan")
    assert g.parse("follow <@U1> Ask what is due") == Follow("U1", "Ask what is due")
    # More than two words after due/senast: the keyword was text.
    assert g.parse("activity add Check what is due for the school") == ActivityAdd(
        "Check what is due for the school"
    )
    # A date found at the end wins; a keyword earlier in the text stays text.
    assert g.parse("follow <@U1> Check the due date by friday") == Follow(
        "U1", "Check the due date", "friday"
    )


def test_a_keyword_inside_quotes_is_text() -> None:
    # The quotes shield the keywords and are not kept, as in `activity add "…"`.
    assert g.parse('follow <@U1> "Check the due process"') == Follow("U1", "Check the due process")
    assert g.parse('follow <@U1> "Review due diligence" by friday A2') == Follow(
        "U1", "Review due diligence", "friday", 2
    )
    assert g.parse('log "Walked on 5th"') == Log("Walked on 5th")
    assert g.parse('uppföljning <@U1> "Ring bostadsbolaget senast fredag"') == Follow(
        "U1", "Ring bostadsbolaget senast fredag"
    )
    assert g.parse("log “Möte på torget den 5:e”") == Log("Möte på torget den 5:e")
    # An unclosed quote shields nothing.
    with pytest.raises(ParseError) as caught:
        g.parse('activity add "Walk due someday')
    assert caught.value.key == "error.bad_date_keyword"


def test_text_keeps_its_line_breaks() -> None:
    typed = "log A1 Walked the area.\n\n- two lamps out\n- graffiti  at the kiosk on monday"
    assert g.parse(typed) == Log(
        "Walked the area.\n\n- two lamps out\n- graffiti at the kiosk", 1, "monday"
    )
    assert g.parse("follow <@U1> Call the school:\n1. lamps\n2. keys by friday A2") == Follow(
        "U1", "Call the school:\n1. lamps\n2. keys", "friday", 2
    )
    assert g.parse("activity A3 cause Dark underpass.\nNo lamps since May") == ActivitySet(
        3, "cause", "Dark underpass.\nNo lamps since May"
    )
    # Windows line ends become plain line breaks; spaces within a line are collapsed.
    assert g.parse("aktivitet A3 mål Alla lampor  lagade \r\nsenast i mars") == ActivitySet(
        3, "goal", "Alla lampor lagade\nsenast i mars"
    )
    # Keywords are still found across line breaks; outer whitespace goes.
    assert g.parse("log\n  A2\n Met the school\non\nyesterday \n") == Log(
        "Met the school", 2, "yesterday"
    )
    # Titles and names stay one line.
    assert g.parse("activity add Safer\nwalk") == ActivityAdd("Safer walk")


@pytest.mark.parametrize("text", ["+3d", "3d", "-2w", "2 v", "1 vecka", "+10 dagar", "999w"])
def test_offsets_are_steps(text: str) -> None:
    assert g.is_offset(text)


@pytest.mark.parametrize("text", ["friday", "2026-12-15", "15/12", "tomorrow", "i morgon", "3"])
def test_days_are_not_steps(text: str) -> None:
    assert not g.is_offset(text)


COMMAND_WORDS = [
    "help",
    "setup",
    "org",
    "org add",
    "org list",
    "member",
    "member remove",
    "join",
    "join approve",
    "join decline",
    "leave",
    "org rename",
    "org remove",
    "edit",
    "delete",
    "plan",
    "plan archive",
    "plan delete",
    "activity",
    "activity add",
    "activity list",
    "cause",
    "cause add",
    "cause list",
    "export",
    "import",
    "log",
    "follow",
    "done",
    "cancel",
    "snooze",
    "reassign",
    "mine",
    "status",
    "overdue",
    "digest",
    "digest preview",
    "digest now",
    "reminders",
    "search",
    "history",
    "settings",
    "settings my language",
    "place",
    "place add",
    "place list",
    "observe",
    "observe list",
    "situation",
    "situation note",
    "measure",
    "round",
    "round off",
    "indicator",
    "indicator add",
    "report",
]


def test_command_words_in_swedish() -> None:
    assert g.command_word("sv", "activity list") == "aktivitet lista"
    assert g.command_word("sv", "org list") == "aktör lista"
    assert g.command_word("sv", "mine") == "mina"
    assert g.command_word("sv", "overdue") == "försenat"
    assert g.command_word("sv", "digest preview") == "veckobrev förhandsvisa"
    assert g.command_word("sv", "search") == "sök"
    assert g.command_word("sv", "history A3") == "historik A3"
    assert g.command_word("en", "activity list") == "activity list"
    assert set(COMMAND_WORDS) == set(g.SWEDISH_COMMANDS)


@pytest.mark.parametrize("command", COMMAND_WORDS)
def test_a_swedish_command_word_is_the_same_command(command: str) -> None:
    """What a Swedish reply points at parses like the English words it stands for."""
    swedish = g.command_word("sv", command)
    for english, sv in ((command, swedish), (command + " x", swedish + " x")):
        try:
            expected: object = g.parse(english)
        except ParseError as e:
            expected = (e.key, e.topic)
        try:
            got: object = g.parse(sv)
        except ParseError as e:
            got = (e.key, e.topic)
        assert got == expected, (english, sv)
