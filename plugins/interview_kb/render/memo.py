"""Pages kept from one build to the next, for ``mkdocs serve``.

A page's template is a pure function of what it is given (its context, the
note's body) and of what every template can reach through the ``Site``:
the day, the options, each contact's name, each interview's label, where
each organization has its page, the pages whose body is shown as plain
text, the stash of HTML blocks. ``PageMemo`` keeps each rendered page under
a digest of all of that (``key``), so that a rebuild renders again only the
pages whose inputs changed. The context counts as ``pickle`` writes it,
every value in full (a quarter faster than ``repr``); a function of a module
(``interview_label``) counts by its name, which says what it does while the
code stays the same (one process). A context that cannot be pickled (a
closure, a lambda, which may hold anything) keeps its page from the memo:
such a page is always rendered.

``render.reads`` comes first: a page none of whose reads of the notebook
changed is taken whole, its context not even made. This memo serves the
pages made again, whose context may still be what it was (a view that read
every contact, after a change it does not show); ``PageMemo.part`` keeps the
parts of a page by name (the calendar's events), compared by value.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Mapping
from typing import Any

from .reads import PageReads, dumps, same


def digest(*parts: str | bytes) -> str:
    """A short, stable name for ``parts``."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


class PageMemo:
    """Rendered pages by key; ``rendered`` and ``reused`` count the last build's."""

    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        # What each page read, to know before its context is made that it is unchanged.
        self.reads = PageReads()
        self._used: set[str] = set()
        # Parts of a page by name (the calendar's events): what each was made of, and it.
        self.parts: dict[str, tuple[Any, bytes]] = {}
        self._parts_used: set[str] = set()
        self.rendered = 0
        self.reused = 0

    @staticmethod
    def key(
        world: str, template: str, source: str, body: str, context: Mapping[str, Any]
    ) -> str | None:
        """The key of a page rendered from these, or None when the context
        cannot be written out in full."""
        return PageMemo.key_of(world, template, source, body, sorted(context.items()))

    @staticmethod
    def key_of(world: str, *values: Any) -> str | None:
        """The key of anything made from ``values`` (and ``world``), or None
        when they cannot be written out in full (see the module's text)."""
        try:
            data = dumps(values)
        except (pickle.PicklingError, AttributeError, TypeError):
            return None
        return digest(world, data)

    def get(self, key: str) -> str | bytes | None:
        """The page kept under ``key``, if any."""
        found = self.pages.get(key)
        if found is not None:
            self._used.add(key)
            self.reused += 1
        return found

    def put(self, key: str, text: str | bytes) -> None:
        """Keep ``text`` under ``key``."""
        self.pages[key] = text
        self._used.add(key)
        self.rendered += 1

    def part(self, name: str, made_of: Any, make: Callable[[], bytes]) -> bytes:
        """The part ``name``, as made last time when it was made of the same
        (``reads.same``), else made by ``make`` and kept."""
        self._parts_used.add(name)
        found = self.parts.get(name)
        if found is not None and same(found[0], made_of):
            self.reused += 1
            return found[1]
        made = make()
        self.parts[name] = (made_of, made)
        self.rendered += 1
        return made

    def start(self) -> None:
        """A new build: its counts begin at zero."""
        self.rendered = self.reused = 0

    def finish(self) -> None:
        """Forget the pages the last build did not ask for."""
        self.pages = {key: text for key, text in self.pages.items() if key in self._used}
        self._used = set()
        self.parts = {name: kept for name, kept in self.parts.items() if name in self._parts_used}
        self._parts_used = set()
