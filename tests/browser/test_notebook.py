"""What a person sees on the example notebook, in headless Chromium.

The example's ``today`` is Friday 20 November 2026 (its mkdocs.yml)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import Site, heading, search, section_text

pytestmark = pytest.mark.browser

GROUPS = ["Overdue", "Due today", "Next 7 days", "Later", "Moved on"]


def test_follow_ups_are_grouped_and_dated(page: Page, site: Site) -> None:
    page.goto(site.url + "follow-ups/")
    expect(page).to_have_title(re.compile("^Follow-ups"))
    expect(page.get_by_text("Computed for Friday 20 November 2026")).to_be_visible()
    titles = [
        " ".join(t.replace("¶", "").split()) for t in page.locator("article h2").all_inner_texts()
    ]
    assert titles == GROUPS
    sections = {group: section_text(heading(page, group, level=2)) for group in GROUPS}
    assert "Send Mei Lin Zhou a thank-you note" in sections["Overdue"]
    assert "10 days overdue" in sections["Overdue"]
    # Rule 8: due the business day before (Thursday), so overdue on the day itself.
    assert "Prepare for your conversation with Dolores Ibáñez" in sections["Overdue"]
    assert "Prepare for your conversation with Oskar Lindqvist" in sections["Next 7 days"]
    assert "Prepare for your conversation with Aisha Bello" in sections["Later"]
    assert "Stop asking Graham Whitlock" in sections["Moved on"]
    # Nothing is listed twice across groups.
    assert "Graham Whitlock" not in sections["Overdue"]


def test_follow_up_mail_links_carry_the_drafted_message(page: Page, site: Site) -> None:
    page.goto(site.url + "follow-ups/")
    drafts = page.locator("details").filter(has_text="Suggested message")
    assert drafts.count() >= 5
    for summary in page.get_by_text("Suggested message", exact=True).all():
        summary.click()  # a user opens the draft before writing it
    links = page.get_by_role("link", name="Write it in your e-mail program")
    # Every draft to someone whose address the notes hold has its link; a
    # referral without a contact note (no address) has none.
    without = drafts.filter(
        has_not=page.get_by_role("link", name="Write it in your e-mail program")
    )
    expect(links).to_have_count(drafts.count() - without.count())
    assert links.count() >= 5
    for draft in without.all():  # opened above
        # Only a referral, whose address the notes do not hold yet, has none.
        assert "suggested I get in touch" in draft.inner_text()
    for link in links.all():
        expect(link).to_be_visible()
        item = link.locator("xpath=ancestor::li[1]")
        to = re.search(r"To: (.+?)\s*Subject:", item.locator("details").inner_text(), re.S)
        assert to is not None
        person = to.group(1).strip()
        href = urlsplit(str(link.get_attribute("href")))
        assert href.scheme == "mailto"
        assert "@" in unquote(href.path)
        fields = parse_qs(href.query, strict_parsing=True)
        subject, body = fields["subject"][0], fields["body"][0]
        assert subject.strip(), href
        # The contact's greeting, else "Hi" and the first name (Mei Lin Zhou has one).
        opening = "Hi Mei Lin" if person == "Mei Lin Zhou" else f"Hi {person.split()[0]}"
        assert body.startswith(f"{opening},"), (person, body)
        # The message in the link is the one shown on the page.
        shown = " ".join(item.locator("details").inner_text().split())
        assert f"Subject: {subject}" in shown
        assert " ".join(body.split()) in shown
    mei = page.locator("li").filter(has_text="Send Mei Lin Zhou a thank-you note")
    href = mei.get_by_role("link", name="Write it in your e-mail program").get_attribute("href")
    address, _, query = str(href).removeprefix("mailto:").partition("?")
    assert address == "meilin.zhou@riverbend-schools.example"
    assert "Thank you for our conversation on 6 November" in parse_qs(query)["subject"]


def test_an_overdue_item_opens_its_contact(page: Page, site: Site) -> None:
    page.goto(site.url + "follow-ups/")
    overdue = heading(page, "Overdue", level=2).locator("xpath=following-sibling::*[1]/li")
    item = overdue.filter(has_text="thank-you note").first
    link = item.locator("a[href*='contacts/']").first
    name = link.inner_text().strip()
    assert name == "Mei Lin Zhou"
    link.click()
    expect(page).to_have_url(site.url + "contacts/mei-lin-zhou/")
    expect(page).to_have_title(re.compile(f"^{name}"))
    expect(page.get_by_role("heading", level=1).first).to_have_text(re.compile(f"^{name}"))


def test_a_contact_page_shows_status_and_open_items(page: Page, site: Site) -> None:
    page.goto(site.url + "contacts/mei-lin-zhou/")
    expect(page).to_have_title(re.compile("^Mei Lin Zhou"))
    expect(
        page.get_by_text("Research and Data Analyst at Riverbend Public Schools")
    ).to_be_visible()
    status = page.get_by_role("listitem").filter(has_text=re.compile(r"^Status:"))
    expect(status).to_have_text("Status: interviewed")
    open_items = section_text(heading(page, "Open items", level=2))
    assert "Thank-you, due 2026-11-10 (10 days overdue)" in open_items
    assert "District dashboard style guide" in open_items
    all_follow_ups = page.get_by_role("link", name="All follow-ups")
    expect(all_follow_ups).to_have_attribute("href", "../../follow-ups/")


def test_a_contact_page_shows_its_timeline(page: Page, site: Site) -> None:
    page.goto(site.url + "contacts/mei-lin-zhou/")
    title = page.get_by_role("heading", name=re.compile("timeline", re.IGNORECASE), level=2)
    expect(title).to_have_count(1)
    timeline = section_text(title)
    # Her request, her reply and the interview, in date order (either way round).
    positions = [timeline.find(d) for d in ["2026-10-27", "2026-10-29", "2026-11-06"]]
    assert -1 not in positions, timeline
    assert positions in (sorted(positions), sorted(positions, reverse=True)), timeline
    assert "Interview" in timeline


def test_search_finds_a_contact_by_name(page: Page, site: Site) -> None:
    page.goto(site.url)
    found = search(page, "Samuel Okafor")
    assert "contacts/samuel-okafor/" in found[:3], found
    page.locator(".md-search-result__item > a[href*='contacts/samuel-okafor/']").click()
    expect(page).to_have_title(re.compile("^Samuel Okafor"))


def test_search_finds_a_phrase_from_an_answer(page: Page, site: Site) -> None:
    # From Jordan Ellis's answer to "typical-day"; nowhere else in the notes.
    page.goto(site.url)
    found = search(page, "storyboarding course modules")
    assert "interviews/2026-09-10-jordan-ellis/" in found, found


def test_the_palette_toggle_switches_light_and_dark(page: Page, site: Site) -> None:
    page.goto(site.url + "contacts/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = body.evaluate("b => getComputedStyle(b).backgroundColor")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert body.evaluate("b => getComputedStyle(b).backgroundColor") != light
    # The choice is kept on the next page.
    page.get_by_role("link", name="Mei Lin Zhou").first.click()
    expect(page).to_have_title(re.compile("^Mei Lin Zhou"))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert body.evaluate("b => getComputedStyle(b).backgroundColor") == light


def test_the_dashboard_shows_overdue_items_and_coming_interviews(page: Page, site: Site) -> None:
    page.goto(site.url)
    expect(page.get_by_text("11 overdue").first).to_be_visible()
    overdue = section_text(heading(page, "Overdue", level=2))
    # Most pressing first: the late thank-you before older, lesser reminders.
    assert overdue.startswith("Thank-you · Mei Lin Zhou · 10 days overdue"), overdue
    assert "Graham Whitlock" not in overdue  # moved on, not overdue
    coming = section_text(heading(page, "Coming up", level=2))
    # Interviews on 2026-11-24 and 2026-12-02, soonest first.
    assert -1 < coming.find("Oskar Lindqvist") < coming.find("Aisha Bello"), coming
    assert "Graham Whitlock" not in coming
    # Clicking an overdue item opens the right contact.
    items = heading(page, "Overdue", level=2).locator("xpath=following-sibling::*[1]/li")
    link = items.first.locator("a[href*='contacts/']").first
    name = link.inner_text().strip()
    slug = str(link.get_attribute("href")).rstrip("/").rsplit("/", 1)[-1]
    link.click()
    expect(page).to_have_url(site.url + f"contacts/{slug}/")
    expect(page).to_have_title(re.compile(f"^{name}"))


TYPICAL_DAY = "What does a typical day or week look like for you?"
# The six held interviews that answer it (by bank id or in the same words).
TYPICAL_DAY_ANSWERS = {
    "Priya Raman": "Mornings are for synthesis and writing",
    "Samuel Okafor": "Three or four short remote tests a week",
    "Leo Hartmann": "Monday is data refresh",
    "Jordan Ellis": "Two days of writing and storyboarding course modules",
    "Kwame Asante": "Mostly Figma, with two client check-ins a week",
    "Mei Lin Zhou": "Cleaning attendance data in the morning",
}


def test_the_question_bank_shows_answers_side_by_side(page: Page, site: Site) -> None:
    page.goto(site.url + "questions/")
    expect(page).to_have_title(re.compile("^Question bank"))
    question = heading(page, TYPICAL_DAY)
    expect(question).to_be_visible()
    answers = section_text(question)
    for person, answer in TYPICAL_DAY_ANSWERS.items():
        assert answer in answers, person
        assert person in answers  # the notebook says who said it
    assert re.search("asked 7 times", answers, re.IGNORECASE), answers


def test_the_network_shows_who_introduced_whom(page: Page, site: Site) -> None:
    page.goto(site.url + "network/")
    expect(page).to_have_title(re.compile("^Network"))
    article = page.locator("article")

    def person(name: str, within: Locator = article) -> Locator:
        """The first list item or table row that holds a link to ``name``."""
        link = page.get_by_role("link", name=name, exact=True)
        return within.locator("li, tr").filter(has=link).first

    # Priya Raman introduced Samuel Okafor, who introduced Beatriz Montoya.
    samuel = person("Samuel Okafor", within=person("Priya Raman"))
    expect(samuel).to_contain_text("introduced")
    expect(person("Beatriz Montoya", within=samuel)).to_contain_text("introduced")
    link = samuel.get_by_role("link", name="Samuel Okafor", exact=True).first
    link.click()
    expect(page).to_have_title(re.compile("^Samuel Okafor"))
