"""Texts of many workspaces in one bot: an uninstalled workspace's plans, a refused request."""

MESSAGES: dict[str, tuple[str, str]] = {
    "plan.unserved": (
        "The plan *{name}* belongs to a workspace that has removed Samverkan: it can be read, "
        "not changed, until the workspace installs it again.",
        "Planen *{name}* tillhör en arbetsyta som har tagit bort Samverkan: den går att läsa "
        "men inte ändra, tills arbetsytan installerar den igen.",
    ),
    "install.missing": (
        "Samverkan is not installed in this workspace (or was removed). "
        "An admin can install it again from the bot's install page.",
        "Samverkan är inte installerad i den här arbetsytan (eller har tagits bort). "
        "En administratör kan installera den igen från botens installationssida.",
    ),
}
