"""Writing notes: slugs, note templates, byte-preserving edits and CSV imports.

Pure functions for the commands that create or change notes. Nothing here
imports click or MkDocs, reads the clock or writes a file: the command line
does the writing, with exclusive creation for new notes and an atomic rename
for edits. Every note made or changed here is read back with the reader's own
rules (``notes.py``) before it is handed back, so a command never writes a
note that the site would reject.

Edits change the text of the front-matter, never re-dump it: the one value
asked for is inserted (or replaced) where it belongs, in the style of its
neighbours, and every other byte of the file (keys, order, comments, quoting,
line endings, byte-order mark, the body) stays as it was.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from importlib import resources
from pathlib import PurePosixPath

import jinja2
import yaml

from . import notes
from .model import (
    MONTH_NAMES,
    BankQuestion,
    Contact,
    Interview,
    Notebook,
    OutreachEvent,
    Problem,
)

BOM = b"\xef\xbb\xbf"
MAX_SLUG_LENGTH = 80


class AuthoringError(ValueError):
    """A note that cannot be made or changed safely; the message says what to do."""


# ---------------------------------------------------------------------------
# slugs

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "\u0131": "i",  # dotless i
        "ħ": "h",
        "Ħ": "h",
    }
)
# ', right single quotation mark, modifier letter apostrophe, grave and acute accents
_APOSTROPHES = re.compile("['\u2019\u02bc`\u00b4]")
_UNSAFE = re.compile(r"[^a-z0-9]+")
# Names Windows refuses as file names, whatever the extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def slugify(text: str) -> str:
    """A note's file name from a person's name: ``José Ó Núñez`` is ``jose-o-nunez``.

    Accents are folded, apostrophes dropped (``O'Brien`` is ``obrien``), and
    every other run of characters outside ``a-z0-9`` becomes one dash. Raises
    ``AuthoringError`` when nothing is left (a name in a non-Latin script).
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = _UNSAFE.sub("-", _APOSTROPHES.sub("", plain)).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0].strip("-") or slug[:MAX_SLUG_LENGTH]
    if not slug:
        raise AuthoringError(
            f"cannot make a file name from {text!r}: it has no letters a-z or digits; "
            "give one with --slug (for example --slug wang-wei)"
        )
    return slug


def is_slug(text: str) -> bool:
    """True for a slug as ``slugify`` makes them (``jane-doe-2``)."""
    return bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text)) and len(text) <= MAX_SLUG_LENGTH


def free_slug(base: str, taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... : the first that is not taken."""
    candidate, number = base, 1
    while candidate in taken or candidate in _RESERVED:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def interview_slug(day: date, contact: str, taken: Container[str]) -> str:
    """``YYYY-MM-DD-<contact>``, with ``-2``, ``-3`` for another one that day."""
    return free_slug(f"{day.isoformat()}-{contact}", taken)


def name_key(name: str) -> str:
    """A name as compared with others: case and runs of white space ignored."""
    return " ".join(name.split()).casefold()


def contact_by_name(notebook: Notebook) -> dict[str, str]:
    """Every contact's name and aliases (``name_key``) and the slug they belong to."""
    names: dict[str, str] = {}
    for contact in notebook.contacts.values():
        for name in (contact.name, *contact.aliases):
            names.setdefault(name_key(name), contact.slug)
    return names


def normalize_url(url: str) -> str:
    """A profile URL as compared with others: no scheme, ``www.``, case or final slash."""
    text = url.strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    return text.split("?", 1)[0].split("#", 1)[0].rstrip("/")


# ---------------------------------------------------------------------------
# YAML values


class YamlText(str):
    """YAML that this module wrote itself: goes into a note as it stands."""

    __slots__ = ()


_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
# The characters YAML does not allow in a file at all (PyYAML's Reader).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def yaml_value(value: object, *, flow: bool = True) -> YamlText:
    """One value as YAML on one line.

    Texts are left plain when YAML reads them back as the same text, else
    quoted; a text with line breaks is double-quoted with escapes, so that no
    line of it can ever read as the ``---`` that closes the front-matter.
    With ``flow`` (the default) the value is safe anywhere, inside ``[...]``
    and ``{...}`` too; without, only as the value of a ``key:`` line, where
    a plain ``a, b`` or ``https://...`` needs no quotes. Dates are written
    ``2026-11-20``, booleans ``yes`` / ``no``, tuples as ``[a, b]``.
    """
    if isinstance(value, YamlText):
        return value
    if isinstance(value, bool):
        return YamlText("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, tuple | list):
        return YamlText("[" + ", ".join(yaml_value(item) for item in value) + "]")
    if not isinstance(value, str | int | float | date):
        raise TypeError(f"no YAML form for {type(value).__name__}")
    style = '"' if isinstance(value, str) and _LINE_BREAKS.search(value) else None
    # Inside a flow list, the emitter picks the quoting that flow context
    # needs; at the top of a document, what a block value needs.
    dumped = yaml.safe_dump(
        [value] if flow else value,
        default_flow_style=True,
        allow_unicode=True,
        width=1 << 30,
        default_style=style,
    )
    if flow:
        text = dumped.rstrip("\n")
        ok = text.startswith("[") and text.endswith("]")
        text = text[1:-1]
    else:
        text = dumped.removesuffix("\n...\n").rstrip("\n")
        ok = True
    if not ok or "\n" in text or not text:
        raise AssertionError(f"unexpected YAML for {value!r}: {dumped!r}")
    return YamlText(text)


def comment_text(text: str) -> str:
    """Text for a YAML comment: one line, only characters YAML allows."""
    return _NON_PRINTABLE.sub("?", " ".join(str(text).split()))


HINT_COLUMN = 36


def with_hint(line: str, hint: str = "") -> YamlText:
    """A line of YAML with an explaining comment aligned at ``HINT_COLUMN``."""
    if not hint:
        return YamlText(line)
    gap = max(2, HINT_COLUMN - len(line))
    return YamlText(f"{line}{' ' * gap}# {comment_text(hint)}")


def entry(key: str, value: object, example: str, hint: str = "") -> YamlText:
    """``key: value`` when there is a value, else ``# key: example`` (commented out).

    ``example`` is written as YAML, as it stands: templates give it as a literal.
    """
    present = value is not None and value != "" and value != ()
    line = (
        f"{key}: {yaml_value(value, flow=False)}"
        if present
        else f"# {key}: {comment_text(example)}"
    )
    return with_hint(line, hint)


def _finalize(value: object) -> object:
    # Every {{ value }} of a note template is YAML-quoted unless it is YAML
    # this module built itself.
    if isinstance(value, YamlText):
        return str(value)
    if value is None:
        raise TypeError("a note template printed an empty value; use entry() for optional keys")
    return yaml_value(value)


@lru_cache(maxsize=1)
def yaml_environment() -> jinja2.Environment:
    """Jinja2 for the templates of new notes and notebooks (YAML, not Markdown)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("interview_kb", "templates/new"),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals.update(entry=entry, with_hint=with_hint, yaml=yaml_value)
    env.filters["yaml"] = yaml_value
    env.filters["comment"] = lambda v: YamlText(comment_text(v))
    return env


# ---------------------------------------------------------------------------
# reading one note back with the reader's rules


def read_contact_note(raw: bytes, path: str) -> tuple[Contact | None, tuple[Problem, ...]]:
    """One contact note as ``read_notebook`` reads it, with its own problems.

    Checks that need the whole notebook (an ``introduced_by`` slug that names
    nobody) are not made here.
    """
    note = notes._Note(path)
    loaded = notes._load_front_matter(note, raw)
    contact = None
    if loaded is not None:
        node, body = loaded
        contact = notes.read_contact(note, PurePosixPath(path).stem, node, body, [])
    return contact, tuple(note.problems)


def read_interview_note(raw: bytes, path: str) -> tuple[Interview | None, tuple[Problem, ...]]:
    """One interview note as ``read_notebook`` reads it (but for the contact's
    existence and question-bank ids, which need the notebook)."""
    note = notes._Note(path)
    loaded = notes._load_front_matter(note, raw)
    interview = None
    if loaded is not None:
        node, body = loaded
        interview = notes.read_interview(note, PurePosixPath(path).stem, node, body, [], [])
    return interview, tuple(note.problems)


def _require_clean(problems: tuple[Problem, ...], what: str) -> None:
    if problems:
        raise AuthoringError(
            f"the new {what} would not read back cleanly ({problems[0]}); "
            "please report this, with the values you gave"
        )


# ---------------------------------------------------------------------------
# new notes


@dataclass(frozen=True)
class ContactDraft:
    """The values of a new contact note; None (or empty) leaves a key commented out."""

    name: str
    role: str | None = None
    organization: str | None = None
    seniority: str | None = None
    years_experience: float | None = None
    warmth: str | None = None
    connection: str | None = None
    introduced_by: str | None = None
    interest: tuple[str, ...] = ()
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    location: str | None = None
    local: bool | None = None
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewDraft:
    """The values of a new interview note."""

    contact: str
    date: date
    time: time | None = None
    status: str | None = None
    mode: str | None = None
    duration: int | None = None
    location: str | None = None

    @property
    def when(self) -> YamlText:
        """``2026-11-03`` or ``2026-11-03 14:30``: how the reader takes a date."""
        day = self.date.isoformat()
        return YamlText(f"{day} {self.time:%H:%M}" if self.time else day)


def render_contact(draft: ContactDraft, path: str = "contacts/new.md") -> str:
    """A new contact note: every key, the unused ones commented out."""
    text = yaml_environment().get_template("contact.md.j2").render(contact=draft)
    contact, problems = read_contact_note(text.encode("utf-8"), path)
    _require_clean(problems, "contact note")
    assert contact is not None
    return text


def render_interview(
    draft: InterviewDraft,
    suggestions: Iterable[BankQuestion] = (),
    seniority: str | None = None,
    path: str = "interviews/new.md",
) -> str:
    """A new interview note, with bank questions suggested as comments.

    The suggestions stay commented out: a question the note lists counts as
    asked once the interview is held, so only the owner decides which to ask.
    """
    text = (
        yaml_environment()
        .get_template("interview.md.j2")
        .render(
            interview=draft,
            suggestions=[(yaml_value(q.id), q.text) for q in suggestions],
            seniority=seniority,
        )
    )
    interview, problems = read_interview_note(text.encode("utf-8"), path)
    _require_clean(problems, "interview note")
    assert interview is not None
    return text


# ---------------------------------------------------------------------------
# byte-preserving edits


@dataclass(frozen=True)
class _Source:
    """A note split for editing: ``text`` is the file after any BOM, and the
    front-matter is ``text[offset:offset + len(front)]``."""

    bom: bytes
    text: str
    offset: int
    front: str
    node: yaml.MappingNode
    newline: str

    def splice(self, start: int, end: int, new: str) -> bytes:
        """The file with ``front[start:end]`` replaced by ``new``."""
        a, b = self.offset + start, self.offset + end
        return self.bom + (self.text[:a] + new + self.text[b:]).encode("utf-8")


def _source(raw: bytes, path: str) -> _Source:
    bom = BOM if raw.startswith(BOM) else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise AuthoringError(f"{path} is not UTF-8 text; it is left as it is") from None
    opening = notes._FENCE.match(text)
    first_end = text.find("\n")
    closing = notes._FENCE.search(text, first_end + 1) if opening and first_end >= 0 else None
    if closing is None:
        raise AuthoringError(f"{path} has no front-matter between '---' lines; it is left as it is")
    offset = first_end + 1
    front = text[offset : closing.start()]
    loader = yaml.SafeLoader(front)  # the pure-Python loader: marks count characters
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as problem:
        raise AuthoringError(f"{path}: the front-matter is not valid YAML ({problem})") from None
    finally:
        loader.dispose()
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise AuthoringError(
            f"{path}: the front-matter is not a list of 'key: value' lines; edit it by hand"
        )
    newline = "\r\n" if text[:offset].endswith("\r\n") else "\n"
    return _Source(bom, text, offset, front, node, newline)


def _top_level(source: _Source, key: str, path: str) -> tuple[yaml.Node, yaml.Node] | None:
    found = [
        (k, v)
        for k, v in source.node.value
        if isinstance(k, yaml.ScalarNode) and str(k.value) == key
    ]
    if len(found) > 1:
        raise AuthoringError(
            f"{path}: the key '{key}' is given {len(found)} times; keep one, then try again"
        )
    return found[0] if found else None


def _line_end(front: str, position: int) -> int:
    """Where the line holding ``position`` ends (after its newline)."""
    if position > 0 and front[position - 1] == "\n":
        return position  # the value ended with its line (a block scalar)
    newline = front.find("\n", position)
    return len(front) if newline < 0 else newline + 1


def _content_end(node: yaml.Node) -> int:
    """Where a value's last written character ends.

    A block collection's end mark lies after any comments that follow it,
    at the next key; its last scalar (or flow collection) ends where it ends.
    """
    if (
        isinstance(node, yaml.SequenceNode | yaml.MappingNode)
        and node.value
        and not node.flow_style
    ):
        last = node.value[-1]
        return _content_end(last[1] if isinstance(last, tuple) else last)
    return int(node.end_mark.index)


def _append_at_end(source: _Source, lines: list[str]) -> tuple[int, str]:
    """A new top-level key after the front-matter's last line."""
    nl = source.newline
    front = source.front
    lead = nl if front and not front.endswith("\n") else ""
    # Keys are usually at the start of their lines; YAML allows them indented.
    pairs = source.node.value
    indent = " " * (int(pairs[0][0].start_mark.column) if pairs else 0)
    return len(front), lead + "".join(indent + line + nl for line in lines)


def _event_pairs(event: OutreachEvent, *, flow: bool) -> list[tuple[str, str]]:
    values: list[tuple[str, object]] = [("date", event.date), ("kind", event.kind)]
    values += [("channel", event.channel), ("note", event.note)]
    return [(k, str(yaml_value(v, flow=flow))) for k, v in values if v]


def _flow_event(event: OutreachEvent) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in _event_pairs(event, flow=True)) + "}"


def _block_event(event: OutreachEvent, dash_column: int, key_column: int) -> list[str]:
    pairs = _event_pairs(event, flow=False)
    gap = " " * max(1, key_column - dash_column - 1)
    first = f"{' ' * dash_column}-{gap}{pairs[0][0]}: {pairs[0][1]}"
    indent = " " * (dash_column + 1 + len(gap))
    return [first, *(f"{indent}{k}: {v}" for k, v in pairs[1:])]


def _outreach_insertion(source: _Source, event: OutreachEvent, path: str) -> tuple[int, int, str]:
    """Where and what to write: ``(start, end, text)`` in the front-matter."""
    nl = source.newline
    front = source.front
    found = _top_level(source, "outreach", path)
    if found is None:
        start, text = _append_at_end(source, ["outreach:", *_block_event(event, 2, 4)])
        return start, start, text
    key, value = found
    if isinstance(value, yaml.ScalarNode):
        start, end = int(value.start_mark.index), int(value.end_mark.index)
        if start == end:  # "outreach:" and nothing after it
            column = int(key.start_mark.column) + 2
            at = _line_end(front, end)
            lines = _block_event(event, column, column + 2)
            lead = nl if not front[:at].endswith("\n") else ""
            return at, at, lead + "".join(line + nl for line in lines)
        return start, end, "[" + _flow_event(event) + "]"  # "outreach: ~"
    if not isinstance(value, yaml.SequenceNode):
        raise AuthoringError(f"{path}: 'outreach' is not a list; fix it by hand first")
    if value.flow_style:
        if not value.value:
            at = int(value.start_mark.index) + 1  # just inside "["
            return at, at, _flow_event(event)
        last = value.value[-1]
        at = int(last.end_mark.index)
        if last.start_mark.line != value.start_mark.line:
            return at, at, "," + nl + " " * int(last.start_mark.column) + _flow_event(event)
        return at, at, ", " + _flow_event(event)
    first = value.value[0]
    dash = int(value.start_mark.column)
    at = _line_end(front, _content_end(value))
    lead = nl if not front[:at].endswith("\n") else ""
    if isinstance(first, yaml.MappingNode) and first.flow_style:
        gap = " " * max(1, int(first.start_mark.column) - dash - 1)
        return at, at, f"{lead}{' ' * dash}-{gap}{_flow_event(event)}{nl}"
    key_column = int(first.start_mark.column) if isinstance(first, yaml.MappingNode) else dash + 2
    lines = _block_event(event, dash, key_column)
    return at, at, lead + "".join(line + nl for line in lines)


def _problem_texts(problems: Iterable[Problem]) -> list[tuple[str, str]]:
    # Lines move when text is inserted above a problem; what it says does not.
    return sorted((p.severity, p.message) for p in problems)


def _readable_contact(raw: bytes, path: str) -> tuple[Contact, tuple[Problem, ...]]:
    contact, problems = read_contact_note(raw, path)
    errors = [p for p in problems if p.severity == "error"]
    if contact is None or errors:
        first = errors[0] if errors else problems[0]
        raise AuthoringError(f"{first}; the note is left as it is: fix it, then try again")
    return contact, problems


def add_outreach(raw: bytes, event: OutreachEvent, path: str) -> bytes:
    """The contact note ``raw`` with one more outreach event, every other byte kept.

    The event goes at the end of the ``outreach`` list, in the list's own
    style (block items with their indentation, or a flow ``[...]``), or under
    a new ``outreach:`` key at the end of the front-matter. The result is read
    back: it must hold exactly one more event and nothing else changed.
    """
    old, old_problems = _readable_contact(raw, path)
    source = _source(raw, path)
    start, end, text = _outreach_insertion(source, event, path)
    new_raw = source.splice(start, end, text)
    new, new_problems = read_contact_note(new_raw, path)
    events = tuple(sorted((*old.outreach, event), key=lambda e: e.date))
    if new != dataclasses.replace(old, outreach=events) or _problem_texts(
        new_problems
    ) != _problem_texts(old_problems):
        raise AuthoringError(
            f"{path}: the event could not be added without changing something else; "
            "the note is left as it is: add the event by hand"
        )
    return new_raw


def set_thank_you(raw: bytes, day: date, path: str) -> bytes:
    """The interview note ``raw`` with ``thank_you: day``, every other byte kept.

    An existing value is replaced where it stands; else the key is added at
    the end of the front-matter. Returns ``raw`` itself when it already says so.
    """
    old, old_problems = read_interview_note(raw, path)
    errors = [p for p in old_problems if p.severity == "error"]
    if old is None or errors:
        first = errors[0] if errors else old_problems[0]
        raise AuthoringError(f"{first}; the note is left as it is: fix it, then try again")
    if old.thank_you == day:
        return raw
    source = _source(raw, path)
    found = _top_level(source, "thank_you", path)
    value_text = day.isoformat()
    if found is None:
        start, text = _append_at_end(source, [f"thank_you: {value_text}"])
        end = start
    else:
        node = found[1]
        if not isinstance(node, yaml.ScalarNode):
            raise AuthoringError(f"{path}: 'thank_you' is not a date; fix it by hand first")
        start, end = int(node.start_mark.index), int(node.end_mark.index)
        if start == end:
            text = " " + value_text
        else:
            written = source.front[start:end]
            kept = written[len(written.rstrip()) :] if node.style in ("|", ">") else ""
            text = value_text + kept
    new_raw = source.splice(start, end, text)
    new, new_problems = read_interview_note(new_raw, path)
    if new != dataclasses.replace(old, thank_you=day) or _problem_texts(
        new_problems
    ) != _problem_texts(old_problems):
        raise AuthoringError(
            f"{path}: thank_you could not be set without changing something else; "
            "the note is left as it is: set it by hand"
        )
    return new_raw


# ---------------------------------------------------------------------------
# importing contacts from CSV files


@dataclass(frozen=True)
class ImportRow:
    """One person read from a CSV file; ``line`` is where the row ends."""

    line: int
    name: str
    organization: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    location: str | None = None
    connection: str | None = None
    tags: tuple[str, ...] = ()


def decode_csv(raw: bytes, path: str) -> str:
    """A CSV file's text: UTF-8, with or without a byte-order mark."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw.count(b"\n", 0, problem.start) + 1
        raise AuthoringError(
            f"{path}:{line}: the file is not UTF-8 text; export it again as UTF-8 CSV"
        ) from None


_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)


def parse_connected_on(text: str) -> date | None:
    """LinkedIn's ``Connected On``: ``05 Nov 2024`` (also ``2024-11-05``), or None."""
    value = " ".join(text.replace(",", " ").split())
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    day_first = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})", value)
    month_first = re.fullmatch(r"([A-Za-z]{3,9})\.? (\d{1,2}) (\d{4})", value)
    if day_first:
        day, month, year = day_first[1], day_first[2], day_first[3]
    elif month_first:
        month, day, year = month_first[1], month_first[2], month_first[3]
    else:
        return None
    abbreviation = month[:3].casefold()
    if abbreviation not in _MONTHS:
        return None
    try:
        return date(int(year), _MONTHS.index(abbreviation) + 1, int(day))
    except ValueError:
        return None


def _cell(value: str) -> str | None:
    text = " ".join(value.split())
    return text or None


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as problem:
        raise AuthoringError(f"line {reader.line_num}: {problem}") from None


def _with_header(
    text: str, path: str, first: str, example: str
) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The header row (the first whose first cell is ``first``) and the rows after it."""
    rows = list(_rows(text))
    for index, (_, row) in enumerate(rows):
        cells = [c.strip().casefold() for c in row]
        if cells and cells[0] == first:
            header = {name: i for i, name in reversed(list(enumerate(cells))) if name}
            return header, rows[index + 1 :]
    raise AuthoringError(f"{path}: no header row starting with {example!r} was found")


def read_linkedin_csv(text: str, path: str) -> list[ImportRow]:
    """People from LinkedIn's ``Connections.csv`` export.

    The header row is the first that starts with ``First Name``, whatever
    lines precede it; ``URL``, ``Email Address``, ``Company``, ``Position``
    and ``Connected On`` are used when present. Rows of empty cells are left
    out; a row without a name comes back with an empty ``name``.
    """
    header, rows = _with_header(text, path, "first name", "First Name,Last Name,...")
    if "last name" not in header:
        raise AuthoringError(f"{path}: the header row has no 'Last Name' column")

    def get(row: list[str], column: str) -> str | None:
        index = header.get(column)
        return _cell(row[index]) if index is not None and index < len(row) else None

    people: list[ImportRow] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        name = " ".join(p for p in (get(row, "first name"), get(row, "last name")) if p)
        since_text = get(row, "connected on")
        since = parse_connected_on(since_text) if since_text else None
        people.append(
            ImportRow(
                line=line,
                name=name,
                organization=get(row, "company"),
                role=get(row, "position"),
                email=get(row, "email address"),
                linkedin=get(row, "url"),
                connection="LinkedIn connection" + (f" since {since.isoformat()}" if since else ""),
            )
        )
    return people


GENERIC_COLUMNS = (
    "name",
    "organization",
    "role",
    "email",
    "phone",
    "linkedin",
    "website",
    "location",
    "connection",
    "tags",
)


def read_generic_csv(text: str, path: str) -> tuple[list[ImportRow], list[str]]:
    """People from a plain CSV whose header row starts with ``name``.

    Columns are named as the contact keys (``GENERIC_COLUMNS``); ``tags`` are
    separated by commas or semicolons. Returns the people and the names of
    the columns that were not used.
    """
    header, rows = _with_header(text, path, "name", "name,organization,role,email")
    ignored = sorted(c for c in header if c not in GENERIC_COLUMNS)

    def get(row: list[str], column: str) -> str | None:
        index = header.get(column)
        return _cell(row[index]) if index is not None and index < len(row) else None

    people: list[ImportRow] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        tags = split_list(get(row, "tags") or "")
        values = {c: get(row, c) for c in GENERIC_COLUMNS if c not in ("name", "tags")}
        people.append(ImportRow(line=line, name=get(row, "name") or "", tags=tags, **values))
    return people, ignored


def split_list(text: str) -> tuple[str, ...]:
    """``a, b; #c`` as ``("a", "b", "c")``: commas or semicolons, ``#`` dropped."""
    items = (" ".join(t.split()).lstrip("#").strip() for t in re.split(r"[,;]", text))
    return tuple(dict.fromkeys(t for t in items if t))


def row_matches(row: ImportRow, company: str | None, position: str | None) -> bool:
    """The ``--company`` / ``--position`` filters: case-insensitive substrings."""
    for wanted, value in ((company, row.organization), (position, row.role)):
        if wanted and wanted.casefold() not in (value or "").casefold():
            return False
    return True


@dataclass(frozen=True)
class PlannedNote:
    """What an import does with one row: write ``text`` to ``slug``, or skip it."""

    row: ImportRow
    slug: str | None = None
    text: str | None = None
    skipped: str | None = None


def plan_import(
    rows: Iterable[ImportRow],
    notebook: Notebook,
    taken: Iterable[str],
    tags: tuple[str, ...] = (),
    contacts_dir: str = "contacts",
) -> list[PlannedNote]:
    """One planned note per row; a person already in the notebook (same
    LinkedIn URL, or same name or alias) or earlier in the file is skipped."""
    names = contact_by_name(notebook)
    urls = {normalize_url(c.linkedin): slug for slug, c in notebook.contacts.items() if c.linkedin}
    used = set(taken)
    plans: list[PlannedNote] = []
    for row in rows:
        if not row.name:
            plans.append(PlannedNote(row, skipped=f"line {row.line} has no name"))
            continue
        existing = urls.get(normalize_url(row.linkedin)) if row.linkedin else None
        why = "the same LinkedIn URL"
        if existing is None:
            existing, why = names.get(name_key(row.name)), "the same name"
        if existing is not None:
            where = (
                f"{contacts_dir}/{existing}.md"
                if existing in notebook.contacts
                else f"line {existing} of this file"
            )
            plans.append(PlannedNote(row, skipped=f"{row.name}: {why} as {where}"))
            continue
        try:
            slug = free_slug(slugify(row.name), used)
        except AuthoringError as problem:
            plans.append(PlannedNote(row, skipped=f"{row.name} (line {row.line}): {problem}"))
            continue
        draft = ContactDraft(
            name=row.name,
            organization=row.organization,
            role=row.role,
            email=row.email,
            phone=row.phone,
            linkedin=row.linkedin,
            website=row.website,
            location=row.location,
            connection=row.connection,
            tags=tuple(dict.fromkeys((*row.tags, *tags))),
        )
        text = render_contact(draft, f"{contacts_dir}/{slug}.md")
        used.add(slug)
        names[name_key(row.name)] = str(row.line)
        if row.linkedin:
            urls[normalize_url(row.linkedin)] = str(row.line)
        plans.append(PlannedNote(row, slug=slug, text=text))
    return plans


# ---------------------------------------------------------------------------
# a new notebook

# Files of a new notebook copied from data/starter/: {path in the notebook: file}.
STARTER_COPIES = {
    "questions.yml": "questions.yml",
    ".gitignore": "gitignore",
    "docs/index.md": "index.md",
    "docs/guide/index.md": "guide-index.md",
    "docs/guide/finding-people.md": "guide-finding-people.md",
    "docs/guide/asking.md": "guide-asking.md",
    "docs/guide/preparing.md": "guide-preparing.md",
    "docs/guide/conversation.md": "guide-conversation.md",
    "docs/guide/following-up.md": "guide-following-up.md",
    "docs/guide/reflecting.md": "guide-reflecting.md",
    "docs/guide/etiquette.md": "guide-etiquette.md",
    "docs/guide/notebook.md": "guide-notebook.md",
    "docs/guide/templates.md": "guide-templates.md",
    "docs/notes.md": "notes.md",
    "docs/follow-up-rules.md": "follow-up-rules.md",
    "docs/plan.md": "plan.md",
}
EXAMPLE_CONTACT = ContactDraft(name="Jane Doe")
EXAMPLE_INTERVIEW = InterviewDraft(contact="jane-doe", date=date(2026, 11, 3), time=time(14, 30))


def starter_files(site_name: str, config_name: str = "mkdocs.yml") -> dict[str, str]:
    """Every file of a new notebook: ``{path relative to its folder: text}``.

    ``contacts/_template.md`` and ``interviews/_template.md`` show every key
    (the reader skips names starting with ``_``) and keep the folders in git.
    """
    env = yaml_environment()
    starter = resources.files("interview_kb").joinpath("data/starter")
    files = {
        config_name: env.get_template("mkdocs.yml.j2").render(site_name=site_name),
        "mkdocs.public.yml": env.get_template("mkdocs.public.yml.j2").render(
            site_name=f"{site_name}: the guide", config_name=config_name
        ),
        "contacts/_template.md": render_contact(EXAMPLE_CONTACT),
        "interviews/_template.md": render_interview(EXAMPLE_INTERVIEW),
    }
    for target, name in STARTER_COPIES.items():
        files[target] = starter.joinpath(name).read_text(encoding="utf-8")
    return dict(sorted(files.items()))
