"""The published guide's generated page, from the public view alone."""

from __future__ import annotations

from typing import Any

from ..analysis.public import PrivateValue, PublicGuide
from .charts import category_figure
from .site import environment, tidy

GUIDE_HOME_PAGE = "index.md"


def render_guide(guide: PublicGuide) -> dict[str, str | bytes]:
    """The published guide's generated pages, from the public view alone.

    The templates get the ``PublicGuide`` and nothing else: no notebook, no
    link helpers that could reach one.
    """
    if not isinstance(guide, PublicGuide):
        raise PrivateValue(
            f"the guide is rendered from a PublicGuide, not a {type(guide).__name__}"
        )
    categories: dict[str, list[Any]] = {}
    for question in guide.questions:
        categories.setdefault(question.category, []).append(question)
    counts = guide.asked_by_category
    chart = category_figure(counts) if any(c.asked for c in counts) else None
    text = (
        environment()
        .get_template("guide-questions.md.j2")
        .render(guide=guide, categories=list(categories.items()), chart=chart)
    )
    # The guide's home when the docs have none of their own (options.guide_home):
    # never the notebook's docs/index.md, which the plugin leaves out of the guide.
    home = environment().get_template("guide-home.md.j2").render(guide=guide)
    return {"questions.md": tidy(text), GUIDE_HOME_PAGE: tidy(home)}
