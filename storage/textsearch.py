"""Words for full-text search: Swedish and English word forms, `word*` prefixes, "quoted phrases".

Text is indexed and queries are read by the same functions here, so a word form found in the
text is found by any form typed. Every indexed term carries its plan's number (`12_belysning`):
the index holds each plan's words apart, so a search reads only that plan's part of it.

Three columns per item: `sv` and `en` hold each word's Swedish and English stem (Snowball,
with the Swedish definite forms Snowball leaves, `lampan`, `tunneln`, folded in), `words` the
words as typed (case-folded), for prefixes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: A word: letters and digits (an underscore separates, it joins plan and word in a term).
_WORD = re.compile(r"[^\W_]+")
#: A quoted phrase (straight or typographic quotes), a prefix, or a plain word.
_PART = re.compile(r'["”“„](?P<phrase>[^"”“„]*)["”“„]?|(?P<word>[^\s"”“„]+)')


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Any, Any]:
    """The Swedish and English Snowball stemmers, made at first use (snowballstemmer loads
    every language it has, which the bot's start need not wait for)."""
    import snowballstemmer

    return snowballstemmer.stemmer("swedish"), snowballstemmer.stemmer("english")


#: The most terms a query may have (a longer query is cut here).
MAX_TERMS = 12


def fold(text: str) -> str:
    """Text as it is compared: compatibility-normalised and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=100_000)
def stem_sv(word: str) -> str:
    """The Swedish stem of a folded word, with the definite forms Snowball keeps folded in."""
    if len(word) >= 6 and word.endswith("ena"):  # mötena → möten → möt (as möte, möten)
        word = word[:-1]
    s = str(_stemmers()[0].stemWord(word))
    if len(s) >= 5 and s.endswith("an"):  # lampan → lamp (as lampa, lampor)
        s = s[:-2]
    elif len(s) >= 5 and s.endswith("ln"):  # tunneln → tunnel
        s = s[:-1]
    if len(s) >= 5 and s.endswith("el") and s[-3] not in "aeiouyåäöl":
        s = s[:-2] + "l"  # tunnel, tunnlar → tunnl; cykel, cyklar → cykl
    return s


@lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    """The English (Porter2) stem of a folded word."""
    return str(_stemmers()[1].stemWord(word))


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of a text: start, end and the folded word, in order."""
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def _folded_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def index_columns(plan_id: int, texts: list[str]) -> tuple[str, str, str]:
    """The `sv`, `en` and `words` columns of an item's index row."""
    ws = [w for text in texts for w in _folded_words(text)]
    p = f"{plan_id}_"
    return (
        " ".join(p + stem_sv(w) for w in ws),
        " ".join(p + stem_en(w) for w in ws),
        " ".join(p + w for w in ws),
    )


@dataclass(frozen=True)
class Term:
    """One thing a query asks for: a word (any form), a prefix, or a phrase (words in order)."""

    words: tuple[str, ...]
    prefix: bool = False

    def matches(self, word: str) -> bool:
        """Whether one folded word of a text answers this term (for showing it in bold)."""
        if self.prefix:
            return word.startswith(self.words[0])
        return any(stem_sv(word) == stem_sv(w) or stem_en(word) == stem_en(w) for w in self.words)


def parse_query(query: str) -> list[Term]:
    """The terms of a typed query; every term must match (operators are words like any other)."""
    terms: list[Term] = []
    for m in _PART.finditer(query):
        if m.group("phrase") is not None:
            ws = tuple(_folded_words(m.group("phrase")))
            if ws:
                terms.append(Term(ws))
            continue
        raw = m.group("word")
        ws = tuple(_folded_words(raw))
        if ws and raw.endswith("*") and len(ws) == 1:
            terms.append(Term(ws, prefix=True))
        elif len(ws) == 1 or ws:
            terms.append(Term(ws))
    return terms[:MAX_TERMS]


def match_expression(plan_id: int, terms: list[Term]) -> str:
    """The FTS5 query for terms in one plan's part of the index ('' when there are none)."""
    p = f"{plan_id}_"
    parts = []
    for term in terms:
        if term.prefix:
            parts.append(f'words : "{p}{term.words[0]}"*')
            continue
        sv = " ".join(p + stem_sv(w) for w in term.words)
        en = " ".join(p + stem_en(w) for w in term.words)
        parts.append(f'(sv : "{sv}" OR en : "{en}")')
    return " AND ".join(parts)


def matched_spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where in a text the words are that a query's terms match (start, end), for bold."""
    return [(s, e) for s, e, w in words(text) if any(t.matches(w) for t in terms)]
