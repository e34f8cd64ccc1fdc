"""The console end to end: `bot.py` as a real process, a whole group week piped into it.

Dates here are relative to the real today, so the transcript is matched with date patterns.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATE = r"\d{1,2} [A-Z][a-z]{2}(?: \d{4})?"  # "23 Nov", or "29 Dec 2025" across a new year
SV_DATE = r"\d{1,2} [a-zåäö]{3,4}\.?(?: \d{4})?"  # "23 nov.", "5 maj"


def bot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SAMVERKAN_"))}
    env.update(
        SAMVERKAN_LANG="en",
        SAMVERKAN_TZ="Europe/Stockholm",
        SAMVERKAN_COMMAND="/samverkan",
        PYTHONUTF8="1",
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=60,
    )


WEEK = """\
# A group week in Järva
setup Trygg i Järva
org add Polisen Järva police
org add Stockholmshem housing
org add Socialtjänsten social services
member @erik Polisen Järva
:as mats
join Stockholmshem
:as anna
join approve @mats
join Socialtjänsten
activity add Trygghetsvandring owner Stockholmshem due friday
activity add Belysning i gångtunneln owner Polisen Järva
activity add Fältassistenter kvällstid owner Socialtjänsten
log A1 Walked the area with the housing company on monday
log A3 Fältassistenterna ute, lugnt vid torget on monday
:as erik
log A2 Checked the lighting and the payload of the van on monday
follow @mats Order new lamps for the underpass by friday A2
:as anna
follow @erik Bring the findings to the situation picture by friday A1
:as erik
mine
done F2
:as mats
activity A1 status active
snooze F1 +2w
:as anna
status
overdue
search payload
history F1
settings language sv
hjälp
"""


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    db = tmp_path_factory.mktemp("console") / "week.db"
    result = bot("console", "--db", str(db), "--channel", "jarva", "--as", "anna", stdin=WEEK)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def has_line(lines: list[str], pattern: str) -> bool:
    regex = re.compile(pattern)
    return any(regex.fullmatch(line) for line in lines)


@pytest.mark.parametrize(
    "pattern",
    [
        # The transcript echoes each command after a prompt of user and channel.
        r"anna@#jarva> setup Trygg i Järva",
        r"mats@#jarva> join Stockholmshem",
        r"erik@#jarva> mine",
        r"\[#jarva\]",
        r"\[#jarva \(only you\)\]",
        r"📋 The plan Trygg i Järva is set up for this channel\. @anna is its coordinator\.",
        r"Added the organisation Polisen Järva \(police\)\.",
        r"Added the organisation Socialtjänsten \(social services\)\.",
        r"@erik is now a member of Polisen Järva\.",
        # mats asks; anna, the coordinator, gets the request and approves it.
        r"You asked to join Stockholmshem\. The plan's coordinators \(@anna\) decide; .*",
        r"\[direct message to @anna\]",
        r"🙋 @mats asks to join Stockholmshem in the plan Trygg i Järva \(#jarva\)\.",
        r"    \[Approve: join approve @mats\]  \[Decline: join decline @mats\]",
        r"@mats joined Stockholmshem as member \(approved by @anna\)\.",
        r"\[direct message to @mats\]",
        r"@anna joined Socialtjänsten as coordinator\.",
        rf"New activity A1: Trygghetsvandring \(owner Stockholmshem, due {DATE}\)\.",
        r"New activity A2: Belysning i gångtunneln \(owner Polisen Järva\)\.",
        rf"📝 L1 logged on A1 Trygghetsvandring by @anna \(Socialtjänsten\), {DATE}:",
        r"> Walked the area with the housing company",
        rf"📝 L2 logged on A3 Fältassistenter kvällstid by @anna \(Socialtjänsten\), {DATE}:",
        rf"📝 L3 logged on A2 Belysning i gångtunneln by @erik \(Polisen Järva\), {DATE}:",
        r"> Checked the lighting and the payload of the van",
        rf"📌 F1 for @mats from @erik — due {DATE}, A2 Belysning i gångtunneln:",
        rf"📌 F2 for @erik from @anna — due {DATE}, A1 Trygghetsvandring:",
        # erik's own list, with the buttons as console hints
        r"Your open follow-ups \(1\)",
        r"• F2 Bring the findings to the situation picture",
        rf"  due {DATE} · from @anna · A1",
        r"    \[Done: done F2\]  \[Snooze 1 day: snooze F2 \+1d\]  \[Snooze 1 week: snooze F2 \+1w\]",
        r"✅ F2 done: Bring the findings to the situation picture \(by @erik\)",
        r"🔵 A1 Trygghetsvandring: Status planned → active \(by @mats\)",
        rf"⏭️ F1 Order new lamps for the underpass: moved from {DATE} to {DATE} \(by @mats\)",
        r"Trygg i Järva: status",
        r"Activities \(3\): 🔵 active 1 · ⚪ planned 2",
        r"• Open follow-ups: 1 \(0 late\)",
        r"• Activities past due: 0",
        r"👍 Nothing is overdue\.",
        r"Matches for “payload”: 1",
        rf"Log entry · `L3` {DATE} A2 @erik \(Polisen Järva\): Checked the lighting and the payload of the van",
        r"History of F1",
        rf"• {DATE} \d\d:\d\d @erik created it — Assignee: @mats; Text: Order new lamps for .*",
        rf"• {DATE} \d\d:\d\d @mats snoozed it: Due: {DATE} → {DATE}",
        r"Språk: en → sv",
        r"Samverkan — så använder du den",
        r"`/samverkan logga \[A#\] <vad du gjorde> \[den <datum>\] \[deltagare <n>\] \[timmar <n>\]` "
        r"registrera en",
    ],
)
def test_a_group_week_over_a_pipe(transcript: list[str], pattern: str) -> None:
    assert has_line(transcript, pattern), "\n".join(transcript)


def test_the_transcript_has_no_errors(transcript: list[str]) -> None:
    text = "\n".join(transcript)
    assert "⚠️" not in text
    assert "Something went wrong" not in text


def test_one_command_with_c(tmp_path: Path) -> None:
    result = bot("console", "--db", str(tmp_path / "x.db"), "-c", "help")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["[#samverkan (only you)]", "Samverkan — how to use it", "═" * 25]
    # No plan yet: a plan command says how to start one, and still exits cleanly.
    result = bot("console", "--db", str(tmp_path / "x.db"), "-c", "status")
    assert result.returncode == 0
    assert (
        "⚠️ This channel has no plan yet. Anyone here can start one with "
        "`/samverkan setup <plan name>`." in result.stdout
    )


def test_the_slash_command_prefix_and_mentions_are_accepted(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert bot("console", "--db", db, "-c", "/samverkan setup Trygg").returncode == 0
    assert bot("console", "--db", db, "-c", "org add Polisen police").returncode == 0
    result = bot("console", "--db", db, "-c", "/samverkan member @erik.s Polisen")
    assert "@erik.s is now a member of Polisen." in result.stdout.splitlines()


def test_the_demo_loads_once_and_shows_its_plan(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    first = bot("demo", "--db", db, "-c", "status")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "Loaded the example plan “Trygg i Husby 2026” into #trygg-husby."
    assert "Trygg i Husby 2026: status" in lines
    assert "Area: Husby, Järva" in lines
    assert has_line(lines, r"Activities \(12\): 🔵 active 6 · ⚪ planned 3 · .*")
    second = bot("demo", "--db", db, "-c", "activity list")
    assert second.returncode == 0
    assert "Loaded the example plan" not in second.stdout
    assert "Trygg i Husby 2026: activities (12)" in second.stdout.splitlines()


def test_the_demo_has_a_situation_picture_at_once(tmp_path: Path) -> None:
    """Eight weeks of observations at five places, measures and an agreed assessment."""
    db = str(tmp_path / "demo.db")
    result = bot("demo", "--db", db, "-c", "situation")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Observations this week: 15" in lines
    assert "Graffiti 4 ▲ (mean 2.0)  `▃▁▃▃▅▅▆█`" in lines
    assert "Fire 0 ▼ (mean 0.5)  `█▅▅▅▁▅▁▁`" in lines
    assert "🔥 Gångtunneln (6) · high concern: 2" in lines
    assert "Not reported: Brå, Stadsdelsförvaltningen" in lines
    assert "Agreed assessment (recorded by @anna)" in lines
    assert has_line(
        lines, r"⬜ `F8` Felanmäl belysningen i gångtunneln — @mats · open · .* from week \d+"
    )
    assert has_line(
        lines, r"⬜ `F11` Vuxenvandring vid centrum lördag kväll — @leila · open · due .*"
    )
    assert not has_line(lines, r".*`F9`.*")  # last week's measure that was done


MEETING = """\
# An EST week in Järva, in Swedish: observations, the picture, the agreed assessment, a measure
setup Trygg i Järva
inställningar språk sv
aktör ny Polisen Järva polis
aktör ny Stockholmshem bostad
medlem @erik Polisen Järva
medlem @mats Stockholmshem
plats ny Centrumtorget
plats ny Rinkeby torg
:as erik
händelse klotter vid Centrumtorget kväll oro hög Nytt klotter på väggen
händelse ungdomar som samlas vid Rinkeby torg kväll oro medel En grupp om tio vid torget
:as mats
händelse skadegörelse vid Centrumtorget idag natt Krossad ruta i entrén
händelse konstigt något
:as you
läge notera Klottret ökar vid torget; sanering och vuxennärvaro på kvällen
:as erik
snabbåtgärd Sanera klottret vid Centrumtorget @mats senast +2d
läge
historik H1
veckobrev
"""


def test_a_meeting_week_in_swedish_runs_from_the_console(tmp_path: Path) -> None:
    """The coordinator runs the EST meeting from `läge` alone; the digest carries the picture."""
    result = bot("console", "--db", str(tmp_path / "est.db"), stdin=MEETING)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert has_line(lines, r"👁️ H1 rapporterad av @erik \(Polisen Järva\) för vecka \d+:")
    assert has_line(lines, rf"\*?Klotter\*? · vid Centrumtorget · {SV_DATE} kväll · 🔴 hög oro")
    assert has_line(lines, r"⚠️ ”konstigt” är ingen kategori\. Börja med någon av .*")
    assert has_line(lines, r"Exempel: `/samverkan händelse klotter vid Centrumtorget igår kväll.*")
    assert has_line(lines, r"🧭 Bedömningen för vecka \d+, .* sparad av @you:")
    assert has_line(lines, r"🧭 En åtgärd i lägesbilden, vecka \d+\.")
    picture = out.split("Lägesbild — Trygg i Järva")[1]
    for expected in (
        "Händelser i veckan: 3",
        "Klotter 1 ▲ (snitt 0,0)  `▁▁▁▁▁▁▁█`",
        "Ungdomar som samlas 1 ▲ (snitt 0,0)",
        "Skadegörelse 1 ▲ (snitt 0,0)",
        "📍 Centrumtorget 2 ▲ (snitt 0,0)",
        "🔥 Centrumtorget (2) · hög oro: 1",
        "Har rapporterat: Polisen Järva, Stockholmshem",
        "Har inte rapporterat: —",
        "Gemensam bedömning (sparad av @you)",
        "> Klottret ökar vid torget; sanering och vuxennärvaro på kvällen",
        "Åtgärder",
    ):
        assert expected in picture, expected
    assert re.search(r"⬜ `F1` Sanera klottret vid Centrumtorget — @mats · öppen · senast", picture)
    assert re.search(r"`H3` Skadegörelse · vid Centrumtorget · .* natt \(Stockholmshem\)", picture)
    assert has_line(lines, rf"• {SV_DATE} \d\d:\d\d @erik skapade den — Kategori: Klotter; .*")
    # The digest carries the picture of the week it reports, between the plan and the log.
    digest = out.split("> veckobrev")[-1]
    assert digest.index("Aktiviteter (0)") < digest.index("Lägesbild — Trygg i Järva")
    assert digest.index("Lägesbild — Trygg i Järva") < digest.index("Loggat den här veckan")
    assert "rapportera det du sett: `/samverkan händelse`" in digest
