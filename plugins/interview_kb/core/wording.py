"""The one home of the English words the tool writes about dates, times and counts.

Every page, message draft and command says a date, an interview's time or
a count of things through these functions, in English whatever the locale
(``strftime`` would follow the machine's language).
"""

from __future__ import annotations

from datetime import date, time

from .model import MONTH_NAMES, WEEKDAY_NAMES, Interview

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """The word for ``count`` things: ``singular`` for one, else ``plural``
    (``singular`` with an ``s`` when not given)."""
    if count == 1:
        return singular
    return plural if plural is not None else singular + "s"


def count_of(number: int, singular: str, plural_form: str | None = None) -> str:
    """``3 events``, ``1 event``: a count in digits and its word."""
    return f"{number} {plural(number, singular, plural_form)}"


def number_word(number: int) -> str:
    """``one`` to ``ten`` in words (and ``no`` for zero), larger numbers in digits."""
    return _WORDS[number] if 0 <= number < len(_WORDS) else str(number)


def count_in_words(number: int, singular: str, plural_form: str | None = None) -> str:
    """``two more people``: a count in words (``number_word``) and its word."""
    return f"{number_word(number)} {plural(number, singular, plural_form)}"


def clock(at: time) -> str:
    """``14:30``: a time of day."""
    return f"{at:%H:%M}"


def long_date(day: date) -> str:
    """``Friday 20 November 2026``."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """``Friday 2026-11-20``."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


def month_title(day: date) -> str:
    """``November 2026``: the month of a date."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def day_and_month(day: date) -> str:
    """``6 November``: a date as it reads in a message."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def interview_label(interview: Interview, joint: str = " ") -> str:
    """``2026-11-03 14:30``: an interview's date and time of day, if known
    (``joint`` between them: ``" at "`` reads ``2026-11-03 at 14:30``)."""
    when = interview.date.isoformat()
    return f"{when}{joint}{clock(interview.time)}" if interview.time else when


def percent(rate: float | None) -> str:
    """``79%``, or an em dash when there is no rate."""
    return "\u2014" if rate is None else f"{round(rate * 100)}%"
