"""Source paths of the generated note pages."""

from __future__ import annotations


def contact_page(slug: str) -> str:
    """Source path of a contact's page."""
    return f"contacts/{slug}.md"


def interview_page(slug: str) -> str:
    """Source path of an interview's page."""
    return f"interviews/{slug}.md"


def organization_page(slug: str) -> str:
    """Source path of an organization's page."""
    return f"organizations/{slug}.md"
