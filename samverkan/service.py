"""The coordination core: every command of DESIGN §3, for Slack and the console alike."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from samverkan import grammar as g
from samverkan.dates import (
    DateError,
    format_date,
    format_weekday,
    parse_date,
    parse_hhmm,
)
from samverkan.i18n import has, t
from samverkan.privacy import contains_identity_number, escape_mrkdwn
from samverkan.reply import Fields, FollowUpCard, Header, Note, Reply, Section
from samverkan.timing import next_digest_at
from storage import Activity, FollowUp, LogEntry, Member, Plan, Store, Tx

log = logging.getLogger(__name__)

#: How many lines a list shows before it says "and N more".
LIST_LIMIT = 25
#: How many follow-up cards (each a block with buttons) a reply shows.
CARD_LIMIT = 20

STATUS_ICONS = {
    "planned": "⚪",
    "active": "🔵",
    "done": "✅",
    "paused": "⏸️",
    "cancelled": "✖️",
}
RAG_ICONS = {"green": "🟢", "amber": "🟡", "red": "🔴", None: "⚫"}
STATUS_ORDER = ("active", "planned", "paused", "done", "cancelled")


@dataclass(frozen=True)
class Context:
    """Who asks, where: the only things the domain knows about a request."""

    team_id: str
    channel_id: str
    user_id: str
    surface: str = "slack"  # "slack" or "console"


class UserError(Exception):
    """A request the domain refuses, with a catalog key; `field` names the modal input at fault."""

    def __init__(
        self, key: str, *, topic: str | None = None, field: str | None = None, **values: object
    ) -> None:
        super().__init__(key)
        self.key = key
        self.topic = topic
        self.field = field
        self.values = values


#: How far from today a typed date may be, in years either way.
DATE_WINDOW_YEARS = 2
#: Digest rows in these states mean the week's digest will not go out (any more).
WEEK_DONE = ("sent", "failed")


@lru_cache(maxsize=1)
def _timezones() -> dict[str, str]:
    """The IANA timezone names this system knows, by their casefolded spelling."""
    return {name.casefold(): name for name in available_timezones()}


def timezone_name(text: str) -> str | None:
    """The IANA name of a typed timezone ("europe/oslo" → "Europe/Oslo"), or None."""
    return _timezones().get(text.strip().casefold())


def _years_from(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def mention(user_id: str) -> str:
    """A Slack mention of a user id."""
    return f"<@{user_id}>"


def clip(text: str, limit: int = 300) -> str:
    """Shorten a text for a list line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def esc(text: str, limit: int | None = None) -> str:
    """Escape user text for mrkdwn, shortening it first for list lines."""
    return escape_mrkdwn(clip(text, limit) if limit else text)


def activity_summary(lang: str, acts: list[Activity], heading: str) -> Fields:
    """Activities counted by status, and the ongoing ones by assessment, side by side."""
    by_status = Counter(a.status for a in acts)
    by_rag = Counter(a.rag for a in acts if a.status not in ("done", "cancelled"))
    status_line = " · ".join(
        f"{STATUS_ICONS[s]} {t(lang, f'status.{s}')} {by_status[s]}"
        for s in STATUS_ORDER
        if by_status[s]
    )
    rag_line = " · ".join(
        f"{RAG_ICONS[r]} {t(lang, f'rag.{r}') if r else t(lang, 'rag.none')} {by_rag[r]}"
        for r in ("green", "amber", "red", None)
        if by_rag[r]
    )
    return Fields(
        (
            f"*{heading}*\n{status_line or '—'}",
            f"*{t(lang, 'status.assessment')}*\n{rag_line or '—'}",
        )
    )


class Samverkan:
    """The application: takes plain values, returns plain replies; knows nothing of Slack."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] | None = None,
        default_language: str = "en",
        default_timezone: str = "Europe/Stockholm",
        command: str = "/samverkan",
    ) -> None:
        self.store = store
        self.clock = clock or (lambda: datetime.now(UTC))
        self.default_language = default_language
        self.default_timezone = default_timezone
        self.command = command
        #: Called with a plan id after its schedule or timezone changed (the scheduler listens).
        self.schedule_listeners: list[Callable[[int], None]] = []

    # -- entry points ----------------------------------------------------------------------------

    def run(self, ctx: Context, text: str) -> Reply:
        """Run one command typed after the slash command and answer it."""
        try:
            # The guard comes first, so nothing of a refused text is parsed, stored or logged.
            if contains_identity_number(text):
                raise UserError("error.identity_number")
            try:
                cmd = g.parse(text)
            except g.ParseError as e:
                # Values echo what was typed: escaped, so an error cannot ping or forge either.
                values = {k: escape_mrkdwn(v) for k, v in e.values.items()}
                raise UserError(e.key, topic=e.topic, **values) from None
            return self.execute(ctx, cmd)
        except UserError as e:
            # The language is looked up only on the way out of a refusal, off the hot path.
            return self.error_reply(self._safe_language(ctx), e)
        except Exception:
            # Never a stack trace to a user; the log keeps the kind of command, not its text.
            log.exception("command failed: %s", text.split()[0][:20] if text.split() else "")
            lang = self._safe_language(ctx)
            return Reply(t(lang, "error.internal"), [Section(t(lang, "error.internal"))], ok=False)

    def _safe_language(self, ctx: Context) -> str:
        """The channel's plan language, or the default when even that cannot be read."""
        try:
            return self._language_for(ctx)
        except Exception:
            return self.default_language

    def execute(self, ctx: Context, cmd: g.Command) -> Reply:
        """Run a parsed command; raises UserError when refused."""
        handler = getattr(self, "_cmd_" + type(cmd).__name__.lower())
        return handler(ctx, cmd)

    def error_reply(self, lang: str, e: UserError) -> Reply:
        """A friendly refusal with a valid example."""
        values = {"cmd": self.command, **e.values}
        text = t(lang, e.key, **values)
        items: list = [Section("⚠️ " + text)]
        if e.topic:
            example = t(lang, f"example.{e.topic}", cmd=self.command)
            items.append(Note(t(lang, "error.example", example=example, cmd=self.command)))
            text += "\n" + t(lang, "error.example", example=example, cmd=self.command)
        return Reply(text, items, ok=False, lang=lang)

    def _language_for(self, ctx: Context) -> str:
        with self.store.read() as tx:
            plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
        return plan.language if plan else self.default_language

    # -- helpers -----------------------------------------------------------------------------

    def today(self, plan: Plan | None) -> date:
        """Today's date in the plan's timezone (the default timezone without a plan)."""
        tz = ZoneInfo(plan.timezone if plan else self.default_timezone)
        return self.clock().astimezone(tz).date()

    def plan(self, tx: Tx, ctx: Context) -> Plan:
        """The plan of the request's channel; refused when the channel has none."""
        plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
        if plan is None:
            raise UserError("error.no_plan", topic="setup")
        return plan

    def _coordinators(self, tx: Tx, plan: Plan) -> str:
        people = [mention(m.user_id) for m in tx.members.of_plan(plan.id) if m.is_coordinator]
        return ", ".join(people) or "—"

    def require_coordinator(self, tx: Tx, plan: Plan, ctx: Context, what: str) -> Member:
        """The caller as a coordinator of the plan; refused (saying who is) otherwise."""
        me = tx.members.get(plan.id, ctx.user_id)
        if me is None or not me.is_coordinator:
            raise UserError(
                "denied.coordinator",
                what=t(plan.language, f"what.{what}"),
                who=self._coordinators(tx, plan),
            )
        return me

    def require_member(self, tx: Tx, plan: Plan, ctx: Context, what: str) -> Member:
        """The caller as a member of the plan; refused (saying how to join) otherwise."""
        me = tx.members.get(plan.id, ctx.user_id)
        if me is None:
            raise UserError(
                "denied.member",
                what=t(plan.language, f"what.{what}"),
                orgs=", ".join(esc(o.name) for o in tx.organisations.of_plan(plan.id)) or "—",
            )
        return me

    def _org(self, tx: Tx, plan: Plan, name: str, field: str | None = None):
        org = tx.organisations.by_name(plan.id, name)
        if org is None:
            known = ", ".join(f"*{esc(o.name)}*" for o in tx.organisations.of_plan(plan.id))
            raise UserError(
                "error.no_org" if known else "error.no_orgs_yet",
                field=field,
                name=esc(name, 80),
                known=known,
            )
        return org

    def _activity(self, tx: Tx, plan: Plan, number: int, field: str | None = None) -> Activity:
        a = tx.activities.get(plan.id, number)
        if a is None:
            raise UserError("error.no_activity", field=field, ref=f"A{number}")
        return a

    def _followup(self, tx: Tx, plan: Plan, number: int) -> FollowUp:
        f = tx.followups.get(plan.id, number)
        if f is None:
            raise UserError("error.no_followup", ref=f"F{number}")
        return f

    def _date(
        self,
        plan: Plan,
        value: str | date,
        today: date,
        *,
        topic: str,
        prefer: str = "future",
        field: str | None = None,
        base: date | None = None,
    ) -> date:
        """A typed date, within DATE_WINDOW_YEARS of today; errors show `topic`'s example.

        Relative dates count from `base` (today unless given). A date picked in a form is
        taken as it is: a date picker cannot produce a typo like 0001-01-01.
        """
        if isinstance(value, date):
            return value
        try:
            day = parse_date(value, base or today, prefer)  # type: ignore[arg-type]
        except DateError:
            raise UserError(
                "error.bad_date", field=field, topic=topic, value=esc(value, 40)
            ) from None
        first = _years_from(today, -DATE_WINDOW_YEARS)
        last = _years_from(today, DATE_WINDOW_YEARS)
        if not first <= day <= last:
            raise UserError(
                "error.date_range",
                field=field,
                topic=topic,
                day=format_date(day, plan.language),
                first=format_date(first, plan.language),
                last=format_date(last, plan.language),
            )
        return day

    def _fmt(self, plan: Plan, d: date | None) -> str:
        if d is None:
            return "—"
        return format_date(d, plan.language, self.today(plan))

    def _check_text(self, text: str, field: str | None = None, limit: int = g.MAX_TEXT) -> str:
        text = text.strip()
        if contains_identity_number(text):
            raise UserError("error.identity_number", field=field)
        if not text:
            raise UserError("error.text_missing", field=field)
        if len(text) > limit:
            raise UserError("error.text_too_long", field=field, max=str(limit))
        return text

    def _changed(self, plan: Plan, key: str, touched: frozenset[str] = frozenset(), **values):
        text = t(plan.language, key, **values).rstrip()  # no blank optional part
        return Reply(
            text,
            [Section(text)],
            visibility="channel",
            lang=plan.language,
            touched_users=touched,
            plan_id=plan.id,
        )

    def _more(self, lang: str, hidden: int, command: str) -> Note:
        words = g.command_word(lang, command)
        return Note(t(lang, "list.more", n=hidden, command=f"`{self.command} {words}`"))

    def _notify_schedule(self, plan_id: int) -> None:
        """Tell the schedule listeners that a plan's digest moment may have moved.

        Runs after the change is committed: a listener that fails is logged and the others
        still run, so the reply still says what was changed.
        """
        for listener in self.schedule_listeners:
            try:
                listener(plan_id)
            except Exception:
                log.exception("schedule listener failed for plan %s", plan_id)

    def _lines(self, lang: str, lines: list[str], command: str, limit: int = LIST_LIMIT) -> list:
        """List lines packed into sections under Slack's 3000-character limit."""
        shown, hidden = lines[:limit], len(lines) - limit
        items: list = []
        chunk: list[str] = []
        size = 0
        for line in shown:
            if size + len(line) + 1 > 2900 and chunk:
                items.append(Section("\n".join(chunk)))
                chunk, size = [], 0
            chunk.append(line)
            size += len(line) + 1
        if chunk:
            items.append(Section("\n".join(chunk)))
        if hidden > 0:
            items.append(self._more(lang, hidden, command))
        return items

    # -- help and setup ----------------------------------------------------------------------

    def _cmd_help(self, ctx: Context, cmd: g.Help) -> Reply:
        lang = self._language_for(ctx)
        topic = g.VERBS.get(cmd.topic, cmd.topic) if cmd.topic else None
        if topic and topic != "help":
            key = f"help.{topic}"
            if not has(key):
                raise UserError("error.unknown_topic", topic="help", word=esc(cmd.topic or "", 40))
            text = t(lang, key, cmd=self.command)
            title = t(lang, "help.title_topic", topic=t(lang, f"verb.{topic}"))
            return Reply(text, [Header(title), Section(text)], lang=lang)
        items: list = [Header(t(lang, "help.title"))]
        for part in ("help.intro", "help.plan", "help.work", "help.read", "help.admin"):
            items.append(Section(t(lang, part, cmd=self.command)))
        items.append(Note(t(lang, "help.footer", cmd=self.command)))
        return Reply(t(lang, "help.intro", cmd=self.command), items, lang=lang)

    def _cmd_setup(self, ctx: Context, cmd: g.Setup) -> Reply:
        name = self._check_text(cmd.name, limit=100)
        with self.store.write() as tx:
            existing = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
            if existing:
                raise UserError("error.plan_exists", name=esc(existing.name))
            plan = tx.plans.create(
                team_id=ctx.team_id,
                channel_id=ctx.channel_id,
                name=name,
                language=self.default_language,
                timezone=self.default_timezone,
                created_by=ctx.user_id,
            )
            tx.members.set(plan.id, ctx.user_id, None, "coordinator")
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="plan",
                ref="plan",
                action="created",
                after={"name": name, "channel": ctx.channel_id},
            )
        self._notify_schedule(plan.id)
        lang = plan.language
        text = t(lang, "setup.done", name=esc(name), user=mention(ctx.user_id))
        items = [
            Section("📋 " + text),
            Section(t(lang, "setup.next", cmd=self.command)),
            Note(self._schedule_line(plan)),
        ]
        return Reply(text, items, visibility="channel", lang=lang, plan_id=plan.id)

    def _schedule_line(self, plan: Plan) -> str:
        """When the next weekly digest goes out; a week whose digest is done is skipped."""
        tz = ZoneInfo(plan.timezone)

        def week_done(year: int, week: int) -> bool:
            with self.store.read() as tx:
                row = tx.digests.get(plan.id, year, week)
            return row is not None and row.state in WEEK_DONE

        when = next_digest_at(plan, self.clock(), week_done)
        if when is None:
            return t(plan.language, "digest.off_line", cmd=self.command)
        local = when.astimezone(tz)
        return t(
            plan.language,
            "digest.next_line",
            day=format_weekday(plan.digest_weekday or 0, plan.language),
            time=plan.digest_time,
            next=f"{format_date(local.date(), plan.language, self.today(plan))} {local:%H:%M}",
            tz=plan.timezone,
        )

    # -- organisations and members -----------------------------------------------------------

    def _cmd_orgadd(self, ctx: Context, cmd: g.OrgAdd) -> Reply:
        name = self._check_text(cmd.name, limit=80)
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_coordinator(tx, plan, ctx, "org_add")
            if tx.organisations.by_name(plan.id, name):
                raise UserError("error.org_exists", name=esc(name))
            tx.organisations.add(plan.id, name, cmd.kind)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="organisation",
                ref=name,
                action="created",
                after={"name": name, "kind": cmd.kind},
            )
        return self._changed(
            plan, "org.added", name=esc(name), kind=t(plan.language, f"kind.{cmd.kind}")
        )

    def _cmd_orglist(self, ctx: Context, cmd: g.OrgList) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            orgs = tx.organisations.of_plan(plan.id)
            members = tx.members.of_plan(plan.id)
        lang = plan.language
        if not orgs:
            text = t(lang, "org.none", cmd=self.command)
            return Reply(text, [Section(text)], lang=lang)
        by_org: dict[int | None, list[Member]] = {}
        for m in members:
            by_org.setdefault(m.organisation_id, []).append(m)
        lines = []
        for o in orgs:
            people = ", ".join(
                mention(m.user_id) + (" ★" if m.is_coordinator else "")
                for m in by_org.get(o.id, [])
            )
            lines.append(
                f"• *{esc(o.name)}* ({t(lang, f'kind.{o.kind}')}): {people or t(lang, 'org.nobody')}"
            )
        if by_org.get(None):
            people = ", ".join(mention(m.user_id) + " ★" for m in by_org[None])
            lines.append(f"• _{t(lang, 'org.no_org')}_: {people}")
        title = t(lang, "org.title", n=len(orgs))
        items = [Header(title), *self._lines(lang, lines, "org list", limit=60)]
        items.append(Note(t(lang, "org.legend")))
        return Reply(title + "\n" + "\n".join(lines[:LIST_LIMIT]), items, lang=lang)

    def _cmd_setmember(self, ctx: Context, cmd: g.SetMember) -> Reply:
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_coordinator(tx, plan, ctx, "member")
            org = self._org(tx, plan, cmd.org)
            before = tx.members.get(plan.id, cmd.user)
            # No role named: the person keeps theirs (a newcomer becomes a member).
            role = cmd.role or (before.role if before else "member")
            lang = plan.language
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
                and sum(m.is_coordinator for m in tx.members.of_plan(plan.id)) == 1
            ):
                raise UserError("error.last_coordinator")
            after = tx.members.set(plan.id, cmd.user, org.id, role)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="member",
                ref=cmd.user,
                action="updated" if before else "created",
                before={"organisation": before.organisation, "role": before.role}
                if before
                else None,
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
        return self._changed(
            plan,
            "member.set",
            frozenset({cmd.user}),
            user=mention(cmd.user),
            role=t(lang, f"role.{role}"),
            org=esc(org.name),
            was=was,
        )

    def _cmd_join(self, ctx: Context, cmd: g.Join) -> Reply:
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            org = self._org(tx, plan, cmd.org)
            before = tx.members.get(plan.id, ctx.user_id)
            if before and before.organisation_id == org.id:
                raise UserError("error.already_in_org", org=esc(org.name))
            role = before.role if before else "member"
            after = tx.members.set(plan.id, ctx.user_id, org.id, role)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="member",
                ref=ctx.user_id,
                action="joined",
                before={"organisation": before.organisation, "role": before.role}
                if before
                else None,
                after={"organisation": after.organisation, "role": after.role},
            )
        return self._changed(
            plan,
            "member.joined",
            frozenset({ctx.user_id}),
            user=mention(ctx.user_id),
            org=esc(org.name),
            role=t(plan.language, f"role.{role}"),
            # Joining another organisation leaves the one the person was in.
            left=" " + t(plan.language, "member.left", org=esc(before.organisation))
            if before and before.organisation
            else "",
        )

    # -- activities --------------------------------------------------------------------------

    def _cmd_openmodal(self, ctx: Context, cmd: g.OpenModal) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            if cmd.kind == "activity":
                self.require_coordinator(tx, plan, ctx, "activity_add")
            else:
                self.require_member(tx, plan, ctx, cmd.kind)
        lang = plan.language
        text = t(lang, f"modal.console_{cmd.kind}", cmd=self.command)
        return Reply(text, [Section(text)], lang=lang, modal=cmd.kind, plan_id=plan.id)

    def _cmd_activityadd(self, ctx: Context, cmd: g.ActivityAdd) -> Reply:
        try:
            return self.add_activity(ctx, title=cmd.title, owner=cmd.owner, due=cmd.due)
        except UserError as e:
            if cmd.owner is None or e.key not in ("error.no_org", "error.no_orgs_yet"):
                raise
            # "owner <name>" may have been part of the title: say how to keep it there.
            lang = self._language_for(ctx)
            word = "ägare" if lang == "sv" else "owner"
            title = f"{cmd.title} {word} {cmd.owner}"
            raise UserError(
                "error.no_owner_org",
                topic="activity",
                name=esc(cmd.owner, 80),
                known=e.values.get("known") or "—",
                word=word,
                example=f'{self.command} {g.command_word(lang, "activity add")} "{esc(title)}"',
            ) from None

    def add_activity(
        self,
        ctx: Context,
        *,
        title: str,
        owner: str | None = None,
        due: str | date | None = None,
        cause: str = "",
        goal: str = "",
    ) -> Reply:
        """Create an activity (command or modal)."""
        title = self._check_text(title, field="title", limit=200)
        cause = self._check_text(cause, field="cause") if cause.strip() else ""
        goal = self._check_text(goal, field="goal") if goal.strip() else ""
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_coordinator(tx, plan, ctx, "activity_add")
            org = self._org(tx, plan, owner, field="owner") if owner else None
            today = self.today(plan)
            due_date = (
                self._date(plan, due, today, topic="activity", field="due")
                if due is not None
                else None
            )
            a = tx.activities.add(
                plan.id,
                title=title,
                created_by=ctx.user_id,
                owner_org_id=org.id if org else None,
                due_date=due_date,
                cause=cause,
                goal=goal,
                start_date=today,
            )
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="activity",
                ref=a.ref,
                action="created",
                after={"title": title, "owner": a.owner, "due": due_date, "status": a.status},
            )
        details = []
        if a.owner:
            details.append(t(plan.language, "activity.owner_part", owner=esc(a.owner)))
        if a.due_date:
            details.append(t(plan.language, "activity.due_part", due=self._fmt(plan, a.due_date)))
        return self._changed(
            plan,
            "activity.added",
            ref=a.ref,
            title=esc(title),
            details=" (" + ", ".join(details) + ")" if details else "",
        )

    def _activity_line(self, plan: Plan, a: Activity, today: date) -> str:
        lang = plan.language
        parts = [t(lang, f"status.{a.status}")]
        if a.owner:
            parts.append(esc(a.owner))
        if a.due_date:
            late = a.due_date < today and a.status not in ("done", "cancelled")
            parts.append(
                ("⏰ " if late else "")
                + t(lang, "activity.due_part", due=self._fmt(plan, a.due_date))
            )
        return f"{RAG_ICONS[a.rag]} *{a.ref}* {esc(a.title, 120)} — " + " · ".join(parts)

    def _cmd_activitylist(self, ctx: Context, cmd: g.ActivityList) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            acts = tx.activities.of_plan(plan.id)
        lang = plan.language
        if not acts:
            text = t(lang, "activity.none", cmd=self.command)
            return Reply(text, [Section(text)], lang=lang)
        today = self.today(plan)
        order = {s: i for i, s in enumerate(STATUS_ORDER)}
        acts.sort(key=lambda a: (order[a.status], a.id))
        lines = [self._activity_line(plan, a, today) for a in acts]
        title = t(lang, "activity.list_title", name=plan.name, n=len(acts))
        items = [Header(clip(title, 150)), *self._lines(lang, lines, "activity list", limit=60)]
        items.append(Note(t(lang, "activity.legend")))
        # Headers are plain text; the fallback is mrkdwn, so the plan's name is escaped there.
        fallback = t(lang, "activity.list_title", name=esc(plan.name), n=len(acts))
        return Reply(fallback, items, lang=lang)

    def _cmd_activityshow(self, ctx: Context, cmd: g.ActivityShow) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            a = self._activity(tx, plan, cmd.number)
            logs = tx.logs.recent(plan.id, a.id, 5)
            fus = [f for f in tx.followups.of_plan(plan.id, "open") if f.activity_id == a.id]
        return self._activity_detail(ctx, plan, a, logs, fus)

    def _activity_detail(
        self, ctx: Context, plan: Plan, a: Activity, logs: list[LogEntry], fus: list[FollowUp]
    ) -> Reply:
        lang = plan.language
        title = f"{a.ref} {clip(a.title, 140)}"
        pairs = [
            f"*{t(lang, 'field.status')}*\n{STATUS_ICONS[a.status]} {t(lang, f'status.{a.status}')}",
            f"*{t(lang, 'field.rag')}*\n{RAG_ICONS[a.rag]} "
            + (t(lang, f"rag.{a.rag}") if a.rag else t(lang, "rag.none")),
            f"*{t(lang, 'field.owner')}*\n{esc(a.owner) if a.owner else '—'}",
            f"*{t(lang, 'field.due')}*\n{self._fmt(plan, a.due_date)}",
        ]
        items: list = [Header(title), Fields(tuple(pairs))]
        if a.cause:
            items.append(Section(f"*{t(lang, 'field.cause')}*: {esc(a.cause)}"))
        if a.goal:
            items.append(Section(f"*{t(lang, 'field.goal')}*: {esc(a.goal)}"))
        if logs:
            lines = [self._log_line(plan, e, with_activity=False) for e in logs]
            items.append(Section(f"*{t(lang, 'activity.recent_log')}*\n" + "\n".join(lines)))
        else:
            items.append(Section(t(lang, "activity.no_log", cmd=self.command, ref=a.ref)))
        if fus:
            items.append(Section(f"*{t(lang, 'activity.open_followups')}*"))
            items.extend(self._cards(ctx, plan, fus, "overdue"))
        items.append(Note(t(lang, "activity.detail_help", cmd=self.command, ref=a.ref)))
        return Reply(f"{a.ref} {esc(a.title, 140)}", items, lang=lang, plan_id=plan.id)

    def _cmd_activityset(self, ctx: Context, cmd: g.ActivitySet) -> Reply:
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            a = self._activity(tx, plan, cmd.number)
            me = tx.members.get(plan.id, ctx.user_id)
            allowed = me is not None and (
                me.is_coordinator or (a.owner_org_id and me.organisation_id == a.owner_org_id)
            )
            if not allowed:
                owner = esc(a.owner) if a.owner else "—"
                raise UserError(
                    "denied.activity",
                    what=t(plan.language, f"what.activity_{cmd.field}"),
                    ref=a.ref,
                    owner=owner,
                    who=self._coordinators(tx, plan),
                )
            lang = plan.language
            value: object
            if cmd.field == "owner":
                org = self._org(tx, plan, cmd.value)
                old, new = a.owner, org.name
                changes = {"owner_org_id": org.id}
                shown_old, shown_new = esc(old) if old else "—", esc(new)
            elif cmd.field == "due":
                if cmd.value.casefold() in ("none", "ingen"):
                    value = None
                else:
                    value = self._date(plan, cmd.value, self.today(plan), topic="activity_due")
                old, new = a.due_date, value
                changes = {"due_date": value}
                shown_old, shown_new = self._fmt(plan, a.due_date), self._fmt(plan, value)  # type: ignore[arg-type]
            elif cmd.field == "status":
                old, new = a.status, cmd.value
                changes = {"status": cmd.value}
                shown_old = t(lang, f"status.{old}")
                shown_new = t(lang, f"status.{new}")
            elif cmd.field == "rag":
                old, new = a.rag, cmd.value
                changes = {"rag": cmd.value}
                shown_old = t(lang, f"rag.{old}") if old else t(lang, "rag.none")
                shown_new = t(lang, f"rag.{new}")
            else:
                value = self._check_text(cmd.value, limit=200 if cmd.field == "title" else 2000)
                old, new = getattr(a, cmd.field), value
                changes = {cmd.field: value}
                shown_old, shown_new = esc(old, 200) if old else "—", esc(value, 200)  # type: ignore[arg-type]
            if old == new:
                raise self._no_change(lang, a.ref, cmd.field, new, shown_new)
            tx.activities.update(a.id, **changes)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="activity",
                ref=a.ref,
                action="updated",
                before={cmd.field: old},
                after={cmd.field: new},
            )
        icon = ""
        if cmd.field == "status":
            icon = STATUS_ICONS[cmd.value] + " "
        elif cmd.field == "rag":
            icon = RAG_ICONS[cmd.value] + " "
        return self._changed(
            plan,
            "activity.changed",
            icon=icon,
            ref=a.ref,
            title=esc(a.title, 120),
            field=t(lang, f"field.{cmd.field}"),
            old=shown_old,
            new=shown_new,
            user=mention(ctx.user_id),
        )

    def _no_change(self, lang: str, ref: str, fld: str, new: object, shown: str) -> UserError:
        """The refusal of a change to what a field already holds, worded for the field."""
        if fld in ("status", "rag", "assignee"):
            return UserError(f"error.no_change_{fld}", ref=ref, value=shown)
        if fld == "due":
            if new is None:
                return UserError("error.no_change_no_due", ref=ref)
            return UserError("error.no_change_due", ref=ref, value=shown)
        return UserError(
            "error.no_change_value", ref=ref, name=t(lang, f"field.{fld}").lower(), value=shown
        )

    # -- log ---------------------------------------------------------------------------------

    def _cmd_log(self, ctx: Context, cmd: g.Log) -> Reply:
        return self.add_log(
            ctx,
            text=cmd.text,
            activity=f"A{cmd.activity}" if cmd.activity is not None else None,
            on=cmd.on,
        )

    def add_log(
        self,
        ctx: Context,
        *,
        text: str,
        activity: str | None = None,
        on: str | date | None = None,
        source: str = "command",
        permalink: str | None = None,
    ) -> Reply:
        """Record something done (command, modal or message shortcut)."""
        text = self._check_text(text, field="text")
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            me = self.require_member(tx, plan, ctx, "log")
            act = self._activity_ref(tx, plan, activity)
            today = self.today(plan)
            day = (
                self._date(plan, on, today, topic="log", prefer="past", field="date")
                if on is not None
                else today
            )
            if day > today:
                raise UserError("error.log_future", field="date", day=self._fmt(plan, day))
            entry = tx.logs.add(
                plan.id,
                text=text,
                user_id=ctx.user_id,
                happened_on=day,
                source=source,
                activity_id=act.id if act else None,
                organisation_id=me.organisation_id,
                permalink=permalink,
            )
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="log",
                ref=entry.ref,
                action="created",
                after={"activity": entry.activity_ref, "text": text, "on": day, "source": source},
            )
            if act:
                tx.audit.record(
                    team_id=ctx.team_id,
                    plan_id=plan.id,
                    user_id=ctx.user_id,
                    entity="activity",
                    ref=act.ref,
                    action="logged",
                    after={"log": entry.ref, "on": day},
                )
        lang = plan.language
        where = (
            t(lang, "log.on_activity", ref=act.ref, title=esc(act.title, 80))
            if act
            else t(lang, "log.no_activity")
        )
        org = f" ({esc(me.organisation)})" if me.organisation else ""
        head = t(
            lang,
            "log.added",
            ref=entry.ref,
            where=where,
            user=mention(ctx.user_id),
            org=org,
            day=self._fmt(plan, day),
        )
        body = f"> {esc(text)}".replace("\n", "\n> ")
        if permalink:
            body += "\n" + t(lang, "log.source_link", link=permalink)
        return Reply(
            f"{head}\n{body}",
            [Section(f"📝 {head}\n{body}")],
            visibility="channel",
            lang=lang,
            plan_id=plan.id,
        )

    def _activity_ref(self, tx: Tx, plan: Plan, ref: str | None) -> Activity | None:
        if not ref:
            return None
        number = g._ref(g.ACTIVITY_REF, ref.strip())
        if number is None:
            raise UserError("error.no_activity", field="activity", ref=esc(ref, 20))
        return self._activity(tx, plan, number, field="activity")

    def _log_line(self, plan: Plan, e: LogEntry, with_activity: bool = True) -> str:
        lang = plan.language
        bits = [f"`{e.ref}` {self._fmt(plan, e.happened_on)}"]
        if with_activity and e.activity_ref:
            bits.append(f"*{e.activity_ref}*")
        who = mention(e.user_id) + (f" ({esc(e.organisation)})" if e.organisation else "")
        line = " ".join(bits) + f" {who}: {esc(e.text, 200)}"
        if e.permalink:
            line += f" <{e.permalink}|{t(lang, 'log.link')}>"
        return line

    # -- follow-ups --------------------------------------------------------------------------

    def _cmd_follow(self, ctx: Context, cmd: g.Follow) -> Reply:
        return self.add_followup(
            ctx,
            assignee=cmd.user,
            text=cmd.text,
            by=cmd.by,
            activity=f"A{cmd.activity}" if cmd.activity is not None else None,
        )

    def add_followup(
        self,
        ctx: Context,
        *,
        assignee: str,
        text: str,
        by: str | date | None = None,
        activity: str | None = None,
        permalink: str | None = None,
    ) -> Reply:
        """Assign a follow-up (command, modal or message shortcut)."""
        text = self._check_text(text, field="text")
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_member(tx, plan, ctx, "follow")
            act = self._activity_ref(tx, plan, activity)
            today = self.today(plan)
            due = (
                self._date(plan, by, today, topic="follow", field="due") if by is not None else None
            )
            if due is not None and due < today:
                raise UserError("error.due_past", field="due", day=self._fmt(plan, due))
            f = tx.followups.add(
                plan.id,
                text=text,
                assignee=assignee,
                assigned_by=ctx.user_id,
                due_date=due,
                activity_id=act.id if act else None,
                permalink=permalink,
            )
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="followup",
                ref=f.ref,
                action="created",
                after={"assignee": assignee, "text": text, "due": due, "activity": f.activity_ref},
            )
        lang = plan.language
        extra = []
        if due:
            extra.append(t(lang, "followup.due_part", due=self._fmt(plan, due)))
        if act:
            extra.append(f"*{act.ref}* {esc(act.title, 80)}")
        head = t(
            lang,
            "followup.added",
            ref=f.ref,
            assignee=mention(assignee),
            by=mention(ctx.user_id),
            extra=(" — " + ", ".join(extra)) if extra else "",
        )
        body = f"> {esc(text)}".replace("\n", "\n> ")
        if permalink:
            body += "\n" + t(lang, "log.source_link", link=permalink)
        return Reply(
            f"{head}\n{body}",
            [Section(f"📌 {head}\n{body}")],
            visibility="channel",
            lang=lang,
            touched_users=frozenset({assignee}),
            plan_id=plan.id,
        )

    def _may_act(self, tx: Tx, plan: Plan, f: FollowUp, user: str, reassign: bool = False) -> bool:
        me = tx.members.get(plan.id, user)
        if me is not None and me.is_coordinator:
            return True
        return user == f.assigned_by or (not reassign and user == f.assignee)

    def _open_followup(
        self, tx: Tx, ctx: Context, plan: Plan, number: int, what: str, reassign: bool = False
    ) -> FollowUp:
        """An open follow-up the caller may act on (`what`: done, cancel, snooze, reassign)."""
        f = self._followup(tx, plan, number)
        if not self._may_act(tx, plan, f, ctx.user_id, reassign=reassign):
            if reassign:
                raise UserError(
                    "denied.reassign",
                    ref=f.ref,
                    by=mention(f.assigned_by),
                    who=self._coordinators(tx, plan),
                )
            raise UserError(
                "denied.followup",
                what=t(plan.language, f"what.{what}"),
                ref=f.ref,
                assignee=mention(f.assignee),
                by=mention(f.assigned_by),
                who=self._coordinators(tx, plan),
            )
        if f.status != "open":
            raise UserError(
                "error.followup_closed",
                ref=f.ref,
                status=t(plan.language, f"fstatus.{f.status}"),
            )
        return f

    def _cmd_done(self, ctx: Context, cmd: g.Done) -> Reply:
        return self.close_followup(ctx, cmd.number, "done")

    def _cmd_cancel(self, ctx: Context, cmd: g.Cancel) -> Reply:
        return self.close_followup(ctx, cmd.number, "cancelled")

    def close_followup(
        self, ctx: Context, number: int, status: str = "done", plan_id: int | None = None
    ) -> Reply:
        """Complete or cancel a follow-up (command or button)."""
        with self.store.write() as tx:
            plan = self._plan_for(tx, ctx, plan_id)
            what = "done" if status == "done" else "cancel"
            f = self._open_followup(tx, ctx, plan, number, what)
            tx.followups.update(
                f.id, status=status, done_by=ctx.user_id, done_at=self.clock().astimezone(UTC)
            )
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="followup",
                ref=f.ref,
                action=status,
                before={"status": "open"},
                after={"status": status},
            )
        return self._changed(
            plan,
            "followup.done" if status == "done" else "followup.cancelled",
            frozenset({f.assignee, f.assigned_by}),
            ref=f.ref,
            text=esc(f.text, 200),
            user=mention(ctx.user_id),
        )

    def _plan_for(self, tx: Tx, ctx: Context, plan_id: int | None) -> Plan:
        """The plan of the channel, or the plan a button names (checked against the team)."""
        if plan_id is None:
            return self.plan(tx, ctx)
        plan = tx.plans.get(plan_id)
        if plan is None or plan.team_id != ctx.team_id:
            raise UserError("error.no_plan", topic="setup")
        return plan

    def _cmd_snooze(self, ctx: Context, cmd: g.Snooze) -> Reply:
        return self.snooze_followup(ctx, cmd.number, cmd.until)

    def snooze_followup(
        self, ctx: Context, number: int, until: str | timedelta, plan_id: int | None = None
    ) -> Reply:
        """Move a follow-up's due date later (command, or a button's 1 day / 1 week).

        A step (`+3d`, `1w`, a button) counts from the due date, or from today when that has
        passed; a date or weekday is that day. Snoozing never moves a due date earlier.
        """
        with self.store.write() as tx:
            plan = self._plan_for(tx, ctx, plan_id)
            f = self._open_followup(tx, ctx, plan, number, "snooze")
            today = self.today(plan)
            base = max(f.due_date or today, today)
            if isinstance(until, timedelta):
                new_due = base + until
            else:
                start = base if g.is_offset(until) else today
                new_due = self._date(plan, until, today, topic="snooze", base=start)
            if new_due < today:
                raise UserError("error.due_past", day=self._fmt(plan, new_due))
            if f.due_date is not None and new_due < f.due_date:
                raise UserError(
                    "error.snooze_earlier",
                    ref=f.ref,
                    due=self._fmt(plan, f.due_date),
                    suggest=(f.due_date + timedelta(days=1)).isoformat(),
                )
            if new_due == f.due_date:
                raise self._no_change(
                    plan.language, f.ref, "due", new_due, self._fmt(plan, new_due)
                )
            tx.followups.update(f.id, due_date=new_due, snoozed_until=new_due)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="followup",
                ref=f.ref,
                action="snoozed",
                before={"due": f.due_date},
                after={"due": new_due},
            )
        return self._changed(
            plan,
            "followup.snoozed",
            frozenset({f.assignee}),
            ref=f.ref,
            text=esc(f.text, 120),
            old=self._fmt(plan, f.due_date),
            new=self._fmt(plan, new_due),
            user=mention(ctx.user_id),
        )

    def _cmd_reassign(self, ctx: Context, cmd: g.Reassign) -> Reply:
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            f = self._open_followup(tx, ctx, plan, cmd.number, "reassign", reassign=True)
            if f.assignee == cmd.user:
                raise self._no_change(plan.language, f.ref, "assignee", cmd.user, mention(cmd.user))
            tx.followups.update(f.id, assignee=cmd.user, last_reminded_on=None)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="followup",
                ref=f.ref,
                action="reassigned",
                before={"assignee": f.assignee},
                after={"assignee": cmd.user},
            )
        return self._changed(
            plan,
            "followup.reassigned",
            frozenset({f.assignee, cmd.user}),
            ref=f.ref,
            text=esc(f.text, 120),
            old=mention(f.assignee),
            new=mention(cmd.user),
        )

    def followup_text(self, plan: Plan, f: FollowUp, today: date, with_assignee: bool) -> str:
        """A follow-up card's mrkdwn: ref, text, when it is due, and who gave or has it."""
        lang = plan.language
        bits = []
        if f.due_date:
            late = (today - f.due_date).days
            if late > 0:
                bits.append(
                    "⏰ " + t(lang, "followup.late", n=late, due=self._fmt(plan, f.due_date))
                )
            elif late == 0:
                bits.append(t(lang, "followup.due_today"))
            else:
                bits.append(t(lang, "followup.due_part", due=self._fmt(plan, f.due_date)))
        if with_assignee:
            bits.append(t(lang, "followup.for", user=mention(f.assignee)))
        else:
            bits.append(t(lang, "followup.from", user=mention(f.assigned_by)))
        if f.activity_ref:
            bits.append(f"*{f.activity_ref}*")
        return f"*{f.ref}* {esc(f.text, 250)}\n" + " · ".join(bits)

    def _cards(
        self, ctx: Context, plan: Plan, fus: list[FollowUp], more_cmd: str, with_assignee=True
    ) -> list:
        today = self.today(plan)
        coordinator = self._is_coordinator(plan, ctx.user_id)
        cards: list = [
            FollowUpCard(
                plan.id,
                f.ref,
                self.followup_text(plan, f, today, with_assignee),
                can_act=f.status == "open"
                and (coordinator or ctx.user_id in (f.assignee, f.assigned_by)),
            )
            for f in fus[:CARD_LIMIT]
        ]
        if len(fus) > CARD_LIMIT:
            cards.append(self._more(plan.language, len(fus) - CARD_LIMIT, more_cmd))
        return cards

    def _is_coordinator(self, plan: Plan, user: str) -> bool:
        with self.store.read() as tx:
            m = tx.members.get(plan.id, user)
        return bool(m and m.is_coordinator)

    # -- personal views ----------------------------------------------------------------------

    def _cmd_mine(self, ctx: Context, cmd: g.Mine) -> Reply:
        return self.mine(ctx)

    def mine(self, ctx: Context, lang: str | None = None) -> Reply:
        """A person's open follow-ups across their plans in this workspace."""
        with self.store.read() as tx:
            fus = tx.followups.open_of_user(ctx.team_id, ctx.user_id)
            plans = {p.id: p for p in tx.plans.of_user(ctx.team_id, ctx.user_id)}
            here = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
        lang = (
            lang
            or (here.language if here else None)
            or (next(iter(plans.values())).language if plans else self.default_language)
        )
        if not fus:
            text = t(lang, "mine.none")
            return Reply(text, [Section("🎉 " + text)], lang=lang)
        title = t(lang, "mine.title", n=len(fus))
        items: list = [Header(title)]
        shown = 0
        for pid in dict.fromkeys(f.plan_id for f in fus):
            plan = plans[pid]
            group = [f for f in fus if f.plan_id == pid]
            room = max(CARD_LIMIT - shown, 0)
            if room == 0:
                break  # no cards left to show: no plan header without cards
            if len(plans) > 1:
                items.append(Section(f"*{esc(plan.name)}*"))
            items.extend(self._cards(ctx, plan, group[:room], "mine", with_assignee=False))
            shown += min(len(group), room)
        if shown < len(fus):
            items.append(self._more(lang, len(fus) - shown, "mine"))
        fallback = title + "\n" + "\n".join(f"{f.ref} {esc(f.text, 80)}" for f in fus[:20])
        return Reply(fallback, items, lang=lang)

    def _cmd_reminders(self, ctx: Context, cmd: g.Reminders) -> Reply:
        lang = self._language_for(ctx)
        with self.store.write() as tx:
            before = tx.reminders.enabled(ctx.team_id, ctx.user_id)
            tx.reminders.set(ctx.team_id, ctx.user_id, cmd.on)
            plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id if plan else None,
                user_id=ctx.user_id,
                entity="settings",
                ref=f"reminders:{ctx.user_id}",
                action="reminders",
                before={"reminders": before},
                after={"reminders": cmd.on},
            )
        text = t(lang, "reminders.on" if cmd.on else "reminders.off", cmd=self.command)
        return Reply(text, [Section(text)], lang=lang)

    # -- reading the plan --------------------------------------------------------------------

    def _cmd_status(self, ctx: Context, cmd: g.Status) -> Reply:
        if cmd.activity is not None:
            return self._cmd_activityshow(ctx, g.ActivityShow(cmd.activity))
        if cmd.org is not None:
            return self._org_status(ctx, cmd.org)
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            acts = tx.activities.of_plan(plan.id)
            today = self.today(plan)
            week_logs = tx.logs.between(plan.id, today - timedelta(days=6), today)
            open_fus = tx.followups.of_plan(plan.id, "open")
            me = tx.members.get(plan.id, ctx.user_id)
            last = tx.logs.last_logged(plan.id)
        return self._overview(ctx, plan, acts, week_logs, open_fus, me, last, today)

    def _overview(self, ctx, plan, acts, week_logs, open_fus, me, last, today) -> Reply:
        lang = plan.language
        title = t(lang, "status.title", name=plan.name)
        items: list = [Header(clip(title, 150))]  # plain text: not escaped
        if plan.area:
            items.append(Note(t(lang, "status.area", area=esc(plan.area))))
        items.append(activity_summary(lang, acts, t(lang, "status.activities", n=len(acts))))
        late_fus = [f for f in open_fus if f.due_date and f.due_date < today]
        late_acts = [
            a
            for a in acts
            if a.due_date and a.due_date < today and a.status not in ("done", "cancelled")
        ]
        red = [a for a in acts if a.rag == "red" and a.status not in ("done", "cancelled")]
        quiet = [
            a
            for a in acts
            if a.status == "active"
            and (last.get(a.id) or a.start_date or today) < today - timedelta(days=28)
        ]
        lines = [
            t(lang, "status.open_followups", n=len(open_fus), late=len(late_fus)),
            t(lang, "status.late_activities", n=len(late_acts)),
            t(lang, "status.week_log", n=len(week_logs)),
        ]
        items.append(Section("\n".join("• " + x for x in lines)))
        attention = []
        for a in red:
            attention.append(f"{RAG_ICONS['red']} *{a.ref}* {esc(a.title, 100)}")
        for a in late_acts:
            if a not in red:
                attention.append(
                    f"⏰ *{a.ref}* {esc(a.title, 100)} — "
                    + t(lang, "activity.due_part", due=self._fmt(plan, a.due_date))
                )
        for a in quiet:
            if a not in red and a not in late_acts:
                attention.append(f"💤 *{a.ref}* {esc(a.title, 100)} — " + t(lang, "status.quiet"))
        if attention:
            items.append(Section(f"*{t(lang, 'status.attention')}*"))
            items.extend(self._lines(lang, attention, "overdue", limit=10))
        if week_logs:
            recent = [self._log_line(plan, e) for e in week_logs[:8]]
            items.append(Section(f"*{t(lang, 'status.recent')}*\n" + "\n".join(recent)))
            if len(week_logs) > 8:
                items.append(Note(t(lang, "status.more_week", n=len(week_logs) - 8)))
        notes = [self._schedule_line(plan)]
        if plan.delivery_error and me is not None and me.is_coordinator:
            notes.append(
                "⚠️ "
                + t(
                    lang,
                    "status.delivery_error",
                    error=esc(plan.delivery_error),
                    when=self._fmt(plan, plan.delivery_error_at.date())
                    if plan.delivery_error_at
                    else "—",
                )
            )
        items.append(Note("\n".join(notes)))
        fallback = t(lang, "status.title", name=esc(plan.name)) + "\n" + "\n".join(lines)
        return Reply(fallback, items, lang=lang, plan_id=plan.id)

    def _org_status(self, ctx: Context, name: str) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            org = tx.organisations.by_name(plan.id, name)
            if org is None:
                known = ", ".join(f"*{esc(o.name)}*" for o in tx.organisations.of_plan(plan.id))
                raise UserError(
                    "error.status_target" if known else "error.no_orgs_yet",
                    topic="status",
                    name=esc(name, 80),
                    known=known,
                )
            today = self.today(plan)
            acts = [a for a in tx.activities.of_plan(plan.id) if a.owner_org_id == org.id]
            people = [m for m in tx.members.of_plan(plan.id) if m.organisation_id == org.id]
            logs = tx.logs.between(
                plan.id, today - timedelta(days=6), today, organisation_id=org.id
            )
            ids = {m.user_id for m in people}
            fus = [f for f in tx.followups.of_plan(plan.id, "open") if f.assignee in ids]
        lang = plan.language
        title = f"{clip(org.name, 100)} — {t(lang, f'kind.{org.kind}')}"
        items: list = [Header(title)]
        items.append(
            Section(
                f"*{t(lang, 'org.people')}*: "
                + (", ".join(mention(m.user_id) for m in people) or t(lang, "org.nobody"))
            )
        )
        if acts:
            items.append(Section(f"*{t(lang, 'org.activities', n=len(acts))}*"))
            items.extend(
                self._lines(
                    lang, [self._activity_line(plan, a, today) for a in acts], "activity list", 15
                )
            )
        else:
            items.append(Section(t(lang, "org.no_activities")))
        if logs:
            items.append(
                Section(
                    f"*{t(lang, 'status.recent')}*\n"
                    + "\n".join(self._log_line(plan, e) for e in logs[:8])
                )
            )
        late = sum(1 for f in fus if f.due_date and f.due_date < today)
        items.append(Note(t(lang, "status.open_followups", n=len(fus), late=late)))
        fallback = f"{esc(org.name, 100)} — {t(lang, f'kind.{org.kind}')}"
        return Reply(fallback, items, lang=lang, plan_id=plan.id)

    def _cmd_overdue(self, ctx: Context, cmd: g.Overdue) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            today = self.today(plan)
            fus = tx.followups.open_due(plan.id, today - timedelta(days=1))
            acts = [
                a
                for a in tx.activities.of_plan(plan.id)
                if a.due_date and a.due_date < today and a.status not in ("done", "cancelled")
            ]
        lang = plan.language
        if not fus and not acts:
            text = t(lang, "overdue.none")
            return Reply(text, [Section("👍 " + text)], lang=lang)
        title = t(lang, "overdue.title", f=len(fus), a=len(acts))
        items: list = [Header(title)]
        if fus:
            items.append(Section(f"*{t(lang, 'overdue.followups')}*"))
            items.extend(self._cards(ctx, plan, fus, "overdue"))
        if acts:
            items.append(Section(f"*{t(lang, 'overdue.activities')}*"))
            items.extend(
                self._lines(lang, [self._activity_line(plan, a, today) for a in acts], "overdue")
            )
        return Reply(title, items, lang=lang, plan_id=plan.id)

    def _cmd_search(self, ctx: Context, cmd: g.Search) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            hits, total = tx.logs.search(plan.id, cmd.query, LIST_LIMIT)
        lang = plan.language
        if not hits:
            text = t(lang, "search.none", query=esc(cmd.query, 100))
            return Reply(text, [Section(text)], lang=lang)
        title = t(lang, "search.title", n=total, query=clip(cmd.query, 80))
        items: list = [Header(clip(title, 150))]
        items.extend(
            self._lines(lang, [self._log_line(plan, e) for e in hits], "search", LIST_LIMIT)
        )
        if total > len(hits):
            items.append(Note(t(lang, "search.more", n=total - len(hits))))
        return Reply(t(lang, "search.title", n=total, query=esc(cmd.query, 80)), items, lang=lang)

    def _cmd_history(self, ctx: Context, cmd: g.History) -> Reply:
        with self.store.read() as tx:
            plan = self.plan(tx, ctx)
            events = tx.audit.of_item(plan.id, cmd.ref)
        lang = plan.language
        if not events:
            raise UserError("error.no_history", ref=cmd.ref)
        tz = ZoneInfo(plan.timezone)
        today = self.today(plan)
        lines = []
        for e in events:
            local = e.at.astimezone(tz)
            when = f"{format_date(local.date(), lang, today)} {local:%H:%M}"
            lines.append(f"• {when} {mention(e.user_id)} {self._describe(plan, e)}")
        title = t(lang, "history.title", ref=cmd.ref)
        items: list = [Header(title)]
        # The newest events matter most when the trail is long.
        hidden = max(len(lines) - 40, 0)
        if hidden:
            items.append(Note(t(lang, "history.older", n=hidden)))
        items.extend(self._lines(lang, lines[hidden:], "history", 40))
        return Reply(title + "\n" + "\n".join(lines[-10:]), items, lang=lang)

    def _describe(self, plan: Plan, e) -> str:
        lang = plan.language

        def show(key: str, value: object) -> str:
            if value is None or value == "":
                return "—"
            if key in ("status",):
                return (
                    t(lang, f"status.{value}")
                    if e.entity == "activity"
                    else t(lang, f"fstatus.{value}")
                )
            if key == "rag":
                return t(lang, f"rag.{value}")
            if key in ("source", "kind", "role") and has(f"{key}.{value}"):
                # Stored values ("command", "social_services") are shown in the plan's words.
                return t(lang, f"{key}.{value}")
            if key in ("assignee",):
                return mention(str(value))
            if key in ("due", "on", "due_date"):
                try:
                    return self._fmt(plan, date.fromisoformat(str(value)))
                except ValueError:
                    return esc(str(value))
            return esc(str(value), 120)

        def label(key: str) -> str:
            return t(lang, f"field.{key}") if has(f"field.{key}") else key

        if e.action == "created":
            after = e.after or {}
            parts = [f"{label(k)}: {show(k, v)}" for k, v in after.items() if v]
            return t(lang, "history.created") + (" — " + "; ".join(parts) if parts else "")
        if e.action == "logged":
            return t(lang, "history.logged", log=(e.after or {}).get("log", ""))
        before, after = e.before or {}, e.after or {}
        changes = [f"{label(k)}: {show(k, before.get(k))} → {show(k, v)}" for k, v in after.items()]
        action = t(lang, f"history.{e.action}") if has(f"history.{e.action}") else e.action
        return action + ": " + "; ".join(changes)

    # -- digest and settings -----------------------------------------------------------------

    def _cmd_digestcmd(self, ctx: Context, cmd: g.DigestCmd) -> Reply:
        from samverkan.digest import build_digest

        if cmd.action == "preview":
            with self.store.read() as tx:
                plan = self.plan(tx, ctx)
                reply = build_digest(tx, plan, self.clock(), self.command)
            reply.visibility = "ephemeral"
            return reply
        if cmd.action == "now":
            with self.store.read() as tx:
                plan = self.plan(tx, ctx)
                self.require_coordinator(tx, plan, ctx, "digest_now")
                reply = build_digest(tx, plan, self.clock(), self.command)
            reply.visibility = "channel"
            return reply
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_coordinator(tx, plan, ctx, "digest_schedule")
            before = {"weekday": plan.digest_weekday, "time": plan.digest_time}
            if cmd.action == "off":
                if plan.digest_weekday is None:
                    raise UserError("error.digest_already_off")
                plan = tx.plans.update(plan.id, digest_weekday=None, digest_set_at=self.clock())
            else:
                try:
                    hhmm = parse_hhmm(cmd.time or "")
                except DateError:
                    raise UserError(
                        "error.bad_time", topic="digest", value=esc(cmd.time or "", 20)
                    ) from None
                plan = tx.plans.update(
                    plan.id,
                    digest_weekday=cmd.weekday,
                    digest_time=f"{hhmm:%H:%M}",
                    digest_set_at=self.clock(),
                )
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="plan",
                ref="plan",
                action="digest",
                before=before,
                after={"weekday": plan.digest_weekday, "time": plan.digest_time},
            )
        self._notify_schedule(plan.id)
        key = "digest.off" if cmd.action == "off" else "digest.scheduled"
        text = t(plan.language, key, cmd=self.command) + "\n" + self._schedule_line(plan)
        return Reply(
            text, [Section(text)], visibility="channel", lang=plan.language, plan_id=plan.id
        )

    def _cmd_settings(self, ctx: Context, cmd: g.Settings) -> Reply:
        with self.store.write() as tx:
            plan = self.plan(tx, ctx)
            self.require_coordinator(tx, plan, ctx, "settings")
            value = cmd.value
            if cmd.key == "timezone":
                # Only names of real zones: "Europe" alone is a folder of them, not a zone.
                zone = timezone_name(value)
                if zone is None:
                    raise UserError(
                        "error.bad_timezone", topic="settings_timezone", value=esc(value, 40)
                    )
                value = zone
            else:
                value = self._check_text(value, limit=100)
            old = getattr(plan, cmd.key)
            if old == value:
                raise UserError(
                    "error.no_change_setting",
                    setting=t(plan.language, f"setting.{cmd.key}"),
                    value=esc(value),
                )
            plan = tx.plans.update(plan.id, **{cmd.key: value})
            tx.audit.record(
                team_id=ctx.team_id,
                plan_id=plan.id,
                user_id=ctx.user_id,
                entity="plan",
                ref="plan",
                action="settings",
                before={cmd.key: old},
                after={cmd.key: value},
            )
        if cmd.key == "timezone":
            self._notify_schedule(plan.id)
        return self._changed(
            plan,
            "settings.changed",
            setting=t(plan.language, f"setting.{cmd.key}"),
            old=esc(str(old)) if old else "—",
            new=esc(value),
        )
