"""Labels and wording of the follow-ups, shared by the pages and the command line."""

from __future__ import annotations

from datetime import date

from ..analysis.followups import Item
from ..core.model import MONTH_NAMES, WEEKDAY_NAMES, Interview

KIND_LABELS = {
    "thank-you": "Thank-you",
    "reflection": "Reflection",
    "follow-up": "Follow-up",
    "try-another": "Try another person",
    "move-on": "Move on",
    "promised": "Promised",
    "reconnect": "Reconnect",
    "referral": "Referral",
    "prepare": "Prepare",
}


SECTIONS = (
    ("Overdue", "Nothing is overdue."),
    ("Due today", "Nothing is due today."),
    ("Next 7 days", "Nothing falls due in the next seven days."),
    ("Later", "Nothing further ahead."),
    ("Moved on", "Nobody to let go of: every request is still within its time."),
)


LATER_SHOWN = 30  # the follow-ups page lists this many "Later" items, then a count


def long_date(day: date) -> str:
    """``Friday 20 November 2026``, in English whatever the locale."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def section_of(item: Item) -> str:
    """The follow-ups page's section for an item."""
    if item.kind == "move-on":
        return "Moved on"
    if item.days_overdue > 0:
        return "Overdue"
    if item.days_overdue == 0:
        return "Due today"
    return "Next 7 days" if item.days_overdue >= -7 else "Later"


def when(days_overdue: int) -> str:
    """``3 days overdue``, ``due today``, ``in 4 days``."""
    if days_overdue == 0:
        return "due today"
    days = abs(days_overdue)
    unit = "day" if days == 1 else "days"
    return f"{days} {unit} overdue" if days_overdue > 0 else f"in {days} {unit}"


def interview_label(interview: Interview) -> str:
    """``2026-11-03 14:30``: an interview's date and time of day, if known."""
    when = interview.date.isoformat()
    return f"{when} {interview.time:%H:%M}" if interview.time else when


def interview_status(interview: Interview, today: date) -> str:
    """``cancelled``, ``done`` (held), ``today``, or ``scheduled`` (upcoming)."""
    if interview.cancelled:
        return "cancelled"
    if interview.date == today:
        return "today"
    return "done" if interview.date < today else "scheduled"
