"""Tests for samverkan.privacy: the identity-number guard and mrkdwn escaping."""

import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from samverkan.privacy import contains_identity_number, escape_mrkdwn


def luhn_digit(nine_digits: str) -> str:
    """Return the Luhn check digit Skatteverket uses for the last digit of a 10-digit number."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def test_luhn_helper_matches_known_numbers() -> None:
    # Skatteverket's textbook example and the samordningsnummer from the spec.
    assert luhn_digit("811218987") == "6"
    assert luhn_digit("701063239") == "1"


@pytest.mark.parametrize(
    "text",
    [
        # personnummer, valid Luhn, every form
        "811218-9876",
        "811218+9876",
        "8112189876",
        "811218 9876",
        "19811218-9876",
        "198112189876",
        "19811218 9876",
        "19811218+9876",
        # invalid Luhn: refused all the same
        "811218-9875",
        "8112189870",
        "198112189871",
        # samordningsnummer (day + 60)
        "701063-2391",
        "7010632391",
        "19701063-2391",
        "197010632391",
        "701063-2390",
        "811291-1234",  # 31 December + 60
        "800289-1234",  # 29 February 1980 + 60
        # leap days and century edges
        "000229-1234",  # 2000-02-29
        "20000229-1234",
        "20240229-1234",
        "960229-1234",  # 1996 or 2096
        "18991231-1234",  # 12-digit, century 18
        "20991231-1234",
        "010101-0000",
        # in running text, with punctuation around
        "Pnr 811218-9876 ska inte loggas",
        "(811218-9876)",
        "pnr:8112189876.",
        "A3 Kontakt med 19811218-9876 i dag",
        "first 12 then 811218-9876",
        "line one\n811218-9876\nline two",
        # separators pasted from word processors
        "811218–9876",  # en dash
        "811218\u00a09876",  # no-break space
        "811218\u22129876",  # minus sign
        # a valid number right after an organisation number-like run
        "556036-0793 och 811218-9876",
        # known lookalike: a mobile number typed without separators reads as 070123-4567
        "0701234567",
        # spaces around the separator, and the other separators people use
        "850101 - 1234",
        "850101 -1234",
        "850101- 1234",
        "850101  -  1234",
        "850101  1234",  # two spaces
        "850101\t1234",
        "850101 + 1234",
        "19850101 - 1234",
        "850101.1234",
        "850101 . 1234",
        "19850101.1234",
        "850101/1234",
        "19850101/1234",
        "850101_1234",
        "850101 – 1234",  # en dash with spaces
        "pnr 850101.1234, tack",
        "850101-1234¹",  # a footnote mark after it
        "850101-1234²⁾",
        "850101－1234²",  # a full-width dash and a footnote mark
        "８５０１０１－１２３４¹",
        "⁸⁵⁰¹⁰¹-¹²³⁴",  # superscript digits
        # full-width and other scripts' digits, and dashes that NFKC makes plain
        "８５０１０１－１２３４",
        "８５０１０１１２３４",
        "１９８５０１０１－１２３４",
        "850101\uff0d1234",  # full-width hyphen-minus
        "850101\u20111234",  # non-breaking hyphen
        "850101\u202f1234",  # narrow no-break space
        "٨٥٠١٠١-١٢٣٤",  # Arabic-Indic digits
        "８５０１０１ - １２３４",
    ],
)
def test_identity_numbers_are_detected(text: str) -> None:
    assert contains_identity_number(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nothing to see here",
        # organisation numbers: "month" 20 or more
        "556036-0793",
        "5560360793",
        "802002-4280",
        "8020024280",
        "212000-0142",
        "2120000142",
        "16556036-0793",  # with the 16 prefix used in some registers
        "165560360793",
        "Org.nr 556036-0793 (Volvo)",
        # ordinary numbers
        "2026",
        "1500000",
        "1 500 000 kr",
        "1500000000",  # month 00
        "2026-12-15",
        "20261215",
        "15/12/2026",
        "070-123 45 67",
        "08-123 456 78",
        "+46 70 123 45 67",
        "+46701234567",
        "0046701234567",
        "08:00",
        "08:00-17:00",
        "A12 F3",
        "L40",
        "SE45 5000 0000 0583 9825 7466",
        # implausible dates
        "811131-1234",  # 31 November
        "810229-1234",  # 29 February in 1981 and 2081
        "19000229-1234",  # 1900 was no leap year
        "811200-1234",  # day 00
        "811232-1234",  # day 32
        "811160-1234",  # day 60 is day 0 for a samordningsnummer
        "811192-1234",  # day 92 is 32
        "810289-1234",  # samordningsnummer for 29 February 1981
        "811318-9876",  # month 13
        "810018-9876",  # month 00
        # 12 digits with a century other than 18, 19, 20
        "17811218-9876",
        "218112189876",
        # longer or shorter digit runs are other things
        "8112189876543",
        "1198112189876",
        "811218-98765",
        "1811218-9876",
        "811218-987",
        "81121-9876",
        # two separators are not one
        "811218--9876",
        "811218-/9876",
        "811218   9876",  # three spaces
        "811218 -  - 9876",
        # a separator needs six digits before it and four after
        "15/12/2026",
        "15/12/2026 14/30",
        "1/12/2026",
        "2026/12/15",
        "08.00-09.00",
        "08.00 - 09.00",
        "kl. 08.00–09.00",
        "2026-12-15 1430",
        "2026-12-15 14.30",
        "1 500 000",
        "1.500.000 kr",
        "1_500_000",
        "Ärende KS 2026/1234",
        "dnr 2026/12345",
        # full-width organisation numbers and dates stay what they are
        "５５６０３６－０７９３",
        "２０２６－１２－１５",
        # a plausible date but digits in a longer run, after normalising
        "８１１２１８９８７６５",
    ],
)
def test_other_numbers_pass(text: str) -> None:
    assert contains_identity_number(text) is False


# Text around a number, never ending or starting in a digit, so the number stays separate.
_surrounding = st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20)
_separator = st.sampled_from(
    ["-", "+", " ", "", ".", "/", "_", " - ", "  ", "- ", " -", "\u2013", "\uff0d", "\u00a0"]
)


@given(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    st.booleans(),
    st.booleans(),
    _separator,
    st.integers(0, 9999),
    _surrounding,
    _surrounding,
)
def test_any_plausible_number_is_detected(
    born: date,
    twelve_digits: bool,
    coordination: bool,
    separator: str,
    last_four: int,
    before: str,
    after: str,
) -> None:
    day = born.day + 60 if coordination else born.day
    year = f"{born.year:04d}" if twelve_digits else f"{born.year % 100:02d}"
    number = f"{year}{born.month:02d}{day:02d}{separator}{last_four:04d}"
    assert contains_identity_number(f"{before}{number}{after}")


@given(
    st.integers(0, 99),
    st.one_of(st.integers(0, 0), st.integers(13, 99)),
    st.integers(0, 99),
    st.one_of(st.none(), st.integers(0, 99)),
    _separator,
    st.integers(0, 9999),
    _surrounding,
    _surrounding,
)
def test_numbers_without_a_month_pass(
    yy: int,
    month: int,
    day: int,
    century: int | None,
    separator: str,
    last_four: int,
    before: str,
    after: str,
) -> None:
    # Covers organisation numbers (month 20-99) and everything else with no valid month.
    prefix = "" if century is None else f"{century:02d}"
    number = f"{prefix}{yy:02d}{month:02d}{day:02d}{separator}{last_four:04d}"
    assert not contains_identity_number(f"{before}{number}{after}")


@given(st.text())
def test_guard_never_raises(text: str) -> None:
    assert contains_identity_number(text) in {True, False}


# "No" too: NFKC makes superscript and circled digits (², ①) plain digits.
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "No"))))
def test_text_without_digits_passes(text: str) -> None:
    assert not contains_identity_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("plain text", "plain text"),
        ("<!channel>", "&lt;!channel&gt;"),
        ("<!here>", "&lt;!here&gt;"),
        ("<!everyone>", "&lt;!everyone&gt;"),
        ("<!subteam^S123>", "&lt;!subteam^S123&gt;"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("<@U123|anna>", "&lt;@U123|anna&gt;"),
        ("<#C123|general>", "&lt;#C123|general&gt;"),
        ("<https://evil.example|click>", "&lt;https://evil.example|click&gt;"),
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("a < b > c & d", "a &lt; b &gt; c &amp; d"),
        ("&amp;", "&amp;amp;"),
        ("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"),
        ("@channel", "@\u200bchannel"),
        ("@here", "@\u200bhere"),
        ("@everyone", "@\u200beveryone"),
        ("@Channel please", "@\u200bChannel please"),
        ("hej @HERE!", "hej @\u200bHERE!"),
        ("<!here> and @here", "&lt;!here&gt; and @\u200bhere"),
        ("@anna", "@anna"),
        ("@channels", "@channels"),
        ("@herebefore", "@herebefore"),
        ("*bold* _it_ ~s~ `code`", "*bold* _it_ ~s~ `code`"),
        ("Möte på fritidsgården", "Möte på fritidsgården"),
    ],
)
def test_escape_mrkdwn(text: str, expected: str) -> None:
    assert escape_mrkdwn(text) == expected


def _unescape(escaped: str) -> str:
    # One pass, so "&amp;lt;" becomes "&lt;" and not "<".
    entities = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
    text = re.sub("&amp;|&lt;|&gt;", lambda m: entities[m[0]], escaped)
    return text.replace("@\u200b", "@")


@given(st.text())
def test_escaped_text_cannot_ping(text: str) -> None:
    escaped = escape_mrkdwn(text)
    assert "<" not in escaped
    assert ">" not in escaped
    assert re.search(r"@(channel|here|everyone)\b", escaped, re.IGNORECASE) is None


@given(st.text())
def test_escaping_loses_nothing(text: str) -> None:
    # A zero-width space in the input would be indistinguishable from the inserted one.
    assume("\u200b" not in text)
    assert _unescape(escape_mrkdwn(text)) == text


@given(st.text(alphabet=st.sampled_from("<>&@!channelhery |U123")))
def test_mention_like_text_cannot_ping(text: str) -> None:
    escaped = escape_mrkdwn(text)
    assert "<" not in escaped
    assert ">" not in escaped
    assert re.search(r"@(channel|here|everyone)\b", escaped, re.IGNORECASE) is None
