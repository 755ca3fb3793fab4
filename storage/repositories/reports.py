"""Report figures in SQL: aggregates over the tasks a reader may see, never the tasks themselves."""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage.repositories.report_figures import FigureQueries
from storage.repositories.report_records import RecordQueries


class SqlReports(FigureQueries, RecordQueries):
    """Roll-ups, commitment records and burn-up history for the report handlers and digests."""

    def __init__(self, session: Session) -> None:
        self._session = session
