"""The ``interview-kb`` command group, and what its commands share: where the
notebook is (``Setup``, read from mkdocs.yml), the common options and errors."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
import yaml

from ..core.dates import TODAY_VARIABLE, BadDate, choose_today, parse_date
from ..core.model import (
    Notebook,
    Options,
)
from ..reader.mkdocs_yml import PLUGIN_NAME, quick_setup, yaml_problem
from ..reader.notes import read_notebook
from ..reader.option_rules import OptionError, check_against

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    from ..authoring.errors import AuthoringError


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
            return checked(Setup(path.resolve().parent, options, docs_dir), config_file, quick)
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..plugin_config import PluginConfig

    # MkDocs' own notices while loading the config are not the user's
    # business here; the level is put back so that nothing else is silenced.
    # Its errors are caught and given as one line each (issue 18), not as
    # MkDocs' log lines followed by "Aborted with a configuration error!".
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    errors = ErrorRecorder()
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
    return checked(setup, config_file, quick)


class ErrorRecorder(logging.Handler):
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


def checked(setup: Setup, config_file: str, quick: bool) -> Setup:
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


# ---------------------------------------------------------------------------
# commands that write notes


class BadInput(click.ClickException):
    """Bad input on the command line: a one-line error, exit status 2, nothing written."""

    exit_code = 2


def failed(problem: AuthoringError) -> click.ClickException:
    return click.ClickException(str(problem))
