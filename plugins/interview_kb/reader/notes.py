"""Read a notebook's notes into the model, collecting every problem on the way.

Reading never raises for bad input and never writes. Each note's front-matter
is composed into YAML nodes so that every problem can name the line of the
offending key; values are then normalised once (dates, booleans, lists).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from time import time_ns
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..core.chars import CONTROLS
from ..core.model import (
    AskedQuestion,
    BankQuestion,
    Contact,
    Interview,
    Notebook,
    Notice,
    Options,
    OutreachEvent,
    Problem,
    Profile,
    Promise,
    Referral,
    Reflection,
    Reminder,
    Resource,
    Severity,
    fold,
)
from ..core.obsidian import is_index_tag, is_index_title, leftover, synonyms, unwrap
from ..core.people import People, name_key
from ..core.slugs import is_title, slug_of
from ..core.suggest import closest
from ..core.synonyms import CHANNEL_WORDS, INTEREST_WORDS, KIND_WORDS, MODE_WORDS, meaning
from ..core.vocab import (
    Channel,
    Interest,
    InterviewStatus,
    Mode,
    OutreachKind,
    Seniority,
    StillInterested,
    Warmth,
)
from ..core.wording import count_of
from .body_limits import body_problems
from .composer import (
    _CONTROL,
    _LOADER,
    TooComplex,
    _clip,
    compose,
)

T = TypeVar("T")

# Stands for a value that was written but could not be read (and was reported).
_REFUSED = object()


def _left_out(message: str, consequence: str) -> str:
    """``message`` and what follows from it, as one line."""
    if message.endswith("?"):
        return f"{message} {consequence[0].upper()}{consequence[1:]}"
    return f"{message}; {consequence}"


# Bounds that keep a hostile or accidental file from stalling a build or
# exhausting memory. Each is far above what a person writes by hand, and each
# is checked before the work it protects: the size before the file is read
# whole, the nesting, values and entries while the YAML is parsed, one event at
# a time, so that no limit is reached by building what it was meant to prevent.
#
# A note of ordinary size is a few kilobytes; a pasted e-mail thread some
# hundreds. Only this much of a file is ever read.
MAX_NOTE_BYTES = 2 * 1024 * 1024
# The front-matter is a handful of short values; long text belongs in the body.
MAX_FRONT_MATTER_BYTES = 256 * 1024
# Problems reported for one file; past this a single summary stands for the
# rest, so that one broken file cannot flood the build's log.
MAX_PROBLEMS_PER_FILE = 50
# Dates a note may hold. Follow-up rules add days and business days to them,
# and Python's dates end at the year 9999; no conversation falls outside these.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2199, 12, 31)

# The fences of the front-matter; python-frontmatter's handler says whether a
# text opens with YAML front-matter at all, as other tools will read it.
FENCE = re.compile(r"^-{3,}[ \t]*\r?$", re.MULTILINE)
_DETECT = YAMLHandler()
_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
# _CONTROL (from composer): no file name or id means to hold such characters,
# and a problem's message shows them escaped. (A YAML escape such as "\0" can
# put them in a value, which is kept as written; render/markup.py leaves them out of
# pages.)

BUILTIN_BANK = "(built-in question bank)"


class Invalid(Exception):
    """A value that cannot be used; the message says what to write instead."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


# ---------------------------------------------------------------------------
# suggestions


def _did_you_mean(suggestion: str | None) -> str:
    return f"; did you mean '{_clip(suggestion)}'?" if suggestion else ""


# ---------------------------------------------------------------------------
# one note's context


@dataclass
class Note:
    """The note being read: its path and the problems found so far.

    ``problems`` may be shared with other notes (the notebook's list); at most
    ``MAX_PROBLEMS_PER_FILE`` of this note's are added to it, then a summary
    that counts the rest (an error if any of them is).
    """

    path: str
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # The line of the file where the YAML text starts: the one after the
    # opening fence of a note, the first of a bank file.
    start: int = 2
    count: int = field(default=0, init=False)
    _summary: int | None = field(default=None, init=False, repr=False)
    _hidden_errors: bool = field(default=False, init=False, repr=False)

    def copy(self) -> Note:
        """A note with the same problems, to which more can be added apart."""
        twin = Note(self.path, list(self.problems), list(self.notices), self.start)
        twin.count, twin._summary, twin._hidden_errors = (
            self.count,
            self._summary,
            self._hidden_errors,
        )
        return twin

    def line(self, node: yaml.Node) -> int:
        """The line of the file where ``node`` starts (marks count from 0)."""
        return int(node.start_mark.line) + self.start

    def shows_more(self) -> bool:
        """False once further problems of this file would not be shown."""
        return self.count < MAX_PROBLEMS_PER_FILE

    def info(self, line: int, message: str) -> None:
        """Say what the reader chose (not a problem; see ``Notice``)."""
        self.notices.append(Notice(self.path, max(line, 1), message))

    def error(self, line: int, message: str) -> None:
        self._add(line, "error", message)

    def warning(self, line: int, message: str) -> None:
        self._add(line, "warning", message)

    def _add(self, line: int, severity: Severity, message: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self.problems.append(Problem(self.path, max(line, 1), severity, message))
            return
        self._hidden_errors = self._hidden_errors or severity == "error"
        hidden = self.count - MAX_PROBLEMS_PER_FILE
        summary = Problem(
            self.path,
            1,
            "error" if self._hidden_errors else "warning",
            f"{count_of(hidden, 'more problem', 'more problems')} in this file "
            "are not shown; fix the ones above first",
        )
        if self._summary is None:
            self._summary = len(self.problems)
            self.problems.append(summary)
        else:
            self.problems[self._summary] = summary


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "text"


# ---------------------------------------------------------------------------
# value readers: each takes a YAML node and returns a normalised value or
# raises Invalid. None stands for "absent" (an empty value or null).


def read_text(node: yaml.Node) -> str | None:
    """Text, taken as written (so ``no``, ``2020`` or ``1.0`` stay text)."""
    if not isinstance(node, yaml.ScalarNode):
        raise Invalid(f"expected text, found {_kind(node)}")
    if node.tag == _NULL_TAG:
        return None
    value: str = node.value.strip()  # a scalar's value is always text
    return value or None


def read_date_time(node: yaml.Node) -> tuple[date, time | None] | None:
    """A date, or a date and a time of day (``2026-11-03 14:30``)."""
    if not isinstance(node, yaml.ScalarNode):
        raise Invalid(f"expected a date such as 2026-11-03, found {_kind(node)}")
    if node.tag == _NULL_TAG:
        return None
    value = str(node.value).strip()
    try:
        if len(value) == 10:
            return _in_range(date.fromisoformat(value), value), None
        moment = datetime.fromisoformat(value.replace("  ", " "))
    except ValueError:
        raise Invalid(
            f"'{_clip(value)}' is not a date; write it as 2026-11-03 (or 2026-11-03 14:30)"
        ) from None
    clock = moment.time().replace(tzinfo=None, microsecond=0)
    return _in_range(moment.date(), value), clock


def _in_range(day: date, written: str) -> date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise Invalid(
            f"'{_clip(written)}' is too far in the past or the future; "
            f"write a date from {MIN_DATE.year} to {MAX_DATE.year}"
        )
    return day


def read_date(node: yaml.Node) -> date | None:
    """A calendar date; a time of day, if given, is dropped."""
    value = read_date_time(node)
    return value[0] if value else None


_TRUE = {"yes", "true", "on", "y"}
_FALSE = {"no", "false", "off", "n"}


def read_bool(node: yaml.Node) -> bool | None:
    """yes/no (also true/false, on/off)."""
    value = read_text(node)
    if value is None:
        return None
    folded = value.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise Invalid(f"'{_clip(value)}' is not yes or no")


def read_number(node: yaml.Node) -> float | None:
    """A number of zero or more (``12`` or ``2.5``)."""
    value = read_text(node)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise Invalid(f"'{_clip(value)}' is not a number; write digits only, such as 12") from None
    if not number >= 0 or number == float("inf"):
        raise Invalid(f"'{_clip(value)}' should be a number of zero or more")
    return int(number) if number.is_integer() else number


def read_int(node: yaml.Node, low: int, high: int) -> int | None:
    """A whole number between ``low`` and ``high``."""
    value = read_number(node)
    if value is None:
        return None
    if not float(value).is_integer() or not low <= value <= high:
        raise Invalid(f"'{_clip(node.value)}' should be a whole number from {low} to {high}")
    return int(value)


E = TypeVar("E", bound=StrEnum)


def choice(kind: type[E], words: dict[str, str] | None = None) -> Callable[[yaml.Node], E | None]:
    """A reader of one value of the list ``kind`` (case is ignored). A value
    that is an everyday word for one of them (``words``, see core/synonyms.py)
    is refused with that one as the suggestion."""
    allowed = tuple(kind)

    def read(node: yaml.Node) -> E | None:
        value = read_text(node)
        if value is None:
            return None
        folded = value.casefold()
        if folded in allowed:
            return kind(folded)
        options = ", ".join(allowed)
        suggestion = (words and meaning(value, words)) or closest(folded, allowed)
        raise Invalid(f"'{_clip(value)}' is not one of {options}{_did_you_mean(suggestion)}")

    return read


def read_text_list(
    note: Note, node: yaml.Node, item: Callable[[yaml.Node], str | None] = read_text
) -> tuple[str, ...]:
    """A list of texts; a single text counts as a list of one."""
    if isinstance(node, yaml.ScalarNode):
        value = item(node)
        return (value,) if value else ()
    if not isinstance(node, yaml.SequenceNode):
        raise Invalid(f"expected a list, found {_kind(node)}")
    values: dict[str, None] = {}  # ordered, and quick to test for repeats
    for child in node.value:
        try:
            value = item(child)
        except Invalid as problem:
            note.error(note.line(child), str(problem))
            continue
        if value:
            values.setdefault(value)
    return tuple(values)


def read_tags(note: Note, node: yaml.Node) -> tuple[str, ...]:
    """Tags (or aliases), as a list or one text; a leading ``#`` (Obsidian) is dropped."""
    return tuple(tag for tag in (t.lstrip("#").strip() for t in read_text_list(note, node)) if tag)


_ID = re.compile(f"[^\\s`{CONTROLS}]{{1,100}}")


def read_id(node: yaml.Node) -> str | None:
    """A question-bank id: a short name without spaces (``typical-day``).

    Pages show ids as code; a space, line break or backquote would end the code.
    """
    value = read_text(node)
    if value is None or _ID.fullmatch(value):
        return value
    raise Invalid(
        f"'{_clip(value)}' is not an id: write a short name without spaces or "
        "backquotes, such as 'typical-day'"
    )


def _items(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.ScalarNode):
        return [] if node.tag == _NULL_TAG else [node]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    raise Invalid(f"expected a list, found {_kind(node)}")


def display(node: yaml.Node, budget: int = 300) -> str:
    """A short, bounded text of any value, for keys the tool does not know."""
    parts: list[str] = []
    size = 0
    steps = 0  # empty lists and mappings add no text, but each takes a step
    stack: list[yaml.Node | str] = [node]
    while stack and size < budget and steps < 4 * budget:
        steps += 1
        current = stack.pop()
        if isinstance(current, str):
            piece = current
        elif isinstance(current, yaml.ScalarNode):
            piece = "" if current.tag == _NULL_TAG else str(current.value)
        elif isinstance(current, yaml.SequenceNode):
            children: list[yaml.Node | str] = []
            for index, child in enumerate(current.value[: 4 * budget]):
                children.extend([", "] if index else [])
                children.append(child)
            stack.extend(reversed(children))
            continue
        else:
            pairs: list[yaml.Node | str] = []
            for index, (key, value) in enumerate(current.value[: 4 * budget]):
                pairs.extend([", "] if index else [])
                pairs.extend([key, ": ", value])
            stack.extend(reversed(pairs))
            continue
        parts.append(piece)
        size += len(piece)
    text = "".join(parts)
    return text[: budget - 1] + "…" if len(text) > budget or stack else text


# ---------------------------------------------------------------------------
# files


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_FAILED = object()


def _compose_reporting(note: Note, text: str, first_line: int, what: str) -> object:
    """``compose(text)``, or ``_FAILED`` with the problem reported at its line
    (``first_line`` is the line of the file that ``text`` starts on)."""
    try:
        return compose(text)
    except yaml.MarkedYAMLError as problem:
        mark = _yaml_mark(problem)
        line = first_line + (text.count("\n", 0, mark.index) if mark is not None else 0)
        reason = _clip(problem.problem or problem.context or "not valid YAML", 200)
        if isinstance(problem, TooComplex):
            note.error(line, f"{what} is too large to read: {reason}")
        else:
            note.error(line, f"{what} is not valid YAML: {reason}{_yaml_hint(reason)}")
    except yaml.reader.ReaderError as problem:
        # libyaml counts the offset in bytes of UTF-8, PyYAML's own reader in characters.
        offset = int(problem.position)
        if _LOADER is not yaml.SafeLoader:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        note.error(
            first_line + text.count("\n", 0, offset),
            f"{what} holds a character YAML does not allow ({_clip(problem.reason, 60)}); "
            "remove it, or write it as an escape inside double quotes",
        )
    except (yaml.YAMLError, RecursionError, ValueError) as problem:
        note.error(first_line, f"{what} is not valid YAML: {_clip(problem, 200)}")
    return _FAILED


def load_front_matter(note: Note, raw: bytes) -> tuple[yaml.MappingNode, str] | None:
    """The front-matter's top mapping node and the note's body, or None."""
    if len(raw) > MAX_NOTE_BYTES:
        note.error(
            1,
            f"the note is over the limit of {MAX_NOTE_BYTES // 1024} KB; "
            "move long material to another file",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        note.error(
            _line_of_offset(raw, problem.start),
            "the file is not UTF-8 text; save it again with the encoding UTF-8",
        )
        return None
    if not text.strip():
        note.error(1, "the file is empty; start it with a front-matter block between '---' lines")
        return None
    opening = FENCE.match(text)
    if not _DETECT.detect(text) or opening is None:
        note.error(
            1,
            "no front-matter: the first line must be '---', followed by the note's "
            "keys and a closing '---'",
        )
        return None
    start = text.find("\n", opening.start())
    closing = FENCE.search(text, start + 1) if start >= 0 else None
    if closing is None:
        note.error(1, "the front-matter is not closed: add a line '---' after the last key")
        return None
    front = text[start + 1 : closing.start()]
    body = text[closing.end() :]
    body = body[1:] if body.startswith("\n") else body
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        note.error(
            1,
            f"the front-matter is over {MAX_FRONT_MATTER_BYTES // 1024} KB; "
            "keep long text in the note's body",
        )
        return None
    # The front-matter starts right after the opening fence, on the second line.
    node = _compose_reporting(note, front, note.start, "the front-matter")
    if node is _FAILED:
        return None
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode):
        assert isinstance(node, yaml.Node)
        note.error(
            note.line(node),
            f"the front-matter must be keys and values (key: value), not {_kind(node)}",
        )
        return None
    return node, body


def _yaml_mark(problem: yaml.MarkedYAMLError) -> yaml.Mark | None:
    # For an unclosed bracket or quote, where it opened is what the person
    # has to fix; elsewhere, the place the parser stopped.
    context = problem.context or ""
    if problem.context_mark is not None and ("flow" in context or "quoted" in context):
        return problem.context_mark
    return problem.problem_mark or problem.context_mark


def _yaml_hint(reason: str) -> str:
    if "mapping values are not allowed" in reason:
        return " (a value holding ': ' must be put in quotes)"
    if "found character '\\t'" in reason:
        return " (indent with spaces, not tabs)"
    return ""


def _pairs(note: Note, node: yaml.MappingNode) -> Iterator[tuple[str, int, yaml.Node]]:
    """The mapping's keys (as text), their lines and their value nodes."""
    seen: set[str] = set()
    start = note.start  # note.line(key_node), spared a call for every key
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + start
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
            note.error(line, "a key must be a word such as 'name', not a list, mapping or empty")
            continue
        key: str = key_node.value
        if key in seen:
            note.warning(line, f"the key '{_clip(key)}' is given twice; the last one is used")
        seen.add(key)
        yield key, line, value_node


# Keys that other front-matter tools take for themselves (python-frontmatter
# keeps a note's body under "content", Jekyll-like tools do the same).
RESERVED_KEYS = ("content", "handler")


# Properties Obsidian and other editors write themselves: kept and shown like
# any other key, but never taken for a typo ("date" is two edits from "name").
EDITOR_KEYS = frozenset(
    (
        "cssclasses",
        "cssclass",
        "publish",
        "permalink",
        "date",
        "created",
        "updated",
        "modified",
        "title",
        "description",
        "image",
        "cover",
        "banner",
    )
)


def _unknown(note: Note, key: str, line: int, known: Iterable[str], where: str = "") -> None:
    if not where and key in EDITOR_KEYS:
        return
    suggestion = closest(key, known)
    if suggestion:
        note.warning(line, f"unknown key '{_clip(key)}'{where}{_did_you_mean(suggestion)}")
    elif key in RESERVED_KEYS and not where:
        note.warning(
            line,
            f"the key '{key}' is kept, but other Markdown tools read it as the note's body; "
            "rename it (for example to 'summary')",
        )


# ---------------------------------------------------------------------------
# contacts

_CONTACT_TEXT = (
    "name",
    "role",
    "organization",
    "connection",
    "introduced_by",
    "email",
    "phone",
    "linkedin",
    "website",
    "location",
    "greeting",  # revision of 2026-12-02: how a drafted message opens
)
CONTACT_KEYS = (
    *_CONTACT_TEXT,
    "seniority",
    "years_experience",
    "warmth",
    "interest",
    "local",
    "tags",
    "aliases",
    "outreach",
    "reminders",  # revision of 2026-12-02: rule 9
)
OUTREACH_KEYS = ("date", "kind", "channel", "note")
REMINDER_KEYS = ("date", "note", "done")

_SINGLE: dict[str, Callable[[yaml.Node], Any]] = {
    "seniority": choice(Seniority),
    "warmth": choice(Warmth),
    "years_experience": read_number,
    "local": read_bool,
}


def infer_seniority(years: float | None) -> Seniority | None:
    """Seniority from total years in the industry: <3 junior, 3-9 mid, 10+ senior."""
    if years is None:
        return None
    if years < 3:
        return Seniority.JUNIOR
    return Seniority.MID if years < 10 else Seniority.SENIOR


@dataclass(frozen=True)
class _Reference:
    """A slug a note points to, checked once every contact is known."""

    note: Note
    line: int
    slug: str
    what: str


def _read_outreach(note: Note, node: yaml.Node) -> tuple[OutreachEvent, ...]:
    events: list[OutreachEvent] = []
    for item in _items(node):
        line = note.line(item)
        if not isinstance(item, yaml.MappingNode):
            note.error(
                line,
                "an outreach event must be a mapping with 'date' and 'kind', "
                "such as '- {date: 2026-11-03, kind: request}'",
            )
            continue
        values: dict[str, Any] = {}
        for key, key_line, value in _pairs(note, item):
            reader: Callable[[yaml.Node], Any] | None = {
                "date": read_date,
                "kind": choice(OutreachKind, KIND_WORDS),
                "channel": choice(Channel, CHANNEL_WORDS),
                "note": read_text,
            }.get(key)
            if reader is None:
                _unknown(note, key, key_line, OUTREACH_KEYS, " in an outreach event")
                continue
            try:
                values[key] = reader(value)
            except Invalid as problem:
                # A date or kind that cannot be read is reported once, where it is written.
                message = f"outreach {key}: {problem}"
                if key in ("date", "kind"):
                    message = _left_out(message, "this event is left out")
                note.error(key_line, message)
                values[key] = _REFUSED
        if _REFUSED in (values.get("date"), values.get("kind")):
            continue
        missing = [key for key in ("date", "kind") if values.get(key) is None]
        if missing:
            note.error(
                line,
                f"an outreach event needs {' and '.join(repr(k) for k in missing)}; "
                "this event is left out",
            )
            continue
        values = {k: v for k, v in values.items() if v is not _REFUSED}
        events.append(OutreachEvent(**values))
    events.sort(key=lambda e: e.date)
    return tuple(events)


def _read_reminders(note: Note, node: yaml.Node) -> tuple[Reminder, ...]:
    """The ``reminders`` list, in the note's order: ``remind --done`` numbers them so."""
    reminders: list[Reminder] = []
    for item in _items(node):
        line = note.line(item)
        if not isinstance(item, yaml.MappingNode):
            note.error(
                line,
                "a reminder must be a mapping with a 'date', such as "
                "'- {date: 2027-03-01, note: Try again after the launch}'; it is left out",
            )
            continue
        lines: dict[str, int] = {}
        readers: dict[str, Callable[[yaml.Node], Any]] = {
            "date": read_date,
            "note": read_text,
            "done": read_bool,
        }
        values = _sub_mapping(note, item, readers, "a reminder", lines)
        if values.get("date") is None:
            if "date" not in lines:
                note.error(line, "a reminder needs a 'date' (when it is due); it is left out")
            continue
        reminders.append(Reminder(**values))
    return tuple(reminders)


# Fields whose value may be written as Obsidian templates write it: a
# wikilink, a list (the first item is used) or labelled mappings
# ({work: a@b.example}, or {label: work, value: a@b.example}).
_FLEXIBLE = ("organization", "email", "phone")
_VALUE_KEYS = ("value", "address", "number", "email", "phone", "url", "name")
# The fields that say a note is about a person (tags and aliases do not).
_PERSON = frozenset((*CONTACT_KEYS, "last_contact")) - {"tags", "aliases"}


def _first_text(node: yaml.Node) -> str | None:
    """The value of a field written as text, a list or labelled mappings: the
    first text found, in the order written."""
    if isinstance(node, yaml.ScalarNode):
        return read_text(node)
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            value = _first_text(child)
            if value:
                return value
        return None
    assert isinstance(node, yaml.MappingNode)
    pairs = [(k.value, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    chosen = [v for k, v in pairs if str(k).casefold() in _VALUE_KEYS] or [
        v for k, v in pairs if str(k).casefold() not in ("label", "type", "kind")
    ]
    for value_node in chosen:
        value = _first_text(value_node)
        if value:
            return value
    return None


def _unwrapped(node: yaml.Node, flexible: bool) -> tuple[str | None, str | None]:
    """A text value and the target of its wikilink, if it is one."""
    text = _first_text(node) if flexible else read_text(node)
    if text is None:
        return None, None
    plain, target = unwrap(text)
    return plain or None, target


def _heading(body: str) -> tuple[str, int] | None:
    """The text of the body's first ``# heading`` and its line in the body (from 1)."""
    for number, line in enumerate(body.split("\n"), 1):
        if line.startswith("# "):
            text = unwrap(line[2:].strip().strip("#").strip())[0].strip("*_ ")
            return (text, number) if text else None
        if line.startswith(("```", "~~~")):
            return None
    return None


def _lines_of(note: Note, key_line: int, value: yaml.Node) -> range:
    return range(
        key_line, max(key_line, note.line(value) + value.end_mark.line - value.start_mark.line) + 1
    )


def read_contact(
    note: Note,
    slug: str,
    node: yaml.MappingNode,
    body: str,
    references: list[_Reference],
    *,
    body_line: int = 1,
    title: str | None = None,
    options: Options | None = None,
    leftovers: frozenset[int] = frozenset(),
) -> Contact | None:
    """One contact from its front-matter node; None when it cannot be used
    (or is not a person: an index note, or a note without the tags
    ``contacts_where`` asks for).

    ``title`` is the file's name when it is written as a title (``Dana
    Whitlow``): the name when the note gives none. Keys that stand for a
    field (``company`` for ``organization``, see core/obsidian.py and the
    option ``keys``) are read as that field when the note does not use the
    field's own key. ``leftovers``: lines holding unrendered template syntax
    (already warned about); their keys are left out.
    """
    options = options or Options()
    table = synonyms(options.keys)
    values: dict[str, Any] = {}
    standing: dict[str, Any] = {}  # field: the value of the first key standing for it
    links: dict[str, str] = {}
    standing_links: dict[str, str] = {}
    standing_keys: dict[str, tuple[str, str]] = {}  # field: (key, value shown)
    extra: list[tuple[str, str]] = []
    introduced_line = 1
    for key, line, value in _pairs(note, node):
        if leftovers and any(n in leftovers for n in _lines_of(note, line, value)):
            continue  # unrendered template syntax: warned about, left out
        try:
            field_name = key if key in CONTACT_KEYS or key == "last_contact" else table.get(key)
            if field_name is not None and field_name != key:
                if field_name in standing:
                    extra.append((key, display(value)))
                    continue
                standing_keys[field_name] = (key, display(value))
                into, into_links = standing, standing_links
            else:
                into, into_links = values, links
            if field_name == "last_contact":
                text, _ = _unwrapped(value, True)
                if text is not None:
                    into[field_name] = read_date(
                        yaml.ScalarNode(_STR_TAG, text, value.start_mark, value.end_mark)
                    )
            elif field_name in _CONTACT_TEXT:
                text, target = _unwrapped(value, field_name in _FLEXIBLE)
                into[field_name] = text
                if field_name == "introduced_by":
                    introduced_line = line
                if target is not None:
                    into_links[field_name] = target
            elif field_name in _SINGLE:
                values[key] = _SINGLE[key](value)
            elif field_name in ("tags", "aliases"):
                # Both as Obsidian writes them: a leading '#' is not part of the name.
                values[key] = read_tags(note, value)
            elif field_name == "interest":
                values[key] = read_text_list(note, value, choice(Interest))
            elif field_name == "outreach":
                values[key] = _read_outreach(note, value)
            elif key == "reminders":
                values[key] = _read_reminders(note, value)
            else:
                _unknown(note, key, line, CONTACT_KEYS)
                extra.append((key, display(value)))
        except Invalid as problem:
            note.error(problem.line or line, f"{key}: {problem}")
    for name, value in standing.items():
        if values.get(name) is None:
            values[name] = value
            if name in standing_links:
                links[name] = standing_links[name]
        else:  # the field's own key wins; this one is kept and shown
            extra.append(standing_keys[name])
    if values.get("introduced_by"):
        references.append(
            _Reference(note, introduced_line, values["introduced_by"], "introduced_by")
        )
    tags = values.get("tags", ())
    if not any(values.get(k) is not None for k in _PERSON) and (
        any(is_index_tag(t) for t in tags) or is_index_title(title or slug)
    ):
        note.info(
            1,
            "not a person: an index note (no person's keys, and an index "
            "tag or title); it is skipped",
        )
        return None
    if options.contacts_where and not {t.casefold() for t in tags} & set(options.contacts_where):
        wanted = ", ".join(options.contacts_where)
        note.info(
            1, f"not a person: it has none of the tags of contacts_where ({wanted}); it is skipped"
        )
        return None
    if not values.get("name"):
        heading = _heading(body) if title is None else None
        if title is not None:
            values["name"] = title
            note.info(1, f"no 'name': the name '{_clip(title)}' is taken from the file's title")
        elif heading is not None:
            values["name"] = heading[0]
            note.info(
                body_line + heading[1] - 1,
                f"no 'name': the name '{_clip(heading[0])}' is taken from the note's first heading",
            )
        else:
            note.error(
                1,
                "a contact needs a 'name' (for example 'name: Jane Doe'), a '# heading' "
                "with the name, or a file named after the person (Jane Doe.md); "
                "this note is left out",
            )
            return None
    if title is not None and name_differs(title, values):
        values["aliases"] = (*values.get("aliases", ()), title)
    seniority = values.pop("seniority", None)
    inferred = infer_seniority(values.get("years_experience"))
    warmth = values.pop("warmth", None)
    linked = bool(values.get("introduced_by") or values.get("connection"))
    return Contact(
        slug=slug,
        path=note.path,
        seniority=seniority or inferred,
        seniority_inferred=seniority is None and inferred is not None,
        # Introduced, or something in common: warm (docs/notes.md, "warm").
        warmth=warmth or (Warmth.WARM if linked else None),
        warmth_inferred=warmth is None and linked,
        extra=tuple(extra),
        links=tuple(sorted(links.items())),
        body=body,
        body_line=body_line,
        **{k: v for k, v in values.items() if v is not None},
    )


def name_differs(title: str, values: dict[str, Any]) -> bool:
    """Whether a file's title is another name for the person than their
    name and aliases (so ``[[Title]]`` must still find them)."""
    known = {" ".join(n.split()).casefold() for n in (values["name"], *values.get("aliases", ()))}
    return " ".join(title.split()).casefold() not in known


# ---------------------------------------------------------------------------
# interviews

INTERVIEW_KEYS = (
    "contact",
    "date",
    "status",
    "mode",
    "duration",
    "location",
    "questions",
    "referrals",
    "promised",
    "resources",
    "thank_you",
    "reflection",
    "share",
    "thank_you_note",  # revision of 2026-12-02: what the thank-you draft may quote
)
QUESTION_KEYS = ("ask", "id", "answer")
REFERRAL_KEYS = ("name", "contact", "note")
PROMISE_KEYS = ("item", "received")
RESOURCE_KEYS = ("title", "url")
REFLECTION_KEYS = ("learned", "went_well", "improve", "still_interested", "rating", "next_steps")


def _sub_mapping(
    note: Note,
    node: yaml.MappingNode,
    readers: dict[str, Callable[[yaml.Node], Any]],
    where: str,
    lines: dict[str, int] | None = None,
) -> dict[str, Any]:
    """The values of a mapping's known keys; ``lines`` gets the line of each key."""
    values: dict[str, Any] = {}
    for key, line, value in _pairs(note, node):
        if lines is not None:
            lines[key] = line
        reader = readers.get(key)
        if reader is None:
            _unknown(note, key, line, readers, f" in {where}")
            continue
        try:
            values[key] = reader(value)
        except Invalid as problem:
            note.error(problem.line or line, f"{where} {key}: {problem}")
    return {k: v for k, v in values.items() if v is not None}


def _read_list(
    note: Note,
    node: yaml.Node,
    where: str,
    from_text: Callable[[str], T],
    from_mapping: Callable[[int, dict[str, Any], dict[str, int]], T | None],
    readers: dict[str, Callable[[yaml.Node], Any]],
) -> tuple[T, ...]:
    """A list whose items are texts or mappings (questions, referrals...)."""
    result: list[T] = []
    for item in _items(node):
        line = note.line(item)
        if isinstance(item, yaml.ScalarNode):
            try:
                text = read_text(item)
            except Invalid as problem:  # pragma: no cover - scalars are always text
                note.error(line, str(problem))
                continue
            if text:
                result.append(from_text(text))
        elif isinstance(item, yaml.MappingNode):
            lines: dict[str, int] = {}
            made = from_mapping(line, _sub_mapping(note, item, readers, where, lines), lines)
            if made is not None:
                result.append(made)
        else:
            note.error(line, f"each item of {where}s must be a text or a mapping, not a list")
    return tuple(result)


def _read_received(node: yaml.Node) -> date | bool | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != _NULL_TAG:
        folded = str(node.value).strip().casefold()
        if folded in _FALSE:
            return False
        if folded in _TRUE:
            return True
    try:
        return read_date(node)
    except Invalid:
        raise Invalid("write the date it arrived (2026-11-10), or no") from None


def read_interview(
    note: Note,
    slug: str,
    node: yaml.MappingNode,
    body: str,
    references: list[_Reference],
    question_ids: list[tuple[Note, int, str]],
    *,
    body_line: int = 1,
) -> Interview | None:
    """One interview from its front-matter node; None when it cannot be used."""
    values: dict[str, Any] = {}
    refused: set[str] = set()  # contact or date, written but not readable
    extra: list[tuple[str, str]] = []
    contact_line = 1
    share_line = 1

    def question(line: int, v: dict[str, Any], lines: dict[str, int]) -> AskedQuestion | None:
        if not v.get("ask") and not v.get("id"):
            note.error(line, "a question needs 'ask' (its text) or 'id' (a question-bank id)")
            return None
        if v.get("id"):
            question_ids.append((note, lines.get("id", line), v["id"]))
        return AskedQuestion(text=v.get("ask"), id=v.get("id"), answer=v.get("answer"))

    def referral(line: int, v: dict[str, Any], lines: dict[str, int]) -> Referral | None:
        if not v.get("name") and not v.get("contact"):
            note.error(line, "a referral needs a 'name' or a 'contact' slug")
            return None
        if v.get("contact"):
            contact_at = lines.get("contact", line)
            references.append(_Reference(note, contact_at, v["contact"], "referral contact"))
        return Referral(name=v.get("name"), contact=v.get("contact"), note=v.get("note"))

    def promise(line: int, v: dict[str, Any], lines: dict[str, int]) -> Promise | None:
        if not v.get("item"):
            note.error(line, "a promised entry needs an 'item' (what they offered to send)")
            return None
        received = v.get("received")
        return Promise(
            item=v["item"],
            received=received is not None and received is not False,
            received_on=received if isinstance(received, date) else None,
        )

    def resource(line: int, v: dict[str, Any], lines: dict[str, int]) -> Resource | None:
        if not v.get("title") and not v.get("url"):
            note.error(line, "a resource needs a 'title' or a 'url'")
            return None
        return Resource(title=v.get("title") or v["url"], url=v.get("url"))

    for key, line, value in _pairs(note, node):
        try:
            if key == "contact":
                contact_line = line
                values[key] = read_text(value)
            elif key == "date":
                moment = read_date_time(value)
                if moment:
                    values["date"], values["time"] = moment
            elif key == "status":
                values[key] = choice(InterviewStatus)(value)
            elif key == "mode":
                values[key] = choice(Mode, MODE_WORDS)(value)
            elif key == "duration":
                values[key] = read_int(value, 1, 24 * 60)
            elif key == "location":
                values[key] = read_text(value)
            elif key == "thank_you":
                values[key] = read_date(value)
            elif key == "thank_you_note":
                values[key] = read_text(value)
            elif key == "share":
                if isinstance(value, yaml.SequenceNode):  # revision of 2026-12-02
                    values["share_only"] = read_text_list(note, value)
                    values[key] = bool(values["share_only"])
                    share_line = line
                else:
                    try:
                        values[key] = read_bool(value)
                    except Invalid as problem:
                        raise Invalid(
                            f"{problem}; or list the question ids or asked texts to share"
                        ) from None
            elif key == "questions":
                values[key] = _read_list(
                    note,
                    value,
                    "question",
                    lambda t: AskedQuestion(text=t),
                    question,
                    {"ask": read_text, "id": read_text, "answer": read_text},
                )
            elif key == "referrals":
                values[key] = _read_list(
                    note,
                    value,
                    "referral",
                    lambda t: Referral(name=t),
                    referral,
                    {"name": read_text, "contact": read_text, "note": read_text},
                )
            elif key == "promised":
                values[key] = _read_list(
                    note,
                    value,
                    "promised",
                    lambda t: Promise(item=t),
                    promise,
                    {"item": read_text, "received": _read_received},
                )
            elif key == "resources":
                values[key] = _read_list(
                    note,
                    value,
                    "resource",
                    lambda t: Resource(title=t),
                    resource,
                    {"title": read_text, "url": read_text},
                )
            elif key == "reflection":
                values[key] = _read_reflection(note, value)
            else:
                _unknown(note, key, line, INTERVIEW_KEYS)
                extra.append((key, display(value)))
        except Invalid as problem:
            if key in ("contact", "date"):  # reported once, where it is written
                refused.add(key)
                message = _left_out(f"{key}: {problem}", "this note is left out")
                note.error(problem.line or line, message)
            else:
                note.error(problem.line or line, f"{key}: {problem}")
    if values.get("share_only"):
        _check_share(note, share_line, values["share_only"], values.get("questions", ()))
    missing = [k for k in ("contact", "date") if not values.get(k) and k not in refused]
    if missing:
        example = {"contact": "contact: jane-doe", "date": "date: 2026-11-03"}
        note.error(
            1,
            f"an interview needs {' and '.join(repr(k) for k in missing)} "
            f"(for example '{example[missing[0]]}'); this note is left out",
        )
    if missing or refused:
        return None
    references.append(_Reference(note, contact_line, values["contact"], "contact"))
    return Interview(
        slug=slug,
        path=note.path,
        extra=tuple(extra),
        body=body,
        body_line=body_line,
        **{k: v for k, v in values.items() if v is not None},
    )


def _check_share(
    note: Note, line: int, items: tuple[str, ...], questions: tuple[AskedQuestion, ...]
) -> None:
    """A warning for each item of a ``share`` list that names no question of
    the interview. An id-like item is let be while a question is asked by
    text alone: it may be that question's id in the bank."""
    known = {fold(key) for q in questions for key in (q.id, q.text) if key}
    by_text_only = any(q.id is None for q in questions)
    for item in items:
        if fold(item) in known or (by_text_only and " " not in item.strip()):
            continue
        note.warning(
            line,
            f"share: '{_clip(item)}' is not a question of this interview; "
            "list question ids or the asked texts (its answer is not shared)",
        )


def _read_reflection(note: Note, node: yaml.Node) -> Reflection | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise Invalid(
            f"expected a mapping of learned, went_well, improve, still_interested, rating "
            f"and next_steps, found {_kind(node)}"
        )
    readers: dict[str, Callable[[yaml.Node], Any]] = {
        "learned": read_text,
        "went_well": read_text,
        "improve": read_text,
        "still_interested": choice(StillInterested, INTEREST_WORDS),
        "rating": lambda n: read_int(n, 1, 5),
        "next_steps": lambda n: read_text_list(note, n),
    }
    return Reflection(**_sub_mapping(note, node, readers, "reflection"))


# ---------------------------------------------------------------------------
# the question bank

BANK_KEYS = ("id", "text", "category", "for", "tags")


def read_bank(
    note: Note, node: yaml.Node, source: str, base: dict[str, BankQuestion]
) -> dict[str, BankQuestion]:
    """Questions from a bank file, added to (and overriding by id) ``base``."""
    bank = dict(base)
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return bank
    if not isinstance(node, yaml.SequenceNode):
        note.error(note.line(node), "the question bank must be a list of questions ('- id: ...')")
        return bank
    seen: set[str] = set()
    for item in node.value:
        line = note.line(item)
        if not isinstance(item, yaml.MappingNode):
            note.error(line, "each question must be a mapping with 'id' and 'text'")
            continue
        values: dict[str, Any] = {}
        for key, key_line, value_node in _pairs(note, item):
            try:
                if key == "id":
                    values[key] = read_id(value_node)
                elif key in ("text", "category"):
                    values[key] = read_text(value_node)
                elif key == "for":
                    values["for_"] = read_text_list(note, value_node, choice(Seniority))
                elif key == "tags":
                    values["tags"] = read_tags(note, value_node)
                else:
                    _unknown(note, key, key_line, BANK_KEYS, " in a question")
            except Invalid as problem:
                note.error(key_line, f"{key}: {problem}")
        ident = values.get("id")
        if not ident:
            note.error(line, "a question needs an 'id' (a short name such as 'typical-day')")
            continue
        if ident in seen:
            note.error(line, f"the id '{ident}' is used twice; give each question its own id")
            continue
        seen.add(ident)
        previous = bank.get(ident)
        if previous is None and not values.get("text"):
            note.error(line, f"the question '{ident}' needs a 'text'")
            continue
        fields = {k: v for k, v in values.items() if v is not None}
        if previous is not None:
            merged = {
                "id": ident,
                "text": previous.text,
                "category": previous.category,
                "for_": previous.for_,
                "tags": previous.tags,
            }
            merged.update(fields)
            bank[ident] = BankQuestion(source=source, **merged)
        else:
            fields.setdefault("category", "other")
            bank[ident] = BankQuestion(source=source, **fields)
    return bank


#: The owner's profile: a file beside mkdocs.yml, outside docs/, so that no
#: build copies it (docs/notes.md, "Your profile").
PROFILE_FILE = "profile.yml"
PROFILE_KEYS = ("name", "signature", "introduction", "background", "exploring")


def read_profile(note: Note, node: yaml.Node) -> Profile | None:
    """The owner's profile from ``profile.yml``: a mapping of texts (all optional)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return None
    if not isinstance(node, yaml.MappingNode):
        note.error(
            note.line(node),
            "the profile must be a mapping of keys such as 'name: Sam Rivera' "
            f"(keys: {', '.join(PROFILE_KEYS)})",
        )
        return None
    values: dict[str, str | None] = {}
    for key, key_line, value_node in _pairs(note, node):
        if key not in PROFILE_KEYS:
            _unknown(note, key, key_line, PROFILE_KEYS, " in the profile")
            continue
        try:
            values[key] = read_text(value_node)
        except Invalid as problem:
            note.error(key_line, f"{key}: {problem}; write it as text, quoted if need be")
    return Profile(**values)


def _parse_yaml_file(note: Note, raw: bytes) -> yaml.Node | None:
    if len(raw) > MAX_NOTE_BYTES:
        note.error(1, f"the file is over the limit of {MAX_NOTE_BYTES // 1024} KB")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        note.error(_line_of_offset(raw, problem.start), "the file is not UTF-8 text")
        return None
    node = _compose_reporting(note, text, note.start, "the file")
    if node is _FAILED:
        return None
    assert node is None or isinstance(node, yaml.Node)
    return node


def builtin_bank() -> dict[str, BankQuestion]:
    """The project's own question bank, shipped with the package."""
    return dict(_builtin_bank())


def _package_data(name: str) -> bytes:
    """A file of the package's ``data/`` folder. It is read beside this module,
    where an installed package keeps it; importlib.resources, which takes
    longer to import than reading the whole bank, serves any other layout."""
    try:
        return (Path(__file__).parent / "data" / name).read_bytes()
    except OSError:
        return resources.files("interview_kb").joinpath("data", name).read_bytes()


@lru_cache(maxsize=1)
def _builtin_bank() -> MappingProxyType[str, BankQuestion]:
    raw = _package_data("questions.yml")
    note = Note(BUILTIN_BANK, start=1)
    node = _parse_yaml_file(note, raw)
    return MappingProxyType(read_bank(note, node, "built-in", {}) if node is not None else {})


# ---------------------------------------------------------------------------
# the notebook


def _note_entries(folder: Path) -> list[tuple[str, Path, bool]]:
    """The notes of a folder as (path below it, path, whether it is a link),
    sorted by the path below it, in one pass over the folder's listings.

    As ``folder.rglob("*.md")`` would find them: a folder reached through a
    link is not entered (``folder`` itself may be a link), so a link can only
    be the note's own file. A link is listed whatever it leads to, so that
    one leading out of the notebook, or nowhere, is reported rather than
    skipped. Names starting with ``_`` or ``.`` are left out, and so is what
    such a folder holds, which is not even listed.
    """
    if not folder.is_dir():
        return []
    found: list[tuple[str, Path, bool]] = []
    pending = [(folder, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:  # a folder that cannot be listed shows no notes
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(("_", ".")):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((directory / name, f"{prefix}{name}/"))
                    continue
                linked = entry.is_symlink()
                if os.path.normcase(name).endswith(".md") and (linked or entry.is_file()):
                    found.append((prefix + name, directory / name, linked))
            except OSError:  # gone since it was listed
                continue
    found.sort(key=lambda item: item[0])
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _prefix(folder: Path, root: Path) -> str | None:
    """What turns a path below ``folder`` into one below ``root``
    (``contacts/``), or None when ``folder`` is not below ``root``."""
    try:
        below = folder.relative_to(root).as_posix()
    except ValueError:
        return None
    return "" if below == "." else f"{below}/"


def read_limited(path: Path, limit: int = MAX_NOTE_BYTES) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than allowed
    shows it is too long); never waits on a pipe or a device."""
    return _read_stamped(path, limit)[0]


# What tells one version of a file from another: which file it is (device,
# inode), its size, and the times of its last change of content and of
# metadata, to the nanosecond where the system keeps them.
Stamp = tuple[int, int, int, int, int]


def _stamp(status: os.stat_result) -> Stamp:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


# File systems keep times in steps (a few milliseconds on Linux, two seconds
# on FAT): a file changed again within the step it was read in, to the same
# size, would keep its stamp. A file changed this recently before it was read
# is therefore not kept, but read again next time, when it is old enough.
RECENT_NS = 2_000_000_000


def _recent(stamp: Stamp, now_ns: int) -> bool:
    return now_ns - stamp[3] < RECENT_NS


def _read_stamped(path: Path, limit: int = MAX_NOTE_BYTES) -> tuple[bytes, Stamp]:
    """``read_limited``, and the stamp of the file that was read."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        # Asking for no more than the file holds spares a buffer of ``limit``.
        wanted = min(status.st_size, limit) + 1
        chunks = []
        while wanted > 0 and (chunk := os.read(descriptor, wanted)):
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks), _stamp(status)
    finally:
        os.close(descriptor)


def _outside(path: Path, folder: Path, boundaries: Iterable[Path]) -> Path | None:
    """Where ``path`` (found in ``folder``) leads when a link takes it outside
    every boundary, else None."""
    below = path.relative_to(folder)
    hops = [path, *(folder / part for part in below.parents if part.parts)]
    if not any(hop.is_symlink() for hop in hops):
        return None  # no link on the way: the path stays where it was found
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return path
    if any(target.is_relative_to(boundary) for boundary in boundaries):
        return None
    return target


# Names MkDocs gives the page of the folder itself: a note so named would
# take the place of the contacts or interviews page.
_FOLDER_PAGES = ("index", "readme")


def slug_problem(slug: str) -> str | None:
    """Why a file name (without ``.md``) cannot name a note's page, or None.

    A slug is one file name, so it cannot hold a ``/``, and names starting
    with ``.`` are skipped; the checks of ``..`` and separators only make sure
    that no page path built from a slug can leave the site.
    """
    if not slug or slug in (".", "..") or "/" in slug or "\\" in slug:
        return "the file name cannot name a page; use letters, digits and '-', as in jane-doe.md"
    if _CONTROL.search(slug):
        return "the file name holds a control character; rename the file, as in jane-doe.md"
    if slug.casefold() in _FOLDER_PAGES:
        return (
            f"the name '{slug}' is the folder's own page on the site; "
            "rename the file, as in jane-doe.md"
        )
    return None


@dataclass(frozen=True)
class _Read:
    """What one note gave, read on its own: the part of reading that a
    ``NoteCache`` keeps, since it depends on nothing but the file and its
    place (its folder and its name)."""

    kind: str  # "contact" or "interview"
    slug: str
    stamp: Stamp
    # The note's problems as they stood once it was read (a copy: checks
    # across notes add to a fresh copy in every build).
    note: Note
    made: Contact | Interview | None
    references: tuple[tuple[int, str, str], ...]  # line, slug, what
    question_ids: tuple[tuple[int, str], ...]  # line, id


class NoteCache:
    """Notes read by earlier builds, kept while their files stay the same.

    ``mkdocs serve`` builds the whole site again after every edit. Given to
    ``read_notebook`` (and ``read_shared``) at every build, the cache holds
    what each note gave on its own, and the file's stamp (which file, its
    size, when its content and its metadata last changed); a note whose file
    has the same stamp is taken from it rather than read again. A note changed
    in the two seconds before it was read is not kept (see ``RECENT_NS``),
    nor is a link, whose way out of the notebook is checked at every read.
    Checks across notes (slugs, references, question ids, the question bank)
    are made afresh every time, and a note whose file is gone leaves the
    cache at the next read. ``parsed`` and ``reused`` count notes read from
    their files and notes taken from the cache.
    """

    def __init__(self) -> None:
        self._notebooks: dict[str, dict[str, _Read]] = {}
        # The options a contact is read with (keys, contacts_where), by
        # notebook: notes read under other ones are read again.
        self._read_with: dict[str, object] = {}
        self.parsed = 0
        self.reused = 0

    def __len__(self) -> int:
        return sum(len(notes) for notes in self._notebooks.values())

    def clear(self) -> None:
        self._notebooks.clear()
        self._read_with.clear()

    def _take(self, root: Path, read_with: object = None) -> dict[str, _Read]:
        """The notes kept for the notebook at ``root``, handed over: its read
        puts back those it met, so that the others drop out. None of them
        when they were read with other options (``read_with``)."""
        kept = self._notebooks.pop(os.path.abspath(root), {})
        return kept if self._read_with.get(os.path.abspath(root)) == read_with else {}

    def _keep(self, root: Path, notes: dict[str, _Read], read_with: object = None) -> None:
        self._notebooks[os.path.abspath(root)] = notes
        self._read_with[os.path.abspath(root)] = read_with


def read_notebook(
    root: Path,
    options: Options | None = None,
    cache: NoteCache | None = None,
    *,
    people_only: bool = False,
) -> Notebook:
    """Read every note of the notebook at ``root``; never raises for bad notes.

    With a ``cache``, a note whose file has not changed since the cache last
    saw it is not read again (see ``NoteCache``); the notebook is the same.
    With ``people_only``, only the contacts folder is read (no interviews,
    no questions file): another tool's folder of people notes.
    """
    options = options or Options()
    met: list[Note] = []  # every file met, each with the problems found in it
    references: list[_Reference] = []
    question_ids: list[tuple[Note, int, str]] = []
    contacts: dict[str, Contact] = {}
    interviews: dict[str, Interview] = {}
    read_with = (options.keys, options.contacts_where)
    earlier = cache._take(root, read_with) if cache is not None else {}
    kept: dict[str, _Read] = {}
    started = time_ns()
    parsed = reused = 0

    inside = _boundaries(root)
    folders = (("contact", options.contacts_dir), ("interview", options.interviews_dir))
    for kind, name in folders[:1] if people_only else folders:
        folder = root / name
        prefix = _prefix(folder, root)
        boundaries = (*inside, *_boundaries(folder))
        seen: dict[str, str] = {}
        for below, path, linked in _note_entries(folder):
            where = path.as_posix() if prefix is None else prefix + below
            note = Note(_clip(where, 300) if _CONTROL.search(where) else where)
            met.append(note)
            slug = path.stem
            # A file named as a title (Obsidian's "Dana Whitlow.md"): the slug
            # is made from it as `interview-kb new` makes one (dana-whitlow).
            title = slug if kind == "contact" and is_title(slug) else None
            if title is not None:
                slug = slug_of(title)
            why = slug_problem(slug) if note.path == where else "the path holds a control character"
            if why is not None:
                note.error(1, f"{why}; this note is left out")
                continue
            # Names that differ only in case are one file on macOS and Windows.
            if slug.casefold() in seen:
                note.error(
                    1,
                    f"the slug '{slug}' is already used by {seen[slug.casefold()]}; rename one",
                )
                continue
            seen[slug.casefold()] = note.path
            key = str(path)
            read = None if linked else _unchanged(earlier.get(key), kind, slug, note.path, path)
            if read is not None:  # taken from the cache
                kept[key] = read
                reused += 1
                note = met[-1] = read.note.copy()
            else:
                read = _read_alone(
                    kind, note, slug, path, folder, boundaries, linked, title, options
                )
                if read is None:
                    continue
                parsed += 1
                # A link is read every time: where it leads is checked anew.
                if cache is not None and not linked and not _recent(read.stamp, started):
                    # Kept as it stands now, before checks across notes add to it.
                    kept[key] = replace(read, note=note.copy())
            references.extend(_Reference(note, *found) for found in read.references)
            question_ids.extend((note, line, ident) for line, ident in read.question_ids)
            if isinstance(read.made, Contact):
                contacts[slug] = read.made
            elif isinstance(read.made, Interview):
                interviews[slug] = read.made
    if cache is not None:
        cache._keep(root, kept, read_with)
        cache.parsed += parsed
        cache.reused += reused

    bank = builtin_bank()
    questions_path = root / options.questions_file
    if questions_path.is_file() and not people_only:
        note = Note(_relative(questions_path, root), start=1)
        met.append(note)
        # A questions_file set outside the notebook is the owner's choice; a
        # link that leads out of it is not.
        boundaries = (*inside, *_boundaries(questions_path.parent))
        raw = _read_note(note, questions_path, questions_path.parent, boundaries)
        bank_node = _parse_yaml_file(note, raw[0]) if raw is not None else None
        if bank_node is not None:
            bank = read_bank(note, bank_node, "notebook", bank)

    _by_title(contacts, interviews, references)
    profile = None
    profile_path = root / PROFILE_FILE
    if profile_path.is_file():
        note = Note(PROFILE_FILE, start=1)
        met.append(note)
        raw = _read_note(note, profile_path, root, inside)
        profile_node = _parse_yaml_file(note, raw[0]) if raw is not None else None
        if profile_node is not None:
            profile = read_profile(note, profile_node)

    dropped = _check_references(contacts, references)
    for slug in dropped:
        interviews.pop(slug, None)
    near: dict[str, str | None] = {}  # an id missing from many notes is looked for once
    for note, line, ident in question_ids:
        if ident not in bank:
            suggestion = None
            if note.shows_more():
                if ident not in near:
                    near[ident] = closest(ident, bank, 3)
                suggestion = near[ident]
            note.error(
                line,
                f"question id '{_clip(ident)}' is not in the question bank"
                f"{_did_you_mean(suggestion)}",
            )

    problems = [problem for note in met for problem in note.problems]
    problems.sort(key=lambda p: (p.path, p.line, p.severity, p.message))
    notices = sorted((n for note in met for n in note.notices), key=lambda n: (n.path, n.line))
    return Notebook(
        contacts=MappingProxyType(dict(sorted(contacts.items()))),
        interviews=MappingProxyType(dict(sorted(interviews.items()))),
        bank=MappingProxyType(bank),
        problems=tuple(problems),
        notices=tuple(notices),
        profile=profile,
    )


def _by_title(
    contacts: dict[str, Contact], interviews: dict[str, Interview], references: list[_Reference]
) -> None:
    """References to a contact whose slug was made from its title (``Dana
    Whitlow.md`` is ``dana-whitlow``), written as the file name, the person's
    name or a wikilink to either (``[[Dana Whitlow]]``): replaced by the
    slug. A plain name that is not a file's title stays as written (and is
    reported if it names no contact)."""
    people = People(contacts)
    titles = {
        name_key(Path(c.path).stem): slug
        for slug, c in contacts.items()
        if Path(c.path).stem != slug
    }

    def meant(written: str | None) -> str | None:
        if not written or written in contacts:
            return None
        text, target = unwrap(written)
        found = titles.get(name_key(text))
        return found or (people.named(text) if target is not None else None)

    for slug, contact in list(contacts.items()):
        if (found := meant(contact.introduced_by)) is not None:
            contacts[slug] = replace(contact, introduced_by=found)
    for slug, interview in list(interviews.items()):
        changes: dict[str, Any] = {}
        if (found := meant(interview.contact)) is not None:
            changes["contact"] = found
        referrals = tuple(
            replace(r, contact=meant(r.contact) or r.contact) for r in interview.referrals
        )
        if referrals != interview.referrals:
            changes["referrals"] = referrals
        if changes:
            interviews[slug] = replace(interview, **changes)
    for index, ref in enumerate(references):
        if (found := meant(ref.slug)) is not None:
            references[index] = replace(ref, slug=found)


def read_people(folder: Path, options: Options | None = None) -> Notebook:
    """The people notes of a folder outside any notebook (an Obsidian vault's
    ``People``), read as a contacts folder is; paths are relative to it."""
    options = replace(options or Options(), contacts_dir=".")
    return read_notebook(folder, options, people_only=True)


def _unchanged(read: _Read | None, kind: str, slug: str, where: str, path: Path) -> _Read | None:
    """``read``, when it was read from the same file, unchanged since, as the
    same kind of note under the same name; else None."""
    if read is None or read.kind != kind or read.slug != slug or read.note.path != where:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None  # read again, to report why it cannot be
    return read if _stamp(status) == read.stamp else None


def _read_alone(
    kind: str,
    note: Note,
    slug: str,
    path: Path,
    folder: Path,
    boundaries: tuple[Path, ...],
    linked: bool,
    title: str | None = None,
    options: Options | None = None,
) -> _Read | None:
    """One note, read on its own; None, with the problem reported, when its
    file cannot be read. ``title``: a contact's file name written as a title
    (``Dana Whitlow``)."""
    found = _read_note(note, path, folder, boundaries, linked)
    if found is None:
        return None
    raw, stamp = found
    if kind == "contact" and is_index_title(title or slug) and not _opens_front_matter(raw):
        note.info(
            1, "not a person: an index note (no front-matter, and an index title); it is skipped"
        )
        return _Read(kind, slug, stamp, note, None, (), ())
    loaded = load_front_matter(note, raw)
    references: list[_Reference] = []
    question_ids: list[tuple[Note, int, str]] = []
    made: Contact | Interview | None = None
    if loaded is not None:
        node, body = loaded
        # The body is the file's tail: the line it starts on, for problems
        # found in it later (wikilinks).
        body_line = raw.count(b"\n") - body.count("\n") + 1
        leftovers = _template_leftovers(note, raw, body_line)
        if kind == "contact":
            made = read_contact(
                note,
                slug,
                node,
                body,
                references,
                body_line=body_line,
                title=title,
                options=options,
                leftovers=leftovers,
            )
        else:
            made = read_interview(
                note, slug, node, body, references, question_ids, body_line=body_line
            )
        # Hook (body_limits): shapes of the body Markdown cannot render in time;
        # the page shows such a body as plain text (pages.Renderer.render).
        for problem in body_problems(body):
            note.warning(body_line + problem.line - 1, problem.message)
    return _Read(
        kind,
        slug,
        stamp,
        note,
        made,
        tuple((ref.line, ref.slug, ref.what) for ref in references),
        tuple((line, ident) for _, line, ident in question_ids),
    )


def _opens_front_matter(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf").startswith(b"---")


def _template_leftovers(note: Note, raw: bytes, body_line: int) -> frozenset[int]:
    """Warn about unrendered template syntax (``<% tp.date.now() %>``,
    ``{{VALUE:company}}``, ``{{date}}``), outside fenced code; the lines of
    the front-matter that hold it."""
    lines: set[int] = set()
    if b"<%" not in raw and b"{{" not in raw:
        return frozenset()
    fence: str | None = None
    text = raw.decode("utf-8-sig", "replace")
    for number, line in enumerate(text.split("\n"), 1):
        in_body = number >= body_line
        stripped = line.lstrip()
        if in_body and stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
            continue
        if fence is not None:
            continue
        piece = leftover(line)
        if piece is None:
            continue
        where = "the note" if in_body else "this value"
        note.warning(
            number,
            f"template syntax '{_clip(piece, 60)}' was never filled in; {where} is read "
            "without it: write the value (or delete it)",
        )
        if not in_body:
            lines.add(number)
    return frozenset(lines)


def _boundaries(folder: Path) -> tuple[Path, ...]:
    try:
        return (folder.resolve(),)
    except (OSError, RuntimeError):
        return ()


def _read_note(
    note: Note,
    path: Path,
    folder: Path,
    boundaries: tuple[Path, ...],
    linked: bool = True,
) -> tuple[bytes, Stamp] | None:
    """The file's bytes (at most one more than ``MAX_NOTE_BYTES``) and stamp,
    or None with the problem reported: a link out of the notebook is not
    followed. ``linked`` False says that no link leads from ``folder`` to it."""
    target = _outside(path, folder, boundaries) if linked else None
    if target is not None:
        note.error(
            1,
            f"the file is a link to {_clip(target.as_posix(), 200)}, outside the notebook; "
            "it is not read (copy the note into the notebook instead)",
        )
        return None
    try:
        return _read_stamped(path)
    except OSError as problem:
        note.error(1, f"cannot read the file: {problem.strerror or problem}")
        return None


def _check_references(contacts: dict[str, Contact], references: list[_Reference]) -> set[str]:
    """Report slugs that name no contact; returns interviews to leave out."""
    people = People(contacts)
    dropped: set[str] = set()
    # A contact renamed leaves every note naming it with the same missing
    # slug: each is looked for among all contacts once.
    suggestions: dict[str, str | None] = {}
    for ref in references:
        if ref.slug in contacts:
            continue
        if not ref.note.shows_more():
            suggestion = None  # past the file's limit of problems: not shown, not worth the search
        elif ref.slug in suggestions:
            suggestion = suggestions[ref.slug]
        else:
            suggestion = people.named(ref.slug) or closest(ref.slug, contacts, 3)
            suggestions[ref.slug] = suggestion
        message = f"{ref.what} '{_clip(ref.slug)}' not found{_did_you_mean(suggestion)}"
        if ref.what == "contact":
            slug = Path(ref.note.path).stem
            dropped.add(slug)
            message += (
                " (contacts are named by their file name without .md); the interview is left out"
            )
        ref.note.error(ref.line, message)
    # An unknown introduced_by or referral slug is reported but kept: the
    # pages show it as plain text.
    return dropped
