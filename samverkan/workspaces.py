"""Many workspaces (DESIGN §13): an install or reinstall, an uninstall, and the erasure of an
uninstalled workspace's plans once its retention has ended."""

from __future__ import annotations

import logging
from datetime import timedelta

from samverkan.service import Samverkan

log = logging.getLogger("samverkan")

#: Who an erasure after an uninstall is recorded as, in the one audit line that stays.
RETENTION = "retention"


def installed(app: Samverkan, team_id: str, enterprise_id: str | None, org_wide: bool) -> list[int]:
    """Record an installation; a reinstall within the retention period brings the plans back.

    An org-wide install names no team: every workspace known to be of the org is restored.
    Digests and rounds missed while uninstalled are not sent: each restored plan's schedules
    count as set now, so the week's passed moments are not caught up. Returns the restored plans' ids.
    """
    restored: list[int] = []
    with app.store.write() as tx:
        teams = tx.workspaces.teams_of(enterprise_id) if org_wide and enterprise_id else []
        if team_id:
            teams = [team_id, *teams]
        elif org_wide and enterprise_id:
            tx.workspaces.installed(enterprise_id, enterprise_id)
        for team in teams:
            if tx.workspaces.installed(team, enterprise_id):
                for plan in tx.plans.of_team(team):
                    tx.plans.update(plan.id, digest_set_at=tx.now)
                    rounds = tx.rounds.schedule(plan.id)
                    if rounds.weekday is not None:  # nor is a missed round asked again
                        tx.rounds.set_schedule(plan.id, rounds.weekday, rounds.time)
                    restored.append(plan.id)
    log.info("installed in %s", team_id or f"the org {enterprise_id}")
    for plan_id in restored:
        app.notify_schedule(plan_id)
    if restored:
        log.info("reinstalled: plans %s served again", ", ".join(map(str, restored)))
    return restored


def uninstalled(
    app: Samverkan, team_id: str, enterprise_id: str | None, retain_days: int
) -> list[int]:
    """`app_uninstalled` / `tokens_revoked`: the workspace's schedules stop at once, its plans
    are kept read-only for `retain_days`, then erased. An org-wide uninstall (no team, or the
    org's own id) covers every workspace known to be of the org. Returns the plans stopped."""
    stopped: list[int] = []
    with app.store.write() as tx:
        teams = [team_id] if team_id and team_id != enterprise_id else []
        if enterprise_id and not teams:
            teams = [enterprise_id, *tx.workspaces.teams_of(enterprise_id)]
        erase_after = tx.now + timedelta(days=retain_days)
        for team in teams:
            if tx.workspaces.revoke(team, erase_after):
                stopped.extend(p.id for p in tx.plans.of_team(team))
    # The installation's tokens were deleted just before: now out of the write-ahead log too.
    app.store.checkpoint()
    for plan_id in stopped:
        app.notify_schedule(plan_id)
    log.info("uninstalled from %s: plans %s stopped", team_id or enterprise_id, stopped or "none")
    return stopped


def erase_expired(app: Samverkan) -> list[int]:
    """Erase the plans of every workspace uninstalled longer than its retention, exactly once:
    the workspace is marked erased in the same transaction, so a second run finds nothing.
    The workspace's personal settings go too, and install states that expired unused. One audit line per plan stays (its id and name,
    who erased it: `retention`, when). Returns the erased plans."""
    erased: list[int] = []
    with app.store.write() as tx:
        tx.workspaces.drop_expired_states()
        for team in tx.workspaces.due_for_erasure():
            if not tx.workspaces.mark_erased(team):
                continue
            tx.workspaces.forget_people(team)
            for plan in tx.plans.of_team(team):
                tx.plans.erase(plan.id)
                tx.audit.record(
                    team_id=team,
                    plan_id=plan.id,
                    user_id=RETENTION,
                    entity="plan",
                    ref=plan.name,
                    action="deleted",
                    before={"id": plan.id, "name": plan.name},
                )
                erased.append(plan.id)
    if erased:
        app.store.checkpoint()
        for plan_id in erased:
            app.notify_schedule(plan_id)
        log.info("retention: erased plans %s of uninstalled workspaces", erased)
    return erased


def remember_workspace(app: Samverkan, team_id: str, enterprise_id: str | None) -> None:
    """Note which Enterprise Grid org a workspace belongs to (for its scheduled messages)."""
    with app.store.write() as tx:
        tx.workspaces.seen(team_id, enterprise_id)


def enterprise_of(app: Samverkan, team_id: str) -> str | None:
    """The Enterprise Grid org of a workspace, when known."""
    with app.store.read() as tx:
        return tx.workspaces.enterprise_of(team_id)
