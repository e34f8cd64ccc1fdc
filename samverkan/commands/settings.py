"""`settings language|timezone|area|name <value>`: the plan's settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import available_timezones

from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply
from samverkan.text import esc
from samverkan.vocabulary import JOINING_VALUES, SETTING_KEYS


@dataclass(frozen=True)
class Settings:
    key: str  # language, timezone, area, name
    value: str


@lru_cache(maxsize=1)
def _timezones() -> dict[str, str]:
    """The IANA timezone names this system knows, by their casefolded spelling."""
    return {name.casefold(): name for name in available_timezones()}


def timezone_name(text: str) -> str | None:
    """The IANA name of a typed timezone ("europe/oslo" → "Europe/Oslo"), or None."""
    return _timezones().get(text.strip().casefold())


def parse_settings(rest: list[str]) -> Settings:
    """`settings <key> <value>`."""
    if not rest or rest[0].casefold() not in SETTING_KEYS:
        raise ParseError("error.settings_usage", "settings")
    key = SETTING_KEYS[rest[0].casefold()]
    if len(rest) < 2:
        # A known setting without a value: say what that setting takes.
        raise ParseError(f"error.settings_{key}_value", f"settings_{key}")
    value = unquote(" ".join(rest[1:]))
    if key == "language":
        value = value.casefold()
        aliases = {"english": "en", "engelska": "en", "swedish": "sv", "svenska": "sv"}
        value = aliases.get(value, value)
        if value not in ("en", "sv"):
            raise ParseError("error.settings_language", "settings", {"value": value[:40]})
    if key == "joining":
        if value.casefold() not in JOINING_VALUES:
            raise ParseError("error.settings_joining", "settings_joining", {"value": value[:40]})
        value = JOINING_VALUES[value.casefold()]
    if len(value) > 100:
        raise ParseError("error.text_too_long", "settings", {"max": "100"})
    return Settings(key, value)


def run_settings(u: Unit, cmd: Settings) -> Reply:
    """Change one setting of the plan."""
    plan = u.plan
    value = cmd.value
    if cmd.key == "timezone":
        # Only names of real zones: "Europe" alone is a folder of them, not a zone.
        zone = timezone_name(value)
        if zone is None:
            raise UserError("error.bad_timezone", topic="settings_timezone", value=esc(value, 40))
        value = zone
    elif cmd.key == "joining":
        pass
    else:
        value = check_text(value, limit=100)
    old = getattr(plan, cmd.key)
    if old == value:
        raise UserError(
            "error.no_change_setting",
            setting=t(plan.language, f"setting.{cmd.key}"),
            value=esc(value),
        )
    u.maybe_plan = plan = u.tx.plans.update(plan.id, **{cmd.key: value})
    u.audit("plan", "plan", "settings", before={cmd.key: old}, after={cmd.key: value})
    if cmd.key == "timezone":
        plan_id = plan.id
        u.after_commit.append(lambda: u.d.notify_schedule(plan_id))
    shown_old, shown_new = esc(str(old)) if old else "—", esc(value)
    if cmd.key == "joining":
        shown_old, shown_new = (t(plan.language, f"joining.{v}") for v in (old, value))
    return u.changed(
        "settings.changed",
        setting=t(plan.language, f"setting.{cmd.key}"),
        old=shown_old,
        new=shown_new,
    )


SETTINGS_WORDS = ("settings", "inställningar", "installningar")
declare_verb(Verb("settings", words=SETTINGS_WORDS, parse=parse_settings, sv="inställningar"))
declare(
    Command(
        Settings,
        en="settings",
        sv="inställningar",
        access=Access.COORDINATOR,
        writes=True,
        run=run_settings,
        topic="settings",
        what="settings",
        examples=("settings language sv", "inställningar tidszon Europe/Stockholm"),
    )
)
