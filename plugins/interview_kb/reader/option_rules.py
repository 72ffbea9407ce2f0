"""What each plugin option accepts, with a one-line message naming the fix.

The MkDocs config (``config.py``), the command line's reader of
``mkdocs.yml`` (``mkdocs_yml.py``) and the checks that need the notebook's
folder (``check_against``) all use these rules, so a bad value gets the same
message from ``mkdocs build`` and from ``interview-kb``, and never a
traceback. Nothing here imports MkDocs or click.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from ..core.model import Options
from ..core.obsidian import SYNONYM_FIELDS
from ..core.vocab import Policy, PublishMode, values


class OptionError(ValueError):
    """A bad option value; the message says what to write instead."""

    def __init__(self, message: str, option: str | None = None) -> None:
        self.option = option
        super().__init__(f"option '{option}': {message}" if option else message)


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    if isinstance(value, bool):
        text = "yes" if value else "no"
    return text if len(text) <= 60 else text[:57] + "..."


def as_date(value: object) -> date | None:
    """An option's date: ``2026-11-20`` (YAML reads it as a date) or quoted;
    None when it is not one."""
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


def folder(value: object) -> str:
    """A folder or file name relative to ``mkdocs.yml``."""
    if not isinstance(value, str) or not value.strip():
        raise OptionError(
            f"expected a folder or file name relative to mkdocs.yml, got {_shown(value)}"
        )
    return value


def day(value: object) -> date:
    """A date, ``2026-11-20``."""
    found = as_date(value)
    if found is None:
        raise OptionError(f"expected a date such as 2026-11-20, got {_shown(value)}")
    return found


def days(value: object) -> tuple[date, ...]:
    """A list of dates."""
    if not isinstance(value, (list, tuple)):
        raise OptionError(
            f"expected a list of dates such as [2026-12-24, 2026-12-31], got {_shown(value)}"
        )
    found = []
    for item in value:
        one = as_date(item)
        if one is None:
            raise OptionError(f"{_shown(item)} is not a date; write it as 2026-12-24")
        found.append(one)
    return tuple(sorted(set(found)))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import holidays

    return frozenset(holidays.list_supported_countries())


def country_text(value: object) -> str:
    """A country code, as text; ``check_country`` looks it up."""
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"expected a country code such as US, GB, DE or FR, got {_shown(value)}")
    return value


def check_country(code: str) -> None:
    """``OptionError`` unless the ``holidays`` library knows the country.

    Apart from the value's rule because it imports the library, which
    commands that need no business days (``check``) do not load."""
    if code not in _countries():
        raise OptionError(
            f"{_shown(code)} is not a country code the holidays library knows; "
            "use a code such as US, GB, DE or FR, or leave the option out",
            "holidays_country",
        )


def positive(value: object) -> int:
    """A whole number of 1 or more (not ``true``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionError(f"expected a whole number of 1 or more, got {_shown(value)}")
    return value


def whole(value: object) -> int:
    """A whole number of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OptionError(f"expected a whole number of 0 or more, got {_shown(value)}")
    return value


def fraction(value: object) -> float:
    """A number from 0 to 1, such as 0.5."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise OptionError(f"expected a number from 0 to 1 such as 0.5, got {_shown(value)}")
    return float(value)


def texts(value: object) -> tuple[str, ...]:
    """A list of texts (folders or glob patterns)."""
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise OptionError(f"expected a list of folders such as [../members/*], got {_shown(value)}")
    return tuple(value)


def yes_no(value: object) -> bool:
    """``yes`` or ``no``."""
    if not isinstance(value, bool):
        raise OptionError(f"expected yes or no, got {_shown(value)}")
    return value


def choice(kind: type[StrEnum], hint: str) -> Callable[[object], StrEnum]:
    """One of the values of ``kind``."""
    allowed = values(kind)

    def check(value: object) -> StrEnum:
        if not isinstance(value, str) or value not in allowed:
            raise OptionError(f"{_shown(value)} is not one of {', '.join(allowed)}; {hint}")
        return kind(value)

    return check


def key_table(value: object) -> tuple[tuple[str, str], ...]:
    """``keys:``: contact fields and the note keys that stand for them,
    ``{organization: [firm], role: position}``, as (field, key) pairs."""
    if value == ():  # the default, as MkDocs passes it
        return ()
    if not isinstance(value, dict):
        raise OptionError(
            f"expected a mapping such as {{organization: [firm]}}, got {_shown(value)}"
        )
    pairs: list[tuple[str, str]] = []
    for name, keys in value.items():
        if name not in SYNONYM_FIELDS:
            raise OptionError(
                f"{_shown(name)} is not a field other keys can stand for; "
                f"use one of {', '.join(SYNONYM_FIELDS)}"
            )
        listed = [keys] if isinstance(keys, str) else keys
        if not isinstance(listed, list) or not all(isinstance(k, str) and k for k in listed):
            raise OptionError(f"{name}: expected a key or a list of keys, got {_shown(keys)}")
        pairs.extend((name, key) for key in listed)
    return tuple(pairs)


def where_tags(value: object) -> tuple[str, ...]:
    """``contacts_where:``: ``{tags: people}`` or ``{tags: [people, person]}``."""
    if value == ():
        return ()
    tags = value.get("tags") if isinstance(value, dict) and set(value) == {"tags"} else None
    listed = [tags] if isinstance(tags, str) else tags
    if (
        not isinstance(listed, list)
        or not listed
        or not all(isinstance(t, str) and t.strip("# ") for t in listed)
    ):
        raise OptionError(f"expected a mapping such as {{tags: people}}, got {_shown(value)}")
    return tuple(t.strip("# ").casefold() for t in listed)


RULES: dict[str, Callable[[object], object]] = {
    "contacts_dir": folder,
    "interviews_dir": folder,
    "questions_file": folder,
    "today": day,
    "holidays": days,
    "holidays_country": country_text,
    "reconnect_after_days": positive,
    "thank_you_business_days": positive,
    "follow_up_after_days": positive,
    "follow_up_policy": choice(Policy, "write follow_up_policy: week (the default) or 3b7"),
    "shared_from": texts,
    "publish": choice(
        PublishMode,
        "write publish: notebook (your own site) or publish: guide (the shared guide)",
    ),
    "deploy_notebook": yes_no,
    "guide_home": folder,
    "plan_interviews_min": positive,
    "plan_interviews_max": positive,
    "plan_role_interest": whole,
    "plan_organization_interest": whole,
    "plan_junior_share": fraction,
    "keys": key_table,
    "contacts_where": where_tags,
}


def check_value(name: str, value: object) -> object:
    """``value`` of option ``name`` as the core uses it, or ``OptionError``."""
    try:
        return RULES[name](value)
    except OptionError as problem:
        raise OptionError(str(problem), name) from None


def check_against(
    options: Options, root: Path, docs_dir: Path | None = None, *, country: bool = True
) -> None:
    """What a value alone cannot tell: folders and files named by options
    other than their defaults exist, the plan's range is a range and (with
    ``country``) the holidays library knows the country. Raises
    ``OptionError`` for the first problem."""
    defaults = Options()
    if country and options.holidays_country:
        check_country(options.holidays_country)
    for name in ("contacts_dir", "interviews_dir"):
        value = getattr(options, name)
        if value != getattr(defaults, name) and not (root / value).is_dir():
            raise OptionError(
                f"there is no folder {value!r} beside mkdocs.yml; create it, "
                "or fix the option (leave it out for the default)",
                name,
            )
    if (
        options.questions_file != defaults.questions_file
        and not (root / options.questions_file).is_file()
    ):
        raise OptionError(
            f"there is no file {options.questions_file!r} beside mkdocs.yml; "
            "create it, or fix the option (leave it out for the default)",
            "questions_file",
        )
    if options.plan_interviews_min > options.plan_interviews_max:
        raise OptionError(
            f"{options.plan_interviews_min} is more than plan_interviews_max "
            f"({options.plan_interviews_max}); make the minimum the smaller number",
            "plan_interviews_min",
        )
    if (
        docs_dir is not None
        and options.guide_home != defaults.guide_home
        and not (docs_dir / options.guide_home).is_file()
    ):
        raise OptionError(
            f"there is no page {options.guide_home!r} in the docs folder; "
            "give the guide's home page relative to docs/ (default guide/index.md)",
            "guide_home",
        )
