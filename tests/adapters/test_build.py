"""Real MkDocs builds of small notebooks, strict and not."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from interview_kb.cli import main

from ..conftest import REPO, LogGuard, WriteNotebook

SMALL = {
    "contacts/jane-doe.md": """
        ---
        name: Jane Doe
        role: UX Researcher
        organization: Northwind Health
        years_experience: 12
        email: jane@northwind.example
        tags: [ux-research]
        outreach:
          - {date: 2026-11-01, kind: request, channel: email}
          - {date: 2026-11-02, kind: reply}
        ---
        Met her at the **meetup**; she knows [[Bob Ray]].
        """,
    "contacts/bob-ray.md": """
        ---
        name: Bob Ray
        introduced_by: jane-doe
        ---
        """,
    "interviews/2026-11-10-jane-doe.md": """
        ---
        contact: jane-doe
        date: 2026-11-10 09:30
        mode: video
        questions:
          - id: typical-day
            answer: Interviews with patients, then synthesis.
        referrals:
          - {name: Bob Ray, contact: bob-ray}
        ---
        Went well. What I wrote down:

            first line
              indented as said

        """,
    "docs/index.md": "# Home\n\nHello.\n",
    "docs/about.md": "# About\n\nMine.\n",
}


def build_site(root: Path, strict: bool = True, config_file: str = "mkdocs.yml") -> Path:
    config = load_config(config_file=str(root / config_file), strict=strict)
    build(config)
    return Path(config.site_dir)


def test_strict_build_of_a_small_notebook(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    root = write_notebook(SMALL)
    site = build_site(root)
    jane = (site / "contacts/jane-doe/index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in jane
    assert "UX Researcher" in jane
    assert 'href="mailto:jane@northwind.example"' in jane
    assert "2026-11-10 09:30" in jane
    interview = (site / "interviews/2026-11-10-jane-doe/index.html").read_text(encoding="utf-8")
    assert "Interviews with patients, then synthesis." in interview
    assert 'href="../../contacts/bob-ray/"' in interview
    index = (site / "contacts/index.html").read_text(encoding="utf-8")
    assert 'href="jane-doe/"' in index
    assert (site / "interviews/index.html").is_file()
    # Note pages stay out of the sidebar; the index pages are in it.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="contacts/jane-doe/" class="md-nav__link' not in home
    assert 'href="contacts/" class="md-nav__link' in home
    # Generated pages lose the theme's indentation, never a code block's.
    assert "<code>first line\n  indented as said\n</code>" in interview
    for page in (jane, interview, index, home):
        outside_code = re.sub(r"<(pre|code|script)\b.*?</\1>", "kept", page, flags=re.DOTALL)
        assert not re.search(r"\n[ \t\n]", outside_code)
    # A page of the user's own is left as the theme wrote it.
    assert "\n    " in (site / "about/index.html").read_text(encoding="utf-8")


def test_tags_reach_the_page_meta(write_notebook: WriteNotebook, log_guard: LogGuard) -> None:
    config = (
        "site_name: T\ntheme: material\nplugins:\n  - tags\n  - interview-kb:\n"
        "      today: 2026-11-20\n"
    )
    root = write_notebook(
        {"contacts/x.md": "---\nname: X\ntags: [ux-research, '<b>bold</b>']\n---\n"}, config
    )
    page = (build_site(root) / "contacts/x/index.html").read_text(encoding="utf-8")
    assert "ux-research" in page
    assert "<b>bold</b>" not in page


def test_tags_are_links_with_a_minimal_config(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    # MINIMAL_CONFIG does not list Material's tags plugin: the notebook turns it on.
    root = write_notebook(
        {
            **SMALL,
            "contacts/bob-ray.md": "---\nname: Bob Ray\ntags: [ux-research, '<b>x</b>']\n---\n",
        }
    )
    site = build_site(root)
    tags = (site / "tags/index.html").read_text(encoding="utf-8")
    section = tags.split('id="tag:ux-research"')[1].split("<h2")[0]
    for name in ("Jane Doe", "Bob Ray", "2026-11-10"):  # both people and the interview
        assert name in section, name
    assert "<b>x</b>" not in tags
    jane = (site / "contacts/jane-doe/index.html").read_text(encoding="utf-8")
    assert 'href="../../tags/#tag:ux-research"' in jane
    interview = (site / "interviews/2026-11-10-jane-doe/index.html").read_text(encoding="utf-8")
    assert 'href="../../tags/#tag:ux-research"' in interview
    # The board and the organization pages are built too.
    assert "Northwind Health" in (site / "organizations/northwind-health/index.html").read_text(
        encoding="utf-8"
    )
    assert (site / "pipeline/index.html").is_file()
    # An organization's page is reached from organizations/, not the sidebar.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="organizations/" class="md-nav__link' in home
    assert 'href="organizations/northwind-health/" class="md-nav__link' not in home
    assert 'href="pipeline/" class="md-nav__link' in home
    assert 'href="tags/" class="md-nav__link' in home


BROKEN = {
    **SMALL,
    "contacts/broken.md": "---\nname: [Oops\n---\n",
    "interviews/2026-11-11-nobody.md": "---\ncontact: nobdy\ndate: 2026-11-11\n---\n",
}


def test_broken_notes_fail_a_strict_build(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    log_guard.expect("contacts/broken.md:2: error:")
    log_guard.expect("interviews/2026-11-11-nobody.md:2: error:")
    root = write_notebook(BROKEN)
    with pytest.raises(Abort):
        build_site(root, strict=True)


def test_broken_notes_still_build_the_rest(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    log_guard.expect("contacts/broken.md:2: error: the front-matter is not valid YAML")
    log_guard.expect("interviews/2026-11-11-nobody.md:2: error: contact 'nobdy' not found")
    root = write_notebook(BROKEN)
    site = build_site(root, strict=False)
    assert (site / "contacts/jane-doe/index.html").is_file()
    assert (site / "interviews/2026-11-10-jane-doe/index.html").is_file()
    assert not (site / "contacts/broken").exists()
    assert len(log_guard.records) == 2


def test_check_reports_each_broken_note_at_its_line(write_notebook: WriteNotebook) -> None:
    root = write_notebook(BROKEN)
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--config", str(root / "mkdocs.yml")]
    )
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)
    # After our own words, the YAML library says what it did not understand;
    # its wording is its own and may change with a release.
    assert problems[0].pop("message").startswith("the front-matter is not valid YAML: ")
    assert problems == [
        {"path": "contacts/broken.md", "line": 2, "severity": "error"},
        {
            "path": "interviews/2026-11-11-nobody.md",
            "line": 2,
            "severity": "error",
            "message": "contact 'nobdy' not found (contacts are named by their file name "
            "without .md); the interview is left out",
        },
    ]


def test_check_text_and_exit_status(write_notebook: WriteNotebook) -> None:
    root = write_notebook({**SMALL, "contacts/typo.md": "---\nname: T\norganisation: X\n---\n"})
    result = CliRunner().invoke(main, ["check", "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "contacts/typo.md:3: warning: unknown key 'organisation'" in result.stdout
    assert "0 errors, 1 warning" in result.output


def test_check_without_config(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_building_never_changes_a_note(write_notebook: WriteNotebook, log_guard: LogGuard) -> None:
    log_guard.expect("error:")
    root = write_notebook(BROKEN)
    notes = [p for p in root.rglob("*") if p.is_file() and "site" not in p.parts]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in notes}
    build_site(root, strict=False)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in notes} == before


def test_same_notes_give_byte_identical_sites(
    write_notebook: WriteNotebook, log_guard: LogGuard, tmp_path: Path
) -> None:
    root = write_notebook(SMALL)

    def pages() -> dict[str, bytes]:
        site = build_site(root)
        return {
            p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))
        }

    first = pages()
    second = pages()
    assert first == second


def test_the_example_notebook_builds_strict(log_guard: LogGuard, tmp_path: Path) -> None:
    config = load_config(config_file=str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path))
    build(config)
    assert (tmp_path / "contacts/priya-raman/index.html").is_file()
    result = CliRunner().invoke(main, ["check", "--config", str(REPO / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def broken_links(site: Path) -> list[str]:
    """Every relative ``href`` of the built pages that leads to no file.

    The generated pages write their links as raw HTML with the final URLs,
    which MkDocs does not check: this does, for every page but 404.html
    (whose links are absolute by design).
    """
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html" and page.parent == site:
            continue
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            path = unquote(html.unescape(href).split("#")[0].split("?")[0])
            if not path or re.match(r"^[a-z][a-z0-9+.-]*:|^//", path):
                continue
            target = page.parent / path
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)}: {href}")
    return broken


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-files"])
def test_every_link_of_the_example_leads_to_a_page(
    log_guard: LogGuard, tmp_path: Path, directory_urls: bool
) -> None:
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"),
        strict=True,
        site_dir=str(tmp_path),
        use_directory_urls=directory_urls,
    )
    build(config)
    pages = list(tmp_path.rglob("*.html"))
    assert len(pages) > 40
    linked = sum(p.read_text(encoding="utf-8").count('href="../') for p in pages)
    assert linked > 500
    assert broken_links(tmp_path) == []
    # Every HTML block the plugin took out of the Markdown came back.
    assert not [p for p in pages if "ikbhtml" in p.read_text(encoding="utf-8")]
