"""The organizations index (``organizations.md``) and one page per organization
(``organizations/<slug>.md``)."""

from __future__ import annotations

from ..analysis.organizations import Organization
from ..core.paths import organization_page
from ..core.vocab import Policy
from .items import item_view
from .markup import html_text
from .site import Renderer, page_meta

ORGANIZATIONS_PAGE = "organizations.md"


def render_organizations(renderer: Renderer) -> str:
    """The ``organizations/`` page: a table of every organization."""
    site = renderer.site
    rows = [
        {
            "name": org.name,
            "href": site.relative(ORGANIZATIONS_PAGE, organization_page(org.slug)),
            "people": len(org.members),
            "held": _held(renderer, org),
            "open": len(org.items),
            "wanted": org.wanted,
        }
        for org in site.organizations
    ]
    return renderer.render("organizations.md.j2", ORGANIZATIONS_PAGE, rows=rows)


def render_organization_page(renderer: Renderer, org: Organization) -> str:
    """The page of one organization."""
    site = renderer.site
    source = organization_page(org.slug)
    return renderer.render(
        "organization.md.j2",
        source,
        org=org,
        meta=page_meta((), title=html_text(org.name)),
        members=org.members,
        held=_held(renderer, org),
        interviews=[site.notebook.interviews[slug] for slug in org.interviews],
        items=[item_view(renderer, item) for item in org.items],
        three_b_seven=site.options.follow_up_policy == Policy.THREE_B_SEVEN,
        follow_ups_link=site.relative(source, "follow-ups.md"),
    )


def _held(renderer: Renderer, org: Organization) -> int:
    today = renderer.site.today
    return sum(
        1 for slug in org.interviews if renderer.site.notebook.interviews[slug].is_held(today)
    )
