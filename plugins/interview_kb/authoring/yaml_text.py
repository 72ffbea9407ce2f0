"""YAML values written as text, in the style of a hand-written note."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import lru_cache

import jinja2
import yaml

from ..core.chars import YAML_PRINTABLE


class YamlText(str):
    """YAML that this module wrote itself: goes into a note as it stands."""

    __slots__ = ()


_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
# The characters YAML does not allow in a file at all (PyYAML's Reader).
_NON_PRINTABLE = re.compile(f"[^{YAML_PRINTABLE}]")


def yaml_value(value: object, *, flow: bool = True) -> YamlText:
    """One value as YAML on one line.

    Texts are left plain when YAML reads them back as the same text, else
    quoted; a text with line breaks is double-quoted with escapes, so that no
    line of it can ever read as the ``---`` that closes the front-matter.
    With ``flow`` (the default) the value is safe anywhere, inside ``[...]``
    and ``{...}`` too; without, only as the value of a ``key:`` line, where
    a plain ``a, b`` or ``https://...`` needs no quotes. Dates are written
    ``2026-11-20``, booleans ``yes`` / ``no``, tuples as ``[a, b]``.
    """
    if isinstance(value, YamlText):
        return value
    if isinstance(value, StrEnum):  # a value of a list (``core.vocab``): its text
        value = value.value
    if isinstance(value, bool):
        return YamlText("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, tuple | list):
        return YamlText("[" + ", ".join(yaml_value(item) for item in value) + "]")
    if not isinstance(value, str | int | float | date):
        raise TypeError(f"no YAML form for {type(value).__name__}")
    style = '"' if isinstance(value, str) and _LINE_BREAKS.search(value) else None
    # Inside a flow list, the emitter picks the quoting that flow context
    # needs; at the top of a document, what a block value needs.
    dumped = yaml.safe_dump(
        [value] if flow else value,
        default_flow_style=True,
        allow_unicode=True,
        width=1 << 30,
        default_style=style,
    )
    if flow:
        text = dumped.rstrip("\n")
        ok = text.startswith("[") and text.endswith("]")
        text = text[1:-1]
    else:
        text = dumped.removesuffix("\n...\n").rstrip("\n")
        ok = True
    if not ok or "\n" in text or not text:
        raise AssertionError(f"unexpected YAML for {value!r}: {dumped!r}")
    return YamlText(text)


def comment_text(text: str) -> str:
    """Text for a YAML comment: one line, only characters YAML allows."""
    return _NON_PRINTABLE.sub("?", " ".join(str(text).split()))


HINT_COLUMN = 36


def with_hint(line: str, hint: str = "") -> YamlText:
    """A line of YAML with an explaining comment aligned at ``HINT_COLUMN``."""
    if not hint:
        return YamlText(line)
    gap = max(2, HINT_COLUMN - len(line))
    return YamlText(f"{line}{' ' * gap}# {comment_text(hint)}")


def entry(key: str, value: object, example: str, hint: str = "") -> YamlText:
    """``key: value`` when there is a value, else ``# key: example`` (commented out).

    ``example`` is written as YAML, as it stands: templates give it as a literal.
    """
    present = value is not None and value != "" and value != ()
    line = (
        f"{key}: {yaml_value(value, flow=False)}"
        if present
        else f"# {key}: {comment_text(example)}"
    )
    return with_hint(line, hint)


def _finalize(value: object) -> object:
    # Every {{ value }} of a note template is YAML-quoted unless it is YAML
    # this module built itself.
    if isinstance(value, YamlText):
        return str(value)
    if value is None:
        raise TypeError("a note template printed an empty value; use entry() for optional keys")
    return yaml_value(value)


@lru_cache(maxsize=1)
def yaml_environment() -> jinja2.Environment:
    """Jinja2 for the templates of new notes and notebooks (YAML, not Markdown)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("interview_kb", "templates/new"),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals.update(entry=entry, with_hint=with_hint, yaml=yaml_value)
    env.filters["yaml"] = yaml_value
    env.filters["comment"] = lambda v: YamlText(comment_text(v))
    return env
