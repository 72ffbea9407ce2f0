"""Browser fixtures: the example notebook (and the guide) built once, served on a
free port of 127.0.0.1, and a headless Chromium page per test that records every
request and every JavaScript error."""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from ..conftest import REPO, LogGuard

DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Search and live reload can take a few seconds on a busy machine.
expect.set_options(timeout=10_000)
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def screenshot(target: Any, **options: Any) -> bytes:
    """``target.screenshot(**options)`` (a page or a locator), tried once more
    when Chromium cannot capture it: on a machine busy with other builds it
    sometimes answers "Unable to capture screenshot" to a full-page capture,
    which says nothing about the page."""
    try:
        shot: bytes = target.screenshot(**options)
    except PlaywrightError as problem:
        if "Unable to capture screenshot" not in str(problem):
            raise
        shot = target.screenshot(**options)
    return shot


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class Site:
    """A built site and the address it is served at."""

    root: Path
    url: str  # "http://127.0.0.1:<port>/", with the trailing slash

    def html_pages(self, limit: int = 60) -> list[str]:
        """Site-relative addresses of the built HTML pages, sorted, at most ``limit``."""
        pages = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            pages.append(rel.removesuffix("index.html"))
        return pages[:limit]


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Strict build of ``config_file`` into ``site_dir``; fails on any unexpected warning."""
    guard = LogGuard()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(guard)
    aborted = None
    try:
        build(load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir)))
    except Abort as error:
        aborted = error
    finally:
        logger.removeHandler(guard)
    unexpected = guard.unexpected()
    if aborted or unexpected:
        problems = "\n".join(unexpected) or str(aborted)
        pytest.fail(f"the strict build of {config_file.name} failed:\n{problems}", pytrace=False)
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1; gives the address."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The example notebook (``today`` fixed by its mkdocs.yml), built strict and served."""
    root = build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    with serve(root) as url:
        yield Site(root, url)


GUIDE_CONFIG = REPO / "mkdocs.public.yml"


@pytest.fixture(scope="session")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The published guide (``mkdocs.public.yml``), built strict and served."""
    if not GUIDE_CONFIG.is_file():
        pytest.fail(f"{GUIDE_CONFIG.name} does not exist", pytrace=False)
    root = build_site(GUIDE_CONFIG, tmp_path_factory.mktemp("guide"))
    with serve(root) as url:
        yield Site(root, url)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Chromium at $INTERVIEW_KB_CHROMIUM or /usr/bin/chromium. Missing is a failure,
    never a skip: CI must run these tests."""
    path = os.environ.get("INTERVIEW_KB_CHROMIUM") or DEFAULT_CHROMIUM
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"The browser tests need Chromium at {path}. Run `make browser` "
            "(installs Debian's chromium package as root), `sudo apt-get install chromium`, "
            "or point INTERVIEW_KB_CHROMIUM at a Chromium or Chrome binary.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_path: str) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
    yield chromium
    chromium.close()


@dataclass
class Traffic:
    """Every request a test's pages made, and every JavaScript error they logged."""

    allowed: set[str]  # origins, "http://127.0.0.1:<port>"
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def allow(self, url: str) -> None:
        """Allow requests to the origin of ``url`` (another local server)."""
        self.allowed.add(_origin(url))

    def is_local(self, url: str) -> bool:
        return url.startswith(("data:", "blob:")) or _origin(url) in self.allowed

    def outside(self) -> list[str]:
        return [url for url in self.requests if not self.is_local(url)]

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def on_page_error(self, error: PlaywrightError) -> None:
        self.errors.append(f"page error: {error}")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


OpenPage = Callable[..., Page]


@pytest.fixture
def traffic(site: Site) -> Traffic:
    return Traffic(allowed={_origin(site.url)})


def recorded_context(browser: Browser, traffic: Traffic, **options: Any) -> BrowserContext:
    """A new browser context whose requests, console errors and page errors, in every
    tab, go to ``traffic``. Desktop size and the light palette unless told."""
    options.setdefault("viewport", DESKTOP)
    options.setdefault("color_scheme", "light")
    # Other hosts go to a proxy that is not there: their requests are still
    # recorded, then fail at once, and nothing leaves the machine. (A route
    # would do the same but slows every request down.)
    context = browser.new_context(
        proxy={"server": "http://127.0.0.1:1", "bypass": "127.0.0.1"},
        service_workers="block",
        **options,
    )
    context.set_default_timeout(10_000)
    context.on("request", lambda request: traffic.requests.append(request.url))

    def watch(page: Page) -> None:
        page.on("console", traffic.on_console)
        page.on("pageerror", traffic.on_page_error)

    context.on("page", watch)
    return context


@pytest.fixture
def open_page(browser: Browser, traffic: Traffic) -> Iterator[OpenPage]:
    """``open_page(viewport=..., color_scheme=...)``: a page in a new browser context.

    Requests to other hosts are recorded and made to fail (so that a test cannot hang
    on them); at teardown the test fails if there was any, or any JavaScript error.
    """
    contexts: list[BrowserContext] = []

    def open_(**options: Any) -> Page:
        contexts.append(recorded_context(browser, traffic, **options))
        return contexts[-1].new_page()

    yield open_
    for context in contexts:
        context.close()
    outside = traffic.outside()
    assert not outside, f"requests to other hosts: {sorted(set(outside))}"
    assert not traffic.errors, f"JavaScript errors: {traffic.errors}"


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    """A desktop-sized page with the light palette."""
    return open_page()


SECTION_TEXT = """heading => {
    const level = Number(heading.tagName.slice(1));
    const parts = [];
    for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
        if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName.slice(1)) <= level) break;
        parts.push(el.innerText);
    }
    return parts.join("\\n");
}"""


def section_text(heading: Locator) -> str:
    """The visible text under ``heading``, up to the next heading of its level or above."""
    return " ".join(str(heading.evaluate(SECTION_TEXT)).split())


def heading(page: Page, text: str, level: int | None = None) -> Locator:
    """The heading whose visible text is ``text`` (Material's permalink ¶ aside)."""
    name = re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$")
    if level is None:
        return page.get_by_role("heading", name=name)
    return page.get_by_role("heading", name=name, level=level)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; gives the site-relative addresses of
    the documents found, best first (``"contacts/priya-raman/"``)."""
    box = page.get_by_role("textbox", name="Search")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_have_text("Type to start searching")  # no results of an earlier query
    box.fill(query)
    box.press("End")  # one keyup with the whole query
    expect(meta).to_have_text(re.compile("matching document"))
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    base = urlsplit(page.url)
    found = []
    for href in map(urlsplit, hrefs):
        assert href.netloc == base.netloc, href
        found.append(href.path.lstrip("/"))
    return found
