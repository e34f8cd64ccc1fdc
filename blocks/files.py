"""The import form: a file_input, then the preview with the organisations to create."""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
)
from slack_sdk.models.blocks.block_elements import FileInputElement
from slack_sdk.models.views import View

from blocks import ids
from samverkan.i18n import t

MAX_OPTIONS = 100


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text)


def import_modal(lang: str, channel_id: str) -> dict:
    """The form: one XLSX or CSV file."""
    view = View(
        type="modal",
        callback_id=ids.IMPORT_MODAL,
        title=_plain(t(lang, "import.form_title")[:24]),
        submit=_plain(t(lang, "import.form_next")[:24]),
        close=_plain(t(lang, "modal.close")),
        private_metadata=json.dumps({"channel_id": channel_id, "lang": lang}),
        blocks=[
            InputBlock(
                block_id=ids.IMPORT_FILE_BLOCK,
                label=_plain(t(lang, "import.form_file")),
                element=FileInputElement(
                    action_id=ids.IMPORT_FILE_INPUT, filetypes=["xlsx", "csv"], max_files=1
                ),
            )
        ],
    )
    return view.to_dict()


def import_confirm_modal(
    lang: str, channel_id: str, file_id: str, preview: str, organisations: list[str]
) -> dict:
    """The preview: what the import does, each problem, and the organisations to create."""
    blocks: list = [SectionBlock(text=MarkdownTextObject(text=preview[:2900] or "—"))]
    if organisations:
        options = [Option(value=n[:150], label=n[:75]) for n in organisations[:MAX_OPTIONS]]
        blocks.append(
            InputBlock(
                block_id=ids.IMPORT_ORGS_BLOCK,
                label=_plain(t(lang, "import.form_orgs")),
                element=StaticMultiSelectElement(
                    action_id=ids.IMPORT_ORGS_INPUT, options=options, initial_options=options
                ),
                optional=True,
            )
        )
    blocks.append(SectionBlock(text=MarkdownTextObject(text=t(lang, "import.form_confirm_hint"))))
    meta = {"channel_id": channel_id, "lang": lang, "file_id": file_id}
    view = View(
        type="modal",
        callback_id=ids.IMPORT_CONFIRM_MODAL,
        title=_plain(t(lang, "import.form_title")[:24]),
        submit=_plain(t(lang, "import.form_import")[:24]),
        close=_plain(t(lang, "modal.close")),
        private_metadata=json.dumps(meta),
        blocks=blocks,
    )
    return view.to_dict()
