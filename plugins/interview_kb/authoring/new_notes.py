"""New contact and interview notes, from their Jinja2 templates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from ..core.model import (
    BankQuestion,
)
from ..core.wording import clock
from .reading import read_contact_note, read_interview_note, require_clean
from .yaml_text import YamlText, yaml_environment, yaml_value


@dataclass(frozen=True)
class ContactDraft:
    """The values of a new contact note; None (or empty) leaves a key commented out."""

    name: str
    role: str | None = None
    organization: str | None = None
    seniority: str | None = None
    years_experience: float | None = None
    warmth: str | None = None
    connection: str | None = None
    introduced_by: str | None = None
    interest: tuple[str, ...] = ()
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    location: str | None = None
    local: bool | None = None
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewDraft:
    """The values of a new interview note."""

    contact: str
    date: date
    time: time | None = None
    status: str | None = None
    mode: str | None = None
    duration: int | None = None
    location: str | None = None

    @property
    def when(self) -> YamlText:
        """``2026-11-03`` or ``2026-11-03 14:30``: how the reader takes a date."""
        day = self.date.isoformat()
        return YamlText(f"{day} {clock(self.time)}" if self.time else day)


def render_contact(draft: ContactDraft, path: str = "contacts/new.md") -> str:
    """A new contact note: every key, the unused ones commented out."""
    text = yaml_environment().get_template("contact.md.j2").render(contact=draft)
    contact, problems = read_contact_note(text.encode("utf-8"), path)
    require_clean(problems, "contact note")
    assert contact is not None
    return text


def render_interview(
    draft: InterviewDraft,
    suggestions: Iterable[BankQuestion] = (),
    seniority: str | None = None,
    path: str = "interviews/new.md",
) -> str:
    """A new interview note, with bank questions suggested as comments.

    The suggestions stay commented out: a question the note lists counts as
    asked once the interview is held, so only the owner decides which to ask.
    """
    text = (
        yaml_environment()
        .get_template("interview.md.j2")
        .render(
            interview=draft,
            suggestions=[(yaml_value(q.id), q.text) for q in suggestions],
            seniority=seniority,
        )
    )
    interview, problems = read_interview_note(text.encode("utf-8"), path)
    require_clean(problems, "interview note")
    assert interview is not None
    return text
