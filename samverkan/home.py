"""A person's App Home: Log and Report buttons, their open follow-ups across plans, their plans
at a glance (for coordinators with the week's round).

Domain only: it returns a Reply that blocks/home.py draws as a Home tab.
"""

from __future__ import annotations

from samverkan.context import Context
from samverkan.i18n import t
from samverkan.reply import Divider, Header, LogButton, Note, Reply, Section
from samverkan.round import round_status_line
from samverkan.rules import activity_late, late_if_due_before
from samverkan.service import Samverkan
from samverkan.text import activity_summary, clip, esc

#: How many plans the Home tab shows at a glance (each takes three blocks).
HOME_PLANS = 8
#: Slack's static select holds at most 100 options.
MAX_PICKED_PLANS = 100


def home(app: Samverkan, ctx: Context) -> Reply:
    """The Home tab of `ctx.user_id` in `ctx.team_id` (the channel is ignored)."""
    with app.store.read() as tx:
        plans = tx.plans.of_user(ctx.team_id, ctx.user_id)
        # A plan's status is for its members (DESIGN §6); someone who only holds a follow-up
        # in it sees that follow-up, not the plan.
        own = [p for p in plans if tx.members.get(p.id, ctx.user_id)]
        glance = [
            (
                p,
                tx.activities.of_plan(p.id),
                tx.followups.open_counts(p.id, late_if_due_before(app.today(p))),
            )
            for p in own[:HOME_PLANS]
        ]
        fallback = plans[0].language if plans else app.default_language
        lang = app.personal_language(tx, ctx.team_id, ctx.user_id, fallback)
        now = app.clock()
        rounds = {
            p.id: round_status_line(tx, p, now)
            for p in own[:HOME_PLANS]
            if (m := tx.members.get(p.id, ctx.user_id)) is not None and m.is_coordinator
        }
    title = t(lang, "home.title")
    items: list = [Header(title)]
    if own:
        where = tuple((p.id, clip(p.name, 75)) for p in own[:MAX_PICKED_PLANS])
        items.append(LogButton(t(lang, "button.log"), t(lang, "button.report"), where))
    if not plans:
        items.append(Section(t(lang, "home.no_plans", cmd=app.command)))
        return Reply(title, items, lang=lang)
    mine = app.mine(Context(ctx.team_id, "", ctx.user_id, ctx.surface), lang)
    items.extend(mine.items)
    if own:
        items.append(Divider())
        items.append(Header(t(lang, "home.plans")))
    for plan, acts, (open_fus, late_fus) in glance:
        today = app.today(plan)
        late_acts = sum(1 for a in acts if activity_late(a, today))
        items.append(
            Section(
                t(
                    lang,
                    "home.plan_line",
                    name=esc(clip(plan.name, 150)),
                    channel=f"<#{plan.channel_id}>",
                )
            )
        )
        items.append(activity_summary(lang, acts, t(lang, "status.activities", n=len(acts))))
        items.append(Note(t(lang, "home.followups_line", n=open_fus, late=late_fus, a=late_acts)))
        if plan.id in rounds:
            items.append(Note(rounds[plan.id]))
    if len(own) > HOME_PLANS:
        items.append(Note(t(lang, "home.more_plans", n=len(own) - HOME_PLANS, cmd=app.command)))
    items.append(Note(t(lang, "home.footer", cmd=app.command)))
    return Reply(mine.text, items, lang=lang)
