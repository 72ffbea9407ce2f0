"""The pieces of incremental rebuilds in serve (``plugin_rebuilds``,
``plugin_search``); the whole is tested by ``test_serve_rebuilds.py``."""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex as MaterialIndex
from material.plugins.search.plugin import SearchPlugin as MaterialSearch
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.contrib.search.search_index import SearchIndex as MkDocsIndex
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from interview_kb import plugin_search
from interview_kb.core.model import Contact, Notebook
from interview_kb.plugin import InterviewKbPlugin
from interview_kb.plugin_rebuilds import NoteMarkdown, config_signature, link_targets, skeleton

from ..conftest import LogGuard
from .test_serve_rebuilds import copy_notebook


def test_the_search_module_was_read_against_the_installed_versions() -> None:
    """plugin_search reaches into both search plugins' internals: a new
    version of either must be read again, and READ_AGAINST moved on."""
    installed = {name: version(name) for name in plugin_search.READ_AGAINST}
    assert installed == plugin_search.READ_AGAINST


def page(url: str, text: str) -> Any:
    html = f'<h1 id="top">{url}</h1>\n<p>{text}</p>\n<h2 id="more">More</h2>\n<p>{text} again</p>'
    toc = get_toc(
        [
            {"level": 1, "id": "top", "name": url, "html": url, "children": []},
            {"level": 2, "id": "more", "name": "More", "html": "More", "children": []},
        ]
    )
    return SimpleNamespace(
        content=html,
        toc=toc,
        url=url,
        title=url,
        meta={},
        file=SimpleNamespace(src_uri=url.strip("/") + ".md"),
    )


@pytest.mark.parametrize("kind", ["material", "mkdocs"])
def test_kept_entries_are_the_entries_the_index_makes(kind: str) -> None:
    def new_index() -> Any:
        if kind == "material":
            return MaterialIndex(lang=["en"], separator=" ", pipeline=[], fields={})
        return MkDocsIndex(lang=["en"], separator=" ", prebuild_index=False, indexing="full")

    entries = "entries" if kind == "material" else "_entries"
    keys = {"a.md": "key-a", "b.md": "key-b"}
    store: dict[str, list[dict[str, Any]]] = {}

    def wrapped() -> Any:
        index = new_index()
        index.add_entry_from_context = plugin_search._kept(
            index, entries, lambda p: keys.get(p.file.src_uri), store
        )
        return index

    first = wrapped()
    for one in (page("a/", "alpha"), page("b/", "beta"), page("c/", "gamma")):
        first.add_entry_from_context(one)
    assert set(store) == {"key-a", "key-b"}  # c.md has no key: indexed, not kept

    # The next build: a.md unchanged (same key), b.md changed (new key).
    keys["b.md"] = "key-b2"
    second = wrapped()
    parsed: list[str] = []
    original = second.add_entry_from_context

    def counting(p: Any) -> None:
        parsed.append(p.file.src_uri)
        original(p)

    second.add_entry_from_context = counting
    for one in (page("a/", "alpha"), page("b/", "beta changed"), page("c/", "gamma")):
        second.add_entry_from_context(one)
    fresh = new_index()
    for one in (page("a/", "alpha"), page("b/", "beta changed"), page("c/", "gamma")):
        fresh.add_entry_from_context(one)
    assert getattr(second, entries) == getattr(fresh, entries)
    assert len(getattr(fresh, entries)) >= 6
    assert "key-b2" in store


def test_a_page_s_link_key_changes_only_with_where_its_links_lead() -> None:
    def files(*uris: str) -> Files:
        return Files([File(uri, "/notebook/docs", "/notebook/site", True) for uri in uris])

    markdown = "See [her](../contacts/ana.md) and [notes](../notes.md#top) or [web](https://x.example/a).\n\n[ref]: ../plan.md\n"
    source = "interviews/one.md"
    before = link_targets(markdown, source, files("contacts/ana.md", "notes.md"))
    # A note added elsewhere: the page's links lead where they led.
    assert before == link_targets(
        markdown, source, files("contacts/ana.md", "notes.md", "contacts/bo.md")
    )
    # The page it links to is gone, or the one its reference names appears.
    assert before != link_targets(markdown, source, files("notes.md"))
    assert before != link_targets(markdown, source, files("contacts/ana.md", "notes.md", "plan.md"))
    assert "x.example" not in before


def test_only_bodies_changed_makes_only_those_pages_again() -> None:
    ana = Contact(slug="ana", path="contacts/ana.md", name="Ana", body="Hello")
    bo = Contact(slug="bo", path="contacts/bo.md", name="Bo", body="")
    notebook = Notebook(contacts={"ana": ana, "bo": bo}, interviews={})
    asked: list[frozenset[str] | None] = []

    def render(only: frozenset[str] | None) -> dict[str, str | bytes]:
        asked.append(only)
        wanted = only or {"contacts/ana.md", "contacts/bo.md", "contacts.md"}
        return {page: f"{page} {len(asked)}" for page in sorted(wanted)}

    def inputs(book: Notebook) -> Any:
        return SimpleNamespace(notebook=book, shared=(), images={})

    def with_contact(book: Notebook, slug: str, **changes: Any) -> Notebook:
        contacts = {**book.contacts, slug: dataclasses.replace(book.contacts[slug], **changes)}
        return dataclasses.replace(book, contacts=contacts)

    markdown = NoteMarkdown()
    markdown.pages_for(inputs(notebook), None, ("today",), render)
    assert asked == [None]
    # A body edited (it had text, it has text): only that note's page.
    edited = with_contact(notebook, "ana", body="Hello again")
    assert skeleton(edited) == skeleton(notebook)
    pages = markdown.pages_for(inputs(edited), None, ("today",), render)
    assert asked[-1] == frozenset({"contacts/ana.md"})
    assert (
        pages["contacts/ana.md"] == "contacts/ana.md 2" and pages["contacts.md"] == "contacts.md 1"
    )
    assert (markdown.made, markdown.kept) == (1, 2)
    # A body that was empty gets text: the dashboard counts it, every page again.
    filled = with_contact(edited, "bo", body="New")
    assert skeleton(filled) != skeleton(edited)
    markdown.pages_for(inputs(filled), None, ("today",), render)
    assert asked[-1] is None
    # A front-matter field: every page again; the same again: nothing.
    renamed = with_contact(filled, "ana", name="Ana B")
    markdown.pages_for(inputs(renamed), None, ("today",), render)
    assert asked[-1] is None
    markdown.pages_for(inputs(renamed), None, ("today",), render)
    assert (markdown.made, markdown.kept) == (0, 3)
    # Other settings (the day, the options): every page again.
    markdown.pages_for(inputs(renamed), None, ("tomorrow",), render)
    assert asked[-1] is None


def test_a_strict_dirty_serve_does_not_fail_on_the_dirty_warning(
    tmp_path: Path, log_guard: LogGuard
) -> None:
    """``interview-kb serve`` runs MkDocs' dirty builds; MkDocs warns that
    those may be inaccurate, which ``strict`` would make an error. Ours are
    exact, so the warning is not said (in serve only)."""
    root = tmp_path / "notebook"
    copy_notebook(root)
    config_file = str(root / "mkdocs.yml")
    site = tmp_path / "site"
    config = load_config(config_file=config_file, site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["interview-kb"]
    assert isinstance(plugin, InterviewKbPlugin)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build(config, dirty=True)
        note = root / "contacts" / "aisha-bello.md"
        note.write_text(note.read_text(encoding="utf-8") + "\nA line.\n", encoding="utf-8")
        build(load_config(config_file=config_file, site_dir=str(site), strict=True), dirty=True)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        config.plugins.on_startup(command="build", dirty=False)
        for other in config.plugins.values():
            if isinstance(other, MaterialSearch):
                other.search_index_prev = None
    said = [r.getMessage() for r in records]
    assert not any("dirty" in line for line in said)
    assert not any(line.startswith("Page skipped") for line in said)
    assert "A line." in (site / "contacts/aisha-bello/index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "contacts/aisha-bello/" for doc in index["docs"])
    shutil.rmtree(site)


def test_the_configuration_key_follows_inherit_and_the_notebook_s_templates(
    tmp_path: Path,
) -> None:
    base = tmp_path / "base.yml"
    base.write_text("theme:\n  name: material\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\nsite_name: N\n", encoding="utf-8")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    installed = tmp_path.parent / "elsewhere-theme"
    dirs = [str(overrides), str(installed)]
    first = config_signature(str(config), dirs)
    assert first == config_signature(str(config), dirs)
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts" / "ana.md").write_text("---\nname: Ana\n---\n", encoding="utf-8")
    assert first == config_signature(str(config), dirs)  # a note is not configuration
    base.write_text("theme:\n  name: material\n  features: [navigation.tabs]\n", encoding="utf-8")
    second = config_signature(str(config), dirs)
    assert second != first
    (overrides / "main.html").write_text("{% extends 'base.html' %}{# new #}", encoding="utf-8")
    assert config_signature(str(config), dirs) != second
