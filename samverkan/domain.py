"""The domain's shared ground: its settings, the unit of work a command runs in, and the
look-ups, checks and reply helpers every command family uses."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from samverkan.context import Context, PersonalData, UserError
from samverkan.dates import DateError, format_date, parse_date
from samverkan.i18n import t
from samverkan.parsing import MAX_TEXT
from samverkan.personal_data import findings
from samverkan.privacy import contains_identity_number
from samverkan.registry import Access
from samverkan.reply import Effect, Item, Note, Reply, Section
from samverkan.text import LIST_LIMIT, esc, mention, more_text, pack_lines
from storage import Activity, FollowUp, Member, Organisation, Plan, Store, Tx

log = logging.getLogger(__name__)

#: How far from today a typed date may be, in years either way.
DATE_WINDOW_YEARS = 2


def _years_from(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


class Domain:
    """The settings and helpers of the domain; `samverkan.service.Samverkan` adds the commands."""

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
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.default_language = default_language
        self.default_timezone = default_timezone
        self.command = command
        #: Called with a plan id after its schedule or timezone changed (the scheduler listens).
        self.schedule_listeners: list[Callable[[int], None]] = []
        #: People whose Slack locale this process knows is recorded (no read per command).
        self._locale_known: set[tuple[str, str]] = set()
        #: Form submissions refused for text that looked personal (hashes, in memory only).
        self._warned: dict[tuple[str, str, str], datetime] = {}

    # -- the unit of work --------------------------------------------------------------------

    @contextmanager
    def unit(
        self,
        ctx: Context,
        *,
        writes: bool,
        access: Access = Access.PLAN,
        what: str = "",
        plan_id: int | None = None,
        on_archived: bool = False,
    ) -> Iterator[Unit]:
        """Open a transaction, resolve the plan, check access; run what waits for the commit.

        The plan is the channel's, or the one a button names (`plan_id`, checked against the
        team). With Access.ANYONE a channel without a plan is no refusal.
        """
        with self.store.write() if writes else self.store.read() as tx:
            if plan_id is not None:
                plan = tx.plans.get(plan_id)
                # A button names its plan: of the person's team, or of the channel it is in
                # (a Slack Connect channel shared with the plan's workspace).
                if plan is None or (
                    plan.team_id != ctx.team_id and plan.channel_id != ctx.channel_id
                ):
                    raise UserError("error.no_plan", topic="setup")
            else:
                plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
            u = Unit(self, ctx, tx, plan)
            if access is not Access.ANYONE:
                u.me = self.require(tx, u.plan, ctx, access, what)
            if writes and plan is not None and plan.archived and not on_archived:
                # A closed plan is read-only: reads (and `plan delete`) still work.
                raise UserError("plan.is_archived", name=esc(plan.name))
            if writes and plan is not None and tx.workspaces.revoked(plan.team_id):
                # Its workspace uninstalled the bot: kept, read-only, until erased (§13).
                raise UserError("plan.unserved", name=esc(plan.name))
            yield u
        for run in u.after_commit:
            run()

    def require(self, tx: Tx, plan: Plan, ctx: Context, access: Access, what: str) -> Member | None:
        """The caller's membership, refused (saying who may) when `access` asks for more."""
        me = tx.members.get(plan.id, ctx.user_id)
        if access is Access.COORDINATOR and (me is None or not me.is_coordinator):
            raise UserError(
                "denied.coordinator",
                what=t(plan.language, f"what.{what}"),
                who=self.coordinators(tx, plan),
            )
        if access is Access.MEMBER and me is None:
            raise UserError(
                "denied.member",
                what=t(plan.language, f"what.{what}"),
                orgs=", ".join(esc(o.name) for o in tx.organisations.of_plan(plan.id)) or "—",
            )
        return me

    def coordinators(self, tx: Tx, plan: Plan) -> str:
        """The plan's coordinators as mentions, for refusals that say who may."""
        people = [mention(m.user_id) for m in tx.members.of_plan(plan.id) if m.is_coordinator]
        return ", ".join(people) or "—"

    def notify_schedule(self, plan_id: int) -> None:
        """Tell the schedule listeners that a plan's digest moment may have moved.

        Runs after the change is committed: a listener that fails is logged and the others
        still run, so the reply still says what was changed.
        """
        for listener in self.schedule_listeners:
            try:
                listener(plan_id)
            except Exception:
                log.exception("schedule listener failed for plan %s", plan_id)

    # -- time and dates ----------------------------------------------------------------------

    def today(self, plan: Plan | None) -> date:
        """Today's date in the plan's timezone (the default timezone without a plan)."""
        tz = ZoneInfo(plan.timezone if plan else self.default_timezone)
        return self.clock().astimezone(tz).date()

    def fmt(self, plan: Plan, d: date | None) -> str:
        """A date in the plan's language ("—" for none)."""
        if d is None:
            return "—"
        return format_date(d, plan.language, self.today(plan))

    def date(
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

    # -- replies -----------------------------------------------------------------------------

    def more(self, lang: str, hidden: int, command: str) -> Note:
        """The "…and N more: `<command>`" note under a capped list."""
        return Note(more_text(lang, hidden, self.command, command))

    def lines(self, lang: str, lines: list[str], command: str, limit: int = LIST_LIMIT) -> list:
        """List lines packed into sections, the first `limit` of them, then "…and N more"."""
        items: list[Item] = list(pack_lines(lines[:limit]))
        if len(lines) > limit:
            items.append(self.more(lang, len(lines) - limit, command))
        return items

    def error_reply(self, lang: str, e: UserError) -> Reply:
        """A friendly refusal with a valid example."""
        values = {"cmd": self.command, **e.values_for(lang)}
        text = t(lang, e.key, **values)
        items: list[Item] = [Section("⚠️ " + text)]
        if "suggestion" in e.values and e.key != "error.unknown_command_guess":
            # The corrected command is the example that helps most: ready to copy.
            guess = t(lang, "error.did_you_mean", **values)
            items.append(Section(guess))
            return Reply(f"{text}\n{guess}", items, ok=False, lang=lang)
        if e.topic:
            example = t(lang, f"example.{e.topic}", cmd=self.command)
            items.append(Note(t(lang, "error.example", example=example, cmd=self.command)))
            text += "\n" + t(lang, "error.example", example=example, cmd=self.command)
        return Reply(text, items, ok=False, lang=lang)

    def personal_language(self, tx: Tx, team_id: str, user_id: str, fallback: str) -> str:
        """The language of a person's own surfaces (mine, App Home, reminders).

        The one they chose (`settings my language`), else their Slack locale when it is
        English or Swedish, else `fallback` (the plan's language).
        """
        known = tx.languages.get(team_id, user_id)
        if known is None:
            return fallback
        if known.chosen:
            return known.chosen
        locale = (known.slack_locale or "").casefold()
        return locale[:2] if locale[:2] in ("en", "sv") else fallback

    def locale_remembered(self, team_id: str, user_id: str) -> bool:
        """Whether this process already knows Slack was asked for the person's locale (no I/O:
        a reply need not hand any work over for them)."""
        return (team_id, user_id) in self._locale_known

    def locale_unknown(self, team_id: str, user_id: str) -> bool:
        """Whether Slack has not been asked for this person's locale yet (users.info)."""
        if (team_id, user_id) in self._locale_known:
            return False
        with self.store.read() as tx:
            known = tx.languages.get(team_id, user_id)
        unknown = known is None or known.checked_at is None
        if not unknown:
            self._locale_known.add((team_id, user_id))
        return unknown

    def remember_locale(self, team_id: str, user_id: str, locale: str | None) -> None:
        """Record the locale Slack reported for a person (`users.info`, `include_locale`)."""
        with self.store.write() as tx:
            tx.languages.remember_locale(team_id, user_id, locale)
        self._locale_known.add((team_id, user_id))

    def language_for(self, ctx: Context) -> str:
        """The language of the channel's plan, or the default."""
        with self.store.read() as tx:
            plan = tx.plans.by_channel(ctx.team_id, ctx.channel_id)
        return plan.language if plan else self.default_language


@dataclass
class Unit:
    """One command's unit of work: the domain, who asks, the transaction, the plan."""

    d: Domain
    ctx: Context
    tx: Tx
    maybe_plan: Plan | None
    me: Member | None = None
    #: What runs once the transaction has committed (schedule changes, …).
    after_commit: list[Callable[[], None]] = field(default_factory=list)

    @property
    def plan(self) -> Plan:
        """The plan of the request; refused when the channel has none."""
        if self.maybe_plan is None:
            raise UserError("error.no_plan", topic="setup")
        return self.maybe_plan

    @property
    def lang(self) -> str:
        """The plan's language, or the default language without a plan."""
        return self.maybe_plan.language if self.maybe_plan else self.d.default_language

    @property
    def today(self) -> date:
        """Today in the plan's timezone."""
        return self.d.today(self.maybe_plan)

    def fmt(self, d: date | None) -> str:
        """A date in the plan's language."""
        return self.d.fmt(self.plan, d)

    def audit(
        self,
        entity: str,
        ref: str,
        action: str,
        *,
        before: dict | None = None,
        after: dict | None = None,
    ) -> None:
        """Record the change in the audit trail, in this transaction."""
        self.tx.audit.record(
            team_id=self.ctx.team_id,
            plan_id=self.maybe_plan.id if self.maybe_plan else None,
            user_id=self.ctx.user_id,
            entity=entity,
            ref=ref,
            action=action,
            before=before,
            after=after,
        )

    def changed(self, key: str, touched: frozenset[str] = frozenset(), **values: object) -> Reply:
        """A confirmation for the channel of what was changed."""
        plan = self.plan
        text = t(plan.language, key, **values).rstrip()  # no blank optional part
        effects: tuple[Effect, ...] = ()
        if touched:
            effects = (Effect.refresh_homes(touched),)
        return Reply(
            text,
            [Section(text)],
            visibility="channel",
            lang=plan.language,
            plan_id=plan.id,
            effects=effects,
        )

    def warn_if_past_due(self, reply: Reply, due: date | None) -> Reply:
        """Add a visible warning to `reply` when `due` has already passed (plans come late)."""
        if due is not None and due < self.today:
            warning = "⚠️ " + t(self.plan.language, "warning.due_past", day=self.fmt(due))
            reply.text += "\n" + warning
            reply.items.append(Note(warning))
        return reply

    def org(self, name: str, field: str | None = None) -> Organisation:
        """An organisation of the plan by name; refused (listing the known ones) otherwise."""
        org = self.tx.organisations.by_name(self.plan.id, name)
        if org is None:
            known = ", ".join(
                f"*{esc(o.name)}*" for o in self.tx.organisations.of_plan(self.plan.id)
            )
            raise UserError(
                "error.no_org" if known else "error.no_orgs_yet",
                field=field,
                name=esc(name, 80),
                known=known,
            )
        return org

    def check_personal(self, text: str, field: str | None = None, form: str | None = None) -> None:
        """Refuse text that looks like it names or locates a person, unless the person chose
        *Save anyway*; the plan's own names (organisations, the plan, its area) never count."""
        if self.ctx.personal_ok:
            return
        plan = self.plan
        allowed = [
            *(o.name for o in self.tx.organisations.of_plan(plan.id)),
            *(p.name for p in self.tx.places.of_plan(plan.id)),
            plan.name,
            plan.area,
        ]
        found = findings(text, [a for a in allowed if a])
        if found:
            raise PersonalData(
                [(f.kind, f.words) for f in found], text=text, field=field, form=form
            )

    def activity(self, number: int, field: str | None = None) -> Activity:
        """An activity of the plan by number."""
        a = self.tx.activities.get(self.plan.id, number)
        if a is None:
            raise UserError("error.no_activity", field=field, ref=f"A{number}")
        return a

    def followup(self, number: int) -> FollowUp:
        """A follow-up of the plan by number."""
        f = self.tx.followups.get(self.plan.id, number)
        if f is None:
            raise UserError("error.no_followup", ref=f"F{number}")
        return f


def check_text(text: str, field: str | None = None, limit: int = MAX_TEXT) -> str:
    """Text to store: no identity number, not empty, not too long."""
    text = text.strip()
    if contains_identity_number(text):
        raise UserError("error.identity_number", field=field)
    if not text:
        raise UserError("error.text_missing", field=field)
    if len(text) > limit:
        raise UserError("error.text_too_long", field=field, max=str(limit))
    return text
