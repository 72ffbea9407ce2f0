"""What each generated page read, for ``mkdocs serve``: a page none of whose
reads changed since it was made is not made again, nor is its context.

``render.memo`` keeps a template's output under a digest of its context, so
every page's context is still computed at each rebuild; on a notebook of 200
notes that was half of a rebuild after a front-matter edit. Here, while a
page is made, every value it reads of the notebook is written down with the
value it got (``PageReads.saw``): a note by slug, all the notes of a kind
(when it goes through them), a contact's interviews, a contact's follow-up
items, a note's linked body, backlinks and linked fields, the follow-up items,
an organization. At the next build, the page is taken as it was when each of
those reads gives the same value again (``same``: the same object, or the
same bytes as ``pickle`` writes them), and when nothing else a page can see
changed (``world``: the day, the options, every contact's name, alias and
slug, every interview's label, the question bank, the owner's profile, ...).

No list of what a page depends on is kept by hand: the reads are caught
where the notebook is reached (``Tracked``, ``TrackedNotebook`` and the
``Site``), so a page that starts to read something new depends on it at once.
What is computed once for every page (the follow-up items, the
organizations) is computed with recording paused and counts as one read of
its own.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime
import io
import pickle
import types
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..core.model import Interview, Notebook

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")

Unit = tuple[Any, ...]


# A read-only mapping (the question bank, a notebook's defaults) is written as its items.
def _proxy(items: dict[Any, Any]) -> Mapping[Any, Any]:
    return types.MappingProxyType(items)


_TABLE = {
    **copyreg.dispatch_table,
    types.MappingProxyType: lambda proxy: (_proxy, (dict(proxy),)),
}


def dumps(value: Any) -> bytes:
    """``value`` as ``pickle`` writes it (a ``MappingProxyType`` too). Raises
    ``pickle.PicklingError``, ``AttributeError`` or ``TypeError`` for a value
    that cannot be written out in full."""
    try:
        return pickle.dumps(value, protocol=5)
    except TypeError:  # a mappingproxy, say: with the table below
        pass
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.dispatch_table = _TABLE
    pickler.dump(value)
    return out.getvalue()


class _Absent:
    """What a read of a key that is not there gives."""

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()

_EXACT = (str, bytes, int, bool, type(None))
# Equal values of these types may still be written differently (a time zone,
# -0.0): they count as the same when their repr is.
_BY_REPR = (float, complex, datetime.date, datetime.datetime, datetime.time, datetime.timedelta)
_FIELDS: dict[type, tuple[str, ...]] = {}


def same(old: Any, new: Any) -> bool:
    """Whether ``new`` is ``old`` for any page: the same object, or values of
    the same types all the way down with equal parts (a dataclass by its
    fields, a tuple, list or dict by its items, a number or date by its
    repr); other values count when ``pickle`` writes them the same, and a
    value that cannot be pickled is never the same. ``1 == True`` or
    ``0.0 == -0.0`` do not make two values the same here."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new):
        return False
    if kind in _EXACT or issubclass(kind, str):
        return bool(old == new)
    if kind is tuple or kind is list:
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if kind is dict:
        return list(old) == list(new) and all(same(value, new[key]) for key, value in old.items())
    if kind in _BY_REPR:
        return repr(old) == repr(new)
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind))
    if names is not None:
        return all(same(getattr(old, name), getattr(new, name)) for name in names)
    try:
        return dumps(old) == dumps(new)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False


@dataclass(frozen=True)
class _Made:
    world: str
    reads: dict[Unit, Any]
    output: Any


class PageReads:
    """The pages of earlier builds with what each read; ``made`` and ``reused``
    count the last build's pages."""

    def __init__(self) -> None:
        self.kept: dict[str, _Made] = {}
        self.current: dict[Unit, Any] | None = None
        self.world = ""
        self.made = 0
        self.reused = 0
        self._resolve: Callable[[Unit], Any] = lambda unit: ABSENT
        self._now: dict[Unit, Any] = {}
        self._verdicts: dict[tuple[Unit, int], bool] = {}
        self._seen: set[str] = set()

    def start(self, world: str, resolve: Callable[[Unit], Any]) -> None:
        """A build begins: ``world`` stands for all a page sees besides its
        reads, ``resolve`` gives what a read gives in this build."""
        self.world = world
        self._resolve = resolve
        self._now = {}
        self._verdicts = {}
        self._seen = set()
        self.made = self.reused = 0

    def finish(self) -> None:
        """Forget the pages this build did not make or take (a full build)."""
        self.kept = {source: made for source, made in self.kept.items() if source in self._seen}

    def saw(self, unit: Unit, value: Any) -> None:
        """The page being made read ``value`` as ``unit``."""
        current = self.current
        if current is not None and unit not in current:
            current[unit] = value

    def wants(self, unit: Unit) -> bool:
        """Whether a read of ``unit`` is still to be written down."""
        return self.current is not None and unit not in self.current

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Reads in this block are nobody's (what every page shares)."""
        saved, self.current = self.current, None
        try:
            yield
        finally:
            self.current = saved

    def page(self, source: str, make: Callable[[], T]) -> T:
        """The page at ``source``: as kept, when its reads give what they gave,
        else made by ``make`` (its reads written down)."""
        self._seen.add(source)
        outer = self.current
        kept = self.kept.get(source)
        if kept is not None and kept.world == self.world and self._unchanged(kept.reads):
            self.reused += 1
            if outer is not None:
                for unit, value in kept.reads.items():
                    outer.setdefault(unit, value)
            output: T = kept.output
            return output
        reads: dict[Unit, Any] = {}
        self.current = reads
        try:
            made = make()
        finally:
            self.current = outer
        if outer is not None:
            for unit, value in reads.items():
                outer.setdefault(unit, value)
        self.kept[source] = _Made(self.world, reads, made)
        self.made += 1
        return made

    def _unchanged(self, reads: dict[Unit, Any]) -> bool:
        for unit, old in reads.items():
            verdict = self._verdicts.get((unit, id(old)))
            if verdict is None:
                if unit not in self._now:
                    self._now[unit] = self._resolve(unit)
                verdict = same(old, self._now[unit])
                self._verdicts[(unit, id(old))] = verdict
            if not verdict:
                return False
        return True


class Tracked(Mapping[K, V], Generic[K, V]):
    """A read-only view of ``raw`` that tells ``reads`` what the page being
    made reads of it: ``(kind, key)`` for one key (its value, or ``ABSENT``),
    ``(kind,)`` for all of it (every key and value, in order)."""

    __slots__ = ("_kind", "_raw", "_reads")

    def __init__(self, raw: Mapping[K, V], reads: PageReads, kind: str) -> None:
        self._raw = raw
        self._reads = reads
        self._kind = kind

    def _one(self, key: Any) -> Any:
        value = self._raw.get(key, ABSENT)
        self._reads.saw((self._kind, key), value)
        return value

    def _all(self) -> None:
        if self._reads.wants((self._kind,)):
            self._reads.saw((self._kind,), tuple(self._raw.items()))

    def __getitem__(self, key: K) -> V:
        value = self._one(key)
        if value is ABSENT:
            raise KeyError(key)
        found: V = value
        return found

    def get(self, key: K, default: Any = None) -> Any:
        value = self._one(key)
        return default if value is ABSENT else value

    def __contains__(self, key: object) -> bool:
        return self._one(key) is not ABSENT

    def __iter__(self) -> Iterator[K]:
        self._all()
        return iter(self._raw)

    def __len__(self) -> int:
        self._all()
        return len(self._raw)

    def keys(self) -> KeysView[K]:
        self._all()
        return self._raw.keys()

    def values(self) -> ValuesView[V]:
        self._all()
        return self._raw.values()

    def items(self) -> ItemsView[K, V]:
        self._all()
        return self._raw.items()

    def __reduce__(self) -> tuple[Any, ...]:
        self._all()
        return (dict, (dict(self._raw),))


def whole(raw: Mapping[Any, Any]) -> tuple[Any, ...]:
    """What a read of all of ``raw`` gives (see ``Tracked``)."""
    return tuple(raw.items())


@dataclass(frozen=True)
class TrackedNotebook(Notebook):
    """A notebook whose contacts, interviews and each contact's interviews
    are read through ``Tracked`` (kinds ``contact``, ``interview`` and
    ``interviews_of``). Its other parts (the question bank, the profile, the
    problems) count in the ``world`` of every page."""

    @classmethod
    def of(cls, notebook: Notebook, reads: PageReads) -> TrackedNotebook:
        """``notebook``, tracked for ``reads``."""
        parts = {
            field.name: getattr(notebook, field.name) for field in dataclasses.fields(notebook)
        }
        parts["contacts"] = Tracked(notebook.contacts, reads, "contact")
        parts["interviews"] = Tracked(notebook.interviews, reads, "interview")
        with reads.paused():
            tracked = cls(**parts)
        object.__setattr__(tracked, "_raw", notebook)
        object.__setattr__(tracked, "_reads", reads)
        return tracked

    @property
    def raw(self) -> Notebook:
        """The notebook itself, whose reads nobody hears of."""
        raw: Notebook = self._raw  # type: ignore[attr-defined]
        return raw

    def interviews_of(self, slug: str) -> tuple[Interview, ...]:
        found = self.raw.interviews_of(slug)
        reads: PageReads = self._reads  # type: ignore[attr-defined]
        reads.saw(("interviews_of", slug), found)
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        reads: PageReads = self._reads  # type: ignore[attr-defined]
        for kind, part in (("contact", self.raw.contacts), ("interview", self.raw.interviews)):
            if reads.wants((kind,)):
                reads.saw((kind,), whole(part))
        return (_notebook, (self.raw,))


def _notebook(raw: Notebook) -> Notebook:
    """What a pickled ``TrackedNotebook`` gives back: the notebook itself."""
    return raw


__all__ = ["ABSENT", "PageReads", "Tracked", "TrackedNotebook", "same", "whole"]
