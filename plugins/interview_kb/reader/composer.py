"""YAML composed within bounds: depth, size, and what aliases repeat.

PyYAML's composers recurse once per level of nesting (the C one can crash the
interpreter on a deep enough document) and expand nothing until a value is
built, so an alias bomb looks small until something walks it. ``compose``
checks every bound while it reads the parser's events and refuses a document
past one with ``TooComplex``, before any expensive work; ordinary notes still
go through libyaml's fast composer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

import yaml

from ..core.chars import CONTROLS, SEPARATORS

# The note format nests three deep (interview > questions > one question's
# keys). libyaml's scanner slows down with the square of the depth of nested
# brackets (100,000 of them take minutes) and PyYAML's C composer recurses once
# per level (deep enough, it crashes the interpreter), so parsing stops at
# this depth, with our own composer that does not recurse.
MAX_YAML_DEPTH = 32
# Values of one YAML document, counting what each alias (*name) repeats as if
# written out: an alias bomb (anchors that repeat anchors, "billion laughs")
# is refused when its expansion passes this, long before anything expands it.
MAX_YAML_NODES = 100_000
# Items of one list, or keys of one mapping: a note's longest lists (questions,
# outreach) hold tens of items; a question bank a few hundred questions.
MAX_YAML_ENTRIES = 1_000

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
# Control characters (C0, DEL, C1) and the Unicode line separators.
_CONTROL = re.compile(f"[{CONTROLS}{SEPARATORS}]")
# libyaml's loader when PyYAML was built with it (``_LOADER is not
# yaml.SafeLoader`` tells), else PyYAML's own.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LONE_CR = re.compile("\r(?!\n)")


# The tag of a plain scalar (null, bool, int, float, timestamp or text)
# follows from its first character and its text alone: the safe loader's
# implicit resolvers, grouped by first character, as PyYAML tries them.
_IMPLICIT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple([*resolvers, *_LOADER.yaml_implicit_resolvers.get(None, [])])
    for first, resolvers in _LOADER.yaml_implicit_resolvers.items()
    if first is not None
}
_ANY_FIRST = tuple(_LOADER.yaml_implicit_resolvers.get(None, []))
_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
# Tags of short plain scalars met before: keys and small values (dates,
# choices, yes/no) repeat from note to note. Bounded, and only ever added to.
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_MAX = 4_096
_PLAIN_TAG_LENGTH = 40


def _plain_tag(value: str) -> str:
    """The tag PyYAML's safe resolver gives the plain scalar ``value``."""
    tag = _STR_TAG
    for candidate, pattern in _IMPLICIT.get(value[:1], _ANY_FIRST):
        if pattern.match(value):
            tag = candidate
            break
    if len(value) <= _PLAIN_TAG_LENGTH and len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
        _PLAIN_TAGS[value] = tag
    return tag


if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = _LOADER


class _Loader(_Base):
    """The safe loader with a quicker resolver, giving the same tags.

    libyaml's composer asks Python for the tag of every node, through three
    calls; ``resolve`` here takes one dictionary look-up for most values, and
    the calls that follow a path through the document do nothing: the safe
    loader has no path resolvers. Its resolvers are the ones PyYAML had when
    this module was imported, so a plugin that adds one to PyYAML's loaders
    in the same process does not change how notes are read.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is _SCALAR:
            if not implicit[0]:  # quoted, or a block of text: text
                return _STR_TAG
            return _PLAIN_TAGS.get(value) or _plain_tag(value)
        return _SEQ_TAG if kind is _SEQUENCE else _MAP_TAG


def _odd_breaks(text: str) -> bool:
    """True when ``text`` holds a line break that YAML counts but editors and
    grep do not (a lone carriage return, NEL, the Unicode line separators)."""
    return (
        "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
        or ("\r" in text and _LONE_CR.search(text) is not None)
    )


def _clip(value: object, limit: int = 80) -> str:
    """A value as it may appear inside a problem's one-line message: control
    characters and line breaks shown as escapes, long values cut short."""
    text = str(value)
    cut = len(text) > limit
    shown = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text[:limit])
    return shown + "…" if cut else shown


class TooComplex(yaml.MarkedYAMLError):
    """YAML past one of the bounds above; the message says which."""


@dataclass
class _Open:
    """A list or mapping being composed, and the values it holds so far."""

    node: yaml.SequenceNode | yaml.MappingNode
    anchor: str | None
    start: Any  # the parser's mark, converted when a problem is reported
    size: int = 1
    key: yaml.Node | None = None


class Composer:
    """PyYAML's composer, rewritten as a loop over the parser's events.

    It builds the same nodes as ``Loader.get_single_node`` but never recurses,
    refuses a document past ``MAX_YAML_DEPTH``, ``MAX_YAML_NODES`` or
    ``MAX_YAML_ENTRIES`` as soon as the parser reaches the offending event, and
    refuses an alias to a value that holds it (a cycle, which the C composer
    would build). Lines in its marks count line feeds only, as in ``compose``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        # Where YAML and editors count lines alike, the parser's line will do.
        self.same_lines = not _odd_breaks(text)
        self.anchors: dict[str, tuple[yaml.Node, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Open] = []
        self.total = 0

    def mark(self, mark: Any) -> Any:
        """The parser's mark, with its line counted in line feeds."""
        if self.same_lines:
            return mark
        line = bisect.bisect_left(self.breaks, mark.index)
        return yaml.Mark(mark.name, mark.index, line, mark.column, None, 0)

    def refuse(self, message: str, mark: Any) -> TooComplex:
        return TooComplex(problem=message, problem_mark=mark)

    def compose(self) -> yaml.Node | None:
        # Typed loosely: PyYAML's stubs leave the parser's methods untyped.
        loader: Any = _Loader(self.text)
        try:
            loader.get_event()  # stream start
            if loader.check_event(yaml.StreamEndEvent):
                return None
            document = loader.get_event()
            root = self._document(loader)
            loader.get_event()  # document end
            if not loader.check_event(yaml.StreamEndEvent):
                event = loader.get_event()
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    document.start_mark,
                    "but found another document",
                    event.start_mark,
                )
            return root
        finally:
            loader.dispose()

    def _document(self, loader: Any) -> yaml.Node:
        node: yaml.Node
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                self._start(loader, event)
                continue
            if kind is yaml.ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    # Only a plain scalar can be other than text (null, a number...).
                    tag = (
                        loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                        if event.implicit[0]
                        else _STR_TAG
                    )
                node = yaml.ScalarNode(
                    tag,
                    event.value,
                    self.mark(event.start_mark),
                    self.mark(event.end_mark),
                    style=event.style,
                )
                size = 1
                self._count(size, event)
                if event.anchor is not None:
                    self._check_anchor(event)
                    self.anchors[event.anchor] = (node, size)
            elif kind is yaml.AliasEvent:
                node, size = self._alias(event)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                done = self.stack.pop()
                done.node.end_mark = self.mark(event.end_mark)
                node, size = done.node, done.size
                if done.anchor is not None:
                    self.open_anchors.discard(done.anchor)
                    self.anchors[done.anchor] = (node, size)
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise self.refuse(f"unexpected {kind.__name__}", event.start_mark)
            if not self.stack:
                return node
            self._add(node, size)

    def _count(self, size: int, event: yaml.Event) -> None:
        self.total += size
        if self.total > MAX_YAML_NODES:
            alias = (
                f"the alias *{_clip(event.anchor, 40)} brings "
                if isinstance(event, yaml.AliasEvent)
                else ""
            )
            raise self.refuse(
                f"{alias}more than {MAX_YAML_NODES:,} values in all "
                "(an alias counts as every value it repeats); write fewer values",
                event.start_mark,
            )

    def _check_anchor(self, event: yaml.NodeEvent) -> None:
        anchor = str(event.anchor)
        if anchor in self.anchors or anchor in self.open_anchors:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"found duplicate anchor {_clip(anchor, 40)!r}",
                self.mark(event.start_mark),
            )

    def _alias(self, event: yaml.AliasEvent) -> tuple[yaml.Node, int]:
        anchor = str(event.anchor)
        if anchor in self.open_anchors:
            raise self.refuse(
                f"the alias *{_clip(anchor, 40)} repeats the value that holds it; "
                "a value cannot contain itself",
                event.start_mark,
            )
        if anchor not in self.anchors:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"found undefined alias {_clip(anchor, 40)!r}",
                self.mark(event.start_mark),
            )
        node, size = self.anchors[anchor]
        self._count(size, event)
        return node, size

    def _start(self, loader: Any, event: yaml.SequenceStartEvent | yaml.MappingStartEvent) -> None:
        if len(self.stack) >= MAX_YAML_DEPTH:
            raise self.refuse(
                f"lists and mappings nest more than {MAX_YAML_DEPTH} deep; "
                "a note needs three levels at most",
                event.start_mark,
            )
        kind: type[yaml.SequenceNode] | type[yaml.MappingNode] = (
            yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        )
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], self.mark(event.start_mark), None, flow_style=event.flow_style)
        self._count(1, event)
        if event.anchor is not None:
            self._check_anchor(event)
            self.open_anchors.add(event.anchor)
        self.stack.append(_Open(node, event.anchor, start=event.start_mark))

    def _add(self, node: yaml.Node, size: int) -> None:
        parent = self.stack[-1]
        parent.size += size
        holder = parent.node
        if isinstance(holder, yaml.SequenceNode):
            holder.value.append(node)
            what = "list has more than {} items"
        elif parent.key is None:
            parent.key = node
            return
        else:
            holder.value.append((parent.key, node))
            parent.key = None
            what = "mapping has more than {} keys"
        if len(holder.value) > MAX_YAML_ENTRIES:
            raise self.refuse(
                f"this {what.format(f'{MAX_YAML_ENTRIES:,}')}; a note needs far fewer",
                parent.start,
            )


# When a text holds no more flow brackets than this, nor a line longer than
# this, libyaml's own composer is safe to run: it cannot slow down with deep
# brackets, and it recurses at most a few thousand times (two levels of block
# nesting need at least one column). It expands no alias (a repeated value is
# the same node), so what it builds is checked by ``_within_bounds``.
_FAST_BRACKETS = 200
_FAST_LINE = 2_000
# Tried only where a line starts, so the search takes one pass over the text.
_LONG_LINE = re.compile(f"(?:^|\\n)[^\\n]{{{_FAST_LINE + 1}}}")


def _tree_within_bounds(root: yaml.Node) -> bool:
    """``_within_bounds`` for nodes without aliases (a text without ``&``):
    a tree, walked a level at a time."""
    level = [root]
    depth = total = 0
    while level:
        depth += 1
        total += len(level)
        below: list[yaml.Node] = []
        for node in level:
            kind = type(node)
            if kind is _SEQUENCE:
                below.extend(node.value)
            elif kind is _MAPPING:
                below.extend(chain.from_iterable(node.value))  # keys and values
            else:
                continue
            if depth > MAX_YAML_DEPTH or len(node.value) > MAX_YAML_ENTRIES:
                return False
        level = below
    return total <= MAX_YAML_NODES


def _within_bounds(root: yaml.Node) -> bool:
    """True when composed nodes keep to every bound, counted as ``Composer``
    counts them: a node met again (through an alias) counts every value it
    holds, and is not entered again; one met inside itself is a cycle."""
    sizes: dict[int, int] = {}  # finished nodes: the values each holds, itself included
    entered: set[int] = set()
    total = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, finished = stack.pop()
        key = id(node)
        if finished:
            children = node.value if isinstance(node, yaml.SequenceNode) else _flat(node)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if key in sizes:  # an alias of a value already read
            total += sizes[key]
        elif key in entered:  # an alias inside the value it names
            return False
        else:
            total += 1
            if isinstance(node, yaml.ScalarNode):
                sizes[key] = 1
            elif depth > MAX_YAML_DEPTH or len(node.value) > MAX_YAML_ENTRIES:
                return False
            else:
                entered.add(key)
                stack.append((node, depth, True))
                children = node.value if isinstance(node, yaml.SequenceNode) else _flat(node)
                stack.extend((child, depth + 1, False) for child in reversed(children))
        if total > MAX_YAML_NODES:
            return False
    return True


def _flat(node: yaml.Node) -> list[yaml.Node]:
    return [part for pair in node.value for part in pair]


def compose(text: str) -> yaml.Node | None:
    """The YAML ``text`` as nodes, within the bounds above (None when empty).

    Lines in the nodes' marks count line feeds from the start of ``text``,
    from 0: YAML also counts a lone carriage return, NEL and the Unicode line
    separators, which editors and ``grep -n`` do not. Raises
    ``yaml.YAMLError``: ``TooComplex`` past a bound, else PyYAML's own errors.

    An ordinary note takes libyaml's composer, written in C; any text it
    might not handle safely, or that it finds past a bound or wrong, takes
    ``Composer``, whose nodes, problems and bounds are the same.
    """
    if (
        _LOADER is not yaml.SafeLoader
        and text.count("[") + text.count("{") <= _FAST_BRACKETS
        and not _odd_breaks(text)
        and _LONG_LINE.search(text) is None
    ):
        loader = _Loader(text)
        try:
            node: yaml.Node | None = loader.get_single_node()
        except yaml.YAMLError:
            pass  # composed again below, to report the problem as for any text
        else:
            # Without an anchor (&name) there is no alias: the nodes are a tree.
            within = _tree_within_bounds if "&" not in text else _within_bounds
            if node is None or within(node):
                return node
        finally:
            loader.dispose()
    return Composer(text).compose()
