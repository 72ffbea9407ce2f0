"""The plugin's options, as MkDocs validates them (``plugins: - interview-kb:``).

Every option is checked by its rule in ``reader/option_rules.py``, which the command
line's reader of ``mkdocs.yml`` uses too: a bad value gets one line naming
the option and the fix, from ``mkdocs build`` and ``interview-kb`` alike.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, cast

from mkdocs.config import base

from .core.model import Options
from .reader.option_rules import OptionError, check_value

T = TypeVar("T")


class RuleOption(base.BaseConfigOption[T], Generic[T]):
    """An option checked by its rule in ``option_rules.RULES``."""

    def __init__(self, rule: str, default: T) -> None:
        super().__init__()
        self.rule = rule
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        # The option's name in mkdocs.yml is its rule's, whatever the attribute.
        super().__set_name__(owner, self.rule)

    def run_validation(self, value: object) -> T:
        if value is None:
            return cast(T, self.default)
        try:
            checked = check_value(self.rule, value)
        except OptionError as problem:
            raise base.ValidationError(str(problem).split(": ", 1)[1]) from None
        return cast(T, checked)


_DEFAULTS = Options()


def _option(name: str) -> RuleOption[Any]:
    return RuleOption(name, getattr(_DEFAULTS, name))


class PluginConfig(base.Config):
    """Options of the ``interview-kb`` plugin; see docs/notes.md."""

    contacts_dir = _option("contacts_dir")
    interviews_dir = _option("interviews_dir")
    questions_file = _option("questions_file")
    today = _option("today")
    holidays = _option("holidays")
    holidays_country = _option("holidays_country")
    reconnect_after_days = _option("reconnect_after_days")
    thank_you_business_days = _option("thank_you_business_days")
    follow_up_after_days = _option("follow_up_after_days")
    follow_up_policy = _option("follow_up_policy")
    shared_from = _option("shared_from")
    publish = _option("publish")
    deploy_notebook = _option("deploy_notebook")
    guide_home = _option("guide_home")
    plan_interviews_min = _option("plan_interviews_min")
    plan_interviews_max = _option("plan_interviews_max")
    plan_role_interest = _option("plan_role_interest")
    plan_organization_interest = _option("plan_organization_interest")
    plan_junior_share = _option("plan_junior_share")
    # `keys` in mkdocs.yml: the attribute has another name, as a Config is a
    # mapping and keeps its keys() method.
    contact_keys = _option("keys")
    contacts_where = _option("contacts_where")

    def to_options(self) -> Options:
        """The options as the core's plain ``Options``."""
        values: dict[str, Any] = {name: self[name] for name in Options.__dataclass_fields__}
        return Options(**values)
