"""The observation form (DESIGN §9) as plain values: what it offers, and what a submission
stores. Opened by `observe` without words, the round's *Report an observation*, the App Home's
button and the "Report as observation" message shortcut; every field passes the same checks as
the typed command (`samverkan.commands.observe.add_observation`), including the guards of §6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samverkan.commands.observe import add_observation
from samverkan.context import Context, UserError
from samverkan.domain import Domain
from samverkan.est_words import CATEGORIES, CONCERNS, TIME_BANDS
from samverkan.registry import Access
from samverkan.reply import Reply
from samverkan.round import RoundMessage, after_report
from samverkan.situation import Week, week_of
from storage import Plan

#: Slack's static select holds at most 100 options.
MAX_PLACES = 100


@dataclass(frozen=True)
class ObserveForm:
    lang: str
    plan_id: int
    channel_id: str
    today: date
    places: list[str]
    categories: tuple[str, ...] = CATEGORIES
    bands: tuple[str, ...] = TIME_BANDS
    concerns: tuple[str, ...] = CONCERNS
    #: Whether the person may name a new place (coordinators).
    may_add_place: bool = False
    text: str = ""
    permalink: str | None = None
    #: Opened from the round's message: its source is "round" and the answer is recorded.
    from_round: bool = False


def open_observe_form(
    d: Domain,
    ctx: Context,
    *,
    plan_id: int | None = None,
    text: str = "",
    permalink: str | None = None,
    from_round: bool = False,
) -> ObserveForm | Reply:
    """The form for the plan of the channel (or the one a button names, or the person's first
    plan from App Home), or a refusal when the person is not a member there."""
    try:
        with d.store.read() as tx:
            plan: Plan | None
            if plan_id is not None:
                plan = tx.plans.get(plan_id)
                if plan is None or plan.team_id != ctx.team_id:
                    raise UserError("error.no_plan", topic="setup")
            elif ctx.channel_id:
                plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
                if plan is None:
                    raise UserError("error.no_plan", topic="setup")
            else:
                mine = [
                    p
                    for p in tx.plans.of_user(ctx.team_id, ctx.user_id)
                    if tx.members.get(p.id, ctx.user_id)
                ]
                if not mine:
                    raise UserError("modal.no_member_plans")
                plan = mine[0]
            me = d.require(tx, plan, ctx, Access.MEMBER, "observe")
            places = [p.name for p in tx.places.of_plan(plan.id)][:MAX_PLACES]
            return ObserveForm(
                lang=plan.language,
                plan_id=plan.id,
                channel_id=plan.channel_id,
                today=d.today(plan),
                places=places,
                may_add_place=bool(me and me.is_coordinator),
                text=text,
                permalink=permalink,
                from_round=from_round,
            )
    except UserError as e:
        return d.error_reply(d.language_for(ctx), e)


@dataclass(frozen=True)
class Submitted:
    """A stored observation: the reply for the channel, and the round's DM to update."""

    reply: Reply
    dm_channel: str | None = None
    dm_ts: str | None = None
    dm_message: RoundMessage | None = None
    week: Week | None = None


def submit_observation(
    d: Domain,
    ctx: Context,
    plan_id: int,
    *,
    category: str | None,
    text: str,
    place: str | None = None,
    new_place: str | None = None,
    on: date | None = None,
    band: str | None = None,
    concern: str | None = None,
    permalink: str | None = None,
    from_round: bool = False,
) -> Submitted:
    """Store what the form submitted, or raise UserError naming the field at fault."""
    if category not in CATEGORIES:
        raise UserError("error.observe_pick_category", field="category")
    if band is not None and band not in TIME_BANDS:
        raise UserError("error.observe_pick_category", field="band")
    if concern is not None and concern not in CONCERNS:
        raise UserError("error.observe_pick_category", field="concern")
    if place and new_place:
        raise UserError("error.observe_two_places", field="new_place")
    source = "round" if from_round else "message" if permalink else "modal"
    with d.unit(ctx, writes=True, access=Access.MEMBER, what="observe", plan_id=plan_id) as u:
        reply = add_observation(
            u,
            category=category,
            text=text,
            place=place or new_place or None,
            on=on,
            band=band,
            concern=concern,
            source=source,
            permalink=permalink,
        )
        dm = after_report(u, reply_ref(reply)) if from_round else (None, None, None)
        week = week_of(u.today)
    return Submitted(reply, *dm, week=week)


def reply_ref(reply: Reply) -> str:
    """The H-ref a confirmation names (`*H12* reported by …`)."""
    return reply.text.split("*", 2)[1] if reply.text.startswith("*") else ""
