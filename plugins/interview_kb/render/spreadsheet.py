"""Contacts and interviews as CSV files a spreadsheet opens cleanly
(``interview-kb export csv``).

One row per note and a column per front-matter field, in the order of
docs/notes.md, plus what the pages work out (a contact's status and last
interaction, an interview's status). Lists go one entry per line inside their
cell. The file is UTF-8 with a byte-order mark, which Excel needs to read it
as UTF-8; the ``csv`` module quotes a cell holding a comma, a quote or a line
break. A cell that a spreadsheet would run as a formula (it starts with ``=``,
``@``, a tab or a carriage return, or with ``+`` or ``-`` and is not a phone
number or a number) is written with an apostrophe in front, as spreadsheets
themselves mark text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, time

from ..analysis.followups import contact_rows
from ..core.model import Contact, Interview, Notebook, Options, interview_order
from ..core.wording import clock
from .text import interview_status

CONTACT_COLUMNS = (
    "slug",
    "name",
    "role",
    "organization",
    "seniority",
    "years_experience",
    "warmth",
    "connection",
    "introduced_by",
    "interest",
    "email",
    "phone",
    "linkedin",
    "website",
    "location",
    "local",
    "tags",
    "aliases",
    "greeting",
    "outreach",
    "status",
    "last_interaction",
    "path",
)

INTERVIEW_COLUMNS = (
    "slug",
    "contact",
    "contact_name",
    "organization",
    "date",
    "time",
    "status",
    "mode",
    "duration",
    "location",
    "questions",
    "referrals",
    "promised",
    "resources",
    "thank_you",
    "thank_you_note",
    "learned",
    "went_well",
    "improve",
    "still_interested",
    "rating",
    "next_steps",
    "share",
    "path",
)

Cell = str | int | float | bool | date | time | None
_NUMBER_LIKE = re.compile(r"[+-][\d\s().\-/]*")


def cell_text(value: Cell | Iterable[str]) -> str:
    """A value as the text of a cell: dates in ISO form, yes/no, lists one per line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, time):
        return clock(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, str):
        return _defused(value)
    return _defused("\n".join(value))


def _defused(text: str) -> str:
    """``text``, with an apostrophe in front when a spreadsheet would run it as a formula."""
    if text[:1] in ("=", "@", "\t", "\r") or (
        text[:1] in ("+", "-") and not _NUMBER_LIKE.fullmatch(text)
    ):
        return "'" + text
    return text


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[Cell | Iterable[str]]]) -> bytes:
    """A header and rows as CSV bytes: UTF-8 with a byte-order mark, CRLF line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel")  # quotes only where needed, "" for a quote
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def _outreach(contact: Contact) -> list[str]:
    lines = []
    for event in contact.outreach:
        line = f"{event.date.isoformat()} {event.kind}"
        if event.channel:
            line += f" ({event.channel})"
        if event.note:
            line += f": {' '.join(event.note.split())}"
        lines.append(line)
    return lines


def contacts_csv(notebook: Notebook, today: date, options: Options) -> bytes:
    """Every contact, by slug: the columns of ``CONTACT_COLUMNS``."""
    computed = {row["slug"]: row for row in contact_rows(notebook, today, options)}
    rows = []
    for slug in sorted(notebook.contacts):
        c = notebook.contacts[slug]
        rows.append(
            (
                c.slug,
                c.name,
                c.role,
                c.organization,
                c.seniority,
                c.years_experience,
                c.warmth,
                c.connection,
                c.introduced_by,
                [str(i) for i in c.interest],
                c.email,
                c.phone,
                c.linkedin,
                c.website,
                c.location,
                c.local,
                list(c.tags),
                list(c.aliases),
                c.greeting,
                _outreach(c),
                str(computed[slug]["status"]),
                str(computed[slug]["last_interaction"] or ""),
                c.path,
            )
        )
    return to_csv(CONTACT_COLUMNS, rows)


def _questions(notebook: Notebook, interview: Interview) -> list[str]:
    lines = []
    for asked in interview.questions:
        bank = notebook.bank_question(asked)
        text = asked.text or (bank.text if bank else asked.id) or ""
        lines.append(f"{text} | {asked.answer}" if asked.answer else text)
    return lines


def interviews_csv(notebook: Notebook, today: date) -> bytes:
    """Every interview, by date, time and slug: the columns of ``INTERVIEW_COLUMNS``."""
    rows = []
    for i in sorted(notebook.interviews.values(), key=interview_order):
        contact = notebook.contacts.get(i.contact)
        reflection = i.reflection
        rows.append(
            (
                i.slug,
                i.contact,
                contact.name if contact else None,
                contact.organization if contact else None,
                i.date,
                i.time,
                interview_status(i, today),
                i.mode,
                i.duration,
                i.location,
                _questions(notebook, i),
                [r.name or r.contact or "" for r in i.referrals],
                [
                    p.item
                    + (
                        f" (received {p.received_on.isoformat()})"
                        if p.received_on
                        else " (received)"
                        if p.received
                        else ""
                    )
                    for p in i.promised
                ],
                [f"{r.title} {r.url}" if r.url else r.title for r in i.resources],
                i.thank_you,
                i.thank_you_note,
                reflection.learned if reflection else None,
                reflection.went_well if reflection else None,
                reflection.improve if reflection else None,
                reflection.still_interested if reflection else None,
                reflection.rating if reflection else None,
                list(reflection.next_steps) if reflection else [],
                "only: " + "; ".join(i.share_only) if i.share_only else i.share,
                i.path,
            )
        )
    return to_csv(INTERVIEW_COLUMNS, rows)
