"""The pipeline board: a column per stage, a card per contact, the next action."""

from __future__ import annotations

from datetime import date

from interview_kb.analysis.board import COLUMNS, board
from interview_kb.analysis.followups import contact_status, due_items
from interview_kb.core.model import Options

from .test_followups import book, person, talk

TODAY = date(2026, 11, 20)


def test_every_status_has_one_column_in_order() -> None:
    keys = [key for key, _ in COLUMNS]
    assert keys == ["not-contacted", "asked", "replied", "scheduled", "interviewed", "closed"]
    statuses = [s for _, held in COLUMNS for s in held]
    assert sorted(statuses) == sorted(
        {
            "closed",
            "interviewed",
            "scheduled",
            "declined",
            "replied",
            "no-response",
            "followed-up",
            "requested",
            "not-contacted",
        }
    )
    assert len(statuses) == len(set(statuses))


def test_contacts_land_in_their_columns_with_their_next_action() -> None:
    notebook = book(
        person("zed"),
        person("amy"),
        person("asked", ("2026-11-15", "request")),
        person("chased", ("2026-11-10", "request"), ("2026-11-16", "follow-up")),
        person("gone", ("2026-10-01", "request"), ("2026-10-08", "follow-up")),
        person("no", ("2026-11-01", "request"), ("2026-11-02", "declined")),
        person("yes", ("2026-11-01", "request"), ("2026-11-02", "reply")),
        person("soon"),
        talk("soon", "2026-11-30"),
        person("met"),
        talk("met", "2026-11-10", thank_you=None),
        person("done", ("2026-11-01", "closed")),
    )
    items = due_items(notebook, TODAY, Options())
    columns = board(notebook, TODAY, Options(), items)
    placed = {c.key: [card.contact.slug for card in c.cards] for c in columns}
    assert placed == {
        "not-contacted": ["amy", "zed"],  # by name
        "asked": ["asked", "chased"],
        "replied": ["yes"],
        "scheduled": ["soon"],
        "interviewed": ["met"],
        "closed": ["done", "gone", "no"],
    }
    cards = {card.contact.slug: card for c in columns for card in c.cards}
    for slug, card in cards.items():
        assert card.status == contact_status(notebook, slug, TODAY, Options())
        mine = [i for i in items if i.contact == slug]
        assert card.next == (mine[0] if mine else None)
    assert cards["met"].next is not None and cards["met"].next.kind == "thank-you"
    assert cards["soon"].next is not None and cards["soon"].next.kind == "prepare"
    assert cards["amy"].next is None
