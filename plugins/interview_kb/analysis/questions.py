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


_VIEWS: dict[tuple[int, date], tuple[Notebook, list[QuestionView]]] = {}


def cached_views(notebook: Notebook, today: date) -> list[QuestionView]:
    """``question_views``, remembered for the last notebook and date: every
    upcoming interview's page and prep sheet asks for them, and a notebook of
    thousands of notes must not be walked once per page."""
    key = (id(notebook), today)
    cached = _VIEWS.get(key)
    if cached is not None and cached[0] is notebook:
        return cached[1]
    views = question_views(notebook, today)
    _VIEWS.clear()
    _VIEWS[key] = (notebook, views)
    return views


#: The question every conversation should end with: who else to talk to.
REFERRAL_QUESTION = "who-else"


@dataclass(frozen=True)
class Suggestion:
    """A bank question to ask, and in a few words why."""

    question: BankQuestion
    why: str


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return f"{names[0]}, {names[1]} and {len(names) - 2} more"


def _peers(notebook: Notebook, person: Contact) -> dict[str, str]:
    """Other contacts in the same field as ``person``: ``{slug: what is shared}``,
    a tag they share or the same role."""
    tags = {tag.casefold() for tag in person.tags}
    role = fold(person.role) if person.role else None
    found: dict[str, str] = {}
    for slug, other in notebook.contacts.items():
        if slug == person.slug:
            continue
        shared = sorted(tag for tag in other.tags if tag.casefold() in tags)
        if shared:
            found[slug] = shared[0]
        elif role and other.role and fold(other.role) == role:
            found[slug] = other.role
    return found


def suggestions(
    notebook: Notebook,
    contact: Contact | str,
    today: date,
    limit: int = 8,
    *,
    prepared: Iterable[AskedQuestion] = (),
) -> list[Suggestion]:
    """Bank questions to ask ``contact``, each with why, at most ``limit``.

    Only questions that suit their seniority (``for``) and are not among
    ``prepared`` (the questions the interview already lists). The referral
    question (``who-else``) comes first unless prepared; then one question
    per category in turn (the built-in categories in their order), so the set
    is balanced. Within a category, questions that others in the same field
    (a shared tag, or the same role) answered come first, so that answers
    line up side by side in the bank; then questions written for this
    seniority; then those anyone answered; then bank order. A question asked
    before is not dropped: comparing answers is the point of the bank.
    """
    if limit <= 0:
        return []
    person = notebook.contacts[contact] if isinstance(contact, str) else contact
    chosen = set()
    for asked in prepared:
        bank = notebook.bank_question(asked)
        if bank is not None:
            chosen.add(bank.id)
    peers = _peers(notebook, person)
    by_peers: dict[str, list[str]] = {}
    answered: dict[str, int] = {}
    field: dict[str, str] = {}
    for view in cached_views(notebook, today):
        if view.id is None:
            continue
        answered[view.id] = len(view.answers)
        for answer in view.answers:
            if answer.contact in peers:
                other = notebook.contacts[answer.contact]
                names = by_peers.setdefault(view.id, [])
                if other.name not in names:
                    names.append(other.name)
                    field.setdefault(view.id, peers[answer.contact])
    candidates = [
        (index, question)
        for index, question in enumerate(notebook.bank.values())
        if question.id not in chosen and question.suits(person.seniority)
    ]
    fitted = person.seniority is not None

    def rank(entry: tuple[int, BankQuestion]) -> tuple[int, int, int, int]:
        index, question = entry
        tailored = fitted and bool(question.for_)
        return (
            -len(by_peers.get(question.id, ())),
            0 if tailored else 1,
            -answered.get(question.id, 0),
            index,
        )

    def why(question: BankQuestion) -> str:
        if question.id == REFERRAL_QUESTION:
            return "always ask it, so that one conversation leads to the next"
        names = by_peers.get(question.id)
        if names:
            return f"{_names(names)} answered it, also in {field[question.id]}"
        if fitted and question.for_:
            return f"suits a {person.seniority} person"
        if answered.get(question.id):
            return "others answered it, to compare"
        return f"covers {question.category.replace('-', ' ')}"

    picked: list[BankQuestion] = []
    referral = next((q for _, q in candidates if q.id == REFERRAL_QUESTION), None)
    if referral is not None:
        picked.append(referral)
    groups: dict[str, list[BankQuestion]] = {}
    for _, question in sorted(candidates, key=rank):
        if question is not referral:
            groups.setdefault(question.category, []).append(question)
    order = sorted(groups, key=category_key)
    # The referral question is its category's turn in the first round.
    waiting = {referral.category} if referral is not None else set()
    while len(picked) < limit and any(groups.values()):
        for category in order:
            if category in waiting:
                waiting.discard(category)
            elif groups[category] and len(picked) < limit:
                picked.append(groups[category].pop(0))
    return [Suggestion(question, why(question)) for question in picked[:limit]]


def suggested_questions(
    notebook: Notebook,
    contact: Contact | str,
    today: date,
    limit: int = 8,
    *,
    prepared: Iterable[AskedQuestion] = (),
) -> list[BankQuestion]:
    """The questions of ``suggestions``, without the reasons."""
    return [s.question for s in suggestions(notebook, contact, today, limit, prepared=prepared)]
