"""Render domain replies as Slack Block Kit with slack_sdk.models, within Slack's limits."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from blocks import ids
from blocks.corrections import entry_action_blocks
from samverkan.i18n import t
from samverkan.reply import (
    Divider,
    EntryActions,
    Fields,
    FollowUpCard,
    Header,
    JoinRequestCard,
    LogButton,
    Note,
    PersonalChoice,
    Reply,
    Section,
)

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_TEXT = 2000
MAX_FALLBACK_TEXT = 4000


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _split(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Split long mrkdwn at line breaks so no part is over the limit."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = _cut(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            parts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    parts.append(current)
    return [p for p in parts if p.strip()] or [" "]


def button_value(plan_id: int, ref: str) -> str:
    """The value a follow-up button carries."""
    return f"{plan_id}:{ref}"


#: The menu of a compact follow-up: (choice, label key), in the order shown.
MENU_LABELS = (
    (ids.MENU_DONE, "button.done"),
    (ids.MENU_SNOOZE_DAY, "button.snooze_day"),
    (ids.MENU_SNOOZE_WEEK, "button.snooze_week"),
)


def menu_value(plan_id: int, ref: str, choice: str) -> str:
    """The value a follow-up menu option carries: the button value and the choice."""
    return f"{button_value(plan_id, ref)}:{choice}"


def split_menu_value(value: str) -> tuple[str, str] | None:
    """(button value, choice) of a menu option's value, or None when it is not one."""
    button, _, choice = value.rpartition(":")
    return (button, choice) if button and choice in ids.MENU_CHOICES else None


def followup_blocks(card: FollowUpCard, lang: str) -> list[Block]:
    """A follow-up line, with Done / Snooze buttons (or, compact, a menu) when the viewer may act."""
    block_id = f"{ids.FOLLOWUP_BLOCK_PREFIX}{card.plan_id}_{card.ref}"
    text = MarkdownTextObject(text=_cut(card.text, MAX_SECTION_TEXT))
    if card.compact:
        menu = None
        if card.can_act:
            menu = OverflowMenuElement(
                action_id=ids.FOLLOWUP_MENU,
                options=[
                    Option(
                        text=PlainTextObject(text=t(lang, key), emoji=True),
                        value=menu_value(card.plan_id, card.ref, choice),
                    )
                    for choice, key in MENU_LABELS
                ],
            )
        return [SectionBlock(block_id=block_id, text=text, accessory=menu)]
    section = SectionBlock(text=text)
    if not card.can_act:
        return [section]
    value = button_value(card.plan_id, card.ref)
    actions = ActionsBlock(
        block_id=block_id,
        elements=[
            ButtonElement(
                text=PlainTextObject(text=t(lang, "button.done"), emoji=True),
                action_id=ids.FOLLOWUP_DONE,
                value=value,
                style="primary",
            ),
            ButtonElement(
                text=PlainTextObject(text=t(lang, "button.snooze_day"), emoji=True),
                action_id=ids.FOLLOWUP_SNOOZE_DAY,
                value=value,
            ),
            ButtonElement(
                text=PlainTextObject(text=t(lang, "button.snooze_week"), emoji=True),
                action_id=ids.FOLLOWUP_SNOOZE_WEEK,
                value=value,
            ),
        ],
    )
    return [section, actions]


def join_request_value(plan_id: int, request_id: int) -> str:
    """The value a join request's buttons carry."""
    return f"{plan_id}:{request_id}"


def split_join_request_value(value: str) -> tuple[int, int] | None:
    """(plan_id, request_id) of a join request button's value, or None."""
    plan, _, request = value.partition(":")
    return (int(plan), int(request)) if plan.isdigit() and request.isdigit() else None


def join_request_blocks(card: JoinRequestCard, lang: str) -> list[Block]:
    """A join request, with Approve / Decline while it waits."""
    section = SectionBlock(text=MarkdownTextObject(text=_cut(card.text, MAX_SECTION_TEXT)))
    if not card.pending:
        return [section]
    value = join_request_value(card.plan_id, card.request_id)
    return [
        section,
        ActionsBlock(
            block_id=f"join_request_{card.request_id}",
            elements=[
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "button.approve"), emoji=True),
                    action_id=ids.JOIN_APPROVE,
                    value=value,
                    style="primary",
                ),
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "button.decline"), emoji=True),
                    action_id=ids.JOIN_DECLINE,
                    value=value,
                    style="danger",
                ),
            ],
        ),
    ]


MAX_BUTTON_VALUE = 2000


def personal_choice_blocks(item: PersonalChoice, lang: str) -> list[Block]:
    """*Save anyway* and *Rewrite*, each when its value fits in a button."""
    buttons = []
    if len(item.command) <= MAX_BUTTON_VALUE:
        buttons.append(
            ButtonElement(
                text=PlainTextObject(text=t(lang, "button.save_anyway"), emoji=True),
                action_id=ids.PERSONAL_SAVE,
                value=item.command,
            )
        )
    rewrite = f"{item.form}:{item.text}"
    if item.form and len(rewrite) <= MAX_BUTTON_VALUE:
        buttons.append(
            ButtonElement(
                text=PlainTextObject(text=t(lang, "button.rewrite"), emoji=True),
                action_id=ids.PERSONAL_REWRITE,
                value=rewrite,
                style="primary",
            )
        )
    return [ActionsBlock(elements=buttons)] if buttons else []


def item_blocks(reply: Reply) -> list[Block]:
    """Every item of a reply as blocks, without the block-count limit applied."""
    out: list[Block] = []
    for item in reply.items:
        if isinstance(item, Header):
            out.append(HeaderBlock(text=PlainTextObject(text=_cut(item.text, MAX_HEADER))))
        elif isinstance(item, Section):
            out.extend(SectionBlock(text=MarkdownTextObject(text=p)) for p in _split(item.text))
        elif isinstance(item, Fields):
            pairs = [MarkdownTextObject(text=_cut(p, MAX_FIELD_TEXT)) for p in item.pairs[:10]]
            out.append(SectionBlock(fields=pairs))
        elif isinstance(item, Note):
            out.append(
                ContextBlock(elements=[MarkdownTextObject(text=_cut(item.text, MAX_CONTEXT_TEXT))])
            )
        elif isinstance(item, Divider):
            out.append(DividerBlock())
        elif isinstance(item, FollowUpCard):
            out.extend(followup_blocks(item, reply.lang))
        elif isinstance(item, JoinRequestCard):
            out.extend(join_request_blocks(item, reply.lang))
        elif isinstance(item, PersonalChoice):
            out.extend(personal_choice_blocks(item, reply.lang))
        elif isinstance(item, EntryActions):
            out.extend(entry_action_blocks(item, reply.lang))
        elif isinstance(item, LogButton):
            buttons: list[ButtonElement | StaticSelectElement] = [
                ButtonElement(
                    text=PlainTextObject(text=_cut(item.label, 75), emoji=True),
                    action_id=ids.HOME_LOG,
                    style="primary",
                )
            ]
            if item.observe:
                buttons.append(observe_element(item))
            out.append(ActionsBlock(elements=buttons))
    return out


def observe_element(item: LogButton) -> ButtonElement | StaticSelectElement:
    """*Report an observation*: a button for one plan, a choice of plan for several."""
    label = PlainTextObject(text=_cut(item.observe, 75), emoji=True)
    if len(item.observe_plans) <= 1:
        value = str(item.observe_plans[0][0]) if item.observe_plans else None
        return ButtonElement(text=label, action_id=ids.HOME_OBSERVE, value=value)
    return StaticSelectElement(
        placeholder=label,
        action_id=ids.HOME_OBSERVE,
        options=[
            Option(text=PlainTextObject(text=_cut(name, 75)), value=str(plan_id))
            for plan_id, name in item.observe_plans
        ],
    )


def reply_blocks(reply: Reply, limit: int = MAX_MESSAGE_BLOCKS) -> list[Block]:
    """A reply as at most `limit` blocks; what does not fit is counted in a last line."""
    blocks = item_blocks(reply)
    if len(blocks) <= limit:
        return blocks
    kept = blocks[: limit - 1]
    # Never end on a section whose buttons were cut off.
    while kept and isinstance(kept[-1], SectionBlock) and _has_buttons_after(blocks, len(kept)):
        kept.pop()
    hidden = len(blocks) - len(kept)
    kept.append(
        ContextBlock(elements=[MarkdownTextObject(text=t(reply.lang, "blocks.more", n=hidden))])
    )
    return kept


def _has_buttons_after(blocks: list[Block], index: int) -> bool:
    return index < len(blocks) and isinstance(blocks[index], ActionsBlock)


def fallback_text(reply: Reply) -> str:
    """The plain `text` sent with the blocks (notifications, screen readers)."""
    return _cut(reply.text or " ", MAX_FALLBACK_TEXT)


def message_payload(reply: Reply) -> dict:
    """Keyword arguments for chat.postMessage / chat.postEphemeral / a response_url post."""
    return {
        "text": fallback_text(reply),
        "blocks": [b.to_dict() for b in reply_blocks(reply)],
    }
