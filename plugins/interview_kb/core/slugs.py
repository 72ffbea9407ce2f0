"""Slugs: the one folding of a text into ``a-z0-9`` and dashes, used for the
file names of new notes (``authoring/slugs``) and the pages of organizations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

# Letters that Unicode does not decompose into a base letter and an accent.
LETTERS = str.maketrans(
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
APOSTROPHES = re.compile("['\u2019\u02bc`\u00b4]")
UNSAFE = re.compile(r"[^a-z0-9]+")
# Names Windows refuses as file names, whatever the extension.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


MAX_SLUG_LENGTH = 80


def fold_slug(text: str) -> str:
    """``text`` folded to a slug: ``José Ó Núñez`` is ``jose-o-nunez``.

    Accents are folded, apostrophes dropped (``O'Brien`` is ``obrien``), every
    other run of characters outside ``a-z0-9`` becomes one dash, and the result
    is cut at a dash to ``MAX_SLUG_LENGTH``. Empty when nothing is left (a text
    in a non-Latin script).
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = UNSAFE.sub("-", APOSTROPHES.sub("", plain)).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0].strip("-") or slug[:MAX_SLUG_LENGTH]
    return slug


def free_slug(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... : the first that is not taken."""
    candidate, number = base, 1
    while candidate in taken or candidate in RESERVED:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
