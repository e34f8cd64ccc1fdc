"""Organisations and who is in them: `org add|list`, `member`, `join`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, Word, mention_id, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Note, Reply, Section
from samverkan.suggest import nearest
from samverkan.text import LIST_LIMIT, esc, mention
from samverkan.vocabulary import ADD_WORDS, KINDS, LIST_WORDS, ROLES
from storage import Member


@dataclass(frozen=True)
class OrgAdd:
    name: str
    kind: str


@dataclass(frozen=True)
class OrgList:
    pass


@dataclass(frozen=True)
class SetMember:
    user: str
    org: str
    #: None keeps the person's role (a new member becomes a member).
    role: str | None = None


@dataclass(frozen=True)
class Join:
    org: str


def parse_org(rest: list[str]) -> OrgAdd | OrgList:
    """`org add <name> [kind]`, `org list`."""
    if not rest or rest[0].casefold() in LIST_WORDS:
        return OrgList()
    if rest[0].casefold() not in ADD_WORDS:
        raise ParseError("error.org_usage", "org")
    words = rest[1:]
    if words and words[0].casefold() == "till":  # "lägg till"
        words = words[1:]
    kind = "other"
    for span in (2, 1):
        if len(words) > span and " ".join(words[-span:]).casefold() in KINDS:
            kind = KINDS[" ".join(words[-span:]).casefold()]
            words = words[:-span]
            break
    name = unquote(" ".join(words))
    if not name:
        raise ParseError("error.org_usage", "org")
    if len(name) > 80:
        raise ParseError("error.text_too_long", "org", {"max": "80"})
    named_kind = " ".join(words[-2:]).casefold() in KINDS  # "Social services" as a name
    if kind == "other" and len(words) > 1 and _kind_like(words[-1]) and not named_kind:
        _refuse_kind_or_name(words)
    return OrgAdd(name, kind)


def _kind_like(word: str) -> bool:
    # Names are written with capitals ("Polisen Järva"); a last word in lower case that is no
    # kind may be a kind mistyped or one we do not know ("council"), or part of the name.
    return len(word) >= 3 and word.isalpha() and word.islower() and word.casefold() not in KINDS


def _other(typed: str) -> str:
    """ "other" in the language the command was typed in ("aktör ny …" → "övrigt")."""
    swedish = {"aktör", "aktor", "ny", "nytt", "lägg", "till", "skapa"}
    return "övrigt" if swedish & set(typed.casefold().split()) else "other"


def _refuse_kind_or_name(words: list[str]) -> None:
    """Ask whether the last word is the kind (the nearest kind offered) or part of the name."""
    first = words[0]
    # The command as typed up to the name ("org add ", "aktör ny ").
    typed = first.source[: first.start] if isinstance(first, Word) else "org add "
    near = nearest(words[-1], [k for k in KINDS if " " not in k], limit=1)
    head = " ".join(words[:-1])
    raise ParseError(
        "error.org_kind_or_name",
        "",
        {
            "word": words[-1][:40],
            "as_kind": f"{typed}{head} {near[0] if near else _other(typed)}"[:200],
            "as_name": f'{typed}"{" ".join(words)}"'[:200],
        },
    )


def parse_member(rest: list[str]) -> SetMember:
    """`member @person <org> [coordinator|member]`."""
    user = mention_id(rest[0]) if len(rest) >= 2 else None
    if user is None:
        raise ParseError("error.member_usage", "member")
    words = rest[1:]
    role = None
    if len(words) > 1 and words[-1].casefold() in ROLES:
        role = ROLES[words[-1].casefold()]
        words = words[:-1]
    org = unquote(" ".join(words))
    if not org:
        raise ParseError("error.member_usage", "member")
    return SetMember(user, org, role)


def parse_join(rest: list[str]) -> Join:
    """`join <org>`."""
    org = unquote(" ".join(rest))
    if not org:
        raise ParseError("error.join_usage", "join")
    return Join(org)


def run_org_add(u: Unit, cmd: OrgAdd) -> Reply:
    """Add an organisation to the plan."""
    name = check_text(cmd.name, limit=80)
    plan = u.plan
    if u.tx.organisations.by_name(plan.id, name):
        raise UserError("error.org_exists", name=esc(name))
    u.tx.organisations.add(plan.id, name, cmd.kind)
    u.audit("organisation", name, "created", after={"name": name, "kind": cmd.kind})
    return u.changed("org.added", name=esc(name), kind=t(plan.language, f"kind.{cmd.kind}"))


def run_org_list(u: Unit, cmd: OrgList) -> Reply:
    """The organisations with their people (★ coordinators)."""
    plan, lang = u.plan, u.plan.language
    orgs = u.tx.organisations.of_plan(plan.id)
    members = u.tx.members.of_plan(plan.id)
    if not orgs:
        text = t(lang, "org.none", cmd=u.d.command)
        return Reply(text, [Section(text)], lang=lang)
    by_org: dict[int | None, list[Member]] = {}
    for m in members:
        by_org.setdefault(m.organisation_id, []).append(m)
    lines = []
    for o in orgs:
        people = ", ".join(
            mention(m.user_id) + (" ★" if m.is_coordinator else "") for m in by_org.get(o.id, [])
        )
        lines.append(
            f"• *{esc(o.name)}* ({t(lang, f'kind.{o.kind}')}): {people or t(lang, 'org.nobody')}"
        )
    if by_org.get(None):
        people = ", ".join(mention(m.user_id) + " ★" for m in by_org[None])
        lines.append(f"• _{t(lang, 'org.no_org')}_: {people}")
    title = t(lang, "org.title", n=len(orgs))
    items = [Header(title), *u.d.lines(lang, lines, "org list", limit=60)]
    items.append(Note(t(lang, "org.legend")))
    return Reply(title + "\n" + "\n".join(lines[:LIST_LIMIT]), items, lang=lang)


def run_set_member(u: Unit, cmd: SetMember) -> Reply:
    """Put a person in an organisation and role."""
    plan, lang = u.plan, u.plan.language
    org = u.org(cmd.org)
    before = u.tx.members.get(plan.id, cmd.user)
    # No role named: the person keeps theirs (a newcomer becomes a member).
    role = cmd.role or (before.role if before else "member")
    if before and before.organisation_id == org.id and before.role == role:
        raise UserError(
            "error.no_change_member",
            user=mention(cmd.user),
            role=t(lang, f"role.{role}"),
            org=esc(org.name),
        )
    if (
        before
        and before.is_coordinator
        and role != "coordinator"
        and sum(m.is_coordinator for m in u.tx.members.of_plan(plan.id)) == 1
    ):
        raise UserError("error.last_coordinator")
    after = u.tx.members.set(plan.id, cmd.user, org.id, role)
    u.audit(
        "member",
        cmd.user,
        "updated" if before else "created",
        before={"organisation": before.organisation, "role": before.role} if before else None,
        after={"organisation": after.organisation, "role": after.role},
    )
    # Say what changed besides the new place: the organisation left, the role given up.
    was = ""
    if before:
        moved = before.organisation_id not in (None, org.id)
        old_role = t(lang, f"role.{before.role}")
        old_org = esc(before.organisation or "")
        if moved and before.role != role:
            was = " " + t(lang, "member.was_both", role=old_role, org=old_org)
        elif moved:
            was = " " + t(lang, "member.was_org", org=old_org)
        elif before.role != role:
            was = " " + t(lang, "member.was_role", role=old_role)
    return u.changed(
        "member.set",
        frozenset({cmd.user}),
        user=mention(cmd.user),
        role=t(lang, f"role.{role}"),
        org=esc(org.name),
        was=was,
    )


def run_join(u: Unit, cmd: Join) -> Reply:
    """Join an organisation as a member (a coordinator keeps the role)."""
    plan, user = u.plan, u.ctx.user_id
    org = u.org(cmd.org)
    before = u.tx.members.get(plan.id, user)
    if before and before.organisation_id == org.id:
        raise UserError("error.already_in_org", org=esc(org.name))
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


ORG_WORDS = ("org", "orgs", "organisation", "organization", "aktör", "aktor", "aktörer")
declare_verb(Verb("org", words=ORG_WORDS, parse=parse_org, sv="aktör"))
declare_verb(Verb("member", words=("member", "medlem"), parse=parse_member, sv="medlem"))
declare_verb(Verb("join", words=("join", "anslut"), parse=parse_join, sv="anslut"))
declare(
    Command(
        OrgAdd,
        en="org add",
        sv="aktör ny",
        access=Access.COORDINATOR,
        writes=True,
        run=run_org_add,
        topic="org",
        what="org_add",
        examples=("org add Polisen police", "aktör ny Polisen polis"),
    )
)
declare(
    Command(
        OrgList,
        en="org list",
        sv="aktör lista",
        access=Access.PLAN,
        writes=False,
        run=run_org_list,
        topic="org",
        examples=("org list", "aktör lista"),
    )
)
declare(
    Command(
        SetMember,
        en="member",
        sv="medlem",
        access=Access.COORDINATOR,
        writes=True,
        run=run_set_member,
        topic="member",
        what="member",
        examples=("member <@U1> Polisen coordinator", "medlem <@U1> Polisen samordnare"),
    )
)
declare(
    Command(
        Join,
        en="join",
        sv="anslut",
        access=Access.PLAN,
        writes=True,
        run=run_join,
        topic="join",
        examples=("join Polisen", "anslut Polisen"),
    )
)
