"""Slugs: the file names of new notes, made from people's names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from datetime import date

from .errors import AuthoringError

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
# Names Windows refuses as file names, whatever the extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def slugify(text: str) -> str:
    """A note's file name from a person's name: ``José Ó Núñez`` is ``jose-o-nunez``.

    Accents are folded, apostrophes dropped (``O'Brien`` is ``obrien``), and
    every other run of characters outside ``a-z0-9`` becomes one dash. Raises
    ``AuthoringError`` when nothing is left (a name in a non-Latin script).
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = _UNSAFE.sub("-", _APOSTROPHES.sub("", plain)).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0].strip("-") or slug[:MAX_SLUG_LENGTH]
    if not slug:
        raise AuthoringError(
            f"cannot make a file name from {text!r}: it has no letters a-z or digits; "
            "give one with --slug (for example --slug wang-wei)"
        )
    return slug


def is_slug(text: str) -> bool:
    """True for a slug as ``slugify`` makes them (``jane-doe-2``)."""
    return bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= MAX_SLUG_LENGTH


def free_slug(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... : the first that is not taken."""
    candidate, number = base, 1
    while candidate in taken or candidate in _RESERVED:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def interview_slug(day: date, contact: str, taken: Container[str]) -> str:
    """``YYYY-MM-DD-<contact>``, with ``-2``, ``-3`` for another one that day."""
    return free_slug(f"{day.isoformat()}-{contact}", taken)


def normalize_url(url: str) -> str:
    """A profile URL as compared with others: no scheme, ``www.``, case or final slash."""
    text = url.strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    return text.split("?", 1)[0].split("#", 1)[0].rstrip("/")


MAX_SLUG_LENGTH = 80
