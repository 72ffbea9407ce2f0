"""Notes written in Obsidian, VS Code or vim: wikilinks, note links, backlinks."""

from __future__ import annotations

import random
import struct
import zlib
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.core.model import Contact, Notebook, Options
from interview_kb.core.suggest import Nearest, closest
from interview_kb.reader.notes import read_notebook
from interview_kb.render.links import link_notes, strip_wikilinks
from interview_kb.render.pages import render_pages

from ..conftest import LINEAR_ENOUGH, LogGuard, WriteNotebook, golden, growth

TODAY = date(2026, 11, 20)


def tiny_png() -> bytes:
    """A valid 1x1 PNG, made here rather than shipped."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x80\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


VAULT = {
    ".obsidian/app.json": "{}",
    ".obsidian/notes.md": "not a note",
    "attachments/photo.png": tiny_png(),
    "contacts/jane-doe.md": """
        ---
        name: Jane Doe
        aliases: [JD, "#Janie"]
        tags: "#ux-research"
        cssclasses: [wide]
        date: 2026-11-01
        created: 2026-10-30
        ---
        Jane works with [[bob-ray|Bob]] and [[Bob Ray]].
        Before that she met [[janie]] herself, and ![[photo.png]] is her badge.
        Code stays: `[[bob-ray]]` and

        ```
        [[bob-ray]]
        ```
        Our call: [[2026-11-03-jane-doe]]. A missing one: [[Bobb Ray]].
        """,
    "contacts/bob-ray.md": """
        ---
        name: Bob Ray
        introduced_by: jane-doe
        ---
        Bob knows [Jane](jane-doe.md) and [the call](../interviews/2026-11-03-jane-doe.md#notes).
        ![A photo](photo.png)
        """,
    "contacts/photo.png": tiny_png(),
    "interviews/2026-11-03-jane-doe.md": """
        ---
        contact: jane-doe
        date: 2026-11-03
        referrals:
          - name: bob ray
        ---
        Talked with [[JD]] about [[bob-ray#Notes|his notes]].
        """,
    "docs/index.md": "# Home\n\nStart with [[Jane Doe]].\n",
}


def test_wikilinks_resolve_by_slug_name_and_alias(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    notebook = read_notebook(root)
    linked = link_notes(notebook, {"photo.png": "attachments/photo.png"})
    jane = linked.bodies["contacts/jane-doe.md"]
    assert "[Bob](bob-ray.md)" in jane
    assert "[Bob Ray](bob-ray.md)" in jane
    # [[janie]]: an alias in another case shows as written, as in Obsidian
    assert "[janie](jane-doe.md)" in jane
    assert "![photo](../attachments/photo.png)" in jane
    assert "`[[bob-ray]]`" in jane and "\n[[bob-ray]]\n" in jane  # code untouched
    assert "[Jane Doe, 2026\\-11\\-03](../interviews/2026-11-03-jane-doe.md)" in jane
    assert "A missing one: Bobb Ray." in jane
    interview = linked.bodies["interviews/2026-11-03-jane-doe.md"]
    assert "[JD](../contacts/jane-doe.md)" in interview  # [[JD]], an alias, as written
    assert "[his notes](../contacts/bob-ray.md#notes)" in interview


def test_relative_note_links_point_to_pages(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    linked = link_notes(read_notebook(root))
    bob = linked.bodies["contacts/bob-ray.md"]
    assert "[Jane](jane-doe.md)" in bob
    assert "[the call](../interviews/2026-11-03-jane-doe.md#notes)" in bob
    assert "![A photo](photo.png)" in bob  # an image link is left as written


def test_unresolved_wikilink_is_a_warning_with_its_line(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    images = {"photo.png": "attachments/photo.png"}
    problems = [str(p) for p in link_notes(read_notebook(root), images).problems]
    assert problems == [
        "contacts/jane-doe.md:16: warning: wikilink [[Bobb Ray]] matches no note; "
        "did you mean 'bob ray'?"
    ]


def test_backlinks_with_their_sentence(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    backlinks = link_notes(read_notebook(root)).backlinks
    to_bob = {(m.source, m.context) for m in backlinks["contacts/bob-ray.md"]}
    assert ("contacts/jane-doe.md", "Jane works with Bob and Bob Ray.") in to_bob
    assert (
        "interviews/2026-11-03-jane-doe.md",
        "Referred in this conversation.",
    ) in to_bob
    to_jane = {(m.source, m.context) for m in backlinks["contacts/jane-doe.md"]}
    assert ("contacts/bob-ray.md", "Bob Ray was introduced by this person.") in to_jane
    assert ("interviews/2026-11-03-jane-doe.md", "Conversation on 2026-11-03.") in to_jane
    assert not any(source == "contacts/jane-doe.md" for source, _ in to_jane)  # not itself


def test_obsidian_properties_are_accepted(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    notebook = read_notebook(root)
    assert notebook.problems == ()
    jane = notebook.contacts["jane-doe"]
    assert jane.tags == ("ux-research",)
    assert "janie" in [a.casefold() for a in jane.aliases]


def test_pages_golden(write_notebook: WriteNotebook) -> None:
    root = write_notebook(VAULT)
    pages = render_pages(read_notebook(root), TODAY, Options(), images=("attachments/photo.png",))
    golden("vault-jane-doe.md", str(pages["contacts/jane-doe.md"]))


def test_vault_builds_with_images_and_docs_links(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    log_guard.expect("wikilink [[Bobb Ray]] matches no note")
    root = write_notebook(VAULT)
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=False)
    build(config)
    site = Path(config.site_dir)
    assert (site / "attachments/photo.png").read_bytes() == tiny_png()
    assert (site / "contacts/photo.png").is_file()
    jane = (site / "contacts/jane-doe/index.html").read_text(encoding="utf-8")
    assert 'src="../../attachments/photo.png"' in jane
    assert 'href="../bob-ray/"' in jane
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="contacts/jane-doe/"' in home
    assert not (site / ".obsidian").exists()
    assert len(log_guard.records) == 1


def test_guide_shows_wikilinks_as_text() -> None:
    assert strip_wikilinks("See [[jane-doe|Jane]] and `[[x]]`.") == "See Jane and `[[x]]`."


def test_generate_makes_a_vault_whose_links_work(
    write_notebook: WriteNotebook, tmp_path: Path
) -> None:
    import re

    from click.testing import CliRunner

    from interview_kb.cli import main

    root = write_notebook(VAULT)
    out = tmp_path / "vault"
    result = CliRunner().invoke(main, ["generate", str(out), "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert (out / "attachments/photo.png").read_bytes() == tiny_png()
    pages = sorted(out.rglob("*.md"))
    assert len(pages) >= 8
    targets = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        markdown = re.findall(r"\]\(([^)\s#]+\.(?:md|png))(?:#[^)]*)?\)", text)
        html = re.findall(r'href="([^"#]+\.md)(?:#[^"]*)?"', text)
        for target in markdown + html:
            targets += 1
            assert (page.parent / target).resolve().is_file(), (page, target)
    assert targets > 20
    assert "Start with [Jane Doe](contacts/jane-doe.md)." in (out / "index.md").read_text()


# ---------------------------------------------------------------------------
# big notebooks


def levenshtein(a: str, b: str) -> int:
    """The textbook distance table, to check the library's suggestions against."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def simplest_nearest(word: str, names: list[str], limit: int) -> str | None:
    """The first name in sorted order among those fewest edits away, within ``limit``."""
    best = min(((levenshtein(word, name), name) for name in sorted(names)), default=None)
    return best[1] if best is not None and best[0] <= limit else None


def test_the_nearest_name_is_the_one_closest_finds() -> None:
    # Few letters, so that many names are a few edits apart and tie.
    rng = random.Random(4)

    def word(longest: int) -> str:
        return "".join(rng.choice("abcé -") for _ in range(rng.randint(0, longest)))

    def slip(name: str) -> str:
        """``name`` with a letter changed, added or dropped."""
        at = rng.randint(0, len(name))
        return name[:at] + rng.choice(["", "b", "é"]) + name[at + rng.randint(0, 1) :]

    names = sorted({word(12) for _ in range(400)})
    nearest = Nearest(names)
    for n in range(600):
        target = word(14) if n % 2 else slip(slip(rng.choice(names)))
        limit = rng.randint(0, 4)
        expected = simplest_nearest(target, names, limit)
        assert nearest(target, limit) == closest(target, names, limit) == expected, (target, limit)


def many_mentions(size: int, broken: int | None = None) -> Notebook:
    """``size`` notes that all mention one person; the first ``broken`` of
    them (all by default) also hold a broken wikilink."""
    rng = random.Random(5)
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dul", "pe", "sor", "in"]
    contacts: dict[str, Contact] = {}
    for n in range(size):
        name = " ".join(
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()
            for _ in range(2)
        )
        slug = f"{name.lower().replace(' ', '-')}-{n}"
        body = f"I met [[Ann Lee]] through [[{slug}]] on a Monday.\n"
        if broken is None or n < broken:
            body += f"\nAsk about [[{slug}x]].\n"
        contacts[slug] = Contact(slug=slug, path=f"contacts/{slug}.md", name=name, body=body)
    contacts["ann-lee"] = Contact(slug="ann-lee", path="contacts/ann-lee.md", name="Ann Lee")
    return Notebook(contacts=contacts)


def test_many_links_in_a_big_notebook_are_resolved() -> None:
    notebook = many_mentions(4000)
    linked = link_notes(notebook)
    assert len(linked.backlinks["contacts/ann-lee.md"]) == 4000
    assert len(linked.problems) == 4000
    first = next(iter(notebook.contacts))
    assert linked.problems[0].message == (
        f"wikilink [[{first}x]] matches no note; did you mean '{first}'?"
    )


def test_link_resolution_grows_linearly() -> None:
    """Thousands of notes that all mention one person, and a hundred broken
    wikilinks: a search of every mention so far per mention, or a suggestion
    that compared the link with every name in Python, would grow with the
    square of the notebook. (Each suggestion still reads every name once, at C
    speed: a notebook where every note holds a broken link grows faster.)"""
    assert growth(lambda size: many_mentions(size, broken=100), link_notes, 1000) < LINEAR_ENOUGH
