"""Guide redaction in both directions: names out, ordinary words kept."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_kb.analysis.redact import (
    BLANK,
    Redactor,
    Terms,
    fold,
    notebook_terms,
    ordinary_words,
)
from interview_kb.core.model import Contact, Interview, Notebook, Referral


def redactor(
    people: tuple[str, ...] = (),
    organizations: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> Redactor:
    terms = Terms()
    for name in people:
        terms.person(name)
    for name in organizations:
        terms.organization(name)
    for name in places:
        terms.place(name)
    return Redactor(terms)


ORDINARY_NAMES = redactor(
    people=("Will Young", "Hope Grace", "May Mark", "Rose Bishop"),
    organizations=("Target", "Blue Harbor Analytics"),
)


@pytest.mark.parametrize(
    "sentence",
    [
        "you will need SQL, and that young teams move fast.",
        "I hope the grace period in may is enough to mark the change.",
        "our target audience is the bishop of the local rose society.",
        "a blue harbor at dusk is an odd place for analytics.",
        "she will, he may, they hope: young people mark it.",
    ],
)
def test_ordinary_words_in_lower_case_are_never_blanked(sentence: str) -> None:
    assert ORDINARY_NAMES(sentence) == sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask Will about it.", f"Ask {BLANK} about it."),
        ("Will Young said so.", f"{BLANK} said so."),
        ("will young said so.", f"{BLANK} said so."),  # a full name, in any case
        ("Hope and Grace agreed.", f"{BLANK} and {BLANK} agreed."),
        ("Talk to May, or to Mark.", f"Talk to {BLANK}, or to {BLANK}."),
        ("Young's team", f"{BLANK}'s team"),
        ("Young\u2019s team", f"{BLANK}\u2019s team"),
        ("Target hires juniors.", f"{BLANK} hires juniors."),
        ("at TARGET, the target is growth", f"at {BLANK}, the target is growth"),
        ("Blue Harbor hires; blue harbor too.", f"{BLANK} hires; blue harbor too."),
    ],
)
def test_names_that_are_ordinary_words_are_blanked_where_capitalized(
    text: str, expected: str
) -> None:
    assert ORDINARY_NAMES(text) == expected


FIELDNOTE = redactor(
    people=("Kwame Asante", "Inês Carvalho", "Dr. Mei Lin Zhou", "Grace O'Brien-Smith"),
    organizations=("Fieldnote Studio", "Fieldmark Analytics", "The Northwind Group"),
    places=("Minneapolis, MN",),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short forms and distinctive words of an organization.
        ("Fieldnote had worked with them.", f"{BLANK} had worked with them."),
        ("fieldnote and FIELDNOTE", f"{BLANK} and {BLANK}"),
        ("Fieldmark hires; so does Northwind.", f"{BLANK} hires; so does {BLANK}."),
        ("the studio works on analytics", "the studio works on analytics"),
        ("at Fieldnote Studio's office", f"at {BLANK}'s office"),
        # Possessives.
        ("Kwame's lead", f"{BLANK}'s lead"),
        ("Asante\u2019s portfolio", f"{BLANK}\u2019s portfolio"),
        # Accents, folded both ways.
        (
            "Inês reviews, Ines reviews, INÊS reviews",
            f"{BLANK} reviews, {BLANK} reviews, {BLANK} reviews",
        ),
        ("ask ines carvalho", f"ask {BLANK}"),
        # Hyphens and apostrophes.
        ("O'Brien-Smith said, and O'Brien and Smith", f"{BLANK} said, and {BLANK} and {BLANK}"),
        ("o\u2019brien-smith", BLANK),
        # Titles are not the name; the rest of the name is.
        ("Dr. Zhou and Mei Lin", f"Dr. {BLANK} and {BLANK} {BLANK}"),
        # Places, whole and in parts.
        ("moved to Minneapolis, MN in May", f"moved to {BLANK} in May"),
        ("minneapolis winters", f"{BLANK} winters"),
    ],
)
def test_short_forms_possessives_accents_hyphens(text: str, expected: str) -> None:
    assert FIELDNOTE(text) == expected


def test_other_scripts() -> None:
    scripts = redactor(people=("周美琳", "Анна Петрова", "يوسف دمير", "Νίκος Παππάς"))
    assert scripts("我和周美琳谈过") == f"我和{BLANK}谈过"
    assert scripts("Анна сказала, анна тоже") == f"{BLANK} сказала, {BLANK} тоже"
    assert scripts("قال يوسف") == f"قال {BLANK}"
    assert scripts("ο Νίκος και ο ΝΙΚΟΣ") == f"ο {BLANK} και ο {BLANK}"  # noqa: RUF001
    assert scripts("a plain English sentence") == "a plain English sentence"


def test_addresses_and_phones() -> None:
    terms = Terms()
    terms.address("kwame.asante@fieldnote-studio.example")
    terms.address("https://www.kwameasante.example/")
    terms.phone("+1 (612) 555-0142")
    redact = Redactor(terms)
    assert (
        redact("write to Kwame.Asante@Fieldnote-Studio.example today") == f"write to {BLANK} today"
    )
    assert redact("see kwameasante.example and https://kwameasante.example") == (
        f"see {BLANK} and {BLANK}"
    )
    assert redact("call 612-555-0142 or +16125550142") == f"call {BLANK} or {BLANK}"
    assert redact("room 612, 5 people") == "room 612, 5 people"


def test_fold_keeps_every_position() -> None:
    for text in ("Inês Straße İstanbul ﬁne", "O\u2019Brien", "周美琳", "Ǆemal"):
        assert len(fold(text)) == len(text)
    assert fold("INÊS O\u2019Brien") == "ines o'brien"


def test_ordinary_word_list() -> None:
    words = ordinary_words()
    assert len(words) > 30_000
    for word in ("will", "hope", "grace", "may", "mark", "young", "target", "studio"):
        assert word in words
    for name in ("kwame", "asante", "zhou", "fieldnote", "okafor", "priya"):
        assert name not in words


def test_notebook_terms_cover_every_private_field() -> None:
    contact = Contact(
        slug="x",
        path="contacts/x.md",
        name="Zed Quorra",
        organization="Vexla Labs",
        aliases=("ZQ",),
        email="zed@vexla.example",
        phone="+44 20 7946 0958",
        website="https://zedq.example",
        linkedin="https://linkedin.example/in/zedq",
        location="Leeds",
    )
    interview = Interview(
        slug="i",
        path="interviews/i.md",
        contact="x",
        date=__import__("datetime").date(2026, 1, 5),
        location="Café Lumen, Park Row",
        referrals=(Referral(name="Ulla Brixen"),),
    )
    redact = Redactor(
        notebook_terms([Notebook(contacts={"x": contact}, interviews={"i": interview})])
    )
    text = (
        "Zed (ZQ) of Vexla, zed@vexla.example, 020 7946 0958, zedq.example, "
        "linkedin.example/in/zedq, Leeds, Café Lumen, Park Row, Ulla and Brixen."
    )
    left = redact(text).replace(BLANK, " ").replace(",", " ").replace(".", " ")
    assert left.replace("(", " ").replace(")", " ").split() == ["of", "and"]


LOWER_WORDS = sorted(w for w in ordinary_words() if w.isascii() and 3 <= len(w) <= 9)[::40]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(LOWER_WORDS), min_size=1, max_size=12),
    st.lists(st.sampled_from(LOWER_WORDS), min_size=1, max_size=4),
)
def test_no_lower_case_ordinary_sentence_is_ever_blanked(
    sentence: list[str], names: list[str]
) -> None:
    """Whatever contacts are called after ordinary words, a sentence of
    ordinary words in lower case stays whole (unless it holds a whole name)."""
    people = tuple(f"{a.capitalize()} {b.capitalize()}" for a, b in itertools.pairwise(names))
    redact = redactor(people=people or (names[0].capitalize(),), organizations=(names[0].title(),))
    text = " ".join(sentence) + "."
    whole_names = {" ".join(p.split()).casefold() for p in people}
    if not any(name in text for name in whole_names):
        assert redact(text) == text
