"""The digest's log part (DESIGN §4, part 4): every entry of the week while the message has room.

Entries are grouped by activity (the busiest first, those without an activity last) and listed
newest first within their group. The part has a budget of sections (what the rest of the digest
leaves of Slack's 50 blocks); lines are added until it is spent, and every group that could not
show all its entries ends with "…and N more" and the command that pages through them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from samverkan.dates import format_date
from samverkan.i18n import t
from samverkan.reply import Section
from samverkan.text import SECTION_CHARS, esc, mention, more_text
from storage import LogEntry, LogGroup, LogSummary, Tx

if TYPE_CHECKING:
    from samverkan.digest_text import DigestData

#: The most sections the log part takes, however much room the digest has.
LOG_SECTIONS = 8
#: Entries read at a time while the part has room.
ENTRY_PAGE = 50


@dataclass(frozen=True)
class PeriodLog:
    """A period's log counted, its entries and organisations read as the part shows them, in
    the unit of work the digest is built in (a week of thousands reads only what fits)."""

    tx: Tx
    plan_id: int
    start: date
    end: date
    summary: LogSummary

    @classmethod
    def read(cls, tx: Tx, plan_id: int, start: date, end: date) -> PeriodLog:
        """The log of `start` to `end` inclusive, counted."""
        return cls(tx, plan_id, start, end, tx.logs.period_summary(plan_id, start, end))

    def entries(self, group: LogGroup, offset: int, limit: int) -> list[LogEntry]:
        """A group's entries, newest first, `limit` of them after the first `offset`."""
        return self.tx.logs.between(
            self.plan_id,
            self.start,
            self.end,
            activity_id=group.activity_id,
            no_activity=group.activity_id is None,
            limit=limit,
            offset=offset,
        )

    def organisations(self, group: LogGroup, limit: int) -> list[tuple[str, int]]:
        """The organisations that logged most in a group, with their entries (ties: latest)."""
        return self.tx.logs.period_organisations(
            self.plan_id, self.start, self.end, group.activity_id, limit
        )


def log_part(d: DigestData, command: str, sections: int) -> list[Section]:
    """The week's log in at most `sections` sections."""
    lang, week = d.plan.language, d.log
    summary = week.summary
    if not summary.entries:
        return [
            Section(
                f"*{t(lang, 'digest.logged_title')}*\n" + t(lang, "digest.logged_none", cmd=command)
            )
        ]
    head = f"*{t(lang, 'digest.logged_title')}* — " + t(
        lang, "digest.logged_count", n=summary.entries, orgs=summary.organisations
    )
    order = sorted(
        summary.groups,
        key=lambda g: (g.activity_id is None, -g.entries, int((g.activity_ref or "A0")[1:])),
    )
    budget = _Budget(max(1, sections), head)
    for n, group in enumerate(order):
        heading = _heading(d, group)
        # Room for this group's heading, one entry and its "…and N more", and the last line.
        if not budget.fits(heading, 3 * 200):
            hidden = sum(g.entries for g in order[n:])
            budget.force(more_text(lang, hidden, command, "activity list"))
            break
        budget.add(heading)
        # Only the entries that fit are read, a page at a time, newest first.
        shown = 0
        while shown < group.entries:
            page = week.entries(group, shown, ENTRY_PAGE)
            for e in page:
                line = _entry(d, e)
                if not budget.fits(line, 400):
                    more_cmd = (
                        f"activity {group.activity_ref} log"
                        if group.activity_id is not None
                        else "search <words>"
                    )
                    left = group.entries - shown
                    budget.force("    " + more_text(lang, left, command, more_cmd))
                    shown = group.entries
                    break
                budget.add(line)
                shown += 1
            if not page:
                break
    return budget.sections()


def _heading(d: DigestData, group: LogGroup) -> str:
    lang = d.plan.language
    count = t(lang, "digest.entries", n=group.entries)
    if group.organisations > 1:
        who = d.log.organisations(group, 4)
        orgs_part = ", ".join(f"{esc(o, 60)} {n}" for o, n in who)
        count += f" ({orgs_part}{', …' if group.organisations > 4 else ''})"
    if group.activity_id is None:
        name = f"*{t(lang, 'digest.no_activity')}*"
    else:
        name = f"*{group.activity_ref}* {esc(group.activity_title or '', 80)}"
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
