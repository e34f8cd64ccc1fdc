"""What `activity A#` shows of its follow-up: production summed per organisation (entries,
participants, hours) and effect (each indicator: baseline → latest against its target)."""

from __future__ import annotations

from datetime import date

from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.indicators import progress, progress_line
from samverkan.production import hours_text, total
from samverkan.reply import Item, Section
from samverkan.text import esc
from storage import Activity
from storage.log_models import Production

#: Organisations listed under an activity's production; the rest are in the total.
MAX_ORGS = 8
_EVER = (date(1900, 1, 1), date(9999, 12, 31))


def summary(lang: str, p: Production) -> str:
    """`14 entries · 120 participants · 36 h`."""
    return t(
        lang,
        "production.summary",
        n=p.entries,
        participants=p.participants,
        hours=hours_text(lang, p.hours),
    )


def followup_items(u: Unit, a: Activity) -> list[Item]:
    """The activity's production per organisation and its indicators, as sections."""
    lang = u.plan.language
    items: list[Item] = []
    rows = u.tx.logs.production(u.plan.id, *_EVER, activity_id=a.id)
    if rows:
        lines = [f"*{t(lang, 'production.title')}*: {summary(lang, total(rows))}"]
        if len(rows) > 1:
            for r in rows[:MAX_ORGS]:
                org = esc(r.organisation) if r.organisation else t(lang, "production.no_org")
                lines.append("• " + t(lang, "production.by_org", org=org, summary=summary(lang, r)))
        items.append(Section("\n".join(lines)))
    found = u.tx.indicators.of_activity(a.id)
    if found:
        lines = [f"*{t(lang, 'indicator.title')}*"]
        for i in found:
            p = progress(i, u.tx.indicators.values(i.id))
            lines.append("• " + progress_line(lang, p, u.today))
        items.append(Section("\n".join(lines)))
    return items
