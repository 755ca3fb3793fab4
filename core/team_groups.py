"""Keeping groups and their members current from what the adapters learn on their platform."""
from __future__ import annotations

from collections.abc import Iterable

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


def note_roles(uow: UnitOfWork, platform: str, workspace_external_id: str, user: str, roles: Iterable[str]) -> None:
    """Someone seen carrying these roles (Discord) may claim the requests of the groups they stand for; it does
    not put them in a round-robin, which only those who joined the intake are in."""
    workspace = uow.workspaces.by_external(platform, workspace_external_id)
    if workspace is None:
        return
    for role in roles:
        group = uow.teams.group_by_external(workspace.id or 0, role)
        if group is not None and user not in uow.teams.members(group.id or 0):
            uow.teams.add_member(group.id or 0, user, intake=False)
