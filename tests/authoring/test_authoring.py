"""The pure side of writing notes: slugs, templates, byte-preserving edits, CSV."""

from __future__ import annotations

import textwrap
from datetime import date, time

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from interview_kb.authoring.csv_import import (
    ImportRow,
    parse_connected_on,
    plan_import,
    read_generic_csv,
    read_linkedin_csv,
)
from interview_kb.authoring.edits import add_outreach, set_thank_you
from interview_kb.authoring.errors import AuthoringError
from interview_kb.authoring.new_notes import (
    ContactDraft,
    InterviewDraft,
    render_contact,
    render_interview,
)
from interview_kb.authoring.reading import read_contact_note, read_interview_note
from interview_kb.authoring.slugs import free_slug, interview_slug, slugify
from interview_kb.authoring.starter import STARTER_COPIES, starter_files
from interview_kb.authoring.texts import split_list
from interview_kb.authoring.yaml_text import yaml_value
from interview_kb.core.model import BankQuestion, Contact, Notebook, OutreachEvent
from interview_kb.reader.notes import CONTACT_KEYS, INTERVIEW_KEYS

from ..conftest import REPO

PATH = "contacts/jane-doe.md"
REQUEST = OutreachEvent(date(2026, 11, 20), "request", "email", "Asked: 20 minutes, by video")
REPLY = OutreachEvent(date(2026, 11, 21), "reply")


def note(text: str) -> bytes:
    return textwrap.dedent(text).lstrip("\n").encode("utf-8")


# ---------------------------------------------------------------------------
# slugs


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Jane Doe", "jane-doe"),
        ("José Ó Núñez", "jose-o-nunez"),
        ("Zoë  --  Brontë-Smith!!", "zoe-bronte-smith"),
        ("O'Brien, Siobhán", "obrien-siobhan"),
        ("D\u2019Angelo", "dangelo"),  # typographic apostrophe
        ("Jürgen Straße", "jurgen-strasse"),
        ("Łukasz Żółć", "lukasz-zolc"),
        ("Søren Ærø", "soren-aero"),
        ("🚀 Ana Lima 🚀", "ana-lima"),
        ("Dr. Mary-Jane Watson, PhD", "dr-mary-jane-watson-phd"),
        ("\uff21\uff22\uff23 \ufb01 2", "abc-fi-2"),  # full-width letters, a ligature
        ("con", "con"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["", "   ", "🚀🚀", "王伟", "---", "Ωμέγα"])
def test_slugify_refuses_a_name_with_no_usable_letters(name: str) -> None:
    with pytest.raises(AuthoringError, match="--slug"):
        slugify(name)


def test_long_names_are_cut_at_a_dash() -> None:
    slug = slugify("Anna " * 40)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert set(slug.split("-")) == {"anna"}


@given(st.text())
def test_slugs_hold_only_safe_characters(name: str) -> None:
    try:
        slug = slugify(name)
    except AuthoringError:
        return
    assert slug and set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert "--" not in slug and not slug.startswith("-") and not slug.endswith("-")


def test_free_slug_and_interview_slug() -> None:
    assert free_slug("jane-doe", set()) == "jane-doe"
    assert free_slug("jane-doe", {"jane-doe", "jane-doe-2"}) == "jane-doe-3"
    assert free_slug("con", set()) == "con-2"  # a name Windows refuses
    day = date(2026, 11, 3)
    assert interview_slug(day, "jane-doe", set()) == "2026-11-03-jane-doe"
    assert interview_slug(day, "jane-doe", {"2026-11-03-jane-doe"}) == "2026-11-03-jane-doe-2"


# ---------------------------------------------------------------------------
# YAML values and templates


@given(st.text(), st.booleans())
def test_yaml_values_read_back_as_written(text: str, flow: bool) -> None:
    written = yaml_value(text, flow=flow)
    assert "\n" not in written and "\r" not in written
    if flow:
        assert yaml.safe_load(f"k: [{written}, {{a: {written}}}]") == {"k": [text, {"a": text}]}
    else:
        assert yaml.safe_load(f"k: {written}") == {"k": text}


def test_yaml_values_of_other_types() -> None:
    assert yaml_value(date(2026, 11, 3)) == "2026-11-03"
    assert yaml_value(True) == "yes"
    assert yaml_value(12.0) == "12"
    assert yaml_value(2.5) == "2.5"
    assert yaml_value(("a, b", "c")) == "['a, b', c]"
    assert yaml_value("https://x.example/a", flow=False) == "https://x.example/a"
    assert yaml_value("no", flow=False) == "'no'"


HOSTILE = st.text(min_size=1).map(str.strip).filter(bool)


@given(HOSTILE, HOSTILE, HOSTILE)
def test_any_text_survives_a_new_contact_note(name: str, organization: str, tag: str) -> None:
    text = render_contact(ContactDraft(name=name, organization=organization, tags=(tag,)))
    contact, problems = read_contact_note(text.encode("utf-8"), PATH)
    assert problems == ()
    assert contact is not None
    assert (contact.name, contact.organization) == (name, organization)


def test_a_new_contact_note_shows_every_key() -> None:
    draft = ContactDraft(
        name="Jane Doe",
        role="UX Researcher",
        organization="Northwind Health",
        seniority="senior",
        years_experience=12,
        introduced_by="bob-ray",
        interest=("role", "organization"),
        email="jane@northwind.example",
        local=True,
        tags=("ux-research", "healthcare"),
        aliases=("J. Doe",),
    )
    text = render_contact(draft, PATH)
    front = text.split("---\n")[1]
    for key in CONTACT_KEYS:
        assert f"\n{key}: " in "\n" + front or f"\n# {key}:" in "\n" + front, key
    assert "\nemail: jane@northwind.example " in text
    assert "\n# phone: " in text
    contact, problems = read_contact_note(text.encode("utf-8"), PATH)
    assert problems == ()
    assert contact == Contact(
        slug="jane-doe",
        path=PATH,
        name="Jane Doe",
        role="UX Researcher",
        organization="Northwind Health",
        seniority="senior",
        years_experience=12,
        warmth="warm",
        warmth_inferred=True,
        introduced_by="bob-ray",
        interest=("role", "organization"),
        email="jane@northwind.example",
        local=True,
        tags=("ux-research", "healthcare"),
        aliases=("J. Doe",),
        body=contact.body,
    )


def test_a_new_interview_note_shows_every_key_and_suggestions_as_comments() -> None:
    draft = InterviewDraft("jane-doe", date(2026, 11, 3), time(14, 30), mode="video", duration=30)
    bank = [
        BankQuestion("typical-day", "What does a typical day look like?", "day-to-day"),
        BankQuestion("odd: id", "Line one\n---\nline two", "advice"),
    ]
    text = render_interview(draft, bank, "senior")
    front = "\n" + text.split("---\n")[1]
    for key in INTERVIEW_KEYS:
        assert f"\n{key}:" in front or f"\n# {key}:" in front, key
    assert "  # - id: typical-day" in text
    assert "# Line one --- line two" in text
    assert "for a senior person" in text
    interview, problems = read_interview_note(text.encode("utf-8"), "interviews/x.md")
    assert problems == ()
    assert interview is not None
    assert (interview.date, interview.time, interview.mode, interview.duration) == (
        date(2026, 11, 3),
        time(14, 30),
        "video",
        30,
    )
    assert interview.questions == ()  # suggestions are not asked until uncommented


def test_starter_files_copy_the_repository_docs() -> None:
    files = starter_files("My notebook")
    for target in STARTER_COPIES:
        if target.startswith("docs/") and target != "docs/index.md":
            assert files[target] == (REPO / target).read_text(encoding="utf-8"), (
                f"{target} differs from plugins/interview_kb/data/starter/{STARTER_COPIES[target]}"
                "; copy the new text over"
            )
    assert "<!-- dashboard -->" in files["docs/index.md"]
    assert "INHERIT: mkdocs.yml" in files["mkdocs.public.yml"]
    assert yaml.safe_load(files["questions.yml"]) is None  # only a commented example
    assert starter_files("A: B", "notebook.yml")["notebook.yml"].count("site_name: 'A: B'") == 1


# ---------------------------------------------------------------------------
# log: one outreach event, every other byte kept

BLOCK = """\
---
# Met at the meetup.
name: "Jane Doe"   # quoted on purpose
role: 'UX Researcher'
outreach:
  - date: 2026-11-01
    kind: request   # first ask
    channel: email
  - date: 2026-11-02
    kind: reply
{event}# after the list
tags: [ux-research]
---
Body with a rule:

---

and more.\t{trailing}
"""

EDITS = {
    "block list, comments, quoting, keys after, a body with ---": (
        BLOCK.format(event="", trailing="  "),
        BLOCK.format(
            trailing="  ",
            event="  - date: 2026-11-20\n"
            "    kind: request\n"
            "    channel: email\n"
            "    note: 'Asked: 20 minutes, by video'\n",
        ),
    ),
    "no outreach key": (
        """\
        ---
        name: Jane Doe
        tags: [a]  # trailing comment
        ---
        Body.
        """,
        """\
        ---
        name: Jane Doe
        tags: [a]  # trailing comment
        outreach:
          - date: 2026-11-20
            kind: request
            channel: email
            note: 'Asked: 20 minutes, by video'
        ---
        Body.
        """,
    ),
    "flow list on one line": (
        """\
        ---
        name: Jane Doe
        outreach: [{date: 2026-11-01, kind: request}]  # asked
        local: yes
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach: [{date: 2026-11-01, kind: request}, {date: 2026-11-20, kind: request, channel: email, note: 'Asked: 20 minutes, by video'}]  # asked
        local: yes
        ---
        """,
    ),
    "empty flow list": (
        "---\nname: Jane Doe\noutreach: [ ]\n---\n",
        "---\nname: Jane Doe\noutreach: [{date: 2026-11-20, kind: request, channel: email, "
        "note: 'Asked: 20 minutes, by video'} ]\n---\n",
    ),
    "flow list over several lines": (
        """\
        ---
        name: Jane Doe
        outreach: [
          {date: 2026-11-01, kind: request},
          {date: 2026-11-02, kind: reply}
        ]
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach: [
          {date: 2026-11-01, kind: request},
          {date: 2026-11-02, kind: reply},
          {date: 2026-11-20, kind: request, channel: email, note: 'Asked: 20 minutes, by video'}
        ]
        ---
        """,
    ),
    "block list of flow mappings": (
        """\
        ---
        name: Jane Doe
        outreach:
        -   {date: 2026-11-01, kind: request}
        # the end
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach:
        -   {date: 2026-11-01, kind: request}
        -   {date: 2026-11-20, kind: request, channel: email, note: 'Asked: 20 minutes, by video'}
        # the end
        ---
        """,
    ),
    "indentless block list": (
        """\
        ---
        name: Jane Doe
        outreach:
        - date: 2026-11-01
          kind: request
        email: j@x.example
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach:
        - date: 2026-11-01
          kind: request
        - date: 2026-11-20
          kind: request
          channel: email
          note: 'Asked: 20 minutes, by video'
        email: j@x.example
        ---
        """,
    ),
    "empty outreach with comments under it": (
        """\
        ---
        name: Jane Doe
        outreach:   # nothing yet
          # - date: 2026-11-03
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach:   # nothing yet
          - date: 2026-11-20
            kind: request
            channel: email
            note: 'Asked: 20 minutes, by video'
          # - date: 2026-11-03
        ---
        """,
    ),
    "outreach: null": (
        "---\nname: Jane Doe\noutreach: ~  # none\n---\n",
        "---\nname: Jane Doe\noutreach: [{date: 2026-11-20, kind: request, channel: email, "
        "note: 'Asked: 20 minutes, by video'}]  # none\n---\n",
    ),
    "last event ends with a block scalar": (
        """\
        ---
        name: Jane Doe
        outreach:
          - date: 2026-11-01
            kind: request
            note: |
              Two lines
              of text.

        # a comment between keys
        website: x.example
        ---
        """,
        """\
        ---
        name: Jane Doe
        outreach:
          - date: 2026-11-01
            kind: request
            note: |
              Two lines
              of text.

          - date: 2026-11-20
            kind: request
            channel: email
            note: 'Asked: 20 minutes, by video'
        # a comment between keys
        website: x.example
        ---
        """,
    ),
    "keys indented as a whole": (
        "---\n  name: Jane Doe\n  role: X\n---\n",
        "---\n  name: Jane Doe\n  role: X\n  outreach:\n    - date: 2026-11-20\n      kind: request\n"
        "      channel: email\n      note: 'Asked: 20 minutes, by video'\n---\n",
    ),
    "file without a final newline": (
        "---\nname: Jane Doe\n---",
        "---\nname: Jane Doe\noutreach:\n  - date: 2026-11-20\n    kind: request\n"
        "    channel: email\n    note: 'Asked: 20 minutes, by video'\n---",
    ),
}


@pytest.mark.parametrize("case", list(EDITS))
def test_log_adds_one_event_and_keeps_every_other_byte(case: str) -> None:
    before, after = (note(text) for text in EDITS[case])
    assert add_outreach(before, REQUEST, PATH) == after
    contact, problems = read_contact_note(after, PATH)
    assert contact is not None and REQUEST in contact.outreach
    assert [p for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("case", list(EDITS))
def test_log_keeps_crlf_and_a_byte_order_mark(case: str) -> None:
    before, after = (note(text).replace(b"\n", b"\r\n") for text in EDITS[case])
    bom = b"\xef\xbb\xbf"
    assert add_outreach(bom + before, REQUEST, PATH) == bom + after
    assert add_outreach(before, REQUEST, PATH) == after


def test_two_events_in_a_row() -> None:
    once = add_outreach(note(BLOCK.format(event="", trailing="  ")), REQUEST, PATH)
    twice = add_outreach(once, REPLY, PATH)
    assert twice == once.replace(
        b"'Asked: 20 minutes, by video'\n",
        b"'Asked: 20 minutes, by video'\n  - date: 2026-11-21\n    kind: reply\n",
    )


def test_a_multi_line_note_cannot_close_the_front_matter() -> None:
    event = OutreachEvent(date(2026, 11, 20), "note", note="first\n---\nname: Evil")
    after = add_outreach(note("---\nname: Jane Doe\n---\n"), event, PATH)
    assert after.endswith(b'note: "first\\n---\\nname: Evil"\n---\n')
    contact, _ = read_contact_note(after, PATH)
    assert contact is not None and contact.name == "Jane Doe"
    assert contact.outreach == (event,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\nname: [Oops\n---\n", "not valid YAML"),
        ("no front-matter\n", "no front-matter"),
        ("---\nrole: x\n---\n", "needs a 'name'"),
        ("---\nname: X\noutreach: [{date: 2026-11-01}]\n---\n", "needs 'kind'"),
        ("---\nname: X\noutreach: {date: 2026-11-01}\n---\n", "expected a list"),
        ("---\n{name: X}\n---\n", "edit it by hand"),
        ("---\nname: X\noutreach: []\noutreach: []\n---\n", "given 2 times"),
    ],
)
def test_a_note_that_cannot_be_edited_safely_is_refused(text: str, message: str) -> None:
    with pytest.raises(AuthoringError, match=message):
        add_outreach(text.encode("utf-8"), REQUEST, PATH)


# ---------------------------------------------------------------------------
# thanked

IPATH = "interviews/2026-11-03-jane-doe.md"
INTERVIEW = """\
---
contact: jane-doe   # Jane
date: 2026-11-03 14:30
{thank}
share: no
---
Notes.
"""


@pytest.mark.parametrize(
    ("thank", "expected"),
    [
        ("thank_you: 2026-11-04  # late", "thank_you: 2026-11-20  # late"),
        ("thank_you: '2026-11-04'", "thank_you: 2026-11-20"),
        ("thank_you:", "thank_you: 2026-11-20"),
        ("thank_you:   # not yet", "thank_you: 2026-11-20   # not yet"),
        ("thank_you: ~", "thank_you: 2026-11-20"),
        ("thank_you: |\n  2026-11-04\n", "thank_you: 2026-11-20\n"),
        ("# thank_you: 2026-11-05", "# thank_you: 2026-11-05"),
    ],
)
def test_thanked_sets_thank_you_in_place(thank: str, expected: str) -> None:
    for newline, bom in (("\n", ""), ("\r\n", "\ufeff")):
        before = (bom + INTERVIEW.format(thank=thank)).replace("\n", newline).encode()
        after = set_thank_you(before, date(2026, 11, 20), IPATH)
        want = INTERVIEW.format(thank=expected)
        if "# thank_you" in thank:  # absent: added at the end of the front-matter
            want = want.replace("share: no\n", "share: no\nthank_you: 2026-11-20\n")
        assert after == (bom + want).replace("\n", newline).encode()
        interview, _ = read_interview_note(after, IPATH)
        assert interview is not None and interview.thank_you == date(2026, 11, 20)


def test_thanked_again_on_the_same_day_changes_nothing() -> None:
    before = INTERVIEW.format(thank="thank_you: 2026-11-20").encode()
    assert set_thank_you(before, date(2026, 11, 20), IPATH) is before


# ---------------------------------------------------------------------------
# CSV

LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed it."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    'Ana,Lima,https://www.linkedin.com/in/ana-lima,,"Acme, Inc.",Data Analyst,05 Nov 2024\r\n'
    ",,,,,,\r\n"
    'Zed,Ray,,zed@x.example,Foo,"Senior ""UX"" Researcher",15 Mar 2024\r\n'
    ",,https://www.linkedin.com/in/nobody,,,,\r\n"
    "Li,Wei,https://www.linkedin.com/in/li-wei,,Bar,CTO,not a date\r\n"
)


def test_linkedin_connections() -> None:
    rows = read_linkedin_csv(LINKEDIN.removeprefix("\ufeff"), "Connections.csv")
    assert rows[0] == ImportRow(
        line=5,
        name="Ana Lima",
        organization="Acme, Inc.",
        role="Data Analyst",
        linkedin="https://www.linkedin.com/in/ana-lima",
        connection="LinkedIn connection since 2024-11-05",
    )
    assert rows[1].role == 'Senior "UX" Researcher'
    assert rows[1].email == "zed@x.example"
    assert rows[1].connection == "LinkedIn connection since 2024-03-15"
    assert rows[2].name == ""  # a row without a name is reported by the plan
    assert rows[3].connection == "LinkedIn connection"


def test_linkedin_without_url_column() -> None:
    text = "First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Lima,,X,Y,1 Feb 2023\n"
    (row,) = read_linkedin_csv(text, "c.csv")
    assert (row.name, row.linkedin, row.connection) == (
        "Ana Lima",
        None,
        "LinkedIn connection since 2023-02-01",
    )


@pytest.mark.parametrize(
    "text", ["", "Notes:\nname,email\n", "Last Name,First Name\nA,B\n", "First Name,Company\nA,B\n"]
)
def test_a_csv_without_the_header_row_is_refused(text: str) -> None:
    with pytest.raises(AuthoringError, match=r"c\.csv"):
        read_linkedin_csv(text, "c.csv")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05 Nov 2024", date(2024, 11, 5)),
        ("5 Nov 2024", date(2024, 11, 5)),
        ("15 March 2024", date(2024, 3, 15)),
        ("Nov 5, 2024", date(2024, 11, 5)),
        ("2024-11-05", date(2024, 11, 5)),
        ("31 Feb 2024", None),
        ("5 Foo 2024", None),
        ("yesterday", None),
    ],
)
def test_connected_on(text: str, day: date | None) -> None:
    assert parse_connected_on(text) == day


def test_generic_csv() -> None:
    text = "name,Organization,role,email,tags,favourite colour\nAna Lima,Acme,Analyst,,data; #ux,blue\n"
    rows, ignored = read_generic_csv(text, "people.csv")
    assert rows == [
        ImportRow(line=2, name="Ana Lima", organization="Acme", role="Analyst", tags=("data", "ux"))
    ]
    assert ignored == ["favourite colour"]
    assert split_list("a, b;; a ,#c") == ("a", "b", "c")


def test_plan_skips_people_already_there() -> None:
    jane = Contact(
        slug="jane-doe",
        path=PATH,
        name="Jane Doe",
        aliases=("Janie",),
        linkedin="https://linkedin.com/in/jd/",
    )
    notebook = Notebook(contacts={"jane-doe": jane})
    rows = [
        ImportRow(2, "JANE  doe"),
        ImportRow(3, "Janie"),
        ImportRow(4, "J. Doe", linkedin="http://www.LinkedIn.com/in/jd"),
        ImportRow(5, "Ana Lima", organization="Acme"),
        ImportRow(6, "Ana Lima"),
        ImportRow(7, ""),
        ImportRow(8, "王伟"),
        ImportRow(9, "Jane Doe Smith"),
    ]
    plans = plan_import(rows, notebook, {"jane-doe-smith"}, ("linkedin",))
    slugs = [p.slug for p in plans]
    assert slugs == [None, None, None, "ana-lima", None, None, None, "jane-doe-smith-2"]
    assert plans[0].skipped == "JANE  doe: the same name as contacts/jane-doe.md"
    assert plans[2].skipped == "J. Doe: the same LinkedIn URL as contacts/jane-doe.md"
    assert plans[4].skipped == "Ana Lima: the same name as line 5 of this file"
    assert plans[5].skipped == "line 7 has no name"
    assert plans[6].skipped is not None and "--slug" in plans[6].skipped
    assert plans[3].text is not None and "tags: [linkedin]" in plans[3].text
    assert "\noutreach:" not in plans[3].text


def _one_insertion(before: bytes, after: bytes) -> bool:
    """True when ``after`` is ``before`` with one run of bytes inserted."""
    prefix = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(before)
    )
    return len(after) > len(before) and after.endswith(before[prefix:])


@given(
    st.sampled_from([c for c in EDITS if c != "outreach: null"]),
    st.text(),
    st.sampled_from([None, "email", "in-person"]),
    st.booleans(),
)
def test_any_event_is_one_insertion_and_reads_back(
    case: str, text: str, channel: str | None, crlf: bool
) -> None:
    before = note(EDITS[case][0])
    if crlf:
        before = before.replace(b"\n", b"\r\n")
    event = OutreachEvent(date(2026, 11, 20), "note", channel, text.strip() or None)
    after = add_outreach(before, event, PATH)
    assert _one_insertion(before, after)
    contact, _ = read_contact_note(after, PATH)
    assert contact is not None and event in contact.outreach
