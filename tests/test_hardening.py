"""Hardening at the domain's edge: every typed request gets a clear answer (issue 10)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config import ConfigError, Settings
from handlers.shapes import is_slack_id, problem
from samverkan.i18n import t
from samverkan.reply import Header, Reply, Section
from samverkan.service import Context, Samverkan
from storage import Store
from storage.faults import classify, integrity

INTERNAL = {t("en", "error.internal"), t("sv", "error.internal")}


def headers(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Header)]


def sections(reply: Reply) -> list[str]:
    return [i.text for i in reply.items if isinstance(i, Section)]


# -- help ----------------------------------------------------------------------------------------


def test_help_plan_is_the_plan_commands_own_page(run: Callable) -> None:
    """`plan archive|delete` took the word: `help plan` explains them (never an error)."""
    reply = run("anna", "help plan")
    assert reply.ok and headers(reply) == ["Help: plan"]
    assert sections(reply) == [t("en", "help.plan", cmd="/samverkan")]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("help start", "help.start"),
        ("help work", "help.work"),
        ("help read", "help.read"),
        ("help admin", "help.admin"),
        ("hjälp start", "help.start"),
        ("help est", "help.est"),
        ("HELP Admin", "help.admin"),
    ],
)
def test_help_on_a_section_of_the_overview_shows_that_section(
    run: Callable, text: str, section: str
) -> None:
    reply = run("anna", text)
    assert reply.ok
    assert headers(reply) == ["Samverkan — how to use it"]
    assert sections(reply) == [t("en", section, cmd="/samverkan")]


@pytest.mark.parametrize(
    "word", ["intro", "title", "title_topic", "footer", "plan.x", "verb", "error"]
)
def test_help_on_catalog_keys_that_are_no_topic_is_an_unknown_topic(
    run: Callable, word: str
) -> None:
    reply = run("anna", f"help {word}")
    assert reply.ok is False
    assert reply.text == (f"There is no help topic “{word}”.\nExample: `/samverkan help`")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(min_size=1, max_size=30).filter(lambda w: w.strip() == w and " " not in w))
def test_help_on_any_word_is_a_page_or_an_unknown_topic(app: Samverkan, word: str) -> None:
    reply = app.run(Context("T1", "C1", "U1"), f"help {word}")
    assert reply.text not in INTERNAL


# -- settings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"), [(None, 30.0), ("1", 1.0), ("0.5", 0.5), ("60", 60.0)]
)
def test_the_schedule_poll_is_read_from_the_environment(value: str | None, seconds: float) -> None:
    env = {} if value is None else {"SAMVERKAN_SCHEDULE_POLL": value}
    assert Settings.from_env(env).schedule_poll == seconds


@pytest.mark.parametrize("value", ["0", "-1", "61", "x", "nan"])
def test_a_schedule_poll_the_bot_cannot_use_stops_it(value: str) -> None:
    with pytest.raises(ConfigError) as e:
        Settings.from_env({"SAMVERKAN_SCHEDULE_POLL": value})
    assert str(e.value) == (
        f"SAMVERKAN_SCHEDULE_POLL={value!r} is not a number of seconds (above 0, at most 60)"
    )


# -- the shapes a request must have -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kinds", "ok"),
    [
        ("U0A1B2C3D", "UW", True),
        ("W0A1B2C3D", "UW", True),
        ("C0A1B2C3D", "CGD", True),
        ("D0A1B2C3D", "CGD", True),
        ("T0SAMVERK", "TE", True),
        ("U0A1B2C3D", "CGD", False),
        ("u0a1b2c3d", "UW", False),
        ("U", "UW", False),
        ("U" + "1" * 40, "UW", False),
        ("<!channel>", "CGD", False),
        ("C0A1|x", "CGD", False),
        (5, "UW", False),
        (None, "UW", False),
    ],
)
def test_slack_ids(value: object, kinds: str, ok: bool) -> None:
    assert is_slack_id(value, kinds) is ok


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ([1], "the body is not an object"),
        ({"command": "/s", "channel_id": "C1", "team_id": "T1"}, "user_id is not a user id"),
        (
            {"command": "/s", "user_id": "U1", "channel_id": "x" * 3000, "team_id": "T1"},
            "channel_id is not a channel id",
        ),
        (
            {"command": "/s", "user_id": "U1", "channel_id": "C1", "team_id": "T1", "text": 5},
            "text is not a string",
        ),
        ({"type": "block_actions", "user": 5}, "user.id is not a user id"),
        (
            {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": 5}]},
            "actions are not a list of actions",
        ),
        (
            {"type": "view_submission", "user": {"id": "U1"}, "view": {"state": {"values": []}}},
            "view is not a view",
        ),
        (
            {"type": "event_callback", "event": {"type": "app_home_opened", "user": 5}},
            "event.user is not a user id",
        ),
        ({"type": "event_callback", "event": {"user": "U1"}}, "event is not an event"),
        (
            {"type": "event_callback", "event": {"type": "x", "user": "U1"}, "team_id": "T1"},
            None,
        ),
        ({"type": "block_actions", "user": {"id": "U1"}, "actions": []}, "actions are missing"),
        (
            {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": "1:F1"}]},
            "actions are not a list of actions",
        ),
        (
            {"type": "view_submission", "user": {"id": "U1"}, "view": {"state": {"values": {}}}},
            "view.callback_id is missing",
        ),
        ({"type": "shortcut", "user": {"id": "U1"}}, "callback_id is missing"),
        ({"type": "url_verification", "challenge": "x"}, None),
        ({"command": "/s", "user_id": "U1", "channel_id": "C1", "team_id": "T1"}, None),
        (
            {"type": "shortcut", "user": {"id": "U1"}, "callback_id": "x", "response_url": "a.b"},
            "response_url is not a URL",
        ),
        (
            {
                "command": "/s",
                "user_id": "U1",
                "channel_id": "C1",
                "team_id": "T1",
                "response_url": "https://hooks.slack.com/commands/T1/1/x",
            },
            None,
        ),
    ],
)
def test_what_is_wrong_with_a_request(body: object, found: str | None) -> None:
    assert problem(body) == found


# -- the database cannot do it ------------------------------------------------------------------


def test_a_write_behind_another_writer_is_refused_as_busy_and_rolled_back(
    app: Samverkan, store: Store
) -> None:
    ctx = Context("T1", "C1", "U1")
    assert app.run(ctx, "setup Trygg").ok
    assert app.run(ctx, "org add Polisen").ok
    assert app.run(ctx, "join Polisen").ok
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        reply = app.run(ctx, "log Walked the square")
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert 1.5 < waited < 3
    assert reply.ok is False
    assert reply.text == t("en", "error.store_busy")
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM log_entries").fetchone() == (0,)
    finally:
        conn.close()
    assert app.run(ctx, "log Walked the square").ok


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.OperationalError("database or disk is full"), "full"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (sqlite3.DatabaseError("file is not a database"), "damaged"),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), None),
        (sqlite3.OperationalError("no such table: x"), None),
    ],
)
def test_which_sqlite_errors_are_faults_of_the_surroundings(
    tmp_path: Path, error: sqlite3.Error, kind: str | None
) -> None:
    fault = classify(error, str(tmp_path / "x.db"))
    assert (fault.kind if fault else None) == kind


def test_an_integrity_check_leaves_no_files_behind(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    store.backup(copy)
    assert integrity(copy, tidy=True) is None  # a copy no other process has open
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]


# -- a scheduled digest behind another writer ---------------------------------------------------


def test_a_digest_that_cannot_be_claimed_is_retried_and_then_sent_once(
    app: Samverkan, store: Store, clock, fake_slack
) -> None:
    from slack_sdk import WebClient

    from schedules.digest_job import DigestDelivery
    from schedules.scheduler import scheduler_client
    from tests.test_schedules import MONDAY_DUE, local, posts

    clock.now = local(2026, 11, 20, 10)
    ctx = Context("T1", "C1", "UANNA")
    for text in ("setup Plan", "org add Polisen police", "join Polisen"):
        assert app.run(ctx, text).ok
    clock.now = MONDAY_DUE
    retries: list[float] = []
    delivery = DigestDelivery(
        app,
        scheduler_client(WebClient(token="xoxb-test", base_url=fake_slack.base_url)),
        clock=clock,
        on_retry=lambda plan_id, due, delay: retries.append(delay),
    )
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert delivery.deliver(1, MONDAY_DUE) == "retry"
    finally:
        holder.rollback()
        holder.close()
    assert retries == [30]
    assert posts(fake_slack) == []
    assert delivery.deliver(1, MONDAY_DUE) == "sent"
    assert delivery.deliver(1, MONDAY_DUE) == "skipped"
    assert len(posts(fake_slack)) == 1


# -- a database made read-only, then writable again ---------------------------------------------

_READ_ONLY_SCRIPT = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from samverkan.service import Context, Samverkan
from storage import Store
folder = sys.argv[2]
store = Store(os.path.join(folder, "x.db"))
store.migrate()
app = Samverkan(store)
ctx = Context("T1", "C1", "U1")
out = {"setup": app.run(ctx, "setup P").ok}
os.chmod(store.path, 0o444)
out["at_start"] = store.problem_at_start()
out["health"] = store.health()
out["refused"] = app.run(ctx, "org add Polisen").text
out["read"] = app.run(ctx, "status").ok
out["modes"] = {
    f: oct(os.stat(os.path.join(folder, f)).st_mode & 0o777) for f in sorted(os.listdir(folder))
}
os.chmod(store.path, 0o644)
out["after"] = app.run(ctx, "org add Polisen").text
out["health_after"] = store.health()
print(json.dumps(out))
"""


def test_a_database_made_read_only_refuses_writes_and_works_again_once_fixed() -> None:
    """SQLite makes -wal/-shm with the file's read-only mode; they follow the file once fixed.

    Run as an unprivileged user (root may write to a read-only file).
    """
    import json
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    as_user: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to run as an unprivileged user")
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = tempfile.mkdtemp(prefix="samverkan-ro-")
    try:
        os.chmod(folder, 0o777)
        root = str(Path(__file__).resolve().parents[1])
        done = subprocess.run(
            [*as_user, sys.executable, "-c", _READ_ONLY_SCRIPT, root, folder],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    db = f"{folder}/x.db"
    assert out["setup"] is True
    assert out["at_start"].startswith(f"The database {db} cannot be written: {db} not writable")
    assert out["health"] == "read_only"
    assert out["refused"] == t("en", "error.store_read_only")
    assert out["read"] is True
    assert out["modes"] == {"x.db": "0o444", "x.db-shm": "0o444", "x.db-wal": "0o444"}
    assert out["after"] == "Added the organisation *Polisen* (other)."
    assert out["health_after"] == "ok"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("element", "value"),
    [
        ({"type": "static_select", "selected_option": 5}, None),
        ({"type": "static_select", "selected_option": {"value": 5}}, None),
        ({"type": "static_select", "selected_option": {"value": "C1:A1"}}, "C1:A1"),
        ({"type": "datepicker", "selected_date": 20261201}, None),
        ({"type": "users_select", "selected_user": ["U1"]}, None),
        ({"type": "plain_text_input", "value": "Walked"}, "Walked"),
    ],
)
def test_a_form_value_of_the_wrong_type_reads_as_left_empty(element: dict, value: object) -> None:
    from blocks.form_values import read_values

    assert read_values({"block": {"action": element}}) == {"block": value}


def test_a_form_whose_blocks_carry_odd_ids_still_gets_its_error_under_a_field() -> None:
    from blocks import ids
    from blocks.modals import error_block

    view = {"callback_id": ids.LOG_MODAL, "blocks": [{"block_id": ["x"]}, 5, {"block_id": 7}]}
    assert error_block(view, "date") == ids.TEXT_BLOCK
    view["blocks"].append({"block_id": ids.DATE_BLOCK})
    assert error_block(view, "date") == ids.DATE_BLOCK
