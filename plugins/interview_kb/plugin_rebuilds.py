"""Incremental rebuilds in ``mkdocs serve``: redo only what an edit changed.

``mkdocs serve`` builds the whole site again after every save. The plugin
object outlives the rebuilds of one serve (it has ``on_startup``), and so
does a ``Rebuilds``: it keeps, from one build to the next,

- the generated Markdown of every page (``NoteMarkdown``): when an edit
  changed only note bodies, only those notes' pages are made again; after
  any other edit a page is taken as it was when nothing it read of the
  notebook changed (``render.reads``), and the others have their templates
  rendered only when their context is new (``render.memo.PageMemo``);
- what Python-Markdown made of every page (``Rendered``), under a key of
  everything that shapes it: the page's Markdown as the last plugin left
  it, its path and URL, the files its links can lead to, ``mkdocs.yml``
  (and what it inherits), the notebook's own theme folder and the versions
  of MkDocs, Material, Markdown, its extensions and Jinja2;
- every page's finished HTML, under a key of its HTML content, title,
  meta, table of contents, neighbours, the navigation and the same
  configuration: an unchanged page is not run through the theme's
  templates again (``STUB_TEMPLATE``), its stored output is written;
- the search entries of each page (``plugin_search``).

In ``mkdocs serve --dirty`` (what ``interview-kb serve`` runs) MkDocs does
not empty the site folder first: an unchanged page's file is left as it is
rather than written again, and the files of pages gone since the last build
are removed here. MkDocs would skip the hand-written pages it thinks
unchanged; they are all handed to the cache instead, which knows better
(their navigation may have changed). Its warning that a dirty build "will
likely lead to inaccurate navigation" is not said: this one does not.

Nothing is kept between two ``mkdocs build`` runs. After every rebuild the
site must equal a fresh full build of the same notes, byte for byte:
``tests/adapters/test_serve_rebuilds.py``.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from jinja2 import BaseLoader, BytecodeCache, ChoiceLoader, DictLoader, FileSystemLoader
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import clean_directory
from mkdocs.utils.meta import get_data

from .core.model import Contact, Interview, Notebook
from .core.paths import contact_page, interview_page
from .render.memo import PageMemo, digest

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.bccache import Bucket
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

    from .pipeline import Inputs
    from .render.links import LinkedNotes

#: The template an unchanged page is given: it renders nothing, and the
#: page's stored output is written instead (``Rebuilds.output``).
STUB_TEMPLATE = "interview-kb-unchanged.html"

_VERSIONED = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


_INHERIT = re.compile(r"^INHERIT:[ \t]*['\"]?([^'\"\r\n#]+?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def config_signature(config_file: str | None, theme_dirs: Iterable[str] = ()) -> str:
    """What every page shares: ``mkdocs.yml`` as written (and the files it
    ``INHERIT``s), the templates of the theme folders kept in the notebook
    (a ``custom_dir``: name, size, time of change), and the versions of the
    packages that turn a page into HTML."""
    parts: list[str] = []
    path = Path(config_file) if config_file else None
    for _ in range(8):  # an INHERIT chain, as deep as anyone writes one
        if path is None:
            break
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            break
        parts.append(text)
        found = _INHERIT.search(text)
        path = (path.parent / found.group(1).strip()) if found else None
    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    for folder in theme_dirs:
        where = Path(folder).resolve()
        if not where.is_relative_to(root):
            continue
        for file in sorted(where.rglob("*")):
            if file.is_file():
                stat = file.stat()
                parts.append(f"{file.relative_to(where)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest(*parts, *(f"{name}={_version(name)}" for name in _VERSIONED))


# ---------------------------------------------------------------------------
# Our own pages' Markdown


def _without_body(note: Contact | Interview) -> Contact | Interview:
    """The note as every page but its own sees it: its body counts only as
    empty or not (the dashboard counts interviews with notes)."""
    return dataclasses.replace(note, body="*" if note.body.strip() else "")


def skeleton(notebook: Notebook) -> Notebook:
    """``notebook`` with every body replaced as in ``_without_body``."""
    return dataclasses.replace(
        notebook,
        contacts={slug: _without_body(c) for slug, c in notebook.contacts.items()},  # type: ignore[misc]
        interviews={slug: _without_body(i) for slug, i in notebook.interviews.items()},  # type: ignore[misc]
    )


def note_bodies(
    notebook: Notebook, linked: LinkedNotes | None
) -> dict[str, tuple[str, str | None]]:
    """Each note page's body: as written, and with its links rewritten."""
    bodies = linked.bodies if linked is not None else {}
    found: dict[str, tuple[str, str | None]] = {}
    for contact in notebook.contacts.values():
        page = contact_page(contact.slug)
        found[page] = (contact.body, bodies.get(page))
    for interview in notebook.interviews.values():
        page = interview_page(interview.slug)
        found[page] = (interview.body, bodies.get(page))
    return found


@dataclass
class NoteMarkdown:
    """The generated pages of the last build, and what they were made from.

    When everything but some note bodies is as in the last build (the same
    notes, every front-matter field, the links between notes, the options,
    the day), only the pages of the notes whose body changed are made
    again; any other change makes every page again.
    """

    inputs: object = None
    bodies: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    pages: dict[str, str | bytes] = field(default_factory=dict)
    made: int = 0  # pages made by the last build
    kept: int = 0  # pages taken from the build before

    def pages_for(
        self,
        inputs: Inputs,
        linked: LinkedNotes | None,
        settings: tuple[object, ...],
        render: Callable[[frozenset[str] | None], dict[str, str | bytes]],
    ) -> dict[str, str | bytes]:
        """Every generated page: from ``render`` (given the pages to make, or
        None for all of them) and, for the rest, from the last build."""
        others = (linked.backlinks, linked.fields, linked.problems) if linked is not None else None
        same_inputs = (skeleton(inputs.notebook), inputs.shared, inputs.images, others, settings)
        bodies = note_bodies(inputs.notebook, linked)
        if self.pages and same_inputs == self.inputs and bodies.keys() == self.bodies.keys():
            changed = frozenset(page for page, text in bodies.items() if self.bodies[page] != text)
            made = render(changed) if changed else {}
            pages = {page: made.get(page, text) for page, text in self.pages.items()}
            self.made, self.kept = len(made), len(pages) - len(made)
        else:
            pages = render(None)
            self.made, self.kept = len(pages), 0
        self.inputs, self.bodies, self.pages = same_inputs, bodies, pages
        return dict(pages)


# ---------------------------------------------------------------------------
# What MkDocs makes of a page


@dataclass
class Rendered:
    """What ``Page.render`` set, and what it logged."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # by the linked file's source path
    records: list[logging.LogRecord]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append(record)


_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?[ \t]*$", re.MULTILINE)


def link_targets(markdown: str, source: str, files: Files) -> str:
    """Where the page's Markdown links can lead, as the files are now: each
    relative target, the paths MkDocs may take it for, and the URL of the
    file found there (or nothing). Adding a note changes this only for the
    pages that link to where it is."""
    found: list[str] = []
    for target in sorted(set(_LINK.findall(markdown)) | set(_REFERENCE.findall(markdown))):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        if path.startswith("/"):
            uri = posixpath.normpath(path.lstrip("/"))
        else:
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        for candidate in (uri, f"{uri}/index.md", f"{uri}/README.md", f"{uri}.md"):
            file = files.get_file_from_path(candidate)
            found.append(f"{target}>{candidate}>{file.url if file is not None else ''}")
    return "\n".join(found)


def copy_toc(toc: Iterable[AnchorLink]) -> TableOfContents:
    """A copy of a table of contents (``copy.deepcopy`` takes ten times longer)."""

    def copy_items(items: Iterable[AnchorLink]) -> list[AnchorLink]:
        copies = []
        for item in items:
            copied = AnchorLink(item.title, item.id, item.level)
            copied.children = copy_items(item.children)
            copies.append(copied)
        return copies

    return TableOfContents(copy_items(toc))


def _toc_signature(toc: Iterable[Any]) -> list[Any]:
    return [[item.title, item.url, item.level, _toc_signature(item.children)] for item in toc]


def nav_signature(nav: Navigation) -> str:
    """The navigation every page shows: titles, URLs and nesting."""

    def walk(items: Iterable[Any]) -> list[Any]:
        return [
            [
                type(item).__name__,
                item.title,
                getattr(item, "url", None),
                walk(getattr(item, "children", None) or []),
            ]
            for item in items
        ]

    return json.dumps(walk(nav.items), default=str)


def _neighbour(page: Any) -> list[Any] | None:
    return None if page is None else [page.url, page.title]


class _Bytecode(BytecodeCache):
    """Compiled theme templates, kept in memory for the whole serve (Jinja
    checks each template's source against its checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class _Listed:
    """The templates of each installed theme's folder, listed once per serve
    (MkDocs lists them at every build to find the theme's static files:
    Material's are some 15,000 icons). A folder inside the notebook (a
    ``custom_dir``) is listed every time, as it may change while serving."""

    def __init__(self) -> None:
        self.root = Path.cwd()  # the notebook's folder: set by Rebuilds.start
        self.listed: dict[str, list[str]] = {}
        self.chosen: dict[tuple[object, ...], list[str]] = {}

    def _in_notebook(self, folder: str) -> bool:
        return Path(folder).resolve().is_relative_to(self.root)

    def names(self, loader: FileSystemLoader) -> list[str]:
        found: set[str] = set()
        for path in loader.searchpath:
            names = self.listed.get(path)
            if names is None:
                names = FileSystemLoader(path, followlinks=loader.followlinks).list_templates()
                if not self._in_notebook(path):
                    self.listed[path] = names
            found.update(names)
        return sorted(found)

    def keep(self, env: Environment, loader: FileSystemLoader, config: str) -> None:
        """Give ``env`` and its ``loader`` lists that answer from this object.

        ``Environment.list_templates`` with a filter (MkDocs' filter of the
        theme's static files) is kept too, by the filter's code and the
        configuration (its patterns come from the theme and ``mkdocs.yml``).
        """
        list_templates = env.list_templates
        setattr(loader, "list_templates", lambda: self.names(loader))  # noqa: B010
        if any(self._in_notebook(path) for path in loader.searchpath):
            return

        def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return list_templates(extensions, filter_func)
            key = (getattr(filter_func, "__code__", filter_func), config, *loader.searchpath)
            if key not in self.chosen:
                self.chosen[key] = list_templates(extensions, filter_func)
            return list(self.chosen[key])

        setattr(env, "list_templates", listed)  # noqa: B010


class _Quiet(logging.Filter):
    """Leaves out of MkDocs' build log what serve's dirty builds say in vain
    here: the dirty-build warning (these builds are exact, see the module's
    text) and a line per unchanged page, whose file is not written again."""

    def __init__(self, rebuilds: Rebuilds) -> None:
        super().__init__()
        self.rebuilds = rebuilds

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("A 'dirty' build is being performed"):
            return False
        if message.startswith("Page skipped: '") and message.endswith("Generated empty output."):
            return message.split("'")[1] not in self.rebuilds.unchanged
        return True


class Rebuilds:
    """Everything one ``mkdocs serve`` keeps from one build to the next (see
    the module's text), with counts of what the last build made and reused.
    ``dirty``: MkDocs' ``--dirty``, with which it leaves the site folder as
    the last build left it."""

    def __init__(self, dirty: bool = False) -> None:
        self.dirty = dirty
        self.markdown = NoteMarkdown()
        self.memo = PageMemo()
        self.rendered: dict[str, tuple[str, Rendered]] = {}
        self.sources: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self.outputs: dict[str, tuple[str, str]] = {}
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.bytecode = _Bytecode()
        self.listed = _Listed()
        self.config = ""
        self.written: set[str] = set()  # the files of the last build, in dirty builds
        self.quiet = _Quiet(self)
        self.current: Files | list[File] = []  # this build's files (see ``files``)
        # Set for one build:
        self.nav = ""
        self.output_keys: dict[str, str] = {}  # page source: its output's key
        self.unchanged: set[str] = set()  # pages whose stored output is written
        self.renders = 0
        self.seen: set[str] = set()

    @property
    def themed(self) -> int:
        """Pages of the last build run through the theme's templates."""
        return len(self.output_keys) - len(self.unchanged)

    # -- the events of one build, in the order MkDocs calls them

    def start(self, config: MkDocsConfig) -> None:
        """``on_config``: a new build begins. In a dirty build after
        ``mkdocs.yml`` changed, the site folder is emptied as in a clean one,
        and every page is written again (their keys all changed)."""
        signature = config_signature(config.config_file_path, config.theme.dirs)
        if self.dirty and self.config and signature != self.config:
            clean_directory(config.site_dir)
            self.written = set()
        self.config = signature
        self.listed.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self._keep_theme(config)
        self.nav = ""
        self.output_keys = {}
        self.unchanged = set()
        self.renders = 0
        self.seen = set()
        self.memo.start()

    def _keep_theme(self, config: MkDocsConfig) -> None:
        """Every Jinja environment of the theme this build makes keeps its
        compiled templates (``_Bytecode``) and lists the theme once (``_Listed``)."""
        theme = config.theme
        get_env = theme.get_env
        listed, bytecode, signature = self.listed, self.bytecode, self.config

        def get_env_kept() -> Environment:
            env = get_env()
            env.bytecode_cache = bytecode
            if isinstance(env.loader, FileSystemLoader):
                listed.keep(env, env.loader, signature)
            return env

        setattr(theme, "get_env", get_env_kept)  # noqa: B010  (this build's theme only)

    def files(self, files: Files) -> None:
        """``on_nav``: this build's files. In a dirty build, every page counts
        as changed for MkDocs, so that it hands them all to this cache."""
        self.current = files
        if not self.dirty:
            return
        for file in files.documentation_pages():
            if file.generated_by is None:
                setattr(file, "is_modified", _changed)  # noqa: B010

    def wrap_render(self, page: Page, files: Files) -> None:
        """``on_pre_page``: the page's ``render`` answers from the cache when
        its key is one it has seen, and its ``read_source`` does not parse
        the same front-matter twice."""
        render = page.render
        source = page.file.src_uri

        def read_source(config: MkDocsConfig) -> None:
            # As Page.read_source (MkDocs 1.6), its front-matter from the cache.
            text = config.plugins.on_page_read_source(page=page, config=config)
            if text is None:
                text = page.file.content_string
            kept = self.sources.get(source)
            if kept is None or kept[0] != text:
                kept = (text, *get_data(text))
                self.sources[source] = kept
            page.markdown, page.meta = kept[1], copy.deepcopy(kept[2])

        if type(page).read_source is Page.read_source:  # not a subclass of its own
            setattr(page, "read_source", read_source)  # noqa: B010

        def render_or_reuse(config: MkDocsConfig, files: Files) -> None:
            markdown = page.markdown or ""
            key = digest(
                self.config, source, page.url, markdown, link_targets(markdown, source, files)
            )
            self.seen.add(source)
            kept = self.rendered.get(source)
            if kept is not None and kept[0] == key:
                self._apply(page, kept[1], files)
                return
            self.renders += 1
            handler = _Records()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(handler)
            try:
                render(config, files)
            finally:
                logger.removeHandler(handler)
            links = getattr(page, "links_to_anchors", None)
            self.rendered[source] = (
                key,
                Rendered(
                    content=page.content or "",
                    # A copy: Material's tags plugin adds to the table of contents later.
                    toc=copy_toc(page.toc),
                    title=getattr(page, "_title_from_render", None),
                    anchors=set(page.present_anchor_ids or ()),
                    links=(
                        {file.src_uri: dict(found) for file, found in links.items()}
                        if links is not None
                        else None
                    ),
                    records=handler.records,
                ),
            )

        setattr(page, "render", render_or_reuse)  # noqa: B010  (a method of this page only)

    @staticmethod
    def _apply(page: Page, kept: Rendered, files: Files) -> None:
        page.content = kept.content
        page.toc = copy_toc(kept.toc)  # (see wrap_render)
        page._title_from_render = kept.title
        page.present_anchor_ids = set(kept.anchors) if kept.anchors is not None else None
        if kept.links is not None:
            links = {}
            for uri, found in kept.links.items():
                file = files.get_file_from_path(uri)
                if file is not None:
                    links[file] = dict(found)
            page.links_to_anchors = links
        for record in kept.records:  # said again, as a fresh build says it
            logging.getLogger(record.name).handle(record)

    def choose_outputs(self, env: Environment, nav: Navigation, files: Files) -> None:
        """``on_env``, after every page's HTML is final: key each page's output
        and give the unchanged ones the stub template."""
        if not isinstance(env.loader, ChoiceLoader) or not any(
            isinstance(loader, DictLoader) and STUB_TEMPLATE in loader.mapping
            for loader in env.loader.loaders
        ):
            loaders: list[BaseLoader] = [DictLoader({STUB_TEMPLATE: ""})]
            if env.loader is not None:
                loaders.append(env.loader)
            env.loader = ChoiceLoader(loaders)
        self.nav = nav_signature(nav)
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None:
                continue
            key = digest(
                self.config,
                self.nav,
                page.content,
                json.dumps(
                    [
                        file.src_uri,
                        page.url,
                        page.title,
                        page.meta,
                        _toc_signature(page.toc),
                        _neighbour(page.previous_page),
                        _neighbour(page.next_page),
                        page.update_date,
                        page.canonical_url,
                        page.edit_url,
                        page.is_homepage,
                        str(file.inclusion),
                    ],
                    default=str,
                    sort_keys=True,
                ),
            )
            self.output_keys[file.src_uri] = key
            kept = self.outputs.get(file.src_uri)
            if kept is not None and kept[0] == key and "template" not in page.meta:
                page.meta["template"] = STUB_TEMPLATE
                self.unchanged.add(file.src_uri)

    def output(self, page: Page, output: str) -> str:
        """``on_post_page``, last: the stored output of an unchanged page; a
        changed page's output is kept for the next build."""
        source = page.file.src_uri
        if source in self.unchanged:  # a dirty build leaves the file as it is
            return "" if self.dirty else self.outputs[source][1]
        key = self.output_keys.get(source)
        if key is not None:
            self.outputs[source] = (key, output)
        return output

    def finish(self, site_dir: str) -> None:
        """``on_post_build``: forget the pages this build did not have, and in
        a dirty build remove their files (and the folders left empty)."""
        if self.dirty:
            written = {file.abs_dest_path for file in self.current}
            for path in sorted(self.written - written, reverse=True):
                _remove(Path(path), Path(site_dir))
            self.written = written
        for kept in (self.rendered, self.outputs, self.sources):
            for source in set(kept) - self.seen:
                del kept[source]
        if self.markdown.kept == 0:  # every page was asked for: forget the others
            self.memo.finish()
        live = set(self.output_keys.values())
        self.entries = {key: found for key, found in self.entries.items() if key in live}


def _changed() -> bool:
    return True


def _remove(path: Path, site: Path) -> None:
    """Remove the file at ``path`` and the folders it leaves empty in ``site``."""
    path.unlink(missing_ok=True)
    folder = path.parent
    try:
        while folder != site and folder.is_relative_to(site) and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    except OSError:
        pass
