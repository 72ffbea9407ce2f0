"""Suggested messages for follow-up items, drafted from the notes.

A draft is a starting point the owner edits before sending: it opens with
the contact's ``greeting``, names the day you spoke and what was promised.
It never quotes what the owner wrote for themselves (note bodies, outreach
notes, reflections, answers, another contact's ``connection``): only the
interview's ``thank_you_note``, or else a bracketed placeholder to fill in,
and structured fields (names, role, organization, dates, promised items).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Contact, Interview, Notebook, Promise
from ..core.vocab import FollowUpKind
from ..core.wording import day_and_month
from .followups import Item

DRAFTED_KINDS = (
    FollowUpKind.THANK_YOU,
    FollowUpKind.FOLLOW_UP,
    FollowUpKind.PROMISED,
    FollowUpKind.RECONNECT,
)
# A message is drafted for what is due within the week or fell due in the
# last month. Further ahead it would be stale by the time it is sent; a month
# late, its wording (thanks for our talk on 6 November) no longer fits and the
# person needs their own words. A notebook of years also has hundreds of old
# items, whose drafts would weigh on the follow-ups page and the calendar.
DRAFT_DAYS_AHEAD = 7
DRAFT_DAYS_BEHIND = 30


def in_draft_window(item: Item) -> bool:
    """Whether ``item`` is due soon enough, and late little enough, to draft a message."""
    return -DRAFT_DAYS_AHEAD <= item.days_overdue <= DRAFT_DAYS_BEHIND


@dataclass(frozen=True)
class Draft:
    """A message: its subject and body, as plain text."""

    subject: str
    body: str


def first_name(contact: Contact) -> str:
    """The name to open a message with: the first word of the contact's name."""
    return contact.name.split()[0] if contact.name.split() else contact.name


# Where the thank-you has no ``thank_you_note``: the owner fills it in.
THANK_YOU_PLACEHOLDER = "[One thing from our conversation that you will act on, in your words.]"


def greeting(contact: Contact) -> str:
    """How a message to ``contact`` opens: their ``greeting``, else "Hi" and
    the first name, without a final comma (the draft adds it)."""
    if contact.greeting and contact.greeting.strip():
        return " ".join(contact.greeting.split()).rstrip(",:;")
    return f"Hi {first_name(contact)}"


def _open_promises(interview: Interview) -> list[Promise]:
    return [p for p in interview.promised if not p.received]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def draft(item: Item, notebook: Notebook) -> Draft | None:
    """The suggested message for a thank-you, follow-up, promised or reconnect item."""
    contact = notebook.contacts.get(item.contact)
    if contact is None or item.kind not in DRAFTED_KINDS:
        return None
    hello = greeting(contact)
    interview = notebook.interviews.get(item.interview) if item.interview else None
    where = f" at {contact.organization}" if contact.organization else ""
    if item.kind == FollowUpKind.THANK_YOU and interview is not None:
        on = day_and_month(interview.date)
        lines = [f"Thank you for making the time to talk with me on {on}."]
        note = interview.thank_you_note
        if note and note.strip():
            sentence = _sentence(note)
            lines.append(sentence[0].upper() + sentence[1:])
        else:
            lines.append(THANK_YOU_PLACEHOLDER)
        promises = _open_promises(interview)
        if promises:
            lines.append(
                f"And thank you for offering to send {promises[0].item}; I look forward to it."
            )
        lines.append("I will let you know how things go.")
        return Draft(
            f"Thank you for our conversation on {day_and_month(interview.date)}",
            f"{hello},\n\n" + " ".join(lines) + "\n\nBest wishes,",
        )
    if item.kind == FollowUpKind.FOLLOW_UP:
        role = f" as {contact.role}" if contact.role else ""
        return Draft(
            "Following up: a short conversation about your work",
            f"{hello},\n\nI am following up on my message from last week in case it got "
            f"buried. I would value twenty minutes to hear about your work{role}{where}, "
            "at whatever time suits you in the coming weeks. If now is not a good moment, "
            "no problem at all.\n\nBest wishes,",
        )
    if item.kind == FollowUpKind.PROMISED and interview is not None:
        promises = _open_promises(interview)
        named = [p for p in promises if p.item in item.action] or promises
        thing = named[0].item if named else "what you mentioned"
        return Draft(
            f"Following up on our conversation on {day_and_month(interview.date)}",
            f"{hello},\n\nThank you again for our conversation on "
            f"{day_and_month(interview.date)}. You kindly offered to send {thing}; it would "
            "still be very helpful whenever you have a moment.\n\nBest wishes,",
        )
    if item.kind == FollowUpKind.RECONNECT:
        return Draft(
            "News since we last spoke",
            f"{hello},\n\nIt has been a while since we spoke, and I wanted to tell you "
            "where things stand: [your news, and how their advice helped]. I hope all is "
            f"well{where}.\n\nBest wishes,",
        )
    return None
