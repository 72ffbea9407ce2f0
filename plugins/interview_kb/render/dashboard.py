"""The home page: the user's own ``docs/index.md`` with the dashboard."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..analysis.dashboard import seniority_split
from ..analysis.plan import progress
from ..analysis.timeline import funnel
from ..core.model import interview_order
from ..core.paths import interview_page
from ..core.vocab import FollowUpKind
from ..core.wording import interview_label
from .charts import funnel_figure, plan_figure
from .items import item_view
from .plan import render_plan
from .site import Renderer
from .timeline import funnel_summary

DASHBOARD_MARKER = "<!-- dashboard -->"


TOP_ITEMS = 6


def render_dashboard(renderer: Renderer) -> str:
    """The dashboard as a Markdown fragment, with links relative to ``index.md``."""
    site = renderer.site
    notebook, today = site.notebook, site.today
    held = [i for i in notebook.interviews.values() if i.is_held(today)]
    coming = sorted(
        (i for i in notebook.interviews.values() if i.is_upcoming(today)), key=interview_order
    )
    # Most pressing first: a late thank-you matters more than an old reminder
    # to reconnect, whatever their dates.
    overdue = sorted(
        (
            item
            for item in site.items
            if item.days_overdue > 0 and item.kind != FollowUpKind.MOVE_ON
        ),
        key=lambda item: (list(FollowUpKind).index(item.kind), -item.days_overdue, item.contact),
    )
    outreach = funnel(notebook, today)
    due_today = [item for item in site.items if item.days_overdue == 0]
    preparation = []
    for interview in coming:
        contact = notebook.contacts.get(interview.contact)
        preparation.append(
            {
                "interview": interview,
                "sheet": interview_page(interview.slug),
                "contact": contact,
                "questions": len(interview.questions),
                "research": bool(interview.body.strip()),
                "when": interview_label(interview),
            }
        )
    context: dict[str, Any] = {
        "counts": {
            "contacts": len(notebook.contacts),
            "held": len(held),
            "coming": len(coming),
            "overdue": len(overdue),
        },
        "overdue": [item_view(renderer, item) for item in overdue[:TOP_ITEMS]],
        "more_overdue": max(0, len(overdue) - TOP_ITEMS),
        "due_today": [item_view(renderer, item) for item in due_today],
        "preparation": preparation,
        "plan": Markup(render_plan(renderer)),
        "plan_chart": plan_figure(
            progress(notebook, today, site.options),
            *seniority_split(notebook, today),
            upper=site.options.plan_interviews_max,
        ),
        "funnel": funnel_summary(outreach),
        "funnel_chart": funnel_figure(outreach.overall) if outreach.overall.asked else None,
    }
    return renderer.render("dashboard.md.j2", "index.md", **context)


def compose_home(own: str | None, dashboard: str) -> str:
    """The home page: the dashboard in place of a line ``<!-- dashboard -->`` in
    the user's ``docs/index.md``, else below its text, else alone."""
    if own is None:
        return "# Dashboard\n\n" + dashboard
    lines = own.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.strip() == DASHBOARD_MARKER:
            return "".join(lines[:number]) + "\n" + dashboard + "\n" + "".join(lines[number + 1 :])
    return own.rstrip("\n") + "\n\n" + dashboard
