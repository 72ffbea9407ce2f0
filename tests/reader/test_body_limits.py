"""Note bodies Markdown cannot render in time never take the build down.

The bounds of ``body_limits`` are counted before rendering; a body past one
is shown as plain text and reported as ``path:line: warning``. The hostile
bodies are real builds; generated bodies are rendered with the plugin's
Markdown extensions: no exception, and time linear in the size, checked as a
ratio of two sizes timed in one run (never a number of seconds).

The examples are derandomized, so ``make test`` always runs the same ones;
``INTERVIEW_KB_FUZZ=N`` runs N fresh random examples per property instead
(``make fuzz``).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.cli import main
from interview_kb.core.model import Contact, Notebook
from interview_kb.plugin import EXTENSIONS
from interview_kb.reader.body_limits import (
    MAX_BODY_DEPTH,
    MAX_EMPHASIS_RUNS,
    body_fits,
    body_problems,
    scan,
    surely_fits,
)
from interview_kb.render import site as pages
from interview_kb.render.links import Links, Resolver, rewrite_body

from ..conftest import LogGuard, WriteNotebook

FUZZ = int(os.environ.get("INTERVIEW_KB_FUZZ", "0"))
RESOLVER = Resolver(
    Notebook(
        contacts={
            "jane-doe": Contact(slug="jane-doe", name="Jane Doe", path="contacts/jane-doe.md")
        }
    )
)

# The two bodies of the issue: 300 nested list levels, 20,000 unclosed "[".
DEEP_LIST = "\n".join("    " * level + "- level" for level in range(300))
OPEN_BRACKETS = "[" * 20_000

GOOD = {
    "contacts/jane-doe.md": "---\nname: Jane Doe\n---\nMet at the **meetup**.\n",
    "interviews/2026-11-03-jane-doe.md": "---\ncontact: jane-doe\ndate: 2026-11-03\n---\n",
}


def budget(examples: int) -> Callable[[Any], Any]:
    """Settings for a property: a fixed set of examples, or a fuzzing run."""
    return settings(
        max_examples=FUZZ or examples,
        derandomize=not FUZZ,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def render(text: str) -> str:
    """``text`` as a note page converts it: its links rewritten, then the
    plugin's extensions, and superfences (which the example notebook turns on)."""
    text = rewrite_body(text, "contacts/x.md", "contacts/x.md", 1, RESOLVER, Links())
    extensions = [*EXTENSIONS, "pymdownx.superfences"]
    return markdown.Markdown(extensions=extensions, extension_configs=EXTENSIONS).convert(text)


def test_the_issues_bodies_are_past_a_bound() -> None:
    (deep,) = body_problems("Intro.\n\n" + DEEP_LIST)
    assert deep.line == 3  # the paragraph where the nesting is
    assert f"at most {MAX_BODY_DEPTH}" in deep.message
    assert "code block" in deep.message
    (brackets,) = body_problems(OPEN_BRACKETS)
    assert brackets.line == 1
    assert "'['" in brackets.message


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("\n".join("> " * level + "quote" for level in range(1, 40)), "levels deep"),
        ("\n".join("    " * level + "!!! note" for level in range(40)), "levels deep"),
        ("<a " * 2000, "'<' tag starts"),
        ("word <a x\n\n" * 1000, "'<' tag starts"),
        ("*a " * (MAX_EMPHASIS_RUNS + 1), "runs of '*' or '_'"),
        ("a  \n" * 6000, "links, line breaks or other marks"),
        ("[" * 40 + "]" * 40, "nests '['"),
        ('<div markdown="1">\n\n' * 40 + "x\n" + "\n</div>" * 40, "marked 'markdown'"),
    ],
)
def test_each_shape_is_counted(body: str, fragment: str) -> None:
    found = body_problems("Fine text.\n\n\n" + body)
    # The paragraph's first line; for HTML elements, the first one past the bound.
    line = 4 + 2 * MAX_BODY_DEPTH if "markdown=" in body else 4
    assert [problem.line for problem in found] == [line]
    assert fragment in found[0].message


@pytest.mark.parametrize(
    "body",
    [
        "# Notes\n\n- one\n    - two\n        - three\n\n> a quote\n> > in a quote\n",
        "A [link](https://example.org), a [[wikilink]], `code [` and *emphasis*.\n",
        "```\n" + "[" * 5000 + "\n" + "    " * 100 + "- deep in code\n```\n",
        "\n\n".join("[x] paragraph with one open bracket" for _ in range(2000)),
        "a_b_c snake_case_names " * 2000,
        "- [ ] a [task](https://example.org) *to do*\n" * 4000,
        "|a|b|\n|-|-|\n" + "|[x](https://example.org)|*y*|\n" * 4000,
    ],
)
def test_ordinary_bodies_fit(body: str) -> None:
    assert body_problems(body) == []


def test_hostile_bodies_build_with_a_warning(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    """A real build: each hostile body is one warning with its line, its page
    still appears with the note's facts and the body as escaped plain text."""
    root = write_notebook(
        {
            **GOOD,
            "contacts/deep-list.md": "---\nname: Deep List\nrole: Archivist\n---\n" + DEEP_LIST,
            "interviews/2026-11-04-deep-list.md": (
                "---\ncontact: deep-list\ndate: 2026-11-04\n---\nFirst line.\n\n"
                + OPEN_BRACKETS
                + "<script>\n"
            ),
        }
    )
    log_guard.expect("contacts/deep-list.md:5: warning: the text here nests lists")
    log_guard.expect("interviews/2026-11-04-deep-list.md:7: warning: the text here leaves")
    build(load_config(str(root / "mkdocs.yml")))
    messages = " ".join(log_guard.messages())
    assert "contacts/deep-list.md:5: warning: the text here nests lists" in messages
    assert "interviews/2026-11-04-deep-list.md:7: warning: the text here leaves 20000" in messages
    contact = (root / "site/contacts/deep-list/index.html").read_text(encoding="utf-8")
    assert "Archivist" in contact
    assert '<pre class="ikb-plain-body"><code>' in contact
    assert "- level" in contact
    interview = (root / "site/interviews/2026-11-04-deep-list/index.html").read_text("utf-8")
    assert "Deep List" in interview
    assert "[" * 1000 in interview
    assert "&lt;script&gt;" in interview and "<script>\n" not in interview
    assert "Met at the <strong>meetup</strong>" in (
        root / "site/contacts/jane-doe/index.html"
    ).read_text(encoding="utf-8")


def test_check_reports_the_bodies(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {**GOOD, "contacts/deep-list.md": "---\nname: Deep List\n---\n\n" + DEEP_LIST}
    )
    result = CliRunner().invoke(main, ["check", "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "contacts/deep-list.md:5: warning: the text here nests lists" in result.stdout


def test_home_page_text_past_a_bound(write_notebook: WriteNotebook, log_guard: LogGuard) -> None:
    root = write_notebook({**GOOD, "docs/index.md": "# Home\n\n" + OPEN_BRACKETS + "\n"})
    log_guard.expect("docs/index.md:3: warning: the text here leaves 20000 '['")
    build(load_config(str(root / "mkdocs.yml")))
    assert "docs/index.md:3: warning:" in " ".join(log_guard.messages())
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert '<pre class="ikb-plain-body">' in home
    assert "ikb-items" in home  # the dashboard, below the text


def test_a_body_no_bound_foresaw_is_caught_per_page(
    write_notebook: WriteNotebook, log_guard: LogGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last resort: with the bounds switched off, the deep list raises
    RecursionError in Markdown; the page is rendered again with the body as
    plain text, and the build goes on."""
    monkeypatch.setattr(pages, "body_fits", lambda body: True)
    root = write_notebook(
        {**GOOD, "contacts/deep-list.md": "---\nname: Deep List\n---\n" + DEEP_LIST}
    )
    log_guard.expect("contacts/deep-list.md:4: warning: the text here nests lists")
    log_guard.expect("contacts/deep-list.md:4: warning: the text could not be formatted")
    build(load_config(str(root / "mkdocs.yml")))
    assert "contacts/deep-list.md:4: warning: the text could not be formatted (RecursionError)" in (
        " ".join(log_guard.messages())
    )
    contact = (root / "site/contacts/deep-list/index.html").read_text(encoding="utf-8")
    assert '<pre class="ikb-plain-body"><code>' in contact


# Pieces of the risky shapes, and of ordinary text, to build bodies from.
PIECES = [
    "word ",
    "[",
    "]",
    "](https://example.org) ",
    "![",
    "[[jane-doe]] ",
    "*",
    "**",
    "_",
    "`",
    "``",
    "<a ",
    "<b>",
    "</div>",
    '<div markdown="1">\n',
    ">",
    "&",
    "&amp;",
    "\\",
    "{: .x }",
    "\n",
    "\n\n",
    "  \n",
    "    ",
    "- ",
    "1. ",
    "> ",
    "# heading\n",
    "!!! note\n",
    "??? note\n",
    "```\n",
    "|a|b|\n|-|-|\n",
    "[ ] ",
    "<http://a",
    "<!--",
]
BODIES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map("".join)


@budget(60)
@given(BODIES)
def test_generated_bodies_render_or_fall_back(body: str) -> None:
    """A body within every bound renders; any other is shown as plain text
    (which is what the page does): neither path raises."""
    if body_fits(body):
        render(body)
    else:
        assert body_problems(body)
        render(pages.plain_body(body))


@budget(200)
@given(BODIES)
def test_the_quick_test_passes_only_what_the_scan_passes(body: str) -> None:
    """A body the quick test lets through (most notes) has nothing the full scan finds."""
    if surely_fits(body):
        assert scan(body) == []
    assert body_problems(body) == ([] if surely_fits(body) else scan(body))


def time_ratio(small: str, large: str, repeats: int = 5) -> float:
    """How many times longer ``large`` takes to render than ``small``: the
    least of ``repeats`` timings of each, taken in turns, so that a busy
    moment of the machine (other test runs share it) slows both alike. A
    ratio past ``LINEAR_FACTOR`` is measured twice more and the lowest kept:
    noise seldom repeats, a super-linear shape always does."""
    render(small)  # warm up: imports and compiled patterns
    ratios = []
    for _ in range(3):
        best = {small: float("inf"), large: float("inf")}
        for _ in range(repeats):
            for text in (small, large):
                gc.collect()
                gc.disable()  # its passes grow with the whole test process, not the text
                try:
                    start = time.perf_counter()
                    render(text)
                    took = time.perf_counter() - start
                finally:
                    gc.enable()
                best[text] = min(best[text], took)
        ratios.append(best[large] / best[small])
        if ratios[-1] < LINEAR_FACTOR:
            break
    return min(ratios)


# Four times the text may take at most this many times as long: linear is 4;
# a quadratic shape that slipped past a bound gives 16.
LINEAR_FACTOR = 10


@budget(12)
@given(st.lists(st.sampled_from(PIECES), min_size=20, max_size=200).map("".join))
def test_bodies_within_bounds_render_in_linear_time(chunk: str) -> None:
    """The same paragraphs n and 4n times over (n: at least 16, and enough
    for 10,000 characters, which take long enough to time): four times the
    size, at most ``LINEAR_FACTOR`` times the time."""
    copies = max(16, -(-10_000 // len(chunk)))
    small = "\n\n".join([chunk] * copies)
    large = "\n\n".join([chunk] * (4 * copies))
    if not body_fits(large):
        assert not body_fits(large + "\n\n" + small)  # past a bound stays past it
        return
    ratio = time_ratio(small, large)
    assert ratio < LINEAR_FACTOR, (ratio, chunk)


def test_large_bodies_within_bounds_are_linear(tmp_path: Path) -> None:
    """Shapes just under each bound, repeated: the time ratio of 4n to n."""
    del tmp_path
    shapes = [
        "[" * 30 + " text",
        "*a " * 300,
        "word <a x",
        "\n".join("    " * level + "- item" for level in range(MAX_BODY_DEPTH)),
        "a  \n" * 800,
    ]
    for shape in shapes:
        small = "\n\n".join([shape] * 8)
        large = "\n\n".join([shape] * 32)
        assert body_fits(large), shape[:40]
        ratio = time_ratio(small, large)
        assert ratio < LINEAR_FACTOR, (ratio, shape[:40])


def test_plain_body_is_shown_as_written() -> None:
    """Without the plugin's stash (``interview-kb generate``), Markdown passes
    the block through: blank lines, marks and tags stay as written, escaped."""
    html = render("# T\n\n" + pages.plain_body("a\n\n\nb *c* [x](y) <script>\n    - z") + "\n\n*x*")
    assert "<code>a\n\n\nb *c* [x](y) &lt;script&gt;\n    - z</code></pre>" in html
    assert "<em>x</em>" in html  # the text after it is formatted again
