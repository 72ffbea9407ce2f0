"""The ``interview-kb`` command line."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from itertools import groupby
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import click
import yaml

from .dates import TODAY_VARIABLE, BadDate, choose_today, parse_date
from .mkdocs_yml import PLUGIN_NAME, quick_setup, yaml_problem
from .model import (
    CHANNELS,
    INTERESTS,
    MODES,
    OUTREACH_KINDS,
    SENIORITIES,
    WARMTHS,
    WEEKDAY_NAMES,
    Notebook,
    Options,
    OutreachEvent,
)
from .notes import closest, read_notebook
from .option_rules import OptionError, check_against
from .synonyms import CHANNEL_WORDS, KIND_WORDS, MODE_WORDS, OTHER_COMMANDS, fold, meaning

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    from .authoring import AuthoringError, ImportRow


@dataclass(frozen=True)
class Setup:
    """Where the notebook is and the plugin options its mkdocs.yml gives."""

    root: Path
    options: Options
    docs_dir: Path | None = None

    def read(self) -> Notebook:
        """Read the notebook's notes."""
        return read_notebook(self.root, self.options)

    def today(self, given: str | None) -> date:
        """T: ``--today``, else the ``today`` option, the variable or the local date."""
        try:
            if given:
                return parse_date(given, "--today")
            return choose_today(self.options.today, os.environ.get(TODAY_VARIABLE), date.today())
        except BadDate as problem:
            raise click.UsageError(str(problem)) from None


def find_config(config_file: str) -> Path:
    """The notebook's ``mkdocs.yml``: as given, or, for a bare file name that
    is not in the current folder, the nearest one in a folder above, as git
    finds its repository. Says which notebook it used when it looked upward."""
    path = Path(config_file)
    if path.is_file() or path.name != config_file:
        return path
    for folder in Path.cwd().resolve().parents:
        candidate = folder / config_file
        if candidate.is_file():
            click.echo(f"Using the notebook in {folder} ({config_file})", err=True)
            return candidate
    return path


def load_setup(config_file: str, *, quick: bool = False) -> Setup:
    """Read the plugin's options from ``mkdocs.yml`` the way MkDocs does.

    With ``quick``, without MkDocs when ``mkdocs_yml.quick_setup`` can tell
    the same options (a fifth of a second sooner); MkDocs reads the config,
    and reports its problems, whenever it cannot.
    """
    path = find_config(config_file)
    if not path.is_file():
        raise click.UsageError(
            f"{config_file} not found here or in any folder above: run this in a notebook "
            "folder, or pass --config PATH"
        )
    if quick:
        found = quick_setup(path)
        if found is not None:
            options, docs_dir = found
            return _checked(Setup(path.resolve().parent, options, docs_dir), config_file, quick)
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .config import PluginConfig

    # MkDocs' own notices while loading the config are not the user's
    # business here; the level is put back so that nothing else is silenced.
    # Its errors are caught and given as one line each (issue 18), not as
    # MkDocs' log lines followed by "Aborted with a configuration error!".
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    errors = _ErrorRecorder()
    logger.setLevel(logging.ERROR)
    logger.propagate = False
    logger.addHandler(errors)
    try:
        config = load_config(config_file=str(path))
    except (ConfigurationError, Abort) as problem:
        raise BadInput(f"{path}: {errors.text() or problem}") from None
    except (ValueError, yaml.YAMLError) as problem:  # an impossible date, bad YAML
        raise BadInput(f"{path}: {yaml_problem(path) or problem}") from None
    finally:
        logger.removeHandler(errors)
        logger.setLevel(level)
        logger.propagate = propagate
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise click.UsageError(
            f"{path} does not use the plugin: add '- {PLUGIN_NAME}' under 'plugins:'"
        )
    plugin_config = plugin.config
    assert isinstance(plugin_config, PluginConfig)
    setup = Setup(
        path.resolve().parent, plugin_config.to_options(), Path(config.docs_dir).resolve()
    )
    return _checked(setup, config_file, quick)


class _ErrorRecorder(logging.Handler):
    """MkDocs' error messages while it loads a config."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # "Config value 'plugins': Plugin 'interview-kb' option 'x': ..." says it twice.
        prefix = f"Config value 'plugins': Plugin '{PLUGIN_NAME}' "
        self.messages.append(message.removeprefix(prefix))

    def text(self) -> str:
        return "; ".join(self.messages)


def _checked(setup: Setup, config_file: str, quick: bool) -> Setup:
    """``setup`` once its options pass what needs the notebook's folder
    (``option_rules.check_against``); ``check``, the quick reader, leaves
    the holidays library and its country list unloaded."""
    try:
        check_against(setup.options, setup.root, setup.docs_dir, country=not quick)
    except OptionError as problem:
        raise BadInput(f"{config_file}: {problem}") from None
    return setup


config_option = click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    help="The notebook's mkdocs.yml; the plugin's options are read from it.",
)
format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interview-kb")
def main() -> None:
    """Keep notes on informational interviews and see what to do next."""


def _text(root: Path, path: str) -> str | None:
    try:
        return (root / path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None


@main.command()
@config_option
@format_option
@click.option("--today", help="Check dates as if today were this date, written YYYY-MM-DD.")
def check(config_file: str, output_format: str, today: str | None) -> None:
    """Check every note and report problems as path:line: severity: message."""
    from .links import docs_folder, link_problems
    from .sanity import date_warnings

    setup = load_setup(config_file, quick=True)
    notebook = setup.read()
    # Everything the build would report: the notes, then their links.
    home_page = setup.docs_dir / "index.md" if setup.docs_dir else None
    home = home_page.read_text(encoding="utf-8-sig") if home_page and home_page.is_file() else None
    folder = docs_folder(setup.root, setup.docs_dir) if setup.docs_dir else None
    links = link_problems(setup.root, notebook, setup.options, home, folder)
    problems = [*notebook.problems, *links]
    # Dates that cannot be right (they need today, and are not build problems).
    problems += date_warnings(notebook, setup.today(today), lambda path: _text(setup.root, path))
    if output_format == "json":
        click.echo(json.dumps([p.as_json() for p in problems], indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        summary = (
            f"{len(notebook.contacts)} contacts, {len(notebook.interviews)} interviews: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
        click.echo(summary, err=bool(problems))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


def _colour(text: str, days_overdue: int) -> str:
    if days_overdue > 0:
        return click.style(text, fg="red", bold=True)
    if days_overdue == 0:
        return click.style(text, fg="yellow", bold=True)
    return text


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
@click.option("--all", "show_all", is_flag=True, help="Also list items due later than a week.")
def due(config_file: str, output_format: str, today: str | None, show_all: bool) -> None:
    """What to do: thank-you notes, follow-ups, promised items, reconnecting."""
    from .followups import calendar_for, due_items
    from .pages import KIND_LABELS, section_of, when

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    items = due_items(notebook, day, setup.options, calendar_for(setup.options))
    if output_format == "json":
        click.echo(json.dumps([item.as_json() for item in items], indent=2, ensure_ascii=False))
        return
    shown = [i for i in items if show_all or i.days_overdue >= -7]
    click.echo(f"Follow-ups for {WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}")
    if not shown:
        click.echo("Nothing to do this week.")
    for item in shown:
        name = (
            notebook.contacts[item.contact].name
            if item.contact in notebook.contacts
            else item.contact
        )
        label = KIND_LABELS[item.kind]
        head = f"{item.due.isoformat()}  {when(item.days_overdue):<17} {label:<18} {name}"
        click.echo(_colour(head, item.days_overdue))
        click.echo(f"            {item.action}")
    # The same sections as the follow-ups page, so both give the same counts.
    sections = Counter(section_of(item) for item in items)
    later = sections["Later"]
    moved_on = sections["Moved on"]
    click.echo(
        f"{sections['Overdue']} overdue, {sections['Due today']} due today, "
        f"{sections['Next 7 days']} in the next 7 days"
        + (f", {later} later (--all shows them)" if later and not show_all else "")
        + (f", {moved_on} to let go" if moved_on else "")
        + "; "
        + _progress(notebook, day)
    )


def _progress(notebook: Notebook, day: date) -> str:
    """``10 interviews held, 3 coming up; 15 of 19 requests answered (79%)``."""
    from .timeline import funnel, percent

    held = sum(1 for i in notebook.interviews.values() if i.is_held(day))
    coming = sum(1 for i in notebook.interviews.values() if i.is_upcoming(day))
    text = f"{held} {'interview' if held == 1 else 'interviews'} held, {coming} coming up"
    stages = funnel(notebook, day).overall
    if stages.asked:
        requests = "request" if stages.asked == 1 else "requests"
        text += (
            f"; {stages.answered} of {stages.asked} {requests} answered "
            f"({percent(stages.response_rate)})"
        )
    return text


# Eighths of a character cell, for bars finer than a whole cell.
_BLOCKS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2588"


def _blocks_fit() -> bool:
    """True when standard output can show the block characters."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        _BLOCKS.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def text_bar(value: int, scale: int, width: int, blocks: bool = True) -> str:
    """``value`` out of ``scale`` as a bar ``width`` cells long at most, in
    eighths of a cell (or in whole ``#`` cells without ``blocks``), padded."""
    if scale <= 0 or value <= 0:
        return " " * width
    if not blocks:
        cells = max(1, round(width * value / scale))
        return ("#" * cells).ljust(width)
    eighths = max(1, round(width * 8 * value / scale))
    whole, part = divmod(eighths, 8)
    return (_BLOCKS[8] * whole + (_BLOCKS[part] if part else "")).ljust(width)


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def stats(config_file: str, output_format: str, today: str | None) -> None:
    """The outreach funnel and the activity per month, as text charts."""
    from .timeline import WARMTH_GROUPS, activity, funnel, month_title, percent

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    result = funnel(notebook, day)
    months = activity(notebook, day)
    stages = ("contacts", "asked", "answered", "interviewed", "thanked")
    if output_format == "json":
        data = {
            "today": day.isoformat(),
            "funnel": {
                **{stage: getattr(result.overall, stage) for stage in stages},
                "response_rate": result.response_rate,
                "by_warmth": {
                    group: {stage: getattr(result.by_warmth[group], stage) for stage in stages}
                    for group in WARMTH_GROUPS
                },
            },
            "months": [
                {
                    "month": f"{m.month:%Y-%m}",
                    "requests": m.requests,
                    "replies": m.replies,
                    "interviews": m.interviews,
                }
                for m in months
            ],
        }
        click.echo(json.dumps(data, indent=2))
        return
    blocks = _blocks_fit()

    def bar(value: int, scale: int, width: int) -> str:
        return click.style(text_bar(value, scale, width, blocks), fg="blue")

    overall = result.overall
    click.echo(f"Outreach funnel, {day.isoformat()}: {overall.contacts} contacts")
    rate = f"  {percent(overall.response_rate)} of asked" if overall.asked else ""
    rows = (
        ("Asked", overall.asked, ""),
        ("Answered", overall.answered, rate),
        ("Interviewed", overall.interviewed, ""),
        ("Thanked", overall.thanked, ""),
    )
    digits = len(str(overall.contacts))
    for label, value, note in rows:
        click.echo(f"{label:<12} {bar(value, overall.contacts, 20)} {value:>{digits}}{note}")
    click.echo("")
    # The split the JSON holds: are warm contacts answering more often than cold ones?
    click.echo("Answered by warmth")
    for group in WARMTH_GROUPS:
        split = result.by_warmth[group]
        if not split.contacts:
            continue
        share = f"  {percent(split.response_rate)}" if split.asked else ""
        click.echo(
            f"{group.capitalize():<12} {split.answered:>{digits}} of {split.asked:>{digits}} "
            f"asked{share}".rstrip()
        )
    click.echo("")
    if not months:
        click.echo("No activity yet: no requests, replies or interviews.")
        return
    scale = max(max(m.requests, m.replies, m.interviews) for m in months)
    digits = len(str(scale))
    width = 8
    cell = width + 1 + digits
    click.echo("Activity per month")
    headers = "".join(f"  {h:<{cell}}" for h in ("Requests", "Replies", "Interviews"))
    click.echo(f"{'Month':<8}{headers}".rstrip())
    for m in months:
        counts = (m.requests, m.replies, m.interviews)
        cells = "".join(f"  {bar(n, scale, width)} {n:>{digits}}" for n in counts)
        name = month_title(m.month)
        click.echo(f"{name[:3]} {m.month.year}{cells}".rstrip())


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def contacts(config_file: str, output_format: str, today: str | None) -> None:
    """Every contact with status and last interaction."""
    from .followups import calendar_for, contact_rows

    setup = load_setup(config_file)
    rows = contact_rows(
        setup.read(), setup.today(today), setup.options, calendar_for(setup.options)
    )
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(
            "No contacts yet. Add the first with\n"
            '  interview-kb new contact "Jane Doe" --organization "Northwind Health" '
            '--role "UX Researcher"\n'
            "or import your LinkedIn connections with\n"
            "  interview-kb import linkedin Connections.csv"
        )
        return
    columns = ("name", "organization", "role", "seniority", "warmth", "status", "last_interaction")
    table = [[str(row[c] or "") for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
    header = [c.replace("_", " ") for c in columns]
    for cells in (header, *table):
        click.echo("  ".join(v.ljust(w) for v, w in zip(cells, widths, strict=True)).rstrip())


@main.group()
def export() -> None:
    """Export the notebook to other tools."""


@export.command("ics")
@config_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this new file.")
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def export_ics(config_file: str, output: str | None, today: str | None) -> None:
    """Every open follow-up item as a calendar to-do (VTODO) with a due date."""
    from .calendar_export import to_ics
    from .followups import calendar_for, due_items

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    data = to_ics(
        due_items(notebook, day, setup.options, calendar_for(setup.options)), notebook, day
    )
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        return
    write_new_file(Path(output), data)
    click.echo(f"Wrote {output}", err=True)


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a file that must not exist yet: no command overwrites a file.

    The bytes go to a hidden temporary file beside it (the reader skips names
    starting with "."), which is then linked under the name: the link fails
    if the name exists, and a process killed half-way leaves either no file
    or the whole one, never half a note.
    """
    temporary = None
    try:
        handle, temporary = _hidden_beside(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except OSError as problem:
            if isinstance(problem, FileExistsError):
                raise
            # A file system without hard links: exclusive creation instead.
            with path.open("xb") as stream:
                stream.write(data)
    except FileExistsError:
        raise click.ClickException(
            f"{path} already exists; choose another name or remove it first"
        ) from None
    except OSError as problem:
        raise click.ClickException(f"cannot write {path}: {problem.strerror}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _hidden_beside(path: Path) -> tuple[int, str]:
    """A new empty file ``.<name>.<random>`` in ``path``'s folder, made the way
    ``open`` makes files: 0o666 less the umask (``mkstemp`` gives 0o600)."""
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}"))
        with contextlib.suppress(FileExistsError):
            return os.open(temporary, flags, 0o666), temporary


# ---------------------------------------------------------------------------
# commands that write notes


class BadInput(click.ClickException):
    """Bad input on the command line: a one-line error, exit status 2, nothing written."""

    exit_code = 2


def _failed(problem: AuthoringError) -> click.ClickException:
    return click.ClickException(str(problem))


def replace_file(path: Path, original: bytes, data: bytes, name: str | None = None) -> None:
    """Replace a note's content atomically: a temporary file in the same folder,
    then a rename, so the note is always either the old or the new file.

    The file keeps its permission bits; if it no longer holds ``original``
    (changed by someone else meanwhile), nothing is written. ``name`` is how
    messages call the file (its path relative to the notebook).
    """
    import tempfile

    name = name or str(path)
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if target.read_bytes() != original:
            raise click.ClickException(
                f"{name} changed while it was being edited; nothing was written, try again"
            )
        os.replace(temporary, target)
    except BaseException as problem:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(problem, OSError):
            reason = problem.strerror or str(problem)
            raise click.ClickException(
                f"cannot write {name}: {reason}; the note is unchanged"
            ) from None
        raise


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _slugs_in(folder: Path) -> set[str]:
    """Every note name in a folder and its subfolders, case folded (the reader
    reads subfolders too, and some file systems ignore case)."""
    return {p.stem.casefold() for p in folder.rglob("*.md")} if folder.is_dir() else set()


def _choose(
    value: str, allowed: tuple[str, ...], what: str, words: dict[str, str] | None = None
) -> str:
    """The value of ``allowed`` that ``value`` names: itself, or an everyday
    word for it (``words``), which is stored as that value, saying so."""
    folded = value.strip().casefold()
    if folded in allowed:
        return folded
    meant = meaning(value, words) if words else None
    if meant is not None:
        click.echo(f"{what} '{value.strip()}' is stored as '{meant}'")
        return meant
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
        errors = _note_errors(notebook, _relative(candidate, setup.root))
        if errors:
            raise click.ClickException(
                f"{errors[0]}; the note is left as it is: fix it (interview-kb check lists "
                "every problem), then try again"
            )


def find_contact(setup: Setup, notebook: Notebook, text: str, what: str = "contact") -> str:
    """The slug of the contact named by ``text``: a slug, a name or an alias."""
    from .authoring import AuthoringError, contact_by_name, name_key, slugify

    if text in notebook.contacts:
        return text
    by_name = contact_by_name(notebook).get(name_key(text))
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
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
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
def init(directory: Path, add_missing: bool, site_name: str, config_name: str) -> None:
    """Start a new notebook in DIRECTORY (default: here).

    Writes mkdocs.yml, mkdocs.public.yml, contacts/, interviews/, questions.yml
    and the guide pages in docs/: ready for `mkdocs serve`.
    """
    from .authoring import starter_files

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
    files = starter_files(name, config_name)
    kept = [path for path in files if (directory / path).exists()]
    for path, text in files.items():
        if path in kept:
            continue
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(target, text.encode("utf-8"))
    added = len(files) - len(kept)
    click.echo(f"Added {added} file{'s' * (added != 1)} to {directory}")
    if kept:
        click.echo(f"Kept {len(kept)} that were already there: {', '.join(kept)}")
    click.echo(
        "Next: cd into the folder, run `mkdocs serve`, and add people with "
        '`interview-kb new contact "Jane Doe" --organization ...`'
    )


@main.group()
def new() -> None:
    """Write a new note from a template."""


def _split_option(text: str | None) -> tuple[str, ...]:
    from .authoring import split_list

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
@click.option("--seniority", type=click.Choice(SENIORITIES, case_sensitive=False))
@click.option("--years", type=click.FloatRange(0, 80), help="Total years in the industry.")
@click.option("--warmth", type=click.Choice(WARMTHS, case_sensitive=False))
@click.option(
    "--interest",
    type=click.Choice(INTERESTS, case_sensitive=False),
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
    from .authoring import (
        AuthoringError,
        ContactDraft,
        contact_by_name,
        free_slug,
        is_slug,
        name_key,
        render_contact,
        slugify,
    )

    setup = load_setup(config_file)
    person = _clean(name)
    if person is None:
        raise BadInput("NAME is empty")
    notebook = setup.read()
    folder = setup.root / setup.options.contacts_dir
    other_names = _split_option(aliases)
    names = contact_by_name(notebook)
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
        raise _failed(problem) from None
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
    "--mode", help=f"One of {', '.join(MODES)}; everyday words (zoom, call, coffee) are understood."
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
    from .authoring import AuthoringError, InterviewDraft, interview_slug, render_interview
    from .bank import suggested_questions

    if on is None:
        # A missing date used to mean today: an interview counted as held at
        # once, with a thank-you and a reflection due for a talk not yet had.
        raise BadInput(
            "--date is needed: the day of the conversation, as YYYY-MM-DD "
            "(for example --date 2027-01-15), with --time HH:MM if you know it"
        )
    setup = load_setup(config_file)
    chosen_mode = _choose(mode, MODES, "--mode", MODE_WORDS) if mode else None
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
        raise _failed(problem) from None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chosen}.md"
    write_new_file(path, text.encode("utf-8"))
    click.echo(f"Created {relative}")
    if suggestions:
        who = f" for a {person.seniority} person" if person.seniority else ""
        click.echo(f"Questions not asked yet{who} (in the note, commented out):")
        width = max(len(q.id) for q in suggestions)
        for question in suggestions:
            click.echo(f"  {question.id:<{width}}  {question.text}")
    if edit:
        open_in_editor(path)


@main.command()
@click.argument("contact")
@click.argument("kind")
@click.option("--date", "on", help="When it happened, as YYYY-MM-DD; default today.")
@click.option("--channel", help=f"One of {', '.join(CHANNELS)}.")
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
    from .authoring import AuthoringError, add_outreach

    setup = load_setup(config_file)
    elsewhere = OTHER_COMMANDS.get(fold(kind))
    if elsewhere:
        raise BadInput(f"kind '{kind}' is not an outreach event: {elsewhere}")
    event_kind = _choose(kind, OUTREACH_KINDS, "kind", KIND_WORDS)
    event_channel = _choose(channel, CHANNELS, "--channel", CHANNEL_WORDS) if channel else None
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
        raise _failed(problem) from None
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
    from .authoring import AuthoringError, contact_by_name, name_key, set_thank_you

    setup = load_setup(config_file)
    day = _day(setup, on)
    notebook = setup.read()
    chosen = notebook.interviews.get(interview)
    if chosen is None:
        _unreadable(setup, notebook, setup.options.interviews_dir, interview)
        if interview in notebook.contacts or name_key(interview) in contact_by_name(notebook):
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
        raise _failed(problem) from None
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


def _import(
    setup: Setup,
    rows: list[ImportRow],
    company: str | None,
    position: str | None,
    tags: tuple[str, ...],
    dry_run: bool,
) -> None:
    from .authoring import AuthoringError, plan_import, row_matches, split_list

    notebook = setup.read()
    folder = setup.root / setup.options.contacts_dir
    chosen = [row for row in rows if row_matches(row, company, position)]
    extra_tags = tuple(dict.fromkeys(t for text in tags for t in split_list(text)))
    try:
        plans = plan_import(
            chosen, notebook, _slugs_in(folder), extra_tags, setup.options.contacts_dir
        )
    except AuthoringError as problem:
        raise _failed(problem) from None
    verb = "would be created" if dry_run else "created"
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
        where = f" ({plan.row.organization})" if plan.row.organization else ""
        click.echo(f"{'would create' if dry_run else 'created'} {relative}: {plan.row.name}{where}")
    skipped = len(plans) - created
    filtered = len(rows) - len(chosen)
    summary = f"{created} {verb}, {skipped} skipped"
    if filtered:
        summary += f", {filtered} left out by --company/--position"
    click.echo(summary + (" (dry run: nothing written)" if dry_run else ""))


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
    from .authoring import AuthoringError, decode_csv, read_linkedin_csv

    setup = load_setup(config_file)
    try:
        rows = read_linkedin_csv(decode_csv(csv_file.read_bytes(), str(csv_file)), str(csv_file))
    except AuthoringError as problem:
        raise BadInput(str(problem)) from None
    _import(setup, rows, company, position, tags, dry_run)


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
    from .authoring import AuthoringError, decode_csv, read_generic_csv

    setup = load_setup(config_file)
    try:
        rows, ignored = read_generic_csv(
            decode_csv(csv_file.read_bytes(), str(csv_file)), str(csv_file)
        )
    except AuthoringError as problem:
        raise BadInput(str(problem)) from None
    if ignored:
        click.echo(f"ignoring the columns {', '.join(ignored)}", err=True)
    _import(setup, rows, company, position, tags, dry_run)


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
@config_option
def generate(outdir: Path, today: str | None, config_file: str) -> None:
    """Write the site's generated pages into OUTDIR as files.

    For another site generator or a note-taking app: the same pages the
    plugin adds to the site. Never writes over a file.
    """
    from .links import ATTACHMENTS_DIR, find_attachments
    from .notes import read_shared
    from .pages import render_pages

    setup = load_setup(config_file)
    target = outdir.resolve()
    options = setup.options
    guarded = [
        ((setup.root / options.contacts_dir).resolve(), "the contacts folder"),
        ((setup.root / options.interviews_dir).resolve(), "the interviews folder"),
    ]
    if setup.docs_dir is not None:
        guarded.append((setup.docs_dir, "docs_dir, where the plugin adds the same pages"))
    for folder, what in guarded:
        if target.is_relative_to(folder):
            raise click.ClickException(f"{outdir} is inside {what}; choose a folder outside it")
    notebook = setup.read()
    day = setup.today(today)
    shared = (
        read_shared(setup.root, options.shared_from, options) if options.publish == "guide" else []
    )
    images: dict[str, Path] = {}
    home = None
    if options.publish == "notebook":
        folders = (options.contacts_dir, options.interviews_dir, ATTACHMENTS_DIR)
        images = find_attachments(setup.root, folders)
        if setup.docs_dir is not None and (setup.docs_dir / "index.md").is_file():
            home = (setup.docs_dir / "index.md").read_text(encoding="utf-8-sig")
    pages: dict[str, str | bytes] = dict(
        render_pages(notebook, day, options, shared, home, tuple(images), directory_urls=None)
    )
    for site_path, source in images.items():  # so that embedded images show
        pages.setdefault(site_path, source.read_bytes())
    files: dict[Path, bytes] = {}
    for name, content in sorted(pages.items()):
        relative = PurePosixPath(name)
        path = (target / relative).resolve()
        if relative.is_absolute() or ".." in relative.parts or not path.is_relative_to(target):
            raise click.ClickException(f"the page path {name!r} would fall outside {outdir}")
        for folder, what in guarded:  # OUTDIR is the notebook itself, or holds a link
            if path.is_relative_to(folder):
                raise click.ClickException(
                    f"the page {name} would be written inside {what}; choose another folder"
                )
        files[path] = content.encode("utf-8") if isinstance(content, str) else content
    present = [_relative(p, target) for p in files if p.exists() or p.is_symlink()]
    if present:
        listed = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise click.ClickException(
            f"{outdir} already holds {len(present)} of the files to write ({listed}); "
            "nothing was written: choose an empty folder"
        )
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(path, data)
    click.echo(f"Wrote {len(files)} file{'s' * (len(files) != 1)} to {outdir}")
    if notebook.errors:
        click.echo(
            f"{len(notebook.errors)} problem(s) left notes out; `interview-kb check` lists them",
            err=True,
        )


@main.command()
@config_option
@format_option
@click.option("--today", help="Count the interviews held by this date, written YYYY-MM-DD.")
def questions(config_file: str, output_format: str, today: str | None) -> None:
    """The question bank: each question, how often it was asked, the answers."""
    from .bank import category_title, question_rows

    setup = load_setup(config_file)
    notebook = setup.read()
    rows = question_rows(notebook, setup.today(today))
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for index, (category, group) in enumerate(groupby(rows, key=lambda r: r["category"])):
        title = category_title(str(category)) if category is not None else "Your own questions"
        click.echo(("\n" if index else "") + title)
        for row in group:
            ident = f"  [{row['id']}]" if row["id"] is not None else ""
            click.echo(f"  {row['text']}{ident}  asked {row['asked']}")
            answers = row["answers"]
            assert isinstance(answers, list)
            for answer in answers:
                person = notebook.contacts.get(answer["contact"])
                who = person.name if person else answer["contact"]
                lines = str(answer["answer"]).splitlines() or [""]
                click.echo(f"      {who}: {lines[0]}")
                for line in lines[1:]:
                    click.echo(f"        {line}" if line.strip() else "")


@main.command()
@click.option(
    "--review",
    "show_review",
    is_flag=True,
    help="List every passage the guide will publish, blanks marked, and the words to check.",
)
@config_option
@format_option
@click.option("--today", help="Review as of this date (2026-11-20) instead of today.")
def guide(show_review: bool, config_file: str, output_format: str, today: str | None) -> None:
    """What the published guide will hold, before you publish it.

    With --review, every passage (answers, your own questions, lessons) as the
    guide prints it, each blank showing what it hides, then every capitalized
    word left that may still name someone or an organization: rewrite those
    in the notes. Shared notebooks (shared_from) are read as the guide reads
    them; this review is for you alone, so it is printed, never published.
    """
    from .notes import read_shared
    from .review import review

    setup = load_setup(config_file)
    day = setup.today(today)
    shared = read_shared(setup.root, setup.options.shared_from, setup.options)
    result = review([setup.read(), *shared], day)
    if output_format == "json":
        data = {
            "passages": [
                {
                    "kind": p.kind,
                    "notebook": p.notebook or None,
                    "interview": p.interview,
                    "question": p.question,
                    "published": p.published,
                    "blanked": [b.original for b in p.blanks],
                }
                for p in result.passages
            ],
            "suspects": [{"word": s.word, "passages": list(s.passages)} for s in result.suspects],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    blanks = sum(len(p.blanks) for p in result.passages)
    click.echo(
        f"The guide will publish {len(result.passages)} passage"
        f"{'s' * (len(result.passages) != 1)} from shared interviews, with {blanks} "
        f"blank{'s' * (blanks != 1)} and {len(result.suspects)} capitalized "
        f"word{'s' * (len(result.suspects) != 1)} to check."
    )
    if not show_review:
        click.echo("`interview-kb guide --review` lists them.")
        return
    titles = {"answer": "Answer", "question": "Your own question", "lesson": "Lesson"}
    for number, passage in enumerate(result.passages, start=1):
        where = f"{passage.notebook}: " if passage.notebook else ""
        about = f" to \u201c{passage.question}\u201d" if passage.question else ""
        click.echo(f"\n{number}. {titles[passage.kind]}{about} ({where}{passage.interview})")
        marked = passage.marked(click.style("[\u2026 {}]", fg="red", bold=True))
        for line in marked.splitlines() or [""]:
            click.echo(f"   {line}")
    if result.suspects:
        click.echo(
            "\nCapitalized words left in the guide: if one names a person, a team or an "
            "organization, rewrite it in the note (or add the name to a contact's aliases)."
        )
        width = max(len(s.word) for s in result.suspects)
        for suspect in result.suspects:
            numbers = ", ".join(str(n) for n in suspect.passages)
            click.echo(f"  {suspect.word:<{width}}  in {numbers}")
