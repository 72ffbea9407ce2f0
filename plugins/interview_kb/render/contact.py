"""A contact's page."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..analysis.drafts import request_draft
from ..analysis.followups import last_interaction
from ..core.model import Contact
from ..core.paths import contact_page
from .items import item_view, message_view
from .markup import external_href, html_text, mailto
from .site import Renderer, page_meta
from .timeline import render_contact_timeline


def render_contact_page(
    renderer: Renderer, contact: Contact, extra: dict[str, Any] | None = None
) -> str:
    """The page of one contact."""
    source = contact_page(contact.slug)
    reach: list[tuple[str, str, str | None]] = []
    if contact.email:
        reach.append(("Email", contact.email, mailto(contact.email)))
    if contact.phone:
        reach.append(("Phone", contact.phone, None))
    for label, url in (("LinkedIn", contact.linkedin), ("Website", contact.website)):
        if url:
            reach.append((label, url, external_href(url)))
    context: dict[str, Any] = {
        "contact": contact,
        # Material writes the title into <title> through ``striptags``,
        # which undoes Markdown's escaping: give it HTML-escaped text.
        "meta": page_meta(contact.tags, title=html_text(contact.name)),
        "interviews": renderer.site.notebook.interviews_of(contact.slug),
        "interest": " and ".join(
            {"role": "a role I want", "organization": "an organization I want"}[i]
            for i in contact.interest
        ),
        "reach": reach,
        "status": renderer.site.status(contact),
        "open_items": [
            item_view(renderer, item)
            for item in renderer.site.items_by_contact.get(contact.slug, [])
        ],
        "last_interaction": last_interaction(renderer.site.notebook, contact, renderer.site.today),
        "follow_ups_link": renderer.site.relative(source, "follow-ups.md"),
        "timeline": Markup(render_contact_timeline(renderer, contact.slug)),
    }
    context["first_message"] = None
    if context["status"] == "not-contacted":
        message = request_draft(renderer.site.notebook, contact)
        context["first_message"] = message_view(contact.name, contact.email, message)
    context["backlinks"] = renderer.site.linked.backlinks.get(source, [])
    context["organization_page"] = renderer.site.linked.fields.get(source, {}).get("organization")
    body = renderer.site.linked.bodies.get(source, contact.body)
    return renderer.render("contact.md.j2", source, body=body, **context)
