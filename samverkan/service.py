"""The domain's entry point: one typed command in, one reply out, for Slack and the console.

`Samverkan.run` guards and parses the text, looks the command up in the registry, opens the
unit of work with the access the command declares, runs it, and turns every refusal or fault
into a friendly reply: errors are caught here and nowhere else. The methods below `run` are
the same commands as the forms, buttons and shortcuts call them, with plain values.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import samverkan.commands  # noqa: F401  (declares every command)
from samverkan import grammar
from samverkan.commands import (
    activities,
    corrections,
    followups,
    membership,
    personal,
    plan_import,
)
from samverkan.commands import log as log_family
from samverkan.context import Context, PersonalData, UserError
from samverkan.domain import Domain, Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.privacy import contains_identity_number, escape_mrkdwn
from samverkan.registry import Access, command_named, command_of, writes
from samverkan.reply import PersonalChoice, Reply, Section
from samverkan.views import followup_text
from storage import FollowUp, Plan, StoreError

log = logging.getLogger(__name__)

#: How long the same form submission, sent again, saves text that looked personal anyway.
PERSONAL_AGAIN = timedelta(minutes=15)
#: The word before a command that saves text that looked personal anyway.
ANYWAY_WORDS = {"anyway", "ändå", "anda"}

__all__ = ["Context", "Samverkan", "UserError"]

#: The access the unit of work checks before a command runs; the rest is checked on the item.
_UNIT_ACCESS = {
    Access.ANYONE: Access.ANYONE,
    Access.PLAN: Access.PLAN,
    Access.MEMBER: Access.MEMBER,
    Access.COORDINATOR: Access.COORDINATOR,
    Access.OWNER: Access.PLAN,
    Access.FOLLOWUP: Access.PLAN,
}


def _submission_key(ctx: Context, values: dict[str, Any]) -> tuple[str, str, str]:
    """Who submitted what (as a hash: the text itself is not kept)."""
    typed = "\x00".join(f"{k}={v}" for k, v in sorted(values.items()) if v)
    return ctx.team_id, ctx.user_id, hashlib.sha256(typed.encode()).hexdigest()


class Samverkan(Domain):
    """The application: takes plain values, returns plain replies; knows nothing of Slack."""

    def run(self, ctx: Context, text: str) -> Reply:
        """Run one command typed after the slash command and answer it."""
        typed = text
        try:
            # The guard comes first, so nothing of a refused text is parsed, stored or logged.
            if contains_identity_number(text):
                raise UserError("error.identity_number")
            # `anyway <command>` (`ändå …`): *Save anyway* typed, for text that looked personal.
            head, _, rest = text.strip().partition(" ")
            if head.casefold() in ANYWAY_WORDS and rest.strip():
                ctx, text = replace(ctx, personal_ok=True), rest
            try:
                cmd = grammar.parse(text)
            except ParseError as e:
                # Values echo what was typed: escaped, so an error cannot ping or forge either.
                values = {k: escape_mrkdwn(v) for k, v in e.values.items()}
                raise UserError(e.key, topic=e.topic, **values) from None
            return self.execute(ctx, cmd)
        except PersonalData as e:
            reply = self.error_reply(self._safe_language(ctx), e)
            reply.items.append(PersonalChoice(typed, e.form, e.text))
            return reply
        except UserError as e:
            # The language is looked up only on the way out of a refusal, off the hot path.
            return self.error_reply(self._safe_language(ctx), e)
        except StoreError as e:
            return self.store_error_reply(ctx, e, text.split()[0][:20] if text.split() else "")
        except Exception:
            # Never a stack trace to a user; the log keeps the kind of command, not its text.
            log.exception("command failed: %s", text.split()[0][:20] if text.split() else "")
            lang = self._safe_language(ctx)
            return Reply(t(lang, "error.internal"), [Section(t(lang, "error.internal"))], ok=False)

    def store_error_reply(self, ctx: Context, e: StoreError, what: str) -> Reply:
        """The database could not do it (busy, read-only, full…): one log line, a clear answer."""
        log.warning("refused %s: %s", what or "a request", e)
        key = f"error.store_{e.kind}"
        # Reading goes on while another process writes (WAL), so the plan's language is known.
        lang = self._safe_language(ctx)
        return Reply(t(lang, key), [Section("⚠️ " + t(lang, key))], ok=False, lang=lang)

    def _safe_language(self, ctx: Context) -> str:
        """The channel's plan language, or the default when even that cannot be read."""
        try:
            return self.language_for(ctx)
        except Exception:
            return self.default_language

    def execute(self, ctx: Context, cmd: object) -> Reply:
        """Run a parsed command as declared; raises UserError when refused."""
        declared = command_of(cmd)
        access = _UNIT_ACCESS[declared.access]
        with self.unit(
            ctx,
            writes=writes(cmd),
            access=access,
            what=declared.what,
            on_archived=declared.on_archived,
        ) as u:
            reply: Reply = declared.run(u, cmd)
        return reply

    def _as(
        self, ctx: Context, command: str, run: Callable[[Unit], Reply], plan_id: int | None = None
    ) -> Reply:
        """Run `run` in a unit of work with the access the command `command` declares."""
        declared = command_named(command)
        access = _UNIT_ACCESS[declared.access]
        with self.unit(
            ctx,
            writes=True,
            access=access,
            what=declared.what,
            plan_id=plan_id,
            on_archived=declared.on_archived,
        ) as u:
            reply = run(u)
        return reply

    # -- the commands as forms, buttons and shortcuts call them ------------------------------

    def add_activity(self, ctx: Context, **fields: Any) -> Reply:
        """Create an activity (form): title, owner, due, cause, goal."""
        return self._as(ctx, "activity add", lambda u: activities.add_activity(u, **fields))

    def add_log(self, ctx: Context, **fields: Any) -> Reply:
        """Record something done (form or message shortcut): text, activity, on, source, …"""
        return self._as(ctx, "log", lambda u: log_family.add_log(u, **fields))

    def add_followup(self, ctx: Context, **fields: Any) -> Reply:
        """Assign a follow-up (form or message shortcut): assignee, text, by, activity, …"""
        return self._as(ctx, "follow", lambda u: followups.add_followup(u, **fields))

    def close_followup(
        self, ctx: Context, number: int, status: str = "done", plan_id: int | None = None
    ) -> Reply:
        """Complete or cancel a follow-up (button); `plan_id` is the plan the button names."""
        command = "done" if status == "done" else "cancel"
        return self._as(
            ctx, command, lambda u: followups.close_followup(u, number, status), plan_id
        )

    def snooze_followup(
        self, ctx: Context, number: int, until: str | timedelta, plan_id: int | None = None
    ) -> Reply:
        """Move a follow-up's due date later (button: 1 day / 1 week)."""
        return self._as(
            ctx, "snooze", lambda u: followups.snooze_followup(u, number, until), plan_id
        )

    def import_file(
        self,
        ctx: Context,
        name: str,
        content: bytes,
        *,
        confirm: bool,
        organisations: set[str] | None = None,
    ) -> tuple[Reply, list[str]]:
        """A plan from a file put in the import form: the preview and the organisations it
        would create, or (confirmed, creating the chosen organisations) the import."""
        rows = plan_import.lines_of(name, content)
        with self.unit(ctx, writes=confirm, access=Access.COORDINATOR, what="import") as u:
            found = plan_import.answer(u, rows, name, confirm=confirm, organisations=organisations)
        return found

    def decide_join(self, ctx: Context, plan_id: int, request_id: int, approve: bool) -> Reply:
        """Approve or decline a join request (its buttons in a coordinator's DM)."""
        try:
            return self._as(
                ctx,
                "join approve",
                lambda u: membership.decide_request(u, request_id, approve),
                plan_id,
            )
        except UserError as e:
            return self.error_reply(self._plan_language(plan_id), e)

    def edit_entry(self, ctx: Context, plan_id: int, ref: str, text: str) -> Reply:
        """Correct an entry's text (the Edit form); raises UserError when refused."""
        return self._as(ctx, "edit", lambda u: corrections.edit_item(u, ref, text), plan_id)

    def delete_entry(self, ctx: Context, plan_id: int, ref: str) -> Reply:
        """Delete an entry (its Delete button)."""
        try:
            return self._as(ctx, "delete", lambda u: corrections.delete_item(u, ref), plan_id)
        except UserError as e:
            return self.error_reply(self._plan_language(plan_id), e)

    def entry_text(self, ctx: Context, plan_id: int, ref: str) -> tuple[str, str] | Reply:
        """(language, text) of an entry the person may edit, for the Edit form; else a refusal."""
        try:
            with self.unit(ctx, writes=False, access=Access.PLAN, plan_id=plan_id) as u:
                _, entry = corrections.entry_for(u, ref, "edit")
                return u.plan.language, entry.text
        except UserError as e:
            return self.error_reply(self._plan_language(plan_id), e)

    def record_join_message(self, request_id: int, channel_id: str, ts: str) -> None:
        """Remember a coordinator's DM about a join request, so it can show the decision."""
        with self.store.write() as tx:
            tx.join_requests.record_message(request_id, channel_id, ts)

    def record_posted(self, plan_id: int, ref: str, channel_id: str, ts: str) -> None:
        """Remember a message the bot posted that shows an item, so a deletion can update it."""
        with self.store.write() as tx:
            tx.posted.record(plan_id, ref, channel_id, ts)

    def language_of_plan(self, plan_id: int) -> str:
        """A plan's language (the default when it is gone)."""
        return self._plan_language(plan_id)

    def remember_personal_warning(self, ctx: Context, values: dict[str, Any]) -> None:
        """A form was refused for text that looked personal: the same submission, sent again
        within PERSONAL_AGAIN, saves it anyway. Kept in memory only, as a hash."""
        now = self.clock()
        self._warned = {k: at for k, at in self._warned.items() if now - at < PERSONAL_AGAIN}
        self._warned[_submission_key(ctx, values)] = now

    def personal_confirmed(self, ctx: Context, values: dict[str, Any]) -> bool:
        """Whether this form submission repeats one just refused for text that looked personal."""
        at = self._warned.pop(_submission_key(ctx, values), None)
        return at is not None and self.clock() - at < PERSONAL_AGAIN

    def _plan_language(self, plan_id: int) -> str:
        with self.store.read() as tx:
            plan = tx.plans.get(plan_id)
        return plan.language if plan else self.default_language

    def mine(self, ctx: Context, lang: str | None = None) -> Reply:
        """A person's open follow-ups across their plans in this workspace (App Home)."""
        with self.unit(ctx, writes=False, access=Access.ANYONE) as u:
            reply = personal.mine(u, lang)
        return reply

    def followup_text(
        self, plan: Plan, f: FollowUp, today: date, with_assignee: bool, lang: str | None = None
    ) -> str:
        """A follow-up card's mrkdwn (a redrawn card after a button, a reminder)."""
        return followup_text(self, plan, f, today, with_assignee, lang)
