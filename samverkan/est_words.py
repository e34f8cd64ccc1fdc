"""The words of the situation picture (DESIGN §9): categories, time bands, concern levels."""

from __future__ import annotations

#: The stored categories, in the order the situation picture lists them.
CATEGORIES = (
    "vandalism",
    "graffiti",
    "littering",
    "disorder",
    "unsafe_place",
    "threats_violence",
    "drugs",
    "fire",
    "groups",
    "other",
)

#: What people type for a category (one to three words, both languages), folded (see `fold`).
CATEGORY_WORDS: dict[str, str] = {
    "vandalism": "vandalism",
    "skadegorelse": "vandalism",
    "graffiti": "graffiti",
    "klotter": "graffiti",
    "tags": "graffiti",
    "littering": "littering",
    "litter": "littering",
    "nedskrapning": "littering",
    "disorder": "disorder",
    "ordningsstorning": "disorder",
    "unsafe place": "unsafe_place",
    "unsafe_place": "unsafe_place",
    "unsafe-place": "unsafe_place",
    "unsafe": "unsafe_place",
    "otrygg plats": "unsafe_place",
    "otrygg": "unsafe_place",
    "otrygghet": "unsafe_place",
    "threats or violence": "threats_violence",
    "threats_violence": "threats_violence",
    "threats": "threats_violence",
    "violence": "threats_violence",
    "hot och vald": "threats_violence",
    "hot": "threats_violence",
    "vald": "threats_violence",
    "drugs": "drugs",
    "narkotika": "drugs",
    "fire": "fire",
    "brand": "fire",
    "groups gathering": "groups",
    "groups": "groups",
    "gathering": "groups",
    "ungdomar som samlas": "groups",
    "samling": "groups",
    "other": "other",
    "ovrigt": "other",
    "annat": "other",
}

TIME_BANDS = ("morning", "afternoon", "evening", "night")
TIME_BAND_WORDS: dict[str, str] = {
    "morning": "morning",
    "formiddag": "morning",
    "formiddagen": "morning",
    "morgon": "morning",
    "afternoon": "afternoon",
    "eftermiddag": "afternoon",
    "eftermiddagen": "afternoon",
    "evening": "evening",
    "kvall": "evening",
    "kvallen": "evening",
    "night": "night",
    "natt": "night",
    "natten": "night",
}

CONCERNS = ("low", "medium", "high")
CONCERN_KEYWORDS = ("concern", "oro")
CONCERN_WORDS: dict[str, str] = {
    "low": "low",
    "lag": "low",
    "medium": "medium",
    "medel": "medium",
    "high": "high",
    "hog": "high",
}

#: The word before a place: `at Centrumtorget`, `vid Centrumtorget`.
AT_WORDS = ("at", "vid")

#: Weight of a concern level when hotspots are ranked (no level counts as low).
CONCERN_WEIGHT = {None: 1, "low": 1, "medium": 2, "high": 3}

_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeaaoe")


def fold(text: str) -> str:
    """A typed word as the tables above hold it: lower case, å ä ö é as a a o e."""
    return " ".join(text.casefold().translate(_FOLD).split())


def category_at(words: list[str]) -> tuple[str | None, int]:
    """The category the words start with (longest phrase first) and how many words it took."""
    for n in (3, 2, 1):
        if len(words) >= n:
            key = CATEGORY_WORDS.get(fold(" ".join(words[:n])))
            if key is not None:
                return key, n
    return None, 0


#: `situation v48`, `week 48`, `vecka 48`; `last` / `förra` for the week before this one.
_WEEK_WORDS = ("week", "vecka", "v")
_LAST_WORDS = ("last", "forra", "previous")


def take_week(words: list[str]) -> tuple[int | str | None, list[str]]:
    """A week at the start of the words: its number, "last", or None; and the words after it.

    Raises ValueError for something that starts like a week but is not one (`v99`).
    """
    if not words:
        return None, words
    first = fold(words[0])
    if first in _LAST_WORDS:
        rest = words[1:]
        if rest and fold(rest[0]) in ("week", "veckan", "vecka"):
            rest = rest[1:]
        return "last", rest
    digits, used = None, 1
    if first in _WEEK_WORDS and len(words) > 1 and words[1].isdigit():
        digits, used = words[1], 2
    elif first[:1] == "v" and first[1:].isdigit():
        digits = first[1:]
    elif first.startswith("week") and first[4:].isdigit():
        digits = first[4:]
    if digits is None:
        return None, words
    number = int(digits)
    if not 1 <= number <= 53:
        raise ValueError(words[0])
    return number, words[used:]
