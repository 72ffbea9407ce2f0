"""The referral network page (``network.md``)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..analysis.network import loners, network, reach, tree
from .site import Renderer

NETWORK_PAGE = "network.md"


def _nesting(depths: list[int]) -> list[Markup]:
    """The HTML that opens each line of the tree as an item of nested lists.

    A line one level deeper than the one before opens a list inside that
    item; a shallower one closes the items and lists in between.
    """
    opening = []
    depth = -1
    for level in depths:
        if level > depth:
            html = "<ul><li>" * (level - depth - 1) + "<ul>"
        else:
            html = "</li>" + "</ul></li>" * (depth - level)
        opening.append(Markup(html + "<li>"))
        depth = level
    return opening


def _closing(depth: int) -> Markup:
    """The HTML that closes the tree after its last line, at ``depth``."""
    return Markup("" if depth < 0 else "</li>" + "</ul></li>" * depth + "</ul>")


def render_network(renderer: Renderer) -> str:
    """The ``network.md`` page: a nested list of who brought you whom (no
    JavaScript needed), who brought you the most people, and who is outside."""
    site = renderer.site
    net = network(site.notebook, site.today)
    lines = tree(net)
    context: dict[str, Any] = {
        "lines": list(zip(_nesting([line.depth for line in lines]), lines, strict=True)),
        "closing": _closing(lines[-1].depth if lines else -1),
        "reach": reach(net),
        "loners": loners(site.notebook, net),
    }
    return renderer.render("network.md.j2", NETWORK_PAGE, **context)
