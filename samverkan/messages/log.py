"""The log: log.* replies and where an entry came from (source.*)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- log -------------------------------------------------------------------------------
    "log.added": (
        "*{ref}* logged {where} by {user}{org}, {day}:",
        "*{ref}* loggad {where} av {user}{org}, {day}:",
    ),
    "log.on_activity": ("on *{ref}* {title}", "på *{ref}* {title}"),
    "log.no_activity": ("(no activity)", "(ingen aktivitet)"),
    "log.source_link": ("<{link}|Original message>", "<{link}|Ursprungligt meddelande>"),
    "log.link": ("message", "meddelande"),
    # -- where a log entry came from -------------------------------------------------------
    "source.command": ("command", "kommando"),
    "source.modal": ("form", "formulär"),
    "source.message": ("message", "meddelande"),
}
