"""Copies of people notes from another tool (an Obsidian vault's ``People``
folder) in the notebook's own format: `interview-kb import obsidian`.

The folder is read as a contacts folder is (``reader.notes.read_people``:
names from titles, the keys of core/obsidian.py, index notes skipped); each
person becomes a note with this format's keys, followed by the keys the
tool does not know, copied line for line, and the note's body as written.
Nothing here reads or writes a file: the command hands in the folder's
bytes and writes the new notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from ..core.model import Contact, Notebook
from ..core.people import People
from ..core.slugs import slug_of
from ..reader import notes
from .errors import AuthoringError
from .reading import read_contact_note
from .slugs import free_slug
from .yaml_text import yaml_value

# This format's keys, in the order a new note writes them.
_TEXT_KEYS = (
    "name",
    "role",
    "organization",
    "email",
    "phone",
    "linkedin",
    "website",
    "location",
    "connection",
    "introduced_by",
    "greeting",
)


@dataclass(frozen=True)
class CopiedNote:
    """What the import does with one note of the folder: write ``text`` as
    ``slug``, or skip it (``skipped`` says why)."""

    source: str  # the note's path in the folder
    name: str | None = None
    organization: str | None = None
    slug: str | None = None
    text: str | None = None
    skipped: str | None = None


def _front_lines(raw: bytes) -> list[str]:
    """The lines of a note's front-matter (the first is the one after the
    opening ``---``), line endings dropped."""
    lines = raw.decode("utf-8-sig").splitlines()
    for number, line in enumerate(lines[1:], 1):
        if notes.FENCE.fullmatch(line):
            return lines[1:number]
    return lines[1:]


def _kept_keys(raw: bytes, path: str, keys: set[str]) -> list[str]:
    """The lines that write ``keys`` in the note's front-matter, as written
    (a key with its whole value, comments inside it included)."""
    if not keys:
        return []
    note = notes.Note(path)
    loaded = notes.load_front_matter(note, raw)
    if loaded is None:
        return []
    lines = _front_lines(raw)
    kept: list[str] = []
    for key_node, value_node in loaded[0].value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value in keys:
            end = value_node.end_mark.line + (1 if value_node.end_mark.column else 0)
            kept.extend(lines[key_node.start_mark.line : max(end, key_node.start_mark.line + 1)])
    return kept


def copied_text(contact: Contact, raw: bytes, introduced_by: str | None) -> str:
    """The note in this format: its known fields, then the keys this format
    does not know as written, then the body."""
    lines: list[str] = []
    values = {key: getattr(contact, key) for key in _TEXT_KEYS}
    values["introduced_by"] = introduced_by
    # A field written as a wikilink stays one: the page links it when a note
    # of that name exists, and the body's [[...]] to it are not mistakes.
    for key, target in contact.links:
        if key == "introduced_by":  # a slug now
            continue
        shown = values[key]
        values[key] = f"[[{target}]]" if shown == target else f"[[{target}|{shown}]]"
    for key in _TEXT_KEYS[:3]:
        if values[key]:
            lines.append(f"{key}: {yaml_value(values[key], flow=False)}")
    if contact.seniority and not contact.seniority_inferred:
        lines.append(f"seniority: {contact.seniority.value}")
    if contact.years_experience is not None:
        lines.append(f"years_experience: {yaml_value(contact.years_experience)}")
    if contact.warmth and not contact.warmth_inferred:
        lines.append(f"warmth: {contact.warmth.value}")
    if contact.interest:
        lines.append(f"interest: {yaml_value(tuple(contact.interest))}")
    for key in _TEXT_KEYS[3:]:
        if values[key]:
            lines.append(f"{key}: {yaml_value(values[key], flow=False)}")
    if contact.local is not None:
        lines.append(f"local: {yaml_value(contact.local)}")
    if contact.last_contact:
        lines.append(f"last_contact: {contact.last_contact.isoformat()}")
    for key in ("tags", "aliases"):
        if getattr(contact, key):
            lines.append(f"{key}: {yaml_value(getattr(contact, key))}")
    if contact.outreach:
        lines.append("outreach:")
        for event in contact.outreach:
            lines.append(f"  - date: {event.date.isoformat()}")
            lines.append(f"    kind: {event.kind.value}")
            if event.channel:
                lines.append(f"    channel: {event.channel.value}")
            if event.note:
                lines.append(f"    note: {yaml_value(event.note, flow=False)}")
    lines.extend(_kept_keys(raw, contact.path, {key for key, _ in contact.extra}))
    return "---\n" + "\n".join(lines) + "\n---\n" + contact.body


def plan_copies(
    people: Notebook,
    raw_of: Callable[[str], bytes],
    notebook: Notebook,
    taken: Iterable[str],
    contacts_dir: str = "contacts",
) -> list[CopiedNote]:
    """One planned copy per note of the folder ``people`` was read from
    (``read_people``). A person already in the notebook (same name or alias)
    is skipped, as are notes that are not people and notes with errors."""
    existing = People(notebook.contacts)
    used = {slug.casefold() for slug in taken}
    plans: list[CopiedNote] = []
    errors: dict[str, str] = {}
    for problem in people.errors:
        errors.setdefault(problem.path, str(problem))
    for notice in people.notices:
        if notice.message.startswith("not a person"):
            plans.append(CopiedNote(notice.path, skipped=f"{notice.path}: {notice.message}"))
    for path in sorted(errors):
        plans.append(CopiedNote(path, skipped=errors[path]))
    # The slug of each person's copy, first come first served (by slug).
    slugs: dict[str, str] = {}
    for slug, contact in people.contacts.items():
        if existing.named(contact.name) is None:
            slugs[slug] = free_slug(slug_of(contact.name) or slug, used)
            used.add(slugs[slug])
    for slug, contact in people.contacts.items():
        already = existing.named(contact.name)
        if already is not None:
            where = f"{contacts_dir}/{PurePosixPath(notebook.contacts[already].path).name}"
            plans.append(
                CopiedNote(
                    contact.path,
                    contact.name,
                    skipped=f"{contact.name}: the same name as {where}",
                )
            )
            continue
        introducer = contact.introduced_by
        if introducer is not None and introducer in slugs:
            introducer = slugs[introducer]
        elif introducer is not None and introducer in people.contacts:  # already here
            introducer = existing.named(people.contacts[introducer].name)
        target = f"{contacts_dir}/{slugs[slug]}.md"
        text = copied_text(contact, raw_of(contact.path), introducer)
        made, problems = read_contact_note(text.encode("utf-8"), target)
        if made is None or any(p.severity == "error" for p in problems):
            first = next((p for p in problems if p.severity == "error"), None)
            raise AuthoringError(
                f"the copy of {contact.path} would not read back cleanly ({first}); "
                "please report this, with the note"
            )
        plans.append(
            CopiedNote(contact.path, contact.name, contact.organization, slugs[slug], text)
        )
    plans.sort(key=lambda plan: plan.source)
    return plans
