"""Keeping groups and their members current from what the adapters learn on their platform."""
from __future__ import annotations

from core.people import PersonDefaults, Workspace
from core.ports import UnitOfWork
from core.teams import Group, GroupFacts, group_handle


def record_group(uow: UnitOfWork, facts: GroupFacts, defaults: PersonDefaults) -> Group:
    """Store a group by its platform id under its current name; members replace the stored ones when the
    platform listed them (Slack), and stay as people joined its intake when it can't (Discord roles)."""
    workspace = uow.workspaces.by_external(facts.platform, facts.workspace_external_id) or uow.workspaces.add_or_get(
        Workspace(facts.platform, facts.workspace_external_id, facts.workspace_external_id, defaults.tz,
                  defaults.holiday_country))
    known = uow.teams.group_by_external(workspace.id or 0, facts.external_id)
    group = known or Group(workspace.id or 0, facts.external_id, group_handle(facts.name))
    group.handle = group_handle(facts.name)
    group = uow.teams.save_group(group)
    if facts.members is not None:
        uow.teams.set_members(group.id or 0, facts.members)
    return group
