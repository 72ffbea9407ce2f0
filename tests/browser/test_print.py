"""Printing an upcoming interview's page gives its prep sheet on at most two
sheets of paper (A4 and Letter), without the site around it."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .conftest import Site

pytestmark = pytest.mark.browser

UPCOMING = ("interviews/2026-11-24-oskar-lindqvist/", "interviews/2026-12-02-aisha-bello/")


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("address", UPCOMING)
def test_the_prep_sheet_prints_on_two_pages_at_most(
    page: Page, site: Site, address: str, paper: str
) -> None:
    page.goto(site.url + address)
    expect(page.locator(".ikb-prep")).to_be_visible()
    pages, text = pdf_text(page.pdf(format=paper, print_background=True))
    assert 1 <= pages <= 2, f"{address} prints on {pages} {paper} pages"
    flat = " ".join(text.split())
    for part in ("Who", "Your ties", "Logistics", "Questions", "More questions to ask",
                 "Your introduction", "Notes"):  # fmt: skip
        assert part in flat, (part, flat[:400])
    assert "Who else do you think I should talk to?" in flat
    assert "I taught chemistry for eight years" in flat
    # Nothing of the site around the sheet: no navigation, search, header or footer.
    for chrome in ("Search", "Follow-ups", "Made with", "Skip to content", "Question bank"):
        assert chrome not in flat, chrome


def test_print_hides_the_site_and_keeps_room_to_write(page: Page, site: Site) -> None:
    page.goto(site.url + UPCOMING[0])
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".ikb-prep")).to_be_visible()
    room = page.locator(".ikb-prep .ikb-write")
    assert room.count() >= 2
    heights = [box["height"] for box in (room.nth(i).bounding_box() for i in range(2)) if box]
    assert heights and min(heights) > 20
    # The page's other sections (the note's own text) stay on screen only.
    expect(
        page.get_by_role("heading", name="Lunch with Oskar Lindqvist (scheduled)")
    ).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
