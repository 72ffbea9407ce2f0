"""Labels and wording of the follow-ups, shared by the pages and the command line."""

from __future__ import annotations

from datetime import date
from typing import assert_never

from ..analysis.followups import Item
from ..core.model import Interview
from ..core.vocab import FollowUpKind
from ..core.wording import count_of


def kind_label(kind: FollowUpKind) -> str:
    """The label of a follow-up item's kind (mypy checks that every kind has one)."""
    match kind:
        case FollowUpKind.THANK_YOU:
            return "Thank-you"
        case FollowUpKind.REFLECTION:
            return "Reflection"
        case FollowUpKind.FOLLOW_UP:
            return "Follow-up"
        case FollowUpKind.TRY_ANOTHER:
            return "Try another person"
        case FollowUpKind.MOVE_ON:
            return "Move on"
        case FollowUpKind.PROMISED:
            return "Promised"
        case FollowUpKind.RECONNECT:
            return "Reconnect"
        case FollowUpKind.REFERRAL:
            return "Referral"
        case FollowUpKind.PREPARE:
            return "Prepare"
        case FollowUpKind.REMINDER:
            return "Reminder"
    assert_never(kind)


#: Titles of the pipeline board's columns (``analysis.board.COLUMNS``).
BOARD_TITLES = {
    "not-contacted": "Not contacted",
    "asked": "Asked",
    "replied": "Replied",
    "scheduled": "Scheduled",
    "interviewed": "Interviewed",
    "closed": "Closed or moved on",
}


SECTIONS = (
    ("Overdue", "Nothing is overdue."),
    ("Due today", "Nothing is due today."),
    ("Next 7 days", "Nothing falls due in the next seven days."),
    ("Later", "Nothing further ahead."),
    ("Moved on", "Nobody to let go of: every request is still within its time."),
)


LATER_SHOWN = 30  # the follow-ups page lists this many "Later" items, then a count


def section_of(item: Item) -> str:
    """The follow-ups page's section for an item."""
    if item.kind == FollowUpKind.MOVE_ON:
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
    return f"{count_of(days, 'day')} overdue" if days_overdue > 0 else f"in {count_of(days, 'day')}"


def interview_status(interview: Interview, today: date) -> str:
    """``cancelled``, ``done`` (held), ``today``, or ``scheduled`` (upcoming)."""
    if interview.cancelled:
        return "cancelled"
    if interview.date == today:
        return "today"
    return "done" if interview.date < today else "scheduled"
