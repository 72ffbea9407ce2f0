"""The plan fragment of the home page: targets and progress."""

from __future__ import annotations

from ..analysis.plan import progress
from .markup import html_line
from .site import Renderer


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def render_plan(renderer: Renderer) -> str:
    """An HTML fragment for the dashboard: the plan as a table, then what is
    missing (or that the plan is complete)."""
    site = renderer.site
    plan = progress(site.notebook, site.today, site.options)
    rows = [
        "<table>",
        "<thead><tr><th>Target</th><th>Now</th><th>Plan</th><th>Done</th></tr></thead>",
        "<tbody>",
    ]
    for target in plan.targets:
        cells = (target.label, target.shown, target.planned, "yes" if target.done else "not yet")
        rows.append("<tr>" + "".join(f"<td>{html_line(cell)}</td>" for cell in cells) + "</tr>")
    rows += ["</tbody>", "</table>", ""]
    missing = [t for t in plan.targets if t.message and not t.done]
    if missing:
        rows += ["<p>What is missing:</p>", "", "<ul>"]
        rows += [f"<li>{html_line(_sentence(t.message or ''))}</li>" for t in missing]
        rows += ["</ul>"]
    else:
        rows.append("<p>Every target of the plan is met.</p>")
    advice = [t for t in plan.targets if t.message and t.done]
    if advice:
        rows.append("")
        rows += [f"<p>{html_line(_sentence(t.message or ''))}</p>" for t in advice]
    return "\n".join(rows) + "\n"
