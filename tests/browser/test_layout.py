"""Layout on a phone, and screenshots for a person to look at after `make test`."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, SCREENSHOTS, OpenPage, Site, screenshot

pytestmark = pytest.mark.browser

KEY_PAGES = [
    "",
    "contacts/",
    "interviews/",
    "follow-ups/",
    "contacts/mei-lin-zhou/",
    "interviews/2026-11-06-mei-lin-zhou/",
    "questions/",
    "timeline/",
    "reflections/",
    "network/",
]

# How far the page can be scrolled sideways: 0 when nothing sticks out. Tables
# scroll inside Material's own wrapper, which is fine.
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The elements that stick out past the right edge, to say what is wrong.
WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll("article *")) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && !el.closest(".md-typeset__scrollwrap")) {
            wide.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
        }
    }
    return wide.slice(0, 5);
}"""


def test_no_page_scrolls_sideways_on_a_phone(open_page: OpenPage, site: Site) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    too_wide = {}
    for address in KEY_PAGES:
        response = page.goto(site.url + address)
        assert response is not None and response.ok, address
        if page.evaluate(SIDEWAYS) > 1:
            too_wide[address] = page.evaluate(WIDE)
    assert not too_wide, f"pages wider than 375 px: {too_wide}"
    # The measure does see a page that is too wide.
    page.locator("article").evaluate(
        "a => a.insertAdjacentHTML('beforeend', '<div style=\"width: 600px\">wide</div>')"
    )
    assert page.evaluate(SIDEWAYS) > 1


SHOTS = {
    "home": "",
    "contact": "contacts/mei-lin-zhou/",
    "follow-ups": "follow-ups/",
    "questions": "questions/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots(open_page: OpenPage, site: Site, scheme: str, width: str) -> None:
    """Full-page PNGs in tests/browser/screenshots/ (git-ignored)."""
    viewport = DESKTOP if width == "desktop" else PHONE
    page = open_page(viewport=viewport, color_scheme=scheme)
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, address in SHOTS.items():
        page.goto(site.url + address)
        expected = "slate" if scheme == "dark" else "default"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        shot = SCREENSHOTS / f"{name}-{scheme}-{viewport['width']}.png"
        screenshot(page, path=shot, full_page=True, animations="disabled")
        assert shot.stat().st_size > 10_000, shot
