"""The plugin's options, read from ``mkdocs.yml`` without MkDocs.

The command line needs only the plugin's options and the docs folder, and
MkDocs takes longer to import and check a config (about a fifth of a second)
than ``interview-kb check`` takes to read a hundred notes. ``quick_setup``
reads the file as MkDocs reads it (``INHERIT:``, ``!ENV``) and checks the
plugin's options as ``config.PluginConfig`` checks them. Wherever its answer
could differ from MkDocs' (a value MkDocs would refuse, or change, a tag it
does not construct, ``enabled:``, the plugin named twice or not at all) it
gives none: the caller then loads the config with MkDocs, which reports any
problem in its own words.

Of the rest of the config it checks only ``site_name`` and ``docs_dir``;
the theme, the other plugins and the Markdown extensions are for MkDocs to
check when the site is built. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
import yaml_env_tag

from ..core.model import Options
from .option_rules import RULES, OptionError, check_value

PLUGIN_NAME = "interview-kb"
# INHERIT chains this long are surely a loop; MkDocs would recurse until it fails.
_MAX_INHERIT = 16


def _rule(name: str) -> Callable[[object], object]:
    """The option's rule (``option_rules``), None for a value it refuses."""

    def check(value: object) -> object:
        try:
            return check_value(name, value)
        except OptionError:
            return None

    return check


# Every option is checked by the rule MkDocs' config uses (config.py), so the
# two always agree; a refused value is left to MkDocs to report.
QUICK_RULES: dict[str, Callable[[object], object]] = {name: _rule(name) for name in RULES}


def options_from(settings: Mapping[str, object]) -> Options | None:
    """The plugin's settings (what follows ``- interview-kb:``) as ``Options``,
    or None when MkDocs might refuse or read one of them otherwise.

    A key the plugin does not have is left out, as MkDocs leaves it out
    (with a warning the command line does not show), and an empty value
    (``today:``) takes the default, as in MkDocs.
    """
    values: dict[str, Any] = {}
    for name, value in settings.items():
        rule = QUICK_RULES.get(name)
        if rule is None:
            continue
        if value is None:
            continue
        checked = rule(value)
        if checked is None:
            return None
        values[name] = checked
    return Options(**values)


# ---------------------------------------------------------------------------
# the file


class Unknown:
    """A value under a tag that is not read here (``!relative``,
    ``!!python/name:...``): harmless anywhere but in what is read here."""

    def __init__(self, tag: str) -> None:
        self.tag = tag


def _unknown(loader: yaml.SafeLoader, node: yaml.Node) -> Unknown:
    return Unknown(str(node.tag))


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs reads it."""
    return yaml_env_tag.construct_env_tag(loader, node)


if TYPE_CHECKING:
    _Base = yaml.SafeLoader
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(_Base):
    """YAML as MkDocs reads ``mkdocs.yml``, except that a tag MkDocs' loader
    would construct as a Python object gives an ``Unknown`` instead."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A date as YAML reads it, or an error with its line (2026-02-30 is none)."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as problem:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{node.value} is not a date ({problem}); write a date that exists",
            node.start_mark,
        ) from None


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_ConfigLoader.add_constructor(None, _unknown)


def _load(path: str, depth: int = 0) -> dict[str, Any] | None:
    """The config in ``path`` merged into the ones it inherits, as MkDocs
    merges them (mappings key by key, anything else replaced), or None."""
    with open(path, "rb") as file:
        loaded: object = yaml.load(file, Loader=_ConfigLoader)
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        return None
    data: dict[str, Any] = loaded
    if "INHERIT" in data:
        inherited = data.pop("INHERIT")
        if not isinstance(inherited, str) or depth >= _MAX_INHERIT:
            return None
        parent_path = os.path.normpath(os.path.join(os.path.dirname(path), inherited))
        parent = _load(parent_path, depth + 1) if os.path.isfile(parent_path) else None
        if parent is None:
            return None
        data = _merge(parent, data)
    return data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    for key, value in child.items():
        below = parent.get(key)
        if isinstance(below, dict) and isinstance(value, dict):
            _merge(below, value)
        else:
            parent[key] = value
    return parent


def _plugin_settings(plugins: object) -> dict[str, Any] | None:
    """The settings of the one ``interview-kb`` entry of ``plugins:`` (a list
    or a mapping), or None when there is not exactly one plain entry."""
    entries: list[tuple[object, object]]
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = []
        for item in plugins:
            if isinstance(item, dict):
                if len(item) != 1:
                    return None
                entries.extend(item.items())
            else:
                entries.append((item, {}))
    else:  # absent: MkDocs' default holds only its search plugin
        return None
    if any(not isinstance(name, str) for name, _ in entries):
        return None
    ours = [settings for name, settings in entries if name in (PLUGIN_NAME, f"/{PLUGIN_NAME}")]
    if len(ours) != 1:
        return None
    settings = ours[0] or {}  # MkDocs takes an empty entry for no settings
    if not isinstance(settings, dict) or "enabled" in settings:
        return None
    return settings


def yaml_problem(config_file: Path) -> str | None:
    """Where and why ``config_file`` (or a file it inherits) cannot be read
    as YAML, in one line ("line 7: 2026-02-30 is not a date..."), or None."""
    try:
        _load(os.path.abspath(config_file))
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        where = f"{os.path.basename(mark.name)} line {mark.line + 1}: " if mark else ""
        return where + str(problem.problem or problem.context)
    except Exception:  # whatever else, the caller says what it has
        return None
    return None


def quick_setup(config_file: Path) -> tuple[Options, Path] | None:
    """The plugin's options and the docs folder (resolved) that MkDocs would
    give for ``config_file``, or None when they might differ or MkDocs would
    refuse the config: ask MkDocs then."""
    path = os.path.abspath(config_file)
    try:
        config = _load(path)
    except Exception:  # whatever went wrong, MkDocs will say it better
        return None
    if config is None or not isinstance(config.get("site_name"), str):
        return None
    docs = config.get("docs_dir")
    docs = "docs" if docs is None else docs
    if not isinstance(docs, str):
        return None
    folder = os.path.dirname(path)
    docs_dir = os.path.abspath(os.path.join(folder, docs))
    # MkDocs refuses a docs_dir that is not a folder, or that holds mkdocs.yml.
    if docs_dir == folder or not os.path.isdir(docs_dir):
        return None
    settings = _plugin_settings(config.get("plugins"))
    options = options_from(settings) if settings is not None else None
    if options is None:
        return None
    return options, Path(docs_dir).resolve()


def configured_dev_addr(config_file: Path) -> str | None:
    """The ``dev_addr`` that ``config_file`` (with what it inherits) gives,
    as written, or None when it gives none or cannot be read here."""
    try:
        config = _load(os.path.abspath(config_file))
    except Exception:  # MkDocs will report the config's problems itself
        return None
    value = config.get("dev_addr") if config else None
    return value if isinstance(value, str) else None
