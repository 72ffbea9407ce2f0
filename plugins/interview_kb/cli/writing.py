"""The commands that write notes: init, new contact, new interview, log, thanked, import."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

import click

from ..authoring.errors import AuthoringError
from ..authoring.slugs import free_slug, interview_slug, is_slug, slugify
from ..authoring.texts import split_list
from ..core.dates import BadDate, parse_date
from ..core.model import (
    Notebook,
    OutreachEvent,
    Profile,
)
from ..core.people import People, name_key
from ..core.suggest import closest
from ..core.synonyms import CHANNEL_WORDS, KIND_WORDS, MODE_WORDS, OTHER_COMMANDS, fold, meaning
from ..core.vocab import Channel, Interest, Mode, OutreachKind, Seniority, Warmth, values
from ..core.wording import count_of
from .app import BadInput, Setup, config_option, failed, load_setup, main
from .files import replace_file, shown_path, write_new_file

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    from ..authoring.csv_import import ImportRow, PlannedNote
    from ..authoring.obsidian_import import CopiedNote


def _slugs_in(folder: Path) -> set[str]:
    """Every note name in a folder and its subfolders, case folded (the reader
    reads subfolders too, and some file systems ignore case)."""
    return {p.stem.casefold() for p in folder.rglob("*.md")} if folder.is_dir() else set()


E = TypeVar("E", bound=StrEnum)


def _choose(value: str, kind: type[E], what: str, words: dict[str, str] | None = None) -> E:
    """The value of the list ``kind`` that ``value`` names: itself, or an
    everyday word for it (``words``), which is stored as that value, saying so."""
    allowed = tuple(kind)
    folded = value.strip().casefold()
    if folded in allowed:
        return kind(folded)
    meant = meaning(value, words) if words else None
    if meant is not None:
        click.echo(f"{what} '{value.strip()}' is stored as '{meant}'")
        return kind(meant)
    suggestion = closest(folded, allowed)
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    raise BadInput(f"{what} '{value}' is not one of {', '.join(allowed)}{hint}")


def _day(setup: Setup, given: str | None, what: str = "--date") -> date:
    if given is None:
        return setup.today(None)
    try:
        return parse_date(given, what)
    except BadDate as problem:
        raise BadInput(str(problem)) from None


def _clean(text: str | None) -> str | None:
    value = " ".join(text.split()) if text is not None else ""
    return value or None


def _note_errors(notebook: Notebook, path: str) -> list[str]:
    return [str(p) for p in notebook.errors if p.path == path]


def _unreadable(setup: Setup, notebook: Notebook, folder: str, slug: str) -> None:
    """Refuse, naming the problem, when a note of that name exists but was left out."""
    base = setup.root / folder
    named = [p for p in base.rglob("*.md") if p.stem == slug] if base.is_dir() else []
    for candidate in sorted(named):
        errors = _note_errors(notebook, shown_path(candidate, setup.root))
        if errors:
            raise click.ClickException(
                f"{errors[0]}; the note is left as it is: fix it (interview-kb check lists "
                "every problem), then try again"
            )


def find_contact(setup: Setup, notebook: Notebook, text: str, what: str = "contact") -> str:
    """The slug of the contact named by ``text``: a slug, a name or an alias."""
    if text in notebook.contacts:
        return text
    by_name = People(notebook.contacts).named(text)
    if by_name:
        return by_name
    with contextlib.suppress(AuthoringError):
        if slugify(text) in notebook.contacts:  # "jose nunez" for jose-nunez
            return slugify(text)
    _unreadable(setup, notebook, setup.options.contacts_dir, text)
    folder = setup.options.contacts_dir
    raise BadInput(f"{what} '{text}' not found in {folder}/{_contact_hint(notebook, text)}")


def _contact_hint(notebook: Notebook, text: str) -> str:
    """ "; did you mean ...?" for a contact not found: the slug a few edits
    away, else the contacts whose name or alias holds every word typed
    ("maria" for Maria Lopez), at most three of them."""
    suggestion = closest(text, notebook.contacts, 3)
    if suggestion:
        return f"; did you mean '{suggestion}'?"
    words = text.replace("-", " ").casefold().split()
    if not words:
        return ""
    found = [
        contact
        for contact in notebook.contacts.values()
        if any(
            all(w in name.replace("-", " ").casefold().split() for w in words)
            for name in (contact.name, *contact.aliases)
        )
    ]
    if not found:
        return ""
    shown = " or ".join(f"'{c.slug}' ({c.name})" for c in found[:3])
    more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
    return f"; did you mean {shown}{more}?"


def _refuse_if_broken(notebook: Notebook, path: str) -> None:
    errors = _note_errors(notebook, path)
    if errors:
        raise click.ClickException(
            f"{errors[0]}; the note is left as it is: fix it, then try again"
        )


edit_option = click.option(
    "--edit",
    is_flag=True,
    help="Open the new note in your editor once it is written ($VISUAL, else $EDITOR).",
)


def choose_editor(environ: Mapping[str, str], windows: bool) -> str:
    """The editor to open a note in: $VISUAL, then $EDITOR, then the system's
    usual one (Notepad on Windows, nano where it is installed, else vi)."""
    for variable in ("VISUAL", "EDITOR"):
        if environ.get(variable, "").strip():
            return environ[variable].strip()
    if windows:
        return "notepad"
    return "nano" if shutil.which("nano") else "vi"


def open_in_editor(path: Path) -> None:
    editor = choose_editor(os.environ, sys.platform.startswith("win"))
    click.echo(f"Opening it in {editor} (set $VISUAL or $EDITOR to choose another editor)")
    click.edit(filename=str(path), editor=editor)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--add-missing",
    is_flag=True,
    help="In a folder that is not empty, add only the files it lacks; never change one.",
)
@click.option("--site-name", default="Interview notebook", show_default=True)
@click.option(
    "--config",
    "config_name",
    default="mkdocs.yml",
    show_default=True,
    help="Name of the configuration file to create in DIRECTORY.",
)
@click.option(
    "--ask/--no-ask",
    default=None,
    help="Ask for your profile (name, signature, ...) for profile.yml; by default only "
    "when run in a terminal. Without it the keys are written commented out.",
)
@click.option(
    "--group",
    "group_name",
    metavar="NAME",
    help="Start a group's guide repository instead: built from members' share bundles "
    "(interview-kb share), with CI; DIRECTORY defaults to NAME.",
)
@click.option(
    "--ci",
    type=click.Choice(["github", "gitlab", "both"]),
    default="both",
    show_default=True,
    help="With --group: the CI file(s) to write.",
)
def init(
    directory: Path | None,
    add_missing: bool,
    site_name: str,
    config_name: str,
    ask: bool | None,
    group_name: str | None,
    ci: str,
) -> None:
    """Start a new notebook in DIRECTORY (default: here).

    Writes mkdocs.yml, mkdocs.public.yml, contacts/, interviews/, questions.yml,
    profile.yml (you: it signs drafts) and the guide pages in docs/: ready for
    `interview-kb serve`. With --group NAME,
    a group's guide repository instead: mkdocs.yml (publish: guide, the
    members' bundles in members/), the guide pages, a README for the group,
    the lock as requirements.txt and a CI workflow that builds the guide on
    every push and publishes it to Pages from the main branch.
    """
    from ..authoring.starter import group_files, starter_files

    if group_name is not None:
        group = _clean(group_name)
        if group is None:
            raise BadInput("--group is empty; give the group's name")
        directory = directory or Path(re.sub(r"[^\w.-]+", "-", group).strip("-.") or "group")
    directory = directory or Path(".")
    if "/" in config_name or "\\" in config_name or not config_name.endswith((".yml", ".yaml")):
        raise BadInput(f"--config '{config_name}' should be a file name such as mkdocs.yml")
    if directory.exists() and not directory.is_dir():
        raise BadInput(f"{directory} is a file, not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not add_missing:
        raise click.ClickException(
            f"{directory} is not empty; choose a new folder, or add --add-missing to add "
            "only the files it lacks"
        )
    name = _clean(site_name)
    if name is None:
        raise BadInput("--site-name is empty")
    if group_name is not None:
        from .. import __version__

        chosen = ("github", "gitlab") if ci == "both" else (ci,)
        files = group_files(group_name.strip(), __version__, chosen)
    else:
        if ask is None:
            ask = sys.stdin.isatty() and sys.stdout.isatty()
        profile = _ask_profile() if ask and not (directory / "profile.yml").exists() else None
        files = starter_files(name, config_name, profile)
    kept = [path for path in files if (directory / path).exists()]
    for path, text in files.items():
        if path in kept:
            continue
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(target, text.encode("utf-8"))
    added = len(files) - len(kept)
    click.echo(f"Added {count_of(added, 'file')} to {directory}")
    if kept:
        click.echo(f"Kept {len(kept)} that were already there: {', '.join(kept)}")
    if group_name is not None:
        click.echo(
            "Next: push it to GitHub or GitLab; members add their bundles to members/ "
            "(README.md says how), and CI publishes the guide."
        )
        return
    click.echo(
        "Next: cd into the folder, run `interview-kb serve` to browse it, and add people with "
        '`interview-kb new contact "Jane Doe" --organization ...`'
    )


def _ask_profile() -> Profile | None:
    """The owner's profile, asked one line at a time; Enter skips a question."""
    click.echo("Your profile signs the messages the notebook drafts (Enter skips a question).")

    def answer(question: str) -> str | None:
        return _clean(click.prompt(question, default="", show_default=False))

    name = answer("Your name")
    values = {
        "name": name,
        "signature": None,
        "background": answer('Where you come from, after "I am" (a final-year biology student)'),
        "exploring": answer("What you are exploring (careers in health data)"),
        "introduction": answer("A sentence or two to introduce yourself"),
    }
    contact = answer("An e-mail address or link to sign with, under your name")
    if name and contact:
        values["signature"] = f"{name}\n{contact}"
    return Profile(**values) if any(values.values()) else None


@main.group()
def new() -> None:
    """Write a new note from a template."""


def _split_option(text: str | None) -> tuple[str, ...]:
    return split_list(text) if text else ()


@new.command("contact")
@click.argument("name")
@click.option("--organization", help="Employer.")
@click.option("--role", help="Job title.")
@click.option("--email")
@click.option("--phone")
@click.option("--linkedin", help="Profile URL.")
@click.option("--website")
@click.option("--location", help="City or region.")
@click.option("--connection", help='How you are connected ("same university").')
@click.option("--seniority", type=click.Choice(values(Seniority), case_sensitive=False))
@click.option("--years", type=click.FloatRange(0, 80), help="Total years in the industry.")
@click.option("--warmth", type=click.Choice(values(Warmth), case_sensitive=False))
@click.option(
    "--interest",
    type=click.Choice(values(Interest), case_sensitive=False),
    multiple=True,
    help="Why this person (repeat for both).",
)
@click.option("--tags", help="Tags, separated by commas.")
@click.option("--aliases", help="Other names, comma separated.")
@click.option("--introduced-by", help="The contact who introduced you (slug or name).")
@click.option("--slug", help="The note's file name, when NAME gives none (non-Latin script).")
@click.option(
    "--duplicate", is_flag=True, help="Another person of the same name: write a second note."
)
@edit_option
@config_option
def new_contact(
    name: str,
    organization: str | None,
    role: str | None,
    email: str | None,
    phone: str | None,
    linkedin: str | None,
    website: str | None,
    location: str | None,
    connection: str | None,
    seniority: str | None,
    years: float | None,
    warmth: str | None,
    interest: tuple[str, ...],
    tags: str | None,
    aliases: str | None,
    introduced_by: str | None,
    slug: str | None,
    duplicate: bool,
    edit: bool,
    config_file: str,
) -> None:
    """Write contacts/<slug>.md for NAME; the slug is made from the name."""
    from ..authoring.new_notes import ContactDraft, render_contact

    setup = load_setup(config_file)
    person = _clean(name)
    if person is None:
        raise BadInput("NAME is empty")
    notebook = setup.read()
    folder = setup.root / setup.options.contacts_dir
    other_names = _split_option(aliases)
    names = People(notebook.contacts).names
    same = next((names[k] for k in map(name_key, (person, *other_names)) if k in names), None)
    if same is not None and not duplicate:
        raise click.ClickException(
            f"{person} is already in the notebook: {notebook.contacts[same].path}. "
            "If this is another person of the same name, add --duplicate"
        )
    introducer = (
        find_contact(setup, notebook, introduced_by, "--introduced-by") if introduced_by else None
    )
    try:
        if slug is not None and not is_slug(slug):
            raise BadInput(f"--slug '{slug}' may hold only a-z, 0-9 and single dashes")
        base = slug or slugify(person)
    except AuthoringError as problem:
        raise BadInput(str(problem)) from None
    taken = _slugs_in(folder)
    if base in taken and not duplicate:
        existing = next(
            (c.path for c in notebook.contacts.values() if c.slug == base),
            f"{setup.options.contacts_dir}/{base}.md",
        )
        raise click.ClickException(
            f"{existing} already exists; if it is another person, add --duplicate "
            "(or choose a file name with --slug)"
        )
    chosen = free_slug(base, taken)
    draft = ContactDraft(
        name=person,
        role=_clean(role),
        organization=_clean(organization),
        seniority=seniority.casefold() if seniority else None,
        years_experience=years,
        warmth=warmth.casefold() if warmth else None,
        connection=_clean(connection),
        introduced_by=introducer,
        interest=tuple(dict.fromkeys(i.casefold() for i in interest)),
        email=_clean(email),
        phone=_clean(phone),
        linkedin=_clean(linkedin),
        website=_clean(website),
        location=_clean(location),
        tags=_split_option(tags),
        aliases=other_names,
    )
    path = folder / f"{chosen}.md"
    relative = f"{setup.options.contacts_dir}/{chosen}.md"
    try:
        text = render_contact(draft, relative)
    except AuthoringError as problem:
        raise failed(problem) from None
    folder.mkdir(parents=True, exist_ok=True)
    write_new_file(path, text.encode("utf-8"))
    click.echo(f"Created {relative}")
    if edit:
        open_in_editor(path)


def _clock(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        moment = time.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"--time '{text}' is not a time; write it as 14:30") from None
    return moment.replace(second=0, microsecond=0, tzinfo=None)


@new.command("interview")
@click.argument("contact")
@click.option("--date", "on", help="The day, as YYYY-MM-DD (required).")
@click.option("--time", "at", help="The time of day, as HH:MM (14:30).")
@click.option(
    "--mode",
    help=f"One of {', '.join(values(Mode))}; everyday words (zoom, call, coffee) are understood.",
)
@click.option(
    "--duplicate", is_flag=True, help="A second conversation with the same person on that day."
)
@click.option("--duration", type=click.IntRange(1, 24 * 60), help="Minutes agreed.")
@click.option("--location", help="Place or meeting link.")
@click.option(
    "--suggest",
    type=click.IntRange(0, 100),
    default=8,
    show_default=True,
    help="How many bank questions to suggest.",
)
@edit_option
@config_option
def new_interview(
    contact: str,
    on: str | None,
    at: str | None,
    mode: str | None,
    duration: int | None,
    location: str | None,
    duplicate: bool,
    suggest: int,
    edit: bool,
    config_file: str,
) -> None:
    """Write interviews/<date>-<contact>.md for a conversation with CONTACT."""
    from ..analysis.questions import suggested_questions
    from ..authoring.new_notes import InterviewDraft, render_interview

    if on is None:
        # A missing date used to mean today: an interview counted as held at
        # once, with a thank-you and a reflection due for a talk not yet had.
        raise BadInput(
            "--date is needed: the day of the conversation, as YYYY-MM-DD "
            "(for example --date 2027-01-15), with --time HH:MM if you know it"
        )
    setup = load_setup(config_file)
    chosen_mode = _choose(mode, Mode, "--mode", MODE_WORDS) if mode else None
    notebook = setup.read()
    slug = find_contact(setup, notebook, contact)
    person = notebook.contacts[slug]
    day = _day(setup, on)
    today = setup.today(None)
    same_day = [i for i in notebook.interviews_of(slug) if i.date == day]
    if same_day and not duplicate:
        raise click.ClickException(
            f"{same_day[0].path} is already a conversation with {person.name} on "
            f"{day.isoformat()}; to add a second one that day, add --duplicate"
        )
    folder = setup.root / setup.options.interviews_dir
    chosen = interview_slug(day, slug, _slugs_in(folder))
    prepared = [
        q for i in notebook.interviews_of(slug) if i.is_upcoming(today) for q in i.questions
    ]
    suggestions = suggested_questions(notebook, person, today, suggest, prepared=prepared)
    draft = InterviewDraft(
        contact=slug,
        date=day,
        time=_clock(at),
        mode=chosen_mode,
        duration=duration,
        location=_clean(location),
    )
    relative = f"{setup.options.interviews_dir}/{chosen}.md"
    try:
        text = render_interview(draft, suggestions, person.seniority, relative)
    except AuthoringError as problem:
        raise failed(problem) from None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chosen}.md"
    write_new_file(path, text.encode("utf-8"))
    click.echo(f"Created {relative}")
    if suggestions:
        who = f" for a {person.seniority} person" if person.seniority else ""
        click.echo(f"Suggested questions{who}, a mix of kinds (in the note, commented out):")
        width = max(len(q.id) for q in suggestions)
        for question in suggestions:
            click.echo(f"  {question.id:<{width}}  {question.text}")
    if edit:
        open_in_editor(path)


@main.command()
@click.argument("contact")
@click.argument("kind")
@click.option("--date", "on", help="When it happened, as YYYY-MM-DD; default today.")
@click.option("--channel", help=f"One of {', '.join(values(Channel))}.")
@click.option("--note", help="A few words on what was said.")
@config_option
def log(
    contact: str,
    kind: str,
    on: str | None,
    channel: str | None,
    note: str | None,
    config_file: str,
) -> None:
    """Add an outreach event to a contact's note.

    CONTACT is the note's name (jane-doe) or the person's name. KIND is one
    of request, follow-up, reply, declined, update, note, closed. The rest of
    the note is kept byte for byte.
    """
    from ..authoring.edits import add_outreach

    setup = load_setup(config_file)
    elsewhere = OTHER_COMMANDS.get(fold(kind))
    if elsewhere:
        raise BadInput(f"kind '{kind}' is not an outreach event: {elsewhere}")
    event_kind = _choose(kind, OutreachKind, "kind", KIND_WORDS)
    event_channel = _choose(channel, Channel, "--channel", CHANNEL_WORDS) if channel else None
    day = _day(setup, on)
    notebook = setup.read()
    person = notebook.contacts[find_contact(setup, notebook, contact)]
    _refuse_if_broken(notebook, person.path)
    path = setup.root / person.path
    raw = path.read_bytes()
    text = note.strip() if note else None
    event = OutreachEvent(date=day, kind=event_kind, channel=event_channel, note=text or None)
    try:
        changed = add_outreach(raw, event, person.path)
    except AuthoringError as problem:
        raise failed(problem) from None
    replace_file(path, raw, changed, person.path)
    via = f" by {event_channel}" if event_channel else ""
    click.echo(f"Logged {event_kind}{via} on {day.isoformat()} in {person.path}")


@main.command()
@click.argument("interview")
@click.option("--date", "on", help="When you sent it, as YYYY-MM-DD; default today.")
@config_option
def thanked(interview: str, on: str | None, config_file: str) -> None:
    """Record the thank-you sent after an interview.

    Sets thank_you in the note, keeping the rest byte for byte. INTERVIEW is
    the interview's note name, or a contact: their latest held interview.
    """
    from ..authoring.edits import set_thank_you

    setup = load_setup(config_file)
    day = _day(setup, on)
    notebook = setup.read()
    chosen = notebook.interviews.get(interview)
    if chosen is None:
        _unreadable(setup, notebook, setup.options.interviews_dir, interview)
        if interview in notebook.contacts or People(notebook.contacts).named(interview):
            slug = find_contact(setup, notebook, interview)
            today = setup.today(None)
            held = [i for i in notebook.interviews_of(slug) if i.is_held(today)]
            if not held:
                raise BadInput(f"{slug} has no interview held by {today.isoformat()}")
            chosen = held[-1]
        else:
            suggestion = closest(interview, notebook.interviews, 3)
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            raise BadInput(
                f"interview '{interview}' not found in {setup.options.interviews_dir}/{hint}"
            )
    _refuse_if_broken(notebook, chosen.path)
    path = setup.root / chosen.path
    raw = path.read_bytes()
    try:
        changed = set_thank_you(raw, day, chosen.path)
    except AuthoringError as problem:
        raise failed(problem) from None
    if changed == raw:
        click.echo(f"{chosen.path} already says thank_you: {day.isoformat()}")
        return
    replace_file(path, raw, changed, chosen.path)
    before = f" (was {chosen.thank_you.isoformat()})" if chosen.thank_you else ""
    click.echo(f"Set thank_you: {day.isoformat()}{before} in {chosen.path}")


@main.group("import")
def import_() -> None:
    """Create contact notes from another tool's export."""


def import_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options both importers take."""
    for option in reversed(
        [
            click.argument(
                "csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path)
            ),
            click.option("--company", help="Only people whose company holds this text."),
            click.option("--position", help="Only people whose position holds this text."),
            click.option(
                "--tag", "tags", multiple=True, help="Add this tag to every new note (repeatable)."
            ),
            click.option(
                "--dry-run", is_flag=True, help="List what would be created; write nothing."
            ),
            config_option,
        ]
    ):
        command = option(command)
    return command


class _Planned(Protocol):
    """A note an import means to write as ``slug``, or skips (``skipped`` says why)."""

    @property
    def slug(self) -> str | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def skipped(self) -> str | None: ...


P = TypeVar("P", bound=_Planned)


def _write_planned(
    setup: Setup,
    plans: Sequence[P],
    describe: Callable[[P], str],
    dry_run: bool,
    filtered: int = 0,
) -> None:
    """Create the notes an import planned (unless ``dry_run``) and say what was
    done, each note as ``describe`` tells it."""
    folder = setup.root / setup.options.contacts_dir
    created = 0
    for plan in plans:
        if plan.slug is None or plan.text is None:
            click.echo(f"skipped {plan.skipped}")
            continue
        relative = f"{setup.options.contacts_dir}/{plan.slug}.md"
        if not dry_run:
            folder.mkdir(parents=True, exist_ok=True)
            write_new_file(folder / f"{plan.slug}.md", plan.text.encode("utf-8"))
        created += 1
        click.echo(f"{'would create' if dry_run else 'created'} {relative}: {describe(plan)}")
    verb = "would be created" if dry_run else "created"
    summary = f"{created} {verb}, {len(plans) - created} skipped"
    if filtered:
        summary += f", {filtered} left out by --company/--position"
    click.echo(summary + (" (dry run: nothing written)" if dry_run else ""))


def _row_described(plan: PlannedNote) -> str:
    where = f" ({plan.row.organization})" if plan.row.organization else ""
    return f"{plan.row.name}{where}"


def _copy_described(plan: CopiedNote) -> str:
    where = f" ({plan.organization})" if plan.organization else ""
    return f"{plan.name}{where}, from {plan.source}"


def _import_rows(
    setup: Setup,
    rows: list[ImportRow],
    company: str | None,
    position: str | None,
    tags: tuple[str, ...],
    dry_run: bool,
) -> None:
    """Plan a contact note per row read from a CSV file, and write them (or
    show them, with ``--dry-run``): what every import does once its rows are read."""
    from ..authoring.csv_import import plan_rows

    notebook = setup.read()
    folder = setup.root / setup.options.contacts_dir
    try:
        chosen, plans = plan_rows(
            rows, company, position, tags, notebook, _slugs_in(folder), setup.options.contacts_dir
        )
    except AuthoringError as problem:
        raise failed(problem) from None
    _write_planned(setup, plans, _row_described, dry_run, len(rows) - chosen)


@import_.command("linkedin")
@import_options
def import_linkedin(
    csv_file: Path,
    company: str | None,
    position: str | None,
    tags: tuple[str, ...],
    dry_run: bool,
    config_file: str,
) -> None:
    """A contact note per person in LinkedIn's Connections.csv export.

    People already in the notebook (same LinkedIn URL, or same name or alias)
    are skipped. Their outreach stays empty: a connection is not a request.
    """
    from ..authoring.csv_import import decode_csv, read_linkedin_csv

    setup = load_setup(config_file)
    try:
        rows = read_linkedin_csv(decode_csv(csv_file.read_bytes(), str(csv_file)), str(csv_file))
    except AuthoringError as problem:
        raise BadInput(str(problem)) from None
    _import_rows(setup, rows, company, position, tags, dry_run)


@import_.command("csv")
@import_options
def import_csv(
    csv_file: Path,
    company: str | None,
    position: str | None,
    tags: tuple[str, ...],
    dry_run: bool,
    config_file: str,
) -> None:
    """A contact note per row of a CSV file whose header starts with `name`.

    Columns: name, organization, role, email, phone, linkedin, website,
    location, connection, tags (separated by commas or semicolons).
    """
    from ..authoring.csv_import import decode_csv, read_generic_csv

    setup = load_setup(config_file)
    try:
        rows, ignored = read_generic_csv(
            decode_csv(csv_file.read_bytes(), str(csv_file)), str(csv_file)
        )
    except AuthoringError as problem:
        raise BadInput(str(problem)) from None
    if ignored:
        click.echo(f"ignoring the columns {', '.join(ignored)}", err=True)
    _import_rows(setup, rows, company, position, tags, dry_run)


@import_.command("obsidian")
@click.argument("people_folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="List what would be created; write nothing.")
@config_option
def import_obsidian(people_folder: Path, dry_run: bool, config_file: str) -> None:
    """A copy of each people note of PEOPLE_FOLDER (an Obsidian vault's People
    folder) in this notebook's format.

    The folder is read as a contacts folder is (names from titles, keys such
    as company or position, index notes skipped: see "Coming from Obsidian"
    in docs/notes.md) and is never changed. People already in the notebook
    (same name or alias) are skipped; no file is overwritten.
    """
    from ..authoring.obsidian_import import plan_copies
    from ..reader.notes import read_limited, read_people

    setup = load_setup(config_file)
    folder = setup.root / setup.options.contacts_dir
    if people_folder.resolve() == folder.resolve():
        raise BadInput(
            f"{people_folder} is this notebook's contacts folder; give the vault's people folder"
        )
    people = read_people(people_folder, setup.options)
    notebook = setup.read()
    try:
        plans = plan_copies(
            people,
            lambda path: read_limited(people_folder / path),
            notebook,
            _slugs_in(folder),
            setup.options.contacts_dir,
        )
    except AuthoringError as problem:
        raise failed(problem) from None
    for found in people.problems:
        if found.severity == "warning":
            click.echo(f"{people_folder.name}/{found}", err=True)
    _write_planned(setup, plans, _copy_described, dry_run)
