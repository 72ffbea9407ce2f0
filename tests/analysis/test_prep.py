"""The prep sheet: what it gathers for an upcoming interview, and `prepare`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from click.testing import CliRunner

from interview_kb.analysis.prep import one_line, prep_sheet
from interview_kb.cli import main
from interview_kb.core.model import AskedQuestion, OutreachEvent, Profile
from interview_kb.render.prep import IN_PERSON_REMINDER, NO_INTRODUCTION, prep_markdown

from ..conftest import REPO, book, person, talk

TODAY = date(2026, 11, 20)


def test_one_line_is_the_first_sentence_cut_short() -> None:
    assert one_line("SQL first.  Then Python.") == "SQL first."
    assert one_line("no  full stop\nhere") == "no full stop here"
    long = "word " * 60
    cut = one_line(long, 40)
    assert cut.endswith("\u2026") and len(cut) <= 40


def test_a_sheet_gathers_ties_colleagues_and_earlier_answers() -> None:
    notebook = book(
        person(
            "ann",
            name="Ann Lee",
            role="Analyst",
            organization="Quorra Labs",
            seniority="mid",
            years_experience=4,
            introduced_by="bo",
            connection="same course",
            outreach=(OutreachEvent(d := date(2026, 11, 2), "request", "email"),),
        ),
        person("bo", name="Bo Park", organization="quorra  labs", role="Lead"),
        person("cy", name="Cy Moss"),
        talk(
            "bo",
            "2026-10-01",
            questions=(
                AskedQuestion(id="typical-day", answer="Meetings. Then code."),
                AskedQuestion(text="Own question?", answer="Yes, often."),
            ),
        ),
        talk(
            "ann",
            "2026-11-24",
            mode="in-person",
            duration=30,
            location="Cafe",
            questions=(AskedQuestion(id="typical-day"), AskedQuestion(text="Never asked?")),
        ),
    )
    sheet = prep_sheet(notebook, notebook.interviews["2026-11-24-ann"], TODAY)
    assert sheet.tie.introducer_name == "Bo Park" and sheet.tie.connection == "same course"
    assert [e.date for e in sheet.outreach] == [d]
    (colleague,) = sheet.colleagues
    assert colleague.name == "Bo Park"
    said = [(q, a.summary) for q, a in colleague.said]
    assert said == [
        ("What does a typical day look like?", "Meetings."),
        ("Own question?", "Yes, often."),
    ]
    first, second = sheet.questions
    assert first.summary == "Bo Park: Meetings."
    assert second.summary == "Nobody has answered it in your notes yet."
    assert sheet.in_person and sheet.more and sheet.more[0].id == "who-else"
    text = prep_markdown(sheet)
    assert "Ann Lee, Analyst at Quorra Labs; mid, 4 years in the field" in text
    assert IN_PERSON_REMINDER in text and NO_INTRODUCTION in text
    assert "- Introduced by Bo Park." in text
    with_profile = prep_markdown(
        prep_sheet(
            replace(notebook, profile=Profile(introduction="I teach maths.")),
            notebook.interviews["2026-11-24-ann"],
            TODAY,
        )
    )
    assert "I teach maths." in with_profile and NO_INTRODUCTION not in with_profile


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--config", str(REPO / "mkdocs.yml")])
    assert result.exit_code == code, result.output
    return result.output


def test_prepare_prints_the_example_sheet_in_markdown_and_json() -> None:
    out = run("prepare", "2026-11-24-oskar-lindqvist")
    assert out.startswith("# Prep sheet: Oskar Lindqvist, 2026-11-24 12:30\n")
    for heading in ("## Who", "## Your ties", "## Their organization", "## Logistics",
                    "## Questions", "## More questions to ask", "## Your introduction",
                    "## Notes"):  # fmt: skip
        assert f"\n{heading}\n" in out, heading
    assert "Introduced by Leo Hartmann." in out and IN_PERSON_REMINDER in out
    data = json.loads(run("prepare", "2026-12-02-aisha-bello", "--format", "json"))
    assert list(data) == [
        "interview", "who", "ties", "organization", "logistics", "questions",
        "more_questions", "introduction",
    ]  # fmt: skip
    assert data["who"]["name"] == "Aisha Bello"
    assert data["logistics"]["mode"] == "video" and data["logistics"]["reminder"] is None
    assert all(q["earlier"] for q in data["questions"])
    assert data["more_questions"][0]["id"] == "who-else"
    assert all(q["why"] for q in data["more_questions"])
    wrong = run("prepare", "2026-12-02-aisha-bell", code=2)
    assert "did you mean '2026-12-02-aisha-bello'?" in wrong
