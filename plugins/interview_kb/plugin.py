"""The MkDocs plugin: a thin adapter from MkDocs' events to the core."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from . import plugin_assets as assets
from .core.dates import TODAY_VARIABLE, BadDate, choose_today
from .core.model import Notebook, Options
from .pipeline import build, gather
from .plugin_a11y import name_task_checkboxes
from .plugin_config import PluginConfig
from .plugin_html import HtmlStash, squeeze_html
from .plugin_private_site import ROBOTS_TXT, add_noindex, deploy_refusal
from .plugin_rebuilds import Rebuilds
from .plugin_search import keep_entries
from .plugin_tags import add_tags_plugin
from .reader.body_limits import body_problems
from .reader.notes import NoteCache
from .reader.option_rules import OptionError, check_against
from .render.guide import GUIDE_HOME_PAGE
from .render.links import (
    Links,
    Resolver,
    docs_folder,
    image_index,
    link_notes,
    rewrite_body,
    strip_wikilinks,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

# Markdown extensions the generated pages use, with their settings; turned on
# by the plugin so that a minimal mkdocs.yml is enough.
EXTENSIONS: dict[str, dict[str, object]] = {
    "tables": {},
    "attr_list": {},
    "admonition": {},
    "md_in_html": {},
    "toc": {"permalink": True},
    "pymdownx.tasklist": {"custom_checkbox": True},
    "pymdownx.details": {},
}

NOTE_FOLDERS = ("contacts/", "interviews/")
# Folders of one page per note or organization: reached from their index
# pages, kept out of the sidebar.
NOT_IN_NAV = (*NOTE_FOLDERS, "organizations/")
ROBOTS_PAGE = "robots.txt"
NAV_ORDER = (
    "index.md",
    "follow-ups.md",
    "pipeline.md",
    "contacts.md",
    "organizations.md",
    "interviews.md",
    "questions.md",
    "timeline.md",
    "reflections.md",
    "network.md",
    "tags.md",
)


class InterviewKbPlugin(BasePlugin[PluginConfig]):
    """Adds the notebook's pages to the site and watches the notes in serve."""

    def __init__(self) -> None:
        self.root = Path.cwd()
        self.options = Options()
        self.today = date.today()
        self.notebook: Notebook | None = None
        self.resolver: Resolver | None = None
        self.stash = HtmlStash()
        # Notes read by earlier builds of one `mkdocs serve` (see on_startup).
        self.cache: NoteCache | None = None
        self.command: str | None = None  # MkDocs' command, from on_startup
        # The generated pages again, some with their note body as plain text
        # (see on_pre_page); set by on_files.
        self.render_again: Callable[..., dict[str, str | bytes]] | None = None
        # What one serve keeps from a rebuild to the next (see plugin_rebuilds).
        self.rebuilds: Rebuilds | None = None
        self.nav: Navigation | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Keep read notes from one rebuild to the next in ``mkdocs serve``.

        This method being there is what makes MkDocs keep the plugin object
        across the rebuilds of one serve (MkDocs 1.4 and later), and so its
        cache: a rebuild reads again only the notes whose files changed.
        State for one build is set in on_config and on_files, never here.
        """
        self.cache = NoteCache() if command == "serve" else None
        self.command = command  # gh-deploy of the notebook is refused (on_config)
        build_log = logging.getLogger("mkdocs.commands.build")
        if self.rebuilds is not None:
            build_log.removeFilter(self.rebuilds.quiet)
        self.rebuilds = Rebuilds(dirty) if command == "serve" else None
        if self.rebuilds is not None and dirty:
            build_log.addFilter(self.rebuilds.quiet)
        self.stash = HtmlStash()  # kept by the rebuilds of one serve (its keys are stable)

    @event_priority(100)  # before Material's search plugin loads its first template
    def _config_first(self, config: MkDocsConfig) -> MkDocsConfig:
        """In serve, a new build begins (``plugin_rebuilds.Rebuilds.start``)."""
        if self.rebuilds is not None:
            self.rebuilds.start(config)
        return config

    def _config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the options, fix T and turn on the Markdown extensions we need."""
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.options = self.config.to_options()
        try:  # what an option's value alone cannot tell (option_rules.check_against)
            check_against(self.options, self.root, Path(config.docs_dir))
        except OptionError as problem:
            raise PluginError(str(problem)) from None
        name = Path(config.config_file_path or "mkdocs.yml").name
        # MkDocs keeps this object for the whole process (it has on_startup):
        # the command is used once, by the build it started, and forgotten.
        command, self.command = self.command, None
        refusal = deploy_refusal(command, self.options, name)
        if refusal is not None:
            raise PluginError(refusal)
        try:
            self.today = choose_today(
                self.options.today, os.environ.get(TODAY_VARIABLE), date.today()
            )
        except BadDate as problem:
            raise PluginError(str(problem)) from None
        for name, settings in EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs.setdefault(name, settings)
        assets.add_to_config(config)
        if self.options.publish == "notebook":
            add_tags_plugin(config, serving=self.cache is not None)
        return config

    on_config = CombinedEvent(_config_first, _config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read the notes and add every generated page as an in-memory file."""
        inputs = gather(self.root, self.options, self.cache)
        notebook = inputs.notebook
        self.notebook = notebook
        files = self._without_notes(files)
        own_home = files.get_file_from_path("index.md")
        guide_home = None
        if self.options.publish == "guide":
            # Issue 18: the guide never opens with the notebook's own home page.
            guide_home = self._guide_home(files, own_home)
            own_home = None
        home = own_home.content_string if own_home is not None else None
        # Hook (body_limits): the home page's own text goes into a generated
        # page; past a bound it is shown as plain text, and said so here.
        if home is not None and self.options.publish == "notebook":
            for found in body_problems(home):
                log.warning(f"docs/index.md:{found.line}: warning: {found.message}")
        linked = None
        self.resolver = None
        if self.options.publish == "notebook":
            for site_path, path in inputs.images.items():
                if files.get_file_from_path(site_path) is None:
                    files.append(File.generated(config, site_path, abs_src_path=str(path)))
            index = image_index(inputs.images)
            self.resolver = Resolver(notebook, index)
            linked = link_notes(
                notebook,
                index,
                {"index.md": home} if home is not None else None,
                docs_folder(self.root, Path(config.docs_dir)),
            )
        for notice in inputs.notices:
            log.debug(str(notice))  # one per title-named note: kept out of every build's log
        for problem in [*inputs.problems, *(linked.problems if linked else [])]:
            if problem.severity == "error":
                log.error(str(problem))
            else:
                log.warning(str(problem))
        if self.rebuilds is None:
            self.stash = HtmlStash()
        self.render_again = partial(
            build,
            inputs,
            self.today,
            self.options,
            home,
            linked,
            directory_urls=config.use_directory_urls,
            stash=self.stash.stash,
            site_url=config.site_url or None,
            memo=self.rebuilds.memo if self.rebuilds is not None else None,
        )
        if self.rebuilds is not None and self.options.publish == "notebook":
            render = self.render_again
            settings = (self.today, self.options, home, config.use_directory_urls, config.site_url)
            pages = self.rebuilds.markdown.pages_for(
                inputs, linked, settings, lambda only: render(only=only)
            )
        else:
            pages = self.render_again()
        if own_home is not None and "index.md" in pages:
            files.remove(own_home)  # replaced by the same text with the dashboard
        if guide_home is not None:
            pages.pop(GUIDE_HOME_PAGE, None)  # the docs have the guide's home page
        if self.options.publish == "notebook":
            own_robots = files.get_file_from_path(ROBOTS_PAGE)
            if own_robots is not None:  # the notebook's site is never indexed
                log.info(f"docs/{ROBOTS_PAGE} is replaced: the notebook's site is never indexed")
                files.remove(own_robots)
            pages[ROBOTS_PAGE] = ROBOTS_TXT
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                log.warning(
                    f"docs/{src_uri} has the same name as a page the notebook generates; "
                    "rename it so both can be shown"
                )
                continue
            note_page = src_uri.startswith(NOT_IN_NAV) and src_uri.endswith(".md")
            inclusion = InclusionLevel.NOT_IN_NAV if note_page else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
        assets.add_to_files(files, config)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Wikilinks and note links in the hand-written pages of ``docs/``."""
        if page.file.generated_by is not None or "[[" not in markdown:
            return markdown
        if self.resolver is None:  # the guide: no note pages to link to
            return strip_wikilinks(markdown)
        links = Links()
        source = page.file.src_uri
        text = rewrite_body(markdown, source, f"docs/{source}", 1, self.resolver, links)
        for problem in links.problems:
            log.warning(str(problem))
        return text

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        """Hook (body_limits), a last resort: a generated page that Markdown
        fails to render (a RecursionError, or any other error, from a body no
        bound foresaw) is rendered again with its note body as plain text, and
        a warning names the note, instead of the build stopping."""
        render_again = self.render_again
        if page.file.generated_by is not None and render_again is not None:
            self._plain_if_failing(page, render_again)
        if self.rebuilds is not None:  # outermost: a page unchanged is not rendered at all
            self.rebuilds.wrap_render(page, files)
        return page

    def _plain_if_failing(
        self, page: Page, render_again: Callable[..., dict[str, str | bytes]]
    ) -> None:
        """Wrap ``page.render`` as ``on_pre_page`` says."""
        render = page.render
        source = page.file.src_uri

        def render_or_plain(config: MkDocsConfig, files: Files) -> None:
            try:
                render(config, files)
            except Exception as failure:  # any failure: the page must still appear
                if source != "index.md" and not source.startswith(NOTE_FOLDERS):
                    raise
                log.warning(
                    f"{self._body_place(source)}: warning: the text could not be formatted "
                    f"({type(failure).__name__}); it is shown as written: simplify it "
                    "(less nesting, fewer brackets and marks per paragraph) or put it "
                    "in a code block (``` lines around it)"
                )
                text = render_again(plain_bodies=frozenset({source})).get(source)
                if not isinstance(text, str):
                    raise
                page.markdown, _ = get_data(text)
                render(config, files)

        setattr(page, "render", render_or_plain)  # noqa: B010  (a method of this page only)

    def _body_place(self, source: str) -> str:
        """``path:line`` of the text shown on the generated page ``source``."""
        notebook = self.notebook
        slug = source.rsplit("/", 1)[-1].removesuffix(".md")
        if notebook is not None and source.startswith("contacts/"):
            contact = notebook.contacts.get(slug)
            if contact is not None:
                return f"{contact.path}:{contact.body_line}"
        if notebook is not None and source.startswith("interviews/"):
            interview = notebook.interviews.get(slug)
            if interview is not None:
                return f"{interview.path}:{interview.body_line}"
        return f"docs/{source}:1"

    @event_priority(100)  # before any other plugin sees the page's HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put the generated pages' HTML blocks back (see ``plugin_html.HtmlStash``)
        and name the checkboxes of Markdown task lists (``a11y``)."""
        html = name_task_checkboxes(html)
        if page.file.generated_by is None:
            return html
        return self.stash.hide_charts(self.stash.restore(html))

    @event_priority(100)  # before any other plugin sees the finished page
    def _post_page_first(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the charts ``on_page_content`` left out back in the finished page,
        without the theme's indentation and blank lines (``squeeze_html``)."""
        if self.options.publish == "notebook":
            output = add_noindex(output)  # issue 18: every page of the notebook
        if page.file.generated_by is None:
            return output
        return self.stash.show_charts(squeeze_html(output))

    @event_priority(-100)  # after every other plugin
    def _post_page_last(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """In serve, an unchanged page's stored output (see ``plugin_rebuilds``)."""
        if self.rebuilds is None:
            return output
        return self.rebuilds.output(page, output)

    on_post_page = CombinedEvent(_post_page_first, _post_page_last)

    @event_priority(-100)  # after Material's tags plugin has filled in its lists
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """In serve, choose the pages whose output is unchanged, and let the
        search index take their entries from the last build (``plugin_search``)."""
        rebuilds = self.rebuilds
        if rebuilds is None or self.nav is None:
            return env
        rebuilds.choose_outputs(env, self.nav, files)
        keep_entries(
            config, lambda page: rebuilds.output_keys.get(page.file.src_uri), rebuilds.entries
        )
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In serve, forget what this build no longer had."""
        if self.rebuilds is not None:
            self.rebuilds.finish(config.site_dir)
            self.stash.forget_unused()

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """The notebook's 404 page is not indexed either."""
        if self.options.publish == "notebook" and template_name.endswith(".html"):
            return add_noindex(output_content)
        return output_content

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Put the notebook's pages first, in reading order, when ``nav`` is not set.

        MkDocs sorts an automatic sidebar by file name; a person looks for
        what is due before the note format.
        """
        self.nav = nav
        if self.rebuilds is not None:
            self.rebuilds.files(files)  # the files of this build, as every plugin left them
        if config.nav is not None:
            return nav

        def rank(item: object) -> tuple[int, int]:
            file = getattr(item, "file", None)
            uri = file.src_uri if file is not None else ""
            if uri in NAV_ORDER:
                return (0, NAV_ORDER.index(uri))
            return (1, 0)

        nav.items.sort(key=rank)  # stable: the user's own pages keep their order
        return nav

    def _guide_home(self, files: Files, notebook_home: File | None) -> File | None:
        """Make the guide's own home page (``guide_home``, by default
        ``docs/guide/index.md``) the site's home, and leave the notebook's
        ``docs/index.md`` out. The page keeps its source path, so its links
        resolve as written; only where it is written changes. None when the
        docs have no such page: the generated home page stands in."""
        if notebook_home is not None:
            files.remove(notebook_home)
        page = files.get_file_from_path(self.options.guide_home)
        if page is None or not page.is_documentation_page():
            return None
        page.dest_uri = "index.html"
        return page

    def _without_notes(self, files: Files) -> Files:
        """Leave out the notes themselves when ``docs_dir`` holds their folders.

        The notes reach the site only through the pages made from them (in
        the guide, not at all), never as files of their own.
        """
        folders = [
            (self.root / name).resolve()
            for name in (self.options.contacts_dir, self.options.interviews_dir)
        ]
        for file in list(files):
            if file.abs_src_path is None:
                continue
            path = Path(file.abs_src_path).resolve()
            if any(path.is_relative_to(folder) for folder in folders):
                files.remove(file)
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        """Rebuild when a note or the question bank changes."""
        for name in (
            self.options.contacts_dir,
            self.options.interviews_dir,
            self.options.questions_file,
        ):
            path = self.root / name
            if path.exists():
                server.watch(str(path), recursive=True)
        return server
