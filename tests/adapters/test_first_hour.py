"""The first hour of a new user: each friction seen when trying the tool as a
newcomer, with the behaviour that replaced it."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.cli import main
from interview_kb.cli import writing as cli
from interview_kb.cli.writing import choose_editor
from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook
from interview_kb.render.links import docs_folder, link_notes
from interview_kb.render.pages import render_pages

from ..conftest import LogGuard, WriteNotebook

TODAY = date(2026, 11, 20)

NOTES = {
    "contacts/jane-doe.md": "---\nname: Jane Doe\nyears_experience: 12\n---\n",
    "contacts/maria-lopez.md": "---\nname: María López\naliases: [Maria Lopez]\n---\n",
    "contacts/maria-chen.md": "---\nname: Maria Chen\nconnection: same university\n---\n",
    "contacts/sam-okafor.md": "---\nname: Sam Okafor\n---\n",
}


@pytest.fixture
def notebook(write_notebook: WriteNotebook) -> Path:
    return write_notebook(NOTES)


def run(root: Path | None, *args: str, code: int = 0, here: Path | None = None) -> Result:
    """The command as typed: with --config when ``root`` is given, else from
    the folder ``here``."""
    given = [*args, "--config", str(root / "mkdocs.yml")] if root else list(args)
    before = Path.cwd()
    if here is not None:
        os.chdir(here)
    try:
        result = CliRunner().invoke(main, given)
    finally:
        os.chdir(before)
    assert result.exit_code == code, result.output
    return result


# 1. Commands work from any folder of the notebook.


def test_commands_find_the_notebook_from_a_subfolder(notebook: Path) -> None:
    result = run(None, "contacts", "--format", "json", here=notebook / "contacts")
    assert f"Using the notebook in {notebook.resolve()} (mkdocs.yml)" in result.stderr
    assert {row["slug"] for row in json.loads(result.stdout)} == set(Path(n).stem for n in NOTES)
    deeper = notebook / "docs" / "a" / "b"
    deeper.mkdir(parents=True)
    run(None, "log", "sam-okafor", "request", "--date", "2026-11-18", here=deeper)
    assert "kind: request" in (notebook / "contacts/sam-okafor.md").read_text(encoding="utf-8")


def test_in_the_notebook_folder_nothing_is_said(notebook: Path) -> None:
    result = run(None, "contacts", here=notebook)
    assert "Using the notebook" not in result.output


def test_outside_any_notebook_the_message_says_so(tmp_path: Path) -> None:
    result = run(None, "due", here=tmp_path, code=2)
    assert "mkdocs.yml not found here or in any folder above" in result.output


# 2. A forgotten --date.


def test_new_interview_needs_a_date(notebook: Path) -> None:
    result = run(notebook, "new", "interview", "jane-doe", code=2)
    assert "--date is needed" in result.output
    assert "as YYYY-MM-DD" in result.output
    assert not list((notebook / "interviews").glob("*.md"))


# 3. Warmth from a connection.


def test_a_connection_makes_a_contact_warm_and_the_page_says_why(notebook: Path) -> None:
    book = read_notebook(notebook, Options())
    chen = book.contacts["maria-chen"]
    assert (chen.warmth, chen.warmth_inferred) == ("warm", True)
    assert book.contacts["sam-okafor"].warmth is None  # never guessed cold
    page = render_pages(book, TODAY, Options())["contacts/maria-chen.md"]
    assert "warm (from your connection)" in page


# 4. Everyday words.


@pytest.mark.parametrize(
    ("word", "stored"),
    [("zoom", "video"), ("Teams", "video"), ("call", "phone"), ("coffee", "in-person"),
     ("in person", "in-person"), ("meet", "video")],
)  # fmt: skip
def test_new_interview_takes_everyday_words_for_the_mode(
    notebook: Path, word: str, stored: str
) -> None:
    result = run(notebook, "new", "interview", "jane-doe", "--date", "2026-12-01", "--mode", word)
    assert f"--mode '{word}' is stored as '{stored}'" in result.output
    made = read_notebook(notebook, Options()).interviews["2026-12-01-jane-doe"]
    assert made.mode == stored


@pytest.mark.parametrize(
    ("word", "stored"), [("zoom", "other"), ("e-mail", "email"), ("in person", "in-person")]
)
def test_log_takes_everyday_words_for_the_channel(notebook: Path, word: str, stored: str) -> None:
    result = run(
        notebook, "log", "sam-okafor", "request", "--channel", word, "--date", "2026-11-18"
    )
    assert f"--channel '{word}' is stored as '{stored}'" in result.output
    assert read_notebook(notebook, Options()).contacts["sam-okafor"].outreach[0].channel == stored


def test_a_note_with_an_everyday_word_gets_the_value_suggested(
    write_notebook: WriteNotebook,
) -> None:
    root = write_notebook(
        {
            **NOTES,
            "interviews/2026-11-10-jane-doe.md": (
                "---\ncontact: jane-doe\ndate: 2026-11-10\nmode: zoom\n"
                "reflection:\n  still_interested: maybe\n---\n"
            ),
        }
    )
    problems = [str(p) for p in read_notebook(root, Options()).problems]
    assert any(
        "'zoom' is not one of in-person, video, phone; did you mean 'video'?" in p for p in problems
    )
    assert any(
        "'maybe' is not one of yes, no, unsure; did you mean 'unsure'?" in p for p in problems
    )


# 5. Helpful refusals from log.


def test_log_suggests_people_by_first_name(notebook: Path) -> None:
    result = run(notebook, "log", "maria", "request", code=2)
    assert "contact 'maria' not found in contacts/; did you mean " in result.output
    assert "'maria-chen' (Maria Chen)" in result.output
    assert "'maria-lopez' (María López)" in result.output


def test_log_points_a_thank_you_to_thanked(notebook: Path) -> None:
    result = run(notebook, "log", "jane-doe", "thank-you", code=2)
    assert "interview-kb thanked INTERVIEW" in result.output


def test_log_takes_replied_as_reply(notebook: Path) -> None:
    result = run(notebook, "log", "sam-okafor", "replied", "--date", "2026-11-18")
    assert "kind 'replied' is stored as 'reply'" in result.output
    assert read_notebook(notebook, Options()).contacts["sam-okafor"].outreach[0].kind == "reply"


def test_log_suggests_a_kind_a_slip_away(notebook: Path) -> None:
    result = run(notebook, "log", "sam-okafor", "requets", code=2)
    assert "did you mean 'request'?" in result.output


# 6. The editor.


@pytest.mark.parametrize(
    ("environ", "windows", "nano", "chosen"),
    [
        ({"VISUAL": "code -w", "EDITOR": "vim"}, False, True, "code -w"),
        ({"EDITOR": "emacs"}, False, True, "emacs"),
        ({"EDITOR": "  "}, False, True, "nano"),
        ({}, True, False, "notepad"),
        ({}, False, True, "nano"),
        ({}, False, False, "vi"),
    ],
)
def test_the_editor_is_chosen_as_users_expect(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], windows: bool, nano: bool, chosen: str
) -> None:
    monkeypatch.setattr(cli.shutil, "which", lambda name: "/usr/bin/nano" if nano else None)
    assert choose_editor(environ, windows) == chosen


def test_edit_says_which_editor_opens(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        cli.click, "edit", lambda filename, editor: opened.append((filename, editor))
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "my-editor")
    result = run(notebook, "new", "contact", "Ann Lee", "--edit")
    assert "Opening it in my-editor" in result.output
    assert opened == [(str(notebook / "contacts/ann-lee.md"), "my-editor")]


# 10. stats shows the warm/cold split.


def test_stats_shows_the_warm_and_cold_split(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/a.md": "---\nname: A\nwarmth: warm\noutreach:\n"
            "  - {date: 2026-11-01, kind: request}\n  - {date: 2026-11-02, kind: reply}\n---\n",
            "contacts/b.md": "---\nname: B\nwarmth: cold\noutreach:\n"
            "  - {date: 2026-11-01, kind: request}\n---\n",
        }
    )
    result = run(root, "stats", "--today", "2026-11-20")
    assert "Answered by warmth" in result.output
    assert re.search(r"^Warm +1 of 1 asked +100%$", result.output, re.MULTILINE), result.output
    assert re.search(r"^Cold +0 of 1 asked +0%$", result.output, re.MULTILINE), result.output


# 16. Help texts give formats, not dates that read as today.


def test_help_texts_hold_no_example_dates() -> None:
    runner = CliRunner()
    commands = [
        ["due"], ["stats"], ["contacts"], ["questions"], ["export", "ics"], ["generate"],
        ["log"], ["thanked"], ["new", "interview"], ["new", "contact"],
    ]  # fmt: skip
    for command in commands:
        text = runner.invoke(main, [*command, "--help"]).output
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), (command, text)


# 11. One bad date, one report.


def test_a_bad_date_is_reported_once_where_it_is_written(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            **NOTES,
            "interviews/x.md": "---\ncontact: jane-doe\ndate: 2026-13-01\n---\n",
            "contacts/sam.md": "---\nname: Sam\noutreach:\n"
            "  - {date: 2026-11-40, kind: request}\n  - {date: 2026-11-04, kind: asked}\n---\n",
        }
    )
    problems = [str(p) for p in read_notebook(root, Options()).problems]
    assert [p for p in problems if p.startswith("interviews/x.md")] == [
        "interviews/x.md:3: error: date: '2026-13-01' is not a date; write it as 2026-11-03 "
        "(or 2026-11-03 14:30); this note is left out"
    ]
    assert [p.split(": error: ")[0] for p in problems if p.startswith("contacts/sam.md")] == [
        "contacts/sam.md:4",
        "contacts/sam.md:5",
    ]
    assert "did you mean 'request'? This event is left out" in problems[-1] or any(
        "did you mean 'request'? This event is left out" in p for p in problems
    )


# 12. A wikilink to a name or an alias shows as written.


def test_a_wikilink_to_an_alias_shows_as_written(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/samuel-okafor.md": "---\nname: Samuel Okafor\naliases: [Sam Lee]\n---\n",
            "contacts/ann.md": "---\nname: Ann\n---\nMet [[Sam Lee]], then [[samuel-okafor]].\n",
        }
    )
    body = link_notes(read_notebook(root, Options())).bodies["contacts/ann.md"]
    assert "[Sam Lee](samuel-okafor.md)" in body
    assert "[Samuel Okafor](samuel-okafor.md)" in body  # a file name shows the note's title


# 14. check reports what the build would.


def test_check_reports_the_link_problems_the_build_reports(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    root = write_notebook(
        {
            **NOTES,
            "contacts/ann.md": "---\nname: Ann\n---\nMet [[Nobody Here]] at a fair.\n",
            "docs/index.md": "# Home\n\nSee [[Nobdy]].\n",
        }
    )
    result = run(root, "check", "--format", "json")
    found = [(p["path"], p["line"], p["message"]) for p in json.loads(result.stdout)]
    assert ("contacts/ann.md", 4, "wikilink [[Nobody Here]] matches no note") in found
    assert any(path == "docs/index.md" and line == 3 for path, line, _ in found), found
    for path, line, message in found:
        log_guard.expect(f"{path}:{line}: warning: {message}")
    build(load_config(config_file=str(root / "mkdocs.yml")))
    assert len(log_guard.records) == len(found)


# 7. Dates that cannot be right.


def test_check_warns_of_dates_that_cannot_be_right(write_notebook: WriteNotebook) -> None:
    root = write_notebook(
        {
            "contacts/jane-doe.md": "---\nname: Jane Doe\noutreach:\n"
            "  - {date: 2026-10-01, kind: request}\n  - {date: 2027-10-02, kind: reply}\n---\n",
            "interviews/2026-11-03-jane-doe.md": "---\ncontact: jane-doe\ndate: 2026-11-03\n"
            "thank_you: 2026-11-02\npromised:\n  - {item: a reading list, received: 2026-10-30}\n"
            "questions:\n  - {ask: How did you start?, answer: By chance.}\n---\n",
            "interviews/2026-11-10-jane-doe.md": "---\ncontact: jane-doe\ndate: 2026-11-10\n---\n",
            "interviews/2026-11-16-jane-doe.md": "---\ncontact: jane-doe\ndate: 2026-11-16\n---\n",
        }
    )
    result = run(root, "check", "--today", "2026-11-20")
    lines = result.stdout.splitlines()
    assert lines == [
        "contacts/jane-doe.md:5: warning: outreach reply is dated 2027-10-02, after today "
        "(2026-11-20): check the year and the month",
        "interviews/2026-11-03-jane-doe.md:4: warning: thank_you 2026-11-02 is before the "
        "interview (2026-11-03): check the date",
        "interviews/2026-11-03-jane-doe.md:6: warning: 'a reading list' is marked received on "
        "2026-10-30, before the interview (2026-11-03): check the date",
        "interviews/2026-11-10-jane-doe.md:1: warning: the interview of 2026-11-10 has no "
        "answers and no reflection a week later: did it happen? Cancel it (status: cancelled) "
        "or write what you learned",
    ]  # 2026-11-16: less than a week ago, not yet
    assert result.exit_code == 0  # warnings only


# 15. Empty and first-run states.


def test_an_empty_notebook_says_what_to_do_first(write_notebook: WriteNotebook) -> None:
    root = write_notebook({})
    listed = run(root, "contacts").output
    assert listed.startswith("No contacts yet. Add the first with\n")
    assert "interview-kb import linkedin Connections.csv" in listed
    home = render_pages(read_notebook(root, Options()), TODAY, Options())["index.md"]
    assert "First steps" in home
    assert "interview-kb new interview jane-doe --date YYYY-MM-DD" in home


def test_a_new_contact_note_has_hints_that_do_not_show(notebook: Path) -> None:
    run(notebook, "new", "contact", "Ann Lee")
    text = (notebook / "contacts/ann-lee.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    assert body.startswith("<!-- Your notes on Ann Lee go here, in Markdown.")
    page = render_pages(read_notebook(notebook, Options()), TODAY, Options())["contacts/ann-lee.md"]
    assert "Your notes on" not in page
    assert "## Notes" not in page  # a body of hints only is no body


# 13. Links written as the file sits on disk.


def test_links_to_files_on_disk_resolve_or_warn_with_a_line(
    write_notebook: WriteNotebook, log_guard: LogGuard
) -> None:
    root = write_notebook(
        {
            "docs/plan.md": "# Plan\n",
            "contacts/ann.md": "---\nname: Ann\n---\nSee [the plan](../docs/plan.md), "
            "[the plan again](../plan.md)\nand [a page](../docs/nope.md).\n",
        }
    )
    body = link_notes(
        read_notebook(root, Options()), docs_folder=docs_folder(root, root / "docs")
    ).bodies["contacts/ann.md"]
    assert "[the plan](../plan.md)" in body
    assert "[the plan again](../plan.md)" in body
    assert "and a page." in body
    log_guard.expect("contacts/ann.md:5: warning: link (../docs/nope.md) leads to no note or page")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    build(config)
    assert [r.getMessage() for r in log_guard.records] == [
        "interview_kb: contacts/ann.md:5: warning: link (../docs/nope.md) leads to no note or "
        "page; from a note, write the path from the note's file, such as ../docs/plan.md"
    ]
    page = (Path(config.site_dir) / "contacts/ann/index.html").read_text(encoding="utf-8")
    assert 'href="../../plan/"' in page
    checked = run(root, "check", "--format", "json")
    assert [p["line"] for p in json.loads(checked.stdout)] == [5]
