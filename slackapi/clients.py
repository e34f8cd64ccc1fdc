"""The one place that builds Web API clients: base URL (SLACK_API_URL), timeout and retries.

Three clients differ only in how long they wait and what they retry:

- the Bolt app's client (`web_client` with its defaults): rate limits wait for Retry-After
  (3 times), dropped connections are retried twice and 5xx answers once;
- a prompt client (`derived_client(..., timeout=PROMPT_TIMEOUT)`, no retries) for calls bound
  to a trigger_id, which expires 3 s after the click;
- the schedules' client (rate limits only): for chat.postMessage a 5xx or a dropped
  connection is ambiguous (Slack may have posted), so the digest job checks the channel first.
"""

from __future__ import annotations

from typing import Any, cast

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

#: slack_sdk's own default, in seconds.
DEFAULT_TIMEOUT = 30
#: A trigger_id works for 3 seconds: a call that uses one is not worth retrying after that.
PROMPT_TIMEOUT = 2.5


def api_base_url(url: str | None) -> str | None:
    """SLACK_API_URL as slack_sdk wants it (with a trailing slash), or None for Slack's own."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def retry_handlers(
    rate_limit: int = 0, connection_errors: int = 0, server_errors: int = 0
) -> list[RetryHandler]:
    """slack_sdk's retry handlers for the given retry counts (none for a count of 0)."""
    handlers: list[RetryHandler] = []
    if rate_limit:
        handlers.append(RateLimitErrorRetryHandler(max_retry_count=rate_limit))
    if connection_errors:
        handlers.append(ConnectionErrorRetryHandler(max_retry_count=connection_errors))
    if server_errors:
        handlers.append(ServerErrorRetryHandler(max_retry_count=server_errors))
    return handlers


def web_client(
    token: str | None,
    api_url: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    rate_limit_retries: int = 3,
    connection_retries: int = 2,
    server_error_retries: int = 1,
    ssl: Any = None,
    proxy: str | None = None,
    headers: dict[str, str] | None = None,
) -> WebClient:
    """A Web API client that honours SLACK_API_URL and retries what it is told to retry.

    With all retry counts 0 it retries nothing (not even slack_sdk's default one retry of a
    dropped connection).
    """
    kwargs: dict[str, Any] = {}
    base = api_base_url(api_url)
    if base:
        kwargs["base_url"] = base
    return WebClient(
        token=token,
        # slack_sdk annotates `timeout` as int, but hands it to urllib, which takes float seconds.
        timeout=cast(int, timeout),
        ssl=ssl,
        proxy=proxy,
        headers=dict(headers or {}),
        retry_handlers=retry_handlers(rate_limit_retries, connection_retries, server_error_retries),
        **kwargs,
    )


def derived_client(
    client: WebClient,
    *,
    timeout: float | None = None,
    rate_limit_retries: int = 0,
    connection_retries: int = 0,
    server_error_retries: int = 0,
) -> WebClient:
    """A client with `client`'s token, API URL, SSL context, proxy and headers, but its own
    timeout (the given one's when None) and retries (none unless asked for)."""
    return web_client(
        client.token,
        client.base_url,
        timeout=client.timeout if timeout is None else timeout,
        rate_limit_retries=rate_limit_retries,
        connection_retries=connection_retries,
        server_error_retries=server_error_retries,
        ssl=client.ssl,
        proxy=client.proxy,
        headers=client.headers,
    )
