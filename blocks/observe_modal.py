"""The observation form (DESIGN §9) as a Block Kit modal, and reading its submission back."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    DatePickerElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from blocks import ids
from samverkan.i18n import t
from samverkan.observe_form import ObserveForm
from samverkan.parsing import MAX_TEXT

MAX_METADATA = 3000
MAX_OPTION_TEXT = 75

#: Which input block shows a refusal about a field the domain names (UserError.field).
OBSERVE_FIELDS = {
    "category": ids.CATEGORY_BLOCK,
    "place": ids.PLACE_BLOCK,
    "new_place": ids.NEW_PLACE_BLOCK,
    "date": ids.DATE_BLOCK,
    "band": ids.BAND_BLOCK,
    "concern": ids.CONCERN_BLOCK,
    "text": ids.TEXT_BLOCK,
}


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text, emoji=True)


def _select(
    lang: str, block_id: str, action_id: str, label: str, options: list[Option], optional: bool
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=_plain(t(lang, label)),
        element=StaticSelectElement(
            action_id=action_id,
            placeholder=_plain(t(lang, "modal.choose")),
            options=options,
        ),
        optional=optional,
    )


def _option(value: str, label: str) -> Option:
    label = " ".join(label.split())
    return Option(value=value, label=label if len(label) <= MAX_OPTION_TEXT else label[:74] + "…")


def observe_metadata(form: ObserveForm) -> str:
    """private_metadata: the plan, its language, the message it came from, the round."""
    data: dict[str, Any] = {"plan_id": form.plan_id, "channel_id": form.channel_id}
    data["lang"] = form.lang
    if form.from_round:
        data["round"] = True
    if form.permalink:
        data["permalink"] = form.permalink
    text = json.dumps(data, separators=(",", ":"))
    if len(text) > MAX_METADATA:
        data.pop("permalink", None)
        text = json.dumps(data, separators=(",", ":"))
    return text


def observe_modal(form: ObserveForm) -> dict:
    """The form: category, place (or a new one, for coordinators), date, time, concern, text."""
    lang = form.lang
    blocks: list[Any] = [
        _select(
            lang,
            ids.CATEGORY_BLOCK,
            ids.CATEGORY_INPUT,
            "modal.category",
            [_option(c, t(lang, f"category.{c}")) for c in form.categories],
            optional=False,
        )
    ]
    if form.places:
        blocks.append(
            _select(
                lang,
                ids.PLACE_BLOCK,
                ids.PLACE_INPUT,
                "modal.place",
                [_option(p, p) for p in form.places],
                optional=True,
            )
        )
    if form.may_add_place:
        blocks.append(
            InputBlock(
                block_id=ids.NEW_PLACE_BLOCK,
                label=_plain(t(lang, "modal.new_place")),
                element=PlainTextInputElement(action_id=ids.NEW_PLACE_INPUT, max_length=80),
                optional=True,
                hint=_plain(t(lang, "modal.new_place_hint")),
            )
        )
    blocks.append(
        InputBlock(
            block_id=ids.DATE_BLOCK,
            label=_plain(t(lang, "modal.observed_on")),
            element=DatePickerElement(
                action_id=ids.DATE_INPUT, initial_date=form.today.isoformat()
            ),
        )
    )
    blocks.append(
        _select(
            lang,
            ids.BAND_BLOCK,
            ids.BAND_INPUT,
            "modal.band",
            [_option(b, t(lang, f"band.{b}")) for b in form.bands],
            optional=True,
        )
    )
    blocks.append(
        _select(
            lang,
            ids.CONCERN_BLOCK,
            ids.CONCERN_INPUT,
            "modal.concern",
            [_option(c, t(lang, f"concern.{c}")) for c in form.concerns],
            optional=True,
        )
    )
    blocks.append(
        InputBlock(
            block_id=ids.TEXT_BLOCK,
            label=_plain(t(lang, "modal.observe_text")),
            element=PlainTextInputElement(
                action_id=ids.TEXT_INPUT,
                multiline=True,
                max_length=MAX_TEXT,
                initial_value=form.text.strip()[:MAX_TEXT] or None,
            ),
            hint=_plain(t(lang, "modal.text_hint")),
        )
    )
    if form.permalink:
        link = t(lang, "modal.source", link=form.permalink)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=link)]))
    view = View(
        type="modal",
        callback_id=ids.OBSERVE_MODAL,
        title=_plain(t(lang, "modal.observe_title")),
        submit=_plain(t(lang, "modal.submit")),
        close=_plain(t(lang, "modal.close")),
        blocks=blocks,
        private_metadata=observe_metadata(form),
    )
    return view.to_dict()


def observe_error_block(view: dict[str, Any], field: str | None) -> str:
    """The block_id of the submitted form where a refusal about `field` is shown."""
    present = {b.get("block_id") for b in view.get("blocks") or [] if isinstance(b, dict)}
    block = OBSERVE_FIELDS.get(field or "")
    if block in present:
        return str(block)
    if field == "place" and ids.NEW_PLACE_BLOCK in present:
        return ids.NEW_PLACE_BLOCK
    return ids.TEXT_BLOCK
