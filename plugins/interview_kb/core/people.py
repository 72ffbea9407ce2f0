"""Finding a contact by slug, name or alias: one folding and one order for every page,
rule and command.

A name is compared with ``name_key``: runs of white space collapsed, case
folded. When several contacts share a name or alias, a name means the first
of them by slug; ``everyone`` keeps them all (the follow-up rules look at
each).
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Contact


def name_key(name: str) -> str:
    """A name as compared with others: case and runs of white space ignored."""
    return " ".join(name.split()).casefold()


class People:
    """The contacts of a notebook by slug, and by each name and alias."""

    def __init__(self, contacts: Mapping[str, Contact]) -> None:
        self.contacts = contacts
        every: dict[str, list[str]] = {}
        for slug in sorted(contacts):
            contact = contacts[slug]
            for name in (contact.name, *contact.aliases):
                slugs = every.setdefault(name_key(name), [])
                if slug not in slugs:
                    slugs.append(slug)
        #: Every contact a name (``name_key``) belongs to, by slug.
        self.everyone: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in every.items()}
        #: The contact a name (``name_key``) means: the first by slug.
        self.names: dict[str, str] = {key: slugs[0] for key, slugs in every.items()}

    @classmethod
    def of(cls, contacts: Mapping[str, Contact]) -> People:
        """``People(contacts)``, made once for the same mapping however many
        pages and rules ask (it is read, never changed)."""
        last = _LAST[0]
        if last is None or last.contacts is not contacts:
            last = _LAST[0] = cls(contacts)
        return last

    def named(self, name: str) -> str | None:
        """The slug of the contact ``name`` (a name or alias) means, if any."""
        return self.names.get(name_key(name))

    def all_named(self, name: str) -> tuple[str, ...]:
        """Every contact whose name or alias is ``name``, by slug."""
        return self.everyone.get(name_key(name), ())

    def slug(self, slug: str | None, name: str | None = None) -> str | None:
        """The contact meant by a slug, else by a name or alias (``name``, then
        the slug's text read as a name); None when no contact is meant."""
        if slug and slug in self.contacts:
            return slug
        for text in (name, slug):
            if text and (found := self.named(text)) is not None:
                return found
        return None


# The last ``People`` made by ``People.of``; it holds its mapping, so the
# mapping's identity is not reused while it is kept.
_LAST: list[People | None] = [None]
