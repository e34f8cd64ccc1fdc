"""Organisations and members: org.*, member.* (join too), role.* and kind.*."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- organisations ---------------------------------------------------------------------
    "org.added": (
        "Added the organisation *{name}* ({kind}).",
        "Aktören *{name}* ({kind}) är tillagd.",
    ),
    "org.none": (
        "No organisations yet. A coordinator adds one with `{cmd} org add <name> [kind]`.",
        "Inga aktörer än. En samordnare lägger till en med `{cmd} aktör ny <namn> [typ]`.",
    ),
    "org.title": ("Organisations ({n})", "Aktörer ({n})"),
    "org.nobody": ("nobody yet", "ingen än"),
    "org.no_org": ("no organisation yet", "ingen aktör än"),
    "org.legend": ("★ coordinator", "★ samordnare"),
    "org.people": ("People", "Personer"),
    "org.activities": ("Activities it owns ({n})", "Aktiviteter som aktören äger ({n})"),
    "org.no_activities": ("It owns no activities.", "Aktören äger inga aktiviteter."),
    # -- members (member, join) ------------------------------------------------------------
    "member.set": (
        "{user} is now a {role} of *{org}*{was}.",
        "{user} är nu {role} i *{org}*{was}.",
    ),
    "member.was_org": ("(was in *{org}*)", "(var i *{org}*)"),
    "member.was_role": ("(was {role})", "(var {role})"),
    "member.was_both": ("(was a {role} of *{org}*)", "(var {role} i *{org}*)"),
    "member.joined": (
        "{user} joined *{org}* as {role}{left}.",
        "{user} anslöt till *{org}* som {role}{left}.",
    ),
    "member.left": ("(left *{org}*)", "(lämnade *{org}*)"),
    # -- roles -----------------------------------------------------------------------------
    "role.coordinator": ("coordinator", "samordnare"),
    "role.member": ("member", "medlem"),
    # -- organisation kinds ----------------------------------------------------------------
    "kind.municipality": ("municipality", "kommun"),
    "kind.police": ("police", "polis"),
    "kind.social_services": ("social services", "socialtjänst"),
    "kind.school": ("school", "skola"),
    "kind.recreation": ("recreation", "fritid"),
    "kind.housing": ("housing", "bostad"),
    "kind.rescue_service": ("rescue service", "räddningstjänst"),
    "kind.civil_society": ("civil society", "civilsamhälle"),
    "kind.business": ("business", "näringsliv"),
    "kind.other": ("other", "övrigt"),
}
