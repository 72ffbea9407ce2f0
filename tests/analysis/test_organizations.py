"""Organizations: grouping, slugs, people, interviews, open items and 3b7."""

from __future__ import annotations

from datetime import date

from interview_kb.analysis.followups import Item, due_items
from interview_kb.analysis.organizations import organization_slugs, organizations
from interview_kb.core.model import Notebook, Options
from interview_kb.core.vocab import Interest, Policy

from ..conftest import LINEAR_ENOUGH, growth
from .test_followups import book, person, talk

TODAY = date(2026, 11, 20)
THREE_B_SEVEN = Options(follow_up_policy=Policy.THREE_B_SEVEN)


def test_contacts_group_by_organization_case_and_spaces_folded() -> None:
    notebook = book(
        person("ann", organization="Acme  Health"),
        person("bo", organization="acme health"),
        person("cy", organization="Zeta"),
        person("di"),  # no organization: no page
        person("ed", organization="   "),  # blank: no page
    )
    orgs = organizations(notebook, TODAY, Options(), due_items(notebook, TODAY, Options()))
    assert [(o.slug, o.name, [m.contact.slug for m in o.members]) for o in orgs] == [
        ("acme-health", "Acme Health", ["ann", "bo"]),
        ("zeta", "Zeta", ["cy"]),
    ]


def test_slugs_follow_the_note_slug_rules_and_never_collide() -> None:
    notebook = book(
        person("a", organization="Acme, Inc."),
        person("b", organization="Acme Inc"),
        person("c", organization="Ærø Bank"),
        person("d", organization="東京"),
        person("e", organization="Index"),
        person("f", organization="Con"),
    )
    slugs = organization_slugs(notebook)
    assert slugs == {
        # Two names that fold alike: the first by folded name takes the plain slug.
        "acme inc": "acme-inc",
        "acme, inc.": "acme-inc-2",
        "ærø bank": "aero-bank",
        "東京": "organization",
        "index": "index-2",  # organizations/index.md would be the folder's page
        "con": "con-2",  # a name Windows refuses, as for notes
    }
    assert len(set(slugs.values())) == len(slugs)


def test_people_interviews_items_and_interest() -> None:
    notebook = book(
        person(
            "ann", ("2026-11-01", "request"), organization="Acme", interest=(Interest.ORGANIZATION,)
        ),
        person("bo", organization="Acme", role="Analyst"),
        talk("bo", "2026-11-10", thank_you=None),
        talk("bo", "2026-12-01", slug="2026-12-01-bo"),
        person("cy", organization="Other"),
    )
    items = due_items(notebook, TODAY, Options())
    acme, other = organizations(notebook, TODAY, Options(), items)
    assert {m.contact.slug: m.status for m in acme.members} == {
        "ann": "requested",
        "bo": "interviewed",
    }
    assert acme.interviews == ("2026-11-10-bo", "2026-12-01-bo")
    assert acme.items == tuple(i for i in items if i.contact in {"ann", "bo"})
    assert {i.kind for i in acme.items} >= {"thank-you", "follow-up", "prepare"}
    assert acme.wanted and not other.wanted
    assert other.items == () and other.interviews == ()
    # Under the default policy nobody is suggested.
    assert acme.could_ask == () and acme.waiting == ()


def test_three_b_seven_names_who_else_to_ask() -> None:
    notebook = book(
        person("ann", ("2026-11-01", "request"), organization="Acme"),
        person("bo", organization="Acme"),
        person("cy", organization="Acme"),
        person("di", ("2026-11-01", "declined"), organization="Acme"),
    )
    items = due_items(notebook, TODAY, THREE_B_SEVEN)
    (acme,) = organizations(notebook, TODAY, THREE_B_SEVEN, items)
    assert [c.slug for c in acme.waiting] == ["ann"]
    assert [c.slug for c in acme.could_ask] == ["bo", "cy"]


def test_cost_grows_with_the_notebook_not_its_square() -> None:
    def prepare(size: int) -> tuple[Notebook, list[Item]]:
        notebook = book(
            *(
                person(f"p{n:05d}", ("2026-11-01", "request"), organization=f"Org {n // 2}")
                for n in range(size)
            )
        )
        return notebook, due_items(notebook, TODAY, Options())

    def run(data: tuple[Notebook, list[Item]]) -> object:
        return organizations(data[0], TODAY, Options(), data[1])

    assert growth(prepare, run, 400) < LINEAR_ENOUGH
