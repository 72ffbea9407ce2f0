"""A member's share bundle: what the group's guide may publish, and nothing else.

``share_bundle`` takes one notebook and returns the records
``interview-kb share`` writes: for each held interview marked ``share``, its
month, its place among the member's shared interviews, the attribution
fields the guide shows (seniority, first tag) and the answers, own questions
and lesson the guide would publish, already redacted with the notebook's
names, organizations and places. Besides them, numbers only: how many held
interviews asked each bank question (the guide prints these counts), and the
member's own bank questions, which the guide lists as they are.

An interview is named by a keyed hash of its slug: stable from one run to the
next, and saying nothing of the person (the key never leaves the notebook).
Nothing here imports MkDocs or click, and nothing here writes files.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from ..core.model import Interview, Notebook, interview_order
from .redact import Redactor, notebook_terms

ID_LENGTH = 12


@dataclass(frozen=True)
class SharedAnswer:
    """One shared answer: to a bank question (``id``) or the member's own."""

    question: str  # the bank's text, or the member's own question, redacted
    answer: str | None  # redacted; None for an own question asked without an answer
    id: str | None = None


@dataclass(frozen=True)
class SharedInterview:
    """One shared interview as the guide may publish it."""

    id: str
    month: str  # 2026-03
    order: int  # from 1, among the member's shared interviews, oldest first
    seniority: str | None
    tag: str | None
    answers: tuple[SharedAnswer, ...]
    lesson: str | None


@dataclass(frozen=True)
class BankEntry:
    """A question of the member's own bank (questions.yml), as the guide lists it."""

    id: str
    text: str
    category: str


@dataclass(frozen=True)
class Bundle:
    """Everything a member's bundle holds."""

    interviews: tuple[SharedInterview, ...]
    asked: tuple[tuple[str, int], ...]  # bank question id, held interviews that asked it
    questions: tuple[BankEntry, ...]


def interview_id(key: bytes, slug: str) -> str:
    """The bundle's name for an interview: a keyed hash of its slug."""
    return hmac.new(key, slug.encode("utf-8"), hashlib.sha256).hexdigest()[:ID_LENGTH]


def shared_held(notebook: Notebook, today: date) -> list[Interview]:
    """The held interviews marked ``share``, oldest first: the bundle's order."""
    return sorted(
        (i for i in notebook.interviews.values() if i.share and i.is_held(today)),
        key=interview_order,
    )


def share_bundle(notebook: Notebook, today: date, key: bytes) -> Bundle:
    """The bundle of one notebook, redacted with its own terms."""
    redact = Redactor(notebook_terms([notebook]))
    interviews: list[SharedInterview] = []
    for order, interview in enumerate(shared_held(notebook, today), start=1):
        contact = notebook.contacts.get(interview.contact)
        tag = contact.tags[0] if contact and contact.tags else None
        answers: list[SharedAnswer] = []
        for asked in interview.questions:
            bank = notebook.bank_question(asked)
            if not interview.shares_answer(asked, bank.id if bank else None):
                continue
            if bank is not None:
                if asked.answer:
                    answers.append(SharedAnswer(bank.text, redact(asked.answer), bank.id))
            elif asked.text:
                answer = redact(asked.answer) if asked.answer else None
                answers.append(SharedAnswer(redact(asked.text), answer))
        learned = interview.reflection.learned if interview.reflection else None
        interviews.append(
            SharedInterview(
                id=interview_id(key, interview.slug),
                month=f"{interview.date:%Y-%m}",
                order=order,
                seniority=contact.seniority if contact else None,
                tag=redact(tag) if tag else None,
                answers=tuple(answers),
                lesson=redact(learned) if learned and not interview.share_only else None,
            )
        )
    counts: dict[str, int] = {}
    for interview in notebook.interviews.values():
        if not interview.is_held(today):
            continue
        ids = {q.id for q in map(notebook.bank_question, interview.questions) if q is not None}
        for question_id in ids:
            counts[question_id] = counts.get(question_id, 0) + 1
    own = tuple(
        BankEntry(q.id, q.text, q.category)
        for q in sorted(notebook.bank.values(), key=lambda q: q.id)
        if q.source != "built-in"
    )
    return Bundle(tuple(interviews), tuple(sorted(counts.items())), own)
