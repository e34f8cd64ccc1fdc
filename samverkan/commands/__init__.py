"""Every command family; importing this package declares every command in the registry.

One module per family. To add a command, see ARCHITECTURE.md ("Adding a command").
"""

from samverkan.commands import (
    activities,
    activity_log,
    causes,
    digest,
    export,
    followups,
    forms,
    help,
    log,
    observe,
    organisations,
    personal,
    places,
    plan_import,
    records,
    round,
    settings,
    setup,
    situation,
    status,
)

FAMILIES = (
    help,
    setup,
    organisations,
    activities,
    forms,
    log,
    followups,
    personal,
    status,
    records,
    digest,
    settings,
    causes,
    export,
    plan_import,
    places,
    observe,
    situation,
    activity_log,
    round,
)
