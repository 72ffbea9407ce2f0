"""The pipeline board: every contact in a column by status, with the next action.

The columns gather the rungs of the status ladder (docs/notes.md) into the
stages a person moves through: not contacted, asked (``requested``,
``followed-up``), replied, scheduled, interviewed, and closed or moved on
(``closed``, ``declined``, ``no-response``). A card's next action is the
contact's first open follow-up item, in the order of the follow-ups page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import Contact, Notebook, Options
from .followups import Item, contact_status

#: The columns, in order: (key, the statuses it holds). Titles: ``render.text``.
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("not-contacted", ("not-contacted",)),
    ("asked", ("requested", "followed-up")),
    ("replied", ("replied",)),
    ("scheduled", ("scheduled",)),
    ("interviewed", ("interviewed",)),
    ("closed", ("closed", "declined", "no-response")),
)


@dataclass(frozen=True)
class Card:
    """A contact on the board: its status and its first open item (or None)."""

    contact: Contact
    status: str
    next: Item | None


@dataclass(frozen=True)
class Column:
    """One stage of the board and its cards, by name (case folded), then slug."""

    key: str
    cards: tuple[Card, ...]


def board(notebook: Notebook, today: date, options: Options, items: Sequence[Item]) -> list[Column]:
    """Every contact in its column; ``items`` are the notebook's follow-up items."""
    first: dict[str, Item] = {}
    for item in items:
        first.setdefault(item.contact, item)
    column_of = {status: key for key, statuses in COLUMNS for status in statuses}
    cards: dict[str, list[Card]] = {key: [] for key, _ in COLUMNS}
    for slug in sorted(notebook.contacts):
        contact = notebook.contacts[slug]
        status = contact_status(notebook, contact, today, options)
        cards[column_of[status]].append(Card(contact, status, first.get(slug)))
    return [
        Column(
            key,
            tuple(sorted(cards[key], key=lambda c: (c.contact.name.casefold(), c.contact.slug))),
        )
        for key, _ in COLUMNS
    ]
