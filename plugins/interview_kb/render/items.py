"""What the pages show of one follow-up item."""

from __future__ import annotations

from typing import Any

from ..analysis.drafts import Draft, addressed, first_name, in_draft_window
from ..analysis.followups import Item
from .markup import mailto
from .site import Renderer
from .text import kind_label, when


def item_view(renderer: Renderer, item: Item) -> dict[str, Any]:
    """What the pages show of one follow-up item."""
    contact = renderer.site.notebook.contacts.get(item.contact)
    found = addressed(item, renderer.site.notebook) if in_draft_window(item) else None
    message = found.draft if found else None
    address = found.email if found else None
    return {
        "kind": item.kind,
        "label": kind_label(item.kind),
        "contact": item.contact,
        "interview": item.interview,
        "due": item.due,
        "when": when(item.days_overdue),
        "action": item.action,
        "draft": message,
        "draft_to": found.to if found else None,
        "first_name": first_name(contact) if contact else item.contact,
        "mailto": mailto(address, message.subject, message.body) if message and address else None,
    }


def message_view(to: str, email: str | None, message: Draft) -> dict[str, Any]:
    """What a page shows of one drafted message (``draft.j2``)."""
    return {
        "to": to,
        "subject": message.subject,
        "body": message.body,
        "mailto": mailto(email, message.subject, message.body) if email else None,
    }
