"""A rebuild in serve gives exactly the site a fresh full build gives.

``mkdocs serve`` keeps our plugin object, and with it the cache of read
notes, from one rebuild to the next (``on_startup``). After every step of an
edit sequence, the folder it rebuilt must equal a fresh build of the same
notes, byte for byte and file for file, the search index included. This is
the test any faster rebuild has to keep passing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.plugin import InterviewKbPlugin

from ..conftest import REPO, LogGuard

NOTEBOOK = ["mkdocs.yml", "questions.yml", "contacts", "interviews", "docs"]
HOUR_NS = 3_600_000_000_000


def copy_notebook(root: Path) -> None:
    root.mkdir()
    for name in NOTEBOOK:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    # Every note changed an hour ago, so that the cache keeps them.
    old = time.time_ns() - HOUR_NS
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(old, old))


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def assert_same_site(rebuilt: Path, fresh: Path, step: str) -> None:
    ours, theirs = site_files(rebuilt), site_files(fresh)
    assert sorted(ours) == sorted(theirs), (
        f"after {step}: only in the rebuilt site {sorted(set(ours) - set(theirs))}, "
        f"only in the fresh one {sorted(set(theirs) - set(ours))}"
    )
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert differ == [], f"after {step}: these files differ from a fresh build: {differ}"
    assert "search/search_index.json" in ours


def edit(path: Path, change: Callable[[str], str], step: int) -> None:
    """Rewrite ``path`` with ``change`` applied, dated a second further each step."""
    text = path.read_text(encoding="utf-8")
    new = change(text)
    assert new != text, path
    path.write_text(new, encoding="utf-8")
    stamp = time.time_ns() - HOUR_NS // 2 + step * 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


NEW_CONTACT = """\
---
name: Noor Haddad
role: Service Designer
organization: Quillfeather Studio
tags: [service-design]
outreach:
  - date: 2026-11-15
    kind: request
    channel: email
---
Met at the design meetup.
"""


def steps(root: Path) -> list[tuple[str, Callable[[int], None]]]:
    contacts, interviews = root / "contacts", root / "interviews"

    def body(step: int) -> None:
        edit(contacts / "aisha-bello.md", lambda t: t + "\nAn added line of notes.\n", step)

    def front_matter(step: int) -> None:
        edit(
            contacts / "aisha-bello.md",
            lambda t: t.replace("role: Product Analyst", "role: Senior Product Analyst"),
            step,
        )

    def rename(step: int) -> None:
        # Her interviews, the network and the follow-ups show the name too.
        edit(
            contacts / "jordan-ellis.md",
            lambda t: t.replace("name: Jordan Ellis", "name: Jordan Ellis-Park"),
            step,
        )

    def add(step: int) -> None:
        path = contacts / "noor-haddad.md"
        path.write_text(NEW_CONTACT, encoding="utf-8")
        stamp = time.time_ns() - HOUR_NS // 2 + step * 1_000_000_000
        os.utime(path, ns=(stamp, stamp))

    def delete(step: int) -> None:
        (contacts / "noor-haddad.md").unlink()

    def break_note(step: int) -> None:
        edit(
            interviews / "2026-12-02-aisha-bello.md",
            lambda t: t.replace("contact: aisha-bello", "contact: [aisha-bello"),
            step,
        )

    def mend_note(step: int) -> None:
        edit(
            interviews / "2026-12-02-aisha-bello.md",
            lambda t: t.replace("contact: [aisha-bello", "contact: aisha-bello"),
            step,
        )

    def bank(step: int) -> None:
        edit(
            root / "questions.yml",
            lambda t: t.replace("should it be SQL, Figma", "should it be SQL, Python, Figma"),
            step,
        )

    def config(step: int) -> None:
        edit(
            root / "mkdocs.yml",
            lambda t: t.replace("site_name: Interview notebook", "site_name: My interviews"),
            step,
        )

    return [
        ("a note's body edited", body),
        ("a front-matter field edited", front_matter),
        ("a contact renamed", rename),
        ("a note added", add),
        ("a note deleted", delete),
        ("a note broken", break_note),
        ("the broken note mended", mend_note),
        ("the question bank edited", bank),
        ("mkdocs.yml edited", config),
    ]


def serve_plugin(config: object) -> InterviewKbPlugin:
    found = config.plugins["interview-kb"]  # type: ignore[attr-defined]
    assert isinstance(found, InterviewKbPlugin)
    return found


# What each step may make again at most, of the example's 68 pages: pages
# converted by Python-Markdown, pages run through the theme's templates.
# Our own Markdown is made again for every page after any change but a body's
# (see plugin_rebuilds.NoteMarkdown); mkdocs.yml edited makes every page again.
BOUNDS: dict[str, tuple[int, int] | None] = {
    "a note's body edited": (1, 1),
    "a front-matter field edited": (8, 8),
    "a contact renamed": (16, 18),
    "a note added": (12, 20),
    "a note deleted": (10, 18),
    "a note broken": (12, 12),
    "the broken note mended": (12, 12),
    "the question bank edited": (6, 6),
    "mkdocs.yml edited": None,
}


def edit_and_compare(
    tmp_path: Path,
    config_name: str,
    sequence: list[tuple[str, Callable[[int], None]]],
    bounds: dict[str, tuple[int, int] | None],
    dirty: bool,
    first_is_a_body: bool = False,
) -> None:
    """Build as serve does, then after each step of ``sequence`` rebuild and
    compare with a fresh build. ``first_is_a_body``: the first step edits a
    note's body, after which only that note's page is made again."""
    root = tmp_path / "notebook"
    config_file = str(root / config_name)
    served, fresh = tmp_path / "served", tmp_path / "fresh"

    # As mkdocs serve does: the config is loaded again for every build, into
    # the same folder, and the startup event has run once.
    config = load_config(config_file=config_file, site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=dirty)
    plugin = serve_plugin(config)
    try:
        build(config, dirty=dirty)
        for number, (step, change) in enumerate(sequence, start=1):
            change(number)
            build(load_config(config_file=config_file, site_dir=str(served)), dirty=dirty)
            assert serve_plugin(config) is plugin
            cache, rebuilds = plugin.cache, plugin.rebuilds
            assert cache is not None and rebuilds is not None
            made = (rebuilds.renders, rebuilds.themed)
            bound = bounds[step]
            assert bound is None or all(m <= b for m, b in zip(made, bound, strict=True)), (
                f"after {step}: pages made again (HTML, theme) {made}, at most {bound}"
            )
            if number == 1 and first_is_a_body:
                markdown = rebuilds.markdown
                assert (markdown.made, markdown.kept) == (1, len(markdown.pages) - 1)
            # A fresh build in a process of its own: MkDocs keeps plugin
            # objects (ours, Material's search) for the whole process.
            shutil.rmtree(fresh, ignore_errors=True)
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_file]
            done = subprocess.run(
                [*command, "-d", str(fresh)], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stderr
            assert_same_site(served, fresh, step)
        assert cache.reused > 0  # the rebuilds did keep notes from one to the next
    finally:  # the plugin objects outlive this test (see above): as after a build
        config.plugins.on_startup(command="build", dirty=False)
        for other in config.plugins.values():
            if hasattr(other, "search_index_prev"):  # Material's search, after dirty builds
                other.search_index_prev = None


@pytest.mark.parametrize("dirty", [True, False], ids=["interview-kb serve", "mkdocs serve"])
def test_every_rebuild_equals_a_fresh_build(
    tmp_path: Path, log_guard: LogGuard, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    """``interview-kb serve`` runs MkDocs' dirty builds (the site folder is
    not emptied first); plain ``mkdocs serve`` clean ones."""
    # The broken note's problem is logged while it is broken.
    log_guard.expect("2026-12-02-aisha-bello.md")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the sitemap's date
    root = tmp_path / "notebook"
    copy_notebook(root)
    edit_and_compare(tmp_path, "mkdocs.yml", steps(root), BOUNDS, dirty, first_is_a_body=True)
    served = tmp_path / "served"
    assert "Senior Product Analyst" in (served / "contacts/aisha-bello/index.html").read_text()
    assert not (served / "contacts/noor-haddad").exists()


def guide_steps(root: Path) -> list[tuple[str, Callable[[int], None]]]:
    def answer(step: int) -> None:  # a shared interview's answer: on the guide
        edit(
            root / "interviews" / "2026-06-03-priya-raman.md",
            lambda t: t.replace("mostly meetings.", "mostly meetings, some travel."),
            step,
        )

    def page(step: int) -> None:  # a page of the guide's own
        edit(
            root / "docs" / "guide" / "asking.md",
            lambda t: t.replace("answered in one line", "answered in a line"),
            step,
        )

    def inherited(step: int) -> None:  # mkdocs.yml, which mkdocs.public.yml INHERITs
        edit(root / "mkdocs.yml", lambda t: t + "\ncopyright: Written by the group\n", step)

    return [
        ("a shared answer edited", answer),
        ("a guide page edited", page),
        ("the inherited mkdocs.yml edited", inherited),
    ]


GUIDE_BOUNDS: dict[str, tuple[int, int] | None] = {
    "a shared answer edited": (4, 4),
    "a guide page edited": (1, 1),
    "the inherited mkdocs.yml edited": None,
}


def test_every_rebuild_of_the_guide_equals_a_fresh_build(
    tmp_path: Path, log_guard: LogGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``interview-kb serve --config mkdocs.public.yml``: the guide, served."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    root = tmp_path / "notebook"
    copy_notebook(root)
    shutil.copy2(REPO / "mkdocs.public.yml", root / "mkdocs.public.yml")
    edit_and_compare(tmp_path, "mkdocs.public.yml", guide_steps(root), GUIDE_BOUNDS, dirty=True)
    site = tmp_path / "served"
    assert "some travel" in (site / "questions" / "index.html").read_text(encoding="utf-8")
    assert "Written by the group" in (site / "index.html").read_text(encoding="utf-8")
