"""Render the notebook's pages as Markdown, from Jinja2 templates.

``render_pages`` is a pure function of the notebook, ``today`` and the
options: it returns ``{path of the page's Markdown source: text}``, which the
MkDocs plugin adds as generated files and ``interview-kb generate`` writes out.
Every value from a note goes through ``markup.html_finalize`` (or the ``md``
filter, in a Markdown heading) on its way in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from functools import partial

from ..analysis.public import public_guide
from ..core.model import (
    Notebook,
    Options,
)
from ..core.paths import contact_page, interview_page, organization_page
from ..reader.body_limits import body_fits
from .contact import render_contact_page
from .contacts import render_contacts
from .dashboard import compose_home, render_dashboard
from .follow_ups import render_follow_ups
from .guide import render_guide
from .ical import to_ics
from .interview import render_interview_page
from .interviews import render_interviews
from .links import LinkedNotes
from .memo import PageMemo
from .network import render_network
from .organizations import ORGANIZATIONS_PAGE, render_organization_page, render_organizations
from .pipeline import PIPELINE_PAGE, render_pipeline
from .questions import render_questions
from .reads import TrackedNotebook
from .reflections import render_reflections
from .site import Renderer, Site, plain_body
from .timeline import render_timeline

# Pages that gather what the note pages already say: kept out of the search
# index, where they would only repeat each result (and double its size).
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


TAGS_PAGE = "tags.md"
TAGS_TEXT = (
    NOT_SEARCHED + "# Tags\n\n"
    "Every tag of your contacts (the `tags` of a contact note), with the contacts and "
    "interviews that have it. A tag on a page links here.\n\n"
    "<!-- material/tags -->\n"
)


def render_pages(
    notebook: Notebook,
    today: date,
    options: Options,
    shared: Sequence[Notebook] = (),
    home: str | None = None,
    images: Sequence[str] = (),
    linked: LinkedNotes | None = None,
    directory_urls: bool | None = True,
    stash: Callable[[str], str] | None = None,
    plain_bodies: frozenset[str] = frozenset(),
    site_url: str | None = None,
    only: Collection[str] | None = None,
    memo: PageMemo | None = None,
) -> dict[str, str | bytes]:
    """Every generated file of the site: ``{source path: Markdown text, or bytes}``.

    In ``guide`` mode only the guide's pages, made from the public view of
    this notebook and the ``shared`` ones (``shared_from``). In ``notebook``
    mode every page, and the follow-ups as a calendar (``follow-ups.ics``);
    ``home`` is the text of the user's own ``docs/index.md``, if any, which
    the home page (``index.md``) shows with the dashboard; ``images`` the
    site paths of images kept beside the notes (for ``![[photo.png]]``);
    ``linked`` the result of ``links.link_notes``, when the caller has it;
    ``directory_urls`` MkDocs' ``use_directory_urls``, which decides the URLs
    the pages' HTML links to (None: links to the Markdown files, for pages
    written out as files); ``stash``, when given, takes the pages' raw HTML
    blocks out of their Markdown: it returns the text that stands for a block
    (the plugin's ``plugin_html.HtmlStash.stash``); ``plain_bodies`` pages
    whose note body (or the home page's own text) is shown as plain text;
    ``site_url`` MkDocs' ``site_url``, for the calendar's links to the pages;
    ``only``, when given, the pages to make (of a contact or an interview,
    for ``mkdocs serve``, which keeps the others from the last build): the
    views and the calendar are left out; ``memo``, pages rendered by earlier
    builds of ``mkdocs serve`` (``render.memo``), to be taken when nothing
    they are made from changed.
    """
    if options.publish == "guide":
        guide = public_guide([notebook, *shared], today, group=bool(options.shared_from))
        return render_guide(guide)
    reads = memo.reads if memo is not None else None
    site = Site(
        TrackedNotebook.of(notebook, reads) if reads is not None else notebook,
        today,
        options,
        tuple(images),
        linked,
        home,
        directory_urls,
        stash,
        plain_bodies,
        memo,
        reads,
    )
    renderer = Renderer(site)
    if reads is not None:
        reads.start(PageMemo.key_of(site.unread, site_url) or "", site.resolve)

    def made(source: str, make: Callable[[], str | bytes]) -> str | bytes:
        # In serve, a page none of whose reads changed is taken as it was.
        return reads.page(source, make) if reads is not None else make()

    if only is not None:
        return _note_pages(renderer, notebook, made, set(only))
    views: dict[str, Callable[[], str | bytes]] = {
        "contacts.md": lambda: render_contacts(renderer),
        "interviews.md": lambda: render_interviews(renderer),
        "follow-ups.md": lambda: NOT_SEARCHED + render_follow_ups(renderer),
        "questions.md": lambda: render_questions(renderer),
        "timeline.md": lambda: NOT_SEARCHED + render_timeline(renderer),
        "reflections.md": lambda: NOT_SEARCHED + render_reflections(renderer),
        "network.md": lambda: render_network(renderer),
        ORGANIZATIONS_PAGE: lambda: render_organizations(renderer),
        PIPELINE_PAGE: lambda: render_pipeline(renderer),
    }
    pages: dict[str, str | bytes] = {source: made(source, make) for source, make in views.items()}

    def organization(slug: str) -> str:  # read by slug: the page depends on its organization only
        return render_organization_page(renderer, site.organizations_by_slug[slug])

    for org in site.organizations:  # in the order of the views (by name)
        pages[organization_page(org.slug)] = made(
            organization_page(org.slug), partial(organization, org.slug)
        )
    pages.update(_note_pages(renderer, notebook, made))
    # Written as it is, not through a template: the marker must reach Material's
    # tags plugin, which puts the list of every tag and its pages in its place.
    pages[TAGS_PAGE] = TAGS_TEXT
    pages["follow-ups.ics"] = made(
        "follow-ups.ics",
        lambda: to_ics(site.items, site.notebook, today, site_url, directory_urls, memo),
    )
    pages["index.md"] = made("index.md", lambda: _home(renderer))
    if reads is not None:
        reads.finish()
    return pages


def _home(renderer: Renderer) -> str:
    """The home page: the user's own text (``docs/index.md``), if any, and the dashboard."""
    site = renderer.site
    own = site.linked.bodies.get("index.md", site.home) if site.home is not None else None
    # Hook (body_limits): the home page's own text, past a bound, as plain text.
    if own is not None and own.strip() and ("index.md" in site.plain_bodies or not body_fits(own)):
        own = plain_body(own.strip("\n"))
    return compose_home(own, render_dashboard(renderer))


def _note_pages(
    renderer: Renderer,
    notebook: Notebook,
    made: Callable[[str, Callable[[], str | bytes]], str | bytes],
    wanted: Collection[str] | None = None,
) -> dict[str, str | bytes]:
    """The page of every contact, then of every interview (those in ``wanted``)."""
    notes = renderer.site.notebook  # the tracked one in serve: each page reads its own note

    def contact(slug: str) -> str:
        return render_contact_page(renderer, notes.contacts[slug])

    def interview(slug: str) -> str:
        return render_interview_page(renderer, notes.interviews[slug])

    pages: dict[str, str | bytes] = {}
    for slugs, page_of, render in (
        (notebook.contacts, contact_page, contact),
        (notebook.interviews, interview_page, interview),
    ):
        for slug in slugs:
            source = page_of(slug)
            if wanted is None or source in wanted:
                pages[source] = made(source, partial(render, slug))
    return pages


__all__ = ["render_pages"]
