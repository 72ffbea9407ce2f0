"""What the reflections say, across interviews: interest by tag, lessons, next steps.

Pure functions of a ``Notebook`` and the date taken as today. Only *held*
interviews with a reflection that is not empty count. A contact's tags
group its interviews; an interview counts once under each tag of its contact,
and under ``None`` (shown as "no tag") when the contact has none. Tags sort
alphabetically (case folded), "no tag" last. Lists run newest interview first,
except the ratings, which run oldest first (they are a series over time).
Every next step is open: the note format has no "done" marker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..core.model import Interview, Notebook, Reflection, interview_order


@dataclass(frozen=True)
class Noted:
    """A text from one interview's reflection (a lesson, a next step...)."""

    interview: str
    contact: str
    date: date
    text: str


@dataclass(frozen=True)
class TagInterest:
    """How many reflected interviews with people of one tag left you still
    interested: yes, no, unsure. ``tag`` is None for contacts without tags."""

    tag: str | None
    yes: int = 0
    no: int = 0
    unsure: int = 0

    @property
    def total(self) -> int:
        """The interviews counted in this row."""
        return self.yes + self.no + self.unsure


@dataclass(frozen=True)
class Rating:
    """One interview's rating (1 to 5) of how well the conversation went."""

    date: date
    contact: str
    interview: str
    rating: int


def _reflection(interview: Interview) -> Reflection:
    return interview.reflection or Reflection()


def reflected(notebook: Notebook, today: date) -> list[Interview]:
    """The held interviews with a reflection, newest first."""
    found = [
        interview
        for interview in notebook.interviews.values()
        if interview.is_held(today)
        and interview.reflection is not None
        and not interview.reflection.is_empty()
    ]
    return sorted(found, key=interview_order, reverse=True)


def not_reflected(notebook: Notebook, today: date) -> list[Interview]:
    """The held interviews still without a reflection, newest first."""
    found = [
        interview
        for interview in notebook.interviews.values()
        if interview.is_held(today)
        and (interview.reflection is None or interview.reflection.is_empty())
    ]
    return sorted(found, key=interview_order, reverse=True)


def _tags(notebook: Notebook, interview: Interview) -> tuple[str | None, ...]:
    contact = notebook.contacts.get(interview.contact)
    tags = tuple(dict.fromkeys(contact.tags)) if contact else ()
    return tags or (None,)


def _tag_key(tag: str | None) -> tuple[int, str, str]:
    return (1, "", "") if tag is None else (0, tag.casefold(), tag)


def interest_by_tag(notebook: Notebook, today: date) -> list[TagInterest]:
    """Still interested (yes / no / unsure) by tag of the contact: each reflected
    interview that says counts once under each tag of its contact."""
    counts: dict[str | None, dict[str, int]] = {}
    for interview in reflected(notebook, today):
        answer = _reflection(interview).still_interested
        if answer not in ("yes", "no", "unsure"):
            continue
        for tag in _tags(notebook, interview):
            row = counts.setdefault(tag, {"yes": 0, "no": 0, "unsure": 0})
            row[answer] += 1
    return [TagInterest(tag, **counts[tag]) for tag in sorted(counts, key=_tag_key)]


def interest_total(notebook: Notebook, today: date) -> TagInterest:
    """Still interested over all reflected interviews, each counted once."""
    row = {"yes": 0, "no": 0, "unsure": 0}
    for interview in reflected(notebook, today):
        answer = _reflection(interview).still_interested
        if answer in row:
            row[answer] += 1
    return TagInterest(None, **row)


def _noted(
    notebook: Notebook, today: date, pick: Callable[[Reflection], tuple[str, ...]]
) -> list[Noted]:
    return [
        Noted(interview.slug, interview.contact, interview.date, text)
        for interview in reflected(notebook, today)
        for text in pick(_reflection(interview))
    ]


def _one(text: str | None) -> tuple[str, ...]:
    return (text,) if text and text.strip() else ()


def learned(notebook: Notebook, today: date) -> list[Noted]:
    """What each reflected interview taught, newest first."""
    return _noted(notebook, today, lambda r: _one(r.learned))


def went_well(notebook: Notebook, today: date) -> list[Noted]:
    """What went well in each reflected interview, newest first."""
    return _noted(notebook, today, lambda r: _one(r.went_well))


def to_improve(notebook: Notebook, today: date) -> list[Noted]:
    """What to improve, from each reflected interview, newest first."""
    return _noted(notebook, today, lambda r: _one(r.improve))


def next_steps(notebook: Notebook, today: date) -> list[Noted]:
    """Every next step, newest interview first, each interview's in its own order."""
    return _noted(notebook, today, lambda r: tuple(s for s in r.next_steps if s.strip()))


def learned_by_tag(notebook: Notebook, today: date) -> list[tuple[str | None, list[Noted]]]:
    """What was learned, grouped by tag of the contact (see the module)."""
    groups: dict[str | None, list[Noted]] = {}
    for item in learned(notebook, today):
        interview = notebook.interviews[item.interview]
        for tag in _tags(notebook, interview):
            groups.setdefault(tag, []).append(item)
    return [(tag, groups[tag]) for tag in sorted(groups, key=_tag_key)]


def ratings(notebook: Notebook, today: date) -> list[Rating]:
    """The rating of each reflected interview that gives one, oldest first."""
    return [
        Rating(interview.date, interview.contact, interview.slug, rating)
        for interview in reversed(reflected(notebook, today))
        if (rating := _reflection(interview).rating)
    ]


def average_rating(notebook: Notebook, today: date) -> float | None:
    """The mean of the ratings, or None when there is none."""
    found = ratings(notebook, today)
    return sum(r.rating for r in found) / len(found) if found else None
