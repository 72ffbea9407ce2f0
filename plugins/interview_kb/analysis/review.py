"""What the guide will publish, for its owner to read first (``guide --review``).

Every passage the guide takes from shared interviews (answers, the texts of
members' own questions, lessons), as published and with each blank shown
with what it hides, and every capitalized word left in them that may still
name a person or an organization. The review is for the owner's eyes: it
names the interviews and what was blanked, so it is printed, never built
into a site. Nothing here imports MkDocs or click.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import MONTH_NAMES, WEEKDAY_NAMES, Notebook
from .redact import BLANK, Blank, Redactor, apply, fold, notebook_terms, ordinary_words


@dataclass(frozen=True)
class Passage:
    """One text the guide will publish."""

    kind: str  # "answer", "question" (a member's own) or "lesson"
    notebook: str  # "" for the notebook itself, "member 1"... for shared_from
    interview: str
    question: str | None  # what an answer answers
    original: str
    blanks: tuple[Blank, ...]

    @property
    def published(self) -> str:
        """The text as the guide shows it."""
        return apply(self.original, self.blanks)

    def marked(self, mark: str = "[… {}]") -> str:
        """The text with each blank showing what it hides: ``[… Fieldnote]``."""
        parts: list[str] = []
        at = 0
        for blank in self.blanks:
            parts += [self.original[at : blank.start], mark.format(blank.original)]
            at = blank.end
        parts.append(self.original[at:])
        return "".join(parts)


@dataclass(frozen=True)
class Suspect:
    """A capitalized word left in the published passages."""

    word: str
    passages: tuple[int, ...]  # numbers from 1, in the order of the review


@dataclass(frozen=True)
class Review:
    """The passages, in order, and the words to look at."""

    passages: tuple[Passage, ...]
    suspects: tuple[Suspect, ...]


def guide_passages(
    notebooks: Sequence[Notebook], today: date, redact: Redactor | None = None
) -> list[Passage]:
    """Every passage ``public.public_guide`` publishes from these notebooks,
    with the same rules: held interviews with ``share``, the answers the
    share list names, lessons only with ``share: yes``."""
    redact = redact or Redactor(notebook_terms(notebooks))
    passages: list[Passage] = []
    for number, notebook in enumerate(notebooks):
        label = f"member {number}" if number else ""
        for slug, interview in sorted(notebook.interviews.items()):
            if not interview.share or not interview.is_held(today):
                continue

            found: list[tuple[str, str, str | None]] = []  # kind, text, question
            for asked in interview.questions:
                bank = notebook.bank_question(asked)
                if not interview.shares_answer(asked, bank.id if bank else None):
                    continue
                if bank is None and asked.text:
                    found.append(("question", asked.text, None))
                if asked.answer:
                    answers = bank.text if bank else redact(asked.text or "")
                    found.append(("answer", asked.answer, answers))
            learned = interview.reflection.learned if interview.reflection else None
            if learned and not interview.share_only:
                found.append(("lesson", learned, None))
            for kind, text, about in found:
                blanks = tuple(redact.blanks(text))
                passages.append(Passage(kind, label, slug, about, text, blanks))
    return passages


# Capitalized words that name no one: the pronoun, days and months.
_FINE = frozenset(
    fold(w) + plural
    for w in ("I", "I'm", "I've", "I'd", *WEEKDAY_NAMES, *MONTH_NAMES)
    for plural in ("", "s")
)
_CAPITALIZED = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_END = re.compile(r"[.!?:;\n][\"'\u201d\u2019)\]]*\s*[\"'\u201c\u2018(\[]*$")


def suspects(texts: Sequence[str]) -> list[Suspect]:
    """Capitalized words in ``texts`` that may name a person or an
    organization: any not at the start of a sentence, and those at the start
    that are not ordinary English words; acronyms included ("IBM")."""
    ordinary = ordinary_words()
    found: dict[str, list[int]] = {}
    for number, text in enumerate(texts, start=1):
        for match in _CAPITALIZED.finditer(text.replace(BLANK, " ")):
            word = re.sub(r"['\u2019]s$", "", match.group()).rstrip("'\u2019-")
            if not word[0].isupper() or fold(word) in _FINE:
                continue
            before = text.replace(BLANK, " ")[: match.start()]
            starts = not before.strip() or _SENTENCE_END.search(before) is not None
            if starts and fold(word) in ordinary:
                continue
            places = found.setdefault(word, [])
            if number not in places:
                places.append(number)
    return [Suspect(word, tuple(places)) for word, places in sorted(found.items())]


def review(notebooks: Sequence[Notebook], today: date) -> Review:
    """The review of the guide these notebooks make."""
    passages = guide_passages(notebooks, today)
    return Review(tuple(passages), tuple(suspects([p.published for p in passages])))
