"""Today and business days: pure functions, the clock is always an argument."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

TODAY_VARIABLE = "INTERVIEW_KB_TODAY"


class BadDate(ValueError):
    """A date that could not be read; the message says what to write."""


def parse_date(text: str, what: str = "date") -> date:
    """``2026-11-20`` as a date, or ``BadDate`` naming ``what``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadDate(f"{what} '{text}' is not a date; write it as 2026-11-20") from None


def choose_today(option: date | None, variable: str | None, local: date) -> date:
    """T: the ``today`` option, else ``INTERVIEW_KB_TODAY``, else the local date."""
    if option is not None:
        return option
    if variable and variable.strip():
        return parse_date(variable, TODAY_VARIABLE)
    return local


@lru_cache(maxsize=64)
def _country_holidays(country: str, year: int) -> frozenset[date]:
    import holidays

    try:
        return frozenset(holidays.country_holidays(country, years=year).keys())
    except NotImplementedError:
        raise BadDate(
            f"holidays_country '{country}' is not known; use a code such as US, GB, DE or FR"
        ) from None


class Calendar:
    """Business days: Monday to Friday, less listed dates and a country's holidays."""

    def __init__(self, holidays: Iterable[date] = (), country: str | None = None) -> None:
        self.holidays = frozenset(holidays)
        self.country = country
        if country:
            _country_holidays(country, 2000)  # fail early on an unknown country

    def is_business_day(self, day: date) -> bool:
        """True for a weekday that is not a holiday."""
        if day.weekday() >= 5 or day in self.holidays:
            return False
        return not (self.country and day in _country_holidays(self.country, day.year))

    def business_day_before(self, day: date) -> date:
        """The last business day before ``day``."""
        day -= timedelta(days=1)
        while not self.is_business_day(day):
            day -= timedelta(days=1)
        return day

    def add_business_days(self, start: date, count: int) -> date:
        """The ``count``-th business day after ``start`` (``start`` itself not counted)."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day
