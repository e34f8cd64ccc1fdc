"""Files in Slack (DESIGN §8, §10): the export reaches the person in a DM through files_upload_v2,
against the local Slack server that checks the whole file API."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from io import BytesIO

import openpyxl
import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks import ids
from tests import test_slack_http as http
from tests.support.fake_slack import FakeSlack
from tests.test_slack_http import Plan

# The HTTP bot's fixtures: one bot process and one local Slack for this module.
fake = http.fake
bot = http.bot
plan = http.plan
no_contract_violations = http.no_contract_violations


def test_export_goes_to_the_person_in_a_dm(plan: Plan) -> None:
    plan.command("settings language sv")
    plan.command("cause add Mörk gångtunnel")
    plan.command('activity add "Tänd lamporna" owner Polisen')
    plan.command("activity A1 cause C1")
    plan.command("activity A1 rag red")
    answer = plan.command("exportera", user=plan.member)
    assert answer["response_type"] == "ephemeral"
    assert "direktmeddelande" in answer["text"]
    dm = "D" + plan.member
    plan.wait_calls("files.completeUploadExternal", channel_id=dm)
    assert plan.calls("conversations.open", users=plan.member)
    (shared,) = plan.fake.shared_files(dm)
    assert shared["name"].startswith("atgardsplan-trygg-i-husby-")
    assert shared["name"].endswith(".xlsx")
    assert "direktmeddelande" in (shared["initial_comment"] or "")
    wb = openpyxl.load_workbook(BytesIO(shared["content"]))
    assert wb.sheetnames == [
        "Åtgärdsplan",
        "Aktiviteter",
        "Orsaker",
        "Logg",
        "Uppföljningar",
        "Händelser",
        "Indikatorer",
    ]
    ws = wb["Åtgärdsplan"]
    assert [c.value for c in ws[3]] == [
        "Orsak",
        "Åtgärd",
        "Operativt mål",
        "När",
        "Vem",
        "Uppföljning",
        "Status",
        "Bedömning",
        "Typ",
        "Ref",
    ]
    assert ws["A4"].value == "C1 Mörk gångtunnel"
    assert [ws.cell(5, c).value for c in (2, 5, 7, 8, 10)] == [
        "Tänd lamporna",
        "Polisen",
        "planerad",
        "röd",
        "A1",
    ]
    assert ws.cell(5, 6).fill.fgColor.rgb.endswith("FF5050")


def test_export_csv_is_for_swedish_excel(plan: Plan) -> None:
    plan.command("activity add Nattvandring")
    plan.command("export csv")
    plan.wait_calls("files.completeUploadExternal", channel_id="D" + plan.coord)
    (shared,) = plan.fake.shared_files("D" + plan.coord)
    assert shared["content"].startswith(b"\xef\xbb\xbfCause;Measure;Operational goal;When;Who")
    assert b";Nattvandring;;;;;planned;;;A1\r\n" in shared["content"]


def test_a_failed_upload_is_told(plan: Plan) -> None:
    plan.fake.fail("files.getUploadURLExternal", error="not_allowed")
    plan.command("export")
    (told,) = plan.wait_calls("chat.postMessage", channel="D" + plan.coord)
    assert told.params["text"] == "The file could not be sent to you. Please try again."
    assert plan.fake.shared_files("D" + plan.coord) == []


def test_the_fake_serves_a_file_only_with_the_bot_token(fake: FakeSlack) -> None:
    file_id = fake.add_file("plan.csv", b"Orsak;Atgard\r\n")
    info = urllib.request.urlopen(
        urllib.request.Request(
            f"{fake.base_url}files.info?file={file_id}", headers={"Authorization": "Bearer xoxb-1"}
        )
    )
    url = json.loads(info.read())["file"]["url_private"]
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Authorization": "Bearer xoxb-1"})
    ) as got:
        assert got.read() == b"Orsak;Atgard\r\n"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url)
    assert fake.take_violations() == [
        f"download: url_private of {file_id} fetched without the bot token"
    ]


def test_the_fake_refuses_a_completion_of_nothing_uploaded(fake: FakeSlack) -> None:
    client = WebClient(token="xoxb-1", base_url=fake.base_url)
    got = client.files_getUploadURLExternal(filename="x.csv", length=10)
    with pytest.raises(SlackApiError):
        client.files_completeUploadExternal(
            files=[{"id": got["file_id"], "title": "x"}], channel_id="DUNOPENED"
        )
    assert fake.take_violations() == [
        "files.completeUploadExternal: channel_id DUNOPENED is a DM the bot never opened "
        "(conversations.open)",
        f"files.completeUploadExternal: file {got['file_id']} was never uploaded to its upload_url",
    ]


def test_import_through_the_form_with_a_file(plan: Plan, tmp_path) -> None:
    from tests.test_import_export import council_workbook
    from tests.test_slack_http import block, last_view, submission

    path = tmp_path / "plan.xlsx"
    council_workbook(path)
    plan.command("org add Stockholmshem housing")
    assert plan.command("import") == {}
    view = last_view(plan, "views.open")
    assert view["callback_id"] == ids.IMPORT_MODAL
    element = block(view, ids.IMPORT_FILE_BLOCK)["element"]
    assert (element["type"], element["filetypes"], element["max_files"]) == (
        "file_input",
        ["xlsx", "csv"],
        1,
    )
    file_id = plan.fake.add_file("plan.xlsx", path.read_bytes(), user=plan.coord)
    values = {ids.IMPORT_FILE_BLOCK: ("file_input", [file_id])}
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert answer["response_action"] == "update"
    preview = answer["view"]
    assert preview["callback_id"] == ids.IMPORT_CONFIRM_MODAL
    text = json.dumps(preview, ensure_ascii=False)
    assert "Row 7: looks like a personal identity number" in text
    assert "19850101" not in text
    assert "confirm`" not in text  # the console's way on is no use in the form
    orgs = block(preview, ids.IMPORT_ORGS_BLOCK)["element"]
    assert [o["value"] for o in orgs["options"]] == ["Skolan"]
    (fetched,) = plan.fake.calls(f"download:{file_id}")
    assert fetched.token.startswith("xoxb-")
    assert plan.rows("SELECT COUNT(*) FROM activities WHERE plan_id = ?", plan.plan_id) == [(0,)]
    # Skolan is not chosen: it is left out of Who, and not created.
    confirm = {ids.IMPORT_ORGS_BLOCK: ("multi_static_select", [])}
    answer = json.loads(plan.interact(submission(plan, preview, confirm))[1])
    assert answer == {"response_action": "clear"}
    assert plan.rows(
        "SELECT a.title, o.name FROM activities a LEFT JOIN organisations o "
        "ON o.id = a.owner_org_id WHERE a.plan_id = ? ORDER BY a.ref_no",
        plan.plan_id,
    ) == [("Byt lampor", "Stockholmshem"), ("Trygghetsvandring", "Stockholmshem")]
    assert plan.rows(
        "SELECT COUNT(*) FROM organisations WHERE plan_id = ? AND name = 'Skolan'", plan.plan_id
    ) == [(0,)]
    (posted,) = plan.wait_calls("chat.postMessage", channel=plan.channel)
    assert posted.params["text"].startswith("The plan was imported from a file:")


def test_only_coordinators_open_the_import_form(plan: Plan) -> None:
    opened = len(plan.fake.calls("views.open"))
    answer = plan.command("import", user=plan.member)
    assert "Only a coordinator" in answer["text"]
    assert len(plan.fake.calls("views.open")) == opened


def test_a_file_that_is_no_plan_is_refused_under_the_file_field(plan: Plan) -> None:
    from tests.test_slack_http import last_view, submission

    plan.command("import")
    view = last_view(plan, "views.open")
    file_id = plan.fake.add_file("notes.csv", b"Datum;Text\r\n2026-11-01;Hej\r\n")
    values = {ids.IMPORT_FILE_BLOCK: ("file_input", [file_id])}
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == [ids.IMPORT_FILE_BLOCK]
    assert "no header row" in answer["errors"][ids.IMPORT_FILE_BLOCK]
    plan.fake.fail("files.info", error="file_not_found")
    answer = json.loads(plan.interact(submission(plan, view, values))[1])
    assert answer["errors"] == {
        ids.IMPORT_FILE_BLOCK: "The file could not be read from Slack. Please try again."
    }
