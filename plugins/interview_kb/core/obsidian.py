"""The keys and habits of people notes written in Obsidian (and other editors'
templates): which key means which field, wikilinks as values, template
syntax left unrendered, and index notes kept beside the people.

``docs/notes.md`` ("Coming from Obsidian") documents the same table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# The contact fields other keys may stand for, and the keys each one reads
# when the note does not use the field's own name. The field's own key always
# wins; among synonyms, the first one written in the note is used.
KEY_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "name": ("full_name", "contact_name", "fullname"),
    "organization": ("company", "employer", "org"),
    "role": ("title", "position", "job_title", "jobtitle", "job"),
    "email": ("emails", "e-mail", "mail"),
    "phone": ("phones", "phone_number", "mobile", "cell", "telephone"),
    "linkedin": ("linkedin_url",),
    "location": ("city",),
    "last_contact": ("last_chatted", "last_contacted", "last_talked", "last_spoke"),
}

# The fields a synonym may name (``keys:`` in mkdocs.yml maps more keys to them).
SYNONYM_FIELDS = tuple(KEY_SYNONYMS)


def synonyms(own: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Every synonym key to the field it stands for: the built-in table,
    then the notebook's own (``keys:`` option, as (field, key) pairs), which
    win over it."""
    table = {key: name for name, keys in KEY_SYNONYMS.items() for key in keys}
    table.update({key: name for name, key in own})
    return table


# [[Target]], [[Target|shown text]], [[Target#Heading]]
_WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\]")


def unwrap(text: str) -> tuple[str, str | None]:
    """A value with its wikilinks replaced by their text, and the target of
    the first one (None when there is none): ``[[Acme Robotics]]`` is
    ``("Acme Robotics", "Acme Robotics")``."""
    targets: list[str] = []

    def plain(match: re.Match[str]) -> str:
        targets.append(match.group(1).strip())
        return (match.group(2) or match.group(1)).strip()

    if "[[" not in text:
        return text, None
    return _WIKILINK.sub(plain, text).strip(), (targets[0] if targets else None)


# Template syntax left as written when a note was made by hand from a
# template: Templater (<% tp.date.now() %>), QuickAdd ({{VALUE:company}}),
# core Templates ({{date}}, {{title}}). The braces' pattern stops at the next
# brace, so a line is read once; "<%" is looked for with str.find, as a
# pattern would read to the end of the line from every "<%".
_PLACEHOLDER = re.compile(r"\{\{\s*[A-Za-z][\w.:| -]*\}\}")


def leftover(text: str) -> str | None:
    """The first piece of unrendered template syntax in ``text``, or None."""
    found = _PLACEHOLDER.search(text)
    start = text.find("<%")
    end = text.find("%>", start + 2) if start >= 0 else -1
    if end >= 0 and (found is None or start < found.start()):
        return text[start : end + 2]
    return found.group(0) if found else None


# Tags and title words that mark an index note ("People MOC", "Contacts
# index", #moc): such a note lists people, it is not one.
INDEX_TAGS = frozenset(("moc", "index", "map-of-content", "map-of-contents", "hub", "dashboard"))
_INDEX_TITLE = re.compile(r"\b(moc|index|map of contents?|dashboard)\b", re.IGNORECASE)


def is_index_title(title: str) -> bool:
    """True for a title that names an index note (``People MOC``)."""
    return bool(_INDEX_TITLE.search(title.replace("_", " ").replace("-", " ")))


def is_index_tag(tag: str) -> bool:
    """True for a tag that marks an index note (``moc``, ``#index``, ``type/moc``)."""
    last = tag.lstrip("#").rsplit("/", 1)[-1].casefold()
    return last in INDEX_TAGS
