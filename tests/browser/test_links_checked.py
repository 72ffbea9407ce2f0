"""LinkChecker over the built notebook and the built guide: no broken internal
link and no missing anchor, in the generated pages, in the notes' bodies and in
the hand-written pages of ``docs/``.

LinkChecker reads each site over HTTP from a local server, as a reader's
browser would (the pages' links are to folders: ``contacts/jane-doe/``), and
follows every link inside it. Links to other hosts are left unchecked (there is
no ``--check-extern``: the tests never go on the internet), and so are
``mailto:`` links, which LinkChecker would look up in the DNS. It needs no
browser; it sits with the browser tests for their built sites.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from interview_kb.plugin_private_site import NOINDEX

from .conftest import Site

pytestmark = pytest.mark.browser

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# Anchors are checked by the AnchorCheck plugin (a section of its own turns it
# on); non-HTTP links are left alone.
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
ignore=
  ^mailto:
  ^tel:
  ^sms:
[AnchorCheck]
"""
SUMMARY = re.compile(
    r"That's it\. (\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found\."
)

# The page a server shows for a missing address; no page links to it.
NOT_LINKED = {"404.html"}


class _Handler(SimpleHTTPRequestHandler):
    """Answers with a ``LinkChecker`` header: LinkChecker then does not slow its
    requests to this host down to ten a second. The notebook's robots.txt
    turns every crawler away (it is private), and so does each page's robots
    meta tag, LinkChecker included: this server answers as if there were
    neither (tests/test_private_site.py checks that the site has both)."""

    def send_head(self) -> Any:
        if self.path.split("?", 1)[0] == "/robots.txt":
            self.send_error(404)
            return None
        return super().send_head()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        tag = NOINDEX.encode()
        outputfile.write(source.read().replace(tag, b" " * len(tag)))  # same length

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # LinkChecker closes a connection once it has what it needs


@contextmanager
def _serve(root: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name="linkcheck", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass(frozen=True)
class Checked:
    """What LinkChecker found in one site."""

    pages: set[str]  # site-relative addresses it checked, anchors aside
    warnings: int  # a missing anchor is one
    errors: int  # a broken link is one
    report: str  # every address checked, and every warning and error with its page


def linkcheck(root: Path, tmp_path: Path) -> Checked:
    """Run LinkChecker over the site in ``root``, served on a free local port."""
    assert LINKCHECKER.is_file(), f"{LINKCHECKER} is missing: install the test extra"
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    with _serve(root) as url:
        run = subprocess.run(
            [str(LINKCHECKER), "--config", str(config), "--no-status", "--verbose", url],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )
    report = run.stdout
    summary = SUMMARY.search(report)
    assert summary, f"LinkChecker gave no summary (exit {run.returncode}):\n{report}\n{run.stderr}"
    _links, _urls, warnings, errors = map(int, summary.groups())
    assert (run.returncode == 0) == (errors == 0), (run.returncode, report)
    pages = set()
    for line in report.splitlines():
        if line.startswith("Real URL") and url in line:
            pages.add(line.split(url, 1)[1].split("#", 1)[0])
    return Checked(pages, warnings, errors, report)


def assert_no_broken_links(site: Site, tmp_path: Path) -> None:
    checked = linkcheck(site.root, tmp_path)
    assert checked.warnings == checked.errors == 0, checked.report
    missed = set(site.html_pages(limit=10_000)) - checked.pages - NOT_LINKED
    assert not missed, f"pages LinkChecker did not reach: {sorted(missed)}"


def test_the_notebook_has_no_broken_link_or_anchor(site: Site, tmp_path: Path) -> None:
    assert_no_broken_links(site, tmp_path)


def test_the_guide_has_no_broken_link_or_anchor(guide: Site, tmp_path: Path) -> None:
    assert_no_broken_links(guide, tmp_path)


def test_linkchecker_sees_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "there").mkdir(parents=True)
    (root / "there" / "index.html").write_text(
        '<!doctype html><title>There</title><h1 id="top">There</h1>', encoding="utf-8"
    )
    (root / "index.html").write_text(
        "<!doctype html><title>Home</title>"
        '<a href="there/">fine</a> <a href="there/#top">fine too</a> '
        '<a href="gone/">broken</a> <a href="there/#nowhere">no such anchor</a> '
        '<a href="mailto:jane@doe.example">not looked up</a>',
        encoding="utf-8",
    )
    checked = linkcheck(root, tmp_path)
    assert (checked.errors, checked.warnings) == (1, 1), checked.report
    assert checked.pages >= {"", "there/", "gone/"}
    entries = {
        entry.split("`", 1)[1].split("'", 1)[0]: entry
        for entry in checked.report.split("\n\n")
        if entry.startswith("URL ")
    }
    assert "Result     Error: 404" in entries["gone/"]
    assert "Anchor `nowhere' (decoded: `nowhere') not" in entries["there/#nowhere"]
    assert "Result     Valid: 200 OK" in entries["there/#top"]
    # The mail address is listed, not looked up.
    assert "Result     Valid: filtered" in entries["mailto:jane@doe.example"]
