"""Words of a typed command: tokens that remember where they stood, quotes, refs, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from samverkan.dates import DateError, looks_like_date, parse_date


@dataclass
class ParseError(Exception):
    """A command that does not follow the grammar: a message key, its values, and the topic."""

    key: str
    topic: str
    values: dict[str, str] = field(default_factory=dict)


ON_WORDS = ("on", "den", "på")
BY_WORDS = ("by", "due", "senast", "till")
OWNER_WORDS = ("owner", "ägare")
#: Date keywords that mean nothing but a date: what follows them at the end must be one.
STRONG_DATE_WORDS = ("due", "senast")

MENTION = re.compile(r"^<@([A-Za-z0-9._\-]+)(?:\|[^>]*)?>$")
ACTIVITY_REF = re.compile(r"^[Aa](\d{1,9})$")
FOLLOWUP_REF = re.compile(r"^[Ff](\d{1,9})$")
ANY_REF = re.compile(r"^([AaFfLlCcHh])(\d{1,9})$")
HHMM = re.compile(r"^\d{1,2}[:.]?\d{2}$")
#: A step from a day rather than a day: "+3d", "2w", "1 vecka" (what samverkan.dates reads so).
OFFSET = re.compile(r"^[+-]?[0-9]{1,3} ?(d|days?|dag|dagar|w|weeks?|v|vecka|veckor)$")

MAX_TEXT = 2000


class Word(str):
    """A word of the typed text that knows where it stands, so text can be cut out as typed."""

    source: str
    start: int
    end: int

    def __new__(cls, source: str, start: int, end: int) -> Word:
        word = super().__new__(cls, source[start:end])
        word.source, word.start, word.end = source, start, end
        return word


def split_words(text: str) -> list[str]:
    """The typed words, each knowing where it stood in the text."""
    # `\S+` splits exactly where str.split() does (both follow str.isspace()).
    return [Word(text, m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def span(words: list[str]) -> str:
    """The words with the line breaks typed between them; spaces within a line are collapsed.

    Words that are not from one text are joined by spaces.
    """
    if not words:
        return ""
    first, last = words[0], words[-1]
    if isinstance(first, Word) and isinstance(last, Word) and first.source is last.source:
        typed = first.source[first.start : last.end]
        return "\n".join(" ".join(line.split()) for line in typed.split("\n"))
    return " ".join(words)


_QUOTES = {'"': '"', "“": "”", "”": "”", "'": "'", "«": "»"}


def quoted(words: list[str]) -> list[bool]:
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


def unquote(text: str) -> str:
    """The text without one pair of surrounding quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] == _QUOTES[text[0]]:
        return text[1:-1].strip()
    return text


def mention_id(token: str) -> str | None:
    """The user id of a Slack mention (`<@U123|anna>`), or None."""
    m = MENTION.match(token)
    return m.group(1) if m else None


def ref_number(pattern: re.Pattern[str], token: str) -> int | None:
    """The number of a ref such as `A3` matched by `pattern`, or None."""
    m = pattern.match(token)
    return int(m.group(1)) if m else None


#: The longest date people type after a keyword, in words ("in 2 weeks", "15 dec 2027").
MAX_DATE_WORDS = 3
#: First words of a date of several words: after the everyday `by`/`on`/`till` they mean a
#: date was meant ("by next friday", "by week 50", "till om en vecka").
DATE_STARTS = frozenset({"next", "nästa", "nasta", "week", "vecka", "övermorgon"})
#: "in"/"om" start a date when a number follows ("in 2 weeks", "om en vecka").
_IN_WORDS = frozenset({"in", "om"})
_COUNTS = frozenset({"a", "an", "one", "en", "ett", "two", "två", "three", "tre"})


def take_trailing_date(words: list[str], keywords: tuple[str, ...]) -> tuple[list[str], str | None]:
    """Split off a trailing `<keyword> <date>` (a date of up to three words) if there is one."""
    inside = quoted(words)
    for span in range(1, MAX_DATE_WORDS + 1):
        if len(words) > span and words[-span - 1].casefold() in keywords and not inside[-span - 1]:
            candidate = " ".join(words[-span:])
            if is_date(candidate):
                return words[: -span - 1], candidate
    return words, None


def is_date(candidate: str) -> bool:
    """Whether one to three typed words read as a date."""
    if " " not in candidate:
        return looks_like_date(candidate)
    # Several words ("i morgon", "15 dec", "om en vecka"): what parse_date reads as a date.
    try:
        parse_date(candidate, date(2000, 1, 1))
    except DateError:
        return False
    return True


def refuse_dangling_date(words: list[str], keywords: tuple[str, ...], topic: str) -> None:
    """Refuse a date keyword near the end that is followed by something that is not a date.

    Called when no trailing date was found. The last keyword (outside quotes) followed by one
    to three words is looked at: after `due`/`senast` one or two words were meant as a date,
    and three that start like one (a digit, `next`, `om en`, `in 2`, `week`…); after the
    everyday words `by`, `on`, `den`, `på`, `till` only a lone word that starts with a digit
    or `+`, or words that start like a date. Text that really ends that way can be put in
    quotes.
    """
    inside = quoted(words)
    for i in range(len(words) - 1, -1, -1):
        if words[i].casefold() in keywords and not inside[i]:
            break
    else:
        return
    tail = words[i + 1 :]
    if not 1 <= len(tail) <= MAX_DATE_WORDS:
        return
    strong = words[i].casefold() in STRONG_DATE_WORDS
    first = tail[0].casefold()
    second = tail[1].casefold() if len(tail) > 1 else ""
    datelike = (
        first in DATE_STARTS
        or (first in _IN_WORDS and (second[:1].isdigit() or second in _COUNTS))
        or (first[0] in "+0123456789" and (strong or len(tail) == 1))
    )
    if (strong and len(tail) <= 2) or datelike:
        raise ParseError(
            "error.bad_date_keyword",
            topic,
            {"value": " ".join(tail)[:40], "word": words[i][:20]},
        )


def is_offset(text: str) -> bool:
    """Whether a date as typed is a step ("+3d", "2w") rather than a day."""
    return bool(OFFSET.match(" ".join(text.split()).casefold()))


def check_text(text: str, topic: str) -> str:
    """Typed free text, stripped; refused when empty or too long."""
    text = text.strip()
    if not text:
        raise ParseError("error.text_missing", topic)
    if len(text) > MAX_TEXT:
        raise ParseError("error.text_too_long", topic, {"max": str(MAX_TEXT)})
    return text
