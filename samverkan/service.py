"""The domain's entry point: one typed command in, one reply out, for Slack and the console.

`Samverkan.run` guards and parses the text, looks the command up in the registry, opens the
unit of work with the access the command declares, runs it, and turns every refusal or fault
into a friendly reply: errors are caught here and nowhere else. The methods below `run` are
the same commands as the forms, buttons and shortcuts call them, with plain values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import samverkan.commands  # noqa: F401  (declares every command)
from samverkan import grammar
from samverkan.commands import activities, followups, personal
from samverkan.commands import log as log_family
from samverkan.context import Context, UserError
from samverkan.domain import Domain, Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.privacy import contains_identity_number, escape_mrkdwn
from samverkan.registry import Access, command_named, command_of, writes
from samverkan.reply import Reply, Section
from samverkan.views import followup_text
from storage import FollowUp, Plan, StoreError

log = logging.getLogger(__name__)

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


class Samverkan(Domain):
    """The application: takes plain values, returns plain replies; knows nothing of Slack."""

    def run(self, ctx: Context, text: str) -> Reply:
        """Run one command typed after the slash command and answer it."""
        try:
            # The guard comes first, so nothing of a refused text is parsed, stored or logged.
            if contains_identity_number(text):
                raise UserError("error.identity_number")
            try:
                cmd = grammar.parse(text)
            except ParseError as e:
                # Values echo what was typed: escaped, so an error cannot ping or forge either.
                values = {k: escape_mrkdwn(v) for k, v in e.values.items()}
                raise UserError(e.key, topic=e.topic, **values) from None
            return self.execute(ctx, cmd)
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
        with self.unit(ctx, writes=writes(cmd), access=access, what=declared.what) as u:
            reply: Reply = declared.run(u, cmd)
        return reply

    def _as(
        self, ctx: Context, command: str, run: Callable[[Unit], Reply], plan_id: int | None = None
    ) -> Reply:
        """Run `run` in a unit of work with the access the command `command` declares."""
        declared = command_named(command)
        access = _UNIT_ACCESS[declared.access]
        with self.unit(ctx, writes=True, access=access, what=declared.what, plan_id=plan_id) as u:
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

    def mine(self, ctx: Context, lang: str | None = None) -> Reply:
        """A person's open follow-ups across their plans in this workspace (App Home)."""
        with self.unit(ctx, writes=False, access=Access.ANYONE) as u:
            reply = personal.mine(u, lang)
        return reply

    def followup_text(self, plan: Plan, f: FollowUp, today: date, with_assignee: bool) -> str:
        """A follow-up card's mrkdwn (a redrawn card after a button)."""
        return followup_text(self, plan, f, today, with_assignee)
