"""The prep sheet of an upcoming interview: who, your ties, their organization,
logistics, questions with what others answered, more questions, your
introduction. Plain data; ``render/prep.py`` lays it out for the page and for
``interview-kb prepare``.

The sheet is the owner's own (never published): it quotes their notes, as
the interview's page does. A one-line summary of an answer is its first
sentence, cut at ``SUMMARY_CHARS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..core.model import (
    AskedQuestion,
    Contact,
    Interview,
    Notebook,
    OutreachEvent,
    Profile,
    fold,
)
from .followups import organization_key
from .questions import QuestionView, Suggestion, cached_views, suggestions

SUMMARY_CHARS = 110
#: At most this many earlier answers of colleagues at the organization.
COLLEAGUE_ANSWERS = 3


def one_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of ``text`` on one line, cut at ``limit`` characters."""
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", flat)
    first = match.group(1) if match else flat
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


@dataclass(frozen=True)
class EarlierAnswer:
    """What someone said before, in one line."""

    contact: str
    name: str
    interview: str
    summary: str


@dataclass(frozen=True)
class PrepQuestion:
    """A question on the sheet, with what others answered to it before."""

    text: str
    id: str | None
    category: str | None
    asked_before: int
    earlier: tuple[EarlierAnswer, ...]
    why: str | None = None

    @property
    def summary(self) -> str:
        """One line: how others answered it, or that nobody has yet."""
        if not self.earlier:
            if self.asked_before:
                return "Asked before, never answered in your notes."
            return "Nobody has answered it in your notes yet."
        first = self.earlier[0]
        more = len(self.earlier) - 1
        also = f" (and {more} more)" if more else ""
        return f"{first.name}: {first.summary}{also}"


@dataclass(frozen=True)
class Colleague:
    """Someone you know at the same organization, and what they said."""

    slug: str
    name: str
    role: str | None
    status: str | None
    said: tuple[tuple[str, EarlierAnswer], ...]  # (question, answer)


@dataclass(frozen=True)
class Tie:
    """How you are connected: the introducer and the connection."""

    introducer: str | None
    introducer_name: str | None
    connection: str | None
    warmth: str | None


@dataclass(frozen=True)
class PrepSheet:
    """Everything to read the day before an interview."""

    interview: Interview
    contact: Contact
    tie: Tie
    outreach: tuple[OutreachEvent, ...]
    earlier: tuple[Interview, ...]
    colleagues: tuple[Colleague, ...]
    questions: tuple[PrepQuestion, ...]
    more: tuple[PrepQuestion, ...]
    profile: Profile | None
    in_person: bool


def _view_key(notebook: Notebook, asked: AskedQuestion) -> tuple[str, str]:
    bank = notebook.bank_question(asked)
    if bank is not None:
        return ("bank", bank.id)
    text = asked.text or asked.id or ""
    return ("custom", fold(text) or text)


def _earlier(
    view: QuestionView | None, notebook: Notebook, skip: str
) -> tuple[int, tuple[EarlierAnswer, ...]]:
    if view is None:
        return 0, ()
    found = []
    for answer in view.answers:
        if answer.contact == skip:
            continue
        person = notebook.contacts.get(answer.contact)
        found.append(
            EarlierAnswer(
                answer.contact,
                person.name if person else answer.contact,
                answer.interview,
                one_line(answer.answer),
            )
        )
    asked = sum(1 for slug in view.asked_in if notebook.interviews[slug].contact != skip)
    return asked, tuple(found)


def prep_sheet(notebook: Notebook, interview: Interview, today: date) -> PrepSheet:
    """The prep sheet of ``interview`` (meant for an upcoming one; any will do)."""
    contact = notebook.contacts.get(interview.contact) or Contact(
        slug=interview.contact, path="", name=interview.contact
    )
    views: dict[tuple[str, str], QuestionView] = {}
    for view in cached_views(notebook, today):
        key = ("bank", view.id) if view.id else ("custom", fold(view.text) or view.text)
        views[key] = view
    questions = []
    for asked in interview.questions:
        bank = notebook.bank_question(asked)
        count, earlier = _earlier(views.get(_view_key(notebook, asked)), notebook, contact.slug)
        questions.append(
            PrepQuestion(
                text=asked.text or (bank.text if bank else asked.id or ""),
                id=bank.id if bank else None,
                category=bank.category if bank else None,
                asked_before=count,
                earlier=earlier,
            )
        )
    more = []
    for suggestion in _suggested(notebook, contact, today, interview):
        count, earlier = _earlier(views.get(("bank", suggestion.question.id)), notebook, "")
        more.append(
            PrepQuestion(
                text=suggestion.question.text,
                id=suggestion.question.id,
                category=suggestion.question.category,
                asked_before=count,
                earlier=earlier,
                why=suggestion.why,
            )
        )
    introducer = notebook.contacts.get(contact.introduced_by or "")
    tie = Tie(
        introducer=introducer.slug if introducer else contact.introduced_by,
        introducer_name=introducer.name if introducer else None,
        connection=contact.connection,
        warmth=contact.warmth,
    )
    earlier_talks = tuple(
        i
        for i in notebook.interviews_of(contact.slug)
        if i.slug != interview.slug and i.is_held(today) and i.date <= interview.date
    )
    return PrepSheet(
        interview=interview,
        contact=contact,
        tie=tie,
        outreach=tuple(sorted(contact.outreach, key=lambda event: event.date)),
        earlier=earlier_talks,
        colleagues=_colleagues(notebook, contact, views, today),
        questions=tuple(questions),
        more=tuple(more),
        profile=notebook.profile,
        in_person=interview.mode == "in-person",
    )


def _suggested(
    notebook: Notebook, contact: Contact, today: date, interview: Interview
) -> list[Suggestion]:
    if contact.slug not in notebook.contacts:
        return []
    return suggestions(notebook, contact, today, prepared=interview.questions)


def _colleagues(
    notebook: Notebook,
    contact: Contact,
    views: dict[tuple[str, str], QuestionView],
    today: date,
) -> tuple[Colleague, ...]:
    key = organization_key(contact.organization)
    if key is None:
        return ()
    found = []
    for slug, other in sorted(notebook.contacts.items()):
        if slug == contact.slug or organization_key(other.organization) != key:
            continue
        said: list[tuple[str, EarlierAnswer]] = []
        for view in views.values():
            for answer in view.answers:
                if answer.contact == slug and len(said) < COLLEAGUE_ANSWERS:
                    said.append(
                        (
                            view.text,
                            EarlierAnswer(
                                slug, other.name, answer.interview, one_line(answer.answer)
                            ),
                        )
                    )
        held = any(i.is_held(today) for i in notebook.interviews_of(slug))
        found.append(
            Colleague(slug, other.name, other.role, "interviewed" if held else None, tuple(said))
        )
    return tuple(found)
