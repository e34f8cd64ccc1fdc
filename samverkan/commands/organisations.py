"""Organisations and who is in them: `org add|list`, `member`, `join`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.commands.membership import (
    JoinDecide,
    MemberRemove,
    join_now,
    joins_at_once,
    parse_join_decision,
    request_join,
)
from samverkan.commands.org_kinds import kind_like, refuse_kind_or_name
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, mention_id, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Note, Reply, Section
from samverkan.text import LIST_LIMIT, esc, mention
from samverkan.vocabulary import ADD_WORDS, KINDS, LIST_WORDS, ROLES
from storage import Member

REMOVE_WORDS = ({"remove"}, {"ta", "bort"})
RENAME_WORDS = {"rename", "byt"}
TO_WORDS = {"to", "till"}


@dataclass(frozen=True)
class OrgAdd:
    name: str
    kind: str


@dataclass(frozen=True)
class OrgList:
    pass


@dataclass(frozen=True)
class OrgRename:
    name: str
    new_name: str


@dataclass(frozen=True)
class OrgRemove:
    name: str


@dataclass(frozen=True)
class SetMember:
    user: str
    org: str
    #: None keeps the person's role (a new member becomes a member).
    role: str | None = None


@dataclass(frozen=True)
class Join:
    org: str


def _remove_words(words: list[str]) -> int:
    """How many of the first words say "remove" (`remove`, `ta bort`); 0 when they do not."""
    folded = [w.casefold() for w in words[:2]]
    if folded[:1] == ["remove"]:
        return 1
    return 2 if folded == ["ta", "bort"] else 0


def parse_org_change(rest: list[str]) -> OrgRename | OrgRemove:
    """`org rename <name> to <new name>`, `org remove <name>` (`aktör byt namn … till …`)."""
    if rest[0].casefold() in RENAME_WORDS:
        words = rest[1:]
        if rest[0].casefold() == "byt" and words and words[0].casefold() == "namn":
            words = words[1:]
        cut = next((i for i, w in enumerate(words) if w.casefold() in TO_WORDS), None)
        if not cut:
            raise ParseError("error.org_rename_usage", "org_rename")
        name, new_name = unquote(" ".join(words[:cut])), unquote(" ".join(words[cut + 1 :]))
        if not name or not new_name:
            raise ParseError("error.org_rename_usage", "org_rename")
        if len(new_name) > 80:
            raise ParseError("error.text_too_long", "org_rename", {"max": "80"})
        return OrgRename(name, new_name)
    name = unquote(" ".join(rest[_remove_words(rest) :]))
    if not name:
        raise ParseError("error.org_remove_usage", "org_remove")
    return OrgRemove(name)


def parse_org(rest: list[str]) -> OrgAdd | OrgList | OrgRename | OrgRemove:
    """`org add <name> [kind]`, `org list`, `org rename … to …`, `org remove <name>`."""
    if not rest or rest[0].casefold() in LIST_WORDS:
        return OrgList()
    if rest[0].casefold() in RENAME_WORDS or _remove_words(rest):
        return parse_org_change(rest)
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
    if kind == "other" and len(words) > 1 and kind_like(words[-1]) and not named_kind:
        refuse_kind_or_name(words)
    return OrgAdd(name, kind)


def parse_member(rest: list[str]) -> SetMember | MemberRemove:
    """`member @person <org> [coordinator|member]`, `member @person remove`."""
    user = mention_id(rest[0]) if len(rest) >= 2 else None
    if user is None:
        raise ParseError("error.member_usage", "member")
    words = rest[1:]
    if _remove_words(words) == len(words):
        return MemberRemove(user)
    role = None
    if len(words) > 1 and words[-1].casefold() in ROLES:
        role = ROLES[words[-1].casefold()]
        words = words[:-1]
    org = unquote(" ".join(words))
    if not org:
        raise ParseError("error.member_usage", "member")
    return SetMember(user, org, role)


def parse_join(rest: list[str]) -> Join | JoinDecide:
    """`join <org>`; `join approve|decline @person` (coordinators)."""
    decision = parse_join_decision(rest)
    if decision is not None:
        return decision
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
    waiting = u.tx.join_requests.pending(plan.id)
    if waiting:
        people = ", ".join(f"{mention(r.user_id)} ({esc(r.organisation)})" for r in waiting[:20])
        items.append(Note(t(lang, "org.waiting", people=people)))
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
    """Join an organisation: at once when joining is open (or for a coordinator), else ask."""
    org = u.org(cmd.org)
    before = u.tx.members.get(u.plan.id, u.ctx.user_id)
    if before and before.organisation_id == org.id:
        raise UserError("error.already_in_org", org=esc(org.name))
    if joins_at_once(u, before):
        return join_now(u, org, before)
    return request_join(u, org)


def run_org_rename(u: Unit, cmd: OrgRename) -> Reply:
    """Give an organisation a new name."""
    org = u.org(cmd.name)
    new_name = check_text(cmd.new_name, limit=80)
    other = u.tx.organisations.by_name(u.plan.id, new_name)
    if other is not None and other.id != org.id:
        raise UserError("error.org_exists", name=esc(new_name))
    if org.name == new_name:
        raise UserError("error.org_same_name", name=esc(new_name))
    u.tx.organisations.rename(org.id, new_name)
    u.audit(
        "organisation", new_name, "renamed", before={"name": org.name}, after={"name": new_name}
    )
    people = frozenset(m.user_id for m in u.tx.members.of_plan(u.plan.id))
    return u.changed("org.renamed", people, old=esc(org.name), name=esc(new_name))


def run_org_remove(u: Unit, cmd: OrgRemove) -> Reply:
    """Remove an organisation that no activity and no member refers to."""
    org = u.org(cmd.name)
    refs = u.tx.organisations.references(org.id)
    if refs["activities"] or refs["members"]:
        lang = u.plan.language
        parts = []
        if refs["activities"]:
            parts.append(t(lang, "org.refs_activities", refs=", ".join(refs["activities"])))
        if refs["members"]:
            parts.append(
                t(lang, "org.refs_members", people=", ".join(map(mention, refs["members"])))
            )
        raise UserError("error.org_in_use", name=esc(org.name), what="; ".join(parts))
    u.tx.join_requests.forget_org(org.id)
    u.tx.organisations.remove(org.id)
    u.audit("organisation", org.name, "removed", before={"name": org.name, "kind": org.kind})
    return u.changed("org.removed", name=esc(org.name))


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
        OrgRename,
        en="org rename",
        sv="aktör byt namn",
        access=Access.COORDINATOR,
        writes=True,
        run=run_org_rename,
        topic="org",
        what="org_rename",
        examples=(
            "org rename Polisen to Polisen Järva",
            "aktör byt namn Polisen till Polisen Järva",
        ),
    )
)
declare(
    Command(
        OrgRemove,
        en="org remove",
        sv="aktör ta bort",
        access=Access.COORDINATOR,
        writes=True,
        run=run_org_remove,
        topic="org",
        what="org_remove",
        examples=("org remove Fritid", "aktör ta bort Fritid"),
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
