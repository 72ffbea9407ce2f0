"""Accessibility: axe-core (the WCAG 2.1 A and AA rules and its best practices)
over every kind of page of the notebook and of the guide, in the light and the
dark scheme, on a desktop and on a 375 px phone; and the keyboard alone opens a
drafted message, switches the scheme and searches, with the focus in sight.

axe-core comes packaged in ``axe-playwright-python`` (its ``axe.min.js`` is
injected into the page: nothing is fetched). Every violation fails the test,
whatever its impact, except on the few parts of Material's own chrome listed in
``EXCLUDED`` with the reason each is there.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, PHONE, OpenPage, Site, Traffic

pytestmark = pytest.mark.browser

# One page of every kind the plugin makes, and the hand-written pages of docs/.
NOTEBOOK_PAGES = [
    "",  # the home page with the dashboard
    "follow-ups/",
    "contacts/",
    "contacts/mei-lin-zhou/",
    "interviews/",
    "interviews/2026-11-06-mei-lin-zhou/",  # held: answers, promised, reflection
    "interviews/2026-12-02-aisha-bello/",  # coming: questions to ask
    "questions/",
    "timeline/",
    "reflections/",
    "network/",
    "pipeline/",
    "organizations/",
    "organizations/kestrel-analytics/",
    "tags/",
    "notes/",
    "follow-up-rules/",
    "plan/",
    "guide/",
    "guide/templates/",
]
# The guide's home (docs/guide/index.md) is served at its root.
GUIDE_PAGES = ["", "questions/", "guide/asking/", "guide/preparing/", "notes/", "follow-up-rules/"]

# axe's rule sets: WCAG 2.0 and 2.1, levels A and AA, and its best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Parts of Material's chrome axe is told to skip, with the reason. Everything
# else on the page is checked, our content and the rest of the theme alike.
EXCLUDED = {
    # landmark-unique (moderate), on a phone only: Material labels a section's
    # nested navigation by the section's toggle, an icon without text, so it
    # is a second unnamed navigation landmark beside the page's tags.
    '.md-nav--primary nav.md-nav[data-md-level="1"]': "nested section nav named by an icon",
}

SCHEMES = ["light", "dark"]
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is, outside ``EXCLUDED``."""
    page.evaluate(AXE_SCRIPT)
    context = {"exclude": [[selector] for selector in EXCLUDED]}
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("([c, o]) => axe.run(c, o)", [context, options])
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(address: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            lines.append(
                f"/{address} {violation['impact']} {violation['id']}: {target} {node['html'][:120]}"
            )
    return lines


def audit(page: Page, url: str, addresses: list[str], scheme: str) -> list[str]:
    """Open each page, its drafted messages unfolded, and run axe over it."""
    found = []
    expected = "slate" if scheme == "dark" else "default"
    for address in addresses:
        response = page.goto(url + address)
        assert response is not None and response.ok, address
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        found += describe(address, axe(page))
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_notebook_pages_pass_axe(open_page: OpenPage, site: Site, scheme: str, width: str) -> None:
    page = open_page(viewport=WIDTHS[width], color_scheme=scheme)
    found = audit(page, site.url, NOTEBOOK_PAGES, scheme)
    assert not found, "axe-core violations:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_guide_pages_pass_axe(
    open_page: OpenPage, guide: Site, traffic: Traffic, scheme: str, width: str
) -> None:
    traffic.allow(guide.url)
    page = open_page(viewport=WIDTHS[width], color_scheme=scheme)
    found = audit(page, guide.url, GUIDE_PAGES, scheme)
    assert not found, "axe-core violations:\n" + "\n".join(found)


def test_axe_sees_what_the_pages_used_to_have(page: Page, site: Site) -> None:
    """A nameless checkbox, a link told apart by colour alone and an empty table
    header, put back in a page, are each found."""
    page.goto(site.url + "reflections/")
    page.locator("article").evaluate(
        """a => a.insertAdjacentHTML('beforeend',
            '<ul><li><input type="checkbox" disabled> a step</li></ul>' +
            '<p>Some words around <a href="#" style="text-decoration: none">a link</a>' +
            ' and more words after it, so that it sits in running text.</p>' +
            '<table><tr><th></th><th>All</th></tr><tr><td>x</td><td>1</td></tr></table>')"""
    )
    rules = {violation["id"] for violation in axe(page)}
    assert {"label", "link-in-text-block", "empty-table-header"} <= rules, rules


def test_checklists_say_done_or_to_do_in_words(page: Page, site: Site) -> None:
    page.goto(site.url)
    checklist = page.locator("ul.ikb-checklist").first
    expect(checklist.locator("li").first).to_contain_text("Done: Questions prepared")
    # The mark is there for the eye only.
    expect(checklist.locator(".ikb-check__mark").first).to_have_attribute("aria-hidden", "true")
    page.goto(site.url + "reflections/")
    steps = page.locator("ul.ikb-checklist > li")
    assert steps.count() > 0
    for text in steps.all_inner_texts():
        assert text.split(":", 1)[0].strip("○✓ ") == "To do", text
    assert page.locator("article input[type=checkbox]").count() == 0


def test_links_in_running_text_are_underlined(page: Page, site: Site) -> None:
    page.goto(site.url + "follow-ups/")
    link = page.locator("article ol.ikb-items a").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")


FOCUS_SHOWN = """el => {
    const style = getComputedStyle(el);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
}"""


def tab_to(page: Page, test: str, presses: int = 80) -> None:
    """Press Tab until the focused element passes ``test`` (JavaScript, given it)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"({test})(document.activeElement)"):
            return
    raise AssertionError(f"{presses} presses of Tab never reached {test}")


def test_the_keyboard_opens_a_drafted_message(page: Page, site: Site) -> None:
    page.goto(site.url + "follow-ups/")
    # The first draft with a mail button (a referral's address may be unknown).
    tab_to(page, "el => el.tagName === 'SUMMARY' && !!el.parentElement.querySelector('.md-button')")
    summary = page.locator("summary:focus")
    expect(summary).to_have_text("Suggested message")
    assert summary.evaluate(FOCUS_SHOWN), "the focused summary shows no outline"
    details = page.locator("details:has(summary:focus)")
    expect(details).not_to_have_attribute("open", "")
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(details).to_contain_text("Subject:")
    # The button inside is next in the tab order.
    tab_to(page, "el => el.classList.contains('md-button')", presses=3)
    expect(page.locator("a.md-button:focus")).to_have_text("Write it in your e-mail program")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(details).not_to_have_attribute("open", "")


def test_the_keyboard_switches_to_dark_and_back(page: Page, site: Site) -> None:
    page.goto(site.url + "contacts/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    tab_to(page, "el => el.name === '__palette'")
    # The radio button is hidden; its label, the icon, shows the focus.
    toggle = page.get_by_title("Switch to dark mode")
    assert toggle.evaluate(FOCUS_SHOWN), "the focused palette toggle shows no outline"
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert page.get_by_title("Switch to light mode").evaluate(FOCUS_SHOWN)
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_the_keyboard_searches_and_opens_a_result(page: Page, site: Site) -> None:
    page.goto(site.url + "timeline/")
    tab_to(page, "el => el.classList.contains('md-search__input')")
    box = page.get_by_role("textbox", name="Search")
    expect(box).to_be_focused()
    assert box.evaluate(FOCUS_SHOWN), "the focused search box shows no outline"
    page.keyboard.type("Priya Raman")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("matching document"))
    # The list is drawn again as each key is searched: wait for the last one's
    # results, or the arrow may focus a link that is about to be replaced.
    expect(page.locator(".md-search-result__link").first).to_contain_text("Priya Raman")
    page.keyboard.press("ArrowDown")
    result = page.locator(".md-search-result__link:focus")
    expect(result).to_contain_text("Priya Raman")
    assert result.evaluate(FOCUS_SHOWN), "the focused search result shows no outline"
    # Her contact page and her interview's page both match; Enter opens the
    # result the arrow reached, whichever search ranks first.
    target = result.evaluate("a => new URL(a.href).pathname")
    assert target.endswith(("/contacts/priya-raman/", "/interviews/2026-06-03-priya-raman/"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target)))


def test_a_wide_table_on_a_phone_is_reached_by_the_keyboard(
    open_page: OpenPage, site: Site
) -> None:
    page = open_page(viewport=PHONE)
    page.goto(site.url + "timeline/")
    wrap = page.locator(".md-typeset__scrollwrap").first
    expect(wrap).to_have_attribute("tabindex", "0")
    tab_to(page, "el => el.classList.contains('md-typeset__scrollwrap')")
    assert wrap.evaluate(FOCUS_SHOWN)
    page.keyboard.press("ArrowRight")  # scrolls the focused table sideways
    page.wait_for_function("el => el.scrollLeft > 0", arg=wrap.element_handle())


CHART_PAGES = ["", "timeline/", "reflections/", "contacts/mei-lin-zhou/"]
# What a chart says to a screen reader, and what follows its figure.
CHART_TEXT = """figure => {
    const svg = figure.querySelector("svg");
    const text = id => document.getElementById(id).textContent;
    const next = figure.nextElementSibling;
    return {
        title: text(svg.getAttribute("aria-labelledby")),
        desc: text(svg.getAttribute("aria-describedby")),
        // Material wraps a table in a scrolling <div>.
        next: !next ? "" : next.querySelector(":scope > div > table") ? "TABLE" : next.tagName,
        nextText: next ? next.innerText : "",
        hidden: next ? next.closest("[aria-hidden=true]") !== null : true,
    };
}"""


def test_charts_have_names_descriptions_and_text_beside_them(page: Page, site: Site) -> None:
    """Each chart is an image named by its title and described by the numbers it
    shows, and is followed by a table, list or sentence a screen reader reaches."""
    charts = 0
    for address in CHART_PAGES:
        page.goto(site.url + address)
        for figure in page.locator("article figure.ikb-chart").all():
            said = figure.evaluate(CHART_TEXT)
            image = page.get_by_role("img", name=said["title"], exact=True)
            expect(image).to_have_count(1)
            expect(image).to_have_accessible_description(said["desc"])
            assert re.search(r"\d", said["desc"]), said
            assert said["next"] in {"TABLE", "UL", "P"}, (address, said)
            assert re.search(r"\d", said["nextText"]) and not said["hidden"], (address, said)
            charts += 1
    assert charts >= 6
