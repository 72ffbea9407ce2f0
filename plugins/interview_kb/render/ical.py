"""Follow-up items as an iCalendar file of to-dos (VTODO), and interviews as
events (VEVENT), with stable UIDs.

A calendar that imports the file again updates each to-do instead of adding
a copy, because an item's UID depends only on what it is about (its rule,
contact, interview and, for promised items and referrals, the thing itself),
never on its due date or on the day the file was made. A to-do carries the
suggested message in its description when the follow-ups page drafts one.

An interview is an event whose UID is its note's name, which `reschedule`
keeps: moving it updates the event. It starts at its time and lasts its
``duration`` (an hour when none is given), or is all day when it has no
time (floating local times: the notes give none of time zones). A cancelled
one stays, with ``STATUS:CANCELLED``, so that calendars drop it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial

from icalendar import Calendar as ICalendar
from icalendar import Component, Event, Todo

from ..analysis.drafts import Draft, draft, in_draft_window
from ..analysis.followups import Item
from ..core.model import Interview, Notebook
from ..core.paths import interview_page
from ..core.urls import page_url
from ..core.vocab import FollowUpKind
from .memo import PageMemo

PRODUCT = "-//interview-kb//follow-ups//EN"
# Rules that can make several items for one interview: the UID also holds
# what the item is about, which the action names.
_PER_THING = (FollowUpKind.PROMISED, FollowUpKind.REFERRAL, FollowUpKind.REMINDER)


def written_by_export(data: bytes) -> bool:
    """Whether ``data`` is a calendar this module wrote (its PRODID tells)."""
    head = data[:4096].replace(b"\r\n", b"\n")
    return head.startswith(b"BEGIN:VCALENDAR\n") and b"\nPRODID:" + PRODUCT.encode() + b"\n" in head


def item_uid(item: Item) -> str:
    """A UID that stays the same while the item is open."""
    parts = [item.kind, item.contact, item.interview or "-"]
    if item.kind in _PER_THING:
        parts.append(hashlib.sha1(item.action.encode("utf-8")).hexdigest()[:10])
    return "/".join(parts) + "@interview-kb"


DEFAULT_MINUTES = 60  # an interview's length when its note gives no duration


def interview_uid(interview: Interview) -> str:
    """The event's UID: the note's name, which stays when the interview moves."""
    return f"interview/{interview.slug}@interview-kb"


def _is_link(text: str) -> bool:
    return text.strip().casefold().startswith(("https://", "http://"))


def interview_event(
    interview: Interview,
    notebook: Notebook,
    stamp: datetime,
    site_url: str | None = None,
    directory_urls: bool | None = True,
) -> Event:
    """One interview as a VEVENT (see the module's text)."""
    contact = notebook.contacts.get(interview.contact)
    name = contact.name if contact else interview.contact
    where = f" ({contact.organization})" if contact and contact.organization else ""
    event = Event()
    event.add("uid", interview_uid(interview))
    event.add("dtstamp", stamp)
    event.add("summary", f"Informational interview with {name}{where}")
    if interview.time is None:
        event.add("dtstart", interview.date)
        event.add("dtend", interview.date + timedelta(days=1))
    else:
        start = datetime.combine(interview.date, interview.time)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=interview.duration or DEFAULT_MINUTES))
    page = page_url(interview_page(interview.slug), directory_urls)
    link = f"{site_url.rstrip('/')}/{page}" if site_url else None
    lines = [f"Prep sheet and notes: {link or page + ' on your notebook site'}"]
    if interview.location:
        event.add("location", interview.location)
        if _is_link(interview.location):
            lines.append(f"Meeting link: {interview.location.strip()}")
    if interview.mode:
        lines.append(f"Mode: {interview.mode}")
    event.add("description", "\n".join(lines))
    if link:
        event.add("url", link)
    event.add("status", "CANCELLED" if interview.cancelled else "CONFIRMED")
    event.add("categories", ["interview"])
    return event


def to_ics(
    items: list[Item],
    notebook: Notebook,
    today: date,
    site_url: str | None = None,
    directory_urls: bool | None = True,
    memo: PageMemo | None = None,
) -> bytes:
    """Every interview as a VEVENT and every item as a VTODO with a DUE date;
    the same notebook gives the same bytes. ``site_url``: where the notebook
    site is served, for the events' links to the interview pages; ``memo``:
    the events and to-dos of earlier builds of ``mkdocs serve``, each kept
    under a key of everything it is made from."""
    calendar = ICalendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interviews and follow-ups")
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    parts: list[bytes] = []
    for slug in sorted(notebook.interviews):
        interview = notebook.interviews[slug]
        contact = notebook.contacts.get(interview.contact)
        made_of = (
            interview,
            contact.name if contact else None,
            contact.organization if contact else None,
            stamp,
            site_url,
            directory_urls,
        )
        parts.append(
            _part(
                memo,
                f"event {interview_uid(interview)}",
                made_of,
                partial(interview_event, interview, notebook, stamp, site_url, directory_urls),
            )
        )
    for item in items:
        message = draft(item, notebook) if in_draft_window(item) else None
        todo = (item, message, stamp)
        parts.append(_part(memo, f"todo {item_uid(item)}", todo, partial(_todo, *todo)))
    head, end = bytes(calendar.to_ical()).split(b"END:VCALENDAR\r\n")
    return head + b"".join(parts) + b"END:VCALENDAR\r\n" + end


def _todo(item: Item, message: Draft | None, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", item_uid(item))
    todo.add("dtstamp", stamp)
    todo.add("summary", item.action)
    todo.add("due", item.due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("categories", [item.kind])
    if message is not None:
        todo.add(
            "description", f"Suggested message\n\nSubject: {message.subject}\n\n{message.body}"
        )
    return todo


def _part(
    memo: PageMemo | None, name: str, made_of: object, make: Callable[[], Component]
) -> bytes:
    """A component as the calendar writes it, from ``memo`` when it has the
    one of that ``name`` made of the same (see ``render.memo``)."""
    if memo is None:
        return bytes(make().to_ical())
    return memo.part(name, made_of, lambda: bytes(make().to_ical()))
