"""Thin Slack adapters, one module per surface: each acks, calls the domain once, and replies."""

from __future__ import annotations

from slack_bolt import App

from samverkan.service import Samverkan


def register(app: App, service: Samverkan) -> None:
    """Register every listener of the bot on a Bolt app."""
    from handlers import actions, commands, events, shortcuts, views

    events.register(app, service)  # first: its middleware guards against redeliveries
    commands.register(app, service)
    actions.register(app, service)
    views.register(app, service)
    shortcuts.register(app, service)
