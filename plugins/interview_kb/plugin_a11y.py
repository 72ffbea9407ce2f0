"""Names for the checkboxes of Markdown task lists (``- [ ] ...`` in a note or
a page of ``docs/``).

pymdownx.tasklist draws each item's box as a disabled ``<input>`` whose label
holds no text, so a screen reader announces a checkbox without a name. Each box
gets the name "Done" or "To do", the words the notebook's own checklists use.
"""

from __future__ import annotations

import re

_BOX = re.compile(
    r'(<li class="task-list-item">(?:<label class="task-list-control">)?)'
    r"<input type=\"checkbox\" disabled( checked)?/?>"
)


def name_task_checkboxes(html: str) -> str:
    """``html`` with every task-list checkbox named by its state."""
    if 'class="task-list-item"' not in html:
        return html

    def named(match: re.Match[str]) -> str:
        checked = match.group(2) or ""
        state = "Done" if checked else "To do"
        return f'{match.group(1)}<input type="checkbox" disabled{checked} aria-label="{state}">'

    return _BOX.sub(named, html)
