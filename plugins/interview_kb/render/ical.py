"""Follow-up items as an iCalendar file of to-dos (VTODO), with stable UIDs.

A calendar that imports the file again updates each to-do instead of adding
a copy, because an item's UID depends only on what it is about (its rule,
contact, interview and, for promised items and referrals, the thing itself),
never on its due date or on the day the file was made. A to-do carries the
suggested message in its description when the follow-ups page drafts one.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from icalendar import Calendar as ICalendar
from icalendar import Todo

from ..analysis.drafts import draft, in_draft_window
from ..analysis.followups import Item
from ..core.model import Notebook
from ..core.vocab import FollowUpKind

PRODUCT = "-//interview-kb//follow-ups//EN"
# Rules that can make several items for one interview: the UID also holds
# what the item is about, which the action names.
_PER_THING = (FollowUpKind.PROMISED, FollowUpKind.REFERRAL)


def item_uid(item: Item) -> str:
    """A UID that stays the same while the item is open."""
    parts = [item.kind, item.contact, item.interview or "-"]
    if item.kind in _PER_THING:
        parts.append(hashlib.sha1(item.action.encode("utf-8")).hexdigest()[:10])
    return "/".join(parts) + "@interview-kb"


def to_ics(items: list[Item], notebook: Notebook, today: date) -> bytes:
    """Every item as a VTODO with a DUE date; the same items give the same bytes."""
    calendar = ICalendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interview follow-ups")
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    for item in items:
        todo = Todo()
        todo.add("uid", item_uid(item))
        todo.add("dtstamp", stamp)
        todo.add("summary", item.action)
        todo.add("due", item.due)
        todo.add("status", "NEEDS-ACTION")
        todo.add("categories", [item.kind])
        message = draft(item, notebook) if in_draft_window(item) else None
        if message is not None:
            todo.add(
                "description", f"Suggested message\n\nSubject: {message.subject}\n\n{message.body}"
            )
        calendar.add_component(todo)
    data: bytes = calendar.to_ical()
    return data
