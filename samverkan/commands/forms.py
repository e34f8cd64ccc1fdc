"""The forms that `log`, `follow` and `activity add` open when typed without arguments.

Who may open a form is who may run its command: the access declared for that command.
"""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import Context
from samverkan.domain import Domain, Unit
from samverkan.i18n import t
from samverkan.registry import Access, Command, command_named, declare
from samverkan.reply import Effect, Reply, Section
from storage import Member, Plan, Tx

#: The command each form fills in.
FORM_COMMANDS = {
    "log": "log",
    "follow": "follow",
    "activity": "activity add",
    "observe": "observe",
}


@dataclass(frozen=True)
class OpenModal:
    kind: str  # log, follow, activity


def form_command(kind: str) -> Command:
    """The declared command a form of `kind` runs."""
    return command_named(FORM_COMMANDS[kind])


def require_form(d: Domain, tx: Tx, plan: Plan, ctx: Context, kind: str) -> Member | None:
    """The caller's membership; refused as the form's command would refuse them."""
    command = form_command(kind)
    return d.require(tx, plan, ctx, command.access, command.what)


def may_open_form(kind: str, member: Member | None) -> bool:
    """Whether a person may open the form (the same rule as `require_form`, without a refusal)."""
    access = form_command(kind).access
    if access is Access.COORDINATOR:
        return member is not None and member.is_coordinator
    return member is not None if access is Access.MEMBER else True


def run_open_modal(u: Unit, cmd: OpenModal) -> Reply:
    """Open the form; the console shows the command's usage instead."""
    plan = u.plan
    require_form(u.d, u.tx, plan, u.ctx, cmd.kind)
    lang = plan.language
    text = t(lang, f"modal.console_{cmd.kind}", cmd=u.d.command)
    return Reply(
        text, [Section(text)], lang=lang, plan_id=plan.id, effects=(Effect.open_form(cmd.kind),)
    )


# The verbs that open a form (log, follow, activity add) are declared with their commands;
# a form is never typed as such, so it has no words of its own.
declare(
    Command(
        OpenModal,
        en="",
        sv="",
        access=Access.PLAN,
        writes=False,
        run=run_open_modal,
        topic="help",
        examples=("log", "uppföljning", "aktivitet ny"),
    )
)
