"""Search entries kept from one rebuild to the next in ``mkdocs serve``.

The one module that reaches into search plugins' internals: Material's
(``material/plugins/search``) and MkDocs' own (``mkdocs.contrib.search``).
Both index a page when it is built (``on_page_context``), through their
index's ``add_entry_from_context``, which appends the page's entries to a
list. Wrapped here, a page whose output key (``plugin_rebuilds``) is one the
last build indexed gets those entries again without its HTML being parsed;
the others are indexed as before, and their entries kept. Every page passes,
in the order of a full build, so the index is whole and in that order.

``tests/adapters/test_plugin_search.py`` pins the versions this was read
against; a new version must be read again before that test is moved on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from material.plugins.search.plugin import SearchPlugin as MaterialSearch
from mkdocs.contrib.search import SearchPlugin as MkDocsSearch

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

#: The versions whose search plugins this module was written for.
READ_AGAINST = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2"}


def _indexes(config: MkDocsConfig) -> list[tuple[Any, str]]:
    """Each search index of this build, with the name of its list of entries."""
    found: list[tuple[Any, str]] = []
    for plugin in config.plugins.values():
        if isinstance(plugin, MaterialSearch) and plugin.config.enabled:
            index, entries = getattr(plugin, "search_index", None), "entries"
            # In a dirty build it would merge the last build's index into this
            # one, which is whole already (see the module's text).
            plugin.search_index_prev = None
        elif isinstance(plugin, MkDocsSearch):
            index, entries = getattr(plugin, "search_index", None), "_entries"
        else:
            continue
        if index is not None and isinstance(getattr(index, entries, None), list):
            found.append((index, entries))
    return found


def keep_entries(
    config: MkDocsConfig,
    key_of: Callable[[Page], str | None],
    store: dict[str, list[dict[str, Any]]],
) -> int:
    """Wrap this build's search indexes: ``key_of(page)`` names what a page's
    entries are made from (None: index it as usual, keep nothing), ``store``
    holds entries by that name. Returns how many indexes were wrapped."""
    indexes = _indexes(config)
    for index, name in indexes:
        index.add_entry_from_context = _kept(index, name, key_of, store)
    return len(indexes)


def _kept(
    index: Any,
    name: str,
    key_of: Callable[[Page], str | None],
    store: dict[str, list[dict[str, Any]]],
) -> Callable[[Page], None]:
    add = index.add_entry_from_context  # the index's own method
    entries: list[dict[str, Any]] = getattr(index, name)

    def add_entry_from_context(page: Page) -> None:
        key = key_of(page)
        if key is not None and key in store:
            entries.extend(dict(entry) for entry in store[key])
            return
        before = len(entries)
        add(page)
        if key is not None:
            store[key] = [dict(entry) for entry in entries[before:]]

    return add_entry_from_context
