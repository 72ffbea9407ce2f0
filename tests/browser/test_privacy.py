"""Privacy in the browser: the notebook makes no request to any host but its own.

Every browser test checks this at teardown (the ``open_page`` fixture); here every
page of the site is loaded, and the recorder itself is shown to work."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import Site, Traffic, recorded_context

pytestmark = pytest.mark.browser


def test_every_page_answers_without_outside_requests(page: Page, site: Site) -> None:
    """Privacy: every HTML page of the site (up to 60), fonts, scripts and images
    included, makes no request to another host; the page fixture checks that and
    JavaScript errors at teardown."""
    pages = site.html_pages(limit=60)
    assert len(pages) >= 30, pages
    for address in pages:
        response = page.goto(site.url + address)
        assert response is not None, address
        assert response.ok or address == "404.html", (address, response.status)


def test_the_guard_sees_outside_requests_and_errors(browser: Browser, site: Site) -> None:
    """The recorder behind every test: a font, a stylesheet, an image and a script
    from other hosts are all seen, and so are JavaScript errors."""
    traffic = Traffic(allowed={site.url.rstrip("/")})
    context = recorded_context(browser, traffic)
    try:
        page = context.new_page()
        page.goto(site.url)
        assert traffic.requests and not traffic.outside() and not traffic.errors
        page.set_content(
            """<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
            <style>@font-face { font-family: X; src: url(https://fonts.example/x.woff2) }
            body { font-family: X }</style>
            <img src="http://images.example/a.png" alt="">
            <script src="https://cdn.example/lib.js"></script>
            <script>undefinedFunction()</script>
            <p>text</p>"""
        )
        page.wait_for_load_state("load")
    finally:
        context.close()
    assert {urlsplit(url).netloc for url in traffic.outside()} >= {
        "fonts.googleapis.com",
        "images.example",
        "cdn.example",
        "fonts.example",
    }
    assert any("undefinedFunction" in error for error in traffic.errors), traffic.errors
