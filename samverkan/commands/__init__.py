"""Every command family; importing this package declares every command in the registry.

One module per family. To add a command, see ARCHITECTURE.md ("Adding a command").
"""

from samverkan.commands import (
    activities,
    causes,
    digest,
    export,
    followups,
    forms,
    help,
    log,
    organisations,
    personal,
    plan_import,
    records,
    settings,
    setup,
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
)
