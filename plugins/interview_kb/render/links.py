"""Links between notes as Obsidian, VS Code and vim users write them.

Wikilinks (``[[jane-doe]]``, ``[[Jane Doe|Jane]]``, ``![[photo.png]]``) and
relative Markdown links to other note files are rewritten into links to the
generated pages; code spans and fenced code are left alone. The same pass
collects backlinks: which notes mention which page, with the sentence around
the mention.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..core.model import Notebook, Options, Problem
from ..core.paths import contact_page, interview_page
from ..core.people import People, name_key
from ..core.suggest import Nearest
from .markup import escape_line, href

ATTACHMENTS_DIR = "attachments"  # Obsidian's usual folder for pasted images
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A code span opens and closes with runs of the same number of backticks,
# each run taken whole: a long run of backticks is tried once, not once for
# each of its lengths (which took minutes on a line of 20,000 backticks).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]|#\n]+)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\]")
# A link's text holds no "[": each "[" is tried up to the next one, not to
# the end of its line (a line of 20,000 "[" took seconds).
_MD_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\((<[^>\n]+>|[^)\s]+)(\s+\"[^\"\n]*\")?\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Mention:
    """A note that mentions a page: where from, and the words around it."""

    source: str  # the mentioning page's source path
    label: str  # how to name the mentioning page
    context: str  # the sentence around the mention (plain text)


@dataclass
class Links:
    """What link resolution found: problems and backlinks by target page."""

    problems: list[Problem] = field(default_factory=list)
    backlinks: dict[str, list[Mention]] = field(default_factory=dict)
    # Every (target, mention) recorded: a page mentioned by thousands of
    # notes must not search its list for each new one.
    _seen: set[tuple[str, Mention]] = field(default_factory=set, repr=False, compare=False)

    def mention(self, target: str, mention: Mention) -> None:
        """Record that ``mention.source`` mentions ``target`` (once per sentence)."""
        found = self.backlinks.setdefault(target, [])
        if target != mention.source and (target, mention) not in self._seen:
            self._seen.add((target, mention))
            found.append(mention)


# The pages the notebook generates besides one per note (see pages.render_pages).
VIEW_PAGES = frozenset(
    ("index.md", "contacts.md", "interviews.md", "questions.md", "timeline.md",
     "follow-ups.md", "reflections.md", "network.md")
)  # fmt: skip


@dataclass(frozen=True)
class DocsFolder:
    """The hand-written pages: their folder, relative to the notebook's
    root (``docs``), and their paths inside it (``plan.md``)."""

    folder: str
    pages: frozenset[str]


class Resolver:
    """Finds the page a wikilink or a note link means."""

    def __init__(
        self,
        notebook: Notebook,
        images: dict[str, str] | None = None,
        docs: DocsFolder | None = None,
    ) -> None:
        self.notebook = notebook
        self.docs = docs
        self.pages: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        for slug, contact in notebook.contacts.items():
            self.pages.setdefault(slug.casefold(), contact_page(slug))
            self.labels[contact_page(slug)] = contact.name
        for slug, interview in notebook.interviews.items():
            self.pages.setdefault(slug.casefold(), interview_page(slug))
            person = notebook.contacts.get(interview.contact)
            name = person.name if person else interview.contact
            self.labels[interview_page(slug)] = f"{name}, {interview.date.isoformat()}"
        self.people = People.of(notebook.contacts)
        # Names and aliases (``name_key``) to the page of the contact they mean.
        self.names = {key: contact_page(slug) for key, slug in self.people.names.items()}
        # Note files (as written in the notebook) to their pages.
        self.files: dict[str, str] = {c.path: contact_page(s) for s, c in notebook.contacts.items()}
        self.files.update({i.path: interview_page(s) for s, i in notebook.interviews.items()})
        self.images = images or {}  # file name (folded) -> site path
        # Names a contact's field links to ("[[Acme Robotics]]" as its
        # organization): a wikilink to one with no note is that text, not a mistake.
        self.named_in_fields = {
            name_key(target) for c in notebook.contacts.values() for _, target in c.links
        }
        self._nearest: Nearest | None = None
        self._suggested: dict[str, str | None] = {}

    def page(self, target: str) -> str | None:
        """The page named by a wikilink target: by slug, then name, then alias."""
        key = name_key(target)
        return self.pages.get(key) or self.names.get(key)

    def suggestion(self, target: str) -> str | None:
        """The nearest slug, name or alias to an unresolved target."""
        if target not in self._suggested:
            if self._nearest is None:  # made for the first unresolved link only
                self._nearest = Nearest([*self.pages, *self.names])
            limit = max(2, len(target) // 4)
            self._suggested[target] = self._nearest(target.casefold(), limit)
        return self._suggested[target]

    def note_file(self, source_file: str, target: str) -> str | None:
        """The page of a relative Markdown link from note ``source_file`` to a
        note file, or to a page in the docs folder written as the file sits
        on disk (``../docs/plan.md``)."""
        path = unquote(target.strip("<>")).split("#", 1)[0]
        if not path.endswith(".md") or "://" in path or path.startswith("/"):
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source_file), path))
        if joined in self.files:
            return self.files[joined]
        if self.docs is not None and joined.startswith(self.docs.folder + "/"):
            inside = joined[len(self.docs.folder) + 1 :]
            if inside in self.docs.pages:
                return inside
        return None

    def broken(self, page: str, target: str) -> bool:
        """Whether a relative ``.md`` link that is not to a note file leads to
        no page at all, read as MkDocs reads it (from ``page``). Only known
        when the docs folder is known."""
        path = unquote(target.strip("<>")).split("#", 1)[0]
        if self.docs is None or not path.endswith(".md") or "://" in path:
            return False
        if path.startswith("/"):
            return False
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        known = self.docs.pages | VIEW_PAGES | set(self.files.values())
        return joined not in known


def relative_link(source: str, target: str) -> str:
    """A relative link between two source paths of the site.

    ``posixpath.relpath`` asks the file system for the working folder on
    every call; pages are linked tens of thousands of times in a big notebook.
    """
    folder = source.rpartition("/")[0]
    if folder and target.startswith(folder + "/"):
        return target[len(folder) + 1 :]
    return "../" * (folder.count("/") + 1 if folder else 0) + target


def lines_with_code(text: str) -> Iterator[tuple[int, str, bool]]:
    """Each line of ``text`` with its number and whether it is inside fenced code."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            yield number, line, True
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def _sentence(line: str, start: int, end: int) -> str:
    """The sentence of ``line`` around ``line[start:end]``, as plain text."""
    before = _SENTENCE_END.split(line[:start])[-1]
    after = _SENTENCE_END.split(line[end:], maxsplit=1)[0]
    text = _WIKILINK.sub(lambda m: m.group(4) or m.group(2), before + line[start:end] + after)
    text = _MD_LINK.sub(lambda m: m.group(2), text).replace("**", "")
    return " ".join(text.split()).strip(" -*>#")[:240]


def rewrite_body(
    body: str,
    page: str,
    note_path: str,
    body_line: int,
    resolver: Resolver,
    links: Links,
) -> str:
    """The note's body with wikilinks and note links pointing to the generated pages.

    ``page`` is the page the body is shown on; ``note_path`` the note's file
    (relative links are resolved from it); ``body_line`` the file line where
    the body starts, for problems. Unresolved wikilinks stay as readable text
    and are reported as warnings.
    """
    if "[[" not in body and ".md" not in body:
        return body  # no link to rewrite: most notes
    label = resolver.labels.get(page, page)
    out: list[str] = []
    for number, line, in_code in lines_with_code(body):
        if in_code or ("[[" not in line and ".md" not in line):
            out.append(line)
            continue
        pieces = _split_code_spans(line)
        rewritten = []

        def wikilink(match: re.Match[str], n: int = number, src: str = line) -> str:
            return _wikilink(match, page, note_path, body_line + n, src, resolver, links, label)

        def note_link(match: re.Match[str], n: int = number, src: str = line) -> str:
            return _note_link(match, page, note_path, body_line + n, src, resolver, links, label)

        for piece, is_code in pieces:
            if not is_code:
                # Note links first: the wikilinks' output must not be read again.
                piece = _WIKILINK.sub(wikilink, _MD_LINK.sub(note_link, piece))
            rewritten.append(piece)
        out.append("".join(rewritten))
    return "\n".join(out)


def _split_code_spans(line: str) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _CODE_SPAN.finditer(line):
        pieces.append((line[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    pieces.append((line[position:], False))
    return pieces


def _wikilink(
    match: re.Match[str],
    page: str,
    note_path: str,
    line: int,
    source_line: str,
    resolver: Resolver,
    links: Links,
    label: str,
) -> str:
    embed, target, heading, alias = match.groups()
    target = target.strip()
    if embed and target.lower().endswith(IMAGE_SUFFIXES):
        image = resolver.images.get(posixpath.basename(target).casefold())
        text = escape_line(alias or posixpath.splitext(posixpath.basename(target))[0])
        if image:
            return f"![{text}]({href(relative_link(page, image))})"
        links.problems.append(
            Problem(
                note_path,
                line,
                "warning",
                f"embedded image {target} not found; put it in attachments/ or beside the note",
            )
        )
        return text
    found = resolver.page(target)
    # As Obsidian does: a name or an alias shows as written ([[Sam Lee]] stays
    # "Sam Lee" though the note says Samuel Okafor); a file name shows the
    # note's title.
    by_slug = " ".join(target.split()).casefold() in resolver.pages
    shown = alias or (resolver.labels.get(found, target) if found and by_slug else target)
    if found is None and name_key(target) in resolver.named_in_fields:
        return escape_line(alias or target)
    if found is None:
        suggestion = resolver.suggestion(target)
        hint = f"; did you mean '{suggestion}'?" if suggestion else ""
        links.problems.append(
            Problem(note_path, line, "warning", f"wikilink [[{target}]] matches no note{hint}")
        )
        return escape_line(alias or target)
    anchor = ""
    if heading:
        anchor = "#" + re.sub(r"[^\w\- ]", "", heading[1:]).strip().lower().replace(" ", "-")
    start = source_line.find(match.group(0))
    context = _sentence(source_line, start, start + len(match.group(0)))
    links.mention(found, Mention(page, label, context))
    return f"[{escape_line(shown)}]({href(relative_link(page, found))}{anchor})"


def _note_link(
    match: re.Match[str],
    page: str,
    note_path: str,
    line: int,
    source_line: str,
    resolver: Resolver,
    links: Links,
    label: str,
) -> str:
    embed, text, target, title = match.groups()
    if embed:
        return match.group(0)
    found = resolver.note_file(note_path, target)
    if found is None:
        if resolver.broken(page, target):
            # MkDocs would warn without a line; say where, and keep the words.
            links.problems.append(
                Problem(
                    note_path,
                    line,
                    "warning",
                    f"link ({target}) leads to no note or page; from a note, write the "
                    "path from the note's file, such as ../docs/plan.md",
                )
            )
            return text
        return match.group(0)
    anchor = ""
    raw = unquote(target.strip("<>"))
    if "#" in raw:
        anchor = "#" + raw.split("#", 1)[1]
    start = source_line.find(match.group(0))
    context = _sentence(source_line, start, start + len(match.group(0)))
    links.mention(found, Mention(page, label, context))
    return f"[{text}]({href(relative_link(page, found))}{anchor}{title or ''})"


@dataclass(frozen=True)
class LinkedNotes:
    """Every note body with its links rewritten, and the backlinks found."""

    bodies: dict[str, str]
    backlinks: dict[str, list[Mention]]
    problems: list[Problem]
    # A contact's page to the pages its wikilinked fields lead to
    # ({"organization": "contacts/acme-robotics.md"}), where a note of that name exists.
    fields: dict[str, dict[str, str]] = field(default_factory=dict)


def link_notes(
    notebook: Notebook,
    images: dict[str, str] | None = None,
    docs: dict[str, str] | None = None,
    docs_folder: DocsFolder | None = None,
) -> LinkedNotes:
    """Rewrite the links of every note body and collect backlinks.

    Besides links in bodies, an interview mentions its contact, a contact
    the person who introduced them, and a referral the person referred.
    ``docs`` are hand-written pages the notebook's pages are made from
    (``{"index.md": text}`` for the home page): rewritten the same way.
    """
    resolver = Resolver(notebook, images, docs_folder)
    links = Links()
    bodies: dict[str, str] = {}
    fields: dict[str, dict[str, str]] = {}
    for source, text in sorted((docs or {}).items()):
        bodies[source] = rewrite_body(text, source, f"docs/{source}", 1, resolver, links)
    for slug, contact in notebook.contacts.items():
        page = contact_page(slug)
        bodies[page] = rewrite_body(
            contact.body, page, contact.path, contact.body_line, resolver, links
        )
        if contact.introduced_by and contact.introduced_by in notebook.contacts:
            links.mention(
                contact_page(contact.introduced_by),
                Mention(page, contact.name, f"{contact.name} was introduced by this person."),
            )
        for name, linked_name in contact.links:
            if (leads_to := resolver.page(linked_name)) is not None and leads_to != page:
                fields.setdefault(page, {})[name] = leads_to
    for slug, interview in notebook.interviews.items():
        page = interview_page(slug)
        label = resolver.labels[page]
        bodies[page] = rewrite_body(
            interview.body, page, interview.path, interview.body_line, resolver, links
        )
        if interview.contact in notebook.contacts:
            what = "Cancelled conversation" if interview.cancelled else "Conversation"
            links.mention(
                contact_page(interview.contact),
                Mention(page, label, f"{what} on {interview.date.isoformat()}."),
            )
        for referral in interview.referrals:
            target = (
                contact_page(referral.contact)
                if referral.contact and referral.contact in notebook.contacts
                else resolver.names.get(name_key(referral.name or ""))
            )
            if target:
                note = f": {referral.note}" if referral.note else "."
                links.mention(target, Mention(page, label, f"Referred in this conversation{note}"))
    for found in links.backlinks.values():
        found.sort(key=lambda m: (m.source, m.context))
    return LinkedNotes(bodies, links.backlinks, links.problems, fields)


def link_problems(
    root: Path,
    notebook: Notebook,
    options: Options,
    home: str | None = None,
    docs_folder: DocsFolder | None = None,
) -> tuple[Problem, ...]:
    """The problems with links that a build of the notebook reports (broken
    wikilinks, links to notes or images that are not there), found the way
    the plugin finds them, without building: for ``interview-kb check``.
    ``home`` is the text of ``docs/index.md``, whose links the build checks too."""
    if options.publish != "notebook":
        return ()
    index = image_index(notebook_attachments(root, options))
    pages = {"index.md": home} if home is not None else None
    return tuple(link_notes(notebook, index, pages, docs_folder).problems)


def notebook_attachments(root: Path, options: Options) -> dict[str, Path]:
    """The images kept beside the notes (see ``find_attachments``): in the note
    folders and in ``attachments/``."""
    folders = (options.contacts_dir, options.interviews_dir, ATTACHMENTS_DIR)
    return find_attachments(root, folders)


def docs_folder(root: Path, docs_dir: Path) -> DocsFolder | None:
    """The docs folder of a notebook, when it is inside the notebook's root."""
    try:
        folder = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    pages = frozenset(
        p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.is_file()
    )
    return DocsFolder(folder, pages)


def find_attachments(root: Path, folders: tuple[str, ...]) -> dict[str, Path]:
    """Images kept beside the notes: ``{site path: file}``.

    Images in the note folders keep their place (``contacts/photo.png``);
    images of an attachments folder (Obsidian's) keep theirs too. Hidden
    folders (``.obsidian``) and names starting with ``_`` are skipped, and so
    is anything that resolves outside the notebook (a symlink elsewhere).
    """
    found: dict[str, Path] = {}
    top = root.resolve()
    for folder in folders:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith((".", "_")) for part in relative.parts):
                continue
            if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
                continue
            if not path.resolve().is_relative_to(top):
                continue
            found[relative.as_posix()] = path
    return found


def image_index(site_paths: Iterable[str]) -> dict[str, str]:
    """File name (case folded) to site path, for ``![[photo.png]]`` embeds."""
    index: dict[str, str] = {}
    for site_path in sorted(site_paths):
        index.setdefault(posixpath.basename(site_path).casefold(), site_path)
    return index


def strip_wikilinks(text: str) -> str:
    """Wikilinks as plain text (their label), for a site without note pages."""
    out = []
    for _, line, in_code in lines_with_code(text):
        if in_code or "[[" not in line:
            out.append(line)
            continue
        out.append(
            "".join(
                piece
                if is_code
                else _WIKILINK.sub(lambda m: escape_line(m.group(4) or m.group(2)), piece)
                for piece, is_code in _split_code_spans(line)
            )
        )
    return "\n".join(out)


_HEADING = re.compile(r"^(#{1,5})(\s)")
_ANY_HEADING = re.compile(r"^#{1,5}\s", re.MULTILINE)


def demote_headings(text: str) -> str:
    """Every ATX heading one level down (``#`` to ``##``), code left alone.

    A note's body is shown under the page's "Notes" heading, below the
    page's own title: its ``# Title`` must not compete with them.
    """
    if not _ANY_HEADING.search(text):
        return text
    return "\n".join(
        line if in_code else _HEADING.sub(r"#\1\2", line)
        for _, line, in_code in lines_with_code(text)
    )
