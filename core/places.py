"""Where a platform user last used Tandem: a DM, which belongs to no workspace, acts there."""
from __future__ import annotations

from datetime import datetime

from core.chat import Place, Places
from core.ports import UnitOfWork


def remember(uow: UnitOfWork, platform: str, user: str, workspace_external_id: str, now: datetime) -> None:
    workspace = uow.workspaces.by_external(platform, workspace_external_id)
    if workspace is not None and workspace.id is not None:
        uow.chat.set_place(platform, user, workspace.id, now)


def places(uow: UnitOfWork, platform: str, user: str) -> Places:
    """The workspace `user` last used Tandem in, and every workspace that knows them, as places."""
    known = [uow.workspaces.get(w) for w in uow.chat.workspaces_of(platform, user)]
    found = tuple(Place(w.external_id, w.name) for w in known if w is not None)
    last = uow.chat.place(platform, user)
    chosen = next((Place(w.external_id, w.name) for w in known if w is not None and w.id == last), None)
    return Places(chosen, found)
