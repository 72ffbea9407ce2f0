"""The commands that write: init, new, log, thanked, import, generate (and questions)."""

from __future__ import annotations

import json
import stat
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.analysis.questions import question_rows
from interview_kb.authoring.edits import add_outreach
from interview_kb.authoring.reading import read_contact_note
from interview_kb.cli import files as cli
from interview_kb.cli import main
from interview_kb.cli.files import GENERATED_MARKER
from interview_kb.core.model import Options, OutreachEvent
from interview_kb.reader.notes import read_notebook
from interview_kb.render.pages import render_pages

from ..conftest import REPO, LogGuard, WriteNotebook

TODAY = date(2026, 11, 20)

JANE = """\
---
# Met at the UX meetup; see the body.
name: "Jane Doe"
aliases: [Janie]
role: 'UX Researcher'
years_experience: 12
outreach:
  - date: 2026-11-01
    kind: request   # the first ask
    channel: email
tags: [ux-research]
---
Notes on Jane.

---

Still the body.
"""

NOTES = {
    "contacts/jane-doe.md": JANE,
    "contacts/bob-ray.md": "---\nname: Bob Ray\nseniority: junior\n---\n",
    "interviews/2026-11-10-jane-doe.md": (
        "---\ncontact: jane-doe\ndate: 2026-11-10\nquestions:\n  - id: typical-day\n"
        "    answer: Meetings, then synthesis.\n---\n"
    ),
}


def invoke(root: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, [*args, "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == code, result.output
    return result


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def clean_notebook(root: Path) -> None:
    notebook = read_notebook(root, Options(today=TODAY))
    assert notebook.problems == ()


@pytest.fixture
def notebook(write_notebook: WriteNotebook) -> Path:
    return write_notebook(NOTES)


# ---------------------------------------------------------------------------
# every command takes --config


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["due"],
        ["contacts"],
        ["export", "ics"],
        ["new", "contact"],
        ["new", "interview"],
        ["log"],
        ["thanked"],
        ["import", "linkedin"],
        ["import", "csv"],
        ["generate"],
        ["questions"],
        ["init"],
    ],
)
def test_every_command_takes_config(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "--config" in result.output


# ---------------------------------------------------------------------------
# init


def test_a_fresh_notebook_builds_strict(tmp_path: Path, log_guard: LogGuard) -> None:
    root = tmp_path / "notebook"
    result = CliRunner().invoke(main, ["init", str(root)])
    assert result.exit_code == 0, result.output
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} == {
        ".gitignore",
        "mkdocs.yml",
        "mkdocs.public.yml",
        "questions.yml",
        "profile.yml",
        "contacts/_template.md",
        "interviews/_template.md",
        "docs/index.md",
        "docs/notes.md",
        "docs/follow-up-rules.md",
        "docs/plan.md",
        "docs/guide/index.md",
        "docs/guide/finding-people.md",
        "docs/guide/asking.md",
        "docs/guide/preparing.md",
        "docs/guide/conversation.md",
        "docs/guide/following-up.md",
        "docs/guide/reflecting.md",
        "docs/guide/etiquette.md",
        "docs/guide/notebook.md",
        "docs/guide/templates.md",
    }
    assert (root / ".gitignore").read_text() == "site/\nsite-public/\n"
    assert read_notebook(root).problems == ()
    for config_file, site in (("mkdocs.yml", "site"), ("mkdocs.public.yml", "site-public")):
        config = load_config(config_file=str(root / config_file), strict=True)
        assert config.theme["font"] is False
        build(config)
        assert (root / site / "index.html").is_file()
        assert (root / site / "guide/templates/index.html").is_file()
    assert (root / "site/follow-ups/index.html").is_file()
    assert not (root / "site-public/follow-ups").exists()


def test_init_then_the_whole_path_without_editing_yaml(tmp_path: Path, log_guard: LogGuard) -> None:
    root = tmp_path / "nb"
    CliRunner().invoke(main, ["init", str(root)])
    (tmp_path / "Connections.csv").write_text(LINKEDIN, encoding="utf-8")
    invoke(root, "import", "linkedin", str(tmp_path / "Connections.csv"))
    invoke(root, "log", "Ana Lima", "request", "--date", "2026-11-02", "--channel", "linkedin")
    invoke(root, "new", "interview", "ana-lima", "--date", "2026-11-10", "--mode", "video")
    invoke(root, "thanked", "ana-lima", "--date", "2026-11-11")
    clean_notebook(root)
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=True))
    assert (root / "site/interviews/2026-11-10-ana-lima/index.html").is_file()


def test_init_writes_the_profile_commented_out_or_asks(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet"
    assert CliRunner().invoke(main, ["init", str(quiet), "--no-ask"]).exit_code == 0
    text = (quiet / "profile.yml").read_text(encoding="utf-8")
    assert "# name: " in text and all(
        line.startswith("#") for line in text.splitlines() if line.strip()
    )
    assert read_notebook(quiet).profile is None
    asked = tmp_path / "asked"
    answers = "Sam Rivera\na nursing student\n\n\nsam@uni.example\n"
    result = CliRunner().invoke(main, ["init", str(asked), "--ask"], input=answers)
    assert result.exit_code == 0, result.output
    notebook = read_notebook(asked)
    assert notebook.problems == ()
    assert notebook.profile is not None
    assert notebook.profile.name == "Sam Rivera"
    assert notebook.profile.background == "a nursing student"
    assert notebook.profile.exploring is None and notebook.profile.introduction is None
    assert notebook.profile.sign_off == "Sam Rivera\nsam@uni.example"
    assert "# exploring: " in (asked / "profile.yml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "not empty" in result.output and "--add-missing" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_add_missing_never_touches_a_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Mine\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--add-missing"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "docs/index.md").read_text() == "# Mine\n"
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: Mine\n"
    assert (tmp_path / "docs/guide/index.md").is_file()
    assert "Kept 2" in result.output
    again = CliRunner().invoke(main, ["init", str(tmp_path), "--add-missing"])
    assert "Added 0 files" in again.output


# ---------------------------------------------------------------------------
# new contact


def test_new_contact_writes_every_field(notebook: Path) -> None:
    result = invoke(
        notebook,
        "new",
        "contact",
        "  José  Núñez ",
        "--organization",
        "Acme, Inc.",
        "--role",
        "Data: Analyst",
        "--email",
        "jose@acme.example",
        "--phone",
        "+1 555 0100",
        "--linkedin",
        "https://www.linkedin.com/in/jose",
        "--seniority",
        "Senior",
        "--years",
        "12",
        "--warmth",
        "warm",
        "--tags",
        "data, #ux",
        "--introduced-by",
        "Janie",
        "--location",
        "Lisbon",
    )
    assert result.output == "Created contacts/jose-nunez.md\n"
    clean_notebook(notebook)
    contact = read_notebook(notebook).contacts["jose-nunez"]
    assert (contact.name, contact.organization, contact.role) == (
        "José Núñez",
        "Acme, Inc.",
        "Data: Analyst",
    )
    assert (contact.seniority, contact.years_experience, contact.introduced_by) == (
        "senior",
        12,
        "jane-doe",
    )
    assert contact.tags == ("data", "ux")
    assert contact.phone == "+1 555 0100"
    text = (notebook / "contacts/jose-nunez.md").read_text(encoding="utf-8")
    assert "\n# website: " in text and "\n# outreach:" in text


@pytest.mark.parametrize("name", ["Jane Doe", "jane   DOE", "janie"])
def test_new_contact_refuses_a_name_already_there(notebook: Path, name: str) -> None:
    before = snapshot(notebook)
    result = invoke(notebook, "new", "contact", name, code=1)
    assert "contacts/jane-doe.md" in result.output
    assert "--duplicate" in result.output
    assert snapshot(notebook) == before


def test_new_contact_duplicate_takes_a_free_slug(notebook: Path) -> None:
    (notebook / "contacts/jane-doe-2.md").write_text("---\nname: Someone Else\n---\n")
    result = invoke(notebook, "new", "contact", "Jane Doe", "--duplicate")
    assert result.output == "Created contacts/jane-doe-3.md\n"
    assert (notebook / "contacts/jane-doe.md").read_text(encoding="utf-8") == JANE


def test_new_contact_refuses_a_taken_file_name(notebook: Path) -> None:
    (notebook / "contacts/ann-lee.md").write_text("---\nname: [broken\n---\n")
    before = snapshot(notebook)
    result = invoke(notebook, "new", "contact", "Ann Lee", code=1)
    assert "contacts/ann-lee.md already exists" in result.output
    assert snapshot(notebook) == before


def test_new_contact_bad_input(notebook: Path) -> None:
    before = snapshot(notebook)
    unknown = invoke(notebook, "new", "contact", "Ann Lee", "--introduced-by", "jane-do", code=2)
    assert "'jane-do' not found in contacts/; did you mean 'jane-doe'?" in unknown.output
    nameless = invoke(notebook, "new", "contact", "王伟", code=2)
    assert "--slug" in nameless.output
    assert len(nameless.output.strip().splitlines()) == 1
    bad_slug = invoke(notebook, "new", "contact", "王伟", "--slug", "Wang Wei", code=2)
    assert "--slug" in bad_slug.output
    assert snapshot(notebook) == before
    invoke(notebook, "new", "contact", "王伟", "--slug", "wang-wei")
    assert read_notebook(notebook).contacts["wang-wei"].name == "王伟"


def test_new_contact_edit_opens_the_editor(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(cli.click, "edit", lambda **kw: opened.append(kw["filename"]))
    invoke(notebook, "new", "contact", "Ann Lee", "--edit")
    assert opened == [str(notebook / "contacts/ann-lee.md")]


# ---------------------------------------------------------------------------
# new interview


def test_new_interview(notebook: Path) -> None:
    first = invoke(
        notebook, "new", "interview", "jane-doe", "--date", "2026-11-20", "--time", "14:30",
        "--mode", "video",
    )  # fmt: skip
    assert first.output.startswith("Created interviews/2026-11-20-jane-doe.md\n")
    assert "for a senior person" in first.output
    # The referral question always; a question asked before may come again.
    assert "who-else" in first.output
    # The same person on the same day: refused unless it is meant.
    again = invoke(notebook, "new", "interview", "Jane Doe", "--date", "2026-11-20", code=1)
    assert again.output == (
        "Error: interviews/2026-11-20-jane-doe.md is already a conversation with Jane Doe on "
        "2026-11-20; to add a second one that day, add --duplicate\n"
    )
    second = invoke(notebook, "new", "interview", "Jane Doe", "--date", "2026-11-20", "--duplicate")
    assert second.output.startswith("Created interviews/2026-11-20-jane-doe-2.md\n")
    clean_notebook(notebook)
    interviews = read_notebook(notebook).interviews
    made = interviews["2026-11-20-jane-doe"]
    assert (made.contact, made.date, str(made.time), made.mode) == (
        "jane-doe",
        TODAY,
        "14:30:00",
        "video",
    )
    text = (notebook / "interviews/2026-11-20-jane-doe.md").read_text(encoding="utf-8")
    assert "  # - id: who-else" in text
    suggested = [line.split()[3] for line in text.splitlines() if line.startswith("  # - id: ")]
    bank = read_notebook(notebook).bank
    assert len(suggested) == 8 and len({bank[i].category for i in suggested}) >= 6


def test_new_interview_suggestions_suit_the_seniority(notebook: Path) -> None:
    result = invoke(
        notebook, "new", "interview", "bob-ray", "--date", "2026-12-01", "--suggest", "50"
    )
    listed = {line.split()[0] for line in result.output.splitlines()[2:]}
    notebook_bank = read_notebook(notebook).bank
    assert listed and all(notebook_bank[i].suits("junior") for i in listed)
    assert "who-else" in listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--date", "2026-12-01"], "contact 'nobody' not found in contacts/"),
        (["jane-do", "--date", "2026-12-01"], "did you mean 'jane-doe'?"),
        (["jane-doe", "--date", "20/11/2026"], "--date '20/11/2026' is not a date"),
        (["jane-doe", "--date", "2026-12-01", "--time", "2pm"], "--time '2pm' is not a time"),
        (["jane-doe"], "--date is needed: the day of the conversation, as YYYY-MM-DD"),
        (
            ["jane-doe", "--date", "2026-12-01", "--mode", "carrier pigeon"],
            "--mode 'carrier pigeon' is not one of in-person, video, phone",
        ),
    ],
)
def test_new_interview_bad_input(notebook: Path, args: list[str], message: str) -> None:
    before = snapshot(notebook)
    result = invoke(notebook, "new", "interview", *args, code=2)
    assert message in result.output
    assert snapshot(notebook) == before


# ---------------------------------------------------------------------------
# log


def test_log_appends_one_event(notebook: Path) -> None:
    path = notebook / "contacts/jane-doe.md"
    result = invoke(
        notebook, "log", "jane-doe", "Follow-Up", "--channel", "EMAIL", "--note", "  Nudged.  "
    )
    assert result.output == "Logged follow-up by email on 2026-11-20 in contacts/jane-doe.md\n"
    assert path.read_text(encoding="utf-8") == JANE.replace(
        "    channel: email\n",
        "    channel: email\n"
        "  - date: 2026-11-20\n    kind: follow-up\n    channel: email\n    note: Nudged.\n",
    )
    invoke(notebook, "log", "Janie", "reply", "--date", "2026-11-21")
    contact = read_notebook(notebook).contacts["jane-doe"]
    assert [e.kind for e in contact.outreach] == ["request", "follow-up", "reply"]


def test_log_keeps_crlf_a_bom_and_the_file_mode(notebook: Path) -> None:
    path = notebook / "contacts/jane-doe.md"
    before = b"\xef\xbb\xbf" + JANE.replace("\n", "\r\n").encode()
    path.write_bytes(before)
    path.chmod(0o640)
    invoke(notebook, "log", "jane-doe", "reply")
    after = path.read_bytes()
    added = b"  - date: 2026-11-20\r\n    kind: reply\r\n"
    assert after == before.replace(b"channel: email\r\n", b"channel: email\r\n" + added, 1)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["bob-ray.md", "jane-doe.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["jane-doe", "reqest"], "kind 'reqest' is not one of request, follow-up"),
        (["jane-doe", "reqest"], "did you mean 'request'?"),
        (["jane-doe", "reply", "--channel", "fax"], "--channel 'fax' is not one of"),
        (["jane-doe", "reply", "--date", "2026-13-01"], "--date '2026-13-01' is not a date"),
        (["jane", "reply"], "contact 'jane' not found"),
    ],
)
def test_log_bad_input(notebook: Path, args: list[str], message: str) -> None:
    before = snapshot(notebook)
    result = invoke(notebook, "log", *args, code=2)
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(notebook) == before


@pytest.mark.parametrize(
    "text",
    [
        "---\nname: Ann Lee\noutreach: [{date: 2026-11-01, kind: request}\n---\n",
        "---\nname: Ann Lee\noutreach:\n  - {date: 2026-11-01, kind: asked}\n---\n",
        "---\nname: Ann Lee\nintroduced_by: nobody\n---\n",
    ],
)
def test_log_leaves_a_broken_note_alone(notebook: Path, text: str) -> None:
    path = notebook / "contacts/ann-lee.md"
    path.write_text(text, encoding="utf-8")
    before = snapshot(notebook)
    result = invoke(notebook, "log", "ann-lee", "request", code=1)
    assert "contacts/ann-lee.md:" in result.output
    assert "left as it is" in result.output
    assert snapshot(notebook) == before


def test_a_failed_rename_leaves_the_note_and_no_temporary_file(
    notebook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(notebook)

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cli.os, "replace", fail)
    result = invoke(notebook, "log", "jane-doe", "reply", code=1)
    assert "cannot write contacts/jane-doe.md: disk full; the note is unchanged" in result.output
    assert snapshot(notebook) == before


def test_a_note_changed_meanwhile_is_not_overwritten(notebook: Path) -> None:
    path = notebook / "contacts/jane-doe.md"
    raw = path.read_bytes()
    changed = add_outreach(raw, OutreachEvent(TODAY, "reply"), "contacts/jane-doe.md")
    path.write_bytes(raw + b"edited elsewhere\n")
    with pytest.raises(cli.click.ClickException, match="changed while"):
        cli.replace_file(path, raw, changed)
    assert path.read_bytes() == raw + b"edited elsewhere\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["bob-ray.md", "jane-doe.md"]


def test_readers_see_the_old_note_or_the_new_one_never_half(notebook: Path) -> None:
    path = notebook / "contacts/jane-doe.md"
    seen: list[int] = []
    failures: list[object] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            contact, problems = read_contact_note(path.read_bytes(), "contacts/jane-doe.md")
            if contact is None or problems:
                failures.append(problems)
            else:
                seen.append(len(contact.outreach))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for day in range(1, 31):
            raw = path.read_bytes()
            event = OutreachEvent(date(2026, 12, day), "note", note="x" * 2000)
            cli.replace_file(path, raw, add_outreach(raw, event, "contacts/jane-doe.md"))
    finally:
        done.set()
        reader.join()
    assert failures == []
    assert seen == sorted(seen)
    assert len(read_notebook(notebook).contacts["jane-doe"].outreach) == 31


# ---------------------------------------------------------------------------
# thanked


def test_thanked(notebook: Path) -> None:
    path = notebook / "interviews/2026-11-10-jane-doe.md"
    before = path.read_text(encoding="utf-8")
    result = invoke(notebook, "thanked", "2026-11-10-jane-doe", "--date", "2026-11-11")
    assert result.output == "Set thank_you: 2026-11-11 in interviews/2026-11-10-jane-doe.md\n"
    assert before.endswith("answer: Meetings, then synthesis.\n---\n")
    assert path.read_text(encoding="utf-8") == before[:-4] + "thank_you: 2026-11-11\n---\n"
    again = invoke(notebook, "thanked", "jane-doe")  # the contact's latest held interview
    assert (
        again.output
        == "Set thank_you: 2026-11-20 (was 2026-11-11) in interviews/2026-11-10-jane-doe.md\n"
    )
    assert path.read_text(encoding="utf-8").count("thank_you:") == 1
    clean_notebook(notebook)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-11-10-jane-do"], "did you mean '2026-11-10-jane-doe'?"),
        (["bob-ray"], "bob-ray has no interview held by 2026-11-20"),
        (["jane-doe", "--date", "soon"], "--date 'soon' is not a date"),
    ],
)
def test_thanked_bad_input(notebook: Path, args: list[str], message: str) -> None:
    before = snapshot(notebook)
    result = invoke(notebook, "thanked", *args, code=2)
    assert message in result.output
    assert snapshot(notebook) == before


# ---------------------------------------------------------------------------
# import

LINKEDIN = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed it."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    'Ana,Lima,https://www.linkedin.com/in/ana-lima,,"Acme, Inc.",Data Analyst,05 Nov 2024\r\n'
    ",,,,,,\r\n"
    "Jane,Doe,https://www.linkedin.com/in/jane-doe,,Northwind,UX Researcher,01 Jan 2020\r\n"
    'Zed,Ray,,zed@x.example,Foo,"Senior ""UX"" Researcher",15 Mar 2024\r\n'
)


def write_csv(tmp_path: Path, text: str, bom: bool = True) -> str:
    path = tmp_path / "Connections.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def test_import_linkedin(notebook: Path, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path, LINKEDIN)
    before = snapshot(notebook)
    dry = invoke(notebook, "import", "linkedin", csv_file, "--dry-run", "--tag", "linkedin")
    assert snapshot(notebook) == before
    assert dry.output.splitlines() == [
        "would create contacts/ana-lima.md: Ana Lima (Acme, Inc.)",
        "skipped Jane Doe: the same name as contacts/jane-doe.md",
        "would create contacts/zed-ray.md: Zed Ray (Foo)",
        "2 would be created, 1 skipped (dry run: nothing written)",
    ]
    result = invoke(notebook, "import", "linkedin", csv_file, "--tag", "linkedin")
    assert result.output.splitlines()[-1] == "2 created, 1 skipped"
    clean_notebook(notebook)
    contacts = read_notebook(notebook).contacts
    ana = contacts["ana-lima"]
    assert (ana.organization, ana.role, ana.linkedin, ana.email, ana.outreach, ana.tags) == (
        "Acme, Inc.",
        "Data Analyst",
        "https://www.linkedin.com/in/ana-lima",
        None,
        (),
        ("linkedin",),
    )
    assert ana.connection == "LinkedIn connection since 2024-11-05"
    assert contacts["zed-ray"].role == 'Senior "UX" Researcher'
    assert contacts["zed-ray"].email == "zed@x.example"
    assert (notebook / "contacts/jane-doe.md").read_text(encoding="utf-8") == JANE
    again = invoke(notebook, "import", "linkedin", csv_file)
    assert again.output.splitlines()[-1] == "0 created, 3 skipped"
    assert "skipped Ana Lima: the same LinkedIn URL as contacts/ana-lima.md" in again.output


def test_import_linkedin_filters_and_no_url_column(notebook: Path, tmp_path: Path) -> None:
    text = (
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ana,Lima,,Acme,Data Analyst,05 Nov 2024\n"
        "Zed,Ray,,Foo,Senior UX Researcher,15 Mar 2024\n"
        "Max,Mill,,ACME Labs,Engineer,15 Mar 2024\n"
    )
    csv_file = write_csv(tmp_path, text, bom=False)
    result = invoke(
        notebook, "import", "linkedin", csv_file, "--company", "acme", "--position", "ANALYST"
    )
    assert result.output.splitlines() == [
        "created contacts/ana-lima.md: Ana Lima (Acme)",
        "1 created, 0 skipped, 2 left out by --company/--position",
    ]


def test_import_bad_files(notebook: Path, tmp_path: Path) -> None:
    before = snapshot(notebook)
    no_header = write_csv(tmp_path, "Notes:\nname,email\n")
    result = invoke(notebook, "import", "linkedin", no_header, code=2)
    assert "no header row starting with 'First Name" in result.output
    missing = invoke(notebook, "import", "linkedin", str(tmp_path / "nope.csv"), code=2)
    assert "does not exist" in missing.output
    (tmp_path / "latin1.csv").write_bytes("First Name,Last Name\nJosé,X\n".encode("latin-1"))
    latin = invoke(notebook, "import", "linkedin", str(tmp_path / "latin1.csv"), code=2)
    assert "not UTF-8" in latin.output
    assert snapshot(notebook) == before


def test_import_generic_csv(notebook: Path, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "name,organization,role,email,tags,notes\n"
        "Ana Lima,Acme,Analyst,ana@acme.example,data;ux,met at a fair\n"
        "bob ray,X,Y,,,\n",
        encoding="utf-8",
    )
    result = invoke(notebook, "import", "csv", str(path))
    assert "ignoring the columns notes" in result.output
    assert "skipped bob ray: the same name as contacts/bob-ray.md" in result.output
    clean_notebook(notebook)
    ana = read_notebook(notebook).contacts["ana-lima"]
    assert (ana.email, ana.tags) == ("ana@acme.example", ("data", "ux"))


# ---------------------------------------------------------------------------
# generate


def test_generate_writes_every_page(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(notebook, "generate", str(out), "--today", "2026-11-20")
    options = Options(today=TODAY)
    pages = render_pages(read_notebook(notebook, options), TODAY, options, directory_urls=None)
    assert result.output == f"Wrote {len(pages)} files to {out}\n"
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # The marker that lets a later run replace the folder lists every page.
    marker = written.pop(GENERATED_MARKER).decode("utf-8").splitlines()
    assert sorted(marker[1:]) == sorted(pages)
    assert written == {
        name: content.encode("utf-8") if isinstance(content, str) else content
        for name, content in pages.items()
    }


def test_generate_never_overwrites(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "contacts").mkdir(parents=True)
    (out / "contacts/jane-doe.md").write_text("mine")
    result = invoke(notebook, "generate", str(out), code=1)
    assert "already holds 1 of the files" in result.output
    assert [p.relative_to(out).as_posix() for p in out.rglob("*")] == [
        "contacts",
        "contacts/jane-doe.md",
    ]
    assert (out / "contacts/jane-doe.md").read_text() == "mine"


@pytest.mark.parametrize("inside", ["contacts", "interviews/x", "docs/generated"])
def test_generate_refuses_the_notes_folders(notebook: Path, inside: str) -> None:
    result = invoke(notebook, "generate", str(notebook / inside), code=1)
    assert "choose a folder outside it" in result.output
    assert not (notebook / inside / "contacts.md").exists()


def test_generate_keeps_paths_inside_outdir(
    notebook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interview_kb.pipeline

    monkeypatch.setattr(
        interview_kb.pipeline, "render_pages", lambda *a, **k: {"ok.md": "x", "../evil.md": "x"}
    )
    result = invoke(notebook, "generate", str(tmp_path / "out"), code=1)
    assert "'../evil.md' would fall outside" in result.output
    assert not (tmp_path / "evil.md").exists()
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------------------
# questions


def test_questions_json_is_the_bank_view() -> None:
    config = str(REPO / "mkdocs.yml")
    result = CliRunner().invoke(main, ["questions", "--format", "json", "--config", config])
    assert result.exit_code == 0, result.output
    options = Options(today=TODAY, holidays_country="US")
    assert json.loads(result.stdout) == question_rows(read_notebook(REPO, options), TODAY)


def test_questions_text(notebook: Path) -> None:
    out = invoke(notebook, "questions").output
    assert out.startswith("Background\n")
    assert "\nDay-to-day\n" in out
    assert "  What does a typical day or week look like for you?  [typical-day]  asked 1\n" in out
    assert "      Jane Doe: Meetings, then synthesis.\n" in out


def test_no_command_leaves_temporary_files(notebook: Path, tmp_path: Path) -> None:
    invoke(notebook, "log", "jane-doe", "reply")
    invoke(notebook, "thanked", "2026-11-10-jane-doe")
    leftovers = [p for p in notebook.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []


def test_generate_into_the_notebook_itself_is_refused(notebook: Path) -> None:
    result = invoke(notebook, "generate", str(notebook), code=1)
    assert "would be written inside the contacts folder" in result.output
    assert not (notebook / "contacts.md").exists()
