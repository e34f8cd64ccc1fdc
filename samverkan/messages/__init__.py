"""The message catalog: every user-facing text, merged from one module per command family."""

from __future__ import annotations

from collections.abc import Mapping

from samverkan.messages import (
    activities,
    common,
    corrections,
    digest,
    errors,
    followups,
    forms,
    help,
    log,
    membership,
    organisations,
    permissions,
    reading,
    reminders,
    report,
    report_doc,
    settings,
    setup,
    situation,
    template,
    workspaces,
)

# key: (English, Swedish). Values in braces are filled in by samverkan.i18n.t; user text in
# them is escaped by the caller. Each family module holds the keys of one command family or
# surface: add a text where a developer working on that family would look for it.
FAMILIES: dict[str, dict[str, tuple[str, str]]] = {
    "help": help.MESSAGES,
    "setup": setup.MESSAGES,
    "organisations": organisations.MESSAGES,
    "membership": membership.MESSAGES,
    "activities": activities.MESSAGES,
    "log": log.MESSAGES,
    "followups": followups.MESSAGES,
    "corrections": corrections.MESSAGES,
    "reading": reading.MESSAGES,
    "digest": digest.MESSAGES,
    "reminders": reminders.MESSAGES,
    "settings": settings.MESSAGES,
    "forms": forms.MESSAGES,
    "errors": errors.MESSAGES,
    "permissions": permissions.MESSAGES,
    "common": common.MESSAGES,
    "template": template.MESSAGES,
    "situation": situation.MESSAGES,
    "workspaces": workspaces.MESSAGES,
    "report": report.MESSAGES,
    "report_doc": report_doc.MESSAGES,
}


class DuplicateMessageKeyError(ValueError):
    """Two family modules define the same key; merging them would silently lose a text."""


def merge(families: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One catalog from the family catalogs; an error names every key defined twice."""
    merged: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for family, catalog in families.items():
        for key, entry in catalog.items():
            if key in owner:
                clashes.append(f"{key!r} in both {owner[key]} and {family}")
                continue
            owner[key] = family
            merged[key] = entry
    if clashes:
        raise DuplicateMessageKeyError(
            "message keys defined in more than one samverkan.messages module: " + "; ".join(clashes)
        )
    return merged


MESSAGES: dict[str, tuple[str, str]] = merge(FAMILIES)
