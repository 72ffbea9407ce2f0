"""The question bank page (``questions.md``)."""

from __future__ import annotations

from typing import Any

from ..analysis.questions import QuestionView, question_views
from .site import Renderer

CATEGORY_TITLES = {
    "background": "Background",
    "day-to-day": "Day-to-day",
    "fit": "Fit",
    "inside-view": "Inside view",
    "advice": "Advice",
    "network": "Network",
    "organization": "Organization",
}


QUESTIONS_PAGE = "questions.md"


def category_title(category: str) -> str:
    """A category's heading: ``Inside view`` for ``inside-view``; others as written."""
    return CATEGORY_TITLES.get(category, category)


def _by_category(views: list[QuestionView]) -> list[tuple[str, list[QuestionView]]]:
    groups: dict[str, list[QuestionView]] = {}
    for view in views:
        groups.setdefault(view.category or "", []).append(view)
    return [(category_title(category), items) for category, items in groups.items()]


def render_questions(renderer: Renderer) -> str:
    """The ``questions.md`` page: every asked question with its answers side by
    side, by category; then the custom questions; then the bank questions not
    asked yet."""
    site = renderer.site
    views = question_views(site.notebook, site.today)
    asked = [v for v in views if v.id is not None and v.asked]
    custom = [v for v in views if v.id is None]
    waiting = [v for v in views if v.id is not None and not v.asked]
    held_with_questions = {slug for v in views for slug in v.asked_in}
    context: dict[str, Any] = {
        "sections": _by_category(asked),
        "custom": custom,
        "waiting": _by_category(waiting),
        "asked_count": len(asked) + len(custom),
        "bank_asked": len(asked),
        "interview_count": len(held_with_questions),
        "interviews": site.notebook.interviews,
    }
    return renderer.render("questions.md.j2", QUESTIONS_PAGE, **context)
