"""Slugs: the file names of new notes, made from people's names."""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date

from ..core.slugs import MAX_SLUG_LENGTH, fold_slug, free_slug
from .errors import AuthoringError


def slugify(text: str) -> str:
    """A note's file name from a person's name (``core.slugs.fold_slug``).

    Raises ``AuthoringError`` when nothing is left (a name in a non-Latin script).
    """
    slug = fold_slug(text)
    if not slug:
        raise AuthoringError(
            f"cannot make a file name from {text!r}: it has no letters a-z or digits; "
            "give one with --slug (for example --slug wang-wei)"
        )
    return slug


def is_slug(text: str) -> bool:
    """True for a slug as ``slugify`` makes them (``jane-doe-2``)."""
    return bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= MAX_SLUG_LENGTH


def interview_slug(day: date, contact: str, taken: Container[str]) -> str:
    """``YYYY-MM-DD-<contact>``, with ``-2``, ``-3`` for another one that day."""
    return free_slug(f"{day.isoformat()}-{contact}", taken)


def normalize_url(url: str) -> str:
    """A profile URL as compared with others: no scheme, ``www.``, case or final slash."""
    text = url.strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    return text.split("?", 1)[0].split("#", 1)[0].rstrip("/")


__all__ = ["MAX_SLUG_LENGTH", "free_slug", "interview_slug", "is_slug", "normalize_url", "slugify"]
