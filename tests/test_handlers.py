"""The Slack adapters as plain functions: the registry, a listener called directly, the errors."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from slack_bolt import App, BoltContext

from handlers import register
from handlers.commands import handle_command
from handlers.common import SAMVERKAN, samverkan_of
from handlers.errors import describe, handle_error
from samverkan.service import Samverkan


class Recorder:
    """An ack (or respond) that remembers what it was called with."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)


def test_the_registry_lists_every_listener(app: Samverkan) -> None:
    """One list: the command, the actions, the modals, the shortcuts and the event."""
    bolt = App(token="xoxb-test", signing_secret="s", token_verification_enabled=False)
    register(bolt, app)
    names = sorted(listener.ack_function.__name__ for listener in bolt._listeners)
    assert names == sorted(
        [
            "handle_command",
            "handle_followup_button_clicked",  # Done
            "handle_followup_button_clicked",  # Snooze 1 day
            "handle_followup_button_clicked",  # Snooze 1 week
            "handle_followup_menu_chosen",
            "handle_home_log_clicked",
            "handle_join_approve_clicked",
            "handle_join_decline_clicked",
            "handle_personal_save_clicked",
            "handle_personal_rewrite_clicked",
            "handle_entry_edit_clicked",
            "handle_entry_delete_clicked",
            "handle_edit_form_submitted",
            "handle_log_form_submitted",
            "handle_follow_form_submitted",
            "handle_activity_form_submitted",
            "handle_import_form_submitted",
            "handle_import_preview_confirmed",
            "handle_log_message_shortcut",
            "handle_follow_message_shortcut",
            "handle_new_log_shortcut",
            "handle_app_home_opened",
            "handle_home_observe_clicked",
            "handle_round_report_clicked",
            "handle_round_nothing_clicked",
            "handle_observe_form_submitted",
            "handle_observe_message_shortcut",
            "handle_report_button_clicked",
        ]
    )


def test_a_listener_can_be_called_directly(app: Samverkan) -> None:
    """handle_command with the domain in its context acks with the reply."""
    ack = Recorder()
    context = BoltContext({SAMVERKAN: app})
    assert samverkan_of(context) is app
    body = {"team_id": "T1", "channel_id": "C1", "user_id": "U1", "text": "help"}
    handle_command(ack, body, client=None, context=context)  # type: ignore[arg-type]
    (answer,) = ack.calls
    assert answer["response_type"] == "ephemeral"
    assert answer["text"]


def test_the_error_handler_logs_what_failed_but_not_what_was_typed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A failing listener is logged by its command, never with the request's text."""
    body = {"command": "/samverkan", "text": "log 19121212-1212 secret", "user_id": "U1"}
    with caplog.at_level(logging.ERROR, logger="samverkan.slack"):
        try:
            raise RuntimeError("boom")
        except RuntimeError as e:
            assert handle_error(e, body) is None
    assert "command /samverkan failed" in caplog.text
    assert "boom" in caplog.text
    assert "19121212" not in caplog.text and "secret" not in caplog.text


def test_describe_names_the_matcher() -> None:
    """Actions by action_id, views by callback_id, events by type."""
    assert describe({"type": "block_actions", "actions": [{"action_id": "followup_done"}]}) == (
        "block_actions followup_done"
    )
    assert describe({"type": "view_submission", "view": {"callback_id": "log_modal"}}) == (
        "view_submission log_modal"
    )
    assert describe({"type": "event_callback", "event": {"type": "app_home_opened"}}) == (
        "event app_home_opened"
    )
    assert describe({"type": "message_action", "callback_id": "log_from_message"}) == (
        "message_action log_from_message"
    )
    assert describe(None) == "request"
