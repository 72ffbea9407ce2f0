"""The notebook's model: plain, immutable objects read from the notes.

Nothing here knows about MkDocs, click or the clock. The reader (``reader/notes.py``)
normalises every value once, so code downstream never checks types again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from .vocab import (
    Channel,
    Interest,
    InterviewStatus,
    Mode,
    OutreachKind,
    Policy,
    PublishMode,
    Seniority,
    StillInterested,
    Warmth,
)

Severity = Literal["error", "warning"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# English month names, whatever the machine's locale ("%B" would follow it).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Problem:
    """Something wrong with a note, reported as ``path:line: severity: message``."""

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """The object `interview-kb check --format json` prints."""
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "message": self.message,
        }


@dataclass(frozen=True)
class Notice:
    """Something the reader chose for a note, said for information only (a
    name taken from the file's title, an index note skipped): ``interview-kb
    check`` prints it as ``path:line: info: message``. Not a problem: it never
    fails a build, and ``check --format json`` leaves it out."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: info: {self.message}"


@dataclass(frozen=True)
class OutreachEvent:
    """One thing that happened between the notebook's owner and a contact."""

    date: dt.date
    kind: OutreachKind
    channel: Channel | None = None
    note: str | None = None


@dataclass(frozen=True)
class Reminder:
    """A reminder the notebook's owner set on a contact ("try again in March"):
    rule 9 of docs/notes.md."""

    date: dt.date
    note: str | None = None
    done: bool = False


@dataclass(frozen=True)
class Contact:
    """A person, read from ``contacts/<slug>.md``.

    ``seniority`` and ``warmth`` hold the values after inference;
    ``seniority_inferred`` and ``warmth_inferred`` say whether they were.
    """

    slug: str
    path: str
    name: str
    role: str | None = None
    organization: str | None = None
    seniority: Seniority | None = None
    seniority_inferred: bool = False
    years_experience: float | None = None
    warmth: Warmth | None = None
    warmth_inferred: bool = False
    connection: str | None = None
    introduced_by: str | None = None
    interest: tuple[Interest, ...] = ()
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    location: str | None = None
    greeting: str | None = None  # how a drafted message opens ("Dear Dr. Lin")
    # The last time you were in touch, as Obsidian templates keep it
    # (last_contact, last_chatted): counts as an interaction for rule 6.
    last_contact: dt.date | None = None
    local: bool | None = None
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    outreach: tuple[OutreachEvent, ...] = ()
    reminders: tuple[Reminder, ...] = ()  # in the note's order (numbered from 1)
    extra: tuple[tuple[str, str], ...] = ()
    # Fields whose value was a wikilink, with its target (("organization",
    # "Acme Robotics")): the page links the value when a note of that name exists.
    links: tuple[tuple[str, str], ...] = ()
    body: str = ""
    body_line: int = 1


@dataclass(frozen=True)
class AskedQuestion:
    """A question listed by an interview.

    ``text`` is the question as written (``ask``, or the plain text item);
    ``id`` names a bank question. At least one of them is set.
    """

    text: str | None = None
    id: str | None = None
    answer: str | None = None


@dataclass(frozen=True)
class Referral:
    """Someone the interviewee suggested talking to."""

    name: str | None = None
    contact: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Promise:
    """Something the interviewee offered to send.

    ``received`` says whether it arrived; ``received_on`` is the date, when
    the note gave one (``received: 2026-11-10``; ``no`` or absent: not yet).
    """

    item: str
    received: bool = False
    received_on: dt.date | None = None


@dataclass(frozen=True)
class Resource:
    """A book, site or group the interviewee recommended."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class Reflection:
    """What the owner made of a conversation afterwards."""

    learned: str | None = None
    went_well: str | None = None
    improve: str | None = None
    still_interested: StillInterested | None = None
    rating: int | None = None
    next_steps: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """True when nothing was written in it."""
        return not any(
            (
                self.learned,
                self.went_well,
                self.improve,
                self.still_interested,
                self.rating,
                self.next_steps,
            )
        )


@dataclass(frozen=True)
class Interview:
    """A conversation, read from ``interviews/<slug>.md``.

    ``date`` is the day; ``time`` is set when the note gave a time of day.
    """

    slug: str
    path: str
    contact: str
    date: dt.date
    time: dt.time | None = None
    status: InterviewStatus | None = None
    mode: Mode | None = None
    duration: int | None = None
    location: str | None = None
    questions: tuple[AskedQuestion, ...] = ()
    referrals: tuple[Referral, ...] = ()
    promised: tuple[Promise, ...] = ()
    resources: tuple[Resource, ...] = ()
    thank_you: dt.date | None = None
    # The one thing the thank-you draft mentions: drafts quote nothing else you wrote.
    thank_you_note: str | None = None
    reflection: Reflection | None = None
    share: bool = False
    # Revision of 2026-12-02: `share` as a list of question ids or asked
    # texts shares only those answers (``share`` is then true).
    share_only: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    body: str = ""
    body_line: int = 1
    # Read from a share bundle, which keeps the month only: the interview's
    # place among the member's shared interviews, oldest first (from 1).
    rank: int | None = None

    def shares_answer(self, asked: AskedQuestion, bank_id: str | None = None) -> bool:
        """Whether the answer to ``asked`` may reach the guide: ``share: yes``
        shares every answer, a list only those it names by id or asked text
        (``bank_id``: the bank question ``asked`` belongs to, if any)."""
        if not self.share:
            return False
        if not self.share_only:
            return True
        named = {fold(item) for item in self.share_only}
        return any(fold(key) in named for key in (asked.id, asked.text, bank_id) if key)

    @property
    def cancelled(self) -> bool:
        """Only ``cancelled`` among the statuses changes anything."""
        return self.status == "cancelled"

    def is_held(self, today: dt.date) -> bool:
        """Held: on or before today and not cancelled."""
        return not self.cancelled and self.date <= today

    def is_upcoming(self, today: dt.date) -> bool:
        """Upcoming: on or after today and not cancelled (today is both)."""
        return not self.cancelled and self.date >= today


@dataclass(frozen=True)
class Profile:
    """The notebook's owner, read from ``profile.yml``: it signs every draft
    and introduces them on the prep sheet, and never reaches the guide.

    ``background`` is the program or field they come from; ``exploring``
    what they are exploring; ``introduction`` a few sentences about them.
    """

    name: str | None = None
    signature: str | None = None
    introduction: str | None = None
    background: str | None = None
    exploring: str | None = None

    @property
    def sign_off(self) -> str | None:
        """The lines under "Best wishes,": the signature, else the name."""
        return self.signature or self.name


@dataclass(frozen=True)
class BankQuestion:
    """A question of the bank: built in, or from the notebook's questions.yml."""

    id: str
    text: str
    category: str
    for_: tuple[Seniority, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = "built-in"

    def suits(self, seniority: str | None) -> bool:
        """True when the question suits a person of this seniority."""
        return not self.for_ or seniority is None or seniority in self.for_


_PUNCTUATION = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Text folded for comparison: case, white space and punctuation ignored."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", normal).split())


def interview_order(interview: Interview) -> tuple[dt.date, dt.time, str]:
    """Sort key of interviews: oldest first, then by time of day and slug."""
    return (interview.date, interview.time or dt.time(0), interview.slug)


def _frozen(mapping: Mapping[str, object] | None = None) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Options:
    """The plugin's options, as plain data the core can use.

    Mirrors the option table of docs/notes.md; the MkDocs ``Config`` class in
    ``plugin_config.py`` validates them and builds this object, and
    ``reader/mkdocs_yml.py`` builds it without MkDocs.
    """

    contacts_dir: str = "contacts"
    interviews_dir: str = "interviews"
    questions_file: str = "questions.yml"
    today: dt.date | None = None
    holidays: tuple[dt.date, ...] = ()
    holidays_country: str | None = None
    reconnect_after_days: int = 90
    thank_you_business_days: int = 2
    follow_up_after_days: int = 7
    follow_up_policy: Policy = Policy.WEEK
    shared_from: tuple[str, ...] = ()
    publish: PublishMode = PublishMode.NOTEBOOK
    # Revision of 2026-12-02: `mkdocs gh-deploy` of the notebook itself is
    # refused unless this says it is meant; the guide's own home page.
    deploy_notebook: bool = False
    guide_home: str = "guide/index.md"
    # The plan: targets from common career advice (docs/plan.md explains them).
    plan_interviews_min: int = 3
    plan_interviews_max: int = 6
    plan_role_interest: int = 2
    plan_organization_interest: int = 2
    plan_junior_share: float = 0.5
    # Coming from Obsidian: more keys for the contact fields (field, key) and
    # the tags a note of the contacts folder needs to count as a person.
    keys: tuple[tuple[str, str], ...] = ()
    contacts_where: tuple[str, ...] = ()  # the tags of {tags: [...]}


@dataclass(frozen=True)
class Notebook:
    """Everything read from one notebook folder, with the problems found."""

    contacts: Mapping[str, Contact] = field(default_factory=_frozen)  # type: ignore[arg-type]
    interviews: Mapping[str, Interview] = field(default_factory=_frozen)  # type: ignore[arg-type]
    bank: Mapping[str, BankQuestion] = field(default_factory=_frozen)  # type: ignore[arg-type]
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()
    # The owner's profile.yml; None when the notebook has none. Only the
    # owner's own pages, drafts and prep sheets read it, never the guide.
    profile: Profile | None = None

    def __post_init__(self) -> None:
        by_contact: dict[str, list[Interview]] = {}
        for interview in sorted(self.interviews.values(), key=interview_order):
            by_contact.setdefault(interview.contact, []).append(interview)
        index = {slug: tuple(items) for slug, items in by_contact.items()}
        object.__setattr__(self, "_by_contact", index)
        by_text: dict[str, BankQuestion] = {}
        for question in self.bank.values():
            by_text.setdefault(fold(question.text), question)
        object.__setattr__(self, "_bank_by_text", by_text)

    def bank_question(self, asked: AskedQuestion) -> BankQuestion | None:
        """The bank question an asked question belongs to (by id, else by
        folded text), or None for a custom question."""
        if asked.id and asked.id in self.bank:
            return self.bank[asked.id]
        if asked.text:
            index: dict[str, BankQuestion] = self._bank_by_text  # type: ignore[attr-defined]
            return index.get(fold(asked.text))
        return None

    def interviews_of(self, slug: str) -> tuple[Interview, ...]:
        """The interviews with one contact, oldest first."""
        index: dict[str, tuple[Interview, ...]] = self._by_contact  # type: ignore[attr-defined]
        return index.get(slug, ())

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity ``error``."""
        return tuple(p for p in self.problems if p.severity == "error")
