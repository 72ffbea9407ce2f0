"""Reading one note back with the reader's own rules, before it is written."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..core.model import (
    Contact,
    Interview,
    Problem,
)
from ..reader import notes
from .errors import AuthoringError


def read_contact_note(raw: bytes, path: str) -> tuple[Contact | None, tuple[Problem, ...]]:
    """One contact note as ``read_notebook`` reads it, with its own problems.

    Checks that need the whole notebook (an ``introduced_by`` slug that names
    nobody) are not made here.
    """
    note = notes.Note(path)
    loaded = notes.load_front_matter(note, raw)
    contact = None
    if loaded is not None:
        node, body = loaded
        contact = notes.read_contact(note, PurePosixPath(path).stem, node, body, [])
    return contact, tuple(note.problems)


def read_interview_note(raw: bytes, path: str) -> tuple[Interview | None, tuple[Problem, ...]]:
    """One interview note as ``read_notebook`` reads it (but for the contact's
    existence and question-bank ids, which need the notebook)."""
    note = notes.Note(path)
    loaded = notes.load_front_matter(note, raw)
    interview = None
    if loaded is not None:
        node, body = loaded
        interview = notes.read_interview(note, PurePosixPath(path).stem, node, body, [], [])
    return interview, tuple(note.problems)


def require_clean(problems: tuple[Problem, ...], what: str) -> None:
    if problems:
        raise AuthoringError(
            f"the new {what} would not read back cleanly ({problems[0]}); "
            "please report this, with the values you gave"
        )
