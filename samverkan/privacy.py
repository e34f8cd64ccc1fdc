"""Guards for text people type: no personal identity numbers, and no pings or forged mentions.

Nothing here knows about Slack's API; escaping follows Slack's documented mrkdwn rules.
"""

import re
from calendar import monthrange

__all__ = ["contains_identity_number", "escape_mrkdwn"]

# Separators people use between the date and the last four digits. Besides the standard "-",
# "+" (100 years or older) and a space, this accepts the dashes and non-breaking spaces that
# word processors substitute, since numbers are often pasted from documents.
_SEPARATORS = "-+ \u00a0\u202f\u2010\u2011\u2012\u2013\u2014\u2212"

# A lookahead wrapper makes finditer try every start position, so a near-miss cannot consume
# characters that a real number needs. [0-9] rather than \d: only ASCII digits are meant, and
# the digit lookarounds keep a longer run of digits (an account number, say) out.
_CANDIDATE = re.compile(
    r"(?<![0-9])(?=("
    r"(?P<century>[0-9]{2})?"
    r"(?P<year>[0-9]{2})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
    rf"[{re.escape(_SEPARATORS)}]?"
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


def contains_identity_number(text: str) -> bool:
    """Tell whether text holds something that looks like a personnummer or samordningsnummer."""
    # The Luhn check digit is deliberately ignored: a mistyped number still identifies a
    # person, and refusing a few lookalikes (e.g. 0701234567 typed without separators) is
    # the price of never storing a real one.
    for match in _CANDIDATE.finditer(text):
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
