"""What Slack's interactive surfaces need from the domain: forms, button presses, redraws.

Plain values in, plain values out: nothing here sees a Slack payload or client. The Slack
handlers call these, and the rules (who may log, which activities are offered, what a
follow-up looks like after a click) stay in the domain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from samverkan import grammar as g
from samverkan.commands.forms import may_open_form, require_form
from samverkan.context import Context, UserError
from samverkan.i18n import t
from samverkan.parsing import FOLLOWUP_REF, ref_number
from samverkan.reply import FollowUpCard, Reply, Section
from samverkan.rules import is_ongoing
from samverkan.service import Samverkan
from samverkan.text import esc, mention
from storage import Plan, StoreError, Tx

log = logging.getLogger(__name__)

_PLAN_ID = re.compile(r"[0-9]{1,18}")

#: Slack's limit on the options of one static select (all option groups together).
MAX_OPTIONS = 100
FORM_KINDS = ("log", "follow", "activity")
#: What a follow-up button does: close it, or move its due date.
BUTTON_ACTIONS = {"done": None, "day": timedelta(days=1), "week": timedelta(days=7)}
#: Read-only commands whose ephemeral lists carry follow-up buttons and may be redrawn.
REDRAWABLE = (g.Mine, g.Overdue, g.Status, g.ActivityShow)


@dataclass(frozen=True)
class PlanOption:
    """A plan a form may be submitted to (its channel identifies it)."""

    channel_id: str
    name: str


@dataclass(frozen=True)
class ActivityOption:
    """An open activity a form offers."""

    channel_id: str
    ref: str
    title: str


@dataclass
class Form:
    """What a modal offers: its plan (or a choice of plans), activities, organisations."""

    kind: str
    lang: str
    today: date
    #: The plan's channel; None when the person chooses among `plans`.
    channel_id: str | None
    plans: list[PlanOption] = field(default_factory=list)
    activities: list[ActivityOption] = field(default_factory=list)
    #: Open activities left out to stay within Slack's 100 options.
    activities_hidden: int = 0
    organisations: list[str] = field(default_factory=list)
    own_organisation: str | None = None


def open_form(app: Samverkan, ctx: Context, kind: str) -> Form | Reply:
    """The form `kind` for a person: in a plan's channel, or (no channel) across their plans.

    Returns a refusal Reply when the person may not use the form there.
    """
    assert kind in FORM_KINDS, kind
    try:
        with app.store.read() as tx:
            if ctx.channel_id:
                plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
                if plan is None:
                    raise UserError("error.no_plan", topic="setup")
                require_form(app, tx, plan, ctx, kind)
                plans = [plan]
            else:
                plans = [
                    p
                    for p in tx.plans.of_user(ctx.team_id, ctx.user_id)
                    if may_open_form(kind, tx.members.get(p.id, ctx.user_id))
                ]
                if not plans:
                    raise UserError("modal.no_member_plans")
            return _form(app, tx, ctx, kind, plans, single=bool(ctx.channel_id))
    except UserError as e:
        return app.error_reply(_language(app, ctx), e)


def _form(app: Samverkan, tx: Tx, ctx: Context, kind: str, plans: list[Plan], single: bool) -> Form:
    first = plans[0]
    open_by_plan = []
    for plan in plans[:MAX_OPTIONS]:
        acts = [a for a in tx.activities.of_plan(plan.id) if is_ongoing(a)]
        # The most recently changed first, so a cut keeps what people work on now.
        acts.sort(key=lambda a: (a.updated_at, int(a.ref[1:])), reverse=True)
        open_by_plan.append((plan, acts))
    # Share the 100 options out: each plan in turn gets one more until none are left.
    quota = {plan.id: 0 for plan, _ in open_by_plan}
    budget = MAX_OPTIONS
    while budget > 0:
        grew = False
        for plan, acts in open_by_plan:
            if budget > 0 and quota[plan.id] < len(acts):
                quota[plan.id] += 1
                budget -= 1
                grew = True
        if not grew:
            break
    options: list[ActivityOption] = []
    hidden = 0
    for plan, acts in open_by_plan:
        kept = sorted(acts[: quota[plan.id]], key=lambda a: int(a.ref[1:]))
        hidden += len(acts) - len(kept)
        options.extend(ActivityOption(plan.channel_id, a.ref, a.title) for a in kept)
    me = tx.members.get(first.id, ctx.user_id)
    orgs = [o.name for o in tx.organisations.of_plan(first.id)]
    if len(orgs) > MAX_OPTIONS:
        # Keep the person's own organisation among the options: it is the likely owner.
        own = [me.organisation] if me and me.organisation in orgs else []
        orgs = own + [o for o in orgs if o not in own][: MAX_OPTIONS - len(own)]
    return Form(
        kind=kind,
        lang=first.language,
        today=app.today(first),
        channel_id=first.channel_id if single or len(plans) == 1 else None,
        plans=[PlanOption(p.channel_id, p.name) for p in plans[:MAX_OPTIONS]],
        activities=options,
        activities_hidden=hidden,
        organisations=orgs,
        own_organisation=me.organisation if me else None,
    )


def _language(app: Samverkan, ctx: Context) -> str:
    with app.store.read() as tx:
        if ctx.channel_id:
            plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
            if plan:
                return plan.language
        plans = tx.plans.of_user(ctx.team_id, ctx.user_id)
    return plans[0].language if plans else app.default_language


def form_error(app: Samverkan, lang: str, e: UserError) -> str:
    """A refusal to show under one field of a form (mrkdwn; never echoes the text typed)."""
    return t(lang, e.key, cmd=app.command, **e.values_for(lang))


def wrong_plan() -> UserError:
    """The refusal of an activity chosen from another plan than the one the form is for."""
    return UserError("modal.wrong_plan", field="activity")


# -- follow-up buttons -----------------------------------------------------------------------


@dataclass(frozen=True)
class Press:
    """What a click on a follow-up button did."""

    ok: bool
    #: The confirmation, or the refusal.
    reply: Reply
    #: The follow-up as it stands after the click (None when the button names none).
    card: FollowUpCard | None = None
    lang: str = "en"
    #: The plan's channel, where a done or snoozed follow-up is told (as `done F1` does).
    channel: str | None = None


def parse_button_value(value: str) -> tuple[int, int] | None:
    """`"<plan_id>:F<n>"` → (plan_id, n), or None."""
    plan, _, ref = value.partition(":")
    # At most 18 digits: a plan id always fits SQLite's 64-bit integer.
    number = ref_number(FOLLOWUP_REF, ref) if _PLAN_ID.fullmatch(plan) and ref else None
    return (int(plan), number) if number is not None else None


def stale_reply(app: Samverkan, ctx: Context) -> Reply:
    """The answer to a button that names nothing this bot knows."""
    lang = _language(app, ctx)
    text = t(lang, "action.stale", cmd=app.command)
    return Reply(text, [Section("⚠️ " + text)], ok=False, lang=lang)


def press_followup(app: Samverkan, ctx: Context, value: str, action: str) -> Press:
    """Done / Snooze 1 day / Snooze 1 week on the follow-up a button names, if permitted."""
    assert action in BUTTON_ACTIONS, action
    parsed = parse_button_value(value)
    plan = _plan_by_id(app, ctx, parsed[0]) if parsed else None
    lang = plan.language if plan else _language(app, ctx)
    if parsed is None or plan is None:
        text = t(lang, "action.stale", cmd=app.command)
        return Press(False, Reply(text, [Section("⚠️ " + text)], ok=False, lang=lang), None, lang)
    plan_id, number = parsed
    try:
        delay = BUTTON_ACTIONS[action]
        if delay is None:
            reply = app.close_followup(ctx, number, "done", plan_id=plan_id)
        else:
            reply = app.snooze_followup(ctx, number, delay, plan_id=plan_id)
        ok = True
    except UserError as e:
        reply, ok = app.error_reply(lang, e), False
    except StoreError as e:
        reply, ok = app.store_error_reply(ctx, e, f"button {action}"), False
    except Exception:
        log.exception("follow-up button failed")
        text = t(lang, "error.internal")
        reply, ok = Reply(text, [Section(text)], ok=False, lang=lang), False
    return Press(ok, reply, followup_card(app, ctx, plan_id, number), lang, plan.channel_id)


def _plan_by_id(app: Samverkan, ctx: Context, plan_id: int) -> Plan | None:
    """The plan a button names, if the click could come from it: in its workspace, and in
    its channel or from one of its members (App Home, a reminder). Else the button is stale,
    and nothing of another plan (not even who may act there) is shown."""
    with app.store.read() as tx:
        plan = tx.plans.get(plan_id)
        if plan is None or plan.team_id != ctx.team_id:
            return None
        if plan.channel_id == ctx.channel_id or tx.members.get(plan.id, ctx.user_id):
            return plan
    return None


def followup_card(app: Samverkan, ctx: Context, plan_id: int, number: int) -> FollowUpCard | None:
    """A follow-up as a shared message shows it now: open with buttons, or closed without."""
    with app.store.read() as tx:
        plan = tx.plans.get(plan_id)
        if plan is None or plan.team_id != ctx.team_id:
            return None
        f = tx.followups.get(plan_id, number)
    if f is None:
        return None
    if f.status == "open":
        text = app.followup_text(plan, f, app.today(plan), with_assignee=True)
        return FollowUpCard(plan.id, f.ref, text, can_act=True)
    key = "followup.done" if f.status == "done" else "followup.cancelled"
    text = t(
        plan.language,
        key,
        ref=f.ref,
        text=esc(f.text, 200),
        user=mention(f.done_by or f.assigned_by),
    )
    return FollowUpCard(plan.id, f.ref, text, can_act=False)


def redraw_list(app: Samverkan, ctx: Context, text: str) -> Reply | None:
    """Run again the read-only list command that drew an ephemeral message (None otherwise)."""
    try:
        cmd = g.parse(text)
    except g.ParseError:
        return None
    if not isinstance(cmd, REDRAWABLE):
        return None
    return app.run(ctx, text)


# -- events ----------------------------------------------------------------------------------


def first_delivery(app: Samverkan, event_id: str, team_id: str = "") -> bool:
    """Remember a team's event id; False when it was processed before (a redelivery)."""
    with app.store.write() as tx:
        return tx.events.first_delivery(event_id, team_id)
