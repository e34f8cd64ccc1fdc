"""A plan read from a template file, against the plan as it is: what to create, update or skip,
each problem with its row; then, confirmed, all of it in the one unit of work (DESIGN §10)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samverkan.commands.causes import CAUSE_LIMIT
from samverkan.dates import DateError
from samverkan.domain import Unit
from samverkan.files.reading import Line
from samverkan.i18n import t
from samverkan.parsing import ACTIVITY_REF, MAX_TEXT, ref_number
from samverkan.periods import Period, parse_period
from samverkan.personal_data import findings
from samverkan.privacy import contains_identity_number
from samverkan.text import esc
from samverkan.vocabulary import RAGS, STATUSES, WORK_KINDS

#: "C2 Dark underpass", "2. Dark underpass", "Orsak 2: …": the number is the file's, not ours.
_NUMBERED = re.compile(r"^(?:(?:orsak|cause)\s*)?c?\d{1,3}\s*[.:)–-]?\s+", re.IGNORECASE)
_WHO_SPLIT = re.compile(r"\s*[,;\n/]\s*")


@dataclass
class Outcome:
    """What an import does (or would do)."""

    causes: list[str] = field(default_factory=list)
    organisations: dict[str, int] = field(default_factory=dict)  # new name → first row
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def cause_text(cell: str) -> str:
    """A cause cell without the number the file gave it."""
    return _NUMBERED.sub("", cell.strip(), count=1).strip()


def run_import(
    u: Unit, lines: list[Line], *, apply: bool, organisations: set[str] | None = None
) -> Outcome:
    """Compare the file's rows with the plan; with `apply`, write every change.

    New organisations are created when confirmed: all of them (`organisations` None, the
    console's `confirm`), or those chosen in the form; one not chosen is left out of "Who".
    """
    chosen = None if organisations is None else {n.casefold() for n in organisations}
    plan, lang = u.plan, u.plan.language
    out = Outcome()
    cause: str | None = None
    cause_ids: dict[str, int] = {}
    seen: set[int] = set()
    # New activities are made in the order of the refs the file gives them (an exported plan
    # imported into an empty one keeps its refs), the others in file order after them.
    pending: list[tuple[tuple[int, int], int | None, dict, list[str]]] = []
    # The plan's own names, and the organisations the file names, never count as personal.
    allowed = _own_names(u, lines)
    for line in lines:
        cells = line.cells

        def problem(key: str, row: int = line.number, **values: object) -> None:
            """A problem of this row, in the plan's language."""
            out.problems.append(t(lang, key, row=row, **values))

        if any(contains_identity_number(v) for v in cells.values()):
            problem("import.problem_identity")
            continue
        looked = {f.kind for k in _TEXT_CELLS for f in findings(cells.get(k, ""), allowed)}
        if looked:
            kinds = ", ".join(t(lang, f"personal.kind_{kind}") for kind in sorted(looked))
            problem("import.problem_personal", found=kinds)
            continue
        if cells.get("cause"):
            cause = cause_text(cells["cause"])
        title = cells.get("measure", "").strip()
        if not title:
            _note_cause(u, out, cause)
            continue
        too_long = len(title) > 200 or len(cause or "") > CAUSE_LIMIT
        if too_long or any(len(v) > MAX_TEXT for v in cells.values()):
            problem("import.problem_long")
            continue
        try:
            period = parse_period(cells.get("when", ""), u.today)
        except DateError:
            problem("import.problem_when", value=esc(cells["when"], 40))
            continue
        status = STATUSES.get(cells.get("status", "").casefold(), None)
        if cells.get("status") and status is None:
            problem("import.problem_status", value=esc(cells["status"], 40))
            continue
        rag = RAGS.get(cells.get("assessment", "").casefold()) or line.fill_rag
        kind = WORK_KINDS.get(" ".join(cells.get("kind", "").casefold().split()))
        if cells.get("kind") and kind is None:
            problem("import.problem_kind", value=esc(cells["kind"], 40))
            continue
        names = []
        for name in (n for n in _WHO_SPLIT.split(cells.get("who", "")) if n):
            if u.tx.organisations.by_name(plan.id, name) is not None:
                names.append(name)
            elif chosen is not None and name.casefold() not in chosen:
                problem("import.problem_org_left_out", name=esc(name, 60))
            else:
                names.append(name)
                if name.casefold() not in {n.casefold() for n in out.organisations}:
                    out.organisations[name] = line.number
        _note_cause(u, out, cause)
        number = ref_number(ACTIVITY_REF, cells.get("ref", ""))
        found = u.tx.activities.get(plan.id, number) if number else None
        if found is None or found.title.casefold() != title.casefold():
            found = u.tx.activities.by_title(plan.id, title)
        if found is not None and found.id in seen:
            problem("import.problem_twice", title=esc(title, 80))
            continue
        wanted = {
            "title": title,
            "goal": cells.get("goal", ""),
            "cause": cause or "",
            "period": period,
            "who": [n.casefold() for n in names],
            "followup": cells.get("followup", ""),
            "status": status or (found.status if found else "planned"),
            "rag": rag if rag else (found.rag if found else None),
            "kind": kind or (found.kind if found else None),
        }
        if found is not None:
            seen.add(found.id)
            have = {
                "title": found.title,
                "goal": found.goal,
                "cause": found.cause,
                "period": Period(found.period_start, found.period_end, found.period_ongoing),
                "who": [
                    n.casefold()
                    for n in ([found.owner] if found.owner else []) + list(found.partners)
                ],
                "followup": found.followup,
                "status": found.status,
                "rag": found.rag,
                "kind": found.kind,
            }
            if have == wanted:
                out.unchanged += 1
                continue
            out.updated.append(found.ref)
        else:
            out.created.append(title)
        order = (number if number and found is None else 10**9, line.number)
        pending.append((order, found.id if found else None, wanted, names))
    if apply:
        for _, activity_id, wanted, names in sorted(pending, key=lambda p: p[0]):
            _write(u, activity_id, wanted, names, cause_ids)
    return out


#: The cells people write sentences in; "Who" holds organisations' names.
_TEXT_CELLS = ("cause", "measure", "goal", "followup")


def _own_names(u: Unit, lines: list[Line]) -> list[str]:
    """Names that are the plan's own: its organisations and places, and those the file names."""
    plan = u.plan
    names = [o.name for o in u.tx.organisations.of_plan(plan.id)]
    names += [p.name for p in u.tx.places.of_plan(plan.id)]
    for line in lines:
        names += [n for n in _WHO_SPLIT.split(line.cells.get("who", "")) if n]
    return [n for n in (*names, plan.name, plan.area) if n]


def _note_cause(u: Unit, out: Outcome, cause: str | None) -> None:
    """A cause the import creates, listed once."""
    known = {c.casefold() for c in out.causes}
    if cause and cause.casefold() not in known and u.tx.causes.by_text(u.plan.id, cause) is None:
        out.causes.append(cause)


def _org_id(u: Unit, name: str) -> int:
    org = u.tx.organisations.by_name(u.plan.id, name)
    if org is None:
        org = u.tx.organisations.add(u.plan.id, name, "other")
        u.audit("organisation", name, "created", after={"name": name, "source": "import"})
    return org.id


def _write(
    u: Unit, activity_id: int | None, wanted: dict, names: list[str], cause_ids: dict[str, int]
) -> None:
    plan = u.plan
    cause_id = None
    if wanted["cause"]:
        key = wanted["cause"].casefold()
        if key not in cause_ids:
            c = u.tx.causes.by_text(plan.id, wanted["cause"])
            if c is None:
                c = u.tx.causes.add(plan.id, wanted["cause"], u.ctx.user_id)
                u.audit("cause", c.ref, "created", after={"text": c.text, "source": "import"})
            cause_ids[key] = c.id
        cause_id = cause_ids[key]
    org_ids = [_org_id(u, n) for n in names]
    p: Period = wanted["period"]
    fields = {
        "title": wanted["title"],
        "goal": wanted["goal"],
        "cause_id": cause_id,
        "owner_org_id": org_ids[0] if org_ids else None,
        "period_start": p.start,
        "period_end": p.end,
        "period_ongoing": int(p.ongoing),
        "followup": wanted["followup"],
        "status": wanted["status"],
        "rag": wanted["rag"],
        "kind": wanted["kind"],
    }
    before: dict[str, object] = {}
    after: dict[str, object] = {"title": wanted["title"], "source": "import"}
    if activity_id is None:
        a = u.tx.activities.add(
            plan.id, title=wanted["title"], created_by=u.ctx.user_id, start_date=u.today
        )
        action = "created"
    else:
        found = u.tx.activities.by_id(activity_id)
        assert found is not None
        a, action = found, "updated"
        # As `activity A# status|rag` records them: the digest and the report's history read
        # each change of status and assessment from its before and after.
        for name in _AUDITED:
            if getattr(found, name) != fields[name]:
                before[name], after[name] = getattr(found, name), fields[name]
    u.tx.activities.update(a.id, **fields)
    u.tx.activities.set_partners(a.id, org_ids[1:])
    u.audit("activity", a.ref, action, before=before or None, after=after)


#: The fields an import's update records as changes, field by field.
_AUDITED = ("title", "status", "rag")
