"""`org add <name> <kind?>`: is the last word a kind, or part of the name? Ask rather than guess."""

from __future__ import annotations

from samverkan.parsing import ParseError, Word
from samverkan.suggest import nearest
from samverkan.vocabulary import KINDS


def kind_like(word: str) -> bool:
    """Whether the last word of an organisation's name may be a kind rather than its name."""
    # Names are written with capitals ("Polisen Järva"); a last word in lower case that is no
    # kind may be a kind mistyped or one we do not know ("council"), or part of the name.
    return len(word) >= 3 and word.isalpha() and word.islower() and word.casefold() not in KINDS


def _other(typed: str) -> str:
    """ "other" in the language the command was typed in ("aktör ny …" → "övrigt")."""
    swedish = {"aktör", "aktor", "ny", "nytt", "lägg", "till", "skapa"}
    return "övrigt" if swedish & set(typed.casefold().split()) else "other"


def refuse_kind_or_name(words: list[str]) -> None:
    """Ask whether the last word is the kind (the nearest kind offered) or part of the name."""
    first = words[0]
    # The command as typed up to the name ("org add ", "aktör ny ").
    typed = first.source[: first.start] if isinstance(first, Word) else "org add "
    near = nearest(words[-1], [k for k in KINDS if " " not in k], limit=1)
    head = " ".join(words[:-1])
    raise ParseError(
        "error.org_kind_or_name",
        "",
        {
            "word": words[-1][:40],
            "as_kind": f"{typed}{head} {near[0] if near else _other(typed)}"[:200],
            "as_name": f'{typed}"{" ".join(words)}"'[:200],
        },
    )
