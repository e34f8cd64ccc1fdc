# ruff: noqa: F811  (pytest fixtures imported from tests.test_slack_http, used by name)
"""Issue 14 through signed HTTP to the bot process: dates, typos, refusals and personal language
(the person's Slack locale or their own setting) on the surfaces that follow the person."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

from samverkan.dates import format_date
from tests.support.fake_slack import FakeSlack
from tests.support.signed import event_body
from tests.test_slack_http import (  # noqa: F401  (fixtures: one bot process for this module)
    Plan,
    bot,
    fake,
    home_opened,
    no_contract_violations,
    plan,
    uid,
)


def text_of(answer: dict[str, Any]) -> str:
    return str(answer.get("text") or "")


def locale_learned(p: Plan, user: str, timeout: float = 5) -> None:
    """Wait until the bot has asked Slack for the person's locale and stored it."""
    deadline = time.monotonic() + timeout
    while not p.rows("SELECT 1 FROM user_languages WHERE user_id = ?", user):
        assert time.monotonic() < deadline, "users.info was not asked"
        time.sleep(0.02)


def home_with(p: Plan, user: str, needle: str, after: int, timeout: float = 5) -> dict:
    """The first App Home published for `user` after the `after`-th that contains `needle`.

    Earlier commands publish Homes after their ack too; their order is not the test's.
    """
    deadline = time.monotonic() + timeout
    while True:
        for call in p.calls("views.publish", user_id=user)[after:]:
            if needle in json.dumps(call.params["view"], ensure_ascii=False):
                return dict(call.params["view"])
        assert time.monotonic() < deadline, f"no App Home with {needle!r}"
        time.sleep(0.02)


def test_dates_typos_and_a_trailing_senast_that_does_not_parse(plan: Plan) -> None:
    plan.command("settings language sv")
    plan.command("activity add Belysning")
    # A due date typed with a year that has passed: kept, with a warning in the reply.
    passed = plan.today() - timedelta(days=60)
    answer = plan.command(f"aktivitet ny Nattvandring ägare Polisen senast {passed.isoformat()}")
    shown = format_date(passed, "sv", plan.today())
    assert f"⚠️ Datumet {shown} har redan passerat" in text_of(answer)
    assert plan.rows(
        "SELECT due_date FROM activities WHERE plan_id = ? AND title = ?",
        plan.plan_id,
        "Nattvandring",
    ) == [(passed.isoformat(),)]
    # Everyday Swedish dates are understood; an unreadable one after senast is refused.
    answer = plan.command(f"uppföljning <@{plan.member}> Ring skolan senast om en vecka")
    assert answer["response_type"] == "ephemeral"  # the bot posts the confirmation itself
    assert text_of(answer).startswith("*F1* är postad i kanalen.")
    answer = plan.command(f"uppföljning <@{plan.member}> Ring skolan senast om en veck")
    assert text_of(answer).startswith("Jag kan inte läsa ”om en veck” efter ”senast”")
    assert plan.rows("SELECT COUNT(*) FROM followups WHERE plan_id = ?", plan.plan_id) == [(1,)]
    # A typo: the corrected command, ready to copy.
    assert text_of(plan.command("stauts")) == (
        "Jag känner inte till kommandot ”stauts”. Menade du `/samverkan status`?"
    )


def test_a_refusal_names_one_person_once(plan: Plan) -> None:
    plan.command(f"follow <@{plan.member}> Check the lamps", user=plan.member)
    outsider = uid("U")
    assert text_of(plan.command("done F1", user=outsider)) == (
        f"Only <@{plan.member}> (assignee, who assigned it too) or a coordinator can complete "
        f"F1. Coordinators: <@{plan.coord}>."
    )


def test_personal_surfaces_follow_the_persons_slack_locale(plan: Plan, fake: FakeSlack) -> None:
    """An English plan; a member whose Slack is in Swedish gets mine and the Home in Swedish."""
    person = uid("U")
    fake.set_user(person, locale="sv-SE")
    plan.command(f"member <@{person}> Polisen")
    plan.command("hjälp", user=person)  # their first command: the bot asks Slack their language
    plan.command(f"follow <@{person}> Check the lamps by friday")
    locale_learned(plan, person)
    mine = plan.command("mine", user=person)
    assert text_of(mine).startswith("Dina öppna uppföljningar (1)")
    assert "help" in text_of(plan.command("help", user=person)).lower()  # the plan's language
    calls = [c for c in fake.calls("users.info") if c.params.get("user") == person]
    assert len(calls) == 1 and str(calls[0].params["include_locale"]).lower() in ("1", "true")

    before = len(plan.calls("views.publish", user_id=person))
    status, _, body = plan.bot.post(event_body(home_opened(plan, person)))
    assert (status, body) == (200, b"")
    home_with(plan, person, "Dina öppna uppföljningar (1)", before)

    # Their own choice wins over Slack's, and their App Home is drawn again in it.
    before = len(plan.calls("views.publish", user_id=person))
    answer = plan.command("settings my language en", user=person)
    assert text_of(answer) == (
        "Your own language is now English: `/samverkan mine`, your App Home and reminders use it."
    )
    home_with(plan, person, "Your open follow-ups (1)", before)
    assert text_of(plan.command("mine", user=person)).startswith("Your open follow-ups (1)")
    # `auto` follows Slack again.
    assert text_of(plan.command("inställningar mitt språk auto", user=person)) == (
        "Ditt eget språk följer ditt språk i Slack igen (nu svenska)."
    )


def test_a_plan_language_change_redraws_the_members_app_homes(plan: Plan, fake: FakeSlack) -> None:
    """Someone whose Slack speaks neither language follows the plan's, and sees it change."""
    person = uid("U")
    fake.set_user(person, locale="de-DE")
    plan.command(f"member <@{person}> Polisen")
    plan.command("hjälp", user=person)  # their first command: the bot asks Slack their language
    locale_learned(plan, person)
    before = len(plan.calls("views.publish", user_id=person))
    plan.command("settings language sv")
    home_with(plan, person, "Dina planer", before)
