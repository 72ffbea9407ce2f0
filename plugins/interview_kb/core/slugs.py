"""Slugs made from names: the one folding of a text into ``a-z0-9`` and
dashes, for the file names of new notes, the slugs of notes whose file name
is a title (``Dana Whitlow.md`` is ``dana-whitlow``) and organizations' pages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

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
# Names Windows refuses as file names, whatever the extension.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


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


def free_slug(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... : the first that is not taken
    (nor a name Windows refuses)."""
    candidate, number = base, 1
    while candidate in taken or candidate in RESERVED:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
