"""The template's fields of an activity: its cause, period ("When"), partners ("Who" besides
the owner), how it is followed up, and its kind (one-off or ordinary work)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from samverkan.commands.causes import find_or_add_cause
from samverkan.context import UserError
from samverkan.dates import DateError
from samverkan.domain import DATE_WINDOW_YEARS, Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.periods import Period, parse_period, show_period, write_period
from samverkan.text import esc
from samverkan.vocabulary import WORK_KINDS
from storage import Activity

#: The fields this module changes (`activity A# <field> <value>`).
TEMPLATE_FIELDS = frozenset({"cause", "period", "partners", "followup", "kind"})
NONE_WORDS = frozenset({"none", "ingen", "inga", "-"})


@dataclass(frozen=True)
class Change:
    """A field's old and new value (as audited and as shown) and how to write it."""

    old: object
    new: object
    shown_old: str
    shown_new: str
    write: Callable[[], object]


def period_of(a: Activity) -> Period:
    """An activity's period."""
    return Period(a.period_start, a.period_end, a.period_ongoing)


def who_of(a: Activity) -> list[str]:
    """The template's "Who": the owner organisation, then the partners."""
    return [*([a.owner] if a.owner else []), *(p for p in a.partners if p != a.owner)]


def kind_name(lang: str, kind: str | None) -> str:
    """One-off or ordinary work, in the plan's language ("—" when not said)."""
    return t(lang, f"kind.{kind}") if kind else "—"


def parse_kind(value: str, topic: str) -> str:
    """`one-off`, `ordinary` (or `none`) as typed, to the stored kind; refused otherwise."""
    kind = WORK_KINDS.get(" ".join(value.casefold().split()))
    if kind is None and value.casefold() not in NONE_WORDS:
        raise ParseError("error.activity_kind_value", topic, {"value": value[:40]})
    return kind or "none"


def check_period(u: Unit, text: str, field: str | None = None) -> Period:
    """A typed period, its dates within the window every date keeps to."""
    try:
        p = parse_period(text, u.today)
    except DateError:
        raise UserError(
            "error.bad_period", topic="activity_period", field=field, value=esc(text, 40)
        ) from None
    for d in (p.start, p.end):
        if d is not None and abs(d.year - u.today.year) > DATE_WINDOW_YEARS + 1:
            raise UserError(
                "error.bad_period", topic="activity_period", field=field, value=esc(text, 40)
            )
    return p


def partner_ids(
    u: Unit, names: list[str], owner_id: int | None, field: str | None = None
) -> list[int]:
    """The organisations named as partners (each must be one of the plan's), owner left out."""
    found = [u.org(name.strip(), field=field) for name in names if name.strip()]
    return [o.id for o in found if o.id != owner_id]


def change(u: Unit, a: Activity, fld: str, value: str) -> Change:
    """What setting one template field to a typed value changes."""
    lang = u.plan.language
    if fld == "cause":
        # A new text becomes a cause: whoever may change the activity may name what it works on.
        cause, _ = find_or_add_cause(u, value)
        old_shown = f"{a.cause_ref} {esc(a.cause, 150)}" if a.cause_ref else esc(a.cause) or "—"
        return Change(
            a.cause_ref,
            cause.ref,
            old_shown,
            f"{cause.ref} {esc(cause.text, 150)}",
            lambda: u.tx.activities.update(a.id, cause_id=cause.id, cause=""),
        )
    if fld == "period":
        p = check_period(u, value)
        old = period_of(a)
        return Change(
            _audit_period(old),
            _audit_period(p),
            show_period(old, lang),
            show_period(p, lang),
            lambda: u.tx.activities.update(
                a.id, period_start=p.start, period_end=p.end, period_ongoing=int(p.ongoing)
            ),
        )
    if fld == "partners":
        names = [] if value.casefold() in NONE_WORDS else value.split(",")
        try:
            ids = partner_ids(u, names, a.owner_org_id)
        except UserError as e:
            e.topic = "activity_partners"
            raise
        new_names = [o.name for i in ids if (o := u.tx.organisations.get(i))]
        return Change(
            list(a.partners),
            new_names,
            ", ".join(esc(n) for n in a.partners) or "—",
            ", ".join(esc(n) for n in new_names) or "—",
            lambda: u.tx.activities.set_partners(a.id, ids),
        )
    if fld == "followup":
        text = "" if value.casefold() in NONE_WORDS else check_text(value, field="followup")
        return Change(
            a.followup,
            text,
            esc(a.followup, 200) or "—",
            esc(text, 200) or "—",
            lambda: u.tx.activities.update(a.id, followup=text),
        )
    assert fld == "kind", fld
    kind = None if value in NONE_WORDS else value
    return Change(
        a.kind,
        kind,
        kind_name(lang, a.kind),
        kind_name(lang, kind),
        lambda: u.tx.activities.update(a.id, kind=kind),
    )


def fill(u: Unit, a: Activity, **values: str | list[str]) -> Activity:
    """Set the template's fields of a new activity from a form (blank ones stay unset);
    `partners` may be the names a form's menu chose."""
    chosen = values.get("partners")
    if isinstance(chosen, list):
        if chosen:
            u.tx.activities.set_partners(a.id, partner_ids(u, chosen, a.owner_org_id, "partners"))
        values = {k: v for k, v in values.items() if k != "partners"}
    for fld in ("cause", "period", "partners", "followup", "kind"):
        given = values.get(fld) or ""
        value = given.strip() if isinstance(given, str) else ""
        if not value:
            continue
        try:
            if fld == "kind" and value not in ("one_off", "ordinary"):
                value = parse_kind(value, "activity_kind")
            change(u, a, fld, value).write()
        except ParseError as e:
            raise UserError(e.key, topic=e.topic, field=fld, **e.values) from None
        except UserError as e:
            e.field = fld
            raise
    found = u.tx.activities.by_id(a.id)
    assert found is not None
    return found


def _audit_period(p: Period) -> str:
    """A period as the audit trail keeps it: ISO dates, or `ongoing`."""
    return write_period(p, "en")


def suffix(u: Unit, a: Activity) -> str:
    """The template's fields in a list line: the cause's ref, the period, the partners."""
    bits = [a.cause_ref] if a.cause_ref else []
    p = period_of(a)
    if not p.empty:
        bits.append(show_period(p, u.plan.language, u.today))
    if a.partners:
        bits.append("+ " + ", ".join(esc(n, 40) for n in a.partners[:3]))
    return "".join(" · " + b for b in bits)


def template_pairs(u: Unit, a: Activity) -> list[str]:
    """The template's fields of one activity as label/value pairs (`activity A#`)."""
    lang = u.plan.language
    pairs = []
    if a.cause_ref or a.cause:
        ref = f"{a.cause_ref} " if a.cause_ref else ""
        pairs.append(f"*{t(lang, 'field.cause')}*\n{ref}{esc(a.cause, 300)}")
    p = period_of(a)
    if not p.empty:
        pairs.append(f"*{t(lang, 'field.period')}*\n{show_period(p, lang, u.today)}")
    if a.partners:
        pairs.append(f"*{t(lang, 'field.partners')}*\n" + ", ".join(esc(n) for n in a.partners))
    if a.kind:
        pairs.append(f"*{t(lang, 'field.kind')}*\n{kind_name(lang, a.kind)}")
    if a.followup:
        pairs.append(f"*{t(lang, 'field.followup')}*\n{esc(a.followup, 500)}")
    return pairs


def by_cause(u: Unit, acts: list[Activity], lines: list[str]) -> list[str]:
    """The lines of `activity list by cause`: each cause in ref order, then those without one."""
    lang = u.plan.language
    grouped: list[str] = []
    for c in u.tx.causes.of_plan(u.plan.id):
        mine = [line for a, line in zip(acts, lines, strict=True) if a.cause_id == c.id]
        if mine:
            grouped += [f"*{c.ref}* {esc(c.text, 200)}", *("    " + line for line in mine)]
    rest = [line for a, line in zip(acts, lines, strict=True) if a.cause_id is None]
    if rest:
        grouped += [f"*{t(lang, 'cause.without')}*", *("    " + line for line in rest)]
    return grouped


def require_owner(u: Unit, a: Activity, fld: str) -> None:
    """A coordinator, or a member of the activity's owner organisation."""
    me = u.tx.members.get(u.plan.id, u.ctx.user_id)
    allowed = me is not None and (
        me.is_coordinator or bool(a.owner_org_id and me.organisation_id == a.owner_org_id)
    )
    if not allowed:
        raise UserError(
            "denied.activity",
            what=t(u.plan.language, f"what.activity_{fld}"),
            ref=a.ref,
            owner=esc(a.owner) if a.owner else "—",
            who=u.d.coordinators(u.tx, u.plan),
        )
