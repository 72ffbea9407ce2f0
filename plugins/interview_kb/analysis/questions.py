"""The question bank view: which questions were asked, how often, and every answer.

Pure functions of a ``Notebook`` and the date taken as today. The rules are
those of docs/notes.md: an asked question belongs to a bank question by ``id``, else by
its text folded (case, white space and punctuation ignored); every other
question is a *custom* one, grouped by its folded text. Readings where the
contract leaves a choice:

- Only *held* interviews count; cancelled and upcoming ones never. An
  interview that lists the same question twice (by id and by text, or twice
  in other words) asks it once, but each of its non-empty answers is kept.
- Custom questions exist through being asked: one listed only by upcoming or
  cancelled interviews is not in the view. Its text is the wording of the
  first held interview that asked it (oldest first, then list order).
- An ``id`` that is not in the bank (``check`` reports it) makes a custom
  question of its text, or of the id itself when there is no text.
- Order: bank questions by category (the built-in categories in their own
  order, then any other category alphabetically), and within a category in
  bank order (the built-in file's order, the notebook's own questions after
  it); then the custom questions, in the order they were first asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..core.model import (
    AskedQuestion,
    BankQuestion,
    Contact,
    Notebook,
    fold,
    interview_order,
)
from ..core.vocab import Category, category_order


@dataclass(frozen=True)
class Answer:
    """One held interview's answer to a question."""

    interview: str
    contact: str
    answer: str

    def as_json(self) -> dict[str, object]:
        """The object in the ``answers`` list of `interview-kb questions --format json`."""
        return {"interview": self.interview, "contact": self.contact, "answer": self.answer}


@dataclass(frozen=True)
class QuestionView:
    """A bank question or a custom question, with what held interviews made of it.

    ``asked_in`` holds the slugs of the held interviews that listed it, oldest
    first; ``asked`` is their number.
    """

    id: str | None
    text: str
    category: str | None
    asked_in: tuple[str, ...]
    answers: tuple[Answer, ...]
    bank: BankQuestion | None = None

    @property
    def asked(self) -> int:
        """How many held interviews asked it."""
        return len(self.asked_in)

    @property
    def unanswered_in(self) -> tuple[str, ...]:
        """The held interviews that asked it without a written answer."""
        answered = {answer.interview for answer in self.answers}
        return tuple(slug for slug in self.asked_in if slug not in answered)

    def as_json(self) -> dict[str, object]:
        """The object `interview-kb questions --format json` prints, keys in order."""
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "asked": self.asked,
            "answers": [answer.as_json() for answer in self.answers],
        }


def category_key(category: str) -> tuple[int, str, str]:
    """Sort key of categories: the built-in ones in their order, then the others
    alphabetically (case folded)."""
    order = category_order(category)
    return (order, "", "") if order < len(Category) else (order, category.casefold(), category)


def _custom_text(asked: AskedQuestion) -> str:
    return asked.text or asked.id or ""


def question_views(notebook: Notebook, today: date) -> list[QuestionView]:
    """Every bank question and every custom question asked, in the module's order."""
    asked_in: dict[tuple[str, str], list[str]] = {}
    answers: dict[tuple[str, str], list[Answer]] = {}
    custom_text: dict[str, str] = {}
    held = [i for i in notebook.interviews.values() if i.is_held(today)]
    for interview in sorted(held, key=interview_order):
        for asked in interview.questions:
            bank = notebook.bank_question(asked)
            if bank is not None:
                key = ("bank", bank.id)
            else:
                text = _custom_text(asked)
                folded = fold(text) or text
                custom_text.setdefault(folded, text)
                key = ("custom", folded)
            slugs = asked_in.setdefault(key, [])
            if interview.slug not in slugs:
                slugs.append(interview.slug)
            if asked.answer and asked.answer.strip():
                answers.setdefault(key, []).append(
                    Answer(interview.slug, interview.contact, asked.answer)
                )

    bank_order = sorted(
        enumerate(notebook.bank.values()),
        key=lambda item: (category_key(item[1].category), item[0]),
    )
    views = [
        QuestionView(
            id=question.id,
            text=question.text,
            category=question.category,
            asked_in=tuple(asked_in.get(("bank", question.id), ())),
            answers=tuple(answers.get(("bank", question.id), ())),
            bank=question,
        )
        for _, question in bank_order
    ]
    for folded, text in custom_text.items():  # insertion order: first asked first
        key = ("custom", folded)
        views.append(
            QuestionView(
                id=None,
                text=text,
                category=None,
                asked_in=tuple(asked_in[key]),
                answers=tuple(answers.get(key, ())),
            )
        )
    return views


def question_rows(notebook: Notebook, today: date) -> list[dict[str, object]]:
    """The JSON list `interview-kb questions --format json` prints.

    Each object has the keys ``id`` (None for a custom question), ``text``,
    ``category`` (None for a custom question), ``asked`` and ``answers`` (a
    list of ``{interview, contact, answer}``), in the module's order.
    """
    return [view.as_json() for view in question_views(notebook, today)]


_TAKEN: dict[tuple[int, date], tuple[Notebook, frozenset[str]]] = {}


def asked_bank_ids(notebook: Notebook, today: date) -> frozenset[str]:
    """The ids of the bank questions some held interview has asked.

    Remembered for the last notebook and date: every upcoming interview's
    page asks for it, and a notebook of thousands of notes must not be
    walked once per page.
    """
    key = (id(notebook), today)
    cached = _TAKEN.get(key)
    if cached is not None and cached[0] is notebook:
        return cached[1]
    taken = set()
    for interview in notebook.interviews.values():
        if interview.is_held(today):
            for asked in interview.questions:
                bank = notebook.bank_question(asked)
                if bank is not None:
                    taken.add(bank.id)
    result = frozenset(taken)
    _TAKEN.clear()
    _TAKEN[key] = (notebook, result)
    return result


def suggested_questions(
    notebook: Notebook,
    contact: Contact | str,
    today: date,
    limit: int = 8,
    *,
    prepared: Iterable[AskedQuestion] = (),
) -> list[BankQuestion]:
    """Bank questions to ask ``contact``: suited to their seniority, asked by no
    held interview yet, and not among ``prepared`` (the questions an upcoming
    interview already lists); at most ``limit``, in bank order."""
    person = notebook.contacts[contact] if isinstance(contact, str) else contact
    taken = set(asked_bank_ids(notebook, today))
    for asked in prepared:
        bank = notebook.bank_question(asked)
        if bank is not None:
            taken.add(bank.id)
    found = [
        question
        for question in notebook.bank.values()
        if question.id not in taken and question.suits(person.seniority)
    ]
    return found[: max(limit, 0)]
