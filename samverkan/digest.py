"""The weekly digest (DESIGN §4) — replaced by the full builder in the schedules work."""

from __future__ import annotations

from datetime import datetime

from samverkan.reply import Header, Reply
from storage import Plan, Tx


def build_digest(tx: Tx, plan: Plan, now: datetime, command: str) -> Reply:
    """Build this week's digest of a plan."""
    return Reply(plan.name, [Header(plan.name)], lang=plan.language, plan_id=plan.id)
