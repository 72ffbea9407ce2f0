"""Dates that read well but cannot be right, as warnings.

The reader checks that a date is a date; these checks need "today" and the
relations between dates, so they run over the notebook once it is read:

- an outreach event dated after today (a typo in the year or the month);
- a ``thank_you`` or a ``received`` date before the interview it belongs to;
- an interview held a week ago or more with neither answers nor reflection:
  did it happen? (cancel it, or write what you learned).

Each warning points at the line of the date in the note. The model keeps no
line numbers, so the line is found again in the note's text (given by the
caller, who read the files): the first line of the front-matter that writes
that key with that date, else line 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..core.model import Contact, Interview, Notebook, Problem

#: How long after an interview it may go without answers or a reflection.
QUIET_DAYS = 7


def date_warnings(
    notebook: Notebook, today: date, text_of: Callable[[str], str | None]
) -> list[Problem]:
    """Every warning of the module, by note path then line. ``text_of(path)``
    gives a note's text (None when it cannot be read)."""
    found: list[Problem] = []
    for contact in notebook.contacts.values():
        found += _future_outreach(contact, today, text_of)
    for interview in notebook.interviews.values():
        found += _dates_before(interview, text_of)
        found += _quiet(interview, today)
    return sorted(found, key=lambda p: (p.path, p.line, p.message))


def _line(text: str | None, key: str, day: date) -> int:
    """The line of the first ``key: day`` (or ``key: day`` inside a flow
    mapping) in ``text``, else 1."""
    if text is None:
        return 1
    pattern = re.compile(rf"\b{re.escape(key)}\s*:\s*['\"]?{day.isoformat()}")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1


def _future_outreach(
    contact: Contact, today: date, text_of: Callable[[str], str | None]
) -> list[Problem]:
    late = [event for event in contact.outreach if event.date > today]
    text = text_of(contact.path) if late else None  # a file is read only to place a warning
    return [
        Problem(
            contact.path,
            _line(text, "date", event.date),
            "warning",
            f"outreach {event.kind} is dated {event.date.isoformat()}, after today "
            f"({today.isoformat()}): check the year and the month",
        )
        for event in late
    ]


def _dates_before(interview: Interview, text_of: Callable[[str], str | None]) -> list[Problem]:
    found: list[Problem] = []
    read: list[str | None] = []  # the note's text, read once and only for a warning

    def text() -> str | None:
        if not read:
            read.append(text_of(interview.path))
        return read[0]

    held = interview.date.isoformat()
    if interview.thank_you is not None and interview.thank_you < interview.date:
        found.append(
            Problem(
                interview.path,
                _line(text(), "thank_you", interview.thank_you),
                "warning",
                f"thank_you {interview.thank_you.isoformat()} is before the interview ({held}): "
                "check the date",
            )
        )
    for promise in interview.promised:
        if promise.received_on is not None and promise.received_on < interview.date:
            found.append(
                Problem(
                    interview.path,
                    _line(text(), "received", promise.received_on),
                    "warning",
                    f"'{promise.item}' is marked received on {promise.received_on.isoformat()}, "
                    f"before the interview ({held}): check the date",
                )
            )
    return found


def _quiet(interview: Interview, today: date) -> list[Problem]:
    if not interview.is_held(today) or today < interview.date + timedelta(days=QUIET_DAYS):
        return []
    answered = any(q.answer for q in interview.questions)
    if answered or (interview.reflection is not None and not interview.reflection.is_empty()):
        return []
    return [
        Problem(
            interview.path,
            1,
            "warning",
            f"the interview of {interview.date.isoformat()} has no answers and no reflection "
            f"a week later: did it happen? Cancel it (status: cancelled) or write what you "
            "learned",
        )
    ]
