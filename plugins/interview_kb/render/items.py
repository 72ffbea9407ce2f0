"""What the pages show of one follow-up item."""

from __future__ import annotations

from typing import Any

from ..analysis.drafts import draft, first_name, in_draft_window
from ..analysis.followups import Item
from .markup import mailto
from .site import Renderer
from .text import kind_label, when


def item_view(renderer: Renderer, item: Item) -> dict[str, Any]:
    """What the pages show of one follow-up item."""
    contact = renderer.site.notebook.contacts.get(item.contact)
    message = draft(item, renderer.site.notebook) if in_draft_window(item) else None
    address = contact.email if contact else None
    return {
        "kind": item.kind,
        "label": kind_label(item.kind),
        "contact": item.contact,
        "interview": item.interview,
        "due": item.due,
        "when": when(item.days_overdue),
        "action": item.action,
        "draft": message,
        "first_name": first_name(contact) if contact else item.contact,
        "mailto": mailto(address, message.subject, message.body) if message and address else None,
    }
