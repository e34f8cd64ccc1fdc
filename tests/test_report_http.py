"""Issue 15 through Slack: the log form's participants and hours, the report sent to the
coordinator's DM through the file API, and the tertial reminder's button, against the bot
process and the local Slack server that checks every call."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import docx
import openpyxl

from blocks import ids
from tests import test_slack_http as http
from tests.support.signed import fixture_json, new_trigger_id
from tests.test_slack_http import Plan, block, open_modal, submission, uid

# The HTTP bot's fixtures: one bot process and one local Slack for this module.
fake = http.fake
bot = http.bot
plan = http.plan
no_contract_violations = http.no_contract_violations


def test_the_log_form_takes_participants_and_hours(plan: Plan) -> None:
    plan.command("activity add Belysning")
    view = open_modal(plan, "log", user=plan.member)
    participants = block(view, ids.PARTICIPANTS_BLOCK)
    assert participants["element"]["type"] == "number_input"
    assert participants["element"]["is_decimal_allowed"] is False
    assert block(view, ids.HOURS_BLOCK)["element"]["is_decimal_allowed"] is True
    values: dict[str, tuple[str, Any]] = {
        ids.ACTIVITY_BLOCK: ("static_select", f"{plan.channel}:A1"),
        ids.TEXT_BLOCK: ("plain_text_input", "Walk with the parents"),
        ids.DATE_BLOCK: ("datepicker", plan.today().isoformat()),
        ids.PARTICIPANTS_BLOCK: ("number_input", "12.5"),
        ids.HOURS_BLOCK: ("number_input", "2.5"),
    }
    answer = plan.interact(submission(plan, view, values, user=plan.member))
    assert answer[0] == 200 and b'"participants_block"' in answer[1]
    assert b"whole number" in answer[1]
    values[ids.PARTICIPANTS_BLOCK] = ("number_input", "12")
    assert plan.interact(submission(plan, view, values, user=plan.member)) == (200, b"")
    assert plan.rows(
        "SELECT text, participants, hours FROM log_entries WHERE plan_id = ?", plan.plan_id
    ) == [("Walk with the parents", 12, 2.5)]
    posted = plan.wait_calls("chat.postMessage", channel=plan.channel)[-1]
    assert posted.params["text"].endswith("> Walk with the parents\n👥 12 participants · ⏱ 2.5 h")


def test_the_report_goes_to_the_coordinator_in_a_dm(plan: Plan) -> None:
    plan.command("cause add Dark passages")
    plan.command("activity add Belysning owner Polisen")
    plan.command("activity A1 cause C1")
    plan.command("log A1 Changed lamps participants 3 hours 4", user=plan.member)
    plan.command("indicator add A1 Broken lamps baseline 12 target 2 on 2026-01-15")
    plan.command("indicator A1 Broken lamps 7", user=plan.member)
    refused = plan.command("report year", user=plan.member)
    assert refused["text"].startswith("Only a coordinator of this plan can make the follow-up")
    answer = plan.command("report year")
    assert answer["response_type"] == "ephemeral"
    assert "come to you in a direct message" in answer["text"]
    assert "• Production: 1 entry, 3 participants, 4 h." in answer["text"]
    dm = "D" + plan.coord
    plan.wait_calls("files.completeUploadExternal", 2, channel_id=dm)
    shared = {f["name"]: f for f in plan.fake.shared_files(dm)}
    year = plan.today().year
    document = shared[f"Trygg i Husby — follow-up {year}.docx"]
    workbook = shared[f"Trygg i Husby — follow-up {year}.xlsx"]
    d = docx.Document(BytesIO(document["content"]))
    assert d.paragraphs[0].text == "Trygg i Husby"
    assert "A1 Belysning" in [p.text for p in d.paragraphs if p.style.name == "Heading 3"]
    assert len(d.inline_shapes) == 2  # the indicator and the hours per organisation
    assert openpyxl.load_workbook(BytesIO(workbook["content"])).sheetnames[0] == "Summary"
    # Nothing reached the member.
    assert plan.fake.shared_files("D" + plan.member) == []


def test_the_tertial_reminder_s_button_sends_the_report(plan: Plan) -> None:
    payload = fixture_json("block_actions_button")
    payload["user"]["id"] = plan.coord
    payload["trigger_id"] = new_trigger_id()
    value = f"{plan.plan_id}:{plan.today().year}-T1"
    payload["actions"][0].update(action_id=ids.REPORT_TERTIAL, value=value, block_id="r")
    payload["actions"][0].pop("style", None)
    payload["response_url"] = plan.fake.response_url(uid("rr"))
    payload["container"].update(channel_id="D" + plan.coord, message_ts="1.000001")
    payload["channel"]["id"] = "D" + plan.coord
    assert plan.interact(payload) == (200, b"")
    dm = "D" + plan.coord
    plan.wait_calls("files.completeUploadExternal", 2, channel_id=dm)
    names = sorted(f["name"] for f in plan.fake.shared_files(dm))
    year = plan.today().year
    assert names == [
        f"Trygg i Husby — follow-up tertial 1 {year}.docx",
        f"Trygg i Husby — follow-up tertial 1 {year}.xlsx",
    ]
    # A member's click is refused in their DM, and makes nothing.
    payload["user"]["id"] = plan.member
    payload["container"]["channel_id"] = payload["channel"]["id"] = "D" + plan.member
    assert plan.interact(payload) == (200, b"")
    (told,) = plan.wait_calls("chat.postMessage", channel="D" + plan.member)
    assert told.params["text"].startswith("Only a coordinator of this plan")
    assert plan.fake.shared_files("D" + plan.member) == []
