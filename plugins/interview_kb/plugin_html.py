"""The MkDocs adapter's HTML workarounds: the stash of generated HTML blocks,
the charts held back from the search indexer, and the theme's white space
squeezed out of generated pages. Only the plugin uses them."""

from __future__ import annotations

import hashlib
import re
import secrets


class HtmlStash:
    """Raw HTML blocks taken out of the generated Markdown, to be put back in its HTML.

    Before Python-Markdown converts a page, MkDocs parses all of its raw
    HTML once (looking for anchors) and Python-Markdown once more (to find
    where each block ends); on the generated pages, which are mostly HTML,
    that was a third of a big notebook's build. With a stash, each HTML block
    of a generated page becomes a one-word paragraph (the stash's prefix and
    a digest of the block); ``restore`` swaps the block back into the
    converted HTML. The prefix carries a random part, so that no note can
    spell a key. The user's own Markdown (a note's body, the home page's
    text) is never stashed.

    A key names its block's content, so it is the same in every build of one
    stash: in ``mkdocs serve`` the plugin keeps the stash from one rebuild to
    the next, and a page whose blocks did not change keeps the same Markdown
    (``plugin_rebuilds`` compares it). ``forget_unused`` drops the blocks no
    page of the last build asked for.
    """

    def __init__(self) -> None:
        self.prefix = f"ikbhtml{secrets.token_hex(6)}x"
        self.blocks: dict[str, str] = {}
        self.charts: dict[str, str] = {}
        self._used: set[str] = set()
        self._key = re.compile(rf"<p>({re.escape(self.prefix)}[0-9a-f]+)</p>")
        self._chart_key = re.compile(rf"<!--{re.escape(self.prefix)}svg\d+-->")

    def stash(self, html: str) -> str:
        """The key that stands for ``html`` in the Markdown."""
        digest = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=12)
        key = f"{self.prefix}{digest.hexdigest()}"
        self.blocks[key] = html
        self._used.add(key)
        return key

    def restore(self, html: str) -> str:
        """``html`` with every key's paragraph replaced by its block."""
        if self.prefix not in html:
            return html

        def block(match: re.Match[str]) -> str:
            key = match.group(1)
            found = self.blocks.get(key)
            if found is None:
                return match.group(0)
            self._used.add(key)
            return found

        return self._key.sub(block, html)

    def forget_unused(self) -> None:
        """Drop the blocks that no page stashed or restored since the last call,
        and the charts no page took back (a page whose output was reused)."""
        self.blocks = {key: html for key, html in self.blocks.items() if key in self._used}
        self._used = set()
        self.charts.clear()

    def hide_charts(self, html: str) -> str:
        """``html`` with each chart's ``<svg>`` (which search skips, being marked
        ``data-search-exclude``) left out until ``show_charts``, so that the search
        index's parser does not read its hundred tags only to skip them."""
        if "data-search-exclude" not in html:
            return html

        def hide(match: re.Match[str]) -> str:
            key = f"<!--{self.prefix}svg{len(self.charts)}-->"
            self.charts[key] = match.group(0)
            return key

        return _CHART.sub(hide, html)

    def show_charts(self, html: str) -> str:
        """``html`` with the charts ``hide_charts`` left out back in place."""
        if self.prefix + "svg" not in html:
            return html
        return self._chart_key.sub(lambda m: self.charts.pop(m.group(0), m.group(0)), html)


# A chart as render/charts.py draws it: one <svg> element, marked to be skipped by search.
_CHART = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg"[^>]* data-search-exclude=""[^>]*>.*?</svg>', re.DOTALL
)


# Elements whose text keeps its spaces and line breaks as written.
_KEEPS_SPACE = re.compile(
    "("
    + "|".join(rf"<{tag}\b.*?</{tag}\s*>" for tag in ("pre", "code", "script", "style", "textarea"))
    + ")",
    re.DOTALL | re.IGNORECASE,
)


_LINE_BREAK_SPACE = re.compile(r"\n\s+")


def squeeze_html(page: str) -> str:
    """``page`` with each line break followed by blank space (indentation,
    blank lines) made one line break, outside the elements that keep their
    spaces (``pre``, ``code``, ``script``, ``style``, ``textarea``).

    A browser shows any run of blank space between words or tags as at most
    one space, so the page looks and reads the same; the theme's indentation
    and blank lines are about a sixth of a note page.
    """
    parts = _KEEPS_SPACE.split(page)
    # split() gives: text, kept element, text, kept element, ..., text
    for number in range(0, len(parts), 2):
        parts[number] = _LINE_BREAK_SPACE.sub("\n", parts[number])
    return "".join(parts)
