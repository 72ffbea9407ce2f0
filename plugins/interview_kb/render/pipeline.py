"""The pipeline board (``pipeline.md``): contacts in columns by status, as
static HTML and CSS (the plugin's stylesheet lays the columns out)."""

from __future__ import annotations

from typing import Any

from ..analysis.board import board
from .site import Renderer
from .text import BOARD_TITLES, kind_label, when

PIPELINE_PAGE = "pipeline.md"


def render_pipeline(renderer: Renderer) -> str:
    """The ``pipeline/`` page."""
    site = renderer.site
    columns: list[dict[str, Any]] = []
    for column in board(site.notebook, site.today, site.options, site.items):
        cards = []
        for card in column.cards:
            item = card.next
            cards.append(
                {
                    "contact": card.contact,
                    "status": card.status,
                    "next": None
                    if item is None
                    else {
                        "label": kind_label(item.kind),
                        "due": item.due,
                        "when": when(item.days_overdue),
                        "action": item.action,
                    },
                }
            )
        columns.append({"key": column.key, "title": BOARD_TITLES[column.key], "cards": cards})
    total = sum(len(c["cards"]) for c in columns)
    return renderer.render("pipeline.md.j2", PIPELINE_PAGE, columns=columns, total=total)
