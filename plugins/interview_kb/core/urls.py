"""Links between generated pages, written as the URLs MkDocs will serve.

The generated pages write their lists and tables as raw HTML: Python-Markdown
passes such a block through for a fraction of what it spends on the same
content as Markdown, which is most of a big notebook's build. MkDocs does not
rewrite links inside raw HTML, so these links are the final URLs, computed
here the way MkDocs computes them (``use_directory_urls`` on: ``a/b.md`` is
served at ``a/b/``; off: at ``a/b.html``; an ``index.md`` at its folder).
"""

from __future__ import annotations

from urllib.parse import quote


def page_url(source: str, directory_urls: bool | None = True) -> str:
    """The URL path (from the site's root) of the page made from ``source``.

    ``contacts/jane.md`` gives ``contacts/jane/``, or ``contacts/jane.html``
    without directory URLs; ``index.md`` gives ``""`` and ``guide/index.md``
    gives ``guide/`` (``index.html`` and ``guide/index.html`` without directory
    URLs). Other files, and every file when ``directory_urls`` is None, keep
    their path.
    """
    if not source.endswith(".md") or directory_urls is None:
        return source
    stem = source[:-3]
    folder, _, name = stem.rpartition("/")
    if name == "index":
        index = "" if directory_urls else "index.html"
        return folder + "/" + index if folder else index
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(
    source: str, target: str, directory_urls: bool | None = True, fragment: str = ""
) -> str:
    """A relative link from the page made from ``source`` to ``target``'s.

    Both are source paths (``target`` may be empty for a ``#fragment`` on
    the same page). With ``directory_urls`` None the link goes to the
    Markdown file itself, for pages written out as files. The result is
    percent-encoded as ``markup.href`` does (letters, digits, ``/-._~``
    kept); it still needs HTML escaping in an attribute.
    """
    here = page_url(source, directory_urls)
    there = page_url(target, directory_urls) if target else here
    base = here.rpartition("/")[0].split("/") if "/" in here else []
    parts = there.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    path = "../" * (len(base) - common) + "/".join(parts[common:])
    if not target:
        path = ""
    elif not path:
        path = "./"
    encoded = quote(path, safe="/")
    return encoded + ("#" + quote(fragment, safe="") if fragment else "")
