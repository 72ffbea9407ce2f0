"""Shared fixtures and builders: small notebooks written into temporary folders
or built in memory, the golden-file check, and a guard that fails a test on any
warning MkDocs or the plugin logs."""

from __future__ import annotations

import gc
import logging
import os
import textwrap
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import settings

from interview_kb.core.model import BankQuestion, Contact, Interview, Notebook

# Hypothesis fails an example that takes over 200 ms by default: a time limit
# in disguise, which a busy machine breaks. No test of ours has a deadline.
settings.register_profile("interview-kb", deadline=None)
settings.load_profile("interview-kb")

REPO = Path(__file__).resolve().parents[1]

# Material 9.8 prints an end-of-life banner on every build; it is not ours.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

MINIMAL_CONFIG = """\
site_name: Test notebook
theme:
  name: material
  font: false
plugins:
  - search
  - interview-kb:
      today: 2026-11-20
"""

WriteNotebook = Callable[..., Path]
T = TypeVar("T")

# A test never asserts a time in seconds (machines here are shared and noisy);
# it may assert how time grows with the size of the input, measured in one run.
# Linear work grows about FACTOR times, quadratic work FACTOR ** 2 times.
FACTOR = 4
LINEAR_ENOUGH = 2.5 * FACTOR


def growth(prepare: Callable[[int], T], run: Callable[[T], object], size: int) -> float:
    """How many times longer ``run`` takes on ``prepare(size * FACTOR)`` than on
    ``prepare(size)``: the best of three runs each, the sizes taking turns.

    The garbage collector is held off while a run is timed: its passes grow
    with everything the test process holds, which says nothing of ``run``."""
    small, large = prepare(size), prepare(size * FACTOR)
    best = {id(small): float("inf"), id(large): float("inf")}
    for _ in range(3):
        for data in (small, large):
            gc.collect()
            gc.disable()
            try:
                began = time.perf_counter()
                run(data)
                took = time.perf_counter() - began
            finally:
                gc.enable()
            best[id(data)] = min(best[id(data)], took)
    return best[id(large)] / best[id(small)]


@pytest.fixture
def write_notebook(tmp_path: Path) -> WriteNotebook:
    """Write a notebook: ``write_notebook({"contacts/jane.md": "...", ...})``.

    Texts are dedented; a ``mkdocs.yml`` and ``docs/`` are added unless given.
    """

    def write(files: dict[str, str | bytes], config: str = MINIMAL_CONFIG) -> Path:
        root = tmp_path / "notebook"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "contacts").mkdir(exist_ok=True)
        (root / "interviews").mkdir(exist_ok=True)
        if "mkdocs.yml" not in files:
            (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return root

    return write


class LogGuard(logging.Handler):
    """Collects every record at WARNING or above from the ``mkdocs`` loggers."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self.expected: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def expect(self, fragment: str) -> None:
        """Allow a warning or error whose message holds ``fragment``."""
        self.expected.append(fragment)

    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    def unexpected(self) -> list[str]:
        return [m for m in self.messages() if not any(e in m for e in self.expected)]


@pytest.fixture
def log_guard() -> Iterator[LogGuard]:
    """Fails the test on any unexpected warning or error logged by MkDocs or us."""
    guard = LogGuard()
    logger = logging.getLogger("mkdocs")
    level, logger.level = logger.level, logging.NOTSET  # nothing may silence the guard
    logger.addHandler(guard)
    try:
        yield guard
    finally:
        logger.removeHandler(guard)
        logger.setLevel(level)
    unexpected = guard.unexpected()
    assert not unexpected, f"unexpected warnings: {unexpected}"


GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, text: str) -> None:
    """Compare with ``tests/golden/<name>``; ``UPDATE_GOLDEN=1`` rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with UPDATE_GOLDEN=1 once and review it"
    assert text == path.read_text(encoding="utf-8")


def d(text: str) -> date:
    return date.fromisoformat(text)


def person(slug: str, **fields: Any) -> Contact:
    fields.setdefault("name", slug.replace("-", " ").title())
    return Contact(slug=slug, path=f"contacts/{slug}.md", **fields)


def talk(contact: str, day: str, **fields: Any) -> Interview:
    slug = fields.pop("slug", f"{day}-{contact}")
    return Interview(
        slug=slug, path=f"interviews/{slug}.md", contact=contact, date=d(day), **fields
    )


BANK = {
    q.id: q
    for q in (
        BankQuestion("typical-day", "What does a typical day look like?", "day-to-day"),
        BankQuestion("who-else", "Who else should I talk to?", "network"),
        BankQuestion("pay", "What does it pay?", "money"),
        BankQuestion("career-path", "How did you get here?", "background"),
        BankQuestion("lead", "How do you lead a team?", "day-to-day", for_=("senior",)),
        BankQuestion("zzz", "A question of a category sorted first?", "Aardvark"),
    )
}


def book(*notes: Contact | Interview, bank: dict[str, BankQuestion] | None = None) -> Notebook:
    contacts = {n.slug: n for n in notes if isinstance(n, Contact)}
    interviews = {n.slug: n for n in notes if isinstance(n, Interview)}
    return Notebook(contacts=contacts, interviews=interviews, bank=BANK if bank is None else bank)


FULL_CONTACT = """
---
name: Jane Doe
role: Staff UX Researcher
organization: Northwind Health
years_experience: 4
warmth: cold
connection: same university
introduced_by: bob-ray
interest: [role, organization]
email: jane@northwind.example
phone: 555-0100
linkedin: https://linkedin.example/in/jane
website: jane.example
location: Leeds
local: yes
tags: [ux-research, "#healthcare"]
aliases: [JD, Janie]
outreach:
  - date: 2026-11-01
    kind: request
    channel: email
    note: Short note after the meetup
  - {date: 2026-11-03, kind: reply, channel: linkedin}
---
Met at the **meetup**.
"""


BOB = """
---
name: Bob Ray
seniority: senior
---
"""


FULL_INTERVIEW = """
---
contact: bob-ray
date: 2026-11-03 14:30
status: done
mode: video
duration: 30
location: https://meet.example/abc
questions:
  - What surprised you most?
  - id: typical-day
    answer: Mostly meetings.
  - ask: what does a TYPICAL day, or week, look like for you
    answer: Workshops.
referrals:
  - Ann Smith
  - name: Jane Doe
    contact: jane-doe
    note: runs the research guild
promised:
  - a reading list
  - item: job spec
    received: 2026-11-10
  - item: slides
    received: no
resources:
  - The Design of Everyday Things
  - title: Research guild
    url: https://guild.example
thank_you: 2026-11-04
reflection:
  learned: Research ops is a job.
  went_well: Timing
  improve: Ask fewer questions
  still_interested: unsure
  rating: 4
  next_steps: [Email Ann, Read the book]
share: yes
---
Notes here.
"""
