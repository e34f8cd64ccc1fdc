"""The weekly digest by hand and its schedule: `digest preview|now`, `digest schedule|off`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.dates import DateError, parse_hhmm, parse_weekday
from samverkan.digest import build_digest
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import HHMM, ParseError
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, Reply, Section
from samverkan.text import esc
from samverkan.views import schedule_line
from samverkan.vocabulary import DIGEST_ACTIONS


@dataclass(frozen=True)
class DigestCmd:
    action: str  # preview, now, schedule, off
    weekday: int | None = None
    time: str | None = None


def parse_digest(rest: list[str]) -> DigestCmd:
    """`digest [preview|now]`, `digest schedule <weekday> <HH:MM>`, `digest off`."""
    if not rest:
        return DigestCmd("preview")
    action = DIGEST_ACTIONS.get(rest[0].casefold())
    if action is None:
        raise ParseError("error.digest_usage", "digest")
    if action != "schedule":
        if len(rest) > 1:
            raise ParseError("error.digest_usage", "digest")
        return DigestCmd(action)
    if len(rest) != 3:
        raise ParseError("error.digest_schedule_usage", "digest")
    weekday = parse_weekday(rest[1])
    if weekday is None:
        raise ParseError("error.bad_weekday", "digest", {"value": rest[1][:40]})
    if not HHMM.match(rest[2]):
        raise ParseError("error.bad_time", "digest", {"value": rest[2][:40]})
    return DigestCmd("schedule", weekday, str(rest[2]))


def run_digest(u: Unit, cmd: DigestCmd) -> Reply:
    """Preview the digest, post it now, or change when it goes out."""
    plan = u.plan
    if cmd.action in ("preview", "now"):
        if cmd.action == "now":
            u.d.require(u.tx, plan, u.ctx, Access.COORDINATOR, "digest_now")
        reply = build_digest(u.tx, plan, u.d.clock(), u.d.command)
        if cmd.action == "now":
            reply.visibility = "channel"
            reply.effects = (Effect.post_digest(),)
        else:
            reply.visibility = "ephemeral"
        return reply
    u.d.require(u.tx, plan, u.ctx, Access.COORDINATOR, "digest_schedule")
    now = u.d.clock()
    before = {"weekday": plan.digest_weekday, "time": plan.digest_time}
    if cmd.action == "off":
        if plan.digest_weekday is None:
            raise UserError("error.digest_already_off")
        plan = u.tx.plans.update(plan.id, digest_weekday=None, digest_set_at=now)
    else:
        try:
            hhmm = parse_hhmm(cmd.time or "")
        except DateError:
            raise UserError(
                "error.bad_time", topic="digest", value=esc(cmd.time or "", 20)
            ) from None
        plan = u.tx.plans.update(
            plan.id, digest_weekday=cmd.weekday, digest_time=f"{hhmm:%H:%M}", digest_set_at=now
        )
    u.audit(
        "plan",
        "plan",
        "digest",
        before=before,
        after={"weekday": plan.digest_weekday, "time": plan.digest_time},
    )
    plan_id = plan.id
    u.after_commit.append(lambda: u.d.notify_schedule(plan_id))
    key = "digest.off" if cmd.action == "off" else "digest.scheduled"
    text = t(plan.language, key, cmd=u.d.command) + "\n" + schedule_line(u, plan)
    return Reply(text, [Section(text)], visibility="channel", lang=plan.language, plan_id=plan.id)


declare_verb(Verb("digest", words=("digest", "veckobrev"), parse=parse_digest, sv="veckobrev"))
declare(
    Command(
        DigestCmd,
        en="digest",
        sv="veckobrev",
        # Anyone in the plan may preview; run_digest asks a coordinator for the rest.
        access=Access.PLAN,
        writes=lambda cmd: cmd.action in ("schedule", "off"),
        run=run_digest,
        topic="digest",
        phrases=(("digest preview", "veckobrev förhandsvisa"), ("digest now", "veckobrev nu")),
        examples=("digest preview", "veckobrev schema måndag 08:00"),
    )
)
