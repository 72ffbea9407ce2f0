"""Escaping of front-matter values on their way into generated Markdown.

Markdown passes raw HTML through and gives meaning to many punctuation marks.
A value from a note is written with each mark that Python-Markdown (with the
tables extension) can escape behind a backslash, and with HTML's own
characters and the marks of common extensions (tilde, caret, mark,
arithmatex) as character references: it reads as itself in the browser and
the search index, and no extension (attribute lists, snippets, macros) acts
on it. Control characters (which a YAML escape such as ``"\0"`` can put in a
value) are left out: no page means to show them, and Python-Markdown and the
page renderer use some of them as placeholders of their own.
Text the templates built themselves (HTML, or Markdown) is marked safe as
markupsafe's ``Markup``, which Jinja's autoescaping leaves as it is.

The escaping is written here rather than left to markupsafe's ``escape``:
that one keeps control characters and writes ``"`` as ``&#34;``, where the
pages have always said ``&quot;``; every escape of the package lives in this
module (HTML text and attributes, one-line HTML, paragraphs, Markdown lines,
SVG text).
"""

from __future__ import annotations

import html
import re
from datetime import date, time
from urllib.parse import quote

from markupsafe import Markup

from ..core.chars import PRINTABLE, controls_but_line_breaks

# Python-Markdown's ESCAPED_CHARS, with "|" that the tables extension adds.
_BACKSLASHED = "\\`*_{}[]()#+-.!|"
_REFERENCES = {
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
    "\t": " ",
}
# The C0 and C1 controls but line breaks (turned into <br> or spaces) and tab.
_CONTROLS = controls_but_line_breaks()
_TABLE: dict[int, str | None] = {
    **{ord(c): "\\" + c for c in _BACKSLASHED},
    **{ord(c): text for c, text in _REFERENCES.items()},
    **_CONTROLS,
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def escape(value: object) -> str:
    """A value written so that it shows as itself in one line of Markdown."""
    text = str(value).translate(_TABLE)
    text = re.sub(r"\s*\r?\n\s*\r?\n\s*", "<br><br>", text)
    return re.sub(r"\s*[\r\n]\s*", "<br>", text)


def escape_line(value: object) -> str:
    """Like ``escape``, with line breaks folded into spaces (headings, cells)."""
    return " ".join(str(value).split()).translate(_TABLE)


# HTML's five characters, and the control characters (Python-Markdown turns
# "\x02" + digits + "\x03" back into a character after it has put the raw
# HTML back: left in, they could spell a "<").
_HTML_CHARACTERS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_TABLE: dict[int, str | None] = {
    **{ord(c): text for c, text in _HTML_CHARACTERS.items()},
    **_CONTROLS,
}


def html_escape(value: object) -> str:
    """A value as HTML text or attribute value, control characters left out."""
    return str(value).translate(_HTML_TABLE)


def html_line(value: object) -> str:
    """``html_escape`` with runs of white space (line breaks too) folded into one space."""
    return " ".join(str(value).split()).translate(_HTML_TABLE)


def html_paragraphs(value: object) -> str:
    """A multi-line value as HTML paragraphs: a blank line starts a new one,
    a single line break stays a ``<br>``."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html_line(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )


def html_finalize(value: object) -> object:
    """Jinja's ``finalize`` for the HTML parts of a page: every ``{{ value }}``
    is HTML-escaped unless marked safe (``Markup``, or anything with ``__html__``)."""
    if value is None:
        return ""
    if hasattr(value, "__html__") or isinstance(value, (date, time, int, float)):
        return value
    return Markup(html_escape(value))


def anchor(text: object, url: str, attributes: str = "") -> Markup:
    """``<a href="url">text</a>`` with both escaped; ``attributes`` are the template's own."""
    extra = f" {attributes}" if attributes else ""
    return Markup(f'<a href="{html_escape(url)}"{extra}>{html_line(text)}</a>')


def href(target: str) -> str:
    """A relative path as a link target, safe inside ``(...)``.

    Every character but letters, digits, ``/`` and ``-._~`` is percent-encoded
    (MkDocs decodes the path to find the page): a page named ``a#b`` or
    ``50%`` is found, and a name such as ``javascript:x`` cannot turn the
    path into a URL with a scheme.
    """
    return quote(target, safe="/")


def external_href(url: str) -> str | None:
    """An outside URL to link to, or None when it is not http(s) or mailto."""
    cleaned = url.strip()
    if not cleaned.lower().startswith(_SAFE_SCHEMES):
        if "." in cleaned and " " not in cleaned and ":" not in cleaned.split("/")[0]:
            cleaned = "https://" + cleaned
        else:
            return None
    return quote(cleaned, safe="/#:@?=&;,+~%.-_!$*'")


def mailto(address: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` URL with an optional subject and body, percent-encoded."""
    url = "mailto:" + quote(address.strip(), safe="@.+-_")
    query = [
        f"{key}={quote(value, safe='')}"
        for key, value in (("subject", subject), ("body", body))
        if value
    ]
    return url + ("?" + "&".join(query) if query else "")


def html_text(value: object) -> str:
    """Plain HTML escaping, for values that go into page meta (tags)."""
    return html.escape(str(value), quote=True)


# What XML 1.0 allows, less the C1 controls: a note's value may hold any
# character (a YAML escape such as "\0"), and a chart must still parse.
_NOT_XML = re.compile(f"[^{PRINTABLE}]")


def svg_text(text: object) -> str:
    """Text for SVG or HTML: escaped, on one line, without characters XML refuses."""
    return html.escape(" ".join(_NOT_XML.sub("", str(text)).split()), quote=True)
