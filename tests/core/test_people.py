"""One resolver for people: every rule and page finds a person by slug, name or
alias with the same folding and the same order."""

from __future__ import annotations

from datetime import date

from interview_kb.analysis.followups import due_items
from interview_kb.analysis.network import contact_key, network
from interview_kb.core.model import Options, Referral
from interview_kb.core.people import People, name_key
from interview_kb.render.links import Resolver, link_notes

from ..conftest import book, person, talk

TODAY = date(2026, 11, 20)


def test_names_fold_case_and_white_space() -> None:
    assert name_key("  Dev\t  PATEL ") == name_key("dev patel") == "dev patel"


def test_a_shared_name_means_the_first_contact_by_slug() -> None:
    people = People(
        {
            "zoe": person("zoe", name="Sam Lee"),
            "sam": person("sam", name="Samuel Lee", aliases=("Sam Lee",)),
        }
    )
    # A name beats nothing: name and alias count alike, the first slug wins.
    assert people.named("SAM  LEE") == "sam"
    assert people.all_named("sam lee") == ("sam", "zoe")
    assert people.named("Nobody") is None and people.all_named("Nobody") == ()


def test_a_slug_then_a_name_then_the_slug_read_as_a_name() -> None:
    people = People({"dev": person("dev", name="Dev Patel")})
    assert people.slug("dev", "Someone Else") == "dev"
    assert people.slug("unknown", "dev  patel") == "dev"
    assert people.slug("Dev Patel") == "dev"
    assert people.slug(None, None) is None


def test_network_backlinks_and_wikilinks_agree_on_whom_a_name_means() -> None:
    notebook = book(
        person("ana", name="Ana Ruiz"),
        person("dev-a", name="Devika Patel", aliases=("Dev  Patel",)),
        person("dev-b", name="Dev Patel"),
        talk("ana", "2026-11-02", referrals=(Referral(name="dev PATEL"),)),
    )
    expected = People(notebook.contacts).named("dev PATEL")
    assert expected == "dev-a"
    net = network(notebook, TODAY)
    assert contact_key(expected) in net.people
    linked = link_notes(notebook)
    assert f"contacts/{expected}.md" in linked.backlinks
    assert "contacts/dev-b.md" not in linked.backlinks
    assert Resolver(notebook).page("Dev Patel") == f"contacts/{expected}.md"
    # The follow-up rule looks at everyone of that name: no referral item
    # while neither has been contacted.
    items = [i for i in due_items(notebook, TODAY, Options()) if i.kind == "referral"]
    assert [i.interview for i in items] == ["2026-11-02-ana"]
