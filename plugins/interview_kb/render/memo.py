"""Pages kept from one build to the next, for ``mkdocs serve``.

A page's template is a pure function of what it is given (its context, the
note's body) and of what every template can reach through the ``Site``:
the day, the options, each contact's name, each interview's label, where
each organization has its page, the pages whose body is shown as plain
text, the stash of HTML blocks. ``PageMemo`` keeps each rendered page under
a digest of all of that (``key``), so that a rebuild renders again only the
pages whose inputs changed. A context whose text shows an object's address
(``at 0x...``) says nothing of its value: such a page is always rendered.
A function of a module (``interview_label``) counts by its name, which says
what it does while the code stays the same (one process); a function made
inside another (a closure) or a lambda may hold anything, and counts as an
address.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any


def digest(*parts: str) -> str:
    """A short, stable name for ``parts``."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


# A module's own function as repr() shows it; a closure's name has "<locals>".
_MODULE_FUNCTION = re.compile(r"<function ([\w.]+) at 0x[0-9a-f]+>")


class PageMemo:
    """Rendered pages by key; ``rendered`` and ``reused`` count the last build's."""

    def __init__(self) -> None:
        self.pages: dict[str, str | bytes] = {}
        self._used: set[str] = set()
        self.rendered = 0
        self.reused = 0

    @staticmethod
    def key(
        world: str, template: str, source: str, body: str, context: Mapping[str, Any]
    ) -> str | None:
        """The key of a page rendered from these, or None when the context's
        text does not show all of its values."""
        text = _MODULE_FUNCTION.sub(
            r"<function \1>", repr((template, source, body, sorted(context.items())))
        )
        if " at 0x" in text:
            return None
        return digest(world, text)

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

    def start(self) -> None:
        """A new build: its counts begin at zero."""
        self.rendered = self.reused = 0

    def finish(self) -> None:
        """Forget the pages the last build did not ask for."""
        self.pages = {key: text for key, text in self.pages.items() if key in self._used}
        self._used = set()
