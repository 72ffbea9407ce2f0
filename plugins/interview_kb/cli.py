"""The ``interview-kb`` command line."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from .dates import TODAY_VARIABLE, BadDate, choose_today, parse_date
from .model import Notebook, Options
from .notes import read_notebook

PLUGIN_NAME = "interview-kb"


@dataclass(frozen=True)
class Setup:
    """Where the notebook is and the plugin options its mkdocs.yml gives."""

    root: Path
    options: Options

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


def load_setup(config_file: str) -> Setup:
    """Read the plugin's options from ``mkdocs.yml`` the way MkDocs does."""
    path = Path(config_file)
    if not path.is_file():
        raise click.UsageError(
            f"{config_file} not found: run this in a notebook folder, or pass --config PATH"
        )
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .config import PluginConfig

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(path))
    except ConfigurationError as problem:
        raise click.UsageError(f"{config_file}: {problem}") from None
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise click.UsageError(
            f"{config_file} does not use the plugin: add '- {PLUGIN_NAME}' under 'plugins:'"
        )
    plugin_config = plugin.config
    assert isinstance(plugin_config, PluginConfig)
    return Setup(path.resolve().parent, plugin_config.to_options())


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


@main.command()
@config_option
@format_option
def check(config_file: str, output_format: str) -> None:
    """Check every note and report problems as path:line: severity: message."""
    notebook = load_setup(config_file).read()
    if output_format == "json":
        click.echo(json.dumps([p.as_json() for p in notebook.problems], indent=2))
    else:
        for problem in notebook.problems:
            click.echo(str(problem))
        errors = len(notebook.errors)
        warnings = len(notebook.problems) - errors
        summary = (
            f"{len(notebook.contacts)} contacts, {len(notebook.interviews)} interviews: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
        click.echo(summary, err=bool(notebook.problems))
    if notebook.errors:
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
@click.option("--today", help="Compute for this date (2026-11-20) instead of today.")
@click.option("--all", "show_all", is_flag=True, help="Also list items due later than a week.")
def due(config_file: str, output_format: str, today: str | None, show_all: bool) -> None:
    """What to do: thank-you notes, follow-ups, promised items, reconnecting."""
    from .followups import calendar_for, due_items
    from .pages import KIND_LABELS, when

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    items = due_items(notebook, day, setup.options, calendar_for(setup.options))
    if output_format == "json":
        click.echo(json.dumps([item.as_json() for item in items], indent=2, ensure_ascii=False))
        return
    shown = [i for i in items if show_all or i.days_overdue >= -7]
    click.echo(f"Follow-ups for {day:%A} {day.isoformat()}")
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
    overdue = sum(1 for i in items if i.days_overdue > 0)
    today_count = sum(1 for i in items if i.days_overdue == 0)
    week = sum(1 for i in items if -7 <= i.days_overdue < 0)
    later = len(items) - overdue - today_count - week
    click.echo(
        f"{overdue} overdue, {today_count} due today, {week} in the next 7 days"
        + (f", {later} later (--all shows them)" if later and not show_all else "")
    )


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute for this date (2026-11-20) instead of today.")
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
@click.option("--today", help="Compute for this date (2026-11-20) instead of today.")
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
    """Write ``data`` to a file that must not exist yet: no command overwrites a file."""
    try:
        with path.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise click.ClickException(
            f"{path} already exists; choose another name or remove it first"
        ) from None
    except OSError as problem:
        raise click.ClickException(f"cannot write {path}: {problem.strerror}") from None
