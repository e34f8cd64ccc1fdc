"""Every command family; importing this package declares every command in the registry.

One module per family. To add a command, see ARCHITECTURE.md ("Adding a command").
"""

from samverkan.commands import (
    activities,
    corrections,
    digest,
    followups,
    forms,
    help,
    lifecycle,
    log,
    membership,
    organisations,
    personal,
    records,
    settings,
    setup,
    status,
)

FAMILIES = (
    help,
    setup,
    organisations,
    membership,
    activities,
    forms,
    log,
    followups,
    corrections,
    personal,
    status,
    records,
    digest,
    settings,
    lifecycle,
)
