"""The import form submitted: the file read from Slack, the preview in its place; then the
preview confirmed: the import, told in the channel it was opened from (DESIGN §8, §10)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from blocks.files import import_confirm_modal
from blocks.form_values import read_metadata, read_values
from blocks.modals import notice_modal
from blocks.text import mrkdwn_to_text
from handlers.common import after_ack, log, post_reply, samverkan_of, team_of
from handlers.errors import log_failure
from handlers.files import download
from samverkan.i18n import t
from samverkan.reply import Reply
from samverkan.service import Context, Samverkan, UserError

MAX_ERROR = 2000


def _read(
    ack: Ack, body: dict[str, Any], client: WebClient, samverkan: Samverkan, confirm: bool
) -> tuple[Context, dict[str, Any], Reply, list[str]] | None:
    """Download the form's file and run the import (or its preview); None once refused."""
    view = body["view"]
    meta = read_metadata(view.get("private_metadata"))
    lang = str(meta.get("lang") or samverkan.default_language)
    values = read_values((view.get("state") or {}).get("values") or {})
    file_id = str(meta.get("file_id") or next(iter(values.get(ids.IMPORT_FILE_BLOCK) or []), ""))
    ctx = Context(team_of(body), str(meta.get("channel_id") or ""), body["user"]["id"])
    block = ids.IMPORT_FILE_BLOCK if not confirm else None
    try:
        name, content = download(client, file_id)
        chosen = set(values.get(ids.IMPORT_ORGS_BLOCK) or []) if confirm else None
        reply, organisations = samverkan.import_file(
            ctx, name, content, confirm=confirm, organisations=chosen
        )
    except UserError as e:
        text = samverkan.error_reply(lang, e).text
        _refuse(ack, block, mrkdwn_to_text(text), lang)
        return None
    except (SlackApiError, OSError, ValueError, KeyError) as e:
        log.warning("import: the file could not be read: %r", type(e).__name__)
        _refuse(ack, block, t(lang, "import.file_failed"), lang)
        return None
    except Exception as e:
        log_failure(e, "import form")
        _refuse(ack, block, t(lang, "error.internal"), lang)
        return None
    return ctx, {**meta, "file_id": file_id, "lang": lang}, reply, organisations


def _refuse(ack: Ack, block: str | None, text: str, lang: str) -> None:
    if block:
        ack(response_action="errors", errors={block: text[:MAX_ERROR]})
    else:
        # The preview has no input to put the refusal under: it replaces the preview.
        ack(response_action="update", view=notice_modal(lang, text))


def handle_import_form_submitted(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The import form with its file: the preview, in the same modal."""
    found = _read(ack, body, client, samverkan_of(context), confirm=False)
    if found is None:
        return
    ctx, meta, reply, organisations = found
    view = import_confirm_modal(
        meta["lang"], ctx.channel_id, meta["file_id"], reply.text, organisations
    )
    ack(response_action="update", view=view)


def handle_import_preview_confirmed(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The preview confirmed: the import, in one transaction, told where it was opened."""
    found = _read(ack, body, client, samverkan_of(context), confirm=True)
    if found is None:
        return
    ctx, _, reply, _ = found
    ack(response_action="clear")
    after_ack(post_reply, client, ctx.channel_id, ctx.user_id, reply)
