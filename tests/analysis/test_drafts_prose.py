"""Every kind of draft, on the example notebook and on one without a profile,
read as prose: no "1 interviews", no doubled words, no empty slot in a sentence."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from interview_kb.analysis.drafts import (
    WHO_I_AM_PLACEHOLDER,
    Addressed,
    NoDraft,
    compose,
    who_i_am,
)
from interview_kb.core.model import Notebook, Profile
from interview_kb.core.vocab import DraftKind
from interview_kb.reader.mkdocs_yml import quick_setup
from interview_kb.reader.notes import read_notebook

from ..conftest import REPO

TODAY = date(2026, 11, 20)

# One slug of the example notebook for each kind.
EXAMPLE = {
    DraftKind.REQUEST: ("ines-carvalho", None),
    DraftKind.FOLLOW_UP: ("helena-brandt", None),
    DraftKind.TRY_ANOTHER: ("helena-brandt", None),
    DraftKind.RECONNECT: ("priya-raman", None),
    DraftKind.THANK_YOU: ("2026-11-20-dolores-ibanez", None),
    DraftKind.PROMISED: ("2026-10-02-ruth-abernathy", None),
    DraftKind.REFERRAL: ("2026-11-13-farah-haddad", "Marcus Oyelaran"),
}


def prose_problems(text: str) -> list[str]:
    """What a careful reader would stop at in a drafted message."""
    problems = []
    if found := re.search(r"\b(\w+)\s+\1\b", text, re.IGNORECASE):
        problems.append(f"doubled word: {found.group(0)!r}")
    if found := re.search(r"(?<![\d.])\b1 (?!to\b)\w+s\b", text):
        problems.append(f"a plural after one: {found.group(0)!r}")
    for slot in ("None", "[]", "()", " ,", " .", "  ", ",,", "..", " :", "as  ", "at ."):
        if slot in text:
            problems.append(f"an empty slot: {slot!r}")
    if re.search(r"\b(at|as|with|from|about)\s*[.,;:]", text):
        problems.append("a preposition with nothing after it")
    return problems


@pytest.fixture(scope="module")
def example() -> Notebook:
    found = quick_setup(REPO / "mkdocs.yml")
    assert found is not None
    notebook = read_notebook(REPO, found[0])
    assert not notebook.errors, notebook.errors
    return notebook


def every_draft(notebook: Notebook) -> dict[DraftKind, Addressed]:
    return {kind: compose(notebook, kind, slug, to, TODAY) for kind, (slug, to) in EXAMPLE.items()}


def test_the_example_has_a_profile_that_signs_every_draft(example: Notebook) -> None:
    assert example.profile is not None and example.profile.name
    drafts = every_draft(example)
    assert set(drafts) == set(DraftKind)
    for kind, found in drafts.items():
        body = found.draft.body
        assert re.match(r"(Hi|Dear) [^\n]+,\n\n", body), kind
        assert body.rstrip().endswith(example.profile.sign_off.strip()), (kind, body)
        assert "Best wishes," in body
        assert found.draft.subject and "\n" not in found.draft.subject
        assert not prose_problems(found.draft.subject + "\n" + body), (kind, body)


def test_without_a_profile_drafts_end_plainly_and_ask_for_a_sentence(example: Notebook) -> None:
    bare = replace(example, profile=None)
    drafts = every_draft(bare)
    for kind, found in drafts.items():
        assert found.draft.body.endswith("Best wishes,"), kind
        assert not prose_problems(found.draft.body), (kind, found.draft.body)
    for kind in (DraftKind.REQUEST, DraftKind.REFERRAL, DraftKind.TRY_ANOTHER):
        assert WHO_I_AM_PLACEHOLDER in drafts[kind].draft.body


def test_what_each_draft_says(example: Notebook) -> None:
    drafts = every_draft(example)
    referral = drafts[DraftKind.REFERRAL]
    assert referral.to == "Marcus Oyelaran" and referral.email
    assert referral.draft.subject == "Farah Haddad suggested I get in touch"
    assert "Farah Haddad suggested I get in touch with you" in referral.draft.body
    # A warm request names the introducer; a cold one says how you found them.
    aisha = compose(example, DraftKind.REQUEST, "aisha-bello")
    assert "Jordan Ellis suggested" in aisha.draft.body
    naomi = compose(example, DraftKind.REQUEST, "naomi-feld")
    assert "on LinkedIn" in naomi.draft.body
    request = drafts[DraftKind.REQUEST].draft.body
    assert "20 to 30 minutes" in request and "not a job" in request and "flexible" in request
    assert "Sample take-home exercise" in drafts[DraftKind.PROMISED].draft.body
    assert "10 November" in drafts[DraftKind.FOLLOW_UP].draft.body
    assert "Northwind Health" in drafts[DraftKind.TRY_ANOTHER].draft.body
    assert "20 November" in drafts[DraftKind.THANK_YOU].draft.subject


def test_bad_slugs_and_names_say_what_to_do(example: Notebook) -> None:
    with pytest.raises(NoDraft, match="takes an interview's slug"):
        compose(example, DraftKind.THANK_YOU, "priya-raman")
    with pytest.raises(NoDraft, match="takes a contact's slug"):
        compose(example, DraftKind.REQUEST, "2026-11-13-farah-haddad")
    with pytest.raises(NoDraft, match=r"no referral named 'Nobody'.*Marcus Oyelaran"):
        compose(example, DraftKind.REFERRAL, "2026-11-13-farah-haddad", "Nobody")
    with pytest.raises(NoDraft, match="lists no referrals"):
        compose(example, DraftKind.REFERRAL, "2026-11-20-dolores-ibanez")
    with pytest.raises(NoDraft, match="every 'promised' item is received"):
        compose(example, DraftKind.PROMISED, "2026-06-03-priya-raman")
    # The referral is found by slug as well as by name, in any case.
    by_slug = compose(example, DraftKind.REFERRAL, "2026-11-13-farah-haddad", "marcus-oyelaran")
    assert by_slug.to == "Marcus Oyelaran"


def test_who_i_am_reads_with_any_part_of_the_profile() -> None:
    assert who_i_am(None) == WHO_I_AM_PLACEHOLDER
    assert who_i_am(Profile()) == WHO_I_AM_PLACEHOLDER
    assert who_i_am(Profile(name="Sam  Lee")) == "My name is Sam Lee."
    assert (
        who_i_am(Profile(name="Sam Lee", background="a nursing student.", exploring="health data"))
        == "My name is Sam Lee, and I am a nursing student, exploring health data."
    )
    assert who_i_am(Profile(background="a nursing student")) == "I am a nursing student."
    assert who_i_am(Profile(introduction="i teach maths")) == "I teach maths."
