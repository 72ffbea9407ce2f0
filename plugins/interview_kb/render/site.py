"""What every page's template gets: the ``Site`` (notebook, today, options and
what is computed once from them), the Jinja2 environment and the ``Renderer``."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, TypeVar, cast

import jinja2
import yaml
from markupsafe import Markup

from ..analysis.followups import (
    Item,
    calendar_for,
    contact_status,
    due_items,
    organization_key,
)
from ..analysis.organizations import Organization, organization_slugs, organizations
from ..core.dates import Calendar
from ..core.model import Contact, Notebook, Options
from ..core.paths import contact_page, interview_page, organization_page
from ..core.people import People
from ..core.urls import relative_url
from ..core.wording import interview_label, plural
from ..reader.body_limits import body_fits
from .links import LinkedNotes, Mention, demote_headings, image_index, link_notes
from .markup import (
    anchor,
    escape_line,
    external_href,
    html_escape,
    html_finalize,
    html_line,
    html_paragraphs,
    html_text,
)
from .memo import PageMemo
from .reads import ABSENT, PageReads, Tracked, TrackedNotebook, whole

T = TypeVar("T")
V = TypeVar("V")


def stash_blocks(text: str, stash: Callable[[str], str]) -> str:
    """``text`` with each block (lines between blank lines) that starts with a
    tag replaced by its key. The templates start a line with ``<`` only to
    open an HTML block; a value never can (it is escaped)."""
    chunks = text.split("\n\n")
    for number, chunk in enumerate(chunks):
        if chunk.startswith("<"):
            tail = "\n" if chunk.endswith("\n") else ""
            chunks[number] = stash(chunk) + tail
    return "\n\n".join(chunks)


@dataclass(frozen=True, eq=False)
class Site:
    """What every template may use: the notebook, today and the options."""

    notebook: Notebook
    today: date
    options: Options
    images: tuple[str, ...] = ()
    given_links: LinkedNotes | None = None
    home: str | None = None
    directory_urls: bool | None = True
    stash: Callable[[str], str] | None = None
    # Pages whose note body is shown as plain text whatever its shape: the
    # plugin asks for them when Markdown failed on a page (a last resort).
    plain_bodies: frozenset[str] = frozenset()
    # Pages rendered by earlier builds, kept by ``mkdocs serve`` (see render.memo).
    memo: PageMemo | None = None
    # What each page of earlier builds read, kept by ``mkdocs serve`` (see
    # render.reads); with it, ``notebook`` is a ``TrackedNotebook``.
    reads: PageReads | None = None

    @cached_property
    def world(self) -> str:
        """What every template can reach besides its context (``render.memo``)."""
        raw = self.raw_notebook
        names = sorted((slug, contact.name) for slug, contact in raw.contacts.items())
        labels = sorted(
            (slug, interview_label(interview)) for slug, interview in raw.interviews.items()
        )
        return repr(
            (
                self.today,
                self.options,
                self.directory_urls,
                sorted(self.plain_bodies),
                self.stash,
                names,
                labels,
                sorted(self.organization_slugs.items()),
            )
        )

    @cached_property
    def unread(self) -> str:
        """What a page sees without a read of it being written down
        (``render.reads``): the ``world``, every name and alias, every part
        of the notebook but its notes (the question bank, the owner's profile,
        the problems...), the links' problems, the images and the home page's
        own text; a digest, or a text no other build gives when some part
        cannot be pickled."""
        raw = self.raw_notebook
        with self._paused():
            linked = self._linked
            everyone = self.people.everyone
        rest = [
            getattr(raw, part.name)
            for part in dataclasses.fields(raw)
            if part.name not in ("contacts", "interviews")  # read through TrackedNotebook
        ]
        key = PageMemo.key_of(self.world, everyone, rest, linked.problems, self.images, self.home)
        return key if key is not None else f"unkeyed {id(self)}"

    @property
    def raw_notebook(self) -> Notebook:
        """The notebook, whose reads no page is told of."""
        notebook = self.notebook
        return notebook.raw if isinstance(notebook, TrackedNotebook) else notebook

    def _paused(self) -> AbstractContextManager[None]:
        """What is computed once for every page is nobody's read (``render.reads``)."""
        return self.reads.paused() if self.reads is not None else nullcontext()

    def _read(self, unit: tuple[str], value: T) -> T:
        if self.reads is not None:
            self.reads.saw(unit, value)
        return value

    def _tracked(self, raw: Mapping[str, V], kind: str) -> Mapping[str, V]:
        return Tracked(raw, self.reads, kind) if self.reads is not None else raw

    @cached_property
    def _linked(self) -> LinkedNotes:
        if self.given_links is not None:
            return self.given_links
        docs = {"index.md": self.home} if self.home is not None else None
        with self._paused():
            return link_notes(self.raw_notebook, image_index(self.images), docs)

    @cached_property
    def linked(self) -> LinkedNotes:
        """Note bodies (and the home page) with their links rewritten, and the backlinks."""
        raw = self._linked
        if self.reads is None:
            return raw
        return LinkedNotes(
            bodies=cast(dict[str, str], self._tracked(raw.bodies, "linked.bodies")),
            backlinks=cast(
                dict[str, list[Mention]], self._tracked(raw.backlinks, "linked.backlinks")
            ),
            problems=raw.problems,
            fields=cast(dict[str, dict[str, str]], self._tracked(raw.fields, "linked.fields")),
        )

    @cached_property
    def calendar(self) -> Calendar:
        """Business days of the options' holidays."""
        return calendar_for(self.options)

    @cached_property
    def _items(self) -> list[Item]:
        with self._paused():
            return due_items(self.raw_notebook, self.today, self.options, self.calendar)

    @property
    def items(self) -> list[Item]:
        """Every follow-up item, in order."""
        return self._read(("items",), self._items)

    @cached_property
    def _items_by_contact(self) -> dict[str, list[Item]]:
        grouped: dict[str, list[Item]] = {}
        for item in self._items:
            grouped.setdefault(item.contact, []).append(item)
        return grouped

    @cached_property
    def items_by_contact(self) -> Mapping[str, list[Item]]:
        """The follow-up items of each contact, in order."""
        return self._tracked(self._items_by_contact, "items_by_contact")

    @cached_property
    def people(self) -> People:
        """Contacts by slug, name and alias: where a referral by name points."""
        with self._paused():
            return People.of(self.notebook.contacts)

    @cached_property
    def organization_slugs(self) -> dict[str, str]:
        """``{organization key: slug}``: where a contact's organization has its page."""
        with self._paused():
            return organization_slugs(self.raw_notebook)

    @cached_property
    def _organizations(self) -> list[Organization]:
        with self._paused():
            return organizations(self.raw_notebook, self.today, self.options, self._items)

    @property
    def organizations(self) -> list[Organization]:
        """Every organization named by a contact, with its people and open items."""
        return self._read(("organizations",), self._organizations)

    @cached_property
    def organizations_by_slug(self) -> Mapping[str, Organization]:
        """Each organization by the slug of its page."""
        return self._tracked(self._organizations_by_slug, "organization")

    @cached_property
    def _organizations_by_slug(self) -> dict[str, Organization]:
        return {org.slug: org for org in self._organizations}

    def resolve(self, unit: tuple[Any, ...]) -> Any:
        """What the read ``unit`` gives in this build (``render.reads``)."""
        kind = unit[0]
        with self._paused():
            if kind == "interviews_of":
                return self.raw_notebook.interviews_of(unit[1])
            if kind == "items":
                return self._items
            if kind == "organizations":
                return self._organizations
            parts: dict[str, Callable[[], Mapping[Any, Any]]] = {
                "contact": lambda: self.raw_notebook.contacts,
                "interview": lambda: self.raw_notebook.interviews,
                "linked.bodies": lambda: self._linked.bodies,
                "linked.backlinks": lambda: self._linked.backlinks,
                "linked.fields": lambda: self._linked.fields,
                "items_by_contact": lambda: self._items_by_contact,
                "organization": lambda: self._organizations_by_slug,
            }
            raw = parts[kind]()
            return whole(raw) if len(unit) == 1 else raw.get(unit[1], ABSENT)

    def organization_slug(self, name: str | None) -> str | None:
        """The slug of the organization's page, or None when it has none."""
        key = organization_key(name)
        return self.organization_slugs.get(key) if key is not None else None

    def status(self, contact: Contact) -> str:
        """The contact's status (see docs/notes.md, the ladder)."""
        return contact_status(self.notebook, contact, self.today, self.options)

    def relative(self, source: str, target: str, fragment: str = "") -> str:
        """The URL of the page ``target`` from the page ``source`` (both source paths)."""
        return relative_url(source, target, self.directory_urls, fragment)

    def helpers(self, source: str) -> dict[str, Callable[..., Markup]]:
        """Link helpers bound to the page being rendered: HTML links with final URLs."""

        # A link shows a note's name or label only, which count in the
        # ``world``: not a read of the note (``render.reads``).
        raw = self.raw_notebook

        def contact_link(slug: str, text: str | None = None) -> Markup:
            contact = raw.contacts.get(slug)
            if contact is None:
                return Markup(html_line(text or slug))
            return anchor(text or contact.name, self.relative(source, contact_page(slug)))

        def interview_link(slug: str, text: str | None = None) -> Markup:
            interview = raw.interviews.get(slug)
            if interview is None:
                return Markup(html_line(text or slug))
            label = text or interview_label(interview)
            return anchor(label, self.relative(source, interview_page(slug)))

        def organization_link(name: str | None) -> Markup:
            slug = self.organization_slug(name)
            if slug is None or self.options.publish != "notebook":
                return Markup(html_line(name or ""))
            return anchor(
                " ".join((name or "").split()), self.relative(source, organization_page(slug))
            )

        def relative(target: str, fragment: str = "") -> Markup:
            return Markup(html_escape(self.relative(source, target, fragment)))

        return {
            "contact_link": contact_link,
            "interview_link": interview_link,
            "organization_link": organization_link,
            "relative": relative,
        }


_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_meta(tags: tuple[str, ...], **extra: Any) -> Markup:
    """The generated page's own front-matter (tags for Material, and more)."""
    try:
        return _page_meta(tuple(tags), tuple(sorted(extra.items())))
    except TypeError:  # a value that cannot be a key: made each time
        return _page_meta.__wrapped__(tuple(tags), tuple(sorted(extra.items())))


@lru_cache(maxsize=8192)
def _page_meta(tags: tuple[str, ...], extra: tuple[tuple[str, Any], ...]) -> Markup:
    meta: dict[str, Any] = {k: v for k, v in extra if v is not None}
    if tags:
        # Material writes tag names into pages without escaping them.
        meta["tags"] = [html_text(tag) for tag in tags]
    if not meta:
        return Markup("")
    dumped = yaml.dump(
        meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, default_flow_style=False
    )
    return Markup(f"---\n{dumped}---\n")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Jinja2 for the generated pages.

    A page is Markdown (its headings, for the table of contents) around raw
    HTML blocks (its lists, tables and cards), which Python-Markdown passes
    through at a fraction of the cost of the same content as Markdown. Every
    ``{{ value }}`` is HTML-escaped unless marked safe; in a Markdown line (a
    heading) a value takes the ``md`` filter, which escapes it for Markdown.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("interview_kb", "templates"),
        finalize=html_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
    )
    env.filters["line"] = lambda v: Markup(html_line(v)) if v is not None else ""
    env.filters["block"] = lambda v: Markup(html_paragraphs(v))
    env.filters["md"] = lambda v: Markup(escape_line(v)) if v is not None else ""
    env.filters["raw"] = Markup
    env.filters["raw_id"] = lambda v: Markup(html_escape(v))
    env.globals["plural"] = plural  # every count's word: core/wording.py
    return env


class Renderer:
    """The Jinja2 environment and the pages it renders."""

    def __init__(self, site: Site) -> None:
        self.site = site

    @property
    def env(self) -> jinja2.Environment:
        """The templates' environment (shared by every renderer)."""
        return environment()

    def render(self, template: str, source: str, body: str = "", **context: Any) -> str:
        """Render ``template`` for the page at ``source``.

        The note's ``body`` is the user's own Markdown: it is put in after the
        template's blank lines are tidied, so that it stays as written.
        """
        memo = self.site.memo
        key = None
        if memo is not None:
            key = memo.key(self.site.world, template, source, body, context)
            found = memo.get(key) if key is not None else None
            if isinstance(found, str):
                return found
        text = self._render(template, source, body, **context)
        if memo is not None and key is not None:
            memo.put(key, text)
        return text

    def _render(self, template: str, source: str, body: str, **context: Any) -> str:
        tpl = self.env.get_template(template)
        text = tpl.render(
            today=self.site.today,
            # A body of HTML comments only (a new note's hints) shows nothing.
            body=Markup(_BODY if _COMMENTS.sub("", body).strip() else ""),
            **self.site.helpers(source),
            **context,
        )
        text = tidy(text)
        if self.site.stash is not None:
            text = stash_blocks(text, self.site.stash)
        # Hook (body_limits): a body past a bound, or one the build could not
        # render (plain_bodies), is shown as preformatted text instead.
        if body.strip() and (source in self.site.plain_bodies or not body_fits(body)):
            shown = plain_body(body.strip("\n"))
            if self.site.stash is not None:
                shown = self.site.stash(shown)
            return text.replace(_BODY, shown, 1)
        return text.replace(_BODY, demote_headings(body.strip("\n")), 1)


_BODY = "\x00body\x00"
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


def plain_body(body: str) -> str:
    """A body Markdown cannot render in time (see ``reader/body_limits``), as an
    HTML block: a line saying why, and the text as written, escaped, preformatted."""
    return (
        '<p class="ikb-plain-body"><em>This text is shown as written: it is too deeply '
        "nested or has too many open brackets, tags or marks to be formatted "
        "(the build's warning for this note says what to change).</em></p>\n"
        f'<pre class="ikb-plain-body"><code>{html_escape(body)}</code></pre>'
    )


def link_if_url(text: str | None) -> str | None:
    """A meeting link given as a location becomes a link."""
    if text and text.lower().startswith(("http://", "https://")) and " " not in text:
        return external_href(text)
    return None


def tidy(text: str) -> str:
    """Collapse the blank lines that template conditionals leave behind."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() and lines and not lines[-1].strip():
            continue
        lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip("\n") + "\n"
