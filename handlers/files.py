"""Files to and from Slack: a reply's file to the person who asked, in a DM (files_upload_v2);
a file someone put in a form, read back with files.info and the bot token (DESIGN §8)."""

from __future__ import annotations

import urllib.request
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.kit import message_payload
from handlers.common import log
from samverkan.i18n import t
from samverkan.reply import Reply, Section

#: The largest file the bot reads from a form (an adopted plan is a few hundred kB at most).
MAX_DOWNLOAD = 10 * 1024 * 1024


def send_files(client: WebClient, user_id: str, reply: Reply) -> None:
    """Upload each of the reply's files into a DM with the person; say so when it fails."""
    try:
        opened = client.conversations_open(users=user_id)
        channel = str(opened["channel"]["id"])
    except (SlackApiError, OSError, KeyError, TypeError) as e:
        log.warning("conversations.open for a file failed: %r", type(e).__name__)
        return
    for file in reply.files:
        try:
            client.files_upload_v2(
                channel=channel,
                file=file.data(),
                filename=file.name,
                title=file.title,
                initial_comment=reply.text,
            )
        except (SlackApiError, OSError) as e:
            log.warning(
                "files_upload_v2 failed: %s",
                e.response.get("error") if isinstance(e, SlackApiError) else repr(e),
            )
            text = t(reply.lang, "export.upload_failed")
            failed = Reply(text, [Section("⚠️ " + text)], ok=False, lang=reply.lang)
            try:
                client.chat_postMessage(channel=channel, **message_payload(failed))
            except (SlackApiError, OSError):
                log.warning("could not say that the file upload failed")


def download(client: WebClient, file_id: str) -> tuple[str, bytes]:
    """A file's name and bytes: files.info for its url_private, fetched with the bot token."""
    info: Any = client.files_info(file=file_id)
    meta = info["file"]
    url = str(meta.get("url_private_download") or meta["url_private"])
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=client.timeout) as answer:
        content = answer.read(MAX_DOWNLOAD + 1)
    if len(content) > MAX_DOWNLOAD:
        raise ValueError("file too large")
    return str(meta.get("name") or "samverkan.xlsx"), content
