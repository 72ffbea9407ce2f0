"""Interviews as calendar events beside the follow-up to-dos, checked with
two parsers: icalendar (which writes the file) and vobject (independent)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

import icalendar
import vobject

from interview_kb.analysis.followups import due_items
from interview_kb.core.model import Contact, Interview, Notebook, Options, Reminder
from interview_kb.core.vocab import InterviewStatus, Mode
from interview_kb.reader.notes import read_notebook
from interview_kb.render.ical import interview_uid, to_ics, written_by_export

from ..conftest import REPO

TODAY = date(2026, 11, 20)


def notebook() -> Notebook:
    jane = Contact(
        slug="jane-doe",
        path="contacts/jane-doe.md",
        name="Jane Doe",
        organization="Acme, Inc.",
        reminders=(Reminder(date(2027, 3, 1), "Try again; after the launch"),),
    )
    timed = Interview(
        slug="2026-12-02-jane-doe",
        path="interviews/2026-12-02-jane-doe.md",
        contact="jane-doe",
        date=date(2026, 12, 2),
        time=time(14, 30),
        duration=45,
        mode=Mode.VIDEO,
        location="https://meet.example/jane",
    )
    all_day = Interview(
        slug="2026-11-03-jane-doe",
        path="interviews/2026-11-03-jane-doe.md",
        contact="jane-doe",
        date=date(2026, 11, 3),
        location="Café Nord, Main St",
        thank_you=date(2026, 11, 4),
    )
    cancelled = Interview(
        slug="2026-11-10-jane-doe",
        path="interviews/2026-11-10-jane-doe.md",
        contact="jane-doe",
        date=date(2026, 11, 10),
        time=time(9, 0),
        status=InterviewStatus.CANCELLED,
    )
    interviews = {i.slug: i for i in (timed, all_day, cancelled)}
    return Notebook(contacts={"jane-doe": jane}, interviews=interviews)


def ics(book: Notebook, site_url: str | None = "https://me.example/notes/") -> bytes:
    return to_ics(due_items(book, TODAY, Options()), book, TODAY, site_url)


def test_events_and_todos_in_two_parsers() -> None:
    data = ics(notebook())
    assert written_by_export(data)

    parsed = vobject.readOne(data.decode("utf-8"))
    events = {e.uid.value: e for e in parsed.vevent_list}
    todos = {t.uid.value: t for t in parsed.vtodo_list}
    assert set(events) == {
        "interview/2026-12-02-jane-doe@interview-kb",
        "interview/2026-11-03-jane-doe@interview-kb",
        "interview/2026-11-10-jane-doe@interview-kb",
    }
    timed = events["interview/2026-12-02-jane-doe@interview-kb"]
    assert timed.dtstart.value == datetime(2026, 12, 2, 14, 30)
    assert timed.dtend.value == datetime(2026, 12, 2, 15, 15)
    assert timed.location.value == "https://meet.example/jane"
    assert timed.summary.value == "Informational interview with Jane Doe (Acme, Inc.)"
    assert timed.description.value.splitlines() == [
        "Prep sheet and notes: https://me.example/notes/interviews/2026-12-02-jane-doe/",
        "Meeting link: https://meet.example/jane",
        "Mode: video",
    ]
    assert timed.status.value == "CONFIRMED"
    all_day = events["interview/2026-11-03-jane-doe@interview-kb"]
    assert all_day.dtstart.value == date(2026, 11, 3)
    assert all_day.dtend.value == date(2026, 11, 4)
    assert all_day.location.value == "Café Nord, Main St"
    assert events["interview/2026-11-10-jane-doe@interview-kb"].status.value == "CANCELLED"
    # The to-dos are still there, the reminder (rule 9) among them.
    kinds = sorted(t.categories.value[0] for t in todos.values())
    assert kinds == ["prepare", "reconnect", "reflection", "reminder"]

    # The same file in the parser that wrote it.
    calendar = icalendar.Calendar.from_ical(data)
    again = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(again) == set(events)
    start = again["interview/2026-12-02-jane-doe@interview-kb"].decoded("dtstart")
    assert start == datetime(2026, 12, 2, 14, 30)
    assert len(calendar.walk("VTODO")) == len(todos)


def test_an_event_keeps_its_uid_when_the_interview_moves() -> None:
    book = notebook()
    slug = "2026-12-02-jane-doe"
    moved = dataclasses.replace(book.interviews[slug], date=date(2026, 12, 9), time=None)
    other = Notebook(contacts=book.contacts, interviews={**book.interviews, slug: moved})
    first = vobject.readOne(ics(book).decode()).vevent_list
    second = vobject.readOne(ics(other).decode()).vevent_list
    assert [e.uid.value for e in first] == [e.uid.value for e in second]
    assert interview_uid(moved) == f"interview/{slug}@interview-kb"
    changed = next(e for e in second if e.uid.value == interview_uid(moved))
    assert changed.dtstart.value == date(2026, 12, 9)
    # The same notebook gives the same bytes.
    assert ics(book) == ics(book)


def test_without_a_site_url_the_description_names_the_page() -> None:
    parsed = vobject.readOne(ics(notebook(), None).decode())
    timed = next(e for e in parsed.vevent_list if e.uid.value.startswith("interview/2026-12-02"))
    assert timed.description.value.splitlines()[0] == (
        "Prep sheet and notes: interviews/2026-12-02-jane-doe/ on your notebook site"
    )
    assert "url" not in timed.contents


def test_the_example_notebook_calendar_parses_in_vobject() -> None:
    options = Options(today=TODAY)
    book = read_notebook(REPO)
    data = to_ics(due_items(book, TODAY, options), book, TODAY)
    parsed = vobject.readOne(data.decode("utf-8"))
    assert len(parsed.vevent_list) == len(book.interviews)
    assert len(parsed.vtodo_list) == len(due_items(book, TODAY, options))
    assert any(t.categories.value == ["reminder"] for t in parsed.vtodo_list)


def test_only_its_own_files_count_as_written_by_export() -> None:
    assert not written_by_export(b"BEGIN:VCALENDAR\r\nPRODID:-//someone else//EN\r\n")
    assert not written_by_export(b"name: Jane\n")
    assert written_by_export(ics(notebook()).replace(b"\r\n", b"\n"))
