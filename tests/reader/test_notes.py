"""The reader: every field of the note format, and every kind of bad input."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from interview_kb.core.model import Options, Problem, Promise, Referral, Resource
from interview_kb.core.suggest import closest
from interview_kb.reader.notes import read_notebook

from ..conftest import BOB, FULL_CONTACT, FULL_INTERVIEW, WriteNotebook


def assert_reported(found: tuple[Problem, ...], path: str, expected: str) -> None:
    """``expected`` is ``"line: severity: fragment of the message"``."""
    line, severity, fragment = expected.split(": ", 2)
    texts = [str(p) for p in found]
    assert any(t.startswith(f"{path}:{line}: {severity}: ") and fragment in t for t in texts), texts


def problems(root: Path) -> list[str]:
    return [str(p) for p in read_notebook(root).problems]


def test_every_contact_field(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"contacts/jane-doe.md": FULL_CONTACT, "contacts/bob-ray.md": BOB})
    notebook = read_notebook(root)
    assert notebook.problems == ()
    jane = notebook.contacts["jane-doe"]
    assert (jane.name, jane.role, jane.organization) == (
        "Jane Doe",
        "Staff UX Researcher",
        "Northwind Health",
    )
    assert (jane.seniority, jane.seniority_inferred, jane.years_experience) == ("mid", True, 4)
    assert (jane.warmth, jane.warmth_inferred) == ("cold", False)
    assert jane.connection == "same university"
    assert jane.introduced_by == "bob-ray"
    assert jane.interest == ("role", "organization")
    assert jane.email == "jane@northwind.example"
    assert jane.phone == "555-0100"
    assert jane.linkedin == "https://linkedin.example/in/jane"
    assert jane.website == "jane.example"
    assert (jane.location, jane.local) == ("Leeds", True)
    assert jane.tags == ("ux-research", "healthcare")
    assert jane.aliases == ("JD", "Janie")
    assert [(e.date, e.kind, e.channel, e.note) for e in jane.outreach] == [
        (date(2026, 11, 1), "request", "email", "Short note after the meetup"),
        (date(2026, 11, 3), "reply", "linkedin", None),
    ]
    assert jane.body == "Met at the **meetup**.\n"
    assert jane.path == "contacts/jane-doe.md"
    bob = notebook.contacts["bob-ray"]
    assert (bob.seniority, bob.seniority_inferred, bob.warmth) == ("senior", False, None)


@pytest.mark.parametrize(
    ("years", "seniority"),
    [(0, "junior"), (2.9, "junior"), (3, "mid"), (9, "mid"), (9.5, "mid"), (10, "senior")],
)
def test_seniority_inferred_from_years(
    write_notebook: WriteNotebook, years: float, seniority: str
) -> None:
    root = write_notebook({"contacts/a.md": f"---\nname: A\nyears_experience: {years}\n---\n"})
    assert read_notebook(root).contacts["a"].seniority == seniority


def test_warmth_from_introduction_unless_stated(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/bob-ray.md": BOB,
            "contacts/a.md": "---\nname: A\nintroduced_by: bob-ray\n---\n",
            "contacts/b.md": "---\nname: B\nintroduced_by: bob-ray\nwarmth: cold\n---\n",
        }
    )
    contacts = read_notebook(root).contacts
    assert (contacts["a"].warmth, contacts["a"].warmth_inferred) == ("warm", True)
    assert (contacts["b"].warmth, contacts["b"].warmth_inferred) == ("cold", False)


def test_every_interview_field(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/bob-ray.md": BOB,
            "contacts/jane-doe.md": "---\nname: Jane Doe\n---\n",
            "interviews/2026-11-03-bob-ray.md": FULL_INTERVIEW,
        }
    )
    notebook = read_notebook(root)
    assert notebook.problems == ()
    interview = notebook.interviews["2026-11-03-bob-ray"]
    assert (interview.contact, interview.date, interview.time) == (
        "bob-ray",
        date(2026, 11, 3),
        time(14, 30),
    )
    assert (interview.status, interview.mode, interview.duration) == ("done", "video", 30)
    assert interview.location == "https://meet.example/abc"
    assert [(q.text, q.id, q.answer) for q in interview.questions] == [
        ("What surprised you most?", None, None),
        (None, "typical-day", "Mostly meetings."),
        ("what does a TYPICAL day, or week, look like for you", None, "Workshops."),
    ]
    assert interview.referrals == (
        Referral(name="Ann Smith"),
        Referral(name="Jane Doe", contact="jane-doe", note="runs the research guild"),
    )
    assert interview.promised == (
        Promise(item="a reading list"),
        Promise(item="job spec", received=True, received_on=date(2026, 11, 10)),
        Promise(item="slides"),
    )
    assert interview.resources == (
        Resource(title="The Design of Everyday Things"),
        Resource(title="Research guild", url="https://guild.example"),
    )
    assert interview.thank_you == date(2026, 11, 4)
    reflection = interview.reflection
    assert reflection is not None
    assert reflection.learned == "Research ops is a job."
    assert (reflection.still_interested, reflection.rating) == ("unsure", 4)
    assert reflection.next_steps == ("Email Ann", "Read the book")
    assert interview.share is True
    assert interview.body == "Notes here.\n"
    # A question matches the bank by id, or by its text folded.
    bank_ids = [notebook.bank_question(q) for q in interview.questions]
    assert [q.id if q else None for q in bank_ids] == [None, "typical-day", "typical-day"]


@pytest.mark.parametrize(
    "value",
    ["2026-11-03", "'2026-11-03'", "2026-11-03T09:00:00", "2026-11-03 09:00:00+01:00"],
)
def test_dates_and_date_times_are_normalised(write_notebook: WriteNotebook, value: str) -> None:
    root = write_notebook(
        {
            "contacts/bob-ray.md": BOB,
            "interviews/x.md": f"---\ncontact: bob-ray\ndate: {value}\n---\n",
        }
    )
    interview = read_notebook(root).interviews["x"]
    assert interview.date == date(2026, 11, 3)
    assert interview.time in (None, time(9, 0))


def test_text_values_stay_as_written(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"contacts/no.md": "---\nname: No\nrole: 2020\norganization: 1.0\n---\n"})
    contact = read_notebook(root).contacts["no"]
    assert (contact.name, contact.role, contact.organization) == ("No", "2020", "1.0")


def test_questions_file_adds_and_overrides(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "questions.yml": """
            - id: typical-day
              text: What does a Tuesday look like for you?
            - id: my-own
              text: Would you do it again?
              category: fit
              for: [senior]
              tags: [regret]
            """
        }
    )
    bank = read_notebook(root).bank
    assert bank["typical-day"].text == "What does a Tuesday look like for you?"
    assert bank["typical-day"].category == "day-to-day"  # kept from the built-in bank
    assert bank["my-own"].category == "fit"
    assert bank["my-own"].for_ == ("senior",)
    assert bank["my-own"].tags == ("regret",)
    assert bank["my-own"].source == "notebook"


def test_builtin_bank_is_clean() -> None:
    notebook = read_notebook(Path("/nonexistent-notebook"))
    assert notebook.problems == ()
    categories = {q.category for q in notebook.bank.values()}
    assert categories == {
        "background",
        "day-to-day",
        "fit",
        "inside-view",
        "advice",
        "network",
        "organization",
    }
    assert len(notebook.bank) >= 40


def test_underscore_and_dot_files_are_skipped(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/_template.md": "not a note",
            "contacts/.draft.md": "not a note",
            "contacts/.obsidian/x.md": "not a note",
            "contacts/ok.md": "---\nname: Ok\n---\n",
        }
    )
    notebook = read_notebook(root)
    assert list(notebook.contacts) == ["ok"]
    assert notebook.problems == ()


def test_byte_order_mark_and_crlf(write_notebook: WriteNotebook) -> None:
    raw = "\ufeff---\r\nname: Jane\r\nrole: x\r\n---\r\nBody\r\n".encode()
    root = write_notebook({"contacts/jane.md": raw})
    notebook = read_notebook(root)
    assert notebook.problems == ()
    assert notebook.contacts["jane"].role == "x"


BAD_INPUT = [
    # (file content, expected problem: "line: severity: message fragment")
    (b"\xff\xfe---\n", "1: error: not UTF-8"),
    (b"---\nname: Jane\nrole: caf\xe9\n---\n", "3: error: not UTF-8"),
    (b"", "1: error: the file is empty"),
    (b"   \n\n", "1: error: the file is empty"),
    (b"name: Jane\n", "1: error: no front-matter"),
    (b"---\nname: Jane\n", "1: error: not closed"),
    (b"---\n- a\n- b\n---\n", "2: error: must be keys and values"),
    (b"---\njust text\n---\n", "2: error: must be keys and values"),
    (b"---\nname: [Jane\nrole: x\n---\n", "2: error: not valid YAML"),
    (b"---\nname: Jane\nrole: a: b\n---\n", "3: error: not valid YAML"),
    (b"---\nname: Jane\n\trole: x\n---\n", "3: error: not valid YAML"),
    (b"---\nrole: x\n---\n", "1: error: a contact needs a 'name'"),
    (b"---\nname: Jane\nseniority: expert\n---\n", "3: error: seniority: 'expert' is not one of"),
    (
        b"---\nname: Jane\nwarmth: wram\n---\n",
        "3: error: warmth: 'wram' is not one of warm, cold; did you mean 'warm'?",
    ),
    (
        b"---\nname: Jane\nyears_experience: lots\n---\n",
        "3: error: years_experience: 'lots' is not a number",
    ),
    (b"---\nname: Jane\nlocal: maybe\n---\n", "3: error: local: 'maybe' is not yes or no"),
    (
        b"---\nname: Jane\ninterest: [money]\n---\n",
        "3: error: 'money' is not one of role, organization",
    ),
    (b"---\nname: [Jane, Doe]\n---\n", "2: error: name: expected text, found a list"),
    (
        b"---\nname: Jane\norganisation: X\n---\n",
        "3: warning: unknown key 'organisation'; did you mean 'organization'?",
    ),
    (b"---\nname: Jane\nname: Janet\n---\n", "3: warning: the key 'name' is given twice"),
    (b"---\nname: Jane\n[a]: b\n---\n", "3: error: a key must be a word"),
    (
        b"---\nname: Jane\noutreach:\n  - date: 2026-11-01\n    kind: replied\n---\n",
        "5: error: outreach kind: 'replied' is not one of",
    ),
    (
        b"---\nname: Jane\noutreach:\n  - date: 2026-11-01\n---\n",
        "4: error: an outreach event needs 'kind'",
    ),
    (
        b"---\nname: Jane\noutreach:\n  - date: 11/01/2026\n    kind: request\n---\n",
        "4: error: outreach date: '11/01/2026' is not a date",
    ),
    (
        b"---\nname: Jane\noutreach:\n  - request\n---\n",
        "4: error: an outreach event must be a mapping",
    ),
    (b"---\nname: Jane\nintroduced_by: bob\n---\n", "3: error: introduced_by 'bob' not found"),
    (
        b"---\nname: Jane\ncontent: x\n---\n",
        "3: warning: the key 'content' is kept, but other Markdown tools",
    ),
]


@pytest.mark.parametrize(("content", "expected"), BAD_INPUT)
def test_bad_contact_is_reported_with_its_line(
    write_notebook: WriteNotebook, content: bytes, expected: str
) -> None:
    root = write_notebook({"contacts/jane.md": content, "contacts/ok.md": "---\nname: Ok\n---\n"})
    notebook = read_notebook(root)
    assert_reported(notebook.problems, "contacts/jane.md", expected)
    # The rest of the notebook is still read.
    assert "ok" in notebook.contacts


BAD_INTERVIEWS = [
    ("---\ndate: 2026-11-03\n---\n", "1: error: an interview needs 'contact'"),
    ("---\ncontact: bob-ray\n---\n", "1: error: an interview needs 'date'"),
    (
        "---\ncontact: bob-rey\ndate: 2026-11-03\n---\n",
        "2: error: contact 'bob-rey' not found; did you mean 'bob-ray'?",
    ),
    (
        "---\ncontact: Bob Ray\ndate: 2026-11-03\n---\n",
        "2: error: contact 'Bob Ray' not found; did you mean 'bob-ray'?",
    ),
    ("---\ncontact: bob-ray\ndate: soon\n---\n", "3: error: date: 'soon' is not a date"),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nstatus: postponed\n---\n",
        "4: error: status: 'postponed' is not one of",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nmode: zoom\n---\n",
        "4: error: mode: 'zoom' is not one of",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nthank-you: 2026-11-04\n---\n",
        "4: warning: unknown key 'thank-you'; did you mean 'thank_you'?",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\ncontent: x\n---\n",
        "4: warning: unknown key 'content'; did you mean 'contact'?",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nquestions:\n  - answer: yes\n---\n",
        "5: error: a question needs 'ask'",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nquestions:\n  - id: typical-dya\n---\n",
        "5: error: question id 'typical-dya' is not in the question bank; did you mean 'typical-day'?",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nreflection:\n  rating: 7\n---\n",
        "5: error: reflection rating: '7' should be a whole number from 1 to 5",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nreflection:\n  still_interested: maybe\n---\n",
        "5: error: 'maybe' is not one of yes, no, unsure",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nreflection:\n  learnt: x\n---\n",
        "5: warning: unknown key 'learnt' in reflection; did you mean 'learned'?",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\npromised:\n  - item: slides\n    received: someday\n---\n",
        "6: error: promised received: write the date it arrived",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nreferrals:\n  - contact: nobody\n---\n",
        "5: error: referral contact 'nobody' not found",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nduration: an hour\n---\n",
        "4: error: duration: 'an hour' is not a number",
    ),
    (
        "---\ncontact: bob-ray\ndate: 2026-11-03\nshare: perhaps\n---\n",
        "4: error: share: 'perhaps' is not yes or no",
    ),
]


@pytest.mark.parametrize(("content", "expected"), BAD_INTERVIEWS)
def test_bad_interview_is_reported_with_its_line(
    write_notebook: WriteNotebook, content: str, expected: str
) -> None:
    root = write_notebook({"contacts/bob-ray.md": BOB, "interviews/x.md": content})
    assert_reported(read_notebook(root).problems, "interviews/x.md", expected)


def test_problem_json_shape(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"contacts/x.md": "---\nname: X\nwarmth: hot\n---\n"})
    (problem,) = read_notebook(root).problems
    assert problem.as_json() == {
        "path": "contacts/x.md",
        "line": 3,
        "severity": "error",
        "message": "warmth: 'hot' is not one of warm, cold",
    }


def test_a_bad_field_keeps_the_rest_of_the_note(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"contacts/x.md": "---\nname: X\nwarmth: hot\nrole: Analyst\n---\n"})
    contact = read_notebook(root).contacts["x"]
    assert (contact.warmth, contact.role) == (None, "Analyst")


def test_unknown_keys_are_kept_for_the_page(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"contacts/x.md": "---\nname: X\nhobby: [climbing, chess]\n---\n"})
    notebook = read_notebook(root)
    assert notebook.problems == ()
    assert notebook.contacts["x"].extra == (("hobby", "climbing, chess"),)


def test_duplicate_slug_in_subfolder(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {"contacts/x.md": "---\nname: X\n---\n", "contacts/old/x.md": "---\nname: X2\n---\n"}
    )
    found = problems(root)
    assert any("already used by" in p for p in found), found


def test_other_folders_from_options(write_notebook: WriteNotebook) -> None:
    root = write_notebook({"people/x.md": "---\nname: X\n---\n"})
    notebook = read_notebook(root, Options(contacts_dir="people"))
    assert list(notebook.contacts) == ["x"]


def test_reading_never_changes_a_note(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/jane-doe.md": FULL_CONTACT,
            "contacts/bob-ray.md": BOB,
            "contacts/bad.md": b"---\nname: [\n---\n",
            "interviews/x.md": FULL_INTERVIEW,
        }
    )
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    stats = {p: p.stat().st_mtime_ns for p in before}
    read_notebook(root)
    assert {p: p.read_bytes() for p in before} == before
    assert {p: p.stat().st_mtime_ns for p in before} == stats


def test_suggestions() -> None:
    # One edit apart: found within one edit, not within none.
    assert closest("thank-you", ["thank_you"], 1) == "thank_you"
    assert closest("thank-you", ["thank_you"], 0) is None
    # Of two as near, the first in sorted order, whatever order they come in.
    assert closest("ab", ["ac", "aa"]) == closest("ab", ["aa", "ac"]) == "aa"
    assert closest("Organisation", ["organization"]) == "organization"  # case ignored
    assert closest("organisation", ["organization", "role"]) == "organization"
    assert closest("zzz", ["organization", "role"]) is None


def test_profile_is_read_and_its_problems_name_the_line(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "profile.yml": "name: Sam Rivera\nsignatur: Sam\nexploring: [a, b]\n"
            "signature: |\n  Sam Rivera\n  sam@uni.example\n",
        }
    )
    notebook = read_notebook(root)
    assert notebook.profile is not None
    assert notebook.profile.name == "Sam Rivera"
    assert notebook.profile.sign_off == "Sam Rivera\nsam@uni.example"
    assert notebook.profile.exploring is None
    shown = [str(p) for p in notebook.problems]
    assert shown == [
        "profile.yml:2: warning: unknown key 'signatur' in the profile; did you mean 'signature'?",
        "profile.yml:3: error: exploring: expected text, found a list; write it as text, "
        "quoted if need be",
    ]
    (root / "profile.yml").write_text("- just a list\n", encoding="utf-8")
    (problem,) = read_notebook(root).problems
    assert problem.path == "profile.yml" and "must be a mapping" in problem.message
