"""The template's columns and their headers in both languages, as written and as recognised."""

from __future__ import annotations

import re
import unicodedata

#: The template sheet's columns in order: key, English header, Swedish header.
TEMPLATE: tuple[tuple[str, str, str], ...] = (
    ("cause", "Cause", "Orsak"),
    ("measure", "Measure", "Åtgärd"),
    ("goal", "Operational goal", "Operativt mål"),
    ("when", "When", "När"),
    ("who", "Who", "Vem"),
    ("followup", "Follow-up", "Uppföljning"),
    ("status", "Status", "Status"),
    ("assessment", "Assessment", "Bedömning"),
    ("kind", "Kind", "Typ"),
    ("ref", "Ref", "Ref"),
)

#: Other ways councils head the same columns (folded: lower case, no accents, no punctuation).
VARIANTS: dict[str, tuple[str, ...]] = {
    "cause": ("orsaker", "orsak nr", "causes", "problem", "orsaksanalys"),
    "measure": ("atgarder", "aktivitet", "aktiviteter", "measures", "activity", "insats"),
    "goal": ("operativa mal", "mal", "goal", "goals", "operational goals", "malsattning"),
    "when": ("nar tidsplan", "tidsplan", "tid", "period", "tidsperiod", "timing"),
    "who": ("vem ansvarig", "ansvarig", "ansvar", "responsible", "who responsible", "aktorer"),
    "followup": ("uppfoljning hur", "follow up", "followup", "hur foljs det upp"),
    "status": ("lage",),
    "assessment": ("bedomning", "rag", "assessment"),
    "kind": ("typ av insats", "insatstyp", "kind of measure", "type"),
    "ref": ("referens", "id", "nr"),
}


def fold(text: object) -> str:
    """A header as compared: lower case, accents and punctuation gone, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", str(text or "")).casefold()
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def _known() -> dict[str, str]:
    known: dict[str, str] = {}
    for key, en, sv in TEMPLATE:
        for name in (en, sv, key, *VARIANTS.get(key, ())):
            known[fold(name)] = key
    return known


KNOWN = _known()


def column_of(header: object) -> str | None:
    """The template column a header cell names, if any."""
    return KNOWN.get(fold(header))


def header(key: str, lang: str) -> str:
    """A template column's header in the plan's language."""
    for k, en, sv in TEMPLATE:
        if k == key:
            return sv if lang == "sv" else en
    raise KeyError(key)
