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
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
import yaml_env_tag

from ..core.model import Options
from ..core.vocab import Policy, PublishMode, values

PLUGIN_NAME = "interview-kb"
# INHERIT chains this long are surely a loop; MkDocs would recurse until it fails.
_MAX_INHERIT = 16


def as_date(value: object) -> date | None:
    """An option's date: ``2026-11-20`` (YAML reads it as a date) or quoted;
    None when it is not one. (``config.DateOption`` checks with this.)"""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def as_positive_int(value: object) -> int | None:
    """A whole number of one or more (not ``true``), or None."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return None


# ---------------------------------------------------------------------------
# the options: for each, what MkDocs accepts unchanged, or None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _whole(value: object) -> int | None:
    # MkDocs takes true for 1 here; a notebook that writes it is asked of MkDocs.
    return value if type(value) is int else None


def _fraction(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _choice(kind: type[StrEnum]) -> Callable[[object], StrEnum | None]:
    def check(value: object) -> StrEnum | None:
        return kind(value) if isinstance(value, str) and value in values(kind) else None

    return check


def _dates(value: object) -> tuple[date, ...] | None:
    if not isinstance(value, list):
        return None
    days = [as_date(item) for item in value]
    if any(day is None for day in days):
        return None
    return tuple(sorted({day for day in days if day is not None}))


def _texts(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return tuple(value)


RULES: dict[str, Callable[[object], object]] = {
    "contacts_dir": _text,
    "interviews_dir": _text,
    "questions_file": _text,
    "today": as_date,
    "holidays": _dates,
    "holidays_country": _text,
    "reconnect_after_days": as_positive_int,
    "thank_you_business_days": as_positive_int,
    "follow_up_after_days": as_positive_int,
    "follow_up_policy": _choice(Policy),
    "shared_from": _texts,
    "publish": _choice(PublishMode),
    "plan_interviews_min": as_positive_int,
    "plan_interviews_max": as_positive_int,
    "plan_role_interest": _whole,
    "plan_organization_interest": _whole,
    "plan_junior_share": _fraction,
}
# Options for which MkDocs refuses an empty value rather than take the default.
_LISTS = ("holidays", "shared_from")


def options_from(settings: Mapping[str, object]) -> Options | None:
    """The plugin's settings (what follows ``- interview-kb:``) as ``Options``,
    or None when MkDocs might refuse or read one of them otherwise.

    A key the plugin does not have is left out, as MkDocs leaves it out
    (with a warning the command line does not show), and an empty value
    (``today:``) takes the default, as in MkDocs, except for a list.
    """
    values: dict[str, Any] = {}
    for name, value in settings.items():
        rule = RULES.get(name)
        if rule is None:
            continue
        if value is None:
            if name in _LISTS:
                return None
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


_ConfigLoader.add_constructor("!ENV", _environment)
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
