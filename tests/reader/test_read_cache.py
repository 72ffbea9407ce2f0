"""The cache of read notes (issue 8, item 3): ``mkdocs serve`` reads again only
the notes whose files changed, and the notebook is the same as read afresh.

Files are given a time of last change an hour back, as in a notebook written
before the server started: a note changed in the last two seconds before it
was read is not kept (``notes.RECENT_NS``), so that an edit within the file
system's time step is never missed.
"""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.core.model import Notebook, Options
from interview_kb.plugin import InterviewKbPlugin
from interview_kb.reader.notes import NoteCache, read_notebook
from interview_kb.reader.shared import read_shared

from ..conftest import LogGuard, WriteNotebook

HOUR_NS = 3_600_000_000_000

NOTES = {
    "contacts/jane-doe.md": """\
        ---
        name: Jane Doe
        role: Engineer
        ---
        Met at a meetup.
        """,
    "contacts/bob-ray.md": """\
        ---
        name: Bob Ray
        introduced_by: jane-doe
        organisation: Typo Inc
        ---
        """,
    "interviews/2026-11-03-jane-doe.md": """\
        ---
        contact: jane-doe
        date: 2026-11-03
        questions:
          - id: typical-day
            answer: Meetings, then code.
          - id: no-such-question
        ---
        """,
    "interviews/2026-11-10-bob-ray.md": """\
        ---
        contact: bob-ray
        date: 2026-11-10
        referrals:
          - contact: someone-else
        ---
        """,
    "contacts/broken.md": "---\nname: [unclosed\n---\n",
}


def age(root: Path, when_ns: int | None = None) -> None:
    """Give every note a time of last change an hour back (or ``when_ns``)."""
    stamp = when_ns if when_ns is not None else time.time_ns() - HOUR_NS
    for path in root.rglob("*.md"):
        os.utime(path, ns=(stamp, stamp))


def rewrite(path: Path, text: str, when_ns: int) -> None:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    os.utime(path, ns=(when_ns, when_ns))


def same(cached: Notebook, fresh: Notebook) -> None:
    assert cached == fresh
    assert [str(p) for p in cached.problems] == [str(p) for p in fresh.problems]


def test_a_second_read_parses_nothing(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    first = read_notebook(root, cache=cache)
    assert (cache.parsed, cache.reused, len(cache)) == (5, 0, 5)
    second = read_notebook(root, cache=cache)
    assert (cache.parsed, cache.reused) == (5, 5)
    same(first, read_notebook(root))
    same(second, read_notebook(root))


def test_only_the_edited_note_is_read_again(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    edited = root / "contacts/jane-doe.md"
    rewrite(edited, "---\nname: Jane Doe\nrole: Manager\n---\n", time.time_ns() - HOUR_NS // 2)
    notebook = read_notebook(root, cache=cache)
    assert (cache.parsed, cache.reused) == (6, 4)
    assert notebook.contacts["jane-doe"].role == "Manager"
    same(notebook, read_notebook(root))


def test_a_new_time_alone_reads_the_note_again(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    edited = root / "contacts/jane-doe.md"
    before = edited.read_bytes()
    # Same size, another time of last change.
    rewrite(edited, before.decode().replace("Jane Doe", "Jane Dox"), time.time_ns() - HOUR_NS // 2)
    assert len(edited.read_bytes()) == len(before)
    notebook = read_notebook(root, cache=cache)
    assert cache.parsed == 6
    assert notebook.contacts["jane-doe"].name == "Jane Dox"


def test_a_new_size_alone_reads_the_note_again(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    edited = root / "contacts/jane-doe.md"
    mtime = edited.stat().st_mtime_ns
    rewrite(edited, "---\nname: Jane Doe-Smith\n---\n", mtime)  # the same time
    assert edited.stat().st_mtime_ns == mtime
    notebook = read_notebook(root, cache=cache)
    assert cache.parsed == 6
    assert notebook.contacts["jane-doe"].name == "Jane Doe-Smith"


def test_a_note_changed_just_before_the_read_is_not_kept(
    write_notebook: WriteNotebook,
) -> None:
    root = write_notebook(NOTES)
    age(root)
    fresh = root / "contacts/jane-doe.md"
    os.utime(fresh, ns=(time.time_ns(), time.time_ns()))
    cache = NoteCache()
    read_notebook(root, cache=cache)
    assert len(cache) == 4
    read_notebook(root, cache=cache)
    assert (cache.parsed, cache.reused) == (6, 4)


def test_checks_across_notes_are_made_again(write_notebook: WriteNotebook) -> None:
    """A removed contact leaves its interview without a contact, though the
    interview itself is not read again; the contact coming back mends it."""
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    contact = root / "contacts/bob-ray.md"
    kept = contact.read_bytes()
    contact.unlink()
    without = read_notebook(root, cache=cache)
    assert (cache.parsed, cache.reused, len(cache)) == (5, 4, 4)
    assert "2026-11-10-bob-ray" not in without.interviews
    assert any("contact 'bob-ray' not found" in p.message for p in without.problems)
    same(without, read_notebook(root))
    contact.write_bytes(kept)
    again = read_notebook(root, cache=cache)
    assert "2026-11-10-bob-ray" in again.interviews
    same(again, read_notebook(root))


def test_a_new_question_bank_is_read_every_time(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    before = read_notebook(root, cache=cache)
    assert any("no-such-question" in p.message for p in before.problems)
    (root / "questions.yml").write_text("- id: no-such-question\n  text: Now there is.\n")
    after = read_notebook(root, cache=cache)
    assert cache.parsed == 5
    assert not any("no-such-question" in p.message for p in after.problems)
    same(after, read_notebook(root))


def test_a_renamed_note_is_read_under_its_new_name(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    (root / "contacts/jane-doe.md").rename(root / "contacts/jane-roe.md")
    notebook = read_notebook(root, cache=cache)
    assert "jane-roe" in notebook.contacts and "jane-doe" not in notebook.contacts
    same(notebook, read_notebook(root))


def test_shared_notebooks_keep_their_own_notes(write_notebook: WriteNotebook) -> None:
    root = write_notebook(NOTES)
    member = root / "members/ann"
    for name, text in NOTES.items():
        (member / name).parent.mkdir(parents=True, exist_ok=True)
        (member / name).write_text(textwrap.dedent(text), encoding="utf-8")
    age(root)
    options = Options(publish="guide")
    cache = NoteCache()
    read_notebook(root, options, cache)
    read_shared(root, ["members/*"], options, cache)
    assert len(cache) == 10
    read_notebook(root, options, cache)  # the main notebook leaves the member's notes be
    shared = read_shared(root, ["members/*"], options, cache)
    assert (cache.parsed, cache.reused, len(cache)) == (10, 10, 10)
    assert shared == read_shared(root, ["members/*"], options)


def test_serve_keeps_the_plugin_and_its_cache(
    write_notebook: WriteNotebook, log_guard: LogGuard, tmp_path: Path
) -> None:
    """As ``mkdocs serve`` does: the config is loaded again for every rebuild,
    and MkDocs keeps the plugin object because it has ``on_startup``."""
    log_guard.expect("error:")
    log_guard.expect("warning:")
    root = write_notebook(NOTES)
    age(root)
    config_file = str(root / "mkdocs.yml")
    site = str(tmp_path / "site")

    def plugin_of(config: object) -> InterviewKbPlugin:
        found = config.plugins["interview-kb"]  # type: ignore[attr-defined]
        assert isinstance(found, InterviewKbPlugin)
        return found

    config = load_config(config_file=config_file, site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = plugin_of(config)
    try:
        build(config)
        assert plugin.cache is not None and plugin.cache.parsed == 5
        rewrite(
            root / "contacts/jane-doe.md",
            "---\nname: Jane Doe\nrole: Manager\n---\n",
            time.time_ns() - HOUR_NS // 2,
        )
        config = load_config(config_file=config_file, site_dir=site)
        assert plugin_of(config) is plugin
        build(config)
        assert (plugin.cache.parsed, plugin.cache.reused) == (6, 4)
        page = Path(site, "contacts/jane-doe/index.html").read_text(encoding="utf-8")
        assert "Manager" in page
    finally:
        # The plugin object outlives this test (MkDocs keeps it for the
        # process): later builds are plain builds again, without a cache.
        plugin.on_startup(command="build", dirty=False)
    assert plugin.cache is None


def test_folders_swapped_in_the_options_read_each_note_as_its_new_kind(
    write_notebook: WriteNotebook,
) -> None:
    root = write_notebook(NOTES)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    swapped = Options(contacts_dir="interviews", interviews_dir="contacts")
    notebook = read_notebook(root, swapped, cache)
    assert cache.reused == 0
    same(notebook, read_notebook(root, swapped))


def test_a_link_is_checked_at_every_read(write_notebook: WriteNotebook, tmp_path: Path) -> None:
    """A note that is a link is read every time: pointed out of the notebook
    later, it is refused at once."""
    root = write_notebook(NOTES)
    (root / "drafts").mkdir()
    inside = root / "drafts/ann-lee.md"
    inside.write_text("---\nname: Ann Lee\n---\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\nname: Ann Lee\n---\n", encoding="utf-8")
    link = root / "contacts/ann-lee.md"
    link.symlink_to(inside)
    age(root)
    cache = NoteCache()
    read_notebook(root, cache=cache)
    assert len(cache) == 5  # not the link
    link.unlink()
    link.symlink_to(outside)
    notebook = read_notebook(root, cache=cache)
    assert "ann-lee" not in notebook.contacts
    assert any("outside the notebook" in p.message for p in notebook.problems)
    same(notebook, read_notebook(root))
