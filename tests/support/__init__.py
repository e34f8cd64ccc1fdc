"""Test infrastructure for the Slack integration tests: a fake Slack, signed requests, Socket Mode."""
