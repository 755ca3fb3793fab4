"""Finding (or welcoming) the person behind a platform user, in the workspace behind a team or server."""
from __future__ import annotations

from dataclasses import dataclass

from core.i18n import supported
from core.people import Person, PersonDefaults, Role, Workspace, handle_for
from core.ports import UnitOfWork


@dataclass(frozen=True)
class Identity:
    """What an adapter knows about who spoke. None means "the platform doesn't say": keep what is stored."""

    platform: str
    workspace_external_id: str
    workspace_name: str
    user_external_id: str
    display_name: str
    tz: str | None = None
    role: Role | None = None
    external: bool | None = None
    handle: str | None = None
    workspace_tz: str | None = None  # the zone a workspace starts with, when the platform's config names one
    locale: str | None = None  # the person's own platform locale ("de-DE"): their language until they choose one
    place_locale: str | None = None  # the server's preferred locale: a newcomer's language when theirs is unknown


def workspace_for(uow: UnitOfWork, who: Identity, defaults: PersonDefaults) -> Workspace:
    found = uow.workspaces.by_external(who.platform, who.workspace_external_id)
    if found is not None:
        return found
    return uow.workspaces.add_or_get(Workspace(who.platform, who.workspace_external_id, who.workspace_name,
                                               who.workspace_tz or defaults.tz, defaults.holiday_country))


def person_for(uow: UnitOfWork, workspace: Workspace, who: Identity, defaults: PersonDefaults) -> Person:
    """The person behind `who`, created on first sight and refreshed when the platform says otherwise."""
    person = uow.people.by_identity(workspace.id or 0, who.platform, who.user_external_id)
    if person is None:
        return uow.people.add_or_get(Person(
            workspace_id=workspace.id or 0, display_name=who.display_name,
            handle=_free_handle(uow, workspace, who.handle or handle_for(who.display_name)),
            tz=who.tz or workspace.default_tz, role=who.role or Role.MEMBER, external=bool(who.external),
            working_days=defaults.working_days, work_start=defaults.work_start, work_end=defaults.work_end,
            digest_time=defaults.digest_time, holiday_country=workspace.holiday_country,
            lang=supported(who.locale) or supported(who.place_locale) or defaults.lang,
        ), who.platform, who.user_external_id)
    fresh = {"display_name": who.display_name, "tz": who.tz, "role": who.role, "external": who.external,
             "lang": None if person.lang_chosen else supported(who.locale)}
    changes = {k: v for k, v in fresh.items() if v is not None and getattr(person, k) != v}
    for key, value in changes.items():
        setattr(person, key, value)
    if changes:
        uow.people.save(person)
    return person


def _free_handle(uow: UnitOfWork, workspace: Workspace, wanted: str) -> str:
    taken = {p.handle.lower() for p in uow.people.find(workspace.id or 0, wanted)}
    handle, n = wanted, 2
    while handle.lower() in taken:
        handle, n = f"{wanted}{n}", n + 1
    return handle
