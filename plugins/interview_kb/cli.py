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
