"""The report in a few lines of chat: the same figures in words, the charts' text alternative."""

from __future__ import annotations

from samverkan.i18n import t
from samverkan.indicators import number
from samverkan.production import hours_text
from samverkan.report.figures import Figures
from samverkan.report.words import STATUSES, category_name, rag_name, status_name
from samverkan.text import esc

#: Categories, hotspots and indicators named in chat; the document has them all.
NAMED = 3


def summary_lines(f: Figures) -> list[str]:
    """The summary's lines (mrkdwn; user text escaped)."""
    lang = f.plan.language
    states = ", ".join(
        f"{status_name(lang, s)} {f.status_end[s]}" for s in STATUSES if f.status_end.get(s)
    )
    rags = ", ".join(
        f"{rag_name(lang, r)} {f.rag_end[r]}"
        for r in ("green", "amber", "red", "none")
        if f.rag_end.get(r)
    )
    p = f.production
    lines = [
        "• "
        + t(lang, "report.chat_activities", n=f.activities, states=states or "—", rags=rags or "—"),
        "• "
        + t(
            lang,
            "report.sum_production",
            n=p.entries,
            participants=p.participants,
            hours=hours_text(lang, p.hours),
        ),
        "• "
        + t(
            lang,
            "report.sum_followups",
            n=f.followups_done,
            on_time=f.followups_on_time,
            assigned=f.followups_assigned,
        ),
    ]
    s = f.situation
    line = t(lang, "report.sum_observations", n=s.total)
    if s.by_month:
        most = ", ".join(
            f"{category_name(lang, c)} ({sum(v)})" for c, v in list(s.by_month.items())[:NAMED]
        )
        line += " " + t(lang, "report.chat_most", most=most)
    if s.hotspots:
        spots = ", ".join(f"{esc(p)} ({n})" for p, n, _ in s.hotspots[:NAMED])
        line += " " + t(lang, "report.chat_hotspots", places=spots)
    lines.append("• " + line)
    shown = [pr for c in f.causes for a in c.activities for pr in a.indicators]
    for pr in shown[:NAMED]:
        i = pr.indicator
        text = f"{i.activity_ref} {esc(i.name)}: {number(lang, i.baseline)} → {number(lang, pr.latest[1])}"
        if i.target is not None:
            text += " " + t(lang, "report.chat_target", target=number(lang, i.target))
        lines.append("• " + t(lang, "report.effect") + ": " + text)
    if len(shown) > NAMED:
        lines.append("• " + t(lang, "report.chat_more_indicators", n=len(shown) - NAMED))
    return lines
