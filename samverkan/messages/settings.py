"""Settings: the settings.* replies and the setting names (setting.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- settings --------------------------------------------------------------------------
    "settings.changed": ("{setting}: {old} → *{new}*", "{setting}: {old} → *{new}*"),
    "setting.language": ("Language", "Språk"),
    "setting.timezone": ("Timezone", "Tidszon"),
    "setting.area": ("Area", "Område"),
    "setting.name": ("Plan name", "Planens namn"),
    # -- a person's own language (mine, App Home, reminders) -------------------------------
    "settings.my_language": (
        "Your own language is now {language}: `{cmd} mine`, your App Home and reminders use it.",
        "Ditt eget språk är nu {language}: `{cmd} mina`, din appstartsida och påminnelser "
        "använder det.",
    ),
    "settings.my_language_auto": (
        "Your own language follows Slack's language for you again (now {language}).",
        "Ditt eget språk följer ditt språk i Slack igen (nu {language}).",
    ),
    "language.en": ("English", "engelska"),
    "language.sv": ("Swedish", "svenska"),
    "setting.joining": ("Joining", "Anslutning"),
    "joining.approval": (
        "a coordinator approves each join",
        "en samordnare godkänner varje anslutning",
    ),
    "joining.open": ("anyone in the channel joins at once", "alla i kanalen ansluter direkt"),
    "error.settings_joining": (
        "Joining is `approval` (a coordinator approves each request) or `open` (anyone in the "
        "channel joins at once), not “{value}”.",
        "Anslutning är `godkännande` (en samordnare godkänner varje begäran) eller `öppen` "
        "(alla i kanalen ansluter direkt), inte ”{value}”.",
    ),
    "error.settings_joining_value": (
        "Say how people join: `approval` or `open`.",
        "Ange hur man ansluter: `godkännande` eller `öppen`.",
    ),
    "example.settings_joining": (
        "{cmd} settings joining approval",
        "{cmd} inställningar anslutning godkännande",
    ),
}
