"""The published guide (mkdocs.public.yml): the question bank is there, and no
contact can be found in it, by address or by search."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from .conftest import Site, Traffic, heading, search, section_text

pytestmark = pytest.mark.browser

CONTACTS = ["Mei Lin Zhou", "Ruth Abernathy", "Oskar Lindqvist", "Priya Raman"]


@pytest.fixture
def guide_page(page: Page, guide: Site, traffic: Traffic) -> Page:
    traffic.allow(guide.url)
    return page


def test_the_guide_has_no_contact_page(guide_page: Page, guide: Site) -> None:
    assert not (guide.root / "contacts").exists()
    assert not (guide.root / "interviews").exists()
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(guide.url + "contacts/mei-lin-zhou/", timeout=10)
    assert answer.value.code == 404
    answer.value.close()
    guide_page.goto(guide.url)
    expect(guide_page.locator("a[href*='contacts/'], a[href*='interviews/']")).to_have_count(0)
    for path in [
        *guide.root.rglob("*.html"),
        *guide.root.rglob("*.json"),
        *guide.root.rglob("*.xml"),
    ]:
        text = path.read_text(encoding="utf-8")
        for name in CONTACTS:
            assert name not in text, (path.relative_to(guide.root).as_posix(), name)


def test_guide_search_finds_no_contact(guide_page: Page, guide: Site) -> None:
    guide_page.goto(guide.url)
    # Search works in the guide...
    assert "questions/" in search(guide_page, "typical day")
    # ...and finds none of the people.
    for name in CONTACTS:
        found = search(guide_page, name)
        assert not [f for f in found if f.startswith(("contacts/", "interviews/"))], found
        results = guide_page.locator(".md-search-result__list")
        expect(results).not_to_contain_text(name.split()[-1])


def test_the_guide_has_the_question_bank(guide_page: Page, guide: Site) -> None:
    guide_page.goto(guide.url + "questions/")
    expect(guide_page).to_have_title(re.compile("^Question bank"))
    answers = section_text(
        heading(guide_page, "What does a typical day or week look like for you?")
    )
    # Shared interviews only, attributed as "a <seniority> <first tag>".
    assert "Mornings are for synthesis and writing" in answers
    assert "a senior ux-research" in answers
    assert "Cleaning attendance data" not in answers  # Mei Lin Zhou's is not shared
    for name in CONTACTS:
        assert name not in answers
