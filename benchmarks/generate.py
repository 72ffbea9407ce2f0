"""A seeded generator of realistic notebooks, for the benchmark.

``write_notebook(root, notes, seed)`` writes a notebook of ``notes`` notes (about
one contact for two interviews) into ``root``: ``mkdocs.yml``, ``docs/index.md``,
``questions.yml``, ``contacts/`` and ``interviews/``. Every field of the note
format is used: every outreach kind and channel, seniority given or inferred
from ``years_experience``, warmth given or inferred from ``introduced_by``,
introductions and referrals forming chains, promises received or not,
resources, thank-you notes, reflections, shared and private interviews,
question-bank ids and custom questions. Bodies are 150 to 400 words of
pseudo-words; names, places and organizations are made of syllables, and every
address ends in ``.example``. The same seed gives the same bytes.

As a command::

    python benchmarks/generate.py OUT --notes 1000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple, TypeVar

import yaml

T = TypeVar("T")

# "Today" of every generated notebook (the plugin option), and the two years
# of history before it. A few interviews fall in the month after it.
TODAY = date(2026, 11, 20)
START = TODAY - timedelta(days=730)
UPCOMING_DAYS = 30

OUTREACH_KINDS = ("request", "follow-up", "reply", "declined", "update", "note", "closed")
CHANNELS = ("email", "linkedin", "phone", "in-person", "other")
SENIORITIES = ("junior", "mid", "senior")
CATEGORIES = ("background", "day-to-day", "fit", "inside-view", "advice", "network", "organization")

# fmt: off
_ONSETS = (
    "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "br", "ch", "dr", "fl", "gr", "kl", "pr", "sh", "st", "th", "tr",
)
# fmt: on
_VOWELS = ("a", "a", "e", "e", "i", "o", "o", "u", "ai", "ea", "ie", "io", "ou")
_ACCENTED = ("á", "é", "í", "ó", "ú", "ñ", "ü")
_CODAS = ("", "", "", "", "n", "r", "s", "l", "m", "t", "k", "nd", "rt", "ss")

_ROLE_FIELDS = (
    "Product",
    "Data",
    "UX",
    "Research",
    "Policy",
    "Operations",
    "Content",
    "Program",
    "Software",
    "Marketing",
    "Learning",
    "Finance",
)
_ROLE_TITLES = (
    "Analyst",
    "Designer",
    "Manager",
    "Engineer",
    "Researcher",
    "Lead",
    "Specialist",
    "Coordinator",
    "Director",
    "Strategist",
)
_ORG_KINDS = (
    "Labs",
    "Analytics",
    "Health",
    "Transit",
    "Studio",
    "Partners",
    "Foundation",
    "Works",
    "Collective",
    "Group",
    "Institute",
    "Cooperative",
)
_REGIONS = ("MN", "WI", "IA", "CO", "OR", "IL", "ON", "QC", "NSW", "Lisboa", "Bayern", "Lyon")
_TAGS = (
    "career-change",
    "data-analysis",
    "ux-research",
    "product-design",
    "civic-tech",
    "accessibility",
    "healthcare",
    "education",
    "logistics",
    "finance",
    "nonprofit",
    "agency",
    "startup",
    "public-sector",
    "remote",
    "management",
    "hiring",
    "writing",
    "engineering",
    "policy",
    "energy",
    "transport",
    "research-ops",
    "content-design",
)
_CONNECTIONS = (
    "Same university, {n} years apart",
    "Met at the {w} meetup",
    "Former colleague at {o}",
    "Friend of a friend from the {w} choir",
    "Sat next to each other at a {w} workshop",
    "Both volunteer at the {w} food bank",
    "Found through the alumni network",
    "Same bootcamp cohort, {n} years apart",
)


# ---------------------------------------------------------------------------
# seeded words


def _fold(text: str) -> str:
    """ASCII letters of ``text``, for slugs and addresses."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Words:
    """Pseudo-words from syllables, drawn with a Zipf-like frequency."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        vocabulary: list[str] = []
        seen: set[str] = set()
        while len(vocabulary) < size:
            word = "".join(self.syllable() for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                vocabulary.append(word)
        # Short words are the frequent ones, as in any language.
        vocabulary.sort(key=len)
        self.vocabulary = vocabulary
        self.cumulative = list(accumulate(1.0 / (rank + 2) for rank in range(size)))

    def syllable(self, accents: bool = False) -> str:
        vowel = self.rng.choice(_ACCENTED if accents else _VOWELS)
        return self.rng.choice(_ONSETS) + vowel + self.rng.choice(_CODAS)

    def name_part(self) -> str:
        count = self.rng.choice((2, 2, 3))
        accent_at = self.rng.randrange(count) if self.rng.random() < 0.08 else -1
        return "".join(self.syllable(i == accent_at) for i in range(count)).capitalize()

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self, count: int, end: str = ".") -> str:
        words = self.words(count)
        if count > 5 and self.rng.random() < 0.1:
            at = self.rng.randrange(1, count)
            words[at] = f"**{words[at]}**"
        if count > 7 and self.rng.random() < 0.4:
            cut = self.rng.randrange(3, count - 3)
            words[cut] += ","
        return " ".join(words).capitalize() + end

    def phrase(self, low: int = 3, high: int = 12, end: str = ".") -> str:
        return self.sentence(self.rng.randint(low, high), end)

    def title(self, low: int = 1, high: int = 4) -> str:
        return " ".join(self.words(self.rng.randint(low, high))).capitalize()

    def body(self, heading: str) -> str:
        """A note's Markdown body: 150 to 400 words under ``heading``."""
        rng = self.rng
        budget = rng.randint(150, 400)
        blocks = [f"# {heading}"]
        last = "heading"
        while budget > 0:
            shape = rng.choices(("paragraph", "bullets", "numbered", "section"), (6, 2, 1, 2))[0]
            if shape == last or (shape == "section" and last == "heading"):
                shape = "paragraph"
            if shape == "section":
                blocks.append(f"## {self.title(1, 4)}")
            elif shape == "paragraph":
                sentences = []
                for _ in range(rng.randint(2, 6)):
                    size = self._take(rng.randint(5, 18), budget)
                    budget -= size
                    sentences.append(self.sentence(size))
                    if budget <= 0:
                        break
                blocks.append(textwrap.fill(" ".join(sentences), 78))
            else:
                items = []
                for number in range(1, rng.randint(2, 5) + 1):
                    size = self._take(rng.randint(3, 12), budget)
                    budget -= size
                    marker = f"{number}." if shape == "numbered" else "-"
                    items.append(f"{marker} {self.sentence(size)}")
                    if budget <= 0:
                        break
                blocks.append("\n".join(items))
            last = shape
        return "\n\n".join(blocks) + "\n"

    @staticmethod
    def _take(size: int, budget: int) -> int:
        # Never leave a remainder too short to make a sentence.
        return budget if budget - size < 3 else size


# ---------------------------------------------------------------------------
# YAML, written the way a person would


_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f ,.'()?!/&*-]*")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "y", "n", "null"}


def q(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else double-quoted."""
    if (
        _PLAIN.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text.casefold() not in _YAML_WORDS
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(items) + "]"


def long_text(key: str, text: str, indent: int) -> list[str]:
    """``key: text``, folded over several lines (``>-``) when it is long."""
    pad = " " * indent
    if len(text) + len(key) + indent < 88:
        return [f"{pad}{key}: {q(text)}"]
    lines = textwrap.wrap(text, 74 - indent)
    return [f"{pad}{key}: >-", *(f"{pad}  {line}" for line in lines)]


# ---------------------------------------------------------------------------
# the people and their history


class Summary(NamedTuple):
    """What ``write_notebook`` wrote."""

    root: Path
    contacts: int
    interviews: int


@dataclass
class _Event:
    day: date
    kind: str
    channel: str | None = None
    note: str | None = None


@dataclass
class _Interview:
    day: date
    slug: str
    held: bool = False
    upcoming: bool = False
    cancelled: bool = False
    # Contacts this conversation suggested talking to next.
    referred: list[int] = field(default_factory=list)


@dataclass
class _Contact:
    index: int
    slug: str
    name: str
    first: str
    start: date
    scenario: str
    organization: str
    seniority: str
    introduced_by: int | None = None
    aliases: list[str] = field(default_factory=list)
    local: bool = False
    location: str = ""
    events: list[_Event] = field(default_factory=list)
    interviews: list[_Interview] = field(default_factory=list)


class Cover:
    """Random choices that take every option once before choosing freely.

    A notebook of a hundred notes then still uses every kind, channel and
    form at least once.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[str, int] = {}

    def pick(self, key: str, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
        count = self.used.get(key, 0)
        self.used[key] = count + 1
        if count < len(options):
            return options[count]
        return self.rng.choices(options, weights)[0]


class _Generator:
    def __init__(self, notes: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cover = Cover(self.rng)
        self.words = Words(self.rng)
        self.notes = notes
        self.seed = seed
        self.names: set[str] = set()
        self.slugs: set[str] = set()
        self.bank = self._bank()
        self.own_bank = self._own_bank()
        self.bank_ids = [*self.bank, *(entry["id"] for entry in self.own_bank)]
        self.custom_questions = [self.words.phrase(5, 12, "?") for _ in range(max(12, notes // 12))]
        self.custom_weights = [1.0 / (rank + 1) for rank in range(len(self.custom_questions))]

    # -- reference data ----------------------------------------------------

    @staticmethod
    def _bank() -> dict[str, str]:
        """The built-in question bank's ids and texts, from the package data."""
        data = resources.files("interview_kb").joinpath("data/questions.yml").read_text("utf-8")
        entries = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return {str(entry["id"]): str(entry["text"]) for entry in entries}

    def _own_bank(self) -> list[dict[str, str | list[str]]]:
        """The notebook's questions.yml: one override of a built-in id, and new ones."""
        rng = self.rng
        override = "career-switch" if "career-switch" in self.bank else next(iter(self.bank))
        entries: list[dict[str, str | list[str]]] = [
            {
                "id": override,
                "text": self.words.phrase(8, 14, "?"),
                "category": "background",
                "tags": ["career-change"],
            }
        ]
        for number in range(1, 6):
            entry: dict[str, str | list[str]] = {
                "id": f"nb-{_fold(self.words.title(1, 2))}-{number}",
                "text": self.words.phrase(6, 14, "?"),
                "category": CATEGORIES[(number * 3) % len(CATEGORIES)],
                "tags": rng.sample(_TAGS, rng.randint(1, 3)),
            }
            if number % 2:
                entry["for"] = sorted(
                    rng.sample(SENIORITIES, rng.randint(1, 2)), key=SENIORITIES.index
                )
            entries.append(entry)
        return entries

    def new_name(self) -> tuple[str, str, str]:
        """A fictional person's (name, first name, slug), unique in the notebook."""
        while True:
            first, last = self.words.name_part(), self.words.name_part()
            if self.rng.random() < 0.06:
                last += "-" + self.words.name_part()
            name = f"{first} {last}"
            slug = _fold(name)
            if name.casefold() not in self.names and slug not in self.slugs:
                self.names.add(name.casefold())
                self.slugs.add(slug)
                return name, first, slug

    def day_between(self, low: date, high: date) -> date:
        if high <= low:
            return low
        return low + timedelta(days=self.rng.randint(0, (high - low).days))

    # -- the plan ------------------------------------------------------------

    def plan(self) -> list[_Contact]:
        rng = self.rng
        n_contacts = max(1, round(self.notes / 3))
        n_interviews = self.notes - n_contacts
        interviewed = min(n_contacts, n_interviews, max(1, round(n_contacts * 0.72)))
        others = ["declined", "pending", "ghosted", "closed", "not-contacted"]
        scenarios = ["interviewed"] * interviewed + [
            others[i % len(others)] if i < len(others) else rng.choice(others)
            for i in range(n_contacts - interviewed)
        ]
        rng.shuffle(scenarios)
        organizations = [
            f"{self.words.name_part()} {rng.choice(_ORG_KINDS)}"
            for _ in range(max(3, n_contacts // 5))
        ]
        org_weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(organizations))]
        cities = [f"{self.words.name_part()}, {rng.choice(_REGIONS)}" for _ in range(12)]
        starts = sorted(self.day_between(START, TODAY - timedelta(days=40)) for _ in scenarios)

        contacts: list[_Contact] = []
        for index, (scenario, start) in enumerate(zip(scenarios, starts, strict=True)):
            name, first, slug = self.new_name()
            if scenario == "pending":
                start = TODAY - timedelta(days=rng.randint(1, 20))
            contact = _Contact(
                index=index,
                slug=slug,
                name=name,
                first=first,
                start=start,
                scenario=scenario,
                organization=rng.choices(organizations, org_weights)[0],
                seniority=rng.choice(SENIORITIES),
                local=rng.random() < 0.6,
                location=rng.choice(cities),
            )
            if rng.random() < 0.2:
                nickname = first[: rng.randint(3, 4)].capitalize()
                if nickname.casefold() not in self.names and len(nickname) < len(first):
                    self.names.add(nickname.casefold())
                    contact.aliases.append(nickname)
            contacts.append(contact)

        # Introductions: a contact met through an earlier, interviewed one.
        # Those form chains (A introduced B, who introduced C...).
        earlier: list[int] = []
        for contact in contacts:
            if earlier and rng.random() < 0.4:
                contact.introduced_by = rng.choice(earlier[-200:])
            if contact.scenario == "interviewed":
                earlier.append(contact.index)

        # Interviews: one for each interviewed contact, the rest spread
        # unevenly (a mentor is met again and again).
        counts = {c.index: 1 for c in contacts if c.scenario == "interviewed"}
        keys = list(counts)
        weights = [rng.paretovariate(1.6) for _ in keys]
        for key in rng.choices(keys, weights, k=max(0, n_interviews - len(keys))) if keys else ():
            counts[key] += 1
        for contact in contacts:
            self._history(contact, counts.get(contact.index, 0))

        # Referrals: the contacts a person introduced were suggested in one of
        # the conversations held with them before the introduction.
        for contact in contacts:
            if contact.introduced_by is None:
                continue
            mentor = contacts[contact.introduced_by]
            held = [i for i in mentor.interviews if i.held and i.day <= contact.start]
            held = held or [i for i in mentor.interviews if i.held]
            if held:
                rng.choice(held).referred.append(contact.index)
        return contacts

    def _history(self, contact: _Contact, interviews: int) -> None:
        rng, cover = self.rng, self.cover
        start = contact.start
        events = contact.events
        scenario = contact.scenario

        def event(day: date, kind: str, note_chance: float = 0.5) -> None:
            channel: str | None = cover.pick("channel", CHANNELS, (6, 4, 1, 1, 1))
            note = self.words.phrase(4, 14) if rng.random() < note_chance else None
            if rng.random() < 0.15:
                channel = None
            events.append(_Event(day, kind, channel, note))

        if scenario == "not-contacted":
            if rng.random() < 0.5:
                event(start, "note", 1.0)
            return
        direct = scenario == "interviewed" and rng.random() < 0.08
        if direct:
            # Met in person and agreed on a conversation there: no request.
            event(start, "note", 1.0)
            answered = start
        else:
            event(start, "request")
            answered = start
            follow_up = scenario in ("ghosted", "closed") or (
                scenario != "pending" and rng.random() < 0.25
            )
            if scenario == "pending":
                follow_up = (TODAY - start).days > 8 and rng.random() < 0.5
            if follow_up:
                answered = start + timedelta(days=rng.randint(7, 9))
                event(min(answered, TODAY), "follow-up")
            if scenario == "declined":
                event(answered + timedelta(days=rng.randint(1, 6)), "declined")
                return
            if scenario == "closed":
                event(answered + timedelta(days=rng.randint(10, 30)), "closed", 0.9)
                return
            if scenario in ("pending", "ghosted"):
                return
            answered += timedelta(days=rng.randint(1, 6))
            event(answered, "reply")

        first = answered + timedelta(days=rng.randint(2, 14))
        last_day = TODAY + timedelta(days=UPCOMING_DAYS)
        span = max((last_day - first).days, interviews)
        days = sorted(rng.sample(range(1, span + 1), interviews - 1)) if interviews > 1 else []
        for day in [first, *(first + timedelta(days=d) for d in days)]:
            contact.interviews.append(
                _Interview(
                    day=day,
                    slug=f"{day.isoformat()}-{contact.slug}",
                    upcoming=day >= TODAY,
                )
            )
        for interview in contact.interviews:
            interview.cancelled = rng.random() < 0.08
            interview.held = interview.day <= TODAY and not interview.cancelled
        held = [i.day for i in contact.interviews if i.held]
        if held and held[0] + timedelta(days=3) <= TODAY and rng.random() < 0.5:
            event(self.day_between(held[0] + timedelta(days=3), TODAY), "update")
        if rng.random() < 0.3:
            event(self.day_between(start, TODAY), "note", 1.0)
        if held and rng.random() < 0.06:
            event(self.day_between(max(held[-1], max(e.day for e in events)), TODAY), "closed")
        events.sort(key=lambda e: e.day)

    # -- writing -----------------------------------------------------------

    def contact_note(self, contact: _Contact, contacts: list[_Contact]) -> str:
        rng, cover = self.rng, self.cover
        org_domain = _fold(contact.organization)
        lines = ["---", f"name: {q(contact.name)}"]
        seniority = contact.seniority
        prefix = "Senior " if seniority == "senior" and rng.random() < 0.5 else ""
        role = f"{prefix}{rng.choice(_ROLE_FIELDS)} {rng.choice(_ROLE_TITLES)}"
        if rng.random() < 0.95:
            lines.append(f"role: {q(role)}")
        if rng.random() < 0.95:
            lines.append(f"organization: {q(contact.organization)}")
        years = {
            "junior": rng.choice((0.5, 1, 1.5, 2, 2.5)),
            "mid": rng.randint(3, 9),
            "senior": rng.randint(10, 30),
        }[seniority]
        how = cover.pick("seniority", ("given", "years", "both", "neither"), (35, 35, 20, 10))
        if how in ("given", "both"):
            lines.append(f"seniority: {seniority}")
        if how in ("years", "both"):
            lines.append(f"years_experience: {years}")
        introduced = contact.introduced_by is not None
        if introduced:
            warmth = cover.pick("warmth-introduced", (None, "warm", "cold"), (80, 10, 10))
        else:
            warmth = cover.pick("warmth", (None, "warm", "cold"), (30, 30, 40))
        if warmth:
            lines.append(f"warmth: {warmth}")
        if (introduced or warmth == "warm") and rng.random() < 0.7:
            template = rng.choice(_CONNECTIONS)
            connection = template.format(
                n=rng.randint(1, 9), w=self.words.title(1, 1), o=contact.organization
            )
            lines.append(f"connection: {q(connection)}")
        if contact.introduced_by is not None:
            lines.append(f"introduced_by: {contacts[contact.introduced_by].slug}")
        interest = cover.pick(
            "interest",
            (["role"], ["organization"], ["role", "organization"], []),
            (4, 3, 3, 1),
        )
        if interest:
            lines.append(
                f"interest: {interest[0]}"
                if len(interest) == 1 and rng.random() < 0.3
                else f"interest: {flow(interest)}"
            )
        user = _fold(contact.name).replace("-", ".")
        if rng.random() < 0.9:
            lines.append(f"email: {user}@{org_domain}.example")
        if rng.random() < 0.4:
            lines.append(f"phone: 555-01{rng.randint(0, 99):02d}")
        if rng.random() < 0.7:
            lines.append(f"linkedin: https://linkedin.example/in/{contact.slug}")
        if rng.random() < 0.15:
            lines.append(f"website: https://{contact.slug}.example")
        if rng.random() < 0.85:
            lines.append(f"location: {q(contact.location)}")
        if rng.random() < 0.7:
            lines.append(f"local: {'yes' if contact.local else 'no'}")
        if rng.random() < 0.85:
            tags = rng.sample(_TAGS, rng.randint(1, 4))
            if rng.random() < 0.8:
                lines.append(f"tags: {flow(tags)}")
            else:
                lines.append("tags:")
                lines += [f"  - {q('#' + tag if rng.random() < 0.3 else tag)}" for tag in tags]
        if contact.aliases:
            lines.append(f"aliases: {flow(contact.aliases)}")
        if contact.events:
            lines.append("outreach:")
            for item in contact.events:
                if item.note is None and rng.random() < 0.4:
                    parts = [f"date: {item.day.isoformat()}", f"kind: {item.kind}"]
                    parts += [f"channel: {item.channel}"] if item.channel else []
                    lines.append("  - {" + ", ".join(parts) + "}")
                    continue
                lines.append(f"  - date: {item.day.isoformat()}")
                lines.append(f"    kind: {item.kind}")
                if item.channel:
                    lines.append(f"    channel: {item.channel}")
                if item.note:
                    lines += long_text("note", item.note, 4)
        lines.append("---")
        heading = contact.name
        if contact.aliases:
            heading = f"{contact.name} ({contact.aliases[0]})"
        return "\n".join(lines) + "\n\n" + self.words.body(heading)

    def interview_note(
        self, contact: _Contact, interview: _Interview, contacts: list[_Contact]
    ) -> str:
        rng, cover, words = self.rng, self.cover, self.words
        lines = ["---", f"contact: {contact.slug}"]
        when = interview.day.isoformat()
        if rng.random() < 0.35:
            when += f" {rng.randint(8, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        lines.append(f"date: {when}")
        if interview.cancelled:
            lines.append("status: cancelled")
        elif interview.upcoming and interview.day > TODAY:
            if rng.random() < 0.7:
                lines.append("status: scheduled")
        elif rng.random() < 0.7:
            lines.append("status: done")
        modes = ("in-person", "video", "phone") if contact.local else ("video", "phone")
        mode = cover.pick("mode" + str(len(modes)), modes)
        if rng.random() < 0.9:
            lines.append(f"mode: {mode}")
        if rng.random() < 0.85:
            lines.append(f"duration: {rng.choice((20, 30, 30, 30, 45, 45, 60, 90))}")
        if rng.random() < 0.8:
            if mode == "in-person":
                place = f"{words.name_part()} Cafe, {contact.location.split(',')[0]}"
            elif mode == "video":
                place = f"https://meet.example/{_fold(words.title(1, 2))}-{rng.randint(10, 999)}"
            else:
                place = f"555-01{rng.randint(0, 99):02d}"
            lines.append(f"location: {q(place)}")
        lines += self._questions(interview.held)
        if interview.held:
            lines += self._referrals(interview, contacts)
            lines += self._promised(interview)
            lines += self._resources()
            thanked = rng.random() < 0.85
            if thanked:
                day = min(interview.day + timedelta(days=rng.randint(0, 3)), TODAY)
                lines.append(f"thank_you: {day.isoformat()}")
            if rng.random() < 0.75:
                lines += self._reflection()
            share = cover.pick("share", ("yes", "no", None), (35, 25, 40))
            if share:
                lines.append(f"share: {share}")
        lines.append("---")
        what = {"in-person": "Coffee", "video": "Video call", "phone": "Phone call"}[mode]
        heading = f"{what} with {contact.name}"
        return "\n".join(lines) + "\n\n" + self.words.body(heading)

    def _questions(self, held: bool) -> list[str]:
        rng, cover, words = self.rng, self.cover, self.words
        lines = ["questions:"]
        ids = rng.sample(self.bank_ids, rng.randint(2, 6))
        forms = ("id+answer", "ask+answer", "bank-text", "text", "id", "ask")
        weights = (50, 25, 5, 8, 7, 5) if held else (0, 0, 5, 40, 40, 15)
        for _ in range(rng.randint(3, 8)):
            form = cover.pick("question-held" if held else "question", forms, weights)
            if not held and form in ("id+answer", "ask+answer"):
                form = "id"
            if form in ("id+answer", "id"):
                if not ids:
                    continue
                lines.append(f"  - id: {ids.pop()}")
            elif form == "bank-text":
                # A bank question written out, with its own case and punctuation.
                text = self.bank[rng.choice(list(self.bank))]
                text = text.lower().rstrip("?") if rng.random() < 0.5 else text.upper()
                lines.append(f"  - ask: {q(text)}")
            else:
                ask = rng.choices(self.custom_questions, self.custom_weights)[0]
                if rng.random() < 0.15:
                    ask = ask.lower().rstrip("?")
                if form == "text":
                    lines.append(f"  - {q(ask)}")
                    continue
                lines.append(f"  - ask: {q(ask)}")
            if form in ("id+answer", "ask+answer") or (form == "bank-text" and held):
                answer = " ".join(words.phrase(4, 16) for _ in range(rng.randint(1, 3)))
                lines += long_text("answer", answer, 4)
        return lines if len(lines) > 1 else []

    def _referrals(self, interview: _Interview, contacts: list[_Contact]) -> list[str]:
        rng, cover, words = self.rng, self.cover, self.words
        items: list[list[str]] = []
        for index in interview.referred:
            other = contacts[index]
            form = cover.pick("referral", ("full", "name", "alias", "contact", "text"))
            if form == "alias" and not other.aliases:
                form = "name"
            if form == "full":
                item = [f"  - name: {q(other.name)}", f"    contact: {other.slug}"]
                item += long_text("note", words.phrase(4, 14), 4)
            elif form == "name":
                item = [f"  - name: {q(other.name.upper() if rng.random() < 0.2 else other.name)}"]
            elif form == "alias":
                item = [f"  - name: {q(other.aliases[0])}"]
            elif form == "contact":
                item = [f"  - contact: {other.slug}"]
            else:
                item = [f"  - {q(other.name)}"]
            items.append(item)
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            # Someone without a note (yet): a follow-up to do.
            name, _first, _slug = self.new_name()
            if rng.random() < 0.5:
                items.append([f"  - {q(name)}"])
            else:
                items.append([f"  - name: {q(name)}", *long_text("note", words.phrase(), 4)])
        rng.shuffle(items)
        return ["referrals:", *(line for item in items for line in item)] if items else []

    def _promised(self, interview: _Interview) -> list[str]:
        rng, cover, words = self.rng, self.cover, self.words
        lines = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            thing = words.phrase(2, 7, "")
            form = cover.pick("promised", ("received", "no", "item", "text"), (5, 2, 1, 2))
            if form == "text":
                lines.append(f"  - {q(thing)}")
                continue
            lines.append(f"  - item: {q(thing)}")
            if form == "received":
                day = self.day_between(interview.day, min(interview.day + timedelta(20), TODAY))
                lines.append(f"    received: {day.isoformat()}")
            elif form == "no":
                lines.append("    received: no")
        return ["promised:", *lines] if lines else []

    def _resources(self) -> list[str]:
        rng, cover, words = self.rng, self.cover, self.words
        lines = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            title = words.title(2, 6)
            url = f"https://{_fold(words.title(1, 2))}.example/{_fold(words.title(1, 3))}"
            form = cover.pick("resource", ("both", "text", "url", "title"), (5, 3, 1, 1))
            if form == "both":
                lines += [f"  - title: {q(title)}", f"    url: {url}"]
            elif form == "url":
                lines.append(f"  - url: {url}")
            elif form == "title":
                lines.append(f"  - title: {q(title)}")
            else:
                lines.append(f"  - {q(title)}")
        return ["resources:", *lines] if lines else []

    def _reflection(self) -> list[str]:
        rng, cover, words = self.rng, self.cover, self.words
        lines = ["reflection:"]
        for key in ("learned", "went_well", "improve"):
            if rng.random() < 0.85:
                lines += long_text(key, words.phrase(5, 25), 2)
        if rng.random() < 0.9:
            lines.append(f"  still_interested: {cover.pick('interested', ('yes', 'no', 'unsure'))}")
        if rng.random() < 0.9:
            lines.append(f"  rating: {cover.pick('rating', (1, 2, 3, 4, 5), (1, 2, 4, 6, 4))}")
        if rng.random() < 0.8:
            lines.append("  next_steps:")
            lines += [f"    - {q(words.phrase(3, 10))}" for _ in range(rng.randint(1, 3))]
        if len(lines) == 1:
            lines.append("  rating: 3")
        return lines

    def questions_file(self) -> str:
        lines = [
            "# The notebook's own questions, added to the built-in bank; the first",
            "# one replaces a built-in question's wording.",
        ]
        for entry in self.own_bank:
            lines.append("")
            lines.append(f"- id: {entry['id']}")
            lines.append(f"  text: {q(str(entry['text']))}")
            lines.append(f"  category: {entry['category']}")
            if "for" in entry:
                lines.append(f"  for: {flow(list(entry['for']))}")
            lines.append(f"  tags: {flow(list(entry['tags']))}")
        return "\n".join(lines) + "\n"

    def config(self) -> str:
        return (
            f"# Generated by benchmarks/generate.py ({self.notes} notes, seed {self.seed}):\n"
            "# fictional people, pseudo-words.\n"
            f"site_name: Benchmark notebook ({self.notes} notes, seed {self.seed})\n"
            "theme:\n"
            "  name: material\n"
            "  font: false\n"
            "plugins:\n"
            "  - search\n"
            "  - interview-kb:\n"
            f"      today: {TODAY.isoformat()}\n"
        )

    def index_page(self) -> str:
        return (
            "# Benchmark notebook\n\n"
            + textwrap.fill(" ".join(self.words.phrase(6, 14) for _ in range(3)), 78)
            + "\n\n<!-- dashboard -->\n"
        )


_CONTACT_TEMPLATE = """---
name:
role:
organization:
outreach:
  - date:
    kind: request
---
"""

_INTERVIEW_TEMPLATE = """---
contact:
date:
questions:
  - id: typical-day
---
"""


def write_notebook(root: Path | str, notes: int, seed: int) -> Summary:
    """Write a notebook of ``notes`` notes into ``root`` (new or empty).

    The same ``notes`` and ``seed`` always give the same files, byte for byte.
    Raises ``FileExistsError`` rather than write over existing files.
    """
    if notes < 1:
        raise ValueError("notes must be at least 1")
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; give a new folder")
    generator = _Generator(notes, seed)
    contacts = generator.plan()
    (root / "contacts").mkdir(parents=True)
    (root / "interviews").mkdir()
    (root / "docs").mkdir()
    files: dict[str, str] = {
        "mkdocs.yml": generator.config(),
        "questions.yml": generator.questions_file(),
        "docs/index.md": generator.index_page(),
        "contacts/_template.md": _CONTACT_TEMPLATE,
        "interviews/_template.md": _INTERVIEW_TEMPLATE,
    }
    interviews = 0
    for contact in contacts:
        files[f"contacts/{contact.slug}.md"] = generator.contact_note(contact, contacts)
        for interview in contact.interviews:
            files[f"interviews/{interview.slug}.md"] = generator.interview_note(
                contact, interview, contacts
            )
            interviews += 1
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8", newline="\n")
    return Summary(root, len(contacts), interviews)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="a new (or empty) folder for the notebook")
    parser.add_argument("--notes", type=int, default=1000, help="how many notes (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    args = parser.parse_args(argv)
    try:
        summary = write_notebook(args.out, args.notes, args.seed)
    except (FileExistsError, ValueError) as problem:
        print(f"generate.py: {problem}", file=sys.stderr)
        return 2
    print(
        f"{summary.root}: {summary.contacts} contacts, {summary.interviews} interviews "
        f"(seed {args.seed}); build it with: mkdocs build -f {summary.root}/mkdocs.yml"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
