"""The contacts index page (``contacts.md``)."""

from __future__ import annotations

from ..analysis.followups import last_interaction
from .site import Renderer


def render_contacts(renderer: Renderer) -> str:
    """The ``contacts/`` page: a table of every contact."""
    rows = []
    for contact in renderer.site.notebook.contacts.values():
        items = renderer.site.items_by_contact.get(contact.slug, [])
        rows.append(
            {
                "contact": contact,
                "status": renderer.site.status(contact),
                "last": last_interaction(renderer.site.notebook, contact, renderer.site.today),
                "next": items[0] if items else None,
            }
        )
    return renderer.render("contacts.md.j2", "contacts.md", rows=rows)
