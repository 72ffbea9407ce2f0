"""Slugs made from names: the file names of new notes, and the slugs of notes
whose file name is a title (``Dana Whitlow.md`` is ``dana-whitlow``)."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "Ħ": "h",
    }
)
# ', right single quotation mark, modifier letter apostrophe, grave and acute accents
_APOSTROPHES = re.compile("['\u2019\u02bc`\u00b4]")
_UNSAFE = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

MAX_SLUG_LENGTH = 80


def slug_of(text: str) -> str:
    """A slug from a name: ``José Ó Núñez`` is ``jose-o-nunez``; empty when
    nothing is left (a name in a non-Latin script).

    Accents are folded, apostrophes dropped (``O'Brien`` is ``obrien``), and
    every other run of characters outside ``a-z0-9`` becomes one dash.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = _UNSAFE.sub("-", _APOSTROPHES.sub("", plain)).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0].strip("-") or slug[:MAX_SLUG_LENGTH]
    return slug


def is_slug(text: str) -> bool:
    """True for a slug as ``slug_of`` makes them (``jane-doe-2``)."""
    return bool(_SLUG.fullmatch(text)) and len(text) <= MAX_SLUG_LENGTH


def is_title(stem: str) -> bool:
    """True for a file name written as a title, with spaces or capitals
    (``Dana Whitlow``), as Obsidian names notes: its slug is ``slug_of`` it."""
    return (any(c.isspace() for c in stem) or stem != stem.lower()) and bool(slug_of(stem))
