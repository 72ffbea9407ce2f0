"""The plugin's options, as MkDocs validates them (``plugins: - interview-kb:``).

``reader/mkdocs_yml.py`` reads the same options without MkDocs, for the command
line; the two share what a date and a positive whole number are.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from .core.model import Options
from .core.vocab import Policy, PublishMode, values
from .reader.mkdocs_yml import as_date, as_positive_int


class DateOption(c.OptionallyRequired[date]):
    """A date, written ``2026-11-20`` (YAML reads it as a date) or quoted."""

    def run_validation(self, value: object) -> date:
        day = as_date(value)
        if day is None:
            raise base.ValidationError(f"expected a date such as 2026-11-20, got {value!r}")
        return day


class PositiveInt(c.Type[int]):
    """A whole number of one or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if as_positive_int(number) is None:
            raise base.ValidationError(f"expected a whole number of 1 or more, got {value!r}")
        return number


class PluginConfig(base.Config):
    """Options of the ``interview-kb`` plugin; see docs/notes.md."""

    contacts_dir = c.Type(str, default="contacts")
    interviews_dir = c.Type(str, default="interviews")
    questions_file = c.Type(str, default="questions.yml")
    today = c.Optional(DateOption())
    holidays = c.ListOfItems(DateOption(), default=[])
    holidays_country = c.Optional(c.Type(str))
    reconnect_after_days = PositiveInt(90)
    thank_you_business_days = PositiveInt(2)
    follow_up_after_days = PositiveInt(7)
    follow_up_policy = c.Choice(values(Policy), default="week")
    shared_from = c.ListOfItems(c.Type(str), default=[])
    publish = c.Choice(values(PublishMode), default="notebook")
    plan_interviews_min = PositiveInt(3)
    plan_interviews_max = PositiveInt(6)
    plan_role_interest = c.Type(int, default=2)
    plan_organization_interest = c.Type(int, default=2)
    plan_junior_share = c.Type(float, default=0.5)

    def to_options(self) -> Options:
        """The options as the core's plain ``Options``."""
        found: dict[str, Any] = {name: self[name] for name in Options.__dataclass_fields__}
        found["holidays"] = tuple(sorted(set(found["holidays"])))
        found["shared_from"] = tuple(found["shared_from"])
        found["follow_up_policy"] = Policy(found["follow_up_policy"])
        found["publish"] = PublishMode(found["publish"])
        return Options(**found)
