"""The published guide's view: only what may leave the owner's machine.

Privacy here is by construction. ``public_guide`` is the one place that reads
notebooks for the guide, and what it returns holds nothing but texts and
numbers that may be published: the bank's question texts and categories, how
often each was asked, and the answers and lessons of interviews marked
``share: yes``, attributed as "a <seniority> <first tag>". The guide's
templates receive this view and nothing else, so they cannot show a field
they never get; the view's classes refuse any value that is not plain text
or a number, so a model object handed to them fails the build loudly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from ..core.model import BankQuestion, Contact, Interview, Notebook, fold, interview_order
from ..core.vocab import category_order
from .redact import Redactor, notebook_terms


class PrivateValue(TypeError):
    """A value that is not plain published data reached the public view."""


def _check(instance: object) -> None:
    for spec in fields(instance):  # type: ignore[arg-type]
        value = getattr(instance, spec.name)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if item is None or type(item) in (str, int) or isinstance(item, _Public):
                continue
            raise PrivateValue(
                f"{type(instance).__name__}.{spec.name} was given a {type(item).__name__}; "
                "the public view holds only texts, numbers and other public records"
            )


class _Public:
    """Base of the public records: checks every field when made."""

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True)
class PublicAnswer(_Public):
    """An answer from a shared interview, and who gave it, anonymized."""

    text: str
    attribution: str


@dataclass(frozen=True)
class PublicQuestion(_Public):
    """A question of the guide's bank: its text, how often it was asked, answers."""

    text: str
    category: str
    asked: int
    answers: tuple[PublicAnswer, ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class PublicLesson(_Public):
    """What a shared interview taught, in the owner's words."""

    text: str
    attribution: str


@dataclass(frozen=True)
class PublicCount(_Public):
    """How often members asked a question of one category of the bank."""

    category: str
    asked: int


@dataclass(frozen=True)
class PublicGuide(_Public):
    """Everything the published guide may show."""

    questions: tuple[PublicQuestion, ...]
    custom: tuple[PublicQuestion, ...]
    lessons: tuple[PublicLesson, ...]
    shared_interviews: int
    notebooks: int
    # A group's guide (``shared_from``) speaks of "members"; one person's does not.
    group: int = 0

    @property
    def asked_by_category(self) -> tuple[PublicCount, ...]:
        """How often a question of each category was asked (the sum of its
        questions' counts), in the order of the guide's sections. Made from
        this view alone: members' own questions have no category."""
        totals: dict[str, int] = {}
        for question in self.questions:
            totals[question.category] = totals.get(question.category, 0) + question.asked
        return tuple(PublicCount(category, asked) for category, asked in totals.items())


def attribution(contact: Contact | None) -> str:
    """``a senior ux-research``: who said it, without saying who."""
    seniority = contact.seniority if contact else None
    tag = contact.tags[0] if contact and contact.tags else None
    if seniority and tag:
        return f"{'an' if seniority[0] in 'aeiou' else 'a'} {seniority} {tag}"
    if seniority:
        return f"a {seniority} professional"
    if tag:
        return f"someone in {tag}"
    return "a professional"


def _category_order(category: str) -> tuple[int, str]:
    return (category_order(category), category)


def public_guide(notebooks: Sequence[Notebook], today: date, *, group: bool = False) -> PublicGuide:
    """The guide's view of one or more notebooks (a group's members).

    Every bank question counts the held interviews of every notebook that
    asked it (counts are not private); answers, custom questions and lessons
    come only from interviews marked ``share: yes``, with the notebooks'
    names, organizations and addresses redacted. Interviews are told apart
    by notebook and slug, so equal slugs in two notebooks never overwrite.
    """
    bank: dict[str, BankQuestion] = {}
    for notebook in notebooks:
        bank.update(notebook.bank)
    asked: dict[str, set[tuple[int, str]]] = {}
    answers: dict[str, list[tuple[str, PublicAnswer]]] = {}
    custom: dict[str, tuple[str, set[tuple[int, str]], list[tuple[str, PublicAnswer]]]] = {}
    lessons: list[tuple[str, PublicLesson]] = []
    shared = 0
    # One redactor for every notebook (redact.py): a member may name another's contact.
    redact = Redactor(notebook_terms(notebooks))
    for number, notebook in enumerate(notebooks):
        ranks = _ranks(notebook, today)
        for slug, interview in sorted(notebook.interviews.items()):
            if not interview.is_held(today):
                continue
            key = (number, slug)
            contact = notebook.contacts.get(interview.contact)
            who = redact(attribution(contact))  # a tag may name the employer
            # By month, then member, then the member's own order: a share
            # bundle keeps no more than this, so bundles and notebooks agree.
            order = f"{interview.date:%Y-%m}/{number:04d}/{ranks.get(slug, 0):06d}"
            if interview.share:
                shared += 1
                # A share list (share_only) shares the answers it names, no lesson.
                if (
                    not interview.share_only
                    and interview.reflection
                    and interview.reflection.learned
                ):
                    lessons.append((order, PublicLesson(redact(interview.reflection.learned), who)))
            for asked_question in interview.questions:
                question = notebook.bank_question(asked_question)
                answer = asked_question.answer
                bank_id = question.id if question is not None else None
                shares = interview.shares_answer(asked_question, bank_id)
                if question is not None:
                    asked.setdefault(question.id, set()).add(key)
                    if shares and answer:
                        answers.setdefault(question.id, []).append(
                            (order, PublicAnswer(redact(answer), who))
                        )
                elif shares and asked_question.text:
                    _add_custom(custom, redact, asked_question.text, key, answer, who, order)
    questions = tuple(
        PublicQuestion(
            id=q.id,
            text=q.text,
            category=q.category,
            asked=len(asked.get(q.id, ())),
            answers=tuple(a for _, a in sorted(answers.get(q.id, []), key=lambda x: x[0])),
        )
        for q in sorted(bank.values(), key=lambda q: (_category_order(q.category), q.id))
    )
    custom_questions = tuple(
        PublicQuestion(
            text=text,
            category="custom",
            asked=len(keys),
            answers=tuple(a for _, a in sorted(found, key=lambda x: x[0])),
        )
        for _, (text, keys, found) in sorted(custom.items())
    )
    return PublicGuide(
        questions=questions,
        custom=custom_questions,
        lessons=tuple(lesson for _, lesson in sorted(lessons, key=lambda x: x[0], reverse=True)),
        shared_interviews=shared,
        # Notebooks, not folders: a shared_from pattern that matched nothing
        # (kept only to report it) or an empty folder is not one.
        notebooks=sum(1 for n in notebooks if n.contacts or n.interviews),
        group=int(group),
    )


def _ranks(notebook: Notebook, today: date) -> dict[str, int]:
    """Each shared held interview's place among the notebook's, oldest first
    (from 1); an interview read from a share bundle brings its own."""
    shared = sorted(shared_interviews(notebook, today), key=interview_order)
    return {i.slug: i.rank or n for n, i in enumerate(shared, start=1)}


def _add_custom(
    custom: dict[str, tuple[str, set[tuple[int, str]], list[tuple[str, PublicAnswer]]]],
    redact: Redactor,
    text: str,
    key: tuple[int, str],
    answer: str | None,
    who: str,
    order: str,
) -> None:
    shown = redact(text)
    entry = custom.setdefault(fold(shown), (shown, set(), []))
    entry[1].add(key)
    if answer:
        entry[2].append((order, PublicAnswer(redact(answer), who)))


def shared_interviews(notebook: Notebook, today: date) -> list[Interview]:
    """The held interviews of a notebook that its owner chose to share."""
    return [i for i in notebook.interviews.values() if i.share and i.is_held(today)]
