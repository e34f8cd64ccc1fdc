"""Modals, the App Home and the Slack adapters' helpers, within Slack's limits for any plan size."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from blocks import ids
from blocks.cards import replace_card, source_of, tag_source
from blocks.form_values import read_values
from blocks.home import home_view
from blocks.kit import followup_blocks, menu_value, message_payload, split_menu_value
from blocks.modals import (
    activity_modal,
    error_block,
    follow_modal,
    log_modal,
    metadata,
    notice_modal,
)
from handlers.common import typed_text
from samverkan.home import home
from samverkan.interactive import Form, followup_card, open_form, parse_button_value
from samverkan.reply import FollowUpCard, Reply
from samverkan.service import Context, Samverkan
from serve.http import bolt_request, parse_body
from storage import Store
from tests.support.fake_slack import view_problems

ROOT = Path(__file__).resolve().parents[1]
T = "T1"


def plan_with(app: Samverkan, store: Store, channel: str, activities: int, coord: str = "anna"):
    """A plan in `channel` with `activities` open activities; `coord` coordinates it."""
    app.run(Context(T, channel, coord), f"setup Plan {channel}")
    app.run(Context(T, channel, coord), "org add Polisen police")
    app.run(Context(T, channel, coord), "join Polisen")
    with store.write() as tx:
        plan = tx.plans.by_channel(T, channel)
        for n in range(activities):
            tx.activities.add(
                plan.id, title=f"Activity number {n + 1} " + "x" * 100, created_by=coord
            )
    return plan


# -- modals --------------------------------------------------------------------------------


def test_300_activities_give_at_most_100_options_the_most_recent(app, store, clock) -> None:
    """The select keeps the 100 most recently changed open activities, in ref order."""
    plan = plan_with(app, store, "C1", 300)
    clock.now += timedelta(hours=1)
    app.run(Context(T, "C1", "anna"), "activity A1 rag amber")  # A1 changed last
    app.run(Context(T, "C1", "anna"), "activity A300 status done")  # closed: not offered
    form = open_form(app, Context(T, "C1", "anna"), "log")
    assert isinstance(form, Form)
    refs = [a.ref for a in form.activities]
    assert len(refs) == 100
    assert refs[0] == "A1" and "A300" not in refs and refs[-1] == "A299"
    assert form.activities_hidden == 199
    view = log_modal(form)
    assert view_problems(view, method="views.open") == []
    select = next(b for b in view["blocks"] if b.get("block_id") == ids.ACTIVITY_BLOCK)
    assert len(select["element"]["options"]) == 100
    assert all(len(o["text"]["text"]) <= 75 for o in select["element"]["options"])
    assert "100 most recently changed" in select["hint"]["text"]
    assert plan.id


def test_several_plans_share_the_100_options(app, store) -> None:
    """Opened outside a channel: a plan select, and option groups of at most 100 in all."""
    for channel in ("C1", "C2", "C3"):
        plan_with(app, store, channel, 60)
    form = open_form(app, Context(T, "", "anna"), "log")
    assert isinstance(form, Form)
    assert form.channel_id is None
    assert [p.channel_id for p in form.plans] == ["C1", "C2", "C3"]
    view = log_modal(form)
    assert view_problems(view, method="views.open") == []
    groups = next(b for b in view["blocks"] if b.get("block_id") == ids.ACTIVITY_BLOCK)
    options = [o for g in groups["element"]["option_groups"] for o in g["options"]]
    assert len(options) == 100
    assert {len(g["options"]) for g in groups["element"]["option_groups"]} == {33, 34}
    plans = next(b for b in view["blocks"] if b.get("block_id") == ids.PLAN_BLOCK)
    assert [o["value"] for o in plans["element"]["options"]] == ["C1", "C2", "C3"]


def test_forms_refuse_who_may_not_use_them(app, store) -> None:
    """A non-member may not log; a member may not add activities; nobody without plans."""
    plan_with(app, store, "C1", 1)
    refused = open_form(app, Context(T, "C1", "erik"), "log")
    assert isinstance(refused, Reply) and not refused.ok
    app.run(Context(T, "C1", "erik"), "join Polisen")
    # Asking to join is not being in: still no form until a coordinator approves.
    assert isinstance(open_form(app, Context(T, "C1", "erik"), "follow"), Reply)
    assert app.run(Context(T, "C1", "anna"), "join approve <@erik>").ok
    assert isinstance(open_form(app, Context(T, "C1", "erik"), "follow"), Form)
    assert isinstance(open_form(app, Context(T, "C1", "erik"), "activity"), Reply)
    nothing = open_form(app, Context(T, "", "nobody"), "log")
    assert isinstance(nothing, Reply)
    assert "not a member of any plan" in nothing.text


def test_every_modal_passes_slacks_checks(app, store) -> None:
    """Log, follow-up, activity and notice modals, with long texts and many organisations."""
    plan_with(app, store, "C1", 3)
    with store.write() as tx:
        plan = tx.plans.by_channel(T, "C1")
        for n in range(150):
            tx.organisations.add(plan.id, f"Organisation {n} " + "o" * 70, "other")
    form = open_form(app, Context(T, "C1", "anna"), "activity")
    assert isinstance(form, Form)
    long_link = "https://samverkan-test.slack.com/archives/C1/p1700000000000100"
    views = [
        log_modal(form, text="x" * 5000, permalink=long_link),
        follow_modal(form, text="Call the school", permalink=long_link),
        activity_modal(form),
        notice_modal("sv", "Du är inte medlem i någon plan än."),
    ]
    for view in views:
        assert view_problems(view, method="views.open") == [], view["callback_id"]
        # Nothing listens for view_closed, so no modal asks Slack to send one.
        assert "notify_on_close" not in view, view["callback_id"]
    owner = next(b for b in views[2]["blocks"] if b.get("block_id") == ids.OWNER_BLOCK)
    assert len(owner["element"]["options"]) == 100
    assert owner["element"]["initial_option"]["value"] == "Polisen"
    text = next(b for b in views[0]["blocks"] if b.get("block_id") == ids.TEXT_BLOCK)
    assert len(text["element"]["initial_value"]) == 2000
    assert json.loads(views[0]["private_metadata"])["permalink"] == long_link


def test_metadata_stays_within_3000_characters() -> None:
    """An absurd permalink is dropped rather than break the modal."""
    form = Form("log", "en", None, "C1")  # type: ignore[arg-type]
    assert len(metadata(form, "https://x/" + "p" * 4000)) <= 3000
    assert json.loads(metadata(form, "https://x/y")) == {
        "channel_id": "C1",
        "lang": "en",
        "permalink": "https://x/y",
    }


def test_reading_a_submission_and_placing_errors() -> None:
    """State values by block; a refusal goes to the field's block, or the modal's main one."""
    state = {
        "activity_block": {"activity": {"type": "static_select", "selected_option": None}},
        "text_block": {"text": {"type": "plain_text_input", "value": "Walked"}},
        "date_block": {"date": {"type": "datepicker", "selected_date": "2026-11-25"}},
        "assignee_block": {"assignee": {"type": "users_select", "selected_user": "U1"}},
    }
    assert read_values(state) == {
        "activity_block": None,
        "text_block": "Walked",
        "date_block": "2026-11-25",
        "assignee_block": "U1",
    }
    view = {"callback_id": ids.LOG_MODAL, "blocks": [{"block_id": "text_block"}]}
    assert error_block(view, "text") == "text_block"
    assert error_block(view, "activity") == "text_block"  # no activity select in this modal
    assert error_block({**view, "callback_id": ids.ACTIVITY_MODAL}, None) == "title_block"


# -- App Home ------------------------------------------------------------------------------


def test_home_with_200_follow_ups_stays_within_100_blocks(app, store) -> None:
    """Many follow-ups in many plans: at most 100 blocks, ≤ 250 kB, a clear "more" line."""
    for n in range(12):
        plan_with(app, store, f"C{n}", 2)
    with store.write() as tx:
        for n in range(12):
            plan = tx.plans.by_channel(T, f"C{n}")
            for m in range(17):
                tx.followups.add(
                    plan.id,
                    text=f"Follow-up {m} " + "z" * 240,
                    assignee="anna",
                    assigned_by="anna",
                    due_date=None,
                )
    reply = home(app, Context(T, "", "anna"))
    view = home_view(reply)
    assert len(view["blocks"]) <= 100
    assert view_problems(view, method="views.publish") == []
    text = json.dumps(view, ensure_ascii=False)
    assert "…and 184 more" in text
    assert "More plans: 4." in text
    assert view["blocks"][1]["elements"][0]["action_id"] == ids.HOME_LOG


def test_home_of_an_assignee_who_is_no_member_shows_the_follow_up_not_the_plan(app, store) -> None:
    """A plan's status is for its members: an outside assignee sees only their follow-up."""
    plan_with(app, store, "C1", 3)
    app.run(Context(T, "C1", "anna"), "follow <@guest> Bring the keys by friday")
    reply = home(app, Context(T, "", "guest"))
    text = json.dumps(home_view(reply), ensure_ascii=False)
    assert "Bring the keys" in text
    assert "Your plans" not in text
    assert "Plan C1" not in text
    assert all(
        b["type"] != "actions" or b["elements"][0]["action_id"] != ids.HOME_LOG
        for b in home_view(reply)["blocks"]
    )


def test_home_for_someone_without_plans(app) -> None:
    """No plans: how to start one, and no Log button."""
    view = home_view(home(app, Context(T, "", "nobody")))
    assert view_problems(view, method="views.publish") == []
    assert "setup <plan name>" in json.dumps(view)
    assert all(b["type"] != "actions" for b in view["blocks"])


def test_a_huge_home_is_cut_to_250_kb() -> None:
    """Even absurd texts cannot make Slack refuse the Home tab."""
    from samverkan.reply import Section

    reply = Reply("x", [Section("y" * 2990) for _ in range(100)])
    view = home_view(reply)
    assert view_problems(view, method="views.publish") == []
    assert "more lines" in view["blocks"][-1]["elements"][0]["text"]


# -- cards in messages already sent --------------------------------------------------------


def test_a_list_is_tagged_and_a_card_redrawn(app, store) -> None:
    """An ephemeral list remembers its command; a shared message gets one card redrawn."""
    app.run(Context(T, "C1", "anna"), "setup Plan")
    app.run(Context(T, "C1", "anna"), "org add Polisen")
    app.run(Context(T, "C1", "anna"), "join Polisen")
    app.run(Context(T, "C1", "anna"), "follow <@anna> First")
    app.run(Context(T, "C1", "anna"), "follow <@anna> Second")
    blocks = message_payload(app.run(Context(T, "C1", "anna"), "mine"))["blocks"]
    tagged = tag_source(blocks, "mine")
    buttons = [b for b in tagged if b["type"] == "actions"]
    assert [source_of(b["block_id"]) for b in buttons] == ["mine", "mine"]
    assert tag_source(blocks, "a|b") == blocks

    ((plan_id, number),) = [parse_button_value(buttons[0]["elements"][0]["value"])]
    app.close_followup(Context(T, "C1", "anna"), number, "done", plan_id=plan_id)
    card = followup_card(app, Context(T, "C1", "anna"), plan_id, number)
    assert card is not None and not card.can_act
    redrawn = replace_card(blocks, buttons[0]["block_id"].split("|")[0], card, "en")
    assert redrawn is not None
    assert len(redrawn) == len(blocks) - 1
    assert redrawn[1]["text"]["text"] == "✅ *F1* done: First (by <@anna>)"
    assert replace_card(blocks, "followup_9_F9", card, "en") is None
    assert followup_card(app, Context("T2", "C1", "anna"), plan_id, number) is None


def test_a_compact_card_is_one_block_with_a_menu_and_is_redrawn_as_one() -> None:
    """The digest's follow-ups: a section with an overflow menu; a click redraws that block."""
    card = FollowUpCard(7, "F3", "⏰ *F3* Call the school — <@U1>, 2 d late", compact=True)
    (section,) = [b.to_dict() for b in followup_blocks(card, "en")]
    assert section["block_id"] == "followup_7_F3"
    assert section["accessory"]["action_id"] == ids.FOLLOWUP_MENU
    assert [(o["text"]["text"], o["value"]) for o in section["accessory"]["options"]] == [
        ("Done", "7:F3:done"),
        ("Snooze 1 day", "7:F3:day"),
        ("Snooze 1 week", "7:F3:week"),
    ]
    # In a message as Slack sends it back: blocks around it stay as they were.
    header = {"type": "header", "block_id": "samverkan_digest_7_2026-W49", "text": {}}
    note = {"type": "context", "block_id": "x1", "elements": []}
    blocks = [header, section, note]
    done = FollowUpCard(7, "F3", "✅ *F3* done: Call the school (by <@U1>)", can_act=False)
    redrawn = replace_card(blocks, "followup_7_F3", done, "en")
    assert redrawn == [
        header,
        {
            "type": "section",
            "block_id": "followup_7_F3",
            "text": {"type": "mrkdwn", "text": "✅ *F3* done: Call the school (by <@U1>)"},
        },
        note,
    ]


def test_menu_values() -> None:
    """A menu option carries the button value and the choice; anything else names nothing."""
    assert menu_value(12, "F3", "week") == "12:F3:week"
    assert split_menu_value("12:F3:week") == ("12:F3", "week")
    assert split_menu_value("12:F3:done") == ("12:F3", "done")
    for value in ("12:F3", "12:F3:later", ":done", "", "done"):
        assert split_menu_value(value) is None


def test_button_values() -> None:
    """Only "<plan_id>:F<n>" names a follow-up."""
    assert parse_button_value("12:F3") == (12, 3)
    for value in ("F1", "12:A3", "x:F1", "12:", ""):
        assert parse_button_value(value) is None


# -- the adapters' helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("escaped", "typed"),
    [
        ("log A1 Walked &amp; talked", "log A1 Walked & talked"),
        ("log 3 &lt; 4 &gt; 2", "log 3 < 4 > 2"),
        ("log wrote &amp;lt; literally", "log wrote &lt; literally"),
        ("follow <@U123|anna> call", "follow <@U123|anna> call"),
        ("log see <https://example.org/a?b=1|example.org/a?b=1>", "log see example.org/a?b=1"),
        ("log see <https://example.org>", "log see https://example.org"),
        ("log mail <mailto:a@b.se|a@b.se>", "log mail a@b.se"),
        ("log in <#C123|trygg> and <#C456>", "log in #trygg and #C456"),
        ("log told <!here> and <!channel>", "log told @here and @channel"),
        ("log <!subteam^S1|@polis>", "log @polis"),
    ],
)
def test_typed_text(escaped: str, typed: str) -> None:
    """Slack's escaped command text back to what was typed; mentions stay for the grammar."""
    assert typed_text(escaped) == typed


def test_the_word_payload_in_a_form_body() -> None:
    """slack-bolt 1.30 reads this as interactivity; the bot reads it as the command it is."""
    from urllib.parse import urlencode

    raw = urlencode({"command": "/samverkan", "text": "log A1 checked the payload of the van"})
    assert parse_body(raw, "application/x-www-form-urlencoded")["text"] == (
        "log A1 checked the payload of the van"
    )
    request = bolt_request(raw, {"content-type": "application/x-www-form-urlencoded"})
    assert request.body["command"] == "/samverkan"
    interactive = "payload=" + json.dumps({"type": "block_actions", "team": {"id": "T9"}})
    assert parse_body(interactive, None)["type"] == "block_actions"
    assert bolt_request(interactive, {}).context.team_id == "T9"
    assert parse_body('{"type":"url_verification"}', "application/json") == {
        "type": "url_verification"
    }


# -- the manifest --------------------------------------------------------------------------


def test_manifest_declares_what_the_bot_handles() -> None:
    """Command, shortcuts, App Home, event, Socket Mode; ids as the handlers use them."""
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    features, settings = manifest["features"], manifest["settings"]
    (command,) = features["slash_commands"]
    assert command["command"] == "/samverkan"
    assert command["should_escape"] is True
    shortcuts = {s["callback_id"]: s for s in features["shortcuts"]}
    assert shortcuts[ids.LOG_FROM_MESSAGE]["name"] == "Log as action"
    assert shortcuts[ids.LOG_FROM_MESSAGE]["type"] == "message"
    assert shortcuts[ids.FOLLOW_FROM_MESSAGE]["name"] == "Create follow-up"
    assert shortcuts[ids.GLOBAL_NEW_LOG]["type"] == "global"
    assert shortcuts[ids.OBSERVE_FROM_MESSAGE]["name"] == "Report as observation"
    assert shortcuts[ids.OBSERVE_FROM_MESSAGE]["type"] == "message"
    assert features["app_home"]["home_tab_enabled"] is True
    assert settings["event_subscriptions"]["bot_events"] == [
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
    ]
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "commands",
        "chat:write",
        "channels:history",
        "groups:history",
        "files:write",
        "files:read",
        "im:write",
        "users:read",
        "im:history",
    }
