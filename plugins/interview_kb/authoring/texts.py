"""Lists given as one text (on the command line, or in a CSV cell)."""

from __future__ import annotations

import re


def split_list(text: str) -> tuple[str, ...]:
    """``a, b; #c`` as ``("a", "b", "c")``: commas or semicolons, ``#`` dropped."""
    items = (" ".join(t.split()).lstrip("#").strip() for t in re.split(r"[,;]", text))
    return tuple(dict.fromkeys(t for t in items if t))
