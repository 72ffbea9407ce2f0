"""Slugs: the file names of new notes, made from people's names."""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date

from ..core.slugs import MAX_SLUG_LENGTH, free_slug, is_slug, slug_of
from .errors import AuthoringError

__all__ = ["MAX_SLUG_LENGTH", "free_slug", "interview_slug", "is_slug", "normalize_url", "slugify"]


def slugify(text: str) -> str:
    """A note's file name from a person's name: ``José Ó Núñez`` is ``jose-o-nunez``
    (see ``core.slugs.slug_of``). Raises ``AuthoringError`` when nothing is
    left (a name in a non-Latin script).
    """
    slug = slug_of(text)
    if not slug:
        raise AuthoringError(
            f"cannot make a file name from {text!r}: it has no letters a-z or digits; "
            "give one with --slug (for example --slug wang-wei)"
        )
    return slug


def interview_slug(day: date, contact: str, taken: Container[str]) -> str:
    """``YYYY-MM-DD-<contact>``, with ``-2``, ``-3`` for another one that day."""
    return free_slug(f"{day.isoformat()}-{contact}", taken)


def normalize_url(url: str) -> str:
    """A profile URL as compared with others: no scheme, ``www.``, case or final slash."""
    text = url.strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    return text.split("?", 1)[0].split("#", 1)[0].rstrip("/")
