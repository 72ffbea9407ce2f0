"""Escaping everywhere, checked on the built site: a notebook whose every
front-matter text is HTML, Markdown, Jinja, attribute-list and Mermaid syntax
builds strict pages in which none of it is interpreted, while the note's body
stays the user's Markdown."""

from __future__ import annotations

import json
import logging
import re
import textwrap
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook
from interview_kb.render.pages import render_pages

from ..conftest import LogGuard

# One line holding every kind of syntax a value could smuggle in.
PAYLOAD = (
    "</title><script>alert(1)</script><img src=x onerror=alert(1)> **b** _i_ "
    "[x](javascript:alert(1)) ![i](x.png) # h | pipe {{ 7*7 }} {% if true %}yes{% endif %} "
    "{: onclick=x } graph TD; A-->B &amp; &lt;b&gt; <!-- c --> `code`"
)


def q(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


P = q(PAYLOAD)
EMAIL = q('"><script>alert(1)</script>@x.example?subject=<img src=x onerror=alert(1)>')

CONFIG = """\
site_name: Escaping
theme:
  name: material
  font: false
plugins:
  - search
  - tags
  - interview-kb:
      today: 2026-11-20
      publish: {publish}
"""

NOTEBOOK = {
    "contacts/jane-doe.md": f"""
        ---
        name: {P}
        role: {P}
        organization: {P}
        years_experience: 12
        connection: {P}
        introduced_by: bob-ray
        email: {EMAIL}
        phone: {P}
        linkedin: {P}
        website: "javascript:alert(1)"
        location: {P}
        local: yes
        tags: [{P}]
        aliases: [{P}]
        outreach:
          - {{date: 2026-11-01, kind: request, channel: email, note: {P}}}
          - {{date: 2026-11-02, kind: reply, note: {P}}}
        hobby: {P}
        {P}: {P}
        ---
        Her own **bold** words, a [link](https://example.com) and <kbd>Ctrl</kbd>.
        """,
    "contacts/bob-ray.md": f"""
        ---
        name: {P}
        organization: {P}
        tags: [{P}]
        outreach:
          - {{date: 2026-11-05, kind: request, note: {P}}}
        ---
        """,
    "interviews/2026-11-03-jane-doe.md": f"""
        ---
        contact: jane-doe
        date: 2026-11-03 14:30
        mode: video
        location: {P}
        questions:
          - {P}
          - ask: {P}
            answer: {P}
          - id: hostile
            answer: {P}
        referrals:
          - {P}
          - name: {P}
            contact: bob-ray
            note: {P}
        promised:
          - {P}
          - item: {P}
            received: no
        resources:
          - {P}
          - title: {P}
            url: "javascript:alert(1)"
          - title: {P}
            url: 'https://example.com/a b"><script>alert(1)</script>'
        reflection:
          learned: {P}
          went_well: {P}
          improve: {P}
          still_interested: yes
          rating: 4
          next_steps: [{P}]
        share: yes
        remark: {P}
        ---
        The body's **own** Markdown.
        """,
    "interviews/2026-11-25-bob-ray.md": f"""
        ---
        contact: bob-ray
        date: 2026-11-25
        questions: [{P}]
        ---
        """,
    "questions.yml": f"""
        - id: hostile
          text: {P}
          category: {P}
          tags: [{P}]
        - id: typical-day
          text: {P}
        """,
    "docs/index.md": "# Home\n\n<!-- dashboard -->\n",
}

GENERATED = [
    "index.html",
    "contacts/index.html",
    "contacts/jane-doe/index.html",
    "contacts/bob-ray/index.html",
    "interviews/index.html",
    "interviews/2026-11-03-jane-doe/index.html",
    "interviews/2026-11-25-bob-ray/index.html",
    "follow-ups/index.html",
    "questions/index.html",
    "timeline/index.html",
    "reflections/index.html",
    "network/index.html",
    "organizations/index.html",
    "pipeline/index.html",
    "tags/index.html",
    # The organization named by the payload: its name folded as slugs are.
    "organizations/title-script-alert-1-script-img-src-x-onerror-alert-1-b-i-x-javascript-alert-1/index.html",
]


class Page(HTMLParser):
    """A built page: its elements with their attributes, and its text.

    As in a browser, the text of ``<title>`` and ``<textarea>`` holds no
    elements: it ends at the closing tag only.
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.scripts: list[str] = []
        self.script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        self.script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self.script else self.chunks).append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def build_site(root: Path, strict: bool = True) -> Path:
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict)
    build(config)
    return Path(config.site_dir)


def assert_nothing_interpreted(page: Page, name: str) -> None:
    """No element, attribute or link came from a value."""
    for tag, attrs in page.elements:
        assert not (tag == "img" and attrs.get("src") in ("x", "x.png")), (name, tag, attrs)
        # Values may show in attributes (titles, labels), escaped; never as one.
        assert not any(attr.startswith("on") for attr in attrs), (name, tag, attrs)
        href = attrs.get("href", "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), (name, attrs)
        if href.startswith("mailto:"):
            assert re.fullmatch(r"mailto:[\w%@.+\-]*(\?[\w%=&.\-~]*)?", href), (name, href)
        assert "mermaid" not in attrs.get("class", ""), (name, tag, attrs)
    assert not any("alert(1)" in script for script in page.scripts), name


def pages_of(site: Path, names: list[str]) -> dict[str, Page]:
    return {name: Page((site / name).read_text(encoding="utf-8")) for name in names}


@pytest.fixture(scope="module")
def notebook_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    root = tmp_path_factory.mktemp("escaping") / "notebook"
    write(root, CONFIG.format(publish="notebook"))
    guard = LogGuard()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(guard)
    try:
        site = build_site(root)
    finally:
        logger.removeHandler(guard)
    assert guard.messages() == []
    return pages_of(site, GENERATED)


def write(root: Path, config: str) -> None:
    for name, text in {**NOTEBOOK, "mkdocs.yml": config}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.mark.parametrize("name", GENERATED)
def test_no_value_is_interpreted(notebook_site: dict[str, Page], name: str) -> None:
    assert_nothing_interpreted(notebook_site[name], name)


# Pages and how many times at least the payload shows there, as text.
SHOWN = {
    "contacts/jane-doe/index.html": 20,
    "contacts/bob-ray/index.html": 8,
    "contacts/index.html": 4,
    "interviews/2026-11-03-jane-doe/index.html": 25,
    "interviews/2026-11-25-bob-ray/index.html": 5,
    "interviews/index.html": 3,
    "follow-ups/index.html": 10,
    "questions/index.html": 10,
    "timeline/index.html": 6,
    "reflections/index.html": 12,
    "network/index.html": 4,
    "organizations/index.html": 1,
    "pipeline/index.html": 2,
    GENERATED[-1]: 3,
    "index.html": 8,
}


@pytest.mark.parametrize("name", SHOWN)
def test_values_show_as_their_own_text(notebook_site: dict[str, Page], name: str) -> None:
    shown = " ".join(PAYLOAD.split())
    count = notebook_site[name].text.count(shown)
    assert count >= SHOWN[name], (count, notebook_site[name].text[:3000])


def test_the_body_stays_markdown(notebook_site: dict[str, Page]) -> None:
    jane = notebook_site["contacts/jane-doe/index.html"]
    assert ("strong", {}) in jane.elements
    assert ("a", {"href": "https://example.com"}) in jane.elements
    assert ("kbd", {}) in jane.elements
    assert "Her own bold words" in jane.text
    interview = notebook_site["interviews/2026-11-03-jane-doe/index.html"]
    assert "The body's own Markdown." in interview.text


def test_links_from_values_are_safe(notebook_site: dict[str, Page]) -> None:
    address = (
        "mailto:%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E@x.example"
        "%3Fsubject%3D%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"
    )
    for name in ("contacts/jane-doe/index.html", "follow-ups/index.html"):
        mailto = [
            attrs["href"]
            for tag, attrs in notebook_site[name].elements
            if attrs.get("href", "").startswith("mailto:")
        ]
        assert mailto and all(m == address or m.startswith(address + "?") for m in mailto), (
            name,
            mailto,
        )
    interview = notebook_site["interviews/2026-11-03-jane-doe/index.html"]
    hrefs = [attrs.get("href", "") for tag, attrs in interview.elements if tag == "a"]
    assert "https://example.com/a%20b%22%3E%3Cscript%3Ealert%281%29%3C/script%3E" in hrefs


def test_the_guide_shows_shared_values_as_text(tmp_path: Path, log_guard: LogGuard) -> None:
    root = tmp_path / "notebook"
    write(root, CONFIG.format(publish="guide"))
    site = build_site(root)
    page = Page((site / "questions/index.html").read_text(encoding="utf-8"))
    assert_nothing_interpreted(page, "guide")
    shown = " ".join(PAYLOAD.split())
    # The bank's question, the shared answer, the custom question and the lesson.
    assert page.text.count(shown) >= 4, page.text[:3000]


def test_a_value_cannot_stand_in_for_the_body(tmp_path: Path) -> None:
    """The renderer marks where the body goes with NUL characters; a value
    holding the same (a YAML escape can) must not move the body there."""
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts/a.md").write_text('---\nname: "\\0body\\0"\n---\nThe body.\n')
    page = str(
        render_pages(read_notebook(tmp_path), date(2026, 11, 20), Options())["contacts/a.md"]
    )
    assert "\x00" not in page
    assert page.index("The body.") > page.index("# body")
    assert page.count("The body.") == 1
