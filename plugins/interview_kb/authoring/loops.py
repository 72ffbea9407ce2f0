"""Byte-preserving edits that close loops: a promised item received, an
interview cancelled or moved, a reminder set or done, a reflection written.

Each edit changes the text of the front-matter where the value belongs, in
the style of its neighbours (block lines or flow ``{...}`` / ``[...]``), and
reads the result back: the note must say exactly what was asked and nothing
else may have changed (same model, same problems), else nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date, time
from typing import TypeVar

import yaml

from ..core.model import Contact, Interview, Problem, Promise, Reflection, Reminder
from ..core.vocab import InterviewStatus, StillInterested
from .edits import (
    _append_at_end,
    _content_end,
    _line_end,
    _problem_texts,
    _readable_contact,
    _Source,
    _source,
    _top_level,
)
from .errors import AuthoringError
from .reading import read_contact_note, read_interview_note
from .yaml_text import yaml_value

N = TypeVar("N", Contact, Interview)

# A change in the front-matter: ``front[start:end]`` becomes ``text``.
Change = tuple[int, int, str]

_NULL_TAG = "tag:yaml.org,2002:null"


def _readable_interview(raw: bytes, path: str) -> tuple[Interview, tuple[Problem, ...]]:
    interview, problems = read_interview_note(raw, path)
    errors = [p for p in problems if p.severity == "error"]
    if interview is None or errors:
        first = errors[0] if errors else problems[0]
        raise AuthoringError(f"{first}; the note is left as it is: fix it, then try again")
    return interview, problems


def _checked(
    new_raw: bytes,
    path: str,
    expected: N,
    old_problems: tuple[Problem, ...],
    what: str,
) -> bytes:
    """``new_raw`` when it reads back as ``expected`` with the same problems."""
    reader: Callable[[bytes, str], tuple[object, tuple[Problem, ...]]]
    reader = read_contact_note if isinstance(expected, Contact) else read_interview_note
    new, new_problems = reader(new_raw, path)
    if new != expected or _problem_texts(new_problems) != _problem_texts(old_problems):
        raise AuthoringError(
            f"{path}: {what} could not be written without changing something else; "
            "the note is left as it is: edit it by hand"
        )
    return new_raw


def _replace_scalar(source: _Source, node: yaml.Node, value: str, what: str, path: str) -> Change:
    """The change that makes a scalar value read ``value`` (YAML text)."""
    if not isinstance(node, yaml.ScalarNode):
        raise AuthoringError(f"{path}: {what} is not a single value; fix it by hand first")
    start, end = int(node.start_mark.index), int(node.end_mark.index)
    if start == end:  # "key:" and nothing after it
        return start, end, " " + value
    written = source.front[start:end]
    kept = written[len(written.rstrip()) :] if node.style in ("|", ">") else ""
    return start, end, value + kept


def _key_column(mapping: yaml.MappingNode) -> int:
    return int(mapping.value[0][0].start_mark.column) if mapping.value else 0


def _set_in_mapping(
    source: _Source, mapping: yaml.MappingNode, key: str, value: str, path: str, where: str
) -> Change:
    """The change that sets ``key: value`` in a nested mapping: the value
    replaced where it stands, or the key added after the mapping's last one."""
    found = [v for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and str(k.value) == key]
    if len(found) > 1:
        raise AuthoringError(f"{path}: '{key}' is given twice {where}; keep one, then try again")
    if found:
        return _replace_scalar(source, found[0], value, f"'{key}' {where}", path)
    if mapping.flow_style:
        if not mapping.value:
            at = int(mapping.start_mark.index) + 1  # just inside "{"
            return at, at, f"{key}: {value}"
        at = int(mapping.value[-1][1].end_mark.index)
        return at, at, f", {key}: {value}"
    nl = source.newline
    at = _line_end(source.front, _content_end(mapping))
    lead = nl if not source.front[:at].endswith("\n") else ""
    return at, at, f"{lead}{' ' * _key_column(mapping)}{key}: {value}{nl}"


def _set_top_level(
    source: _Source, key: str, value: str, path: str, after: str | None = None
) -> Change:
    """The change that sets a top-level ``key: value``: replaced where it
    stands, else added after the key ``after`` (or at the end)."""
    found = _top_level(source, key, path)
    if found is not None:
        return _replace_scalar(source, found[1], value, f"'{key}'", path)
    anchor = _top_level(source, after, path) if after else None
    if anchor is None:
        start, text = _append_at_end(source, [f"{key}: {value}"])
        return start, start, text
    nl = source.newline
    at = _line_end(source.front, _content_end(anchor[1]))
    lead = nl if not source.front[:at].endswith("\n") else ""
    return at, at, f"{lead}{' ' * int(anchor[0].start_mark.column)}{key}: {value}{nl}"


def _mapping_text(pairs: Sequence[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _append_item(
    source: _Source,
    key: str,
    value: yaml.Node | None,
    item: Sequence[tuple[str, str]] | str,
    path: str,
    column: int,
) -> Change:
    """The change that adds ``item`` (mapping pairs, or a scalar's YAML text)
    at the end of the list ``value`` (of ``key``), in the list's own style.
    ``value`` None: a new ``key:`` line at ``column`` at the end of the front-matter."""
    nl = source.newline
    front = source.front
    flow_item = item if isinstance(item, str) else _mapping_text(item)

    def block(dash: int, key_column: int) -> list[str]:
        if isinstance(item, str):
            return [f"{' ' * dash}- {item}"]
        gap = " " * max(1, key_column - dash - 1)
        indent = " " * (dash + 1 + len(gap))
        first = f"{' ' * dash}-{gap}{item[0][0]}: {item[0][1]}"
        return [first, *(f"{indent}{k}: {v}" for k, v in item[1:])]

    if value is None:
        start, text = _append_at_end(source, [f"{key}:"])
        text += "".join(line + nl for line in block(column + 2, column + 4))
        return start, start, text
    if isinstance(value, yaml.ScalarNode):
        if value.tag != _NULL_TAG:
            raise AuthoringError(f"{path}: '{key}' is not a list; fix it by hand first")
        start, end = int(value.start_mark.index), int(value.end_mark.index)
        if start == end:  # "key:" and nothing after it
            at = _line_end(front, end)
            lead = nl if not front[:at].endswith("\n") else ""
            lines = block(column + 2, column + 4)
            return at, at, lead + "".join(line + nl for line in lines)
        return start, end, "[" + flow_item + "]"  # "key: ~"
    if not isinstance(value, yaml.SequenceNode):
        raise AuthoringError(f"{path}: '{key}' is not a list; fix it by hand first")
    if value.flow_style:
        if not value.value:
            at = int(value.start_mark.index) + 1  # just inside "["
            return at, at, flow_item
        last = value.value[-1]
        at = int(last.end_mark.index)
        if last.start_mark.line != value.start_mark.line:
            return at, at, "," + nl + " " * int(last.start_mark.column) + flow_item
        return at, at, ", " + flow_item
    first = value.value[0]
    dash = int(value.start_mark.column)
    at = _line_end(front, _content_end(value))
    lead = nl if not front[:at].endswith("\n") else ""
    if isinstance(first, yaml.MappingNode) and first.flow_style and not isinstance(item, str):
        gap = " " * max(1, int(first.start_mark.column) - dash - 1)
        return at, at, f"{lead}{' ' * dash}-{gap}{flow_item}{nl}"
    key_column = int(first.start_mark.column) if isinstance(first, yaml.MappingNode) else dash + 2
    return at, at, lead + "".join(line + nl for line in block(dash, key_column))


def _counted_items(value: yaml.Node | None) -> list[yaml.Node]:
    """The items of a list that the reader turns into entries, in order:
    empty items (``-`` alone) are skipped by the reader, so here too."""
    if not isinstance(value, yaml.SequenceNode):
        return [] if value is None or not isinstance(value, yaml.ScalarNode) else [value]
    return [
        item
        for item in value.value
        if not (
            isinstance(item, yaml.ScalarNode)
            and (item.tag == _NULL_TAG or not str(item.value).strip())
        )
    ]


def _set_in_item(
    source: _Source, item: yaml.Node, main: str, key: str, value: str, path: str
) -> Change:
    """Set ``key: value`` in a list item; an item written as a bare text
    becomes ``{main: text, key: value}``."""
    if isinstance(item, yaml.MappingNode):
        return _set_in_mapping(source, item, key, value, path, "in this entry")
    if not isinstance(item, yaml.ScalarNode):
        raise AuthoringError(f"{path}: the entry is not a text or a mapping; fix it by hand")
    start, end = int(item.start_mark.index), int(item.end_mark.index)
    written = source.front[start:end]
    kept = written[len(written.rstrip()) :] if item.style in ("|", ">") else ""
    text = _mapping_text([(main, yaml_value(str(item.value))), (key, value)])
    return start, end, text + kept


# ---------------------------------------------------------------------------
# the edits


def mark_received(raw: bytes, index: int, day: date, path: str) -> bytes:
    """The interview note with promised item ``index`` (from 0, in the note's
    order) marked ``received: day``."""
    old, problems = _readable_interview(raw, path)
    source = _source(raw, path)
    found = _top_level(source, "promised", path)
    items = _counted_items(found[1] if found else None)
    if len(items) != len(old.promised) or not 0 <= index < len(items):
        raise AuthoringError(f"{path}: the promised list could not be matched; edit it by hand")
    change = _set_in_item(source, items[index], "item", "received", day.isoformat(), path)
    promised = list(old.promised)
    promised[index] = Promise(item=promised[index].item, received=True, received_on=day)
    expected = dataclasses.replace(old, promised=tuple(promised))
    return _checked(source.splice(*change), path, expected, problems, "received")


def set_status(raw: bytes, status: InterviewStatus, path: str) -> bytes:
    """The interview note with ``status: status`` (added after ``date``)."""
    old, problems = _readable_interview(raw, path)
    if old.status == status:
        return raw
    source = _source(raw, path)
    change = _set_top_level(source, "status", status.value, path, after="date")
    expected = dataclasses.replace(old, status=status)
    return _checked(source.splice(*change), path, expected, problems, "status")


def moment_text(day: date, clock: time | None) -> str:
    """How a note writes an interview's date: ``2026-11-03`` or ``2026-11-03 14:30``."""
    return day.isoformat() + (f" {clock.strftime('%H:%M')}" if clock else "")


def reschedule(raw: bytes, day: date, clock: time | None, path: str) -> bytes:
    """The interview note moved to ``day`` at ``clock`` (None: all day); a
    cancelled interview is scheduled again."""
    old, problems = _readable_interview(raw, path)
    expected = dataclasses.replace(old, date=day, time=clock)
    if old.cancelled:
        expected = dataclasses.replace(expected, status=InterviewStatus.SCHEDULED)
    if expected == old:
        return raw
    source = _source(raw, path)
    found = _top_level(source, "date", path)
    if found is None:  # pragma: no cover - the reader refuses such a note
        raise AuthoringError(f"{path}: the note has no date")
    text = moment_text(day, clock)
    node = found[1]
    if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
        text = f"{node.style}{text}{node.style}"  # the quotes it was written with
    new_raw = source.splice(*_replace_scalar(source, node, text, "'date'", path))
    if old.cancelled:
        source = _source(new_raw, path)
        change = _set_top_level(source, "status", InterviewStatus.SCHEDULED.value, path)
        new_raw = source.splice(*change)
    return _checked(new_raw, path, expected, problems, "the new date")


def add_reminder(raw: bytes, reminder: Reminder, path: str) -> bytes:
    """The contact note with one more reminder at the end of ``reminders``."""
    old, problems = _readable_contact(raw, path)
    source = _source(raw, path)
    found = _top_level(source, "reminders", path)
    pairs = [("date", reminder.date.isoformat())]
    if reminder.note:
        pairs.append(("note", yaml_value(reminder.note, flow=True)))
    column = int(found[0].start_mark.column) if found else _key_column(source.node)
    change = _append_item(source, "reminders", found[1] if found else None, pairs, path, column)
    expected = dataclasses.replace(old, reminders=(*old.reminders, reminder))
    return _checked(source.splice(*change), path, expected, problems, "the reminder")


def reminder_done(raw: bytes, index: int, path: str) -> bytes:
    """The contact note with reminder ``index`` (from 0) marked ``done: yes``."""
    old, problems = _readable_contact(raw, path)
    if old.reminders[index].done:
        return raw
    source = _source(raw, path)
    found = _top_level(source, "reminders", path)
    items = _counted_items(found[1] if found else None)
    if len(items) != len(old.reminders):
        raise AuthoringError(f"{path}: the reminders could not be matched; edit them by hand")
    change = _set_in_item(source, items[index], "date", "done", "yes", path)
    reminders = list(old.reminders)
    reminders[index] = dataclasses.replace(reminders[index], done=True)
    expected = dataclasses.replace(old, reminders=tuple(reminders))
    return _checked(source.splice(*change), path, expected, problems, "done")


@dataclasses.dataclass(frozen=True)
class ReflectionFields:
    """What ``reflect`` writes: each field given replaces the note's; next
    steps are added after those already there."""

    learned: str | None = None
    went_well: str | None = None
    improve: str | None = None
    still_interested: StillInterested | None = None
    rating: int | None = None
    next_steps: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self == ReflectionFields()


_SINGLE_FIELDS = ("learned", "went_well", "improve", "still_interested", "rating")


def write_reflection(raw: bytes, fields: ReflectionFields, path: str) -> bytes:
    """The interview note with the reflection fields given, each under ``reflection``."""
    old, problems = _readable_interview(raw, path)
    before = old.reflection or Reflection()
    given = {k: getattr(fields, k) for k in _SINGLE_FIELDS if getattr(fields, k) is not None}
    expected_reflection = dataclasses.replace(
        before, **given, next_steps=(*before.next_steps, *fields.next_steps)
    )
    expected = dataclasses.replace(old, reflection=expected_reflection)
    if expected == old:
        return raw
    new_raw = raw
    source = _source(new_raw, path)
    found = _top_level(source, "reflection", path)
    if found is None or (isinstance(found[1], yaml.ScalarNode) and found[1].tag == _NULL_TAG):
        if found is not None:
            raise AuthoringError(f"{path}: 'reflection' is empty; remove the line, then try again")
        lines = ["reflection:"]
        lines += [f"  {k}: {_field_text(v, flow=False)}" for k, v in given.items()]
        if fields.next_steps:
            lines += ["  next_steps:", *(f"    - {yaml_value(s)}" for s in fields.next_steps)]
        start, text = _append_at_end(source, lines)
        new_raw = source.splice(start, start, text)
    else:
        for key, value in given.items():
            source = _source(new_raw, path)
            mapping = _reflection_node(source, path)
            change = _set_in_mapping(
                source, mapping, key, _field_text(value, flow=mapping.flow_style), path,
                "in reflection",
            )  # fmt: skip
            new_raw = source.splice(*change)
        for step in fields.next_steps:
            source = _source(new_raw, path)
            mapping = _reflection_node(source, path)
            steps = [
                v
                for k, v in mapping.value
                if isinstance(k, yaml.ScalarNode) and k.value == "next_steps"
            ]
            if not steps:
                value = yaml_value((step,))
                change = _set_in_mapping(source, mapping, "next_steps", value, path, "")
            else:
                change = _append_item(
                    source, "next_steps", steps[0], yaml_value(step), path, _key_column(mapping)
                )
            new_raw = source.splice(*change)
    return _checked(new_raw, path, expected, problems, "the reflection")


def _field_text(value: object, *, flow: bool) -> str:
    """A reflection field as YAML: ``still_interested: yes`` plain, as the
    notes write it (the reader takes yes and no for the words)."""
    if isinstance(value, StillInterested):
        return value.value
    return yaml_value(value, flow=flow)


def _reflection_node(source: _Source, path: str) -> yaml.MappingNode:
    found = _top_level(source, "reflection", path)
    if found is None or not isinstance(found[1], yaml.MappingNode):
        raise AuthoringError(f"{path}: 'reflection' is not a mapping; fix it by hand first")
    return found[1]


REFLECTION_TEMPLATE = (
    "# reflection:  (remove the '# ' in front of the lines you fill in)",
    "#   learned: the one thing you learned",
    "#   went_well: what went well",
    "#   improve: what to do differently next time",
    "#   still_interested: yes  # yes, no or unsure",
    "#   rating: 4  # 1 to 5",
    "#   next_steps:",
    "#     - a next step",
)


def add_reflection_template(raw: bytes, path: str) -> bytes:
    """The interview note with a commented-out reflection block at the end of
    its front-matter, to fill in an editor; ``raw`` itself when the note
    already has a reflection or the block."""
    old, problems = _readable_interview(raw, path)
    source = _source(raw, path)
    if _top_level(source, "reflection", path) or REFLECTION_TEMPLATE[0] in source.front:
        return raw
    start, text = _append_at_end(source, list(REFLECTION_TEMPLATE))
    return _checked(source.splice(start, start, text), path, old, problems, "the reflection")
