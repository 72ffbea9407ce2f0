"""The timeline: everything that happened with each contact, and the outreach funnel.

Pure functions of a ``Notebook`` and the date taken as today. Events come
from the contacts' outreach, from the interviews (held, upcoming or
cancelled, on the interview's date), from thank-you dates and from the dates
promised things arrived. Readings where the contract leaves a choice:

- An interview today is held (docs/notes.md), so it is an ``interview`` event,
  not ``interview-scheduled``. A thank-you is an event for any interview that
  is not cancelled; a promise is an event only when its arrival date is known.
- Events are newest first; on one day, by contact slug, then latest first
  in the order a day's events happen (a reply above its request, a thank-you
  above its interview), then by interview slug.
- The funnel counts contacts, not events. *Asked*: a ``request`` event.
  *Answered*: asked, and a ``reply`` or ``declined`` event or an interview
  that is not cancelled, whatever their dates. *Interviewed*: a held
  interview; *thanked*: a held interview with ``thank_you``. Interviewed and
  thanked count every contact, asked or not (someone met without a written
  request still counts), so they are not always subsets of *asked*.
- Warm and cold use the contact's warmth after inference; a contact with no
  warmth counts as ``unknown``.
- Activity per month counts events, not contacts, up to today: ``request``
  events, answers (``reply`` and ``declined``, as the funnel counts a no), and
  held interviews; from the month of the first such event to today's month,
  quiet months included (a stall shows).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from ..core.model import Contact, Interview, Notebook
from ..core.wording import clock, count_of

#: Event kinds besides the outreach kinds, in the order a day's events happen.
INTERVIEW_KINDS = ("interview-scheduled", "interview", "interview-cancelled")
EVENT_KINDS = (
    "request",
    "follow-up",
    "reply",
    "declined",
    *INTERVIEW_KINDS,
    "thank-you",
    "promised-received",
    "update",
    "note",
    "closed",
)
_KIND_ORDER = {kind: index for index, kind in enumerate(EVENT_KINDS)}

WARMTH_GROUPS = ("warm", "cold", "unknown")


_CHANNELS = {
    "email": "by email",
    "linkedin": "on LinkedIn",
    "phone": "by phone",
    "in-person": "in person",
    "other": "",
}
_OUTREACH_TEXT = {
    "request": "Asked for an informational interview",
    "follow-up": "Sent a reminder",
    "reply": "Replied",
    "declined": "Declined",
    "update": "Sent an update",
    "note": "Note",
    "closed": "Closed (no more reminders)",
}


@dataclass(frozen=True)
class Event:
    """One dated thing in the history of a contact.

    ``kind`` is an outreach kind or one of ``interview`` (held),
    ``interview-scheduled`` (upcoming), ``interview-cancelled``,
    ``thank-you`` and ``promised-received``; ``interview`` is the slug of the
    interview it belongs to, if any; ``text`` is one plain sentence (from the
    notes: escape it before it goes into Markdown).
    """

    date: date
    kind: str
    contact: str
    interview: str | None
    text: str


def _outreach_text(kind: str, channel: str | None, note: str | None) -> str:
    text = _OUTREACH_TEXT[kind]
    how = _CHANNELS.get(channel or "", "")
    if how and kind != "closed":
        text += f" {how}"
    return f"{text}: {note}" if note else text


def _interview_text(interview: Interview, kind: str) -> str:
    text = {
        "interview": "Interview",
        "interview-scheduled": "Interview coming up",
        "interview-cancelled": "Interview cancelled",
    }[kind]
    details = [interview.mode or ""]
    if interview.time is not None:
        details.append(clock(interview.time))
    if interview.duration:
        details.append(count_of(interview.duration, "minute"))
    shown = ", ".join(d for d in details if d)
    return f"{text} ({shown})" if shown and kind != "interview-cancelled" else text


def _contact_events(contact: Contact) -> Iterator[tuple[Event, int]]:
    for index, event in enumerate(contact.outreach):
        text = _outreach_text(event.kind, event.channel, event.note)
        yield Event(event.date, event.kind, contact.slug, None, text), index


def _interview_events(interview: Interview, today: date) -> Iterator[tuple[Event, int]]:
    if interview.cancelled:
        kind = "interview-cancelled"
    elif interview.is_held(today):
        kind = "interview"
    else:
        kind = "interview-scheduled"
    slug, contact = interview.slug, interview.contact
    yield Event(interview.date, kind, contact, slug, _interview_text(interview, kind)), 0
    if interview.cancelled:
        return
    if interview.thank_you is not None:
        yield Event(interview.thank_you, "thank-you", contact, slug, "Sent a thank-you note"), 0
    for index, promise in enumerate(interview.promised):
        if promise.received_on is not None:
            text = f"Received \u201c{promise.item}\u201d"
            yield Event(promise.received_on, "promised-received", contact, slug, text), index


def _sorted(found: list[tuple[Event, int]]) -> list[Event]:
    def key(item: tuple[Event, int]) -> tuple[int, str, int, str, int]:
        event, index = item
        order = _KIND_ORDER[event.kind]
        return (-event.date.toordinal(), event.contact, -order, event.interview or "", -index)

    return [event for event, _ in sorted(found, key=key)]


def events(notebook: Notebook, today: date) -> list[Event]:
    """Every event of the notebook, newest first (see the module for the order)."""
    found: list[tuple[Event, int]] = []
    for contact in notebook.contacts.values():
        found.extend(_contact_events(contact))
    for interview in notebook.interviews.values():
        found.extend(_interview_events(interview, today))
    return _sorted(found)


def contact_events(notebook: Notebook, slug: str, today: date) -> list[Event]:
    """The events of one contact, newest first."""
    found: list[tuple[Event, int]] = []
    contact = notebook.contacts.get(slug)
    if contact is not None:
        found.extend(_contact_events(contact))
    for interview in notebook.interviews_of(slug):
        found.extend(_interview_events(interview, today))
    return _sorted(found)


# ---------------------------------------------------------------------------
# the funnel


@dataclass(frozen=True)
class Stages:
    """How many contacts reached each stage of the funnel."""

    contacts: int = 0
    asked: int = 0
    answered: int = 0
    interviewed: int = 0
    thanked: int = 0

    @property
    def response_rate(self) -> float | None:
        """Answered out of asked; None when nobody was asked."""
        return self.answered / self.asked if self.asked else None


def _empty_groups() -> Mapping[str, Stages]:
    return MappingProxyType({group: Stages() for group in WARMTH_GROUPS})


@dataclass(frozen=True)
class Funnel:
    """The outreach funnel, overall and by warmth (``warm``, ``cold``, ``unknown``)."""

    overall: Stages = Stages()
    by_warmth: Mapping[str, Stages] = field(default_factory=_empty_groups)

    @property
    def response_rate(self) -> float | None:
        """Answered out of asked, over every contact."""
        return self.overall.response_rate


def _stages(contact: Contact, interviews: tuple[Interview, ...], today: date) -> Stages:
    kinds = {event.kind for event in contact.outreach}
    asked = "request" in kinds
    answered = asked and (
        bool(kinds & {"reply", "declined"}) or any(not i.cancelled for i in interviews)
    )
    held = [i for i in interviews if i.is_held(today)]
    return Stages(
        contacts=1,
        asked=int(asked),
        answered=int(answered),
        interviewed=int(bool(held)),
        thanked=int(any(i.thank_you is not None for i in held)),
    )


def _add(a: Stages, b: Stages) -> Stages:
    return Stages(
        a.contacts + b.contacts,
        a.asked + b.asked,
        a.answered + b.answered,
        a.interviewed + b.interviewed,
        a.thanked + b.thanked,
    )


def funnel(notebook: Notebook, today: date) -> Funnel:
    """How many contacts were asked, answered, interviewed and thanked, overall
    and by warmth (see the module for what each stage counts)."""
    overall = Stages()
    groups = dict.fromkeys(WARMTH_GROUPS, Stages())
    for slug in sorted(notebook.contacts):
        contact = notebook.contacts[slug]
        stages = _stages(contact, notebook.interviews_of(slug), today)
        overall = _add(overall, stages)
        group = contact.warmth if contact.warmth in WARMTH_GROUPS else "unknown"
        groups[group] = _add(groups[group], stages)
    return Funnel(overall, MappingProxyType(groups))


# ---------------------------------------------------------------------------
# activity per month


@dataclass(frozen=True)
class Month:
    """What happened in one calendar month (``month`` is its first day)."""

    month: date
    requests: int = 0
    replies: int = 0
    interviews: int = 0


_ACTIVITY = {
    "request": "requests",
    "reply": "replies",
    "declined": "replies",
    "interview": "interviews",
}


def activity(notebook: Notebook, today: date) -> list[Month]:
    """Requests, replies (a no included) and held interviews per month, oldest
    first, from the first month with any to today's month (see the module)."""
    counts: dict[date, dict[str, int]] = {}
    for event in events(notebook, today):
        name = _ACTIVITY.get(event.kind)
        if name and event.date <= today:
            row = counts.setdefault(event.date.replace(day=1), {})
            row[name] = row.get(name, 0) + 1
    if not counts:
        return []
    months = []
    month, last = min(counts), today.replace(day=1)
    while month <= last:
        months.append(Month(month, **counts.get(month, {})))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


# ---------------------------------------------------------------------------
# pages
