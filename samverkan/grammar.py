"""The slash-command grammar (DESIGN §3), parsed once here for Slack and the console alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from samverkan.dates import DateError, looks_like_date, parse_date, parse_weekday

# -- parsed commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Help:
    topic: str | None = None


@dataclass(frozen=True)
class Setup:
    name: str


@dataclass(frozen=True)
class OrgAdd:
    name: str
    kind: str


@dataclass(frozen=True)
class OrgList:
    pass


@dataclass(frozen=True)
class SetMember:
    user: str
    org: str
    #: None keeps the person's role (a new member becomes a member).
    role: str | None = None


@dataclass(frozen=True)
class Join:
    org: str


@dataclass(frozen=True)
class ActivityAdd:
    title: str
    owner: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class ActivityShow:
    number: int


@dataclass(frozen=True)
class ActivityList:
    pass


@dataclass(frozen=True)
class ActivitySet:
    number: int
    field: str  # status, rag, cause, goal, owner, due, title
    value: str


@dataclass(frozen=True)
class Log:
    text: str
    activity: int | None = None
    on: str | None = None


@dataclass(frozen=True)
class Follow:
    user: str
    text: str
    by: str | None = None
    activity: int | None = None


@dataclass(frozen=True)
class Done:
    number: int


@dataclass(frozen=True)
class Cancel:
    number: int


@dataclass(frozen=True)
class Snooze:
    number: int
    until: str


@dataclass(frozen=True)
class Reassign:
    number: int
    user: str


@dataclass(frozen=True)
class Mine:
    pass


@dataclass(frozen=True)
class Status:
    activity: int | None = None
    org: str | None = None


@dataclass(frozen=True)
class Overdue:
    pass


@dataclass(frozen=True)
class DigestCmd:
    action: str  # preview, now, schedule, off
    weekday: int | None = None
    time: str | None = None


@dataclass(frozen=True)
class Reminders:
    on: bool


@dataclass(frozen=True)
class Search:
    query: str


@dataclass(frozen=True)
class History:
    ref: str  # A3, F12, L40


@dataclass(frozen=True)
class Settings:
    key: str  # language, timezone, area, name
    value: str


@dataclass(frozen=True)
class OpenModal:
    kind: str  # log, follow, activity


Command = (
    Help
    | Setup
    | OrgAdd
    | OrgList
    | SetMember
    | Join
    | ActivityAdd
    | ActivityShow
    | ActivityList
    | ActivitySet
    | Log
    | Follow
    | Done
    | Cancel
    | Snooze
    | Reassign
    | Mine
    | Status
    | Overdue
    | DigestCmd
    | Reminders
    | Search
    | History
    | Settings
    | OpenModal
)

#: Commands that change something; the rest only read.
MUTATING = (
    Setup,
    OrgAdd,
    SetMember,
    Join,
    ActivityAdd,
    ActivitySet,
    Log,
    Follow,
    Done,
    Cancel,
    Snooze,
    Reassign,
    Reminders,
    Settings,
)


@dataclass
class ParseError(Exception):
    """A command that does not follow the grammar: a message key, its values, and the topic."""

    key: str
    topic: str
    values: dict[str, str] = field(default_factory=dict)


# -- vocabulary --------------------------------------------------------------------------------

VERBS: dict[str, str] = {
    "help": "help",
    "hjälp": "help",
    "hjalp": "help",
    "?": "help",
    "setup": "setup",
    "starta": "setup",
    "org": "org",
    "orgs": "org",
    "organisation": "org",
    "organization": "org",
    "aktör": "org",
    "aktor": "org",
    "aktörer": "org",
    "member": "member",
    "medlem": "member",
    "join": "join",
    "anslut": "join",
    "activity": "activity",
    "activities": "activity",
    "aktivitet": "activity",
    "aktiviteter": "activity",
    "åtgärd": "activity",
    "log": "log",
    "logga": "log",
    "follow": "follow",
    "uppföljning": "follow",
    "följ": "follow",
    "done": "done",
    "klar": "done",
    "cancel": "cancel",
    "avbryt": "cancel",
    "snooze": "snooze",
    "skjut": "snooze",
    "reassign": "reassign",
    "omfördela": "reassign",
    "mine": "mine",
    "mina": "mine",
    "status": "status",
    "läge": "status",
    "overdue": "overdue",
    "försenat": "overdue",
    "forsenat": "overdue",
    "digest": "digest",
    "veckobrev": "digest",
    "reminders": "reminders",
    "påminnelser": "reminders",
    "paminnelser": "reminders",
    "search": "search",
    "sök": "search",
    "sok": "search",
    "history": "history",
    "historik": "history",
    "settings": "settings",
    "inställningar": "settings",
    "installningar": "settings",
}

#: The Swedish way to type a command, by its English words (what replies point at).
SWEDISH_COMMANDS: dict[str, str] = {
    "help": "hjälp",
    "setup": "starta",
    "org": "aktör",
    "org add": "aktör ny",
    "org list": "aktör lista",
    "member": "medlem",
    "join": "anslut",
    "activity": "aktivitet",
    "activity add": "aktivitet ny",
    "activity list": "aktivitet lista",
    "log": "logga",
    "follow": "uppföljning",
    "done": "klar",
    "cancel": "avbryt",
    "snooze": "skjut",
    "reassign": "omfördela",
    "mine": "mina",
    "status": "status",
    "overdue": "försenat",
    "digest": "veckobrev",
    "digest preview": "veckobrev förhandsvisa",
    "digest now": "veckobrev nu",
    "reminders": "påminnelser",
    "search": "sök",
    "history": "historik",
    "settings": "inställningar",
}


def command_word(lang: str, command: str) -> str:
    """The words of a command (given in English, like "activity list") in the plan's language.

    Replies that point at a command ("…and 3 more: `/samverkan aktivitet lista`") use this.
    A command not in the table keeps its first word translated and the rest as given.
    """
    if lang != "sv":
        return command
    if command in SWEDISH_COMMANDS:
        return SWEDISH_COMMANDS[command]
    head, _, tail = command.partition(" ")
    return " ".join(filter(None, (SWEDISH_COMMANDS.get(head, head), tail)))


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
}

ON_WORDS = ("on", "den", "på")
BY_WORDS = ("by", "due", "senast", "till")
OWNER_WORDS = ("owner", "ägare")
#: Date keywords that mean nothing but a date: what follows them at the end must be one.
STRONG_DATE_WORDS = ("due", "senast")

MENTION = re.compile(r"^<@([A-Za-z0-9._\-]+)(?:\|[^>]*)?>$")
ACTIVITY_REF = re.compile(r"^[Aa](\d{1,9})$")
FOLLOWUP_REF = re.compile(r"^[Ff](\d{1,9})$")
ANY_REF = re.compile(r"^([AaFfLl])(\d{1,9})$")
HHMM = re.compile(r"^\d{1,2}[:.]?\d{2}$")
#: A step from a day rather than a day: "+3d", "2w", "1 vecka" (what samverkan.dates reads so).
OFFSET = re.compile(r"^[+-]?[0-9]{1,3} ?(d|days?|dag|dagar|w|weeks?|v|vecka|veckor)$")

MAX_TEXT = 2000


class _Word(str):
    """A word of the typed text that knows where it stands, so text can be cut out as typed."""

    source: str
    start: int
    end: int

    def __new__(cls, source: str, start: int, end: int) -> _Word:
        word = super().__new__(cls, source[start:end])
        word.source, word.start, word.end = source, start, end
        return word


def _words(text: str) -> list[str]:
    # `\S+` splits exactly where str.split() does (both follow str.isspace()).
    return [_Word(text, m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _span(words: list[str]) -> str:
    """The words with the line breaks typed between them; spaces within a line are collapsed.

    Words that are not from one text are joined by spaces.
    """
    if not words:
        return ""
    first, last = words[0], words[-1]
    if isinstance(first, _Word) and isinstance(last, _Word) and first.source is last.source:
        typed = first.source[first.start : last.end]
        return "\n".join(" ".join(line.split()) for line in typed.split("\n"))
    return " ".join(words)


_QUOTES = {'"': '"', "“": "”", "”": "”", "'": "'", "«": "»"}


def _quoted(words: list[str]) -> list[bool]:
    """For each word, whether it stands inside a quoted stretch ("…" shields keywords)."""
    inside = [False] * len(words)
    i = 0
    while i < len(words):
        opening = words[i][:1]
        closing = _QUOTES.get(opening)
        end = None
        if closing is not None:
            for j in range(i, len(words)):
                if words[j].endswith(closing) and (j > i or len(words[j]) > 1):
                    end = j
                    break
        if end is None:
            i += 1
            continue
        for j in range(i, end + 1):
            inside[j] = True
        i = end + 1
    return inside


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] == _QUOTES[text[0]]:
        return text[1:-1].strip()
    return text


def _mention(token: str) -> str | None:
    m = MENTION.match(token)
    return m.group(1) if m else None


def _ref(pattern: re.Pattern[str], token: str) -> int | None:
    m = pattern.match(token)
    return int(m.group(1)) if m else None


def _take_trailing_date(
    words: list[str], keywords: tuple[str, ...]
) -> tuple[list[str], str | None]:
    """Split off a trailing `<keyword> <date>` (date of one or two words) if there is one."""
    inside = _quoted(words)
    for span in (1, 2):
        if len(words) > span and words[-span - 1].casefold() in keywords and not inside[-span - 1]:
            candidate = " ".join(words[-span:])
            if _is_date(candidate):
                return words[: -span - 1], candidate
    return words, None


def _is_date(candidate: str) -> bool:
    if " " not in candidate:
        return looks_like_date(candidate)
    # Two words ("i morgon", "3 d"): only what parse_date reads as a date, whatever the day.
    try:
        parse_date(candidate, date(2000, 1, 1))
    except DateError:
        return False
    return True


def _refuse_dangling_date(words: list[str], keywords: tuple[str, ...], topic: str) -> None:
    """Refuse a date keyword near the end that is followed by something that is not a date.

    Called when no trailing date was found. The last keyword (outside quotes) followed by one
    or two words is looked at: after `due`/`senast` those words were meant as a date; after
    the everyday words `by`, `on`, `den`, `på`, `till` only a single word that starts with a
    digit or `+` was. Text that really ends that way can be put in quotes.
    """
    inside = _quoted(words)
    for i in range(len(words) - 1, -1, -1):
        if words[i].casefold() in keywords and not inside[i]:
            break
    else:
        return
    tail = words[i + 1 :]
    if not 1 <= len(tail) <= 2:
        return
    strong = words[i].casefold() in STRONG_DATE_WORDS
    if strong or (len(tail) == 1 and tail[0][0] in "+0123456789"):
        raise ParseError(
            "error.bad_date_keyword",
            topic,
            {"value": " ".join(tail)[:40], "word": words[i][:20]},
        )


def is_offset(text: str) -> bool:
    """Whether a date as typed is a step ("+3d", "2w") rather than a day."""
    return bool(OFFSET.match(" ".join(text.split()).casefold()))


def _check_text(text: str, topic: str) -> str:
    text = text.strip()
    if not text:
        raise ParseError("error.text_missing", topic)
    if len(text) > MAX_TEXT:
        raise ParseError("error.text_too_long", topic, {"max": str(MAX_TEXT)})
    return text


def parse(text: str) -> Command:
    """Parse the text after the slash command into a command, or raise ParseError."""
    words = _words(text)
    if not words:
        return Help()
    verb = VERBS.get(words[0].casefold())
    rest = words[1:]
    if verb is None:
        raise ParseError("error.unknown_command", "help", {"word": words[0][:40]})
    return _PARSERS[verb](rest)


#: Help topics that are not command words ("hjälp datum" is what the Swedish help offers).
HELP_TOPICS = {"dates": "dates", "date": "dates", "datum": "dates"}


def _help(rest: list[str]) -> Command:
    topic = rest[0].casefold() if rest else None
    return Help(HELP_TOPICS.get(topic, topic) if topic else None)


def _setup(rest: list[str]) -> Command:
    name = _unquote(" ".join(rest))
    if not name:
        raise ParseError("error.setup_name", "setup")
    if len(name) > 100:
        raise ParseError("error.text_too_long", "setup", {"max": "100"})
    return Setup(name)


def _org(rest: list[str]) -> Command:
    if not rest or rest[0].casefold() in LIST_WORDS:
        return OrgList()
    if rest[0].casefold() not in ADD_WORDS:
        raise ParseError("error.org_usage", "org")
    words = rest[1:]
    if words and words[0].casefold() == "till":  # "lägg till"
        words = words[1:]
    kind = "other"
    for span in (2, 1):
        if len(words) > span and " ".join(words[-span:]).casefold() in KINDS:
            kind = KINDS[" ".join(words[-span:]).casefold()]
            words = words[:-span]
            break
    name = _unquote(" ".join(words))
    if not name:
        raise ParseError("error.org_usage", "org")
    if len(name) > 80:
        raise ParseError("error.text_too_long", "org", {"max": "80"})
    return OrgAdd(name, kind)


def _member(rest: list[str]) -> Command:
    if len(rest) < 2 or _mention(rest[0]) is None:
        raise ParseError("error.member_usage", "member")
    user = _mention(rest[0])
    assert user is not None
    words = rest[1:]
    role = None
    if len(words) > 1 and words[-1].casefold() in ROLES:
        role = ROLES[words[-1].casefold()]
        words = words[:-1]
    org = _unquote(" ".join(words))
    if not org:
        raise ParseError("error.member_usage", "member")
    return SetMember(user, org, role)


def _join(rest: list[str]) -> Command:
    org = _unquote(" ".join(rest))
    if not org:
        raise ParseError("error.join_usage", "join")
    return Join(org)


def _activity(rest: list[str]) -> Command:
    if not rest or rest[0].casefold() in LIST_WORDS:
        return ActivityList()
    head = rest[0].casefold()
    if head in ADD_WORDS:
        words = rest[1:]
        if head == "lägg" and words and words[0].casefold() == "till":  # "lägg till"
            words = words[1:]
        return _activity_add(words)
    number = _ref(ACTIVITY_REF, rest[0])
    if number is None:
        raise ParseError("error.activity_usage", "activity")
    if len(rest) == 1:
        return ActivityShow(number)
    fld = ACTIVITY_FIELDS.get(rest[1].casefold())
    if fld is None:
        raise ParseError("error.activity_usage", "activity")
    # Errors point at an example of the field being changed.
    topic = f"activity_{fld}"
    value = " ".join(rest[2:]).strip()
    if not value:
        raise ParseError(f"error.activity_{fld}_value", topic)
    if fld == "status":
        if value.casefold() not in STATUSES:
            raise ParseError("error.activity_status_value", topic, {"value": value[:40]})
        value = STATUSES[value.casefold()]
    elif fld == "rag":
        if value.casefold() not in RAGS:
            raise ParseError("error.activity_rag_value", topic, {"value": value[:40]})
        value = RAGS[value.casefold()]
    elif fld == "due":
        if value.casefold() not in ("none", "ingen") and not _is_date(value):
            raise ParseError("error.bad_date", topic, {"value": value[:40]})
    elif fld in ("cause", "goal"):
        # Kept as typed, line breaks and all.
        value = _check_text(_unquote(_span(rest[2:])), topic)
    elif fld == "title":
        value = _check_text(_unquote(value), topic)
    else:
        value = _unquote(value)
    return ActivitySet(number, fld, value)


def _activity_add(words: list[str]) -> Command:
    if not words:
        return OpenModal("activity")
    words, due = _take_trailing_date(words, BY_WORDS)
    if due is None:
        _refuse_dangling_date(words, BY_WORDS, "activity")
    owner = None
    lowered = [w.casefold() for w in words]
    # A keyword inside a quoted title is part of the title: "Meet the owner of the kiosk".
    inside = _quoted(words)
    for i in range(len(words) - 1, 0, -1):
        if lowered[i] in OWNER_WORDS and not inside[i] and i + 1 < len(words):
            owner = _unquote(" ".join(words[i + 1 :]))
            words = words[:i]
            break
    if due is None:
        words, due = _take_trailing_date(words, BY_WORDS)
        if due is None:
            _refuse_dangling_date(words, BY_WORDS, "activity")
    title = _unquote(" ".join(words))
    if not title:
        raise ParseError("error.activity_add_usage", "activity")
    if len(title) > 200:
        raise ParseError("error.text_too_long", "activity", {"max": "200"})
    return ActivityAdd(title, owner, due)


def _log(rest: list[str]) -> Command:
    if not rest:
        return OpenModal("log")
    activity = _ref(ACTIVITY_REF, rest[0])
    words = rest[1:] if activity is not None else rest
    words, on = _take_trailing_date(words, ON_WORDS)
    if on is None:
        _refuse_dangling_date(words, ON_WORDS, "log")
    text = _check_text(_span(words), "log")
    return Log(text, activity, on)


def _follow(rest: list[str]) -> Command:
    if not rest:
        return OpenModal("follow")
    user = _mention(rest[0])
    if user is None:
        raise ParseError("error.follow_usage", "follow")
    words = rest[1:]
    by = None
    activity = None
    # `by <date>` and `A#` may come at the end in either order.
    for _ in range(2):
        if words and activity is None and (n := _ref(ACTIVITY_REF, words[-1])) is not None:
            activity = n
            words = words[:-1]
        elif by is None:
            words, by = _take_trailing_date(words, BY_WORDS)
    if by is None:
        _refuse_dangling_date(words, BY_WORDS, "follow")
    text = _check_text(_span(words), "follow")
    return Follow(user, text, by, activity)


def _followup_ref(rest: list[str], topic: str) -> int:
    number = _ref(FOLLOWUP_REF, rest[0]) if rest else None
    if number is None:
        raise ParseError(f"error.{topic}_usage", topic)
    return number


def _done(rest: list[str]) -> Command:
    number = _followup_ref(rest, "done")
    if len(rest) > 1:
        raise ParseError("error.done_usage", "done")
    return Done(number)


def _cancel(rest: list[str]) -> Command:
    number = _followup_ref(rest, "cancel")
    if len(rest) > 1:
        raise ParseError("error.cancel_usage", "cancel")
    return Cancel(number)


def _snooze(rest: list[str]) -> Command:
    number = _followup_ref(rest, "snooze")
    words = rest[1:]
    if words and words[0].casefold() in (*BY_WORDS, "to", "until"):
        words = words[1:]
    value = " ".join(words)
    if not value:
        raise ParseError("error.snooze_usage", "snooze")
    if not _is_date(value):
        raise ParseError("error.bad_date", "snooze", {"value": value[:40]})
    return Snooze(number, value)


def _reassign(rest: list[str]) -> Command:
    number = _followup_ref(rest, "reassign")
    words = rest[1:]
    if words and words[0].casefold() in ("to", "till"):
        words = words[1:]
    user = _mention(words[0]) if len(words) == 1 else None
    if user is None:
        raise ParseError("error.reassign_usage", "reassign")
    return Reassign(number, user)


def _mine(rest: list[str]) -> Command:
    return Mine()


def _status(rest: list[str]) -> Command:
    if not rest:
        return Status()
    if len(rest) == 1 and (n := _ref(ACTIVITY_REF, rest[0])) is not None:
        return Status(activity=n)
    return Status(org=_unquote(" ".join(rest)))


def _overdue(rest: list[str]) -> Command:
    return Overdue()


def _digest(rest: list[str]) -> Command:
    if not rest:
        return DigestCmd("preview")
    action = DIGEST_ACTIONS.get(rest[0].casefold())
    if action is None:
        raise ParseError("error.digest_usage", "digest")
    if action != "schedule":
        if len(rest) > 1:
            raise ParseError("error.digest_usage", "digest")
        return DigestCmd(action)
    if len(rest) != 3:
        raise ParseError("error.digest_schedule_usage", "digest")
    weekday = parse_weekday(rest[1])
    if weekday is None:
        raise ParseError("error.bad_weekday", "digest", {"value": rest[1][:40]})
    if not HHMM.match(rest[2]):
        raise ParseError("error.bad_time", "digest", {"value": rest[2][:40]})
    return DigestCmd("schedule", weekday, str(rest[2]))


def _reminders(rest: list[str]) -> Command:
    if len(rest) != 1 or rest[0].casefold() not in ON_OFF:
        raise ParseError("error.reminders_usage", "reminders")
    return Reminders(ON_OFF[rest[0].casefold()])


def _search(rest: list[str]) -> Command:
    query = " ".join(rest).strip()
    if not query:
        raise ParseError("error.search_usage", "search")
    if len(query) > 200:
        raise ParseError("error.text_too_long", "search", {"max": "200"})
    return Search(query)


def _history(rest: list[str]) -> Command:
    m = ANY_REF.match(rest[0]) if len(rest) == 1 else None
    if m is None:
        raise ParseError("error.history_usage", "history")
    return History(f"{m.group(1).upper()}{int(m.group(2))}")


def _settings(rest: list[str]) -> Command:
    if not rest or rest[0].casefold() not in SETTING_KEYS:
        raise ParseError("error.settings_usage", "settings")
    key = SETTING_KEYS[rest[0].casefold()]
    if len(rest) < 2:
        # A known setting without a value: say what that setting takes.
        raise ParseError(f"error.settings_{key}_value", f"settings_{key}")
    value = _unquote(" ".join(rest[1:]))
    if key == "language":
        value = value.casefold()
        aliases = {"english": "en", "engelska": "en", "swedish": "sv", "svenska": "sv"}
        value = aliases.get(value, value)
        if value not in ("en", "sv"):
            raise ParseError("error.settings_language", "settings", {"value": value[:40]})
    if len(value) > 100:
        raise ParseError("error.text_too_long", "settings", {"max": "100"})
    return Settings(key, value)


_PARSERS = {
    "help": _help,
    "setup": _setup,
    "org": _org,
    "member": _member,
    "join": _join,
    "activity": _activity,
    "log": _log,
    "follow": _follow,
    "done": _done,
    "cancel": _cancel,
    "snooze": _snooze,
    "reassign": _reassign,
    "mine": _mine,
    "status": _status,
    "overdue": _overdue,
    "digest": _digest,
    "reminders": _reminders,
    "search": _search,
    "history": _history,
    "settings": _settings,
}
