"""An Obsidian vault's People folder as the contacts folder, in a strict
build and in `check`; and `interview-kb import obsidian`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.cli import main
from interview_kb.reader.notes import read_notebook

from ..conftest import MINIMAL_CONFIG, LogGuard
from ..obsidian_vault import CONFIG, PEOPLE, tree, write_vault

# Mina's note with its template fields filled in: the vault of a strict build.
FILLED = (
    PEOPLE["Mina Osei.md"]
    .replace('"{{VALUE:city}}"', "Lisbon")
    .replace("<% tp.file.creation_date() %>", "2026-02-03")
)


def notebook_on_vault(tmp_path: Path, filled: bool = True) -> Path:
    root = tmp_path / "vault"
    write_vault(root / "People")
    if filled:
        (root / "People/Mina Osei.md").write_text(FILLED, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root


def test_a_people_folder_builds_strict_with_names_organizations_and_roles(
    tmp_path: Path, log_guard: LogGuard
) -> None:
    root = notebook_on_vault(tmp_path)
    before = tree(root / "People")
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    site = Path(config.site_dir)
    index = (site / "contacts/index.html").read_text(encoding="utf-8")
    for name, organization in (
        ("Dana Whitlow", "Acme Robotics"),
        ("Raj Patel", "Fieldmark Analytics"),
        ("Mina Osei", "Harbourline Studio"),
        ("Noor Haddad", "Northwind Health"),
        ("Theo Brandt", "Larkspur Legal"),
    ):
        assert name in index and organization in index
    assert "MOC" not in index and "contacts-index" not in index
    assert not (site / "contacts/people-moc").exists()
    dana = (site / "contacts/dana-whitlow/index.html").read_text(encoding="utf-8")
    assert "Staff Engineer" in dana
    assert 'href="../raj-patel/"' in dana
    # Reading wrote nothing beside the notes: no cache, no lock, no copy.
    assert tree(root / "People") == before


def test_an_organization_wikilink_links_to_its_note_when_there_is_one(
    tmp_path: Path, log_guard: LogGuard
) -> None:
    root = notebook_on_vault(tmp_path)
    (root / "People/Acme Robotics.md").write_text(
        "---\nemail: hello@acme.example\n---\nA robotics company.\n", encoding="utf-8"
    )
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    dana = (Path(config.site_dir) / "contacts/dana-whitlow/index.html").read_text("utf-8")
    assert '<a href="../acme-robotics/">Acme Robotics</a>' in dana


def test_template_leftovers_warn_and_never_reach_a_page(
    tmp_path: Path, log_guard: LogGuard
) -> None:
    root = notebook_on_vault(tmp_path, filled=False)
    log_guard.expect("was never filled in")
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=False)
    build(config)
    assert len(log_guard.records) == 2
    mina = (Path(config.site_dir) / "contacts/mina-osei/index.html").read_text("utf-8")
    assert "Product Designer" in mina
    assert "VALUE:city" not in mina and "tp.file" not in mina


def test_check_says_what_it_chose_as_info_never_in_the_json(tmp_path: Path) -> None:
    root = notebook_on_vault(tmp_path)
    runner = CliRunner()
    config = ["--config", str(root / "mkdocs.yml")]
    text = runner.invoke(main, ["check", *config])
    assert text.exit_code == 0, text.output
    assert (
        "People/Dana Whitlow.md:1: info: no 'name': the name 'Dana Whitlow' is taken "
        "from the file's title"
    ) in text.output
    assert "People/People MOC.md:1: info: not a person" in text.output
    assert "0 errors, 0 warnings (6 info lines)" in text.output
    as_json = runner.invoke(main, ["check", "--format", "json", *config])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output) == []


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    root = tmp_path / "notebook"
    (root / "contacts").mkdir(parents=True)
    (root / "interviews").mkdir()
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    (root / "contacts/noor-haddad.md").write_text("---\nname: Noor Haddad\n---\n", "utf-8")
    # A file already there under the slug a copy would take.
    (root / "contacts/theo-brandt.md").write_text("---\nname: Theodor Brandt\n---\n", "utf-8")
    return root


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return result.output


def test_import_obsidian_dry_run_writes_nothing(tmp_path: Path, notebook: Path) -> None:
    people = write_vault(tmp_path / "vault/People")
    before, mine = tree(people), tree(notebook)
    output = run(notebook, "import", "obsidian", str(people), "--dry-run")
    assert tree(people) == before and tree(notebook) == mine
    assert "would create contacts/dana-whitlow.md: Dana Whitlow (Acme Robotics)" in output
    assert "skipped Noor Haddad: the same name as contacts/noor-haddad.md" in output
    assert "skipped People MOC.md: not a person" in output
    assert "4 would be created, 3 skipped (dry run: nothing written)" in output


def test_import_obsidian_copies_the_people_and_leaves_the_vault_as_it_was(
    tmp_path: Path, notebook: Path
) -> None:
    people = write_vault(tmp_path / "vault/People")
    before = tree(tmp_path / "vault")
    output = run(notebook, "import", "obsidian", str(people))
    assert tree(tmp_path / "vault") == before
    assert "created contacts/theo-brandt-2.md: Theo Brandt" in output
    assert (notebook / "contacts/theo-brandt.md").read_text("utf-8") == (
        "---\nname: Theodor Brandt\n---\n"
    )
    dana = (notebook / "contacts/dana-whitlow.md").read_text("utf-8")
    assert dana == (
        "---\n"
        "name: Dana Whitlow\n"
        "role: Staff Engineer\n"
        "organization: '[[Acme Robotics]]'\n"
        "email: dana.whitlow@acme.example\n"
        "phone: +1 555 0100\n"
        "last_contact: 2026-10-01\n"
        "tags: [people, robotics]\n"
        "created: 2026-01-14\n"
        "---\n"
        "## Notes\n\n"
        "Works on the arm controllers at [[Acme Robotics]]. Knows [[Raj Patel]].\n"
    )
    raj = (notebook / "contacts/raj-patel.md").read_text("utf-8")
    assert "introduced_by: dana-whitlow\n" in raj and "type: person\n" in raj
    # The notebook reads its copies in its own format, without errors.
    book = read_notebook(notebook)
    assert book.errors == ()
    assert book.contacts["raj-patel"].organization == "Fieldmark Analytics"
    assert book.contacts["theo-brandt-2"].organization is None  # `firm` is not mapped here
    assert book.contacts["mina-osei"].role == "Product Designer"
    # A second run copies nothing again and overwrites nothing.
    again = run(notebook, "import", "obsidian", str(people))
    assert "0 created" in again
    assert tree(tmp_path / "vault") == before


def test_import_obsidian_refuses_the_notebooks_own_folder(notebook: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "import",
            "obsidian",
            str(notebook / "contacts"),
            "--config",
            str(notebook / "mkdocs.yml"),
        ],
    )
    assert result.exit_code != 0
    assert "this notebook's contacts folder" in result.output
