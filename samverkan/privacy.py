"""Guards for text people type: no personal identity numbers, and no pings or forged mentions.

Nothing here knows about Slack's API; escaping follows Slack's documented mrkdwn rules.
"""

import re
import unicodedata
from calendar import monthrange

__all__ = ["contains_identity_number", "escape_mrkdwn"]

# Separators people use between the date and the last four digits. Besides the standard "-",
# "+" (100 years or older) and a space, this accepts "." "/" "_" and the dashes that word
# processors substitute, since numbers are often pasted from documents; up to two spaces may
# stand on either side of one ("850101 - 1234"). The text is also read NFKC-normalised, so
# full-width digits and dashes and non-breaking spaces count as their plain forms.
_SEPARATORS = "-+./_\u2010\u2011\u2012\u2013\u2014\u2212"
_SPACES = "[ \t]{0,2}"

# A lookahead wrapper makes finditer try every start position, so a near-miss cannot consume
# characters that a real number needs. [0-9] rather than \d: digits of other scripts are made
# ASCII first, and the digit lookarounds keep a longer run of digits (an account number, say)
# out. The separator needs six digits before it and four after, so dates such as 15/12/2026,
# times such as 08.00-09.00 and amounts such as 1 500 000 never match.
_CANDIDATE = re.compile(
    r"(?<![0-9])(?=("
    r"(?P<century>[0-9]{2})?"
    r"(?P<year>[0-9]{2})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
    rf"(?:{_SPACES}[{re.escape(_SEPARATORS)}]{_SPACES}|[ \t]{{1,2}})?"
    r"[0-9]{4}"
    r")(?![0-9]))"
)

# Samordningsnummer (coordination numbers) add 60 to the day of birth.
_COORDINATION_OFFSET = 60


def _is_plausible(century: str | None, yy: str, mm: str, dd: str) -> bool:
    month, day = int(mm), int(dd)
    if not 1 <= month <= 12:
        # Organisation numbers have a "month" of 20 or more, so they fall out here.
        return False
    if day > _COORDINATION_OFFSET:
        day -= _COORDINATION_OFFSET
    if day < 1:
        return False
    if century is None:
        # Ten digits leave the century open; 29 February only needs one leap candidate.
        years = [1900 + int(yy), 2000 + int(yy)]
    else:
        if century not in {"18", "19", "20"}:
            return False
        years = [int(century + yy)]
    return any(day <= monthrange(year, month)[1] for year in years)


def _ascii_digits(text: str) -> str:
    """Every decimal digit of any script (full-width, Arabic-Indic, …) as an ASCII digit."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c for c in text
    )


def _readings(text: str) -> set[str]:
    """The text NFKC-normalised (full-width digits, dashes and spaces made plain) in two ways,
    each with ASCII digits: once keeping superscript and circled digits ("No") as they are,
    since a footnote mark after a number ("¹") would otherwise lengthen it and hide it; once
    normalising those too, for a number written in them."""
    if text.isascii():
        return {text}
    keep_marks = "".join(
        c if unicodedata.category(c) == "No" else unicodedata.normalize("NFKC", c) for c in text
    )
    return {_ascii_digits(keep_marks), _ascii_digits(unicodedata.normalize("NFKC", text))}


def contains_identity_number(text: str) -> bool:
    """Tell whether text holds something that looks like a personnummer or samordningsnummer."""
    # The Luhn check digit is deliberately ignored: a mistyped number still identifies a
    # person, and refusing a few lookalikes (e.g. 0701234567 typed without separators) is
    # the price of never storing a real one.
    for reading in _readings(text):
        for match in _CANDIDATE.finditer(reading):
            if _is_plausible(match["century"], match["year"], match["month"], match["day"]):
                return True
    return False


_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)


def escape_mrkdwn(text: str) -> str:
    """Escape user text for mrkdwn so it shows as typed and can never ping or forge a mention."""
    # "&" first, or the entities produced below would be escaped twice.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A zero-width space after "@" keeps bare @channel/@here/@everyone visible but inert,
    # should any client or future Slack change treat them as broadcasts.
    return _BROADCAST.sub("@\u200b", escaped)
