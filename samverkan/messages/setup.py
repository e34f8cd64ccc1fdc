"""Setting up a channel's plan: the setup.* replies."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- setup -----------------------------------------------------------------------------
    "setup.done": (
        "The plan *{name}* is set up for this channel. {user} is its coordinator.",
        "Planen *{name}* är skapad för den här kanalen. {user} är samordnare.",
    ),
    "setup.next": (
        "Next: add organisations (`{cmd} org add Polisen police`), let people join "
        "(`{cmd} join Polisen`) and add activities (`{cmd} activity add <title>`).",
        "Nästa steg: lägg till aktörer (`{cmd} aktör ny Polisen polis`), låt folk ansluta "
        "(`{cmd} anslut Polisen`) och lägg till aktiviteter (`{cmd} aktivitet ny <titel>`).",
    ),
}
