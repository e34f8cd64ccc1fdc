"""`setup <plan name>`: create the plan for a channel; its creator becomes coordinator."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Item, Note, Reply, Section
from samverkan.text import esc, mention
from samverkan.views import schedule_line


@dataclass(frozen=True)
class Setup:
    name: str


def parse_setup(rest: list[str]) -> Setup:
    """`setup <plan name>`."""
    name = unquote(" ".join(rest))
    if not name:
        raise ParseError("error.setup_name", "setup")
    if len(name) > 100:
        raise ParseError("error.text_too_long", "setup", {"max": "100"})
    return Setup(name)


def run_setup(u: Unit, cmd: Setup) -> Reply:
    """Create the channel's plan, with the caller as its first coordinator."""
    name = check_text(cmd.name, limit=100)
    if u.maybe_plan:
        raise UserError("error.plan_exists", name=esc(u.maybe_plan.name))
    ctx = u.ctx
    plan = u.tx.plans.create(
        team_id=ctx.team_id,
        channel_id=ctx.channel_id,
        name=name,
        language=u.d.default_language,
        timezone=u.d.default_timezone,
        created_by=ctx.user_id,
    )
    u.maybe_plan = plan
    u.tx.members.set(plan.id, ctx.user_id, None, "coordinator")
    u.audit("plan", "plan", "created", after={"name": name, "channel": ctx.channel_id})
    u.after_commit.append(lambda: u.d.notify_schedule(plan.id))
    lang = plan.language
    text = t(lang, "setup.done", name=esc(name), user=mention(ctx.user_id))
    items: list[Item] = [
        Section("📋 " + text),
        Section(t(lang, "setup.next", cmd=u.d.command)),
        Note(schedule_line(u, plan)),
    ]
    return Reply(text, items, visibility="channel", lang=lang, plan_id=plan.id)


declare_verb(Verb("setup", words=("setup", "starta"), parse=parse_setup, sv="starta"))
declare(
    Command(
        Setup,
        en="setup",
        sv="starta",
        access=Access.ANYONE,
        writes=True,
        run=run_setup,
        topic="setup",
        examples=("setup Trygg i Husby", "starta Trygg i Husby"),
    )
)
