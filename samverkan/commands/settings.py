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
from samverkan.reply import Effect, Reply, Section
from samverkan.text import esc
from samverkan.vocabulary import JOINING_VALUES, SETTING_KEYS


@dataclass(frozen=True)
class Settings:
    key: str  # language, timezone, area, name
    value: str


@dataclass(frozen=True)
class MyLanguage:
    #: "en" or "sv"; None follows Slack's language for the person again.
    language: str | None


#: `settings my language sv` / `inställningar mitt språk sv`: the person's own setting.
MY_WORDS = ("my", "min", "mitt")
_LANGUAGE_ALIASES = {"english": "en", "engelska": "en", "swedish": "sv", "svenska": "sv"}
_AUTO_WORDS = ("auto", "slack", "automatic", "automatiskt")


@lru_cache(maxsize=1)
def _timezones() -> dict[str, str]:
    """The IANA timezone names this system knows, by their casefolded spelling."""
    return {name.casefold(): name for name in available_timezones()}


def timezone_name(text: str) -> str | None:
    """The IANA name of a typed timezone ("europe/oslo" → "Europe/Oslo"), or None."""
    return _timezones().get(text.strip().casefold())


def parse_settings(rest: list[str]) -> Settings | MyLanguage:
    """`settings <key> <value>`, `settings my language <en|sv|auto>`."""
    if rest and rest[0].casefold() in MY_WORDS:
        return _parse_my(rest[1:])
    if not rest or rest[0].casefold() not in SETTING_KEYS:
        raise ParseError("error.settings_usage", "settings")
    key = SETTING_KEYS[rest[0].casefold()]
    if len(rest) < 2:
        # A known setting without a value: say what that setting takes.
        raise ParseError(f"error.settings_{key}_value", f"settings_{key}")
    value = unquote(" ".join(rest[1:]))
    if key == "language":
        value = value.casefold()
        value = _LANGUAGE_ALIASES.get(value, value)
        if value not in ("en", "sv"):
            raise ParseError("error.settings_language", "settings", {"value": value[:40]})
    if key == "joining":
        if value.casefold() not in JOINING_VALUES:
            raise ParseError("error.settings_joining", "settings_joining", {"value": value[:40]})
        value = JOINING_VALUES[value.casefold()]
    if len(value) > 100:
        raise ParseError("error.text_too_long", "settings", {"max": "100"})
    return Settings(key, value)


def _parse_my(rest: list[str]) -> MyLanguage:
    if not rest or SETTING_KEYS.get(rest[0].casefold()) != "language":
        raise ParseError("error.settings_my_usage", "settings_my")
    value = " ".join(rest[1:]).casefold()
    value = _LANGUAGE_ALIASES.get(value, value)
    if value in _AUTO_WORDS:
        return MyLanguage(None)
    if value not in ("en", "sv"):
        raise ParseError("error.settings_my_usage", "settings_my")
    return MyLanguage(value)


def run_my_language(u: Unit, cmd: MyLanguage) -> Reply:
    """A person's own language for mine, the App Home and reminders (in every plan here)."""
    ctx = u.ctx
    before = u.tx.languages.get(ctx.team_id, ctx.user_id)
    u.tx.languages.choose(ctx.team_id, ctx.user_id, cmd.language)
    u.audit(
        "settings",
        f"language:{ctx.user_id}",
        "settings",
        before={"language": before.chosen if before else None},
        after={"language": cmd.language},
    )
    lang = u.d.personal_language(u.tx, ctx.team_id, ctx.user_id, u.lang)
    key = "settings.my_language" if cmd.language else "settings.my_language_auto"
    text = t(lang, key, language=t(lang, f"language.{lang}"), cmd=u.d.command)
    return Reply(
        text, [Section(text)], lang=lang, effects=(Effect.refresh_homes(frozenset({ctx.user_id})),)
    )


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
    # A new language redraws the App Home of everyone in the plan.
    members = frozenset(m.user_id for m in u.tx.members.of_plan(plan.id))
    shown_old, shown_new = esc(str(old)) if old else "—", esc(value)
    if cmd.key == "joining":
        shown_old, shown_new = (t(plan.language, f"joining.{v}") for v in (old, value))
    return u.changed(
        "settings.changed",
        members if cmd.key == "language" else frozenset(),
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
declare(
    Command(
        MyLanguage,
        en="settings my language",
        sv="inställningar mitt språk",
        access=Access.ANYONE,
        writes=True,
        run=run_my_language,
        topic="settings",
        examples=("settings my language sv", "inställningar mitt språk auto"),
    )
)
