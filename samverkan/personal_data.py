"""Personal data other than identity numbers (DESIGN §6 "Other personal data").

Text that looks like it names or locates an individual is not stored at once: a street address
with a number, a postcode with a town, a person's age, a private e-mail address, or a first
name followed by a surname. `findings` says what looked personal; the names of the plan's
organisations and places never count.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_STREET_WORDS = (
    "gatan|gata|vägen|väg|gränd|gränden|stigen|backen|allén|allé|leden|torget|torg|"
    "platsen|plan|liden|slingan|vägen|bron"
)
_ADDRESS = re.compile(
    rf"\b[A-ZÅÄÖ][\wåäöéü-]*(?:{_STREET_WORDS})\s+\d{{1,4}}\s?[A-Za-z]?\b"
    r"|\b\d{1,4}\s+[A-Z][a-z]+\s+(?:Street|Road|Avenue|Lane|Drive)\b"
)
_POSTCODE = re.compile(r"\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäöé]+")
# "15 år" is a person's age unless it is a stretch of time ("i 15 år", "sedan 20 år").
_AGE = re.compile(
    r"\b\d{1,3}\s?-?\s?(?:åring|åriga?|års?ålder)\b"
    r"|(?<!\bi )(?<!\bpå )(?<!\bför )(?<!\bsedan )(?<!\bunder )(?<!\bom )(?<!\befter )"
    r"(?<!\bvarje )(?<!\bper )\b\d{1,3}\s?år\b(?!\s?(?:sedan|till|framåt|bakåt|i rad))"
    r"|\baged?\s\d{1,3}\b|\b\d{1,3}[\s-]years?[\s-]old\b|\b\d{1,3}\s?(?:yo|y/o)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b")
#: Free mail providers: an address there belongs to a person, not an organisation.
PRIVATE_MAIL = {
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.se",
    "outlook.com",
    "outlook.se",
    "live.com",
    "live.se",
    "msn.com",
    "yahoo.com",
    "yahoo.se",
    "icloud.com",
    "me.com",
    "telia.com",
    "spray.se",
    "bredband.net",
    "bahnhof.se",
    "comhem.se",
    "tele2.se",
    "protonmail.com",
    "proton.me",
    "passagen.se",
    "glocalnet.net",
    "swipnet.se",
    "aol.com",
    "gmx.com",
}
#: Free mail brands, whatever the country's domain (yahoo.de, hotmail.co.uk).
PRIVATE_BRANDS = {"gmail", "hotmail", "yahoo", "outlook", "live", "icloud", "gmx", "aol", "msn"}
_WORD = re.compile(r"[A-ZÅÄÖÉ][a-zåäöéüæø]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?")


@lru_cache(maxsize=1)
def names() -> tuple[frozenset[str], frozenset[str]]:
    """Common first names and surnames (samverkan/names.txt)."""
    first: set[str] = set()
    last: set[str] = set()
    part = first
    text = resources.files("samverkan").joinpath("names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line in ("[first]", "[last]"):
            part = first if line == "[first]" else last
            continue
        part.add(line)
    return frozenset(first), frozenset(last)


@dataclass(frozen=True)
class Finding:
    """Something that looked personal: its kind (address, postcode, age, email, name) and
    the words."""

    kind: str
    words: str


def _without(text: str, allowed: list[str]) -> str:
    """The text with the plan's own names blanked out, longest first."""
    for name in sorted(allowed, key=len, reverse=True):
        if len(name) >= 2:
            text = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.I)
    return text


def _person_names(text: str) -> list[str]:
    first, last = names()
    found = []
    words = list(_WORD.finditer(text))
    for a, b in itertools.pairwise(words):
        gap = text[a.end() : b.start()]
        if gap != " " or text[b.end() : b.end() + 1] == "-":  # "Anna Lindh-skolan"
            continue
        given, family = a.group(0), b.group(0)
        if (given in first or given.split("-")[0] in first) and (
            family in last or family.split("-")[0] in last or family.endswith("sson")
        ):
            found.append(f"{given} {family}")
    return found


def findings(text: str, allowed: list[str] | tuple[str, ...] = ()) -> list[Finding]:
    """What in a text looks like it names or locates an individual, in the order found."""
    text = _without(text, list(allowed))
    out: list[Finding] = []
    out += [Finding("address", m.group(0).strip()) for m in _ADDRESS.finditer(text)]
    out += [Finding("postcode", m.group(0).strip()) for m in _POSTCODE.finditer(text)]
    out += [Finding("age", m.group(0).strip()) for m in _AGE.finditer(text)]
    out += [
        Finding("email", m.group(0))
        for m in _EMAIL.finditer(text)
        if m.group(1).casefold() in PRIVATE_MAIL
        or m.group(1).casefold().split(".")[0] in PRIVATE_BRANDS
    ]
    out += [Finding("name", n) for n in _person_names(text)]
    return out
