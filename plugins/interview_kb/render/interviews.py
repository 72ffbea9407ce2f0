"""The interviews index page (``interviews.md``)."""

from __future__ import annotations

from ..core.model import interview_order
from ..core.wording import interview_label
from .site import Renderer
from .text import interview_status


def render_interviews(renderer: Renderer) -> str:
    """The ``interviews/`` page: upcoming first, then held, newest first."""
    today = renderer.site.today
    every = sorted(renderer.site.notebook.interviews.values(), key=interview_order)
    upcoming = [i for i in every if i.is_upcoming(today) and i.date > today]
    held = [i for i in reversed(every) if i.is_held(today)]
    cancelled = [i for i in reversed(every) if i.cancelled]
    return renderer.render(
        "interviews.md.j2",
        "interviews.md",
        upcoming=upcoming,
        held=held,
        cancelled=cancelled,
        contacts=renderer.site.notebook.contacts,
        label=interview_label,
        status=lambda i: interview_status(i, today),
    )
