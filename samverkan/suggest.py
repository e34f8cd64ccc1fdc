"""“Did you mean”: the nearest command word or keyword to a typo, by edit distance.

Distances are optimal string alignment (rapidfuzz's `OSA`): a swapped pair of letters
(`stauts`) costs one, like a missing (`lgga`) or an extra one (`klart`). A suggestion is only
made when the corrected command parses, so it is ready to copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from samverkan.parsing import Word


def max_distance(word: str) -> int:
    """How many edits a typo of `word` may hold: one in a short word, two in a longer one."""
    return 1 if len(word) <= 5 else 2


def nearest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates within reach of `word`, nearest first (none for words under 3 letters)."""
    folded = word.casefold()
    if len(folded) < 3 or not folded.isalpha():
        return []
    found = process.extract(
        folded,
        list(candidates),
        scorer=OSA.distance,
        score_cutoff=max_distance(folded),
        limit=limit,
    )
    return [choice for choice, distance, _ in found if distance > 0]


def replace(words: list[str], index: int, new: str) -> str:
    """The typed text with one word replaced, the rest as it was typed."""
    word = words[index]
    if isinstance(word, Word):
        return word.source[: word.start] + new + word.source[word.end :]
    return " ".join([*words[:index], new, *words[index + 1 :]])


def correct(
    words: list[str],
    parses: Callable[[str], bool],
    vocabulary: Iterable[str],
    positions: Iterable[int],
) -> str | None:
    """The typed text with one word at one of `positions` corrected so that it parses."""
    known = set(vocabulary)
    for i in positions:
        if not 0 <= i < len(words) or words[i].casefold() in known:
            continue
        for candidate in nearest(words[i], known):
            text = replace(words, i, candidate)
            if parses(text):
                return text
    return None
