"""Slack's Web API as the bot uses it: one place that builds every WebClient."""

from slackapi.clients import api_base_url, derived_client, web_client

__all__ = ["api_base_url", "derived_client", "web_client"]
