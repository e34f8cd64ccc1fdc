"""Who is in (DESIGN §6): joining with a coordinator's approval, `join approve|decline`,
`member @x remove`, `leave`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError, mention_id
from samverkan.registry import Access, Command, Verb, command_word, declare, declare_verb
from samverkan.reply import Effect, JoinRequestCard, Reply, Section
from samverkan.text import esc, mention
from storage import JoinRequest, Member, Organisation

APPROVE_WORDS = {"approve", "godkänn", "godkann"}
DECLINE_WORDS = {"decline", "avböj", "avboj"}


@dataclass(frozen=True)
class JoinDecide:
    user: str
    approve: bool


@dataclass(frozen=True)
class MemberRemove:
    user: str


@dataclass(frozen=True)
class Leave:
    pass


def parse_join_decision(rest: list[str]) -> JoinDecide | None:
    """`join approve|decline @person`; None when the words name an organisation to join."""
    if not rest or rest[0].casefold() not in APPROVE_WORDS | DECLINE_WORDS:
        return None
    user = mention_id(rest[1]) if len(rest) == 2 else None
    if user is None:
        raise ParseError("error.join_decide_usage", "join_decide")
    return JoinDecide(user, rest[0].casefold() in APPROVE_WORDS)


def parse_leave(rest: list[str]) -> Leave:
    """`leave`."""
    if rest:
        raise ParseError("error.leave_usage", "leave")
    return Leave()


def joins_at_once(u: Unit, before: Member | None) -> bool:
    """Whether a `join` takes effect without a coordinator: open joining, or a coordinator."""
    return u.plan.joining == "open" or bool(before and before.is_coordinator)


def join_now(u: Unit, org: Organisation, before: Member | None) -> Reply:
    """Join an organisation at once (open joining, or a coordinator moving)."""
    plan, user = u.plan, u.ctx.user_id
    role = before.role if before else "member"
    after = u.tx.members.set(plan.id, user, org.id, role)
    u.audit(
        "member",
        user,
        "joined",
        before={"organisation": before.organisation, "role": before.role} if before else None,
        after={"organisation": after.organisation, "role": after.role},
    )
    return u.changed(
        "member.joined",
        frozenset({user}),
        user=mention(user),
        org=esc(org.name),
        role=t(plan.language, f"role.{role}"),
        # Joining another organisation leaves the one the person was in.
        left=" " + t(plan.language, "member.left", org=esc(before.organisation))
        if before and before.organisation
        else "",
    )


def request_join(u: Unit, org: Organisation) -> Reply:
    """Ask the coordinators to let the caller into an organisation; one DM to each of them."""
    plan, user, lang = u.plan, u.ctx.user_id, u.plan.language
    pending = u.tx.join_requests.pending_of(plan.id, user)
    if pending and pending.organisation_id == org.id:
        raise UserError("join.already_pending", org=esc(org.name))
    if pending:
        # A new request replaces the one that waits for another organisation.
        u.tx.join_requests.decide(pending.id, "withdrawn", user)
        u.audit("join_request", user, "withdrawn", before={"organisation": pending.organisation})
    request = u.tx.join_requests.add(plan.id, user, org.id)
    u.audit("join_request", user, "requested", after={"organisation": org.name})
    coordinators = sorted(m.user_id for m in u.tx.members.of_plan(plan.id) if m.is_coordinator)
    card = request_card(u, request)
    effects = tuple(
        Effect.direct_message(c, Reply(card.text, [card], lang=lang, plan_id=plan.id), request.id)
        for c in coordinators
    )
    text = t(
        lang,
        "join.requested",
        org=esc(org.name),
        who=", ".join(mention(c) for c in coordinators) or "—",
    )
    return Reply(text, [Section(text)], lang=lang, plan_id=plan.id, effects=effects)


def request_card(u: Unit, request: JoinRequest) -> JoinRequestCard:
    """A join request as a coordinator's message shows it: waiting, or who decided."""
    plan, lang = u.plan, u.plan.language
    values = {
        "user": mention(request.user_id),
        "org": esc(request.organisation),
        "plan": esc(plan.name),
        "channel": f"<#{plan.channel_id}>",
    }
    if request.state == "pending":
        text = t(lang, "join.request_card", **values)
        commands = tuple(
            f"{u.d.command} {command_word(lang, 'join')} {t(lang, f'join.word_{w}')} "
            f"{mention(request.user_id)}"
            for w in ("approve", "decline")
        )
        return JoinRequestCard(plan.id, request.id, text, True, commands)
    text = t(
        lang,
        f"join.card_{request.state}",
        by=mention(request.decided_by or ""),
        **values,
    )
    return JoinRequestCard(plan.id, request.id, text, False)


def decide_request(u: Unit, request_id: int, approve: bool) -> Reply:
    """Approve or decline a join request (a coordinator, by button or typed)."""
    plan, lang = u.plan, u.plan.language
    request = u.tx.join_requests.get(request_id)
    if request is None or request.plan_id != plan.id:
        raise UserError("join.no_request")
    if request.state != "pending":
        card = request_card(u, request)
        raise UserError("join.decided_already", card=card.text)
    request = u.tx.join_requests.decide(
        request.id, "approved" if approve else "declined", u.ctx.user_id
    )
    u.audit(
        "join_request", request.user_id, request.state, after={"organisation": request.organisation}
    )
    values = {"user": mention(request.user_id), "org": esc(request.organisation)}
    if approve:
        before = u.tx.members.get(plan.id, request.user_id)
        role = before.role if before else "member"
        after = u.tx.members.set(plan.id, request.user_id, request.organisation_id, role)
        u.audit(
            "member",
            request.user_id,
            "joined",
            before={"organisation": before.organisation, "role": before.role} if before else None,
            after={"organisation": after.organisation, "role": after.role},
        )
        reply = u.changed(
            "join.approved", frozenset({request.user_id}), by=mention(u.ctx.user_id), **values
        )
    else:
        text = t(lang, "join.declined", **values)
        reply = Reply(text, [Section(text)], lang=lang, plan_id=plan.id)
    card = request_card(u, request)
    told = t(
        lang,
        f"join.told_{request.state}",
        org=esc(request.organisation),
        plan=esc(plan.name),
        channel=f"<#{plan.channel_id}>",
        by=mention(u.ctx.user_id),
    )
    effects = [
        Effect.direct_message(request.user_id, Reply(told, [Section(told)], lang=lang)),
        Effect.update_messages(
            tuple(u.tx.join_requests.messages(request.id)),
            Reply(card.text, [card], lang=lang, plan_id=plan.id),
        ),
    ]
    reply.effects = (*reply.effects, *effects)
    return reply


def run_join_decide(u: Unit, cmd: JoinDecide) -> Reply:
    """`join approve|decline @person`: decide the person's pending request."""
    request = u.tx.join_requests.pending_of(u.plan.id, cmd.user)
    if request is None:
        raise UserError("join.nothing_pending", user=mention(cmd.user))
    return decide_request(u, request.id, cmd.approve)


def _remove(u: Unit, user: str, key: str) -> Reply:
    plan = u.plan
    member = u.tx.members.get(plan.id, user)
    if member is None:
        raise UserError("member.not_in_plan", user=mention(user))
    if member.is_coordinator and sum(m.is_coordinator for m in u.tx.members.of_plan(plan.id)) == 1:
        raise UserError("error.last_coordinator_leaves")
    u.tx.members.remove(plan.id, user)
    u.audit(
        "member",
        user,
        "removed" if key == "member.removed" else "left",
        before={"organisation": member.organisation, "role": member.role},
    )
    return u.changed(
        key,
        frozenset({user}),
        user=mention(user),
        by=mention(u.ctx.user_id),
        org=esc(member.organisation or "—"),
    )


def run_member_remove(u: Unit, cmd: MemberRemove) -> Reply:
    """`member @person remove`: take someone out of the plan."""
    return _remove(u, cmd.user, "member.removed")


def run_leave(u: Unit, cmd: Leave) -> Reply:
    """`leave`: take yourself out of the plan."""
    return _remove(u, u.ctx.user_id, "member.left_plan")


declare_verb(Verb("leave", words=("leave", "lämna", "lamna"), parse=parse_leave, sv="lämna"))
declare(
    Command(
        JoinDecide,
        en="join approve",
        sv="anslut godkänn",
        access=Access.COORDINATOR,
        writes=True,
        run=run_join_decide,
        topic="join",
        what="join_decide",
        phrases=(("join decline", "anslut avböj"),),
        examples=("join approve <@U1>", "anslut avböj <@U1>"),
    )
)
declare(
    Command(
        MemberRemove,
        en="member remove",
        sv="medlem ta bort",
        access=Access.COORDINATOR,
        writes=True,
        run=run_member_remove,
        topic="member",
        what="member_remove",
        examples=("member <@U1> remove", "medlem <@U1> ta bort"),
    )
)
declare(
    Command(
        Leave,
        en="leave",
        sv="lämna",
        access=Access.MEMBER,
        writes=True,
        run=run_leave,
        topic="leave",
        what="leave",
        examples=("leave", "lämna"),
    )
)
