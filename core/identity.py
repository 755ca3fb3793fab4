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
        start = newcomer_defaults(workspace, defaults)
        return uow.people.add_or_get(Person(
            workspace_id=workspace.id or 0, display_name=who.display_name,
            handle=_free_handle(uow, workspace, who.handle or handle_for(who.display_name)),
            tz=who.tz or workspace.default_tz, role=who.role or Role.MEMBER, external=bool(who.external),
            working_days=start.working_days, work_start=start.work_start, work_end=start.work_end,
            digest_time=start.digest_time, holiday_country=workspace.holiday_country,
            lang=supported(who.locale) or supported(who.place_locale) or start.lang,
        ), who.platform, who.user_external_id)
    fresh = {"display_name": who.display_name, "tz": who.tz, "role": who.role, "external": who.external,
             "lang": None if person.lang_chosen else supported(who.locale)}
    changes = {k: v for k, v in fresh.items() if v is not None and getattr(person, k) != v}
    for key, value in changes.items():
        setattr(person, key, value)
    if changes:
        uow.people.save(person)
    return person


def newcomer_defaults(workspace: Workspace, defaults: PersonDefaults) -> PersonDefaults:
    """What a newcomer starts with: the workspace's own defaults (set by an admin), else app.yaml's."""
    return PersonDefaults(
        tz=workspace.default_tz,
        working_days=defaults.working_days if workspace.working_days is None else workspace.working_days,
        work_start=workspace.work_start or defaults.work_start,
        work_end=workspace.work_end or defaults.work_end,
        digest_time=workspace.digest_time or defaults.digest_time,
        lang=workspace.lang or defaults.lang,
        holiday_country=workspace.holiday_country,
    )


def _free_handle(uow: UnitOfWork, workspace: Workspace, wanted: str) -> str:
    taken = {p.handle.lower() for p in uow.people.find(workspace.id or 0, wanted)}
    handle, n = wanted, 2
    while handle.lower() in taken:
        handle, n = f"{wanted}{n}", n + 1
    return handle
