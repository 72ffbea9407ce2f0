"""Render the notebook's pages as Markdown, from Jinja2 templates.

``render_pages`` is a pure function of the notebook, ``today`` and the
options: it returns ``{path of the page's Markdown source: text}``, which the
MkDocs plugin adds as generated files and ``interview-kb generate`` writes out.
Every value from a note goes through ``markup.html_finalize`` (or the ``md``
filter, in a Markdown heading) on its way in.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

import jinja2
import yaml

from .body_limits import body_fits
from .calendar_export import to_ics
from .charts import category_figure
from .dashboard import compose_home, render_dashboard
from .dates import Calendar
from .drafts import draft, first_name, in_draft_window
from .followups import KINDS, Item, calendar_for, contact_status, due_items, last_interaction
from .links import LinkedNotes, demote_headings, image_index, link_notes
from .markup import (
    Markdown,
    anchor,
    escape_line,
    external_href,
    html_escape,
    html_finalize,
    html_line,
    html_paragraphs,
    html_text,
    mailto,
)
from .model import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    Contact,
    Interview,
    Notebook,
    Options,
    interview_order,
)
from .public import PrivateValue, PublicGuide, public_guide
from .urls import relative_url

if TYPE_CHECKING:
    from .network import PeopleIndex


def contact_page(slug: str) -> str:
    """Source path of a contact's page."""
    return f"contacts/{slug}.md"


def interview_page(slug: str) -> str:
    """Source path of an interview's page."""
    return f"interviews/{slug}.md"


class HtmlStash:
    """Raw HTML blocks taken out of the generated Markdown, to be put back in its HTML.

    Before Python-Markdown converts a page, MkDocs parses all of its raw
    HTML once (looking for anchors) and Python-Markdown once more (to find
    where each block ends); on the generated pages, which are mostly HTML,
    that was a third of a big notebook's build. With a stash, each HTML block
    of a generated page becomes a one-word paragraph (the stash's prefix and
    a number); ``restore`` swaps the block back into the converted HTML. The
    prefix carries a random part, so that no note can spell a key. The
    user's own Markdown (a note's body, the home page's text) is never
    stashed.
    """

    def __init__(self) -> None:
        self.prefix = f"ikbhtml{secrets.token_hex(6)}x"
        self.blocks: dict[str, str] = {}
        self.charts: dict[str, str] = {}
        # Keys are numbered on from every key given, not from the blocks held:
        # ``restore`` takes blocks out, and a page rendered again later (see
        # the plugin's on_pre_page) must not reuse a key still waiting.
        self._given = 0
        self._key = re.compile(rf"<p>({re.escape(self.prefix)}\d+)</p>")
        self._chart_key = re.compile(rf"<!--{re.escape(self.prefix)}svg\d+-->")

    def stash(self, html: str) -> str:
        """The key that stands for ``html`` in the Markdown."""
        key = f"{self.prefix}{self._given}"
        self._given += 1
        self.blocks[key] = html
        return key

    def restore(self, html: str) -> str:
        """``html`` with every key's paragraph replaced by its block (each used once)."""
        if self.prefix not in html:
            return html
        return self._key.sub(lambda m: self.blocks.pop(m.group(1), m.group(0)), html)

    def hide_charts(self, html: str) -> str:
        """``html`` with each chart's ``<svg>`` (which search skips, being marked
        ``data-search-exclude``) left out until ``show_charts``, so that the search
        index's parser does not read its hundred tags only to skip them."""
        if "data-search-exclude" not in html:
            return html

        def hide(match: re.Match[str]) -> str:
            key = f"<!--{self.prefix}svg{len(self.charts)}-->"
            self.charts[key] = match.group(0)
            return key

        return _CHART.sub(hide, html)

    def show_charts(self, html: str) -> str:
        """``html`` with the charts ``hide_charts`` left out back in place."""
        if self.prefix + "svg" not in html:
            return html
        return self._chart_key.sub(lambda m: self.charts.pop(m.group(0), m.group(0)), html)


# A chart as charts.py draws it: one <svg> element, marked to be skipped by search.
_CHART = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg"[^>]* data-search-exclude=""[^>]*>.*?</svg>', re.DOTALL
)


def _stash_blocks(text: str, stash: HtmlStash) -> str:
    """``text`` with each block (lines between blank lines) that starts with a
    tag replaced by its key. The templates start a line with ``<`` only to
    open an HTML block; a value never can (it is escaped)."""
    chunks = text.split("\n\n")
    for number, chunk in enumerate(chunks):
        if chunk.startswith("<"):
            tail = "\n" if chunk.endswith("\n") else ""
            chunks[number] = stash.stash(chunk) + tail
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
    stash: HtmlStash | None = None
    # Pages whose note body is shown as plain text whatever its shape: the
    # plugin asks for them when Markdown failed on a page (a last resort).
    plain_bodies: frozenset[str] = frozenset()

    @cached_property
    def linked(self) -> LinkedNotes:
        """Note bodies (and the home page) with their links rewritten, and the backlinks."""
        if self.given_links is not None:
            return self.given_links
        docs = {"index.md": self.home} if self.home is not None else None
        return link_notes(self.notebook, image_index(self.images), docs)

    @cached_property
    def calendar(self) -> Calendar:
        """Business days of the options' holidays."""
        return calendar_for(self.options)

    @cached_property
    def items(self) -> list[Item]:
        """Every follow-up item, in order."""
        return due_items(self.notebook, self.today, self.options, self.calendar)

    @cached_property
    def items_by_contact(self) -> dict[str, list[Item]]:
        """The follow-up items of each contact, in order."""
        grouped: dict[str, list[Item]] = {}
        for item in self.items:
            grouped.setdefault(item.contact, []).append(item)
        return grouped

    @cached_property
    def people(self) -> PeopleIndex:
        """Contacts by slug, name and alias: where a referral by name points."""
        from .network import PeopleIndex  # network imports this module

        return PeopleIndex(self.notebook)

    def status(self, contact: Contact) -> str:
        """The contact's status (see NOTE-FORMAT's ladder)."""
        return contact_status(self.notebook, contact, self.today, self.options, self.calendar)

    def relative(self, source: str, target: str, fragment: str = "") -> str:
        """The URL of the page ``target`` from the page ``source`` (both source paths)."""
        return relative_url(source, target, self.directory_urls, fragment)

    def helpers(self, source: str) -> dict[str, Callable[..., Markdown]]:
        """Link helpers bound to the page being rendered: HTML links with final URLs."""

        def contact_link(slug: str, text: str | None = None) -> Markdown:
            contact = self.notebook.contacts.get(slug)
            if contact is None:
                return Markdown(html_line(text or slug))
            return anchor(text or contact.name, self.relative(source, contact_page(slug)))

        def interview_link(slug: str, text: str | None = None) -> Markdown:
            interview = self.notebook.interviews.get(slug)
            if interview is None:
                return Markdown(html_line(text or slug))
            label = text or interview_label(interview)
            return anchor(label, self.relative(source, interview_page(slug)))

        def relative(target: str, fragment: str = "") -> Markdown:
            return Markdown(html_escape(self.relative(source, target, fragment)))

        return {
            "contact_link": contact_link,
            "interview_link": interview_link,
            "relative": relative,
        }


KIND_LABELS = {
    "thank-you": "Thank-you",
    "reflection": "Reflection",
    "follow-up": "Follow-up",
    "try-another": "Try another person",
    "move-on": "Move on",
    "promised": "Promised",
    "reconnect": "Reconnect",
    "referral": "Referral",
    "prepare": "Prepare",
}
assert set(KIND_LABELS) == set(KINDS)

SECTIONS = (
    ("Overdue", "Nothing is overdue."),
    ("Due today", "Nothing is due today."),
    ("Next 7 days", "Nothing falls due in the next seven days."),
    ("Later", "Nothing further ahead."),
    ("Moved on", "Nobody to let go of: every request is still within its time."),
)


LATER_SHOWN = 30  # the follow-ups page lists this many "Later" items, then a count


def long_date(day: date) -> str:
    """``Friday 20 November 2026``, in English whatever the locale."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def section_of(item: Item) -> str:
    """The follow-ups page's section for an item."""
    if item.kind == "move-on":
        return "Moved on"
    if item.days_overdue > 0:
        return "Overdue"
    if item.days_overdue == 0:
        return "Due today"
    return "Next 7 days" if item.days_overdue >= -7 else "Later"


def when(days_overdue: int) -> str:
    """``3 days overdue``, ``due today``, ``in 4 days``."""
    if days_overdue == 0:
        return "due today"
    days = abs(days_overdue)
    unit = "day" if days == 1 else "days"
    return f"{days} {unit} overdue" if days_overdue > 0 else f"in {days} {unit}"


def interview_label(interview: Interview) -> str:
    """``2026-11-03 14:30``: an interview's date and time of day, if known."""
    when = interview.date.isoformat()
    return f"{when} {interview.time:%H:%M}" if interview.time else when


def interview_status(interview: Interview, today: date) -> str:
    """``cancelled``, ``done`` (held), ``today``, or ``scheduled`` (upcoming)."""
    if interview.cancelled:
        return "cancelled"
    if interview.date == today:
        return "today"
    return "done" if interview.date < today else "scheduled"


_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_meta(tags: tuple[str, ...], **extra: Any) -> Markdown:
    """The generated page's own front-matter (tags for Material, and more)."""
    meta: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if tags:
        # Material writes tag names into pages without escaping them.
        meta["tags"] = [html_text(tag) for tag in tags]
    if not meta:
        return Markdown("")
    dumped = yaml.dump(
        meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, default_flow_style=False
    )
    return Markdown(f"---\n{dumped}---\n")


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
    env.filters["line"] = lambda v: Markdown(html_line(v)) if v is not None else ""
    env.filters["block"] = lambda v: Markdown(html_paragraphs(v))
    env.filters["md"] = lambda v: Markdown(escape_line(v)) if v is not None else ""
    env.filters["raw"] = Markdown
    env.filters["raw_id"] = lambda v: Markdown(html_escape(v))
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
        tpl = self.env.get_template(template)
        text = tpl.render(
            today=self.site.today,
            # A body of HTML comments only (a new note's hints) shows nothing.
            body=Markdown(_BODY if _COMMENTS.sub("", body).strip() else ""),
            **self.site.helpers(source),
            **context,
        )
        text = _tidy(text)
        if self.site.stash is not None:
            text = _stash_blocks(text, self.site.stash)
        # Hook (body_limits): a body past a bound, or one the build could not
        # render (plain_bodies), is shown as preformatted text instead.
        if body.strip() and (source in self.site.plain_bodies or not body_fits(body)):
            shown = plain_body(body.strip("\n"))
            if self.site.stash is not None:
                shown = self.site.stash.stash(shown)
            return text.replace(_BODY, shown, 1)
        return text.replace(_BODY, demote_headings(body.strip("\n")), 1)

    def contact(self, contact: Contact, extra: dict[str, Any] | None = None) -> str:
        """The page of one contact."""
        from .timeline import render_contact_timeline  # timeline imports this module

        source = contact_page(contact.slug)
        reach: list[tuple[str, str, str | None]] = []
        if contact.email:
            reach.append(("Email", contact.email, mailto(contact.email)))
        if contact.phone:
            reach.append(("Phone", contact.phone, None))
        for label, url in (("LinkedIn", contact.linkedin), ("Website", contact.website)):
            if url:
                reach.append((label, url, external_href(url)))
        context: dict[str, Any] = {
            "contact": contact,
            # Material writes the title into <title> through ``striptags``,
            # which undoes Markdown's escaping: give it HTML-escaped text.
            "meta": page_meta(contact.tags, title=html_text(contact.name)),
            "interviews": self.site.notebook.interviews_of(contact.slug),
            "interest": " and ".join(
                {"role": "a role I want", "organization": "an organization I want"}[i]
                for i in contact.interest
            ),
            "reach": reach,
            "status": self.site.status(contact),
            "open_items": [
                self.item_view(item) for item in self.site.items_by_contact.get(contact.slug, [])
            ],
            "last_interaction": last_interaction(self.site.notebook, contact, self.site.today),
            "follow_ups_link": self.site.relative(source, "follow-ups.md"),
            "timeline": Markdown(render_contact_timeline(self, contact.slug)),
        }
        context.update(extra or {})
        context["backlinks"] = self.site.linked.backlinks.get(source, [])
        body = self.site.linked.bodies.get(source, contact.body)
        return self.render("contact.md.j2", source, body=body, **context)

    def interview(self, interview: Interview) -> str:
        """The page of one interview."""
        from .bank import suggested_questions  # bank imports this module

        notebook = self.site.notebook
        contact = notebook.contacts.get(interview.contact)
        name = contact.name if contact else interview.contact
        questions = []
        for asked in interview.questions:
            bank = notebook.bank_question(asked)
            questions.append(
                {
                    "text": asked.text or (bank.text if bank else asked.id),
                    "id": bank.id if bank else None,
                    "category": bank.category if bank else None,
                    "answer": asked.answer,
                }
            )
        resources = [
            (r.title, external_href(r.url) if r.url else None) for r in interview.resources
        ]
        return self.render(
            "interview.md.j2",
            interview_page(interview.slug),
            body=self.site.linked.bodies.get(interview_page(interview.slug), interview.body),
            backlinks=self.site.linked.backlinks.get(interview_page(interview.slug), []),
            interview=interview,
            contact=contact,
            meta=page_meta(
                contact.tags if contact else (),
                title=html_text(f"{name}, {interview_label(interview)}"),
            ),
            title=f"{name}, {interview_label(interview)}",
            when=interview_label(interview),
            status=interview_status(interview, self.site.today),
            held=interview.is_held(self.site.today),
            questions=questions,
            referrals=[(self.site.people.slug(r.contact, r.name), r) for r in interview.referrals],
            resources=resources,
            location_href=_link_if_url(interview.location),
            suggestions=(
                suggested_questions(
                    notebook, contact, self.site.today, prepared=interview.questions
                )
                if contact is not None and interview.is_upcoming(self.site.today)
                else []
            ),
        )

    def contacts_index(self) -> str:
        """The ``contacts/`` page: a table of every contact."""
        rows = []
        for contact in self.site.notebook.contacts.values():
            items = self.site.items_by_contact.get(contact.slug, [])
            rows.append(
                {
                    "contact": contact,
                    "status": self.site.status(contact),
                    "last": last_interaction(self.site.notebook, contact, self.site.today),
                    "next": items[0] if items else None,
                }
            )
        return self.render("contacts.md.j2", "contacts.md", rows=rows)

    def item_view(self, item: Item) -> dict[str, Any]:
        """What the pages show of one follow-up item."""
        contact = self.site.notebook.contacts.get(item.contact)
        message = draft(item, self.site.notebook) if in_draft_window(item) else None
        address = contact.email if contact else None
        return {
            "kind": item.kind,
            "label": KIND_LABELS[item.kind],
            "contact": item.contact,
            "interview": item.interview,
            "due": item.due,
            "when": when(item.days_overdue),
            "action": item.action,
            "draft": message,
            "first_name": first_name(contact) if contact else item.contact,
            "mailto": mailto(address, message.subject, message.body)
            if message and address
            else None,
        }

    def follow_ups(self) -> str:
        """The ``follow-ups/`` page: every item, grouped by when it is due."""
        groups: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in SECTIONS}
        later = 0
        for item in self.site.items:
            section = section_of(item)
            if section == "Later":
                later += 1
                if later > LATER_SHOWN:
                    continue
            groups[section].append(self.item_view(item))
        overdue = len(groups["Overdue"])
        today = len(groups["Due today"])
        summary = (
            f"{overdue} overdue, {today} due today, "
            f"{len(groups['Next 7 days'])} in the next 7 days."
        )
        return self.render(
            "follow-ups.md.j2",
            "follow-ups.md",
            computed_for=long_date(self.site.today),
            summary=summary,
            sections=[(name, groups[name], empty) for name, empty in SECTIONS],
            later_hidden=max(0, later - LATER_SHOWN),
        )

    def interviews_index(self) -> str:
        """The ``interviews/`` page: upcoming first, then held, newest first."""
        today = self.site.today
        every = sorted(self.site.notebook.interviews.values(), key=interview_order)
        upcoming = [i for i in every if i.is_upcoming(today) and i.date > today]
        held = [i for i in reversed(every) if i.is_held(today)]
        cancelled = [i for i in reversed(every) if i.cancelled]
        return self.render(
            "interviews.md.j2",
            "interviews.md",
            upcoming=upcoming,
            held=held,
            cancelled=cancelled,
            contacts=self.site.notebook.contacts,
            label=interview_label,
            status=lambda i: interview_status(i, today),
        )


_BODY = "\x00body\x00"
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


def plain_body(body: str) -> str:
    """A body Markdown cannot render in time (see ``body_limits``), as an HTML
    block: a line saying why, and the text as written, escaped, preformatted."""
    return (
        '<p class="ikb-plain-body"><em>This text is shown as written: it is too deeply '
        "nested or has too many open brackets, tags or marks to be formatted "
        "(the build's warning for this note says what to change).</em></p>\n"
        f'<pre class="ikb-plain-body"><code>{html_escape(body)}</code></pre>'
    )


def _link_if_url(text: str | None) -> str | None:
    """A meeting link given as a location becomes a link."""
    if text and text.lower().startswith(("http://", "https://")) and " " not in text:
        return external_href(text)
    return None


def _tidy(text: str) -> str:
    """Collapse the blank lines that template conditionals leave behind."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() and lines and not lines[-1].strip():
            continue
        lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip("\n") + "\n"


# Pages that gather what the note pages already say: kept out of the search
# index, where they would only repeat each result (and double its size).
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


GUIDE_HOME_PAGE = "index.md"


def render_guide(guide: PublicGuide) -> dict[str, str | bytes]:
    """The published guide's generated pages, from the public view alone.

    The templates get the ``PublicGuide`` and nothing else: no notebook, no
    link helpers that could reach one.
    """
    if not isinstance(guide, PublicGuide):
        raise PrivateValue(
            f"the guide is rendered from a PublicGuide, not a {type(guide).__name__}"
        )
    categories: dict[str, list[Any]] = {}
    for question in guide.questions:
        categories.setdefault(question.category, []).append(question)
    counts = guide.asked_by_category
    chart = category_figure(counts) if any(c.asked for c in counts) else None
    text = (
        environment()
        .get_template("guide-questions.md.j2")
        .render(guide=guide, categories=list(categories.items()), chart=chart)
    )
    # The guide's home when the docs have none of their own (options.guide_home):
    # never the notebook's docs/index.md, which the plugin leaves out of the guide.
    home = environment().get_template("guide-home.md.j2").render(guide=guide)
    return {"questions.md": _tidy(text), GUIDE_HOME_PAGE: _tidy(home)}


def render_pages(
    notebook: Notebook,
    today: date,
    options: Options,
    shared: Sequence[Notebook] = (),
    home: str | None = None,
    images: Sequence[str] = (),
    linked: LinkedNotes | None = None,
    directory_urls: bool | None = True,
    stash: HtmlStash | None = None,
    plain_bodies: frozenset[str] = frozenset(),
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
    blocks out of their Markdown (see ``HtmlStash``); ``plain_bodies`` pages
    whose note body (or the home page's own text) is shown as plain text.
    """
    if options.publish == "guide":
        guide = public_guide([notebook, *shared], today, group=bool(options.shared_from))
        return render_guide(guide)
    # The analysis pages' modules import this one for Renderer.
    from .bank import render_questions
    from .network import render_network
    from .reflections import render_reflections
    from .timeline import render_timeline

    site = Site(
        notebook, today, options, tuple(images), linked, home, directory_urls, stash, plain_bodies
    )
    renderer = Renderer(site)
    pages: dict[str, str | bytes] = {
        "contacts.md": renderer.contacts_index(),
        "interviews.md": renderer.interviews_index(),
        "follow-ups.md": NOT_SEARCHED + renderer.follow_ups(),
        "questions.md": render_questions(renderer),
        "timeline.md": NOT_SEARCHED + render_timeline(renderer),
        "reflections.md": NOT_SEARCHED + render_reflections(renderer),
        "network.md": render_network(renderer),
    }
    for contact in notebook.contacts.values():
        pages[contact_page(contact.slug)] = renderer.contact(contact)
    for interview in notebook.interviews.values():
        pages[interview_page(interview.slug)] = renderer.interview(interview)
    pages["follow-ups.ics"] = to_ics(site.items, notebook, today)
    own = site.linked.bodies.get("index.md", home) if home is not None else None
    # Hook (body_limits): the home page's own text, past a bound, as plain text.
    if own is not None and own.strip() and ("index.md" in plain_bodies or not body_fits(own)):
        own = plain_body(own.strip("\n"))
    pages["index.md"] = compose_home(own, render_dashboard(renderer))
    return pages


__all__ = ["render_pages"]
