"""What every Slack surface shares: the domain from the context, who and where from a payload,
typed text, private notices, modals, and work after the ack."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, cast

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.home import home_view
from blocks.kit import message_payload
from blocks.modals import BUILDERS, notice_modal
from handlers.errors import log_failure
from handlers.home_tabs import HomeTabs
from samverkan.home import home
from samverkan.i18n import t
from samverkan.interactive import open_form
from samverkan.reply import Reply, Section
from samverkan.service import Context, Samverkan
from slackapi.clients import PROMPT_TIMEOUT, derived_client
from storage import StoreError

log = logging.getLogger("samverkan.slack")

#: Where the domain object sits in every request's Bolt context (see `provide_samverkan`).
SAMVERKAN = "samverkan"


def provide_samverkan(samverkan: Samverkan) -> Callable[..., None]:
    """A global middleware that puts the domain object into every request's context."""

    def put_samverkan_in_context(context: BoltContext, next: Callable[[], None]) -> None:
        context[SAMVERKAN] = samverkan
        next()

    return put_samverkan_in_context


def samverkan_of(context: BoltContext) -> Samverkan:
    """The domain object of the request (put there by `provide_samverkan`)."""
    return cast(Samverkan, context[SAMVERKAN])


# Slack's markup in escaped text: `<@U…|name>`, `<#C…|name>`, `<!here>`, `<https://…|label>`.
# With should_escape a typed `<` arrives as `&lt;`, so every `<…>` here is Slack's own.
_MARKUP = re.compile(r"<([^<>]*)>")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def typed_text(text: str) -> str:
    """What the person typed, from Slack's escaped text; user mentions stay for the grammar."""

    def plain(m: re.Match[str]) -> str:
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return m.group(0)
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return label or _SPECIAL.get(target[1:], "@" + target[1:].split("^")[0])
        return label or target.removeprefix("mailto:")

    text = _MARKUP.sub(plain, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def team_of(body: dict[str, Any]) -> str:
    """The workspace a request comes from."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    if isinstance(team, str) and team:
        return team
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    return str(body.get("team_id") or "")


def command_context(body: dict[str, Any]) -> Context:
    """Who ran a slash command, where."""
    return Context(
        str(body.get("team_id") or ""), str(body.get("channel_id") or ""), body["user_id"]
    )


def payload_context(body: dict[str, Any]) -> Context:
    """Who clicked or submitted, and in which channel (empty in App Home and modals)."""
    channel = body.get("channel")
    channel_id = channel.get("id") if isinstance(channel, dict) else None
    if not channel_id:
        channel_id = (body.get("container") or {}).get("channel_id")
    user = body.get("user") or {}
    return Context(team_of(body), str(channel_id or ""), str(user.get("id") or ""))


# -- calls bound to a trigger_id --------------------------------------------------------------


def prompt_client(client: WebClient) -> WebClient:
    """The client's token and API URL without retries or Retry-After waits, for views.open: a
    trigger_id expires 3 s after the click, so a retried or delayed call could only fail."""
    return derived_client(client, timeout=PROMPT_TIMEOUT)


def tell(client: WebClient, body: dict[str, Any], reply: Reply, respond: Any = None) -> None:
    """Tell the person something privately: in the conversation (response_url) when the
    request has one, else in a direct message."""
    payload = message_payload(reply)
    try:
        if respond is not None and body.get("response_url"):
            respond(response_type="ephemeral", replace_original=False, **payload)
            return
        user = str((body.get("user") or {}).get("id") or body.get("user_id") or "")
        client.chat_postMessage(channel=user, **payload)
    except Exception as e:  # nothing more to fall back on; the person can simply try again
        log.warning("a notice could not be delivered: %r", e)


def open_modal(
    client: WebClient, body: dict[str, Any], view: dict[str, Any], lang: str, respond: Any = None
) -> dict[str, Any] | None:
    """views.open on the request's trigger_id; the view Slack opened, or None when it refused
    (an expired trigger, say), in which case the person is told so (see `tell`)."""
    try:
        answer = prompt_client(client).views_open(trigger_id=body["trigger_id"], view=view)
        return answer.get("view") or {}
    except (SlackApiError, OSError) as e:
        error = e.response.get("error") if isinstance(e, SlackApiError) else repr(e)
        log.warning("views.open failed: %s", error)
    text = t(lang, "modal.open_failed")
    tell(client, body, Reply(text, [Section("⚠️ " + text)], ok=False, lang=lang), respond)
    return None


def open_log_form(samverkan: Samverkan, client: WebClient, body: dict[str, Any]) -> None:
    """The log modal across the person's plans (App Home, global shortcut), or a notice modal
    saying why there is none."""
    ctx = payload_context(body)
    form = open_form(samverkan, Context(ctx.team_id, "", ctx.user_id), "log")
    if isinstance(form, Reply):
        open_modal(client, body, notice_modal(form.lang, form.text), form.lang)
    else:
        open_modal(client, body, BUILDERS["log"](form), form.lang)


# -- work after the ack ------------------------------------------------------------------------

_lock = threading.Lock()
_executor: Executor | None = None
#: Set while the process shuts down: work handed over then runs on the caller's thread.
_closing = False


def _pool() -> Executor:
    global _executor
    with _lock:
        if _executor is None:
            if _closing:
                raise RuntimeError("the work after the ack is being finished")
            _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="after-ack")
        return _executor


def after_ack(fn: Callable[..., Any], *args: Any) -> None:
    """Run `fn` once the ack is on its way (on a worker thread; failures are logged). While
    the process shuts down it runs at once, on this thread, so nothing handed over is lost."""

    def run() -> None:
        what = "work after the ack: " + str(getattr(fn, "__name__", fn))
        try:
            fn(*args)
        except (SlackApiError, OSError) as e:
            # Slack refused or could not be reached: a fault of the surroundings, not a bug.
            log.warning("%s: Slack did not take it: %s", what, _slack_error(e))
        except StoreError as e:
            log.warning("%s: %s", what, e)
        except Exception as e:  # no Bolt error handler sees this thread
            log_failure(e, what)

    try:
        _pool().submit(run)
    except RuntimeError:  # shutting down: the pool takes nothing new
        run()


def _slack_error(e: BaseException) -> str:
    if isinstance(e, SlackApiError):
        return str(e.response.get("error"))
    return repr(e)


def shutdown_after_ack() -> None:
    """Finish the work already handed over (at shut-down), then the App Homes it asked for."""
    global _executor, _closing
    with _lock:
        _closing = True
        executor, _executor = _executor, None
        tabs = _tabs
    try:
        if executor is not None:
            # What the queued work hands over from now on runs where it is handed over.
            executor.shutdown(wait=True)
        if tabs is not None:
            tabs.flush()  # the Homes still waiting for their second, published now
    finally:
        with _lock:
            _closing = False


_tabs: HomeTabs | None = None


def publish_homes(
    client: WebClient, samverkan: Samverkan, team_id: str, users: Iterable[str]
) -> None:
    """Publish the App Home of each person again, each at most once a second (see HomeTabs)."""
    global _tabs
    with _lock:
        if _tabs is None:
            _tabs = HomeTabs(publish_home, lambda run: after_ack(run))
        tabs = _tabs
    tabs.request(client, samverkan, team_id, users)


def publish_home(client: WebClient, samverkan: Samverkan, team_id: str, user: str) -> None:
    """Draw one person's App Home and publish it (views.publish)."""
    try:
        view = home_view(home(samverkan, Context(team_id, "", user)))
        client.views_publish(user_id=user, view=view)
    except SlackApiError as e:
        log.warning("views.publish for %s failed: %s", user, e.response.get("error"))


def learn_locale(client: WebClient, samverkan: Samverkan, team_id: str, user_id: str) -> None:
    """Ask Slack once for a person's locale (users.info with include_locale) and remember it.

    Personal surfaces (mine, App Home, reminders) follow it unless the person chose a
    language. Asked once per person: an answer without a locale, or a refusal (no
    users:read scope), is remembered too, so a person costs one call at most.
    """
    if not samverkan.locale_unknown(team_id, user_id):
        return
    locale = None
    try:
        user = client.users_info(user=user_id, include_locale=True).get("user") or {}
        locale = user.get("locale")
    except SlackApiError as e:
        log.info("users.info for the locale failed: %s", e.response.get("error"))
    except OSError as e:
        # No answer: the person keeps the plan's language; asked again on a later command.
        log.info("users.info for the locale did not answer: %r", e)
        return
    samverkan.remember_locale(team_id, user_id, str(locale) if locale else None)


def post_reply(
    client: WebClient, channel_id: str, user_id: str, reply: Reply
) -> tuple[str, str] | None:
    """Post a reply in a channel (or only to the person), falling back to a direct message;
    the channel and ts of a message posted in the channel, else None."""
    payload = message_payload(reply)
    if not channel_id:
        client.chat_postMessage(channel=user_id, **payload)
        return None
    try:
        if reply.visibility == "channel":
            answer = client.chat_postMessage(channel=channel_id, **payload)
            return str(answer["channel"]), str(answer["ts"])
        client.chat_postEphemeral(channel=channel_id, user=user_id, **payload)
        return None
    except SlackApiError as e:
        # Not in the channel, or it is gone: the person still learns what happened.
        log.warning("posting in %s failed (%s); sending a DM", channel_id, e.response.get("error"))
    client.chat_postMessage(channel=user_id, **payload)
    return None


def permalink_of(client: WebClient, channel_id: str, ts: str) -> str | None:
    """The message's permalink (chat.getPermalink), or None when Slack cannot give it."""
    try:
        return client.chat_getPermalink(channel=channel_id, message_ts=ts).get("permalink")
    except SlackApiError as e:
        log.warning("chat.getPermalink failed: %s", e.response.get("error"))
        return None
