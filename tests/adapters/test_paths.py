"""Paths: slugs and references are names, never paths; no note is read from
outside the notebook and no page is written outside the site."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

import interview_kb
from interview_kb.cli import main
from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook, slug_problem
from interview_kb.reader.shared import read_shared
from interview_kb.render.pages import render_pages

from ..conftest import LogGuard, WriteNotebook

TODAY = date(2026, 11, 20)
PACKAGE = Path(interview_kb.__file__).resolve().parent

# ---------------------------------------------------------------------------
# every file the reader opens, seen through Python's audit hooks

_OPENED: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _OPENED.append(str(Path(str(args[0])).resolve()))


sys.addaudithook(_audit)  # hooks cannot be removed; this one records only when asked


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """The resolved paths of every file opened while the test runs."""
    global _OPENED
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


def assert_inside(paths: list[str], root: Path) -> None:
    """Every file opened is in ``root`` or the package (a module imported on
    first use, such as a codec, is not a file the reader chose to read)."""
    for path in paths:
        if path.endswith((".py", ".pyc", ".so")):
            continue
        assert Path(path).is_relative_to(root.resolve()) or Path(path).is_relative_to(PACKAGE), path


# ---------------------------------------------------------------------------
# references are slugs


def test_references_are_slugs_not_paths(
    write_notebook: WriteNotebook, tmp_path: Path, opened: list[str]
) -> None:
    # Notes that the references would reach if they were taken as paths.
    (tmp_path / "x.md").write_text("---\nname: Outside X\n---\n")
    (tmp_path / "secret.md").write_text("---\nname: Secret\n---\n")
    root = write_notebook(
        {
            "contacts/jane-doe.md": "---\nname: Jane\nintroduced_by: ../secret\n---\n",
            "interviews/a.md": "---\ncontact: ../../x\ndate: 2026-11-03\n---\n",
            "interviews/b.md": """
                ---
                contact: jane-doe
                date: 2026-11-03
                referrals:
                  - name: Someone
                    contact: ../../etc/passwd
                  - contact: /etc/passwd
                ---
                """,
        }
    )
    opened.clear()
    notebook = read_notebook(root)
    assert [str(p) for p in notebook.errors] == [
        "contacts/jane-doe.md:3: error: introduced_by '../secret' not found",
        "interviews/a.md:2: error: contact '../../x' not found (contacts are named by their "
        "file name without .md); the interview is left out",
        "interviews/b.md:6: error: referral contact '../../etc/passwd' not found",
        "interviews/b.md:7: error: referral contact '/etc/passwd' not found",
    ]
    assert list(notebook.contacts) == ["jane-doe"]
    assert list(notebook.interviews) == ["b"]
    assert_inside(opened, root)
    pages = render_pages(notebook, TODAY, Options())
    assert all(
        "Outside X" not in str(text) and "Secret" not in str(text) for text in pages.values()
    )
    assert "../../etc/passwd" not in str(pages["interviews/b.md"]).replace("\\", "")


def test_a_symlink_out_of_the_notebook_is_reported_and_not_read(
    write_notebook: WriteNotebook, tmp_path: Path, opened: list[str]
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("---\nname: Outside Person\n---\nPrivate text\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/hidden.md").write_text("---\nname: Hidden\n---\n")
    root = write_notebook(
        {
            "contacts/jane-doe.md": "---\nname: Jane\n---\n",
            "interviews/2026-11-03-jane-doe.md": "---\ncontact: jane-doe\ndate: 2026-11-03\n---\n",
        }
    )
    (root / "contacts/evil.md").symlink_to(outside)
    (root / "contacts/dangling.md").symlink_to(tmp_path / "missing.md")
    (root / "contacts/linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    # A link that stays inside the notebook is an ordinary note.
    (root / "contacts/jane-again.md").symlink_to(root / "contacts/jane-doe.md")
    opened.clear()
    notebook = read_notebook(root)
    assert [str(p) for p in notebook.problems] == [
        "contacts/dangling.md:1: error: the file is a link to "
        f"{(tmp_path / 'missing.md').as_posix()}, outside the notebook; it is not read "
        "(copy the note into the notebook instead)",
        f"contacts/evil.md:1: error: the file is a link to {outside.resolve().as_posix()}, "
        "outside the notebook; it is not read (copy the note into the notebook instead)",
    ]
    assert sorted(notebook.contacts) == ["jane-again", "jane-doe"]
    assert_inside(opened, root)


def test_a_notes_folder_linked_from_elsewhere_is_read(
    write_notebook: WriteNotebook, tmp_path: Path
) -> None:
    """The contacts folder itself may live elsewhere (a synced folder)."""
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "jane-doe.md").write_text("---\nname: Jane\n---\n")
    (synced / "escape.md").symlink_to(tmp_path / "outside.md")
    (tmp_path / "outside.md").write_text("---\nname: Outside\n---\n")
    root = write_notebook({})
    (root / "contacts").rmdir()
    (root / "contacts").symlink_to(synced, target_is_directory=True)
    notebook = read_notebook(root)
    assert list(notebook.contacts) == ["jane-doe"]
    assert [p.path for p in notebook.problems] == ["contacts/escape.md"]


def test_shared_notebooks_keep_to_their_own_folders(
    write_notebook: WriteNotebook, tmp_path: Path, opened: list[str]
) -> None:
    root = write_notebook({"contacts/me.md": "---\nname: Me\n---\n"})
    member = tmp_path / "members/ann"
    (member / "contacts").mkdir(parents=True)
    (member / "contacts/ann.md").write_text("---\nname: Ann\n---\n")
    (member / "contacts/steal.md").symlink_to(root / "contacts/me.md")
    opened.clear()
    shared = read_shared(root, ["../members/*", "../nowhere/*"], Options())
    assert [sorted(n.contacts) for n in shared] == [["ann"], []]
    problems = [str(p) for n in shared for p in n.problems]
    assert problems[0].startswith(
        "../members/ann/contacts/steal.md:1: error: the file is a link to "
    )
    assert problems[1].startswith("mkdocs.yml:1: error: shared_from '../nowhere/*' matches")
    assert_inside(opened, tmp_path)


# ---------------------------------------------------------------------------
# slugs and page paths


@pytest.mark.parametrize(
    ("slug", "fragment"),
    [
        ("index", "is the folder's own page"),
        ("README", "is the folder's own page"),
        ("Index", "is the folder's own page"),
        ("a\nb", "control character"),
        ("a\tb", "control character"),
        ("..", "cannot name a page"),
        (".", "cannot name a page"),
        ("", "cannot name a page"),
        ("a/b", "cannot name a page"),
        ("a\\b", "cannot name a page"),
    ],
)
def test_slugs_that_cannot_name_a_page(slug: str, fragment: str) -> None:
    problem = slug_problem(slug)
    assert problem is not None and fragment in problem


@pytest.mark.parametrize("slug", ["a..b", "...", "José Núñez", "a b", "50% #1", "x:y", "🙂"])
def test_names_that_are_only_names(slug: str) -> None:
    assert slug_problem(slug) is None


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_no_page_path_can_leave_the_site(stem: str) -> None:
    if slug_problem(stem) is not None:
        return
    for page in (f"contacts/{stem}.md", f"interviews/{stem}.md"):
        parts = PurePosixPath(page).parts
        assert len(parts) == 2 and ".." not in parts and not PurePosixPath(page).is_absolute()


def test_refused_file_names_are_reported(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/index.md": "---\nname: Index\n---\n",
            "contacts/tab\there.md": "---\nname: Tab\n---\n",
            "contacts/ok.md": "---\nname: Ok\n---\n",
            "contacts/old/Ok.md": "---\nname: Ok again\n---\n",
        }
    )
    notebook = read_notebook(root)
    assert list(notebook.contacts) == ["ok"]
    assert [str(p) for p in notebook.problems] == [
        "contacts/index.md:1: error: the name 'index' is the folder's own page on the site; "
        "rename the file, as in jane-doe.md; this note is left out",
        "contacts/old/Ok.md:1: error: the slug 'Ok' is already used by contacts/ok.md; rename one",
        "contacts/tab\\there.md:1: error: the path holds a control character; "
        "this note is left out",
    ]


# ---------------------------------------------------------------------------
# odd file names build into working pages


ODD = ["José Núñez", "a b", "a..b", "50% #1", "javascript:alert(1)", "Zoë (ext)"]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def odd_notebook(write_notebook: WriteNotebook) -> Path:
    files = {f"contacts/{name}.md": f"---\nname: Person {n}\n---\n" for n, name in enumerate(ODD)}
    files["contacts/jane-doe.md"] = "---\nname: Jane\nintroduced_by: José Núñez\n---\n"
    files["interviews/2026-11-03 José.md"] = (
        "---\ncontact: José Núñez\ndate: 2026-11-03\nreferrals:\n"
        + "".join(f"  - contact: {name!r}\n" for name in ODD)
        + "---\n"
    )
    return write_notebook(files)


def test_odd_file_names_build_into_working_pages(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    root = odd_notebook(write_notebook)
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    site = Path(config.site_dir).resolve()
    pages = sorted(site.rglob("*.html"))
    for name in ODD:
        assert (site / "contacts" / name / "index.html").is_file(), name
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            assert parts.scheme in ("", "https", "http", "mailto"), (page, href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue  # outside links, anchors, and the 404 page's links from the root
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(site), (page, href)
            if href.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page.relative_to(site), href)
            checked += 1
    assert checked > 50
    interview = (site / "interviews/2026-11-03 José/index.html").read_text(encoding="utf-8")
    for n in range(len(ODD)):
        assert f"Person {n}" in interview


def test_generate_writes_only_inside_its_folder(
    write_notebook: WriteNotebook, tmp_path: Path
) -> None:
    root = odd_notebook(write_notebook)
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["generate", str(out), "--config", str(root / "mkdocs.yml"), "--today", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    written = {p for p in tmp_path.rglob("*")} - before
    assert written and all(p == out or p.is_relative_to(out) for p in written)
    for name in ODD:
        assert (out / "contacts" / f"{name}.md").is_file()
