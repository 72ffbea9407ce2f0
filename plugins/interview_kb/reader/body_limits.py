"""Bounds on the shapes of a note's body that Markdown renders slowly or not at all.

Python-Markdown (with the extensions the plugin turns on) renders most text
in time linear in its size, but a few shapes cost more: nesting (lists,
quotes, admonitions, details) recurses once per level and raises
``RecursionError`` at about 300 levels; each ``[`` left open scans the rest
of its paragraph, once per link pattern; each unclosed tag start (``<a``)
sends the HTML parser on a scan of its own; nested emphasis recurses; and
every inline element of a paragraph (a link, a line break, an emphasis)
copies the paragraph's text once, so that a long paragraph full of them
costs its length times their number. Each shape is counted here, in one pass
over the text, before anything is rendered; a body past a bound is shown as
plain preformatted text and reported with the line to change. The figures
behind each bound are in docs/notes.md ("Limits").

Pure functions of the text: no rendering, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Levels of nesting: lists, block quotes, admonitions, details and HTML elements
# marked `markdown` (md_in_html) inside one
# another (four spaces of indentation, one ">", or one element per level).
MAX_BODY_DEPTH = 16
# Square brackets opened inside one another in a paragraph.
MAX_BRACKET_DEPTH = 32
# For each "[" left without its "]": the characters from it to the end of
# its paragraph, added up over the paragraph.
MAX_OPEN_BRACKET_SCAN = 1_000_000
# For each tag start ("<a", "</", "<!", "<?"): the characters from it to the
# next ">" (or the end), added up over the whole body. The HTML parser reads
# that far looking for the tag's end, across paragraphs.
MAX_TAG_SCAN = 2_000_000
# Runs of emphasis markers ("*", and "_" at the edge of a word) in a paragraph.
MAX_EMPHASIS_RUNS = 400
# Inline marks of a paragraph (brackets, tag starts, backticks, emphasis
# markers, ampersands, backslashes, hard line breaks) times its length.
MAX_PARAGRAPH_WORK = 100_000_000


@dataclass(frozen=True)
class BodyProblem:
    """A shape past its bound: the body's line (1 for its first) and what to change."""

    line: int
    message: str


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_QUOTE = re.compile(r"[ \t]{0,3}>")
_INDENT = re.compile(r"[ \t]*")
# What opens a nested block once its indentation is taken off.
_BLOCK_START = re.compile(r"(?:[-*+][ \t]|\d{1,9}[.)][ \t]|!!!|\?\?\?|>)")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z/!?]|>")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_MARK = re.compile(r"[\[<`*&\\]|(?<!\w)_|_(?!\w)|  \n")
# An HTML element whose content md_in_html parses as Markdown, and an end tag.
_MARKDOWN_TAG = re.compile(r"<[A-Za-z][^<>]*\bmarkdown\b[^<>]*>|</[A-Za-z][^<>]*>")


def _columns(indent: str) -> int:
    """Indentation in columns, a tab to the next multiple of four."""
    width = 0
    for char in indent:
        width = (width // 4 + 1) * 4 if char == "\t" else width + 1
    return width


def _depth(line: str) -> int:
    """Levels of nesting a line opens: its ``>`` markers and, when a list item,
    quote, admonition or details block starts after its indentation, one
    level per four columns of that indentation."""
    depth = 0
    rest = line
    while True:
        quote = _QUOTE.match(rest)
        if quote is None:
            break
        depth += 1
        rest = rest[quote.end() :]
        if rest.startswith(" "):
            rest = rest[1:]
    indent = _INDENT.match(rest)
    width = indent.end() if indent else 0
    if _BLOCK_START.match(rest, width):
        depth += _columns(rest[:width]) // 4
    return depth


def paragraphs(body: str) -> Iterator[tuple[int, str, int]]:
    """The body's paragraphs (runs of non-blank lines outside fenced code):
    ``(first line, text, deepest nesting)``, lines counted from 1."""
    start = 0
    lines: list[str] = []
    deepest = 0
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        opened = _FENCE.match(line) if stripped[:3] in ("```", "~~~") else None
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
        if opened or not stripped.strip():
            if lines:
                yield start, "\n".join(lines), deepest
            lines, deepest = [], 0
            continue
        if not lines:
            start = number
        lines.append(line)
        if line[:1] in (" ", "\t", ">"):  # a line at column 0 nests nothing
            deepest = max(deepest, _depth(line))
    if lines:
        yield start, "\n".join(lines), deepest


# A line that starts an inline text of its own: a list item, quote, heading,
# admonition or table row (Markdown formats each one's text apart).
_UNIT_START = re.compile(r"[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|!!!|\?\?\?|\|)|.*\|")


def units(text: str) -> Iterator[tuple[int, str]]:
    """A paragraph's texts that Markdown formats one by one: ``(line offset,
    text)``, a new one at each line that starts a list item, quote, heading,
    admonition or table row."""
    start = 0
    lines = text.split("\n")
    for number in range(1, len(lines) + 1):
        if number == len(lines) or _UNIT_START.match(lines[number]):
            yield start, "\n".join(lines[start:number])
            start = number


def _brackets(text: str) -> tuple[int, int, int]:
    """``(deepest nesting, "[" left open, their scan)``: the scan is what
    Markdown reads looking for the missing ``]``s, to the paragraph's end."""
    stack: list[int] = []
    deepest = 0
    for match in _BRACKET.finditer(text):
        char = match.group(0)
        if char == "[":
            stack.append(match.start())
            deepest = max(deepest, len(stack))
        elif char == "]" and stack:
            stack.pop()
    scan = sum(len(text) - position for position in stack)
    return deepest, len(stack), scan


def _tag_scan(body: str) -> tuple[int, int, int]:
    """``(scan, tag starts left open, line of the first)``: what the HTML
    parser reads from each tag start to the next ``>`` (or the end), added
    up; a tag start counts as left open when another comes before a ``>``."""
    scan = left_open = 0
    first: int | None = None
    waiting: list[int] = []
    for match in _TAG.finditer(body):
        if match.group(0) == ">":
            scan += sum(match.start() - start for start in waiting)
            if len(waiting) > 1 and first is None:
                first = waiting[0]
            left_open += max(0, len(waiting) - 1)
            waiting = []
            continue
        waiting.append(match.start())
    scan += sum(len(body) - start for start in waiting)
    left_open += len(waiting)
    if waiting and first is None:
        first = waiting[0]
    line = body.count("\n", 0, first) + 1 if first is not None else 1
    return scan, left_open, line


def _markdown_html_depth(body: str) -> tuple[int, int]:
    """``(deepest, line)``: HTML elements marked ``markdown`` open inside one
    another (md_in_html parses each one's content as a new document), and the
    line of the first one past ``MAX_BODY_DEPTH``."""
    open_now = deepest = 0
    where = 1
    for match in _MARKDOWN_TAG.finditer(body):
        if match.group(0).startswith("</"):
            open_now = max(0, open_now - 1)
            continue
        open_now += 1
        if open_now == MAX_BODY_DEPTH + 1 and deepest <= MAX_BODY_DEPTH:
            where = body.count("\n", 0, match.start()) + 1  # where it goes past the bound
        deepest = max(deepest, open_now)
    return deepest, where


def _unit_problems(unit: str, line: int, report: Callable[[str, int, str], None]) -> None:
    """Report each bound one text of a paragraph (see ``units``) goes past."""
    if "[" in unit:
        depth, left_open, scan = _brackets(unit)
        if scan > MAX_OPEN_BRACKET_SCAN:
            report(
                "open-brackets",
                line,
                f"the text here leaves {left_open} '[' without a closing ']' in "
                f"{len(unit)} characters (their count times the text after them must "
                f"stay under {MAX_OPEN_BRACKET_SCAN:,}); close or escape them ('\\['), "
                "split the paragraph with blank lines, or put it in a code block",
            )
        if depth > MAX_BRACKET_DEPTH:
            report(
                "bracket-depth",
                line,
                f"the text here nests '[' {depth} deep (at most {MAX_BRACKET_DEPTH}); "
                "escape them as '\\[' or put the text in a code block (``` lines around it)",
            )
    if "*" in unit or "_" in unit:
        runs = sum(1 for _ in _EMPHASIS.finditer(unit))
        if runs > MAX_EMPHASIS_RUNS:
            report(
                "emphasis",
                line,
                f"the text here has {runs} runs of '*' or '_' in one paragraph or item "
                f"(at most {MAX_EMPHASIS_RUNS}); split the paragraph with blank lines, "
                "escape them ('\\*'), or put the text in a code block",
            )
    if len(unit) ** 2 > MAX_PARAGRAPH_WORK:  # marks <= length: short ones cannot reach it
        marks = sum(1 for _ in _MARK.finditer(unit))
        if marks * len(unit) > MAX_PARAGRAPH_WORK:
            report(
                "paragraph",
                line,
                f"the text here has a paragraph or item of {len(unit)} characters with "
                f"{marks} links, line breaks or other marks (the two multiplied must "
                f"stay under {MAX_PARAGRAPH_WORK:,}); split it with blank lines, or put "
                "it in a code block (``` lines around it)",
            )


# A line nested past MAX_BODY_DEPTH starts with at least one character per level.
_DEEP_PREFIX = re.compile(rf"^[ \t>]{{{MAX_BODY_DEPTH + 1},}}", re.MULTILINE)


def surely_fits(body: str) -> bool:
    """True for a body too short and plain to pass any bound (most notes):
    each scan and product is at most the square of the length, and each count
    at most the number of its characters."""
    return (
        len(body) ** 2 <= min(MAX_OPEN_BRACKET_SCAN, MAX_TAG_SCAN, MAX_PARAGRAPH_WORK)
        and body.count("[") <= MAX_BRACKET_DEPTH
        and body.count("*") + body.count("_") <= MAX_EMPHASIS_RUNS
        and body.count("markdown") <= MAX_BODY_DEPTH
        and _DEEP_PREFIX.search(body) is None
    )


def body_problems(body: str) -> list[BodyProblem]:
    """Each bound the body goes past, at the first paragraph that does (one
    problem per line at most), with what to change."""
    return [] if surely_fits(body) else scan(body)


def scan(body: str) -> list[BodyProblem]:
    """``body_problems`` without the quick test for short, plain bodies."""
    found: dict[str, BodyProblem] = {}

    def report(kind: str, line: int, message: str) -> None:
        found.setdefault(kind, BodyProblem(line, message))

    for line, text, deepest in paragraphs(body):
        if deepest > MAX_BODY_DEPTH:
            report(
                "depth",
                line,
                f"the text here nests lists, quotes or admonitions {deepest} levels deep "
                f"(at most {MAX_BODY_DEPTH}); indent less, or put the text in a code block "
                "(``` lines around it)",
            )
        for offset, unit in units(text):
            _unit_problems(unit, line + offset, report)
    if "<" in body:
        scan, left_open, where = _tag_scan(body)
        if scan > MAX_TAG_SCAN:
            report(
                "open-tags",
                where,
                f"the text from here has {left_open} '<' tag starts without a closing '>' "
                f"(the text read after them looking for one must stay under "
                f"{MAX_TAG_SCAN:,} characters); write '<' as '&lt;' or add the '>', or put "
                "the text in a code block (``` lines around it)",
            )
    if "markdown" in body:
        deepest, where = _markdown_html_depth(body)
        if deepest > MAX_BODY_DEPTH:
            report(
                "html-depth",
                where,
                f"the text here nests HTML elements marked 'markdown' {deepest} levels deep "
                f"(at most {MAX_BODY_DEPTH}); close them sooner, or leave out 'markdown'",
            )
    by_line: dict[int, BodyProblem] = {}  # one problem per line: the first bound it passed
    for problem in found.values():
        by_line.setdefault(problem.line, problem)
    return sorted(by_line.values(), key=lambda problem: problem.line)


def body_fits(body: str) -> bool:
    """True when no bound is passed: Markdown renders the body in linear time."""
    return not body_problems(body)
