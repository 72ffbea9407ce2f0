"""The timeline page (``timeline.md``) and the timeline fragment of a contact's page."""

from __future__ import annotations

from typing import Any

from ..analysis.timeline import Event, Funnel, activity, contact_events, events, funnel
from ..core.paths import contact_page
from ..core.wording import count_of, month_title, percent
from .charts import activity_figure, strip_figure
from .site import Renderer

TIMELINE_PAGE = "timeline.md"


def _by_month(found: list[Event]) -> list[tuple[str, list[Event]]]:
    months: dict[str, list[Event]] = {}
    for event in found:
        months.setdefault(month_title(event.date), []).append(event)
    return list(months.items())


def _funnel_rows(result: Funnel) -> tuple[list[str], list[tuple[str, list[str]]]]:
    columns = [("All", result.overall)]
    columns += [
        (title, result.by_warmth[group])
        for group, title in (("warm", "Warm"), ("cold", "Cold"), ("unknown", "Unknown warmth"))
        if result.by_warmth[group].contacts
    ]
    rows: list[tuple[str, list[str]]] = [
        ("Contacts", [str(s.contacts) for _, s in columns]),
        ("Asked for an interview", [str(s.asked) for _, s in columns]),
        ("Answered (yes or no)", [str(s.answered) for _, s in columns]),
        ("Response rate", [percent(s.response_rate) for _, s in columns]),
        ("Interviewed", [str(s.interviewed) for _, s in columns]),
        ("Thanked", [str(s.thanked) for _, s in columns]),
    ]
    return [title for title, _ in columns], rows


def funnel_summary(result: Funnel) -> str:
    """One or two sentences on the funnel: the response rate, and warm against cold."""
    overall = result.overall
    if not overall.asked:
        return ""
    text = (
        f"You asked {count_of(overall.asked, 'person', 'people')} for an interview and "
        f"{overall.answered} answered ({percent(overall.response_rate)})."
    )
    warm, cold = result.by_warmth["warm"], result.by_warmth["cold"]
    if warm.asked and cold.asked:
        text += (
            f" Warm contacts answered {warm.answered} of {warm.asked} "
            f"({percent(warm.response_rate)}), cold contacts {cold.answered} of {cold.asked} "
            f"({percent(cold.response_rate)})."
        )
    return text


def render_timeline(renderer: Renderer) -> str:
    """The ``timeline.md`` page: the funnel table, activity per month (a chart
    and a table), then every event by month, newest first."""
    site = renderer.site
    result = funnel(site.notebook, site.today)
    headers, rows = _funnel_rows(result)
    months = activity(site.notebook, site.today)
    context: dict[str, Any] = {
        "fragment": False,
        "summary": funnel_summary(result),
        "headers": headers,
        "rows": rows,
        "months": _by_month(events(site.notebook, site.today)),
        "activity": months,
        "month_name": month_title,
        "activity_chart": activity_figure(months) if months else None,
    }
    return renderer.render("timeline.md.j2", TIMELINE_PAGE, **context)


def render_contact_timeline(renderer: Renderer, slug: str) -> str:
    """A Markdown fragment for the page of contact ``slug``: its events as a
    strip on a time axis, then as a compact list, newest first (links are
    relative to that page)."""
    site = renderer.site
    found = contact_events(site.notebook, slug, site.today)
    contact = site.notebook.contacts.get(slug)
    context: dict[str, Any] = {
        "fragment": True,
        "events": found,
        "strip": strip_figure(found, site.today, contact.name if contact else slug)
        if found
        else None,
    }
    return renderer.render("timeline.md.j2", contact_page(slug), **context)
