"""The composition root: builds database, unit of work, bus and deliverer from the validated config."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from bot.config import Config
from bot.deliver import Deliverer
from core.bus import Bus
from core.clock import Clock
from core.delivery import Sender
from storage.database import make_engine
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory


@dataclass
class Tandem:
    """Everything a running Tandem needs, wired once."""

    config: Config
    engine: Engine
    uow_factory: SqlUnitOfWorkFactory
    clock: Clock
    bus: Bus

    def deliverer(self, senders: dict[str, Sender]) -> Deliverer:
        return Deliverer(self.uow_factory, senders, self.clock)

    def close(self) -> None:
        self.engine.dispose()


def build(config: Config, clock: Clock, migrate: bool = True) -> Tandem:
    """Connect to the configured database (migrating it to the latest schema) and wire the core."""
    engine = make_engine(config.database.url)
    if migrate:
        upgrade(engine)
    uow_factory = SqlUnitOfWorkFactory(engine)
    bus = Bus(uow_factory, clock, default_tz=config.defaults.timezone)
    return Tandem(config, engine, uow_factory, clock, bus)
