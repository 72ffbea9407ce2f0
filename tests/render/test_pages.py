"""Generated pages: golden files, escaping, determinism."""

from __future__ import annotations

import re
from datetime import date

import pytest

from interview_kb.core.model import Options
from interview_kb.core.vocab import PublishMode
from interview_kb.plugin_html import squeeze_html
from interview_kb.reader.notes import read_notebook
from interview_kb.render.markup import escape, escape_line, external_href, mailto
from interview_kb.render.pages import render_pages

from ..conftest import BOB, FULL_CONTACT, FULL_INTERVIEW, WriteNotebook, golden

TODAY = date(2026, 11, 20)


@pytest.fixture
def pages(write_notebook: WriteNotebook) -> dict[str, str]:
    root = write_notebook(
        {
            "contacts/jane-doe.md": FULL_CONTACT,
            "contacts/bob-ray.md": BOB + "Bob's own notes.\n\n```\ncode   kept\n\n\n```\n",
            "interviews/2026-11-03-bob-ray.md": FULL_INTERVIEW,
        }
    )
    notebook = read_notebook(root)
    assert notebook.problems == ()
    return render_pages(notebook, TODAY, Options())


def test_contact_page_golden(pages: dict[str, str]) -> None:
    golden("contact-jane-doe.md", pages["contacts/jane-doe.md"])
    golden("contact-bob-ray.md", pages["contacts/bob-ray.md"])


def test_interview_page_golden(pages: dict[str, str]) -> None:
    golden("interview-2026-11-03-bob-ray.md", pages["interviews/2026-11-03-bob-ray.md"])


def test_index_pages_golden(pages: dict[str, str]) -> None:
    golden("contacts.md", pages["contacts.md"])
    golden("interviews.md", pages["interviews.md"])


def test_note_body_is_kept_as_written(pages: dict[str, str]) -> None:
    assert "```\ncode   kept\n\n\n```" in pages["contacts/bob-ray.md"]


def test_pages_are_deterministic(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {"contacts/bob-ray.md": BOB, "interviews/2026-11-03-bob-ray.md": FULL_INTERVIEW}
    )
    first = render_pages(read_notebook(root), TODAY, Options())
    second = render_pages(read_notebook(root), TODAY, Options())
    assert first == second


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "<https://evil.example>",
    "**bold** _em_ `code` ~~gone~~ ==mark== ^sup^",
    "{{ config.site_name }} {% raw %}",
    "# heading",
    "1. not a list",
    "a | b",
    "{: .big onclick=x }",
    "--8<-- 'secret.txt'",
    "graph TD; A-->B",
    "line one\nline two\n\nnew paragraph",
    "\\*still literal\\*",
    "&amp; &lt;tag&gt;",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_values_render_as_plain_text(value: str) -> None:
    import html
    import re

    import markdown

    md = markdown.Markdown(
        extensions=[
            "tables",
            "attr_list",
            "md_in_html",
            "admonition",
            "pymdownx.tilde",
            "pymdownx.caret",
            "pymdownx.mark",
            "pymdownx.magiclink",
        ]
    )
    for escaped in (escape(value), escape_line(value)):
        rendered = md.reset().convert(f"| a |\n| --- |\n| {escape_line(value)} |\n\n{escaped}")
        tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
        assert tags <= {"p", "br", "table", "thead", "tbody", "tr", "th", "td"}, rendered
        text = html.unescape(re.sub(r"<[^>]+>", " ", rendered))
        assert " ".join(value.split()) in " ".join(text.split()), rendered


def test_links_only_to_safe_schemes() -> None:
    assert external_href("javascript:alert(1)") is None
    assert external_href("data:text/html,x") is None
    assert external_href("jane.example/about") == "https://jane.example/about"
    assert external_href("https://x.example/a b(c)") == "https://x.example/a%20b%28c%29"
    assert mailto("a@b.example", "Hi there", "Line one\nLine two") == (
        "mailto:a@b.example?subject=Hi%20there&body=Line%20one%0ALine%20two"
    )


def test_the_html_stash_puts_back_each_block() -> None:
    from interview_kb.plugin_html import HtmlStash
    from interview_kb.render.site import stash_blocks

    stash = HtmlStash()
    text = "# T\n\n<ul>\n<li>a</li>\n</ul>\n\nA *user* paragraph.\n\n<p>b</p>\n"
    markdown = stash_blocks(text, stash.stash)
    assert "<ul>" not in markdown and "<p>b</p>" not in markdown
    assert "A *user* paragraph." in markdown and markdown.startswith("# T\n\n")
    first, second = list(stash.blocks)
    html = f"<h1>T</h1>\n<p>{first}</p>\n<p>A <em>user</em> paragraph.</p>\n<p>{second}</p>"
    restored = stash.restore(html)
    assert (
        restored
        == "<h1>T</h1>\n<ul>\n<li>a</li>\n</ul>\n<p>A <em>user</em> paragraph.</p>\n<p>b</p>\n"
    )
    # A key names its block: the same block has the same key in a later
    # build (serve keeps the stash), another block another key.
    assert stash.stash(stash.blocks[second]) == second and stash.stash("<p>c</p>") not in (
        first,
        second,
    )
    assert stash.restore(html) == restored  # a page rendered again finds its blocks
    stash.forget_unused()  # the blocks used since the last call stay
    assert set(stash.blocks) == {first, second, stash.stash("<p>c</p>")}
    stash.forget_unused()
    stash.forget_unused()
    assert stash.blocks == {}
    # A key is only a whole paragraph, and another build's keys mean nothing.
    other = HtmlStash()
    assert other.prefix != stash.prefix
    assert other.restore(f"<p>{first}</p>") == f"<p>{first}</p>"


def test_charts_wait_outside_the_page_until_search_has_read_it() -> None:
    from interview_kb.analysis.public import PublicCount
    from interview_kb.plugin_html import HtmlStash
    from interview_kb.render.charts import category_figure

    stash = HtmlStash()
    counts = [PublicCount("advice", 3), PublicCount("network", 1)]
    figure = str(category_figure(counts))
    assert figure.count("<svg") == 1 and "data-search-exclude" in figure
    user_svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>searchable</text></svg>'
    html = f"<p>before</p>\n{figure}\n{user_svg}\n<p>after</p>"
    hidden = stash.hide_charts(html)
    assert "<svg" in hidden and hidden.count("<svg") == 1  # the user's own stays
    assert "<figcaption>" in hidden  # the caption is searched
    assert stash.show_charts(hidden) == html
    assert stash.charts == {}


def test_squeezed_pages_lose_only_indentation_and_blank_lines() -> None:
    page = (
        "<html>\n  <body>\n\n    <p>One\n      two</p>\n"
        "    <pre><code>keep\n    this\n\n  as is</code></pre>\n"
        "    <p>Inline <code>a\n   b</code> and <PRE>Upper\n   case</PRE></p>\n"
        '    <script>var s = "x\n   y";</script>\n'
        "    <textarea>t\n  t</textarea>\n"
        "    <style>\n  p { color: red }\n</style>\n  </body>\n</html>\n"
    )
    squeezed = squeeze_html(page)
    assert squeezed == (
        "<html>\n<body>\n<p>One\ntwo</p>\n"
        "<pre><code>keep\n    this\n\n  as is</code></pre>\n"
        "<p>Inline <code>a\n   b</code> and <PRE>Upper\n   case</PRE></p>\n"
        '<script>var s = "x\n   y";</script>\n'
        "<textarea>t\n  t</textarea>\n"
        "<style>\n  p { color: red }\n</style>\n</body>\n</html>\n"
    )
    assert squeeze_html(squeezed) == squeezed
    # The words a reader sees are the same, in the same order.
    words = re.compile(r"\S+")
    assert words.findall(squeezed) == words.findall(page)
    # An element left open keeps nothing from being squeezed after it.
    assert squeeze_html("<code>open\n  <p>a\n  b</p>") == "<code>open\n<p>a\nb</p>"


def test_organization_pages_and_links(pages: dict[str, str]) -> None:
    # FULL_CONTACT works at Northwind Health; Bob names no organization.
    assert [p for p in pages if p.startswith("organizations")] == [
        "organizations.md",
        "organizations/northwind-health.md",
    ]
    link = '<a href="../../organizations/northwind-health/">Northwind Health</a>'
    assert link in pages["contacts/jane-doe.md"]
    assert "organizations/" not in pages["contacts/bob-ray.md"]
    page = pages["organizations/northwind-health.md"]
    assert '<a href="../../contacts/jane-doe/">Jane Doe</a>' in page
    assert "<td>Staff UX Researcher</td><td>replied</td>" in page
    assert "Who else there you could ask" not in page  # only under 3b7
    index = pages["organizations.md"]
    assert '<a href="northwind-health/">Northwind Health</a>' in index


def test_an_interview_page_links_to_the_organization(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/bob-ray.md": BOB.replace(
                "name: Bob Ray", "name: Bob Ray\norganization: Acme"
            ),
            "interviews/2026-11-03-bob-ray.md": FULL_INTERVIEW,
        }
    )
    pages = render_pages(read_notebook(root), TODAY, Options())
    assert (
        '<a href="../../organizations/acme/">Acme</a>' in pages["interviews/2026-11-03-bob-ray.md"]
    )
    guide = render_pages(read_notebook(root), TODAY, Options(publish=PublishMode.GUIDE))
    assert not [p for p in guide if "organization" in p]


def test_pipeline_board(pages: dict[str, str]) -> None:
    board = pages["pipeline.md"]
    titles = re.findall(r'<h2 id="ikb-column-[a-z-]+">([^<]+) <span', board)
    assert titles == [
        "Not contacted",
        "Asked",
        "Replied",
        "Scheduled",
        "Interviewed",
        "Closed or moved on",
    ]
    # Jane replied (no item open); Bob was interviewed and owes a referral.
    replied = board.split('id="ikb-column-replied"')[1].split("</section>")[0]
    assert '<a href="../contacts/jane-doe/">Jane Doe</a>' in replied
    assert "nothing due" in replied
    interviewed = board.split('id="ikb-column-interviewed"')[1].split("</section>")[0]
    assert '<a href="../contacts/bob-ray/">Bob Ray</a>' in interviewed
    assert "<strong>Next: Referral</strong>, due 2026-11-10" in interviewed
    assert "<script" not in board
