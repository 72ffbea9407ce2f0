"""Share bundles (``interview-kb share``): nothing private in them, stable
ids, and the same guide as the members' notebooks give."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_kb.analysis.public import public_guide
from interview_kb.analysis.review import review
from interview_kb.analysis.share import share_bundle
from interview_kb.authoring.share_text import bundle_files
from interview_kb.cli import main
from interview_kb.core.model import Notebook, Options
from interview_kb.reader.bundle import read_bundle
from interview_kb.reader.notes import read_notebook
from interview_kb.reader.shared import read_shared

from ..conftest import REPO
from ..render.test_guide import assert_private_absent, member, write_group

TODAY = date(2026, 11, 20)
KEY = b"k" * 64


def write_bundle(notebook: Notebook, folder: Path, key: bytes = KEY) -> dict[str, str]:
    files = bundle_files(share_bundle(notebook, TODAY, key))
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return files


def member_notebook(tmp_path: Path, tag: str = "A") -> Path:
    """The marker notebook of a member (A by default), with its own mkdocs.yml."""
    root = tmp_path / ("member" if tag == "A" else f"member-{tag.lower()}")
    member(root, tag)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: Me\nplugins:\n  - interview-kb\n", encoding="utf-8"
    )
    return root


def share(root: Path, out: Path) -> str:
    result = CliRunner().invoke(
        main,
        ["share", "--out", str(out), "--config", str(root / "mkdocs.yml"), "--today", "2026-11-20"],
    )
    assert result.exit_code == 0, result.output
    return result.output


def private_values(notebook: Notebook) -> set[str]:
    """Every private value of the notebook, as it is written: names and the
    capitalized words of names, emails, organizations, places, phones, note
    bodies (each line of some length), outreach notes, referrals, promises,
    and everything of an interview not shared."""
    found: set[str] = set()

    def add(*values: str | None) -> None:
        found.update(v.strip() for v in values if v and v.strip())

    for contact in notebook.contacts.values():
        add(contact.name, contact.email, contact.phone, contact.linkedin, contact.website)
        add(contact.organization, contact.location, contact.connection, contact.greeting)
        add(*contact.aliases, *(e.note for e in contact.outreach), contact.slug)
        add(*(w for w in contact.name.split() if len(w) > 2 and w[0].isupper()))
        add(*(line for line in contact.body.splitlines() if len(line.strip()) > 24))
    for interview in notebook.interviews.values():
        add(interview.slug, interview.location, interview.thank_you_note)
        add(*(r.name for r in interview.referrals), *(p.item for p in interview.promised))
        add(*(r.title for r in interview.resources), *(r.url for r in interview.resources))
        add(*(line for line in interview.body.splitlines() if len(line.strip()) > 24))
        reflection = interview.reflection
        if reflection:
            add(reflection.went_well, reflection.improve, *reflection.next_steps)
        if not interview.share or not interview.is_held(TODAY):
            add(*(q.answer for q in interview.questions))
            add(reflection.learned if reflection else None)
    return found


def test_the_example_bundle_holds_no_private_value(tmp_path: Path) -> None:
    notebook = read_notebook(REPO)
    files = write_bundle(notebook, tmp_path / "bundle")
    text = "".join(files.values())
    private = private_values(notebook)
    assert len(private) > 100  # the check is only as good as its list
    leaks = sorted(value for value in private if value in text)
    assert not leaks, f"private values in the bundle: {leaks}"
    # What it does hold: the shared answers, blanked.
    assert "[…]" in text
    shared = [i for i in notebook.interviews.values() if i.share and i.is_held(TODAY)]
    assert len(files) == len(shared) + 1


def test_a_marker_notebook_bundle_holds_no_marker(tmp_path: Path) -> None:
    root = member_notebook(tmp_path)
    out = tmp_path / "bundle"
    printed = share(root, out)
    data = b"".join(p.read_bytes() for p in sorted(out.iterdir()))
    text = data.decode("utf-8")
    assert_private_absent(text, ["A"])
    assert_private_absent(printed, ["A"])
    for shared in ("SHAREDAANSWER", "SHAREDACUSTOM", "SHAREDACUSTOMANSWER", "SHAREDALESSON"):
        assert shared in text
    assert "seniority: senior" in text and "tag: ux-research" in text
    # File names are ids, never slugs or names; each file says what it is.
    for path in out.iterdir():
        assert re.fullmatch(r"([0-9a-f]{12}|bundle)\.yml", path.name), path.name
        assert path.read_text(encoding="utf-8").startswith("# ")
    assert not (root / ".interview-kb-share-key").stat().st_mode & 0o077


def test_ids_are_stable_and_keyed(tmp_path: Path) -> None:
    notebook = read_notebook(REPO)
    first = write_bundle(notebook, tmp_path / "one")
    again = write_bundle(read_notebook(REPO), tmp_path / "two")
    assert first == again  # same notebook, same key: the same bytes
    other = write_bundle(notebook, tmp_path / "three", key=b"x" * 64)
    assert set(other) & set(first) == {"bundle.yml"}


def test_share_keeps_its_ids_from_run_to_run(tmp_path: Path) -> None:
    root = member_notebook(tmp_path)
    share(root, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    printed = share(root, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
    assert next(n.removesuffix(".yml") for n in names if n != "bundle.yml") in printed


def test_a_refreshed_bundle_drops_what_is_no_longer_shared(tmp_path: Path) -> None:
    root = member_notebook(tmp_path)
    out = tmp_path / "out"
    share(root, out)
    assert len(list(out.iterdir())) == 2
    note = root / "interviews/2026-10-10-shared.md"
    note.write_text(note.read_text().replace("share: yes", "share: no"))
    printed = share(root, out)
    assert [p.name for p in out.iterdir()] == ["bundle.yml"]
    assert "Removed 1 file" in printed
    assert "SHAREDAANSWER" not in (out / "bundle.yml").read_text()


@pytest.mark.parametrize("foreign", ["notes.md", "0123456789ab.yml", "sub/"])
def test_share_refuses_a_folder_it_did_not_write(tmp_path: Path, foreign: str) -> None:
    root = member_notebook(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    if foreign.endswith("/"):
        share(root, out)  # a bundle of ours, with a folder added
        (out / foreign).mkdir()
    else:
        (out / foreign).write_text("mine\n")
    before = {p.name: p.read_bytes() if p.is_file() else b"" for p in out.iterdir()}
    result = CliRunner().invoke(
        main, ["share", "--out", str(out), "--config", str(root / "mkdocs.yml")]
    )
    assert result.exit_code != 0
    assert "not a share bundle this command wrote" in result.output
    assert {p.name: p.read_bytes() if p.is_file() else b"" for p in out.iterdir()} == before
    # Nor over the notebook itself.
    result = CliRunner().invoke(
        main, ["share", "--out", str(root), "--config", str(root / "mkdocs.yml")]
    )
    assert result.exit_code != 0 and not (root / "bundle.yml").exists()


def test_the_guide_from_bundles_is_the_guide_from_notebooks(tmp_path: Path) -> None:
    for tag in ("B", "C"):
        member(tmp_path / f"members/{tag.lower()}", tag)
    root = write_group(tmp_path)
    members = [read_notebook(tmp_path / f"members/{t}") for t in ("b", "c")]
    members.append(read_notebook(REPO))
    for number, notebook in enumerate(members):
        write_bundle(notebook, tmp_path / f"bundles/{number}")
    bundles = read_shared(root, ["../bundles/*"], Options())
    assert not [p for b in bundles for p in b.problems]
    group = read_notebook(root)
    from_notebooks = public_guide([group, *members], TODAY, group=True)
    from_bundles = public_guide([group, *bundles], TODAY, group=True)
    assert from_bundles == from_notebooks
    assert from_bundles.shared_interviews == 3 + 5
    # Three members' answers side by side under one question.
    typical = next(q for q in from_bundles.questions if q.id == "typical-day")
    texts = " ".join(a.text for a in typical.answers)
    assert all(f"SHARED{t}ANSWER" in texts for t in ("A", "B", "C"))
    # The review reads a bundle as the guide does.
    passages = review(bundles[:1], TODAY).passages
    assert {p.published for p in passages} >= {"SHAREDBANSWER about research sprints"}


def test_guide_review_on_a_bundle(tmp_path: Path) -> None:
    write_bundle(read_notebook(REPO), tmp_path / "bundle")
    result = CliRunner().invoke(
        main, ["guide", "--review", "--bundle", str(tmp_path / "bundle"), "--today", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    assert "The guide will publish" in result.output
    assert "[…]" in result.output


BAD = [
    ("bundle.yml", "version: 1\n", "version: 1\nemail: a@b.example\n", 11, "'email'"),
    ("bundle.yml", "version: 1\n", "version: 2\n", 10, "version is not 1"),
    ("interview", "month: ", "body: hello\nmonth: ", 6, "'body'"),
    ("interview", "month: 2026-", "month: 26-", 6, "YYYY-MM"),
    ("interview", "- question:", "- name: Someone\n  question:", 11, "'name'"),
    ("interview", "seniority: senior", "seniority: boss", 8, "seniority must be"),
]


@pytest.mark.parametrize(("which", "old", "new", "line", "message"), BAD)
def test_a_bundle_outside_its_schema_is_refused(
    tmp_path: Path, which: str, old: str, new: str, line: int, message: str
) -> None:
    root = tmp_path / "member"
    member(root, "A")
    files = write_bundle(read_notebook(root), tmp_path / "bundle")
    name = which if which == "bundle.yml" else next(n for n in files if n != "bundle.yml")
    path = tmp_path / "bundle" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    read = read_bundle(tmp_path / "bundle", "members/a")
    first = read.problems[0]
    assert (first.path, first.line) == (f"members/a/{name}", line), read.problems
    assert message in first.message
    assert not read.interviews and read.errors


def test_a_file_the_bundle_does_not_list_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "member"
    member(root, "A")
    write_bundle(read_notebook(root), tmp_path / "bundle")
    (tmp_path / "bundle/ann-a.md").write_text("---\nname: Annmarker\n---\n")
    read = read_bundle(tmp_path / "bundle", "b")
    assert not read.interviews
    assert "'ann-a.md'" in read.problems[0].message
