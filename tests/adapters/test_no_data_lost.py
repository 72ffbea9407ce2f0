"""No data lost (issue 9, item 5): no command changes a byte it was not asked
to change, and a command killed in the middle of its write leaves every note
either as it was or as the command would have left it.

Everything runs on a copy of the example notebook at the top of the repository.

The interruption tests kill the command in three ways:

- at random times spread over its whole run (SIGKILL from the test), and as
  soon as its temporary file shows up in the folder (the write is under way);
- deterministically, before each file operation of the write in turn: a small
  bootstrap runs the command with a Python audit hook that sends itself
  SIGKILL at the K-th audit event counted from its first change inside the
  note folders, for every K until the command runs through;
- in the middle of writing the bytes: with ``RLIMIT_FSIZE`` set to N bytes and
  SIGXFSZ at its default action, the kernel stops the process within the
  ``write`` that goes past byte N of any file.

After every kill the invariant is the same, whatever the kill hit: each note
the command writes is byte for byte the old file (or absent, for a new note)
or the complete new one; every other file is unchanged; whatever else is
left is a temporary file that the reader does not take for a note; the
reader reads the notebook without a problem.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from interview_kb.authoring.starter import starter_files
from interview_kb.cli import main
from interview_kb.cli.app import Setup, load_setup

from ..conftest import REPO

EXAMPLE = ("mkdocs.yml", "mkdocs.public.yml", "questions.yml", "contacts", "interviews", "docs")
NOTE_FOLDERS = ("contacts", "interviews")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def copy_example(target: Path) -> Path:
    """A copy of the example notebook in ``target`` (new)."""
    target.mkdir(parents=True)
    for name in EXAMPLE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root``: ``{relative path: bytes}``."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def invoke(root: Path | None, *args: str, code: int | None = 0) -> Result:
    """Run a command in-process; ``--config`` points at ``root``'s mkdocs.yml."""
    config = ["--config", str(root / "mkdocs.yml")] if root is not None else []
    result = CliRunner().invoke(main, [*args, *config])
    if code is None:
        assert result.exit_code != 0, result.output
    else:
        assert result.exit_code == code, (args, result.output, result.exception)
    return result


def leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every command of the command line, as its words (``("import", "csv")``)."""
    found: set[tuple[str, ...]] = set()
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found |= leaf_commands(command, (*prefix, name))
        else:
            found.add((*prefix, name))
    return found


def command_of(args: Sequence[str]) -> tuple[str, ...]:
    """The command words at the start of ``args``."""
    words: list[str] = []
    group: click.Command = main
    for word in args:
        if not isinstance(group, click.Group) or word not in group.commands:
            break
        words.append(word)
        group = group.commands[word]
    return tuple(words)


def line_changes(old: bytes, new: bytes) -> tuple[list[bytes], list[bytes]]:
    """The lines (with their endings) removed from ``old`` and added in ``new``."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    removed: list[bytes] = []
    added: list[bytes] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


def read_clean(setup: Setup, root: Path) -> tuple[set[str], set[str]]:
    """The notebook at ``root`` read with the example's options: no problem
    allowed. Returns the contact and interview slugs."""
    notebook = Setup(root, setup.options, root / "docs").read()
    assert notebook.problems == (), [str(p) for p in notebook.problems]
    return set(notebook.contacts), set(notebook.interviews)


def added_notes(notes: tuple[set[str], set[str]], new: Iterable[str]) -> tuple[set[str], set[str]]:
    """The contact and interview slugs ``notes`` with the notes ``new`` (paths) added."""
    contacts, interviews = set(notes[0]), set(notes[1])
    for name in new:
        folder, _, file = name.partition("/")
        {"contacts": contacts, "interviews": interviews}[folder].add(Path(file).stem)
    return contacts, interviews


@pytest.fixture(scope="module")
def example_setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    """The example notebook's options, as the command line reads them."""
    root = copy_example(tmp_path_factory.mktemp("setup") / "notebook")
    return load_setup(str(root / "mkdocs.yml"))


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder: a command that writes where it was not asked
    to (a relative path) shows up in it."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# ---------------------------------------------------------------------------
# (a) every command, and the builds, over a copy of the example


CSV = (
    "name,organization,role,email,tags\n"
    "Zoe Quill,Acme Labs,Data Analyst,zoe@acme.example,imported\n"
    "Priya Raman,Northwind Health,,,\n"
    "Omar Haddad,City Library,Archivist,,\n"
)
LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice ..."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lima,https://www.linkedin.com/in/ana-lima,,Acme,Data Analyst,05 Nov 2024\n"
    "Priya,Raman,https://linkedin.example/in/priya-raman,,Northwind Health,UX,01 Jan 2025\n"
)


VAULT = {
    "Dana Whitlow.md": (
        '---\ncompany: "[[Acme Robotics]]"\nposition: Staff Engineer\n'
        "email:\n  - work: dana@acme.example\ntags: [people]\n---\nMet at a meetup.\n"
    ),
    "raj-patel.md": (
        "---\nfull_name:\nemployer: Fieldmark Analytics\njob_title: Analyst\n"
        'introduced_by: "[[Dana Whitlow]]"\n---\n# Raj Patel\n'
    ),
    "People MOC.md": "- [[Dana Whitlow]]\n- [[Raj Patel]]\n",
}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """CSV files to import, outside the notebook."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "people.csv").write_text(CSV, encoding="utf-8")
    (folder / "Connections.csv").write_bytes(b"\xef\xbb\xbf" + LINKEDIN.encode("utf-8"))
    # An Obsidian vault's people folder, for `import obsidian`: a title-named
    # note, a CRM-style note named by its heading, and an index note.
    people = folder / "People"
    people.mkdir()
    for name, text in VAULT.items():
        (people / name).write_text(text, encoding="utf-8")
    return folder


def reading_runs(out: Path, inputs: Path) -> list[list[str]]:
    """Every command that must leave the notebook as it is, with its variants.
    Outputs asked for go to ``out``, outside the notebook."""
    return [
        ["check"],
        ["check", "--format", "json"],
        ["due"],
        ["due", "--format", "json"],
        ["due", "--all", "--today", "2026-12-15"],
        ["contacts"],
        ["contacts", "--format", "json"],
        ["questions"],
        ["questions", "--format", "json"],
        ["stats"],
        ["stats", "--format", "json"],
        ["export", "ics"],
        ["export", "ics", "-o", "-"],
        ["export", "ics", "-o", str(out / "follow-ups.ics")],
        ["export", "csv", "contacts", "-o", str(out / "contacts.csv")],
        ["export", "csv", "interviews", "-o", str(out / "interviews.csv")],
        ["guide"],
        ["guide", "--review"],
        ["guide", "--review", "--format", "json"],
        ["generate", str(out / "generated")],
        ["import", "csv", "--dry-run", str(inputs / "people.csv")],
        ["import", "linkedin", "--dry-run", str(inputs / "Connections.csv")],
        ["import", "obsidian", "--dry-run", str(inputs / "People")],
        ["draft", "follow-up", "helena-brandt"],
        ["draft", "referral", "2026-11-13-farah-haddad", "--format", "json"],
        ["prepare", "2026-11-24-oskar-lindqvist"],
        ["prepare", "2026-12-02-aisha-bello", "--format", "json"],
    ]


def mkdocs_build(config: Path, cwd: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_reading_commands_and_builds_leave_every_file_as_it_was(
    tmp_path: Path, elsewhere: Path, inputs: Path
) -> None:
    root = copy_example(tmp_path / "notebook")
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(root)
    inputs_before = snapshot(inputs)
    for args in reading_runs(out, inputs):
        result = invoke(root, *args)
        assert snapshot(root) == before, f"{args} changed the notebook"
        if args[:2] == ["export", "ics"] and not args[-1].endswith(".ics"):
            assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR"), args
    invoke(None, "--version")
    invoke(None, "--help")
    mkdocs_build(root / "mkdocs.yml", elsewhere)
    mkdocs_build(root / "mkdocs.public.yml", elsewhere)

    after = snapshot(root)
    assert sorted(set(before) - set(after)) == [], "files were removed"
    assert [name for name in before if after[name] != before[name]] == []
    new = sorted(set(after) - set(before))
    assert new, "the builds wrote nothing"
    assert [n for n in new if not n.startswith(("site/", "site-public/"))] == []
    assert snapshot(inputs) == inputs_before
    assert list(elsewhere.iterdir()) == [], "a command wrote into the working folder"
    assert (out / "follow-ups.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (out / "generated" / "contacts" / "priya-raman.md").is_file()
    assert (out / "contacts.csv").read_bytes().startswith(b"\xef\xbb\xbfslug,name,")
    assert sorted(p.name for p in out.iterdir()) == [
        "contacts.csv",
        "follow-ups.ics",
        "generated",
        "interviews.csv",
    ]


def refused_runs(root: Path, inputs: Path, out: Path) -> list[list[str]]:
    """Commands that must refuse, and write nothing."""
    return [
        ["log", "nobody-at-all", "reply"],
        ["log", "priya-raman", "lunch"],
        ["log", "priya-raman", "reply", "--date", "2026-02-30"],
        ["thanked", "no-such-interview"],
        ["thanked", "2026-11-06-mei-lin-zhou", "--date", "yesterday-ish"],
        ["received", "2026-10-21-kwame-asante", "3"],
        ["received", "2026-10-21-kwame-asante", "critique night", "--date", "2026-13-01"],
        ["received", "2026-10-21-kwame-asante", "nothing like it"],
        ["received", "2026-11-13-farah-haddad", "glossary", "--date", "2026-11-20", "--dry-run"],
        ["cancel", "2026-12-02-aisha-bel"],
        ["cancel", "2026-12-02-aisha-bello", "--dry-run"],
        ["reschedule", "2026-12-02-aisha-bello", "next tuesday"],
        ["reschedule", "2026-12-02-aisha-bello", "2026-12-09 09:00", "--dry-run"],
        ["remind", "naomi", "2027-03-01", "again"],
        ["remind", "naomi-feld", "2027-02-30", "again"],
        ["remind", "naomi-feld", "2027-04-01", "again", "--dry-run"],
        ["remind", "--done", "naomi-feld", "2"],
        ["remind", "--done", "naomi-feld", "1", "--dry-run"],
        ["reflect", "2026-11-13-farah-haddad", "--still-interested", "maybe-ish"],
        ["reflect", "2026-11-13-farah-haddad", "--rating", "9"],
        ["reflect", "2026-11-13-farah-haddad", "--learned", "x", "--dry-run"],
        ["reflect", "2026-11-13-farah-haddad", "--dry-run"],
        ["new", "contact", "Priya Raman"],
        ["new", "contact", "Someone Else", "--slug", "priya-raman"],
        ["new", "interview", "nobody-at-all"],
        ["export", "ics", "-o", str(root / "contacts" / "priya-raman.md")],
        ["export", "ics", "-o", str(root / "questions.yml")],
        ["export", "csv", "contacts", "-o", str(root / "contacts" / "priya-raman.md")],
        ["export", "csv", "teams", "-o", str(out / "teams.csv")],
        ["generate", str(root)],
        ["generate", str(root / "contacts")],
        ["generate", str(root / "interviews" / "pages")],
        ["generate", str(root / "docs")],
        ["generate", str(out)],  # holds a file generate would write
        ["import", "csv", str(inputs / "Connections.csv")],  # no 'name' header
        ["import", "obsidian", str(root / "contacts")],  # the notebook's own folder
        ["share", "--out", str(out)],  # holds files share did not write
        ["share", "--out", str(root / "contacts")],
        ["share", "--out", str(root)],
        # A server that runs writes nothing either (test_cli_serve).
        ["serve", "--dev-addr", "notebook.example:8000"],
    ]


def test_refused_commands_write_nothing(tmp_path: Path, elsewhere: Path, inputs: Path) -> None:
    root = copy_example(tmp_path / "notebook")
    out = tmp_path / "out"
    (out / "contacts").mkdir(parents=True)
    (out / "contacts" / "priya-raman.md").write_bytes(b"mine\n")
    before, out_before = snapshot(root), snapshot(out)
    for args in refused_runs(root, inputs, out):
        invoke(root, *args, code=0 if "--dry-run" in args else None)
        assert snapshot(root) == before, f"{args} changed the notebook"
        assert snapshot(out) == out_before, f"{args} changed {out}"
    result = CliRunner().invoke(main, ["init", str(root)])
    assert result.exit_code != 0
    assert snapshot(root) == before
    assert list(elsewhere.iterdir()) == []


@dataclass(frozen=True)
class Edit:
    """A writing command and what it may change: ``changed`` maps a note to
    the lines it loses and gains; ``created`` are the new files."""

    args: tuple[str, ...]
    changed: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    created: frozenset[str] = frozenset()


WRITES = {
    "log-to-a-list": Edit(
        ("log", "priya-raman", "reply", "--date", "2026-11-19", "--channel", "email",
         "--note", "Yes to a second chat."),
        {"contacts/priya-raman.md": ((), (
            "  - date: 2026-11-19", "    kind: reply", "    channel: email",
            "    note: Yes to a second chat.",
        ))},
    ),
    "log-by-name-first-event": Edit(
        ("log", "Inês Carvalho", "request", "--date", "2026-11-19", "--channel", "linkedin"),
        {"contacts/ines-carvalho.md": ((), (
            "outreach:", "  - date: 2026-11-19", "    kind: request", "    channel: linkedin",
        ))},
    ),
    "thanked-new-key": Edit(
        ("thanked", "2026-11-06-mei-lin-zhou", "--date", "2026-11-07"),
        {"interviews/2026-11-06-mei-lin-zhou.md": ((), ("thank_you: 2026-11-07",))},
    ),
    "thanked-replaced": Edit(
        ("thanked", "farah-haddad", "--date", "2026-11-15"),
        {"interviews/2026-11-13-farah-haddad.md": (
            ("thank_you: 2026-11-14",), ("thank_you: 2026-11-15",)
        )},
    ),
    "thanked-already-so": Edit(("thanked", "2026-11-13-farah-haddad", "--date", "2026-11-14"), {}),
    "received-by-number": Edit(
        ("received", "2026-10-21-kwame-asante", "2", "--date", "2026-11-01"),
        {"interviews/2026-10-21-kwame-asante.md": (
            ("  - Invitation to the Design Switchers critique night",),
            ("  - {item: Invitation to the Design Switchers critique night, "
             "received: 2026-11-01}",),
        )},
    ),
    "received-by-text-replaced": Edit(
        ("received", "Kwame Asante", "CAPSTONE", "--date", "2026-10-23"),
        {"interviews/2026-10-21-kwame-asante.md": (
            ("    received: 2026-10-22",), ("    received: 2026-10-23",),
        )},
    ),
    "cancel": Edit(
        ("cancel", "aisha-bello"),
        {"interviews/2026-12-02-aisha-bello.md": (
            ("status: scheduled",), ("status: cancelled",),
        )},
    ),
    "reschedule": Edit(
        ("reschedule", "2026-12-02-aisha-bello", "2026-12-09 14:30"),
        {"interviews/2026-12-02-aisha-bello.md": (("date: 2026-12-02",), ("date: 2026-12-09 14:30",))},
    ),
    "remind": Edit(
        ("remind", "Naomi Feld", "2027-04-15", "Ask about the summer research sprint"),
        {"contacts/naomi-feld.md": ((), (
            "  - date: 2027-04-15", "    note: Ask about the summer research sprint",
        ))},
    ),
    "remind-first": Edit(
        ("remind", "priya-raman", "2027-01-10", "Share the case study: she asked"),
        {"contacts/priya-raman.md": ((), (
            "reminders:", "  - date: 2027-01-10", "    note: 'Share the case study: she asked'",
        ))},
    ),
    "remind-done": Edit(
        ("remind", "--done", "naomi-feld", "1"),
        {"contacts/naomi-feld.md": ((), ("    done: yes",))},
    ),
    "reflect-fields": Edit(
        ("reflect", "2026-11-13-farah-haddad", "--learned", "Write the metric first.",
         "--still-interested", "yes", "--rating", "5", "--next-step", "Write to Marcus"),
        {"interviews/2026-11-13-farah-haddad.md": ((), (
            "reflection:", "  learned: Write the metric first.", "  still_interested: yes",
            "  rating: 5", "  next_steps:", "    - Write to Marcus",
        ))},
    ),
    "reflect-replaces-and-adds": Edit(
        ("reflect", "mei-lin-zhou", "--rating", "4", "--next-step", "Ask about data roles"),
        {"interviews/2026-11-06-mei-lin-zhou.md": (("  rating: 3",), (
            "  rating: 4", "    - Ask about data roles",
        ))},
    ),
    "new-contact": Edit(
        ("new", "contact", "Zoe Quill", "--organization", "Acme Labs", "--role", "Analyst",
         "--tags", "data, imported", "--introduced-by", "priya-raman"),
        {},
        frozenset({"contacts/zoe-quill.md"}),
    ),
    "new-interview": Edit(
        ("new", "interview", "priya-raman", "--date", "2026-12-10", "--time", "10:00"),
        {},
        frozenset({"interviews/2026-12-10-priya-raman.md"}),
    ),
    "import-csv": Edit(
        ("import", "csv", "{inputs}/people.csv", "--tag", "batch"),
        {},
        frozenset({"contacts/zoe-quill.md", "contacts/omar-haddad.md"}),
    ),
    "import-linkedin": Edit(
        ("import", "linkedin", "{inputs}/Connections.csv"),
        {},
        frozenset({"contacts/ana-lima.md"}),
    ),
    "import-obsidian": Edit(
        ("import", "obsidian", "{inputs}/People"),
        {},
        frozenset({"contacts/dana-whitlow.md", "contacts/raj-patel.md"}),
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(WRITES))
def test_a_writing_command_changes_only_its_note(
    name: str, tmp_path: Path, elsewhere: Path, inputs: Path, example_setup: Setup
) -> None:
    edit = WRITES[name]
    root = copy_example(tmp_path / "notebook")
    notes = read_clean(example_setup, root)
    before = snapshot(root)
    invoke(root, *(arg.format(inputs=inputs) for arg in edit.args))
    after = snapshot(root)

    assert set(before) - set(after) == set(), "files were removed"
    assert set(after) - set(before) == edit.created
    changed = {n for n in before if after[n] != before[n]}
    assert changed == set(edit.changed)
    for note, (lost, gained) in edit.changed.items():
        old, new = before[note], after[note]
        removed, added = line_changes(old, new)
        assert removed == [f"{line}\n".encode() for line in lost]
        assert added == [f"{line}\n".encode() for line in gained]
        # The same, as multisets of lines: nothing else moved or changed.
        old_lines, new_lines = Counter(old.splitlines()), Counter(new.splitlines())
        assert old_lines - new_lines == Counter(line.encode() for line in lost)
        assert new_lines - old_lines == Counter(line.encode() for line in gained)
    assert read_clean(example_setup, root) == added_notes(notes, edit.created)
    assert list(elsewhere.iterdir()) == []


def test_init_add_missing_adds_files_and_changes_none(tmp_path: Path, elsewhere: Path) -> None:
    root = copy_example(tmp_path / "notebook")
    before = snapshot(root)
    result = CliRunner().invoke(main, ["init", "--add-missing", str(root)])
    assert result.exit_code == 0, result.output
    after = snapshot(root)
    assert [name for name in before if after.get(name) != before[name]] == []
    assert set(after) - set(before) == set(starter_files("Interview notebook")) - set(before)
    assert list(elsewhere.iterdir()) == []


def test_new_files_get_the_permissions_of_any_new_file(
    tmp_path: Path, elsewhere: Path, inputs: Path
) -> None:
    mask = os.umask(0o022)
    try:
        root = copy_example(tmp_path / "notebook")
        before = snapshot(root)
        out = tmp_path / "out"
        out.mkdir()
        for args in [
            *(edit.args for edit in WRITES.values() if edit.created),
            ("export", "ics", "-o", str(out / "follow-ups.ics")),
            ("export", "csv", "contacts", "-o", str(out / "contacts.csv")),
            ("generate", str(out / "generated")),
        ]:
            invoke(root, *(arg.format(inputs=inputs) for arg in args))
        result = CliRunner().invoke(main, ["init", str(out / "new-notebook")])
        assert result.exit_code == 0, result.output
        created = [root / n for n in set(snapshot(root)) - set(before)]
        created += [p for p in out.rglob("*") if p.is_file()]
        modes = {p.relative_to(tmp_path).as_posix(): oct(p.stat().st_mode & 0o777) for p in created}
        assert len(modes) > 20
        assert {n: m for n, m in modes.items() if m != oct(0o644)} == {}
    finally:
        os.umask(mask)


def test_every_command_is_run_here(tmp_path: Path) -> None:
    runs = [
        *reading_runs(tmp_path, tmp_path),
        *refused_runs(tmp_path, tmp_path, tmp_path),
        *(list(edit.args) for edit in WRITES.values()),
        ["init"],
    ]
    assert {command_of(args) for args in runs} >= leaf_commands(main)


# ---------------------------------------------------------------------------
# (b) commands killed in the middle of their write

# Runs the command line; KB_KILL says where it dies (see the module's text).
CHILD = r"""
import os, signal, sys

def arm():
    mode, _, value = os.environ.get("KB_KILL", "").partition(":")
    if mode == "fsize":
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(value), hard))
    if mode not in ("event", "count"):
        return
    folders = tuple(os.environ["KB_FOLDERS"].split(os.pathsep))
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    changes = ("os.rename", "os.remove", "os.chmod", "os.link", "os.truncate",
               "os.mkdir", "os.symlink", "shutil.move", "shutil.copyfile")
    seen = []

    def inside(path):
        if not isinstance(path, (str, bytes, os.PathLike)):
            return False
        return os.path.abspath(os.fsdecode(path)).startswith(folders)

    def first_change(event, args):
        if event == "open":
            path, how, flags = args
            writes = bool(how and set(how) & set("wxa+")) or bool(flags and flags & writing)
            return writes and inside(path)
        return event in changes and any(inside(a) for a in args[:2])

    def hook(event, args):
        if not seen and not first_change(event, args):
            return
        seen.append(event)
        if mode == "event" and len(seen) - 1 == int(value):
            os.kill(os.getpid(), signal.SIGKILL)

    if mode == "count":
        import atexit
        atexit.register(lambda: sys.stderr.write(f"\nkb-events: {len(seen)}\n"))
    sys.addaudithook(hook)

arm()
from interview_kb.cli import main
main(prog_name="interview-kb")
"""


@dataclass(frozen=True)
class Trial:
    """One run of the command on its own copy: killed ``after`` seconds from
    its start, as soon as a temporary file shows (``watch``: then after that
    many seconds more), or through the child's ``KB_KILL``."""

    kill: str = ""
    after: float | None = None
    watch: float | None = None


@dataclass(frozen=True)
class Outcome:
    trial: Trial
    returncode: int
    seconds: float
    state: str  # "old", "new" or "mixed" (some new notes written, some not yet)
    strays: tuple[str, ...]  # temporary files left in the note folders


@dataclass(frozen=True)
class Interrupted:
    """A writing command, and the notes it writes."""

    args: tuple[str, ...]
    writes: tuple[str, ...]


EDITS = {
    "log": Interrupted(
        ("log", "priya-raman", "reply", "--date", "2026-11-19", "--channel", "email",
         "--note", "Yes to a second chat; she suggested the 2nd of December."),
        ("contacts/priya-raman.md",),
    ),
    "thanked": Interrupted(
        ("thanked", "2026-11-06-mei-lin-zhou", "--date", "2026-11-07"),
        ("interviews/2026-11-06-mei-lin-zhou.md",),
    ),
    "received": Interrupted(
        ("received", "2026-10-21-kwame-asante", "critique", "--date", "2026-11-01"),
        ("interviews/2026-10-21-kwame-asante.md",),
    ),
    "cancel": Interrupted(
        ("cancel", "2026-12-02-aisha-bello"),
        ("interviews/2026-12-02-aisha-bello.md",),
    ),
    "reschedule": Interrupted(
        ("reschedule", "2026-12-02-aisha-bello", "2026-12-09 14:30"),
        ("interviews/2026-12-02-aisha-bello.md",),
    ),
    "remind": Interrupted(
        ("remind", "naomi-feld", "2027-04-15", "Ask about the summer research sprint"),
        ("contacts/naomi-feld.md",),
    ),
    "reflect": Interrupted(
        ("reflect", "2026-11-13-farah-haddad", "--learned", "Write the metric first."),
        ("interviews/2026-11-13-farah-haddad.md",),
    ),
}  # fmt: skip
NEW_NOTES = {
    "new-contact": Interrupted(
        ("new", "contact", "Zoe Quill", "--organization", "Acme Labs", "--role", "Analyst"),
        ("contacts/zoe-quill.md",),
    ),
    "new-interview": Interrupted(
        ("new", "interview", "priya-raman", "--date", "2026-12-10", "--time", "10:00"),
        ("interviews/2026-12-10-priya-raman.md",),
    ),
    "import-csv": Interrupted(
        ("import", "csv", "{inputs}/people.csv"),
        ("contacts/zoe-quill.md", "contacts/omar-haddad.md"),
    ),
}  # fmt: skip

# The new notes a command writes when it runs through, its run time and audit events.
Learned = dict[tuple[str, ...], tuple[dict[str, bytes], float, int]]


@pytest.fixture(scope="module")
def learned() -> Learned:
    return {}


WORKERS = 2  # trials run two at a time, each on its own copy
RANDOM_KILLS = 20  # at random times over the command's whole run
WATCHED_KILLS = 6  # once the temporary file is there
WRITE_SIZES = (0, 1, 100, 1000)  # RLIMIT_FSIZE: killed within the write past these bytes


class Harness:
    """Runs one writing command over fresh copies of the example, killed in
    different ways, and checks the invariant after each run."""

    def __init__(
        self, command: Interrupted, base: Path, inputs: Path, example_setup: Setup
    ) -> None:
        self.key = command.args
        self.args = [arg.format(inputs=inputs) for arg in command.args]
        self.writes = command.writes
        self.base = base
        self.setup = example_setup
        self.count = 0
        template = copy_example(base / "template")
        self.before = snapshot(template)
        self.notes = read_clean(example_setup, template)
        self.after: dict[str, bytes] = {}
        self.events = 0

    def fresh(self) -> Path:
        self.count += 1
        return copy_example(self.base / f"run-{self.count}")

    def start(self, root: Path, kill: str = "") -> subprocess.Popen[bytes]:
        folders = [str(root / f) for f in NOTE_FOLDERS]
        folders += [os.path.realpath(f) for f in folders]
        env = {
            **ENV,
            "KB_KILL": kill,
            "KB_FOLDERS": os.pathsep.join(f + os.sep for f in folders),
        }
        command = [sys.executable, "-c", CHILD, *self.args, "--config", str(root / "mkdocs.yml")]
        return subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def complete(self, root: Path) -> tuple[float, int]:
        """Run the command through on ``root``: the seconds it took, and the
        audit events from its first change in the note folders on."""
        started = time.perf_counter()
        process = self.start(root, "count")
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode(errors="replace")
        return time.perf_counter() - started, int(err.decode().rsplit("kb-events:", 1)[1])

    def learn(self, known: Learned) -> float:
        """The complete result (the new notes), the command's run time (two
        runs side by side, as the trials run) and its audit events; once per
        command (``known``)."""
        if self.key not in known:
            roots = [self.fresh() for _ in range(WORKERS)]
            with ThreadPoolExecutor(WORKERS) as pool:
                runs = list(pool.map(self.complete, roots))
            results = [snapshot(root) for root in roots]
            assert all(r == results[0] for r in results), "the command is not repeatable"
            assert set(results[0]) == set(self.before) | set(self.writes)
            assert len({events for _, events in runs}) == 1
            after = {name: results[0][name] for name in self.writes}
            known[self.key] = (after, max(seconds for seconds, _ in runs), runs[0][1])
        self.after, seconds, self.events = known[self.key]
        assert all(self.after[n] != self.before.get(n) for n in self.writes)
        return seconds

    def run(self, trial: Trial) -> Outcome:
        root = self.fresh()
        started = time.perf_counter()
        process = self.start(root, trial.kill)
        try:
            if trial.after is not None:
                time.sleep(max(0.0, started + trial.after - time.perf_counter()))
                self.kill(process)
            elif trial.watch is not None:
                self.kill_when_writing(process, root, trial.watch)
            process.communicate(timeout=60)
        finally:
            self.kill(process)
            process.wait()
        seconds = time.perf_counter() - started
        state, strays = self.check(root)
        return Outcome(trial, process.returncode, seconds, state, strays)

    @staticmethod
    def kill(process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def kill_when_writing(self, process: subprocess.Popen[bytes], root: Path, delay: float) -> None:
        folders = sorted({root / Path(n).parent for n in self.writes})
        while process.poll() is None:
            if any(n.startswith(".") for f in folders for n in os.listdir(f)):
                end = time.perf_counter() + delay
                while time.perf_counter() < end:
                    pass
                self.kill(process)
                return

    def check(self, root: Path) -> tuple[str, tuple[str, ...]]:
        """The invariant; returns whether the notes are old or new, and the strays."""
        now = snapshot(root)
        states = []
        for name in self.writes:
            old, new = self.before.get(name), self.after[name]
            current = now.get(name)
            assert current in (old, new), f"{name} is neither the old nor the new file"
            states.append("new" if current == new else "old")
        unchanged = {n: b for n, b in self.before.items() if n not in self.writes}
        assert {n: now.get(n) for n in unchanged} == unchanged, "another file changed"
        strays = tuple(sorted(set(now) - set(self.before) - set(self.writes)))
        for stray in strays:  # a temporary file, which the reader must not take for a note
            name = Path(stray).name
            assert stray.startswith(tuple(f"{f}/" for f in NOTE_FOLDERS)), stray
            assert name.startswith((".", "_")) or not name.endswith(".md"), stray
        written = [n for n, state in zip(self.writes, states, strict=True) if state == "new"]
        assert read_clean(self.setup, root) == added_notes(self.notes, written)
        state = states[0] if len(set(states)) == 1 else "mixed"
        return state, strays

    def run_all(self, trials: Sequence[Trial]) -> list[Outcome]:
        with ThreadPoolExecutor(WORKERS) as pool:
            return list(pool.map(self.run, trials))

    def event_trials(self) -> list[Outcome]:
        """Killed before each audit event of the write in turn, then not at all."""
        assert self.events >= len(self.writes), "the hook saw no write in the note folders"
        outcomes = self.run_all([Trial(kill=f"event:{k}") for k in range(self.events + 1)])
        for outcome in outcomes[:-1]:
            assert outcome.returncode == -signal.SIGKILL, outcome
        assert outcomes[0].state == "old"
        assert outcomes[-1].returncode == 0
        assert outcomes[-1].state == "new"
        return outcomes

    def write_trials(self) -> list[Outcome]:
        """Killed by the kernel in the middle of writing the bytes."""
        assert all(len(self.after[n]) > max(WRITE_SIZES) for n in self.writes)
        outcomes = self.run_all([Trial(kill=f"fsize:{size}") for size in WRITE_SIZES])
        for outcome in outcomes:
            assert outcome.returncode == -signal.SIGXFSZ, outcome
            assert outcome.state != "new"
        return outcomes


def summary(outcomes: Sequence[Outcome]) -> str:
    states = Counter(o.state for o in outcomes)
    strays = sum(1 for o in outcomes if o.strays)
    return f"{len(outcomes)} runs: {dict(states)}, {strays} left a temporary file"


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_killed_at_random_times_leaves_the_old_note_or_the_new(
    name: str, tmp_path: Path, inputs: Path, example_setup: Setup, learned: Learned
) -> None:
    harness = Harness(EDITS[name], tmp_path, inputs, example_setup)
    runtime = harness.learn(learned)
    rng = random.Random(f"kill-{name}")
    span = 1.2 * runtime  # past the end too: a kill after the exit changes nothing
    trials = [Trial(after=(i + rng.random()) * span / RANDOM_KILLS) for i in range(RANDOM_KILLS)]
    trials += [Trial(watch=i * 0.0005) for i in range(WATCHED_KILLS)]
    outcomes = harness.run_all(trials)
    print(f"{name}: runtime {runtime:.2f} s; {summary(outcomes)}")
    assert {o.state for o in outcomes} <= {"old", "new"}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_killed_at_every_step_of_its_write(
    name: str, tmp_path: Path, inputs: Path, example_setup: Setup, learned: Learned
) -> None:
    harness = Harness(EDITS[name], tmp_path, inputs, example_setup)
    harness.learn(learned)
    outcomes = harness.event_trials() + harness.write_trials()
    print(f"{name}: {summary(outcomes)}")
    # The steps between the temporary file and the rename leave it behind;
    # the command still works afterwards, next to it.
    left = [o for o in outcomes if o.strays]
    assert left, "no kill fell between the temporary file and the rename"
    root = harness.fresh()
    for stray in left[0].strays:
        (root / stray).write_bytes(b"half a note")
    harness.complete(root)
    assert harness.check(root) == ("new", left[0].strays)


@pytest.mark.parametrize("name", list(NEW_NOTES))
def test_a_new_note_killed_between_the_steps_of_its_write(
    name: str, tmp_path: Path, inputs: Path, example_setup: Setup, learned: Learned
) -> None:
    harness = Harness(NEW_NOTES[name], tmp_path, inputs, example_setup)
    harness.learn(learned)
    outcomes = harness.event_trials()
    print(f"{name}: {summary(outcomes)}")


@pytest.mark.parametrize("name", list(NEW_NOTES))
def test_a_new_note_killed_in_the_middle_of_its_bytes(
    name: str, tmp_path: Path, inputs: Path, example_setup: Setup, learned: Learned
) -> None:
    harness = Harness(NEW_NOTES[name], tmp_path, inputs, example_setup)
    harness.learn(learned)
    outcomes = harness.write_trials()
    print(f"{name}: {summary(outcomes)}")
