"""What is one person's own: `mine` (my open follow-ups) and `reminders on|off`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Note, Reply, Section
from samverkan.text import CARD_LIMIT, esc
from samverkan.views import cards
from samverkan.vocabulary import ON_OFF


@dataclass(frozen=True)
class Mine:
    pass


@dataclass(frozen=True)
class Reminders:
    on: bool


def parse_mine(rest: list[str]) -> Mine:
    """`mine`."""
    return Mine()


def parse_reminders(rest: list[str]) -> Reminders:
    """`reminders on|off`."""
    if len(rest) != 1 or rest[0].casefold() not in ON_OFF:
        raise ParseError("error.reminders_usage", "reminders")
    return Reminders(ON_OFF[rest[0].casefold()])


def run_mine(u: Unit, cmd: Mine) -> Reply:
    """`mine`."""
    return mine(u)


def mine(u: Unit, lang: str | None = None) -> Reply:
    """A person's open follow-ups across their plans in this workspace."""
    ctx = u.ctx
    fus = u.tx.followups.open_of_user(ctx.team_id, ctx.user_id, limit=CARD_LIMIT)
    plans = {p.id: p for p in u.tx.plans.of_user(ctx.team_id, ctx.user_id)}
    here = u.maybe_plan
    # A personal surface follows the person (chosen, or Slack's locale), then the plan here.
    fallback = here.language if here else None
    fallback = fallback or (next(iter(plans.values())).language if plans else None)
    lang = lang or u.d.personal_language(
        u.tx, ctx.team_id, ctx.user_id, fallback or u.d.default_language
    )
    if not fus:
        text = t(lang, "mine.none")
        return Reply(text, [Section("🎉 " + text)], lang=lang)
    total = len(fus)
    if total == CARD_LIMIT:
        total = u.tx.followups.count_open_of_user(ctx.team_id, ctx.user_id)
    title = t(lang, "mine.title", n=total)
    items: list[Item] = [Header(title)]
    shown = 0
    for pid in dict.fromkeys(f.plan_id for f in fus):
        plan = plans[pid]
        group = [f for f in fus if f.plan_id == pid]
        room = max(CARD_LIMIT - shown, 0)
        if room == 0:
            break  # no cards left to show: no plan header without cards
        if len(plans) > 1:
            items.append(Section(f"*{esc(plan.name)}*"))
        items.extend(cards(u, plan, group[:room], "mine", with_assignee=False, lang=lang))
        shown += min(len(group), room)
    if shown < total:
        # No command lists the rest: they come up as the ones shown are done.
        items.append(Note(t(lang, "mine.more", n=total - shown)))
    fallback = title + "\n" + "\n".join(f"{f.ref} {esc(f.text, 80)}" for f in fus[:20])
    return Reply(fallback, items, lang=lang)


def run_reminders(u: Unit, cmd: Reminders) -> Reply:
    """Turn one's reminder messages on or off (in every plan)."""
    ctx = u.ctx
    before = u.tx.reminders.enabled(ctx.team_id, ctx.user_id)
    u.tx.reminders.set(ctx.team_id, ctx.user_id, cmd.on)
    u.audit(
        "settings",
        f"reminders:{ctx.user_id}",
        "reminders",
        before={"reminders": before},
        after={"reminders": cmd.on},
    )
    text = t(u.lang, "reminders.on" if cmd.on else "reminders.off", cmd=u.d.command)
    return Reply(text, [Section(text)], lang=u.lang)


declare_verb(Verb("mine", words=("mine", "mina"), parse=parse_mine, sv="mina"))
REMINDER_WORDS = ("reminders", "påminnelser", "paminnelser")
declare_verb(Verb("reminders", words=REMINDER_WORDS, parse=parse_reminders, sv="påminnelser"))
declare(
    Command(
        Mine,
        en="mine",
        sv="mina",
        access=Access.ANYONE,
        writes=False,
        run=run_mine,
        topic="mine",
        examples=("mine", "mina"),
    )
)
declare(
    Command(
        Reminders,
        en="reminders",
        sv="påminnelser",
        access=Access.ANYONE,
        writes=True,
        run=run_reminders,
        topic="reminders",
        examples=("reminders off", "påminnelser av"),
    )
)
