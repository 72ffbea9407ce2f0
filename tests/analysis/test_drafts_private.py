"""Drafted messages quote nothing private: not on the follow-ups page, not in
a mailto: body, not in the calendar."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from icalendar import Calendar

from interview_kb.analysis.drafts import (
    THANK_YOU_PLACEHOLDER,
    compose,
    draft,
    greeting,
    in_draft_window,
)
from interview_kb.analysis.followups import calendar_for, due_items
from interview_kb.core.model import Contact, Options
from interview_kb.core.vocab import DraftKind
from interview_kb.reader.notes import read_notebook
from interview_kb.render.pages import render_pages

from ..conftest import WriteNotebook

TODAY = date(2026, 11, 20)

# Every free text the owner writes for themselves holds a marker ZQPRIV<field>.
NOTES = {
    "contacts/ann-lee.md": """
        ---
        name: Ann Lee
        organization: Vexla Labs
        role: Researcher
        connection: ZQPRIVCONNECTION same course
        email: ann@vexla.example
        greeting: Dear Dr. Lee
        outreach:
          - {date: 2026-11-12, kind: request, note: ZQPRIVOUTREACH asked about studies}
        ---
        ZQPRIVCONTACTBODY
        """,
    "contacts/bo-park.md": """
        ---
        name: Bo Park
        organization: Quorra
        email: bo@quorra.example
        connection: ZQPRIVBOCONNECTION met at a meetup
        introduced_by: ann-lee
        ---
        ZQPRIVBOBODY
        """,
    "contacts/cy-moss.md": """
        ---
        name: Cy Moss
        email: cy@moss.example
        outreach:
          - {date: 2026-07-20, kind: request, note: ZQPRIVCYOUTREACH}
          - {date: 2026-07-21, kind: reply, note: ZQPRIVCYREPLY}
        ---
        """,
    "contacts/dee-rao.md": """
        ---
        name: Dee Rao
        email: dee@rao.example
        ---
        """,
    "interviews/2026-11-18-bo-park.md": """
        ---
        contact: bo-park
        date: 2026-11-18
        location: ZQPRIVPLACE
        questions:
          - ask: What surprised you?
            answer: ZQPRIVANSWER the pace
        referrals:
          - {name: Eve Stone, note: ZQPRIVREFERRALNOTE}
        promised:
          - the slide deck
        reflection:
          learned: ZQPRIVLEARNED research comes later
          went_well: ZQPRIVWENTWELL
          improve: ZQPRIVIMPROVE
          next_steps: [ZQPRIVNEXTSTEP]
        ---
        ZQPRIVINTERVIEWBODY
        """,
    "interviews/2026-08-01-cy-moss.md": """
        ---
        contact: cy-moss
        date: 2026-08-01
        thank_you: 2026-08-02
        reflection:
          learned: ZQPRIVCYLEARNED
        ---
        ZQPRIVCYBODY
        """,
    "interviews/2026-11-19-dee-rao.md": """
        ---
        contact: dee-rao
        date: 2026-11-19
        thank_you_note: your tip about critique nights, which I will try next week
        reflection:
          learned: ZQPRIVDEELEARNED
        ---
        """,
}


def _markers(text: str) -> list[str]:
    return sorted(set(re.findall(r"ZQPRIV[A-Z]+", text)))


def test_no_draft_quotes_a_private_note(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    notebook = read_notebook(root)
    assert not notebook.errors, notebook.problems
    options = Options(today=TODAY)
    items = due_items(notebook, TODAY, options, calendar_for(options))
    drafted = {
        item.kind: message
        for item in items
        if in_draft_window(item) and (message := draft(item, notebook)) is not None
    }
    assert set(drafted) >= {"thank-you", "follow-up", "promised", "reconnect"}, drafted
    for message in drafted.values():
        assert not _markers(message.subject + message.body), message

    pages = render_pages(notebook, TODAY, options)
    follow_ups = str(pages["follow-ups.md"])
    assert "Suggested message" in follow_ups
    mailtos = [unquote(m) for m in re.findall(r'href="(mailto:[^"]+)"', follow_ups)]
    assert mailtos and all("body=" in m for m in mailtos)
    assert not _markers(follow_ups + "".join(mailtos))
    ics = pages["follow-ups.ics"]
    assert isinstance(ics, bytes)
    descriptions = [
        str(todo.get("description", "")) for todo in Calendar.from_ical(ics).walk("VTODO")
    ]
    assert any("Suggested message" in d for d in descriptions)
    # The to-dos (and their drafts) quote nothing private; the interviews'
    # events carry their own place, as a private calendar should.
    todos = b"".join(todo.to_ical() for todo in Calendar.from_ical(ics).walk("VTODO"))
    assert not _markers(todos.decode("utf-8") + "".join(descriptions))


def test_no_draft_of_any_kind_quotes_a_private_note(write_notebook: WriteNotebook) -> None:
    notebook = read_notebook(write_notebook(NOTES))
    cases = [
        (DraftKind.REQUEST, "ann-lee", None),
        (DraftKind.REQUEST, "bo-park", None),
        (DraftKind.REQUEST, "dee-rao", None),
        (DraftKind.FOLLOW_UP, "ann-lee", None),
        (DraftKind.TRY_ANOTHER, "ann-lee", None),
        (DraftKind.RECONNECT, "cy-moss", None),
        (DraftKind.THANK_YOU, "2026-11-18-bo-park", None),
        (DraftKind.PROMISED, "2026-11-18-bo-park", None),
        (DraftKind.REFERRAL, "2026-11-18-bo-park", "Eve Stone"),
    ]
    for kind, slug, to in cases:
        found = compose(notebook, kind, slug, to, TODAY)
        text = found.to + found.draft.subject + found.draft.body
        # A warm first request names the addressee's own connection, and only that.
        allowed = ["ZQPRIVCONNECTION"] if (kind, slug) == (DraftKind.REQUEST, "ann-lee") else []
        assert _markers(text) == allowed, (kind, slug, text)
    # Bo was introduced by Ann: the request names Ann, not Bo's own note.
    bo = compose(notebook, DraftKind.REQUEST, "bo-park")
    assert bo.draft.subject == "Ann Lee suggested I get in touch"


def test_thank_you_uses_the_note_or_a_placeholder(write_notebook: WriteNotebook) -> None:
    notebook = read_notebook(write_notebook(NOTES))
    options = Options(today=TODAY)
    thanks = {
        item.contact: draft(item, notebook)
        for item in due_items(notebook, TODAY, options, calendar_for(options))
        if item.kind == "thank-you"
    }
    dee, bo = thanks["dee-rao"], thanks["bo-park"]
    assert dee is not None and bo is not None
    assert "Your tip about critique nights, which I will try next week." in dee.body
    assert THANK_YOU_PLACEHOLDER in bo.body
    assert THANK_YOU_PLACEHOLDER not in dee.body
    assert bo.body.startswith("Hi Bo,\n\n") and dee.body.startswith("Hi Dee,\n\n")


def test_greeting() -> None:
    def contact(**kw: object) -> Contact:
        return Contact(slug="x", path="x", name="Mei Lin Zhou", **kw)  # type: ignore[arg-type]

    assert greeting(contact()) == "Hi Mei"
    assert greeting(contact(greeting="Dear Dr. Lin,")) == "Dear Dr. Lin"
    assert greeting(contact(greeting="  Hi   Mei Lin ")) == "Hi Mei Lin"
    assert greeting(contact(greeting="   ")) == "Hi Mei"


def test_follow_up_draft_opens_with_the_greeting(
    write_notebook: WriteNotebook, tmp_path: Path
) -> None:
    notebook = read_notebook(write_notebook(NOTES))
    options = Options(today=TODAY)
    (follow_up,) = [
        i
        for i in due_items(notebook, TODAY, options, calendar_for(options))
        if i.kind == "follow-up"
    ]
    message = draft(follow_up, notebook)
    assert message is not None and message.body.startswith("Dear Dr. Lee,\n\n")
    assert "as Researcher at Vexla Labs" in message.body


def test_greeting_and_thank_you_note_are_escaped_on_pages(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/eve.md": "---\nname: Eve Stone\nemail: eve@x.example\n"
            "greeting: '<b>Dear</b> Eve & co'\n---\n",
            "interviews/2026-11-19-eve.md": "---\ncontact: eve\ndate: 2026-11-19\n"
            "thank_you_note: '<script>alert(1)</script> the tip'\n---\n",
        }
    )
    notebook = read_notebook(root)
    pages = render_pages(notebook, TODAY, Options(today=TODAY))
    every = "".join(str(p) for name, p in pages.items() if name.endswith(".md"))
    assert "<script>" not in every and "<b>Dear</b>" not in every
    assert "&lt;b&gt;Dear&lt;/b&gt; Eve &amp; co" in every
    assert "&lt;script&gt;alert(1)&lt;/script&gt; the tip" in every
