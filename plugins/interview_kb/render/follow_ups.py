"""The follow-ups page (``follow-ups.md``)."""

from __future__ import annotations

from typing import Any

from ..core.wording import long_date
from .items import item_view
from .site import Renderer
from .text import LATER_SHOWN, SECTIONS, section_of


def render_follow_ups(renderer: Renderer) -> str:
    """The ``follow-ups/`` page: every item, grouped by when it is due."""
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in SECTIONS}
    later = 0
    for item in renderer.site.items:
        section = section_of(item)
        if section == "Later":
            later += 1
            if later > LATER_SHOWN:
                continue
        groups[section].append(item_view(renderer, item))
    overdue = len(groups["Overdue"])
    today = len(groups["Due today"])
    summary = (
        f"{overdue} overdue, {today} due today, {len(groups['Next 7 days'])} in the next 7 days."
    )
    return renderer.render(
        "follow-ups.md.j2",
        "follow-ups.md",
        computed_for=long_date(renderer.site.today),
        summary=summary,
        sections=[(name, groups[name], empty) for name, empty in SECTIONS],
        later_hidden=max(0, later - LATER_SHOWN),
    )
