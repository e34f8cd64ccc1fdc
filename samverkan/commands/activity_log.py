"""Every log entry of one activity, a page at a time: `activity A# log [<page>]`
(`aktivitet A# logg [<sida>]`), where the digest's and `activity A#`'s "…and N more" lead."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.registry import Access, Command, declare
from samverkan.reply import Header, Item, Reply, Section
from samverkan.text import clip, esc
from samverkan.views import log_line

#: The words after `activity A#` that page through its log.
LOG_WORDS = ("log", "logg", "loggen", "insatser")
#: Entries per page.
LOG_PAGE = 40


@dataclass(frozen=True)
class ActivityLog:
    number: int
    page: int = 1


def parse_activity_log(number: int, rest: list[str]) -> ActivityLog:
    """The words after `activity A# log`: nothing or a page number."""
    if not rest:
        return ActivityLog(number)
    if len(rest) == 1 and rest[0].isdigit() and 1 <= int(rest[0]) <= 100_000:
        return ActivityLog(number, int(rest[0]))
    raise ParseError("error.activity_log_usage", "activity")


def run_activity_log(u: Unit, cmd: ActivityLog) -> Reply:
    """One page of an activity's log, newest first, and where the next page is."""
    plan, lang = u.plan, u.plan.language
    a = u.activity(cmd.number)
    entries, total = u.tx.logs.of_activity(
        plan.id, a.id, limit=LOG_PAGE, offset=(cmd.page - 1) * LOG_PAGE
    )
    title = t(lang, "activity.log_title", ref=a.ref, title=clip(a.title, 100), n=total)
    if not entries:
        text = t(lang, "activity.log_none", ref=a.ref, pages=max(1, -(-total // LOG_PAGE)))
        return Reply(text, [Section(text)], lang=lang)
    lines = [log_line(u.d, plan, e, with_activity=False) for e in entries]
    items: list[Item] = [Header(title[:150]), *u.d.lines(lang, lines, "activity", LOG_PAGE)]
    shown = (cmd.page - 1) * LOG_PAGE + len(entries)
    if shown < total:
        items.append(u.d.more(lang, total - shown, f"activity {a.ref} log {cmd.page + 1}"))
    return Reply(f"{esc(title)}\n" + "\n".join(lines)[:3800], items, lang=lang)


declare(
    Command(
        ActivityLog,
        en="",  # typed as `activity A# log`: the activity verb's
        sv="",
        access=Access.PLAN,
        writes=False,
        run=run_activity_log,
        topic="activity",
        examples=("activity A1 log 2", "aktivitet A1 logg"),
    )
)
