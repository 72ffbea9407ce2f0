"""What goes wrong when a note cannot be made or changed safely."""

from __future__ import annotations

BOM = b"\xef\xbb\xbf"


class AuthoringError(ValueError):
    """A note that cannot be made or changed safely; the message says what to do."""
