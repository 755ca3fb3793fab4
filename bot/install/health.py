"""`tandem health`: exit 0 when the database answers and its schema is current (the container health check)."""
from __future__ import annotations

import sys

from bot.config import Config
from storage.database import DatabaseUnavailable
from storage.migrate import current, head


def run(config: Config) -> int:
    try:
        revision = current(config.database.url)
    except DatabaseUnavailable as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1
    if revision != head():
        print(f"unhealthy: the database schema is {revision or 'empty'}, this Tandem needs {head()}; "
              "run `tandem db upgrade`.", file=sys.stderr)
        return 1
    print(f"healthy: database reachable, schema {revision} is current.")
    return 0
