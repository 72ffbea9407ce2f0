"""The reflections page (``reflections.md``)."""

from __future__ import annotations

from typing import Any

from ..analysis.reflections import (
    average_rating,
    interest_by_tag,
    interest_total,
    learned_by_tag,
    next_steps,
    not_reflected,
    ratings,
    reflected,
    to_improve,
    went_well,
)
from ..core.wording import interview_label
from .charts import interest_figure, rating_figure
from .site import Renderer

REFLECTIONS_PAGE = "reflections.md"


def render_reflections(renderer: Renderer) -> str:
    """The ``reflections.md`` page: interest by tag, lessons by tag, open next
    steps, what went well and what to improve, ratings over time, then each
    interview's reflection, newest first."""
    site = renderer.site
    notebook, today = site.notebook, site.today

    def who(slug: str) -> str:
        interview = notebook.interviews[slug]
        contact = notebook.contacts.get(interview.contact)
        name = contact.name if contact else interview.contact
        return f"{name}, {interview_label(interview)}"

    average = average_rating(notebook, today)
    interest = interest_by_tag(notebook, today)
    rated = ratings(notebook, today)
    context: dict[str, Any] = {
        # Each interview's "name, date": a mapping, so that the page can be
        # kept from one build to the next (render.memo).
        "who": {slug: who(slug) for slug in notebook.interviews},
        "reflected": reflected(notebook, today),
        "missing": not_reflected(notebook, today),
        "interest": interest,
        "interest_chart": interest_figure(interest) if interest else None,
        "interest_total": interest_total(notebook, today),
        "learned": learned_by_tag(notebook, today),
        "steps": next_steps(notebook, today),
        "went_well": went_well(notebook, today),
        "improve": to_improve(notebook, today),
        "ratings": rated,
        "ratings_chart": rating_figure(rated, {r.interview: who(r.interview) for r in rated})
        if rated
        else None,
        "average": f"{average:.1f}" if average is not None else None,
    }
    return renderer.render("reflections.md.j2", REFLECTIONS_PAGE, **context)
