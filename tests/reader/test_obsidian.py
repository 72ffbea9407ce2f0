"""People notes written in Obsidian, read as they are (docs/notes.md,
"Coming from Obsidian")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from interview_kb.analysis.followups import last_interaction
from interview_kb.core.model import Options
from interview_kb.core.obsidian import is_index_tag, is_index_title, leftover, unwrap
from interview_kb.core.slugs import is_title, slug_of
from interview_kb.reader.notes import (
    Note,
    NoteCache,
    _template_leftovers,
    read_notebook,
    read_people,
)
from interview_kb.reader.option_rules import OptionError, check_value
from interview_kb.render.links import link_notes

from ..conftest import LINEAR_ENOUGH, growth
from ..obsidian_vault import tree, write_vault

OPTIONS = Options(contacts_dir="People", keys=(("organization", "firm"),))


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    write_vault(tmp_path / "People")
    (tmp_path / "interviews").mkdir()
    return tmp_path


def test_names_organizations_and_roles_come_from_the_usual_keys(vault: Path) -> None:
    notebook = read_notebook(vault, OPTIONS)
    found = {
        slug: (c.name, c.organization, c.role, c.email, c.phone)
        for slug, c in notebook.contacts.items()
    }
    assert found == {
        "dana-whitlow": (
            "Dana Whitlow",
            "Acme Robotics",
            "Staff Engineer",
            "dana.whitlow@acme.example",
            "+1 555 0100",
        ),
        "raj-patel": (
            "Raj Patel",
            "Fieldmark Analytics",
            "Data Analyst",
            "raj@fieldmark.example",
            "+1 555 0111",
        ),
        "mina-osei": ("Mina Osei", "Harbourline Studio", "Product Designer", None, None),
        "noor-haddad": ("Noor Haddad", "Northwind Health", "Nurse Educator", None, None),
        "theo-brandt": ("Theo Brandt", "Larkspur Legal", "Paralegal", None, None),
    }
    # The introducer written as a wikilink to a title is the contact's slug.
    assert notebook.contacts["raj-patel"].introduced_by == "dana-whitlow"
    assert notebook.contacts["noor-haddad"].tags == ("people",)
    # Keys this format does not know are kept and shown, the synonyms are not.
    assert notebook.contacts["raj-patel"].extra == (("type", "person"),)
    assert notebook.contacts["dana-whitlow"].extra == (("created", "2026-01-14"),)


def test_only_the_template_leftovers_are_problems(vault: Path) -> None:
    notebook = read_notebook(vault, OPTIONS)
    assert [(p.path, p.line, p.severity) for p in notebook.problems] == [
        ("People/Mina Osei.md", 4, "warning"),
        ("People/Mina Osei.md", 5, "warning"),
    ]
    assert "'{{VALUE:city}}' was never filled in" in notebook.problems[0].message
    # The value holding it is left out, not read as a place.
    assert notebook.contacts["mina-osei"].location is None


def test_check_says_where_each_name_came_from_and_what_was_skipped(vault: Path) -> None:
    notebook = read_notebook(vault, OPTIONS)
    said = [str(n) for n in notebook.notices]
    assert said == [
        "People/Dana Whitlow.md:1: info: no 'name': the name 'Dana Whitlow' is taken "
        "from the file's title",
        "People/Mina Osei.md:1: info: no 'name': the name 'Mina Osei' is taken from "
        "the file's title",
        "People/People MOC.md:1: info: not a person: an index note (no front-matter, "
        "and an index title); it is skipped",
        "People/Theo Brandt.md:1: info: no 'name': the name 'Theo Brandt' is taken "
        "from the file's title",
        "People/contacts-index.md:1: info: not a person: an index note (no person's "
        "keys, and an index tag or title); it is skipped",
        "People/noor-haddad.md:8: info: no 'name': the name 'Noor Haddad' is taken "
        "from the note's first heading",
    ]


def test_wikilinks_to_titles_and_names_resolve(vault: Path) -> None:
    notebook = read_notebook(vault, OPTIONS)
    linked = link_notes(notebook)
    assert linked.problems == []
    dana = linked.bodies["contacts/dana-whitlow.md"]
    assert "[Raj Patel](raj-patel.md)" in dana
    # The organization's wikilink has no note: its text, without a warning.
    assert "at Acme Robotics." in dana
    raj = linked.bodies["contacts/raj-patel.md"]
    assert "[Dana](dana-whitlow.md)" in raj


def test_an_interview_may_name_a_contact_by_its_file_title(vault: Path) -> None:
    (vault / "interviews/2026-11-03 Dana.md").write_text(
        '---\ncontact: "[[Dana Whitlow]]"\ndate: 2026-11-03\n---\n', encoding="utf-8"
    )
    (vault / "interviews/2026-11-04-raj.md").write_text(
        "---\ncontact: Dana Whitlow\ndate: 2026-11-04\n---\n", encoding="utf-8"
    )
    notebook = read_notebook(vault, OPTIONS)
    assert [i.contact for i in notebook.interviews.values()] == ["dana-whitlow"] * 2
    assert notebook.errors == ()


def test_the_date_of_the_last_chat_is_an_interaction(vault: Path) -> None:
    notebook = read_notebook(vault, OPTIONS)
    today = date(2026, 11, 20)
    assert last_interaction(notebook, "dana-whitlow", today) == date(2026, 10, 1)
    assert last_interaction(notebook, "raj-patel", today) == date(2026, 9, 12)
    assert last_interaction(notebook, "noor-haddad", today) == date(2026, 8, 30)


def test_the_fields_own_key_wins_over_a_synonym(tmp_path: Path) -> None:
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts/jo.md").write_text(
        "---\nname: Jo Park\ncompany: Old Co\norganization: New Co\n---\n", encoding="utf-8"
    )
    contact = read_notebook(tmp_path).contacts["jo"]
    assert contact.organization == "New Co"
    assert contact.extra == (("company", "Old Co"),)


def test_contacts_where_keeps_only_the_tagged_notes(vault: Path) -> None:
    (vault / "People/Weekly review.md").write_text("---\nstatus: draft\n---\n", encoding="utf-8")
    notebook = read_notebook(vault, replace(OPTIONS, contacts_where=("people",)))
    assert "weekly-review" not in notebook.contacts
    assert len(notebook.contacts) == 5
    assert any(
        n.path == "People/Weekly review.md" and "none of the tags" in n.message
        for n in notebook.notices
    )


def test_reading_the_vault_changes_nothing_in_it(vault: Path) -> None:
    before = tree(vault)
    read_notebook(vault, OPTIONS)
    read_people(vault / "People", OPTIONS)
    assert tree(vault) == before


def test_a_slug_title_without_a_heading_still_needs_a_name(tmp_path: Path) -> None:
    (tmp_path / "contacts").mkdir()
    (tmp_path / "contacts/jane.md").write_text("---\nrole: x\n---\nNo heading.\n", "utf-8")
    notebook = read_notebook(tmp_path)
    assert notebook.contacts == {}
    assert "a contact needs a 'name'" in notebook.errors[0].message
    assert "Jane Doe.md" in notebook.errors[0].message


def test_two_titles_with_one_slug_are_reported(tmp_path: Path) -> None:
    (tmp_path / "contacts").mkdir()
    for name in ("Dana Whitlow.md", "dana-whitlow.md"):
        (tmp_path / "contacts" / name).write_text("---\nrole: x\n---\n# Dana\n", "utf-8")
    notebook = read_notebook(tmp_path)
    assert len(notebook.contacts) == 1
    assert "already used by" in notebook.errors[0].message


@pytest.mark.parametrize(
    ("stem", "title", "slug"),
    [
        ("Dana Whitlow", True, "dana-whitlow"),
        ("José Núñez", True, "jose-nunez"),
        ("O'Brien, Kate", True, "obrien-kate"),
        ("jane-doe", False, "jane-doe"),
        ("jane_doe", False, "jane-doe"),
        ("王伟", False, ""),
    ],
)
def test_titles_and_their_slugs(stem: str, title: bool, slug: str) -> None:
    assert is_title(stem) is title
    assert slug_of(stem) == slug


def test_the_small_helpers() -> None:
    assert unwrap("[[Acme Robotics]]") == ("Acme Robotics", "Acme Robotics")
    assert unwrap("[[Acme Robotics|Acme]] and more") == ("Acme and more", "Acme Robotics")
    assert unwrap("plain") == ("plain", None)
    assert leftover("<% tp.date.now() %>") == "<% tp.date.now() %>"
    assert leftover("{{VALUE:company}} x") == "{{VALUE:company}}"
    assert leftover("{{date}}") == "{{date}}"
    assert leftover("a {b} c") is None
    assert is_index_title("People MOC") and is_index_title("contacts-index")
    assert not is_index_title("Dana Whitlow")
    assert is_index_tag("#moc") and is_index_tag("type/index") and not is_index_tag("people")


def test_the_options_are_checked() -> None:
    assert check_value("keys", {"organization": ["firm"], "role": "rank"}) == (
        ("organization", "firm"),
        ("role", "rank"),
    )
    assert check_value("contacts_where", {"tags": "#People"}) == ("people",)
    with pytest.raises(OptionError, match="not a field other keys can stand for"):
        check_value("keys", {"salary": ["pay"]})
    with pytest.raises(OptionError, match=r"\{tags: people\}"):
        check_value("contacts_where", {"folder": "People"})


@pytest.mark.parametrize("piece", ["<%", "{{ "])
def test_a_line_of_unclosed_template_marks_is_read_once(piece: str) -> None:
    def scan(line: str) -> None:
        leftover(line)
        unwrap(line)
        _template_leftovers(Note("contacts/jo.md"), f"---\nname: Jo\n---\n{line}\n".encode(), 4)

    assert growth(lambda size: piece * size, scan, 50_000) < LINEAR_ENOUGH


def test_the_cache_reads_again_when_the_keys_change(vault: Path) -> None:
    cache = NoteCache()
    before = read_notebook(vault, replace(OPTIONS, keys=()), cache)
    assert before.contacts["theo-brandt"].organization is None
    after = read_notebook(vault, OPTIONS, cache)
    assert after.contacts["theo-brandt"].organization == "Larkspur Legal"
    assert read_notebook(vault, OPTIONS, cache) == after
