"""Layout on a phone, and screenshots for a person to look at after `make test`."""

from __future__ import annotations

import re

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
    "pipeline/",
    "organizations/",
    "organizations/kestrel-analytics/",
    "tags/",
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_board_stacks_its_columns_on_a_phone(
    open_page: OpenPage, site: Site, scheme: str
) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme)
    response = page.goto(site.url + "pipeline/")
    assert response is not None and response.ok
    columns = page.locator(".ikb-board__column")
    expect(columns).to_have_count(6)
    boxes = [columns.nth(i).bounding_box() for i in range(6)]
    assert all(box is not None for box in boxes)
    lefts = {round(box["x"]) for box in boxes if box is not None}
    assert len(lefts) == 1, f"columns side by side at 375 px: {boxes}"
    assert all(box is not None and box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    # Every card names a contact and says what to do next.
    cards = page.locator(".ikb-card")
    assert cards.count() >= 10
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".ikb-card__name a")).to_be_visible()
        expect(cards.nth(i).locator(".ikb-card__next")).to_contain_text("Next")
    assert page.evaluate(SIDEWAYS) <= 1
    # The card stands out from its column in either scheme.
    card, column = page.evaluate(
        """() => [document.querySelector('.ikb-card'), document.querySelector('.ikb-board__column')]
            .map(e => getComputedStyle(e).backgroundColor)"""
    )
    assert card != column


def test_the_board_sets_columns_side_by_side_on_a_desktop(open_page: OpenPage, site: Site) -> None:
    page = open_page(viewport=DESKTOP)
    page.goto(site.url + "pipeline/")
    columns = page.locator(".ikb-board__column")
    lefts = {round(box["x"]) for i in range(6) if (box := columns.nth(i).bounding_box())}
    assert len(lefts) >= 3


def test_an_organization_page_on_a_phone(open_page: OpenPage, site: Site) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(site.url + "contacts/aisha-bello/")
    page.locator("article").get_by_role("link", name="Kestrel Analytics").first.click()
    expect(page.locator("article h1")).to_contain_text("Kestrel Analytics")
    expect(page.get_by_role("heading", name="People there")).to_be_visible()
    expect(page.locator("article").get_by_role("link", name="Aisha Bello").first).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 1


def test_a_tag_leads_to_its_people_on_a_phone(open_page: OpenPage, site: Site) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(site.url + "contacts/mei-lin-zhou/")
    tag = page.locator("article a.md-tag").first
    expect(tag).to_be_visible()
    name = tag.inner_text().strip()
    tag.click()
    expect(page).to_have_url(re.compile(r"/tags/#tag:"))
    section = page.locator(f'h2[id="tag:{name}"] + ul')
    expect(section.get_by_role("link", name="Mei Lin Zhou", exact=True)).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 1


SHOTS = {
    "home": "",
    "contact": "contacts/mei-lin-zhou/",
    "follow-ups": "follow-ups/",
    "questions": "questions/",
    "pipeline": "pipeline/",
    "organization": "organizations/kestrel-analytics/",
    "tags": "tags/",
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
