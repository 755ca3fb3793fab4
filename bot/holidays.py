"""Public holidays from the `holidays` package, loaded once per country and year."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import holidays as holiday_data


class PublicHolidays:
    """The HolidayCalendar port: "DE", "US", or a country with a region ("DE-BY", "US-CA")."""

    def is_holiday(self, country: str | None, day: date) -> bool:
        if not country:
            return False
        return day in _calendar(country.upper(), day.year)


@lru_cache(maxsize=256)
def _calendar(country: str, year: int) -> Any:
    code, _, region = country.partition("-")
    try:
        return holiday_data.country_holidays(code, subdiv=region or None, years=year)
    except NotImplementedError:
        return frozenset()
