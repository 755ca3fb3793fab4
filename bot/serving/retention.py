"""The cleanup job: delivered notices and seen-event keys older than app.yaml `retention` allows are removed."""
from __future__ import annotations

import logging
from collections.abc import Callable

from bot.bootstrap import Tandem
from storage.retention import remove_old

log = logging.getLogger("tandem.retention")


def clean_up_job(tandem: Tandem) -> Callable[[], None]:
    """What the scheduler's cleanup job runs (in batches; safe in several processes at once)."""
    retention = tandem.config.retention

    def clean_up() -> None:
        removed = remove_old(tandem.engine, tandem.clock.now(), retention.delivered_age, retention.seen_events_age)
        if removed.delivered or removed.seen_events:
            log.info("removed %d delivered notices and %d seen-event keys", removed.delivered, removed.seen_events)

    return clean_up
