"""Byte-preserving edits of a note's front-matter.

Edits change the text of the front-matter, never re-dump it: the one value
asked for is inserted (or replaced) where it belongs, in the style of its
neighbours, and every other byte of the file (keys, order, comments, quoting,
line endings, byte-order mark, the body) stays as it was. Hand-written
because no YAML library round-trips a file byte for byte."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import yaml

from ..core.model import (
    Contact,
    OutreachEvent,
    Problem,
)
from ..reader import notes
from .errors import BOM, AuthoringError
from .reading import read_contact_note, read_interview_note
from .yaml_text import yaml_value


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
    opening = notes.FENCE.match(text)
    first_end = text.find("\n")
    closing = notes.FENCE.search(text, first_end + 1) if opening and first_end >= 0 else None
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
