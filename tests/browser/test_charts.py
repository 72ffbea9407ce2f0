"""Charts in the browser: drawn, named for screen readers, readable in both colour
schemes, never wider than a phone; and screenshots of the dashboard for a person
to look at (tests/browser/screenshots/charts-*.png, git-ignored)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, PHONE, SCREENSHOTS, OpenPage, Site, Traffic, screenshot

pytestmark = pytest.mark.browser

# The charts of each page, by the names screen readers give them.
CHARTS = {
    "": ["Progress against the plan", "Outreach funnel"],
    "timeline/": ["Activity per month"],
    "reflections/": ["Still interested, by tag", "Rating over time"],
    "contacts/leo-hartmann/": ["Timeline of Leo Hartmann"],
}
SHOTS = {"home": "", "timeline": "timeline/", "reflections": "reflections/"}

# Where each chart is drawn, and the colours its text and its marks are painted
# in, against the page's background.
MEASURE = """() => {
    const paint = el => {
        const style = getComputedStyle(el);
        return style.fill === "none" ? style.stroke : style.fill;
    };
    let background = getComputedStyle(document.body).backgroundColor;
    if (background === "rgba(0, 0, 0, 0)") {
        background = getComputedStyle(document.documentElement).backgroundColor;
    }
    return [...document.querySelectorAll("figure.ikb-chart svg")].map(svg => {
        const box = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll("[data-value]")].filter(el => {
            const b = el.getBoundingClientRect();
            return b.width > 0 && b.height > 0;
        });
        return {
            name: svg.querySelector("title").textContent,
            left: box.left,
            right: box.right,
            width: box.width,
            height: box.height,
            viewport: document.documentElement.clientWidth,
            background: background,
            text: [...new Set([...svg.querySelectorAll("text")].map(paint))],
            marks: [...new Set(marks.map(paint))],
        };
    });
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    assert len(numbers) in (3, 4), css
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str) -> float:
    """The WCAG contrast ratio of ``colour`` (its alpha laid over ``background``)."""
    *front, alpha = _rgba(colour)
    *back, _ = _rgba(background)
    mixed = tuple(alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True))
    lighter, darker = sorted((_luminance(mixed), _luminance((back[0], back[1], back[2]))))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def check_charts(page: Page, address: str, scheme: str) -> list[dict[str, Any]]:
    for name in CHARTS[address]:
        expect(page.get_by_role("img", name=name, exact=True)).to_be_visible()
    charts: list[dict[str, Any]] = page.evaluate(MEASURE)
    assert [c["name"] for c in charts] == CHARTS[address]
    for chart in charts:
        where = f"{chart['name']} on /{address} ({scheme}, {chart['viewport']} px)"
        assert chart["left"] >= 0 and chart["right"] <= chart["viewport"] + 0.5, where
        assert chart["width"] >= 300 and chart["height"] >= 60, where
        # Text as readable as the page's own; bars and dots as any graphic must be.
        for colour in chart["text"]:
            assert contrast(colour, chart["background"]) >= 4.5, (where, colour)
        for colour in chart["marks"]:
            assert contrast(colour, chart["background"]) >= 3, (where, colour)
    return charts


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_charts_read_in_both_schemes_at_both_widths(
    open_page: OpenPage, site: Site, scheme: str, width: str
) -> None:
    phone = width == "phone"
    viewport = PHONE if phone else DESKTOP
    page = open_page(viewport=viewport, color_scheme=scheme, is_mobile=phone, has_touch=phone)
    SCREENSHOTS.mkdir(exist_ok=True)
    colours = set()
    for address in CHARTS:
        page.goto(site.url + address)
        expected = "slate" if scheme == "dark" else "default"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        for chart in check_charts(page, address, scheme):
            colours.update(chart["marks"])
        assert page.evaluate(SIDEWAYS) <= 1, f"/{address} scrolls sideways at {viewport}"
    for name, address in SHOTS.items():
        page.goto(site.url + address)
        shot = SCREENSHOTS / f"charts-{name}-{scheme}-{viewport['width']}.png"
        screenshot(page, path=shot, full_page=True, animations="disabled")
        assert shot.stat().st_size > 10_000, shot
    # Material's link colour for the scheme: the charts follow it.
    assert ("rgb(84, 136, 232)" if scheme == "dark" else "rgb(64, 81, 181)") in colours


def test_the_dashboard_charts_in_a_screenshot(open_page: OpenPage, site: Site) -> None:
    """The dashboard's two charts, close up, in both schemes, for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for scheme in ("light", "dark"):
        page = open_page(color_scheme=scheme)
        page.goto(site.url)
        figures = page.locator("figure.ikb-chart")
        expect(figures).to_have_count(2)
        for index, name in enumerate(("plan", "funnel")):
            shot = SCREENSHOTS / f"charts-dashboard-{name}-{scheme}.png"
            screenshot(figures.nth(index), path=shot, animations="disabled")
            assert shot.stat().st_size > 2_000, shot


def test_chart_labels_stay_out_of_search_but_captions_do_not(site: Site) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "request or reminder" not in text  # a legend inside the contact's strip
    assert "7 events, each a dot at its date: 1 request, 1 reminder" in text  # its caption
    assert "Outreach funnel" not in text  # a chart's title
    assert "19 were asked for an interview, 15 answered (79% of those asked)" in text


def test_the_guide_shows_only_the_category_chart(
    open_page: OpenPage, guide: Site, traffic: Traffic
) -> None:
    traffic.allow(guide.url)
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme="dark")
    for address in guide.html_pages():
        page.goto(guide.url + address)
        names = page.locator("figure.ikb-chart svg > title").all_text_contents()
        if address == "questions/":
            assert names == ["Questions asked, by category"]
            bars = page.locator("figure.ikb-chart [data-value]")
            expect(bars).to_have_count(7)
            assert page.evaluate(SIDEWAYS) <= 1
            screenshot(page, path=SCREENSHOTS / "charts-guide-dark-375.png", full_page=True)
        else:
            assert names == [], address
