"""`import <path> [confirm]` (console): a plan in the council's template read from a file; a
preview first, then, confirmed, one transaction (DESIGN §10)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.files.importing import Outcome, run_import
from samverkan.files.reading import FileError, Line, read_lines
from samverkan.i18n import t
from samverkan.parsing import ParseError, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, Header, Reply, Section
from samverkan.text import esc

CONFIRM_WORDS = ("confirm", "bekräfta", "bekrafta")
#: How many problems a preview lists one by one.
SHOWN_PROBLEMS = 30


@dataclass(frozen=True)
class Import:
    path: str = ""
    confirm: bool = False


def parse_import(rest: list[str]) -> Import:
    """`import <path> [confirm]`; `import` alone opens the form in Slack."""
    words = list(rest)
    confirm = bool(words) and words[-1].casefold() in CONFIRM_WORDS
    if confirm:
        words = words[:-1]
    if confirm and not words:
        raise ParseError("error.import_usage", "import")
    return Import(unquote(" ".join(words)), confirm)


def lines_of(name: str, content: bytes) -> list[Line]:
    """The rows of a file, or a refusal saying why it is no plan."""
    try:
        return read_lines(name, content)
    except FileError as e:
        raise UserError(e.key, topic="import", field="file") from None


def _lines(u: Unit, path: str) -> list[Line]:
    if u.ctx.surface != "console":
        raise UserError("error.import_in_slack", topic="import")
    try:
        content = Path(path).expanduser().read_bytes()
    except OSError:
        raise UserError("error.import_no_file", topic="import", path=esc(path, 200)) from None
    return lines_of(path, content)


def outcome_lines(lang: str, out: Outcome) -> list[str]:
    """What an import does, a line each: causes, organisations, activities, problems."""
    lines = []
    if out.causes:
        lines.append(
            t(
                lang,
                "import.causes",
                n=len(out.causes),
                names="; ".join(esc(c, 80) for c in out.causes),
            )
        )
    if out.organisations:
        named = ", ".join(
            f"{esc(n, 60)} ({t(lang, 'import.row', row=r)})" for n, r in out.organisations.items()
        )
        lines.append(t(lang, "import.organisations", n=len(out.organisations), names=named))
    if out.created:
        lines.append(
            t(
                lang,
                "import.created",
                n=len(out.created),
                names="; ".join(esc(c, 60) for c in out.created[:20]),
            )
        )
    if out.updated:
        lines.append(t(lang, "import.updated", n=len(out.updated), refs=", ".join(out.updated)))
    if out.unchanged:
        lines.append(t(lang, "import.unchanged", n=out.unchanged))
    for text in out.problems[:SHOWN_PROBLEMS]:
        lines.append("⚠️ " + text)
    if len(out.problems) > SHOWN_PROBLEMS:
        lines.append(t(lang, "import.more_problems", n=len(out.problems) - SHOWN_PROBLEMS))
    return lines


def run_import_command(u: Unit, cmd: Import) -> Reply:
    """The preview, or (confirmed) the import in this unit of work; in Slack, the form."""
    if not cmd.path:
        if u.ctx.surface == "console":
            raise UserError("error.import_usage", topic="import")
        text = t(u.plan.language, "help.import", cmd=u.d.command)
        return Reply(
            text,
            [Section(text)],
            lang=u.plan.language,
            plan_id=u.plan.id,
            effects=(Effect.open_form("import"),),
        )
    reply, _ = answer(u, _lines(u, cmd.path), cmd.path, confirm=cmd.confirm)
    return reply


def answer(
    u: Unit,
    rows: list[Line],
    path: str,
    *,
    confirm: bool,
    organisations: set[str] | None = None,
) -> tuple[Reply, list[str]]:
    """What importing the rows does (the preview), or does it; and the organisations it makes."""
    lang = u.plan.language
    out = run_import(u, rows, apply=confirm, organisations=organisations)
    lines = outcome_lines(lang, out)
    nothing = not (out.causes or out.organisations or out.created or out.updated)
    if confirm:
        head = t(lang, "import.done" if not nothing else "import.nothing")
        text = "\n".join([head, *lines])
        if nothing:
            return Reply(text, [Section(text)], lang=lang), []
        return u.changed("import.done_channel", summary="\n".join(lines)), []
    head = t(lang, "import.preview_title", path=esc(Path(path).name, 100))
    if nothing:
        hint = t(lang, "import.nothing")
    elif u.ctx.surface == "console":
        hint = t(lang, "import.confirm_hint", cmd=u.d.command, path=path)
    else:  # the form says how to go on
        hint = ""
    text = "\n".join([*lines, hint]).strip()
    reply = Reply(text, [Header(head[:150]), Section(text[:2900])], lang=lang)
    return reply, list(out.organisations)


declare_verb(Verb("import", words=("import", "importera"), parse=parse_import, sv="importera"))
declare(
    Command(
        Import,
        en="import",
        sv="importera",
        access=Access.COORDINATOR,
        writes=lambda cmd: cmd.confirm,
        run=run_import_command,
        topic="import",
        what="import",
        examples=("import plan.xlsx", "importera plan.xlsx bekräfta"),
    )
)
