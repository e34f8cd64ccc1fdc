"""A Swedish coordinator's week, tried as the issue did on Tuesday 1 December 2026 (the console
runs exactly this: `Samverkan.run`), read line by line: no wrong plural, no unreachable
"…and N more", no date in the past by surprise. Also the console as a process, in Swedish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from samverkan.reply import Note, Reply, Section
from samverkan.service import Context, Samverkan
from storage import Store
from tests.conftest import Clock
from tests.test_console import bot

# Tuesday 1 December 2026, 09:00 in Stockholm.
DEC_1 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def week(tmp_path: Path) -> tuple[Callable[..., Reply], Clock]:
    clock = Clock(DEC_1)
    store = Store(tmp_path / "samverkan.db", clock=clock)
    store.migrate()
    app = Samverkan(store, clock=clock)

    def run(user: str, text: str, channel: str = "C1") -> Reply:
        return app.run(Context("T1", channel, user), text)

    for text in (
        "starta Trygg i Husby",
        "inställningar språk sv",
        "aktör ny Fritid fritid",
        "aktör ny Polisen polis",
        "medlem <@lina> Fritid",
        "medlem <@erik> Polisen",
    ):
        assert run("anna", text).ok, text
    return run, clock


def all_text(reply: Reply) -> str:
    parts = [reply.text]
    parts += [i.text for i in reply.items if isinstance(i, Section | Note)]
    return "\n".join(parts)


def test_due_dates_as_a_swedish_office_writes_them(week) -> None:
    run, _ = week
    # Without a year: the next 30 June to come, not one already passed and flagged late.
    reply = run("anna", "aktivitet ny Nattvandring fredagar ägare Fritid senast 30/06")
    assert (
        reply.text
        == "Ny aktivitet *A1*: Nattvandring fredagar (ägare Fritid, senast 30 juni 2027)."
    )
    assert "⏰" not in run("anna", "aktivitet lista").items[1].text  # type: ignore[union-attr]
    # With a year that has passed: kept, and said so.
    reply = run("anna", "aktivitet ny Trygghetsvandring senast 2026-03-31")
    assert reply.text == (
        "Ny aktivitet *A2*: Trygghetsvandring (senast 31 mars).\n"
        "⚠️ Datumet 31 mars har redan passerat: det sparas som du skrev och visas som försenat."
    )
    reply = run("anna", "uppföljning <@lina> Boka lokal senast 2026-11-29")
    assert reply.ok and "⚠️ Datumet 29 nov. har redan passerat" in reply.text

    cases = [
        ("senast v50", "11 dec."),
        ("senast vecka 50", "11 dec."),
        ("senast 15 dec", "15 dec."),
        ("senast 15 december", "15 dec."),
        ("senast nästa fredag", "11 dec."),
        ("senast fredag", "4 dec."),
        ("senast i övermorgon", "3 dec."),
        ("senast om 2 veckor", "15 dec."),
        ("senast om en vecka", "8 dec."),
        ("senast v1", "8 jan. 2027"),
        ("senast v53", "1 jan. 2027"),
    ]
    for n, (typed, due) in enumerate(cases, start=2):
        reply = run("anna", f"uppföljning <@lina> Ring skolan {typed}")
        assert reply.text == (f"*F{n}* till <@lina> från <@anna> — senast {due}:\n> Ring skolan"), (
            typed
        )


def test_a_trailing_senast_that_does_not_parse_is_an_error_not_text(week) -> None:
    run, _ = week
    reply = run("anna", "uppföljning <@lina> Text senast om en veck")
    assert (reply.ok, reply.text) == (
        False,
        "Jag kan inte läsa ”om en veck” efter ”senast” som ett datum. Skriv ett datum som "
        "`2026-12-15`, `fredag`, `v50` eller `om en vecka`; om ”senast om en veck” hör till "
        "texten, sätt texten inom citattecken.\nExempel: `/samverkan uppföljning @erik Kolla "
        "belysningen i gångtunneln senast fredag A2`",
    )
    # In quotes it is text, and the quotes are not kept.
    reply = run("anna", 'uppföljning <@lina> "Ring bostadsbolaget senast fredag"')
    assert reply.text == "*F1* till <@lina> från <@anna>:\n> Ring bostadsbolaget senast fredag"


def test_counts_read_right(week) -> None:
    run, _ = week
    run("anna", "aktivitet ny Belysning ägare Polisen")
    run("anna", "aktivitet A1 bedömning röd")
    run("erik", "logga A1 Bytte lampor")
    run("erik", "uppföljning <@erik> Beställ lampor senast 2026-11-30")
    preview = run("anna", "veckobrev förhandsvisa")
    text = all_text(preview)
    assert "1 insats från 1 aktör" in text
    assert "1 insats loggad, 1 försenad uppföljning, 1 sak behöver uppmärksamhet." in text
    assert "insatser från 1 aktörer" not in text and "1 saker" not in text


def test_status_points_at_the_rest_of_the_week(week) -> None:
    run, _ = week
    for i in range(10):
        run("erik", f"logga Runda {i}")
    notes = [i.text for i in run("anna", "status").items if isinstance(i, Note)]
    assert notes[0] == "…och 2 till: `/samverkan veckobrev förhandsvisa`"


def test_typos_get_the_command_they_meant(week) -> None:
    run, _ = week
    run("anna", "aktivitet ny Belysning")
    assert run("anna", "stauts").text == (
        "Jag känner inte till kommandot ”stauts”. Menade du `/samverkan status`?"
    )
    assert run("erik", "lgga A1 Bytte lampor").text == (
        "Jag känner inte till kommandot ”lgga”. Menade du `/samverkan logga A1 Bytte lampor`?"
    )
    assert run("erik", "klart F7").text == (
        "Jag känner inte till kommandot ”klart”. Menade du `/samverkan klar F7`?"
    )


def test_an_unknown_kind_is_offered_as_a_choice(week) -> None:
    run, _ = week
    reply = run("anna", "aktör ny Brå råd")
    assert (reply.ok, reply.text) == (
        False,
        "Är ”råd” aktörens typ eller en del av namnet? Som typ: `/samverkan aktör ny Brå övrigt` "
        "(typer: kommun, polis, socialtjänst, skola, fritid, bostad, räddningstjänst, "
        'civilsamhälle, näringsliv, övrigt). Som del av namnet: `/samverkan aktör ny "Brå råd"`',
    )
    assert run("anna", "aktör ny Brå skolaa").text.startswith(
        "Är ”skolaa” aktörens typ eller en del av namnet? Som typ: `/samverkan aktör ny Brå skola`"
    )
    assert run("anna", 'aktör ny "Brå råd"').text == "Aktören *Brå råd* (övrigt) är tillagd."


def test_a_refusal_names_one_person_once_and_own_follow_ups_say_no_from(week) -> None:
    run, _ = week
    assert run("lina", "uppföljning <@lina> Boka lokal senast fredag").text == (
        "*F1* till <@lina> — senast 4 dec.:\n> Boka lokal"
    )
    assert run("erik", "klar F1").text == (
        "Bara <@lina> (ansvarig, som också gav den) eller en samordnare kan klarmarkera F1. "
        "Samordnare: <@anna>."
    )
    mine = run("lina", "mina")
    (card,) = [i for i in mine.items if hasattr(i, "ref")]
    assert card.text == "*F1* Boka lokal\nsenast 4 dec."  # type: ignore[attr-defined]


def test_personal_language_follows_the_person(week) -> None:
    run, _ = week
    run("anna", "uppföljning <@lina> Boka lokal senast fredag")
    assert run("lina", "mina").text.startswith("Dina öppna uppföljningar (1)")
    assert run("lina", "inställningar mitt språk en").text == (
        "Your own language is now English: `/samverkan mine`, your App Home and reminders use it."
    )
    # In another channel too; the plan's own replies stay Swedish.
    assert run("lina", "mina", channel="C2").text.startswith("Your open follow-ups (1)")
    assert run("lina", "hjälp status").items[0].text == "Hjälp: status"  # type: ignore[union-attr]
    # A refusal is in the channel's language, like every refusal.
    reply = run("lina", "settings my language tyska")
    assert reply.text.startswith("Ditt eget språk är `en`, `sv` eller `auto`")


def test_the_console_speaks_swedish_and_corrects_typos(tmp_path: Path) -> None:
    lines = [
        "starta Trygg i Husby",
        "inställningar språk sv",
        "aktör ny Fritid fritid",
        "medlem @lina Fritid",
        "stauts",
        "uppföljning @lina Ring skolan senast om en vecka",
        "uppföljning @lina Ring skolan senast om en veck",
    ]
    result = bot("console", "--db", str(tmp_path / "x.db"), stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Menade du `/samverkan status`?" in out
    assert "*F1* till @lina från @you — senast " in out or "F1 till @lina från @you" in out
    assert "Jag kan inte läsa ”om en veck” efter ”senast”" in out


def test_a_reminder_follows_the_persons_language(week, tmp_path: Path) -> None:
    from samverkan.reminders import claim_reminders

    run, clock = week
    run("anna", "uppföljning <@lina> Boka lokal senast idag")
    run("anna", "uppföljning <@erik> Ring skolan senast idag")
    run("lina", "inställningar mitt språk en")
    # The domain of the same database, as the reminders job runs it.
    app = Samverkan(Store(tmp_path / "samverkan.db", clock=clock), clock=clock)
    sent = {r.user_id: r.reply for r in claim_reminders(app, "Europe/Stockholm", clock())}
    assert sent["lina"].text.startswith("You have 1 follow-up due today or overdue.")
    assert sent["erik"].text.startswith(
        "Du har 1 uppföljning som ska vara klar idag eller är försenad."
    )
