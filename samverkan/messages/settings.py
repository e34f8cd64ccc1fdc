"""Settings: the settings.* replies and the setting names (setting.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- settings --------------------------------------------------------------------------
    "settings.changed": ("{setting}: {old} → *{new}*", "{setting}: {old} → *{new}*"),
    "setting.language": ("Language", "Språk"),
    "setting.timezone": ("Timezone", "Tidszon"),
    "setting.area": ("Area", "Område"),
    "setting.name": ("Plan name", "Planens namn"),
}
