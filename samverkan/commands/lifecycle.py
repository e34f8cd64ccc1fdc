"""The end of a plan (DESIGN §6 "End of a plan"): `plan archive`, `plan delete <its name>`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply, Section
from samverkan.text import esc, mention

ARCHIVE_WORDS = {"archive", "arkivera"}
DELETE_WORDS = {"delete", "radera"}


@dataclass(frozen=True)
class PlanArchive:
    pass


@dataclass(frozen=True)
class PlanDelete:
    #: The plan's name, typed as the confirmation; empty: explain.
    confirm: str = ""


def parse_plan(rest: list[str]) -> PlanArchive | PlanDelete:
    """`plan archive`, `plan delete [<the plan's name>]`."""
    if rest and rest[0].casefold() in ARCHIVE_WORDS and len(rest) == 1:
        return PlanArchive()
    if rest and rest[0].casefold() in DELETE_WORDS:
        return PlanDelete(unquote(" ".join(rest[1:])))
    raise ParseError("error.plan_usage", "plan")


def run_plan_archive(u: Unit, cmd: PlanArchive) -> Reply:
    """Close the plan: read-only, its schedules stopped."""
    plan = u.plan
    u.maybe_plan = u.tx.plans.update(plan.id, archived_at=u.tx.now, archived_by=u.ctx.user_id)
    u.audit("plan", "plan", "archived")
    plan_id = plan.id
    u.after_commit.append(lambda: u.d.notify_schedule(plan_id))
    return u.changed("plan.archived", name=esc(plan.name), by=mention(u.ctx.user_id))


def run_plan_delete(u: Unit, cmd: PlanDelete) -> Reply:
    """Erase the plan and every row of it, once its exact name is typed; one audit line stays."""
    plan, lang = u.plan, u.plan.language
    if cmd.confirm != plan.name:
        key = "plan.delete_explain" if not cmd.confirm else "plan.delete_wrong_name"
        text = t(lang, key, name=esc(plan.name), cmd=u.d.command)
        if cmd.confirm:
            raise UserError(key, name=esc(plan.name))
        return Reply(text, [Section(text)], lang=lang)
    u.tx.plans.erase(plan.id)
    u.audit("plan", plan.name, "deleted", before={"id": plan.id, "name": plan.name})
    plan_id = plan.id
    u.after_commit.append(lambda: u.d.notify_schedule(plan_id))
    u.after_commit.append(u.d.store.checkpoint)
    text = t(lang, "plan.deleted", name=esc(plan.name), by=mention(u.ctx.user_id))
    return Reply(text, [Section(text)], visibility="channel", lang=lang)


declare_verb(Verb("plan", words=("plan",), parse=parse_plan, sv="plan"))
declare(
    Command(
        PlanArchive,
        en="plan archive",
        sv="plan arkivera",
        access=Access.COORDINATOR,
        writes=True,
        run=run_plan_archive,
        topic="plan",
        what="plan_archive",
        examples=("plan archive", "plan arkivera"),
    )
)
declare(
    Command(
        PlanDelete,
        en="plan delete",
        sv="plan radera",
        access=Access.COORDINATOR,
        writes=True,
        run=run_plan_delete,
        topic="plan",
        what="plan_delete",
        examples=("plan delete Trygg i Järva", "plan radera Trygg i Järva"),
        on_archived=True,
    )
)
