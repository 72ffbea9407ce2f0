"""Contact notes from another tool's CSV export (LinkedIn's Connections.csv, or any CSV)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..core.model import (
    MONTH_NAMES,
    Notebook,
)
from ..core.people import People, name_key
from .errors import AuthoringError
from .new_notes import ContactDraft, render_contact
from .slugs import free_slug, normalize_url, slugify
from .texts import split_list


@dataclass(frozen=True)
class ImportRow:
    """One person read from a CSV file; ``line`` is where the row ends."""

    line: int
    name: str
    organization: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    location: str | None = None
    connection: str | None = None
    tags: tuple[str, ...] = ()


def decode_csv(raw: bytes, path: str) -> str:
    """A CSV file's text: UTF-8, with or without a byte-order mark."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw.count(b"\n", 0, problem.start) + 1
        raise AuthoringError(
            f"{path}:{line}: the file is not UTF-8 text; export it again as UTF-8 CSV"
        ) from None


_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)


def parse_connected_on(text: str) -> date | None:
    """LinkedIn's ``Connected On``: ``05 Nov 2024`` (also ``2024-11-05``), or None."""
    value = " ".join(text.replace(",", " ").split())
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    day_first = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})", value)
    month_first = re.fullmatch(r"([A-Za-z]{3,9})\.? (\d{1,2}) (\d{4})", value)
    if day_first:
        day, month, year = day_first[1], day_first[2], day_first[3]
    elif month_first:
        month, day, year = month_first[1], month_first[2], month_first[3]
    else:
        return None
    abbreviation = month[:3].casefold()
    if abbreviation not in _MONTHS:
        return None
    try:
        return date(int(year), _MONTHS.index(abbreviation) + 1, int(day))
    except ValueError:
        return None


def _cell(value: str) -> str | None:
    text = " ".join(value.split())
    return text or None


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as problem:
        raise AuthoringError(f"line {reader.line_num}: {problem}") from None


def _with_header(
    text: str, path: str, first: str, example: str
) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The header row (the first whose first cell is ``first``) and the rows after it."""
    rows = list(_rows(text))
    for index, (_, row) in enumerate(rows):
        cells = [c.strip().casefold() for c in row]
        if cells and cells[0] == first:
            header = {name: i for i, name in reversed(list(enumerate(cells))) if name}
            return header, rows[index + 1 :]
    raise AuthoringError(f"{path}: no header row starting with {example!r} was found")


def read_linkedin_csv(text: str, path: str) -> list[ImportRow]:
    """People from LinkedIn's ``Connections.csv`` export.

    The header row is the first that starts with ``First Name``, whatever
    lines precede it; ``URL``, ``Email Address``, ``Company``, ``Position``
    and ``Connected On`` are used when present. Rows of empty cells are left
    out; a row without a name comes back with an empty ``name``.
    """
    header, rows = _with_header(text, path, "first name", "First Name,Last Name,...")
    if "last name" not in header:
        raise AuthoringError(f"{path}: the header row has no 'Last Name' column")

    def get(row: list[str], column: str) -> str | None:
        index = header.get(column)
        return _cell(row[index]) if index is not None and index < len(row) else None

    people: list[ImportRow] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        name = " ".join(p for p in (get(row, "first name"), get(row, "last name")) if p)
        since_text = get(row, "connected on")
        since = parse_connected_on(since_text) if since_text else None
        people.append(
            ImportRow(
                line=line,
                name=name,
                organization=get(row, "company"),
                role=get(row, "position"),
                email=get(row, "email address"),
                linkedin=get(row, "url"),
                connection="LinkedIn connection" + (f" since {since.isoformat()}" if since else ""),
            )
        )
    return people


GENERIC_COLUMNS = (
    "name",
    "organization",
    "role",
    "email",
    "phone",
    "linkedin",
    "website",
    "location",
    "connection",
    "tags",
)


def read_generic_csv(text: str, path: str) -> tuple[list[ImportRow], list[str]]:
    """People from a plain CSV whose header row starts with ``name``.

    Columns are named as the contact keys (``GENERIC_COLUMNS``); ``tags`` are
    separated by commas or semicolons. Returns the people and the names of
    the columns that were not used.
    """
    header, rows = _with_header(text, path, "name", "name,organization,role,email")
    ignored = sorted(c for c in header if c not in GENERIC_COLUMNS)

    def get(row: list[str], column: str) -> str | None:
        index = header.get(column)
        return _cell(row[index]) if index is not None and index < len(row) else None

    people: list[ImportRow] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        tags = split_list(get(row, "tags") or "")
        values = {c: get(row, c) for c in GENERIC_COLUMNS if c not in ("name", "tags")}
        people.append(ImportRow(line=line, name=get(row, "name") or "", tags=tags, **values))
    return people, ignored


def row_matches(row: ImportRow, company: str | None, position: str | None) -> bool:
    """The ``--company`` / ``--position`` filters: case-insensitive substrings."""
    for wanted, value in ((company, row.organization), (position, row.role)):
        if wanted and wanted.casefold() not in (value or "").casefold():
            return False
    return True


@dataclass(frozen=True)
class PlannedNote:
    """What an import does with one row: write ``text`` to ``slug``, or skip it."""

    row: ImportRow
    slug: str | None = None
    text: str | None = None
    skipped: str | None = None


def plan_import(
    rows: Iterable[ImportRow],
    notebook: Notebook,
    taken: Iterable[str],
    tags: tuple[str, ...] = (),
    contacts_dir: str = "contacts",
) -> list[PlannedNote]:
    """One planned note per row; a person already in the notebook (same
    LinkedIn URL, or same name or alias) or earlier in the file is skipped."""
    names = dict(People(notebook.contacts).names)
    urls = {normalize_url(c.linkedin): slug for slug, c in notebook.contacts.items() if c.linkedin}
    used = set(taken)
    plans: list[PlannedNote] = []
    for row in rows:
        if not row.name:
            plans.append(PlannedNote(row, skipped=f"line {row.line} has no name"))
            continue
        existing = urls.get(normalize_url(row.linkedin)) if row.linkedin else None
        why = "the same LinkedIn URL"
        if existing is None:
            existing, why = names.get(name_key(row.name)), "the same name"
        if existing is not None:
            where = (
                f"{contacts_dir}/{existing}.md"
                if existing in notebook.contacts
                else f"line {existing} of this file"
            )
            plans.append(PlannedNote(row, skipped=f"{row.name}: {why} as {where}"))
            continue
        try:
            slug = free_slug(slugify(row.name), used)
        except AuthoringError as problem:
            plans.append(PlannedNote(row, skipped=f"{row.name} (line {row.line}): {problem}"))
            continue
        draft = ContactDraft(
            name=row.name,
            organization=row.organization,
            role=row.role,
            email=row.email,
            phone=row.phone,
            linkedin=row.linkedin,
            website=row.website,
            location=row.location,
            connection=row.connection,
            tags=tuple(dict.fromkeys((*row.tags, *tags))),
        )
        text = render_contact(draft, f"{contacts_dir}/{slug}.md")
        used.add(slug)
        names[name_key(row.name)] = str(row.line)
        if row.linkedin:
            urls[normalize_url(row.linkedin)] = str(row.line)
        plans.append(PlannedNote(row, slug=slug, text=text))
    return plans


def plan_rows(
    rows: list[ImportRow],
    company: str | None,
    position: str | None,
    tags: tuple[str, ...],
    notebook: Notebook,
    taken: set[str],
    contacts_dir: str,
) -> tuple[int, list[PlannedNote]]:
    """What an import would do: the number of rows ``--company`` and
    ``--position`` keep, and a plan for each of them, with the ``--tag`` tags."""
    chosen = [row for row in rows if row_matches(row, company, position)]
    extra_tags = tuple(dict.fromkeys(t for text in tags for t in split_list(text)))
    return len(chosen), plan_import(chosen, notebook, taken, extra_tags, contacts_dir)
