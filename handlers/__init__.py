"""Thin Slack adapters, one module per surface; this registry lists every way into the bot.

Each listener is a module-level `handle_<what happened>` function: it acks, calls the domain
(`context["samverkan"]`, put there by the first middleware) once, and replies.
"""

from __future__ import annotations

from slack_bolt import App

from blocks import ids
from handlers import actions, commands, corrections, events, imports, reports, shortcuts, views
from handlers import installs as installs_module
from handlers.common import provide_samverkan
from handlers.errors import handle_error
from handlers.installs import Installs, provide_installs
from handlers.shapes import refuse_malformed
from samverkan.service import Samverkan


def register(app: App, samverkan: Samverkan, installs: Installs | None = None) -> None:
    """Register the domain, the error handler and every listener of the bot on a Bolt app
    (with `installs`, an app of many workspaces: the uninstall listeners too)."""
    # Middleware, in this order: the shape of the request (Slack's ids, the fields listeners
    # read; HTTP mode checks it before Bolt too), the domain, then the guard against
    # redeliveries.
    app.use(refuse_malformed)
    app.use(provide_samverkan(samverkan))
    app.use(events.skip_redelivered_events)
    if installs is not None:
        app.use(provide_installs(installs))
    app.error(handle_error)

    # Slash command (SAMVERKAN_COMMAND, /samverkan by default).
    app.command(samverkan.command)(commands.handle_command)

    # Buttons and menus (the follow-up cards in replies, digests, reminders and App Home).
    for button in actions.BUTTON_CHOICES:  # Done, Snooze 1 day, Snooze 1 week
        app.action(button)(actions.handle_followup_button_clicked)
    app.action(ids.FOLLOWUP_MENU)(actions.handle_followup_menu_chosen)
    app.action(ids.HOME_LOG)(actions.handle_home_log_clicked)
    app.action(ids.HOME_OBSERVE)(actions.handle_home_observe_clicked)
    app.action(ids.ROUND_REPORT)(actions.handle_round_report_clicked)
    app.action(ids.ROUND_NOTHING)(actions.handle_round_nothing_clicked)
    # The tertial reminder's *Make the tertial report*.
    app.action(ids.REPORT_TERTIAL)(reports.handle_report_button_clicked)
    # Approve / Decline on a join request in a coordinator's DM.
    app.action(ids.JOIN_APPROVE)(actions.handle_join_approve_clicked)
    app.action(ids.JOIN_DECLINE)(actions.handle_join_decline_clicked)
    # Save anyway / Rewrite under a refusal of text that looked personal.
    app.action(ids.PERSONAL_SAVE)(actions.handle_personal_save_clicked)
    app.action(ids.PERSONAL_REWRITE)(actions.handle_personal_rewrite_clicked)
    # Edit / Delete under an entry shown to its author, and the Edit form.
    app.action(ids.ENTRY_EDIT)(corrections.handle_entry_edit_clicked)
    app.action(ids.ENTRY_DELETE)(corrections.handle_entry_delete_clicked)
    app.view_submission(ids.EDIT_MODAL)(corrections.handle_edit_form_submitted)

    # Modal submissions. No view sets notify_on_close, so Slack sends no view_closed.
    app.view_submission(ids.LOG_MODAL)(views.handle_log_form_submitted)
    app.view_submission(ids.FOLLOW_MODAL)(views.handle_follow_form_submitted)
    app.view_submission(ids.ACTIVITY_MODAL)(views.handle_activity_form_submitted)
    app.view_submission(ids.IMPORT_MODAL)(imports.handle_import_form_submitted)
    app.view_submission(ids.IMPORT_CONFIRM_MODAL)(imports.handle_import_preview_confirmed)
    app.view_submission(ids.OBSERVE_MODAL)(views.handle_observe_form_submitted)

    # Shortcuts: two on a message, one global.
    app.message_shortcut(ids.LOG_FROM_MESSAGE)(shortcuts.handle_log_message_shortcut)
    app.message_shortcut(ids.FOLLOW_FROM_MESSAGE)(shortcuts.handle_follow_message_shortcut)
    app.message_shortcut(ids.OBSERVE_FROM_MESSAGE)(shortcuts.handle_observe_message_shortcut)
    app.global_shortcut(ids.GLOBAL_NEW_LOG)(shortcuts.handle_new_log_shortcut)

    # Events API.
    app.event("app_home_opened")(events.handle_app_home_opened)
    if installs is not None:
        # A workspace removes the bot (many workspaces, DESIGN §13).
        app.event("app_uninstalled")(installs_module.handle_app_uninstalled)
        app.event("tokens_revoked")(installs_module.handle_tokens_revoked)
