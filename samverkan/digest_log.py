"""The digest's log part (DESIGN §4, part 4): every entry of the week while the message has room.

Entries are grouped by activity (the busiest first, those without an activity last) and listed
newest first within their group. The part has a budget of sections (what the rest of the digest
leaves of Slack's 50 blocks); lines are added until it is spent, and every group that could not
show all its entries ends with "…and N more" and the command that pages through them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from samverkan.dates import format_date
from samverkan.i18n import t
from samverkan.reply import Section
from samverkan.text import SECTION_CHARS, esc, mention, more_text
from storage import LogEntry

if TYPE_CHECKING:
    from samverkan.digest_text import DigestData

#: The most sections the log part takes, however much room the digest has.
LOG_SECTIONS = 8


def log_part(d: DigestData, command: str, sections: int) -> list[Section]:
    """The week's log in at most `sections` sections."""
    lang = d.plan.language
    if not d.logs:
        return [
            Section(
                f"*{t(lang, 'digest.logged_title')}*\n" + t(lang, "digest.logged_none", cmd=command)
            )
        ]
    orgs = {e.organisation for e in d.logs if e.organisation}
    head = f"*{t(lang, 'digest.logged_title')}* — " + t(
        lang, "digest.logged_count", n=len(d.logs), orgs=len(orgs)
    )
    groups: dict[int | None, list[LogEntry]] = {}
    for e in d.logs:  # newest first
        groups.setdefault(e.activity_id, []).append(e)
    order = sorted(
        groups,
        key=lambda k: (k is None, -len(groups[k]), int((groups[k][0].activity_ref or "A0")[1:])),
    )
    budget = _Budget(max(1, sections), head)
    for n, key in enumerate(order):
        entries = groups[key]
        # Room for this group's heading, one entry and its "…and N more", and the last line.
        if not budget.fits(_heading(d, key, entries), 3 * 200):
            hidden = sum(len(groups[k]) for k in order[n:])
            budget.force(more_text(lang, hidden, command, "activity list"))
            break
        budget.add(_heading(d, key, entries))
        for shown, e in enumerate(entries):
            line = _entry(d, e)
            if not budget.fits(line, 400):
                more_cmd = (
                    f"activity {entries[0].activity_ref} log"
                    if key is not None
                    else "search <words>"
                )
                budget.force("    " + more_text(lang, len(entries) - shown, command, more_cmd))
                break
            budget.add(line)
    return budget.sections()


def _heading(d: DigestData, key: int | None, entries: list[LogEntry]) -> str:
    lang = d.plan.language
    first = entries[0]
    who = Counter(e.organisation for e in entries if e.organisation)
    count = t(lang, "digest.entries", n=len(entries))
    if len(who) > 1:
        orgs_part = ", ".join(f"{esc(o, 60)} {n}" for o, n in who.most_common(4))
        count += f" ({orgs_part}{', …' if len(who) > 4 else ''})"
    if key is None:
        name = f"*{t(lang, 'digest.no_activity')}*"
    else:
        name = f"*{first.activity_ref}* {esc(first.activity_title or '', 80)}"
    return f"{name} — {count}"


def _entry(d: DigestData, e: LogEntry) -> str:
    source = esc(e.organisation, 60) if e.organisation else mention(e.user_id)
    day = format_date(e.happened_on, d.plan.language, d.today)
    return f"    • {day} {source}: {esc(e.text, 160)}"


class _Budget:
    """Lines packed into at most `limit` sections of SECTION_CHARS."""

    def __init__(self, limit: int, head: str) -> None:
        self.limit = limit
        self.done: list[str] = []
        self.chunk = [head]
        self.size = len(head)

    def _room(self) -> int:
        """Characters left in the current section and the sections still to open."""
        left = SECTION_CHARS - self.size - 1
        return left + (self.limit - len(self.done) - 1) * SECTION_CHARS

    def fits(self, line: str, reserve: int) -> bool:
        """Whether the line fits with `reserve` characters to spare."""
        return len(line) + reserve <= self._room()

    def add(self, line: str) -> None:
        """Add a line, opening the next section when this one is full."""
        if self.size + 1 + len(line) > SECTION_CHARS:
            self.done.append("\n".join(self.chunk))
            self.chunk, self.size = [], 0
        self.chunk.append(line)
        self.size += len(line) + 1

    def force(self, line: str) -> None:
        """Add a closing line (the reserve kept room for it)."""
        self.add(line)

    def sections(self) -> list[Section]:
        """The packed sections."""
        return [Section(text) for text in [*self.done, "\n".join(self.chunk)] if text]
