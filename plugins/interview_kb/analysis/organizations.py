"""Organizations: the employers named by contacts, with who works there, the
interviews held there and what is open.

An organization is the ``organization`` of one or more contacts, compared as
try-another compares them (``followups.organization_key``: white space
collapsed, case folded). Its name is the spelling of the first of its contacts
by slug; its slug is that name folded as note slugs are (``core.slugs``), with
``-2``, ``-3`` for another organization that folds the same way (in the order
of their folded names), and
``organization`` for a name with no letters ``a-z`` or digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import Contact, Notebook, Options, interview_order
from ..core.slugs import free_slug, slug_of
from ..core.vocab import Interest, Policy
from .followups import Item, contact_status, organization_key

#: Statuses of a contact who was asked and has not answered yet.
WAITING = ("requested", "followed-up", "no-response")
#: Slugs no organization may take: ``index`` would be the folder's own page.
TAKEN = frozenset({"index"})


@dataclass(frozen=True)
class Member:
    """A contact at an organization, with the status of the ladder."""

    contact: Contact
    status: str


@dataclass(frozen=True)
class Organization:
    """One organization and what the notebook holds about it.

    ``interviews`` are the slugs of its contacts' interviews, cancelled ones
    included (pages say so), in date order; ``items`` the open follow-up items
    of its contacts, in the order of the follow-ups page; ``wanted`` is true
    when a contact there has ``organization`` in ``interest``; ``could_ask``
    (under policy ``3b7`` only, else empty) the contacts there not asked yet,
    and ``waiting`` those asked who have not answered.
    """

    slug: str
    name: str
    members: tuple[Member, ...]
    interviews: tuple[str, ...]
    items: tuple[Item, ...]
    wanted: bool
    could_ask: tuple[Contact, ...]
    waiting: tuple[Contact, ...]


def organization_slugs(notebook: Notebook) -> dict[str, str]:
    """``{organization key: slug}`` for every organization named by a contact."""
    names: dict[str, str] = {}
    for slug in sorted(notebook.contacts):
        key = organization_key(notebook.contacts[slug].organization)
        if key is not None and key not in names:
            names[key] = " ".join((notebook.contacts[slug].organization or "").split())
    slugs: dict[str, str] = {}
    taken: set[str] = set(TAKEN)
    for key in sorted(names, key=lambda k: (slug_of(names[k]), k)):
        slug = free_slug(slug_of(names[key]) or "organization", taken)
        taken.add(slug)
        slugs[key] = slug
    return slugs


def organizations(
    notebook: Notebook, today: date, options: Options, items: Sequence[Item]
) -> list[Organization]:
    """Every organization named by a contact, by name (case folded), then slug.

    ``items`` are the notebook's follow-up items (``followups.due_items``).
    """
    slugs = organization_slugs(notebook)
    people: dict[str, list[Contact]] = {}
    for slug in sorted(notebook.contacts):
        contact = notebook.contacts[slug]
        key = organization_key(contact.organization)
        if key is not None:
            people.setdefault(key, []).append(contact)
    # Items by contact once, so that each organization costs its own people only.
    by_contact: dict[str, list[Item]] = {}
    for item in items:
        by_contact.setdefault(item.contact, []).append(item)
    order = {id(item): n for n, item in enumerate(items)}  # the follow-ups page's order
    three_b_seven = options.follow_up_policy == Policy.THREE_B_SEVEN
    found: list[Organization] = []
    for key, contacts in people.items():
        members = tuple(Member(c, contact_status(notebook, c, today, options)) for c in contacts)
        interviews = sorted(
            (i for c in contacts for i in notebook.interviews_of(c.slug)), key=interview_order
        )
        mine = [i for c in contacts for i in by_contact.get(c.slug, ())]
        open_items = tuple(sorted(mine, key=lambda i: order[id(i)]))
        found.append(
            Organization(
                slug=slugs[key],
                name=" ".join((contacts[0].organization or "").split()),
                members=members,
                interviews=tuple(i.slug for i in interviews),
                items=open_items,
                wanted=any(Interest.ORGANIZATION in c.interest for c in contacts),
                could_ask=tuple(m.contact for m in members if m.status == "not-contacted")
                if three_b_seven
                else (),
                waiting=tuple(m.contact for m in members if m.status in WAITING)
                if three_b_seven
                else (),
            )
        )
    found.sort(key=lambda o: (o.name.casefold(), o.slug))
    return found
