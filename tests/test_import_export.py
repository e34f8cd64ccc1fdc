"""Export and import in the council's template (DESIGN §10): real XLSX and CSV files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import PatternFill

from samverkan.files.columns import TEMPLATE, column_of
from samverkan.i18n import t
from samverkan.service import Context, Samverkan
from storage import Store


def console(app: Samverkan) -> Callable:
    def _run(user: str, text: str, channel: str = "C1"):
        return app.run(Context("T1", channel, user, surface="console"), text)

    return _run


def plan_state(store: Store, channel: str) -> list[tuple]:
    with store.read() as tx:
        plan = tx.plans.by_channel("T1", channel)
        assert plan is not None
        return [
            (
                a.title,
                a.cause,
                a.goal,
                a.owner,
                a.partners,
                a.period_start,
                a.period_end,
                a.period_ongoing,
                a.followup,
                a.status,
                a.rag,
            )
            for a in tx.activities.of_plan(plan.id)
        ]


@pytest.fixture
def full(app: Samverkan) -> Callable:
    run = console(app)
    for text in (
        "setup Trygg i Järva",
        "settings language sv",
        "org add Polisen police",
        "org add Stockholmshem housing",
        "cause add Mörk gångtunnel",
        "cause add Unga samlas vid torget",
        "activity add Tänd lamporna owner Stockholmshem",
        "activity add Nattvandring owner Polisen",
        "activity add =1+1 kontroll",
        "activity A1 cause C1",
        "activity A2 cause C2",
        "activity A2 partners Stockholmshem",
        "activity A2 period vt 2027",
        "activity A1 period ongoing",
        "activity A2 followup Antal kvällar per månad",
        "activity A2 rag amber",
        "activity A1 status active",
        "activity A2 goal Färre larm",
        "activity A2 kind one-off",
        "activity A1 kind ordinary",
    ):
        assert run("anna", text).ok, text
    return run


def test_a_plan_exported_and_imported_into_an_empty_plan_is_the_same(
    full: Callable, store: Store, tmp_path: Path, app: Samverkan
) -> None:
    exported = full("anna", "export")
    (file,) = exported.files
    path = tmp_path / file.name
    path.write_bytes(file.content)
    run = console(app)
    assert run("anna", "setup Ny plan", channel="C2").ok
    assert run("anna", "settings language sv", channel="C2").ok
    preview = run("anna", f"import {path}", channel="C2")
    assert preview.ok, preview.text
    assert "Orsaker att skapa (2): Mörk gångtunnel; Unga samlas vid torget" in preview.text
    assert "Aktörer som inte finns i planen, skapas när du bekräftar (2)" in preview.text
    assert plan_state(store, "C2") == []
    done = run("anna", f"import {path} bekräfta", channel="C2")
    assert done.ok, done.text
    assert plan_state(store, "C2") == plan_state(store, "C1")
    again = run("anna", f"import {path}", channel="C2")
    assert "inget att ändra" in again.text
    csv_file = full("anna", "export csv").files[0]
    (tmp_path / csv_file.name).write_bytes(csv_file.content)
    assert "inget att ändra" in run("anna", f"import {tmp_path / csv_file.name}", channel="C2").text


def council_workbook(path: Path) -> None:
    """A municipality's spreadsheet: title rows, merged cells, colours, blank cause cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Åtgärdsplan Järva 2027"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Antagen av BRÅ-rådet"
    ws.append([])
    ws.append(["Ref", "Operativa mål", "ÅTGÄRD", "Vem (ansvarig)", "När", "Orsak", "Uppföljning"])
    ws.append(
        [
            "",
            "Alla lampor hela",
            "Byt lampor",
            "Stockholmshem",
            "jan–jun 2027",
            "1. Mörker",
            "Rapport",
        ]
    )
    ws.append(["", "", "Trygghetsvandring", "Stockholmshem, Skolan", "löpande", "", ""])
    ws.append(["", "", "Samtal 19850101-1234", "Polisen", "", "", ""])
    ws.append(["", "", "Fler vuxna", "Polisen", "snart", "2. Unga samlas", ""])
    ws.merge_cells("F5:F6")  # the cause written once, over the rows it covers
    ws["G5"].fill = PatternFill("solid", fgColor="FF5050")
    wb.save(path)


def test_a_council_spreadsheet_is_previewed_with_its_problems(
    app: Samverkan, store: Store, tmp_path: Path
) -> None:
    run = console(app)
    for text in ("setup Trygg", "org add Polisen police", "org add Stockholmshem housing"):
        run("anna", text)
    path = tmp_path / "plan.xlsx"
    council_workbook(path)
    preview = run("anna", f"import {path}")
    assert preview.ok, preview.text
    assert "Causes to create (1): Mörker" in preview.text
    assert (
        "Organisations not in the plan, created when you confirm (1): Skolan (row 6)"
        in preview.text
    )
    assert "Row 7: looks like a personal identity number" in preview.text
    assert "19850101" not in preview.text
    assert "Row 8: *snart* is no period" in preview.text
    assert "Activities to create (2): Byt lampor; Trygghetsvandring" in preview.text
    assert plan_state(store, "C1") == []
    assert run("anna", f"import {path} confirm").ok
    state = plan_state(store, "C1")
    assert [s[:5] for s in state] == [
        ("Byt lampor", "Mörker", "Alla lampor hela", "Stockholmshem", ()),
        ("Trygghetsvandring", "Mörker", "", "Stockholmshem", ("Skolan",)),
    ]
    assert state[0][10] == "red"
    assert "nothing to change" in run("anna", f"import {path}").text


def test_only_coordinators_import_and_only_from_the_console(
    app: Samverkan, tmp_path: Path, run: Callable
) -> None:
    c = console(app)
    c("anna", "setup Trygg")
    c("anna", "org add Polisen police")
    c("anna", "member <@erik> Polisen")
    path = tmp_path / "plan.xlsx"
    council_workbook(path)
    assert "Only a coordinator" in c("erik", f"import {path}").text
    assert "In Slack, type `import` alone" in run("anna", f"import {path}").text
    assert "There is no file" in c("anna", f"import {tmp_path / 'missing.xlsx'}").text
    (tmp_path / "x.csv").write_text("a;b\n1;2\n")
    assert "no header row" in c("anna", f"import {tmp_path / 'x.csv'}").text


def test_a_csv_from_excel_with_a_bom_and_semicolons(
    app: Samverkan, store: Store, tmp_path: Path
) -> None:
    run = console(app)
    run("anna", "setup Trygg")
    run("anna", "org add Polisen police")
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "\ufeffTitel rad\r\nOrsak;Åtgärd;Vem;När\r\nMörker;Lampor;Polisen;ht 2027\r\n;Vandring;Polisen;\r\n".encode()
    )
    assert run("anna", f"import {path} confirm").ok
    assert [(s[0], s[1], s[3]) for s in plan_state(store, "C1")] == [
        ("Lampor", "Mörker", "Polisen"),
        ("Vandring", "Mörker", "Polisen"),
    ]


def test_the_template_sheet_is_ready_to_print(full: Callable) -> None:
    (file,) = full("anna", "export").files
    wb = openpyxl.load_workbook(BytesIO(file.content))
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
    assert ws["A1"].value.startswith("Trygg i Järva: åtgärdsplan")
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$3:$3"
    assert ws.column_dimensions["B"].width == 40
    # Each numbered cause heads its measures; a measure without one comes first.
    assert [(r[0].value, r[1].value, r[-1].value) for r in ws.iter_rows(min_row=4)] == [
        (None, "=1+1 kontroll", "A3"),
        ("C1 Mörk gångtunnel", None, None),
        (None, "Tänd lamporna", "A1"),
        ("C2 Unga samlas vid torget", None, None),
        (None, "Nattvandring", "A2"),
    ]
    assert "A5:J5" in {str(m) for m in ws.merged_cells.ranges}
    # Text that looks like a formula stays text.
    assert ws["B4"].data_type == "s"
    # The assessment as a word and as the follow-up cell's colour.
    assert ws["H8"].value == "gul"
    assert ws["F8"].fill.fgColor.rgb.endswith("FFC000")
    assert ws["D8"].value == "2027-01-01 – 2027-06-30"
    assert ws["E8"].value == "Polisen, Stockholmshem"
    assert ws["I8"].value == "engångsinsats"
    activities = wb["Aktiviteter"]
    assert [c.value for c in activities[1]][:4] == ["Ref", "Titel", "Orsak ref", "Orsak"]


def test_english_headers_for_an_english_plan(app: Samverkan) -> None:
    run = console(app)
    run("anna", "setup Safe streets")
    run("anna", "activity add Walks")
    (file,) = run("anna", "export").files
    ws = openpyxl.load_workbook(BytesIO(file.content))["Action plan"]
    assert [c.value for c in ws[3]] == [
        "Cause",
        "Measure",
        "Operational goal",
        "When",
        "Who",
        "Follow-up",
        "Status",
        "Assessment",
        "Kind",
        "Ref",
    ]
    assert file.name.startswith("action-plan-safe-streets-")


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Operativa mål", "goal"),
        ("OPERATIVT MÅL", "goal"),
        ("operativt mal", "goal"),
        ("Vem (ansvarig)", "who"),
        ("Vem", "who"),
        ("Åtgärd", "measure"),
        ("Åtgärder", "measure"),
        ("Measure", "measure"),
        ("När?", "when"),
        ("Uppföljning", "followup"),
        ("Follow-up", "followup"),
        ("Bedömning", "assessment"),
        ("Orsak", "cause"),
        ("Orsaker", "cause"),
        ("Ref", "ref"),
        ("Anteckning", None),
    ],
)
def test_headers_in_either_language(header: str, key: str | None) -> None:
    assert column_of(header) == key


@given(st.sampled_from(TEMPLATE), st.sampled_from([1, 2]), st.booleans())
def test_headers_match_whatever_their_case(column: tuple, lang: int, upper: bool) -> None:
    text = column[lang]
    assert column_of(text.upper() if upper else text.lower()) == column[0]


def test_a_second_import_after_work_in_slack_updates_rather_than_duplicates(
    full: Callable, store: Store, tmp_path: Path
) -> None:
    (file,) = full("anna", "export").files
    path = tmp_path / file.name
    path.write_bytes(file.content)
    full("anna", "activity A1 rag red")
    full("anna", "activity A2 followup Varje vecka")
    preview = full("anna", f"import {path}")
    # A1's cell is blank in the file, so its new assessment stays; A2's follow-up goes back.
    assert "Aktiviteter att uppdatera (1): A2" in preview.text
    assert "Aktiviteter redan som i filen: 2" in preview.text
    assert full("anna", f"import {path} bekräfta").ok
    state = plan_state(store, "C1")
    assert len(state) == 3
    assert state[1][8] == "Antal kvällar per månad"
    assert state[0][10] == "red"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["Nattvandring", "Polisen", "igår-ish"], "Row 3: *igår-ish* is no period"),
        (["Nattvandring", "Polisen", "", "kanske"], "Row 3: *kanske* is no status"),
        (["x" * 201, "Polisen"], "Row 3: a cell is too long."),
        (["Samtal 850101-1234", "Polisen"], "Row 3: looks like a personal identity number"),
        (
            ["Stöd till pojken, 15 år", "Polisen"],
            "Row 3: looks like it names or locates a person (a person's age); the row is "
            "skipped. The plan keeps nothing about individuals: rewrite the row in the file and "
            "import again.",
        ),
        (
            ["Hembesök hos Kalle Andersson på Storgatan 1234", "Polisen"],
            "Row 3: looks like it names or locates a person (a street address, a first name and "
            "surname); the row is skipped.",
        ),
    ],
)
def test_every_problem_row_is_named(
    app: Samverkan, tmp_path: Path, row: list, problem: str
) -> None:
    run = console(app)
    run("anna", "setup Trygg")
    run("anna", "org add Polisen police")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Plan"])
    ws.append(["Åtgärd", "Vem", "När", "Status"])
    ws.append(row)
    path = tmp_path / "p.xlsx"
    wb.save(path)
    preview = run("anna", f"import {path}")
    assert problem in preview.text
    assert "1234" not in preview.text
    assert "nothing to change" in preview.text


def test_the_files_own_organisations_are_not_people(app: Samverkan, tmp_path: Path) -> None:
    """ "Lisa Berg AB" in Who, and named in the goal, is an organisation, not a person."""
    run = console(app)
    run("anna", "setup Trygg")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Åtgärd", "Vem", "Operativt mål"])
    ws.append(["Klotterjour", "Lisa Berg AB", "Lisa Berg AB sanerar inom ett dygn"])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    preview = run("anna", f"import {path}")
    assert "names or locates" not in preview.text
    assert "Klotterjour" in preview.text


def test_anyone_in_the_plan_exports(app: Samverkan) -> None:
    run = console(app)
    run("anna", "setup Trygg")
    reply = run("zoe", "export csv")
    assert reply.ok
    assert [f.name.endswith(".csv") for f in reply.files] == [True]
    assert run("zoe", "export", channel="C9").files == []


def test_a_csv_with_commas_in_cp1252(app: Samverkan, store: Store, tmp_path: Path) -> None:
    run = console(app)
    run("anna", "setup Trygg")
    path = tmp_path / "plan.csv"
    path.write_bytes(
        'Åtgärd,Operativt mål,Bedömning\r\n"Lampor, fler",Ljusare,grön\r\n'.encode("cp1252")
    )
    assert run("anna", f"import {path} confirm").ok
    assert [(s[0], s[2], s[10]) for s in plan_state(store, "C1")] == [
        ("Lampor, fler", "Ljusare", "green")
    ]


TITLES = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda s: s and "," not in s)
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            TITLES,
            st.sampled_from(["", "vt 2027", "ongoing", "2027-02-01 – 2027-03-15"]),
            st.sampled_from(["", "green", "amber", "red"]),
            st.sampled_from(["planned", "active", "done"]),
            st.sampled_from(["", "C1", "C2"]),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda x: x[0].casefold(),
    ),
    st.sampled_from(["en", "sv"]),
)
def test_any_plan_survives_the_round_trip(tmp_path_factory, rows: list, lang: str) -> None:
    from samverkan.privacy import contains_identity_number

    if any(contains_identity_number(r[0]) for r in rows):
        return
    tmp = tmp_path_factory.mktemp("rt")
    store = Store(tmp / "rt.db")
    store.migrate()
    app = Samverkan(store)
    run = console(app)
    assert run("anna", "setup Källa").ok
    run("anna", f"settings language {lang}")
    run("anna", "cause add Första orsaken")
    run("anna", "cause add Andra orsaken")
    for n, (title, period, rag, status, cause) in enumerate(rows, 1):
        assert app.add_activity(Context("T1", "C1", "anna", surface="console"), title=title).ok
        for field, value in (
            ("period", period),
            ("rag", rag),
            ("status", status),
            ("cause", cause),
        ):
            if value and not (field == "status" and value == "planned"):
                reply = run("anna", f"activity A{n} {field} {value}")
                assert reply.ok, reply.text
    for kind in ("xlsx", "csv"):
        (file,) = run("anna", f"export {kind}").files
        path = tmp / file.name
        path.write_bytes(file.content)
        channel = f"N{kind}"
        run("anna", "setup Mål", channel=channel)
        run("anna", f"settings language {lang}", channel=channel)
        done = run("anna", f"import {path} confirm", channel=channel)
        assert done.ok, done.text
        assert plan_state(store, channel) == plan_state(store, "C1")


def test_the_export_carries_the_observations(full: Callable) -> None:
    """The situation picture's observations in their own sheet, in the plan's language."""
    assert full("anna", "plats ny Gångtunneln").ok
    assert full(
        "anna", "händelse klotter vid Gångtunneln den 2026-11-23 kväll oro hög Nya taggar"
    ).ok
    (file,) = full("anna", "export").files
    ws = openpyxl.load_workbook(BytesIO(file.content))["Händelser"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "Ref")
    assert rows[header] == [
        "Ref",
        t("sv", "field.on"),
        t("sv", "field.week"),
        t("sv", "field.band"),
        t("sv", "field.place"),
        t("sv", "field.category"),
        t("sv", "field.concern"),
        t("sv", "field.organisation"),
        t("sv", "field.text"),
    ]
    (h1,) = rows[header + 1 :]
    assert h1[0] == "H1" and h1[2:] == [
        "2026-W48",
        t("sv", "band.evening"),
        "Gångtunneln",
        t("sv", "category.graffiti"),
        t("sv", "concern.high"),
        None,
        "Nya taggar",
    ]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_titles_that_look_like_formulas_or_quotes_come_back_as_typed(
    app: Samverkan, store: Store, tmp_path: Path, kind: str
) -> None:
    titles = ["'@ kvällen", "=1+1 dagar", "'vid torget'", "-minus", "@here", "''dubbel"]
    run = console(app)
    run("anna", "setup Källa")
    for title in titles:
        assert app.add_activity(Context("T1", "C1", "anna", surface="console"), title=title).ok
    (file,) = run("anna", f"export {kind}").files
    path = tmp_path / file.name
    path.write_bytes(file.content)
    run("anna", "setup Mål", channel="N1")
    assert run("anna", f"import {path} confirm", channel="N1").ok
    assert [row[0] for row in plan_state(store, "N1")] == titles


def test_an_import_records_each_status_and_assessment_it_changes(
    full: Callable, store: Store, tmp_path: Path
) -> None:
    """The digest and the report read an activity's history from these: an import's changes
    are recorded as `activity A# status|rag` records them."""
    (file,) = full("anna", "export").files
    path = tmp_path / file.name
    path.write_bytes(file.content)
    full("anna", "activity A1 status paused")
    full("anna", "activity A2 rag red")
    assert full("anna", f"import {path} bekräfta").ok
    with store.read() as tx:
        plan = tx.plans.by_channel("T1", "C1")
        assert plan is not None
        imported = [
            (e.ref, e.before, e.after)
            for e in tx.audit.between(
                plan.id,
                tx.now - timedelta(days=1),
                tx.now + timedelta(days=1),
                "activity",
                "updated",
            )
            if (e.after or {}).get("source") == "import"
        ]
    assert imported == [
        (
            "A1",
            {"status": "paused"},
            {"title": "Tänd lamporna", "source": "import", "status": "active"},
        ),
        ("A2", {"rag": "red"}, {"title": "Nattvandring", "source": "import", "rag": "amber"}),
    ]
