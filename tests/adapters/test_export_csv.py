"""`interview-kb export csv`: one row per note, a column per field, read back
with the csv module as a spreadsheet would read it."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from interview_kb.cli import main
from interview_kb.render.spreadsheet import CONTACT_COLUMNS, INTERVIEW_COLUMNS, cell_text

from ..conftest import REPO, WriteNotebook

NOTES = {
    "contacts/ana-lopez.md": """
        ---
        name: "Ana López, PhD"
        role: 'Head of "Research"'
        organization: Acme, Inc.
        years_experience: 11
        phone: "+1 555 0142"
        tags: [ux-research, healthcare]
        connection: "=HYPERLINK(\\"http://evil.example\\")"
        outreach:
          - {date: 2026-11-01, kind: request, channel: email, note: "Short note, with a comma"}
          - {date: 2026-11-03, kind: reply}
        ---
        My private notes, never exported.
        """,
    "contacts/bo-li.md": "---\nname: Bo Li\nlocation: |\n  Line one\n  Line two\n---\n",
    "interviews/2026-11-10-ana-lopez.md": """
        ---
        contact: ana-lopez
        date: 2026-11-10 14:30
        mode: video
        questions:
          - ask: What surprised you, "really"?
            answer: |
              The hours.
              And the people.
        promised:
          - {item: a reading list, received: 2026-11-12}
          - the job post
        reflection:
          learned: Lots.
          rating: 4
          next_steps: [write to Bo, read the list]
        ---
        Private body.
        """,
}


def export(root: Path, notes: str, out: Path) -> str:
    args = ["export", "csv", notes, "-o", str(out), "--today", "2026-11-20"]
    result = CliRunner().invoke(main, [*args, "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return result.output


def read_back(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_contacts_read_back(write_notebook: WriteNotebook, tmp_path: Path) -> None:
    root = write_notebook(NOTES)
    out = tmp_path / "contacts.csv"
    assert "2 contacts" in export(root, "contacts", out)
    rows = read_back(out)
    assert [r["slug"] for r in rows] == ["ana-lopez", "bo-li"]
    assert list(rows[0]) == list(CONTACT_COLUMNS)
    ana, bo = rows
    assert ana["name"] == "Ana López, PhD"
    assert ana["role"] == 'Head of "Research"'
    assert ana["organization"] == "Acme, Inc."
    assert ana["years_experience"] == "11"
    assert ana["seniority"] == "senior"  # worked out, as on the pages
    assert ana["phone"] == "+1 555 0142"  # a phone number is left alone
    assert ana["connection"] == '\'=HYPERLINK("http://evil.example")'  # never a formula
    assert ana["tags"] == "ux-research\nhealthcare"
    assert ana["outreach"] == (
        "2026-11-01 request (email): Short note, with a comma\n2026-11-03 reply"
    )
    assert ana["status"] == "interviewed" and ana["last_interaction"] == "2026-11-10"
    assert ana["path"] == "contacts/ana-lopez.md"
    assert bo["location"] == "Line one\nLine two"
    assert bo["role"] == "" and bo["status"] == "not-contacted"
    assert "private notes" not in out.read_text(encoding="utf-8-sig")


def test_interviews_read_back(write_notebook: WriteNotebook, tmp_path: Path) -> None:
    root = write_notebook(NOTES)
    out = tmp_path / "interviews.csv"
    export(root, "interviews", out)
    (row,) = read_back(out)
    assert list(row) == list(INTERVIEW_COLUMNS)
    assert row["contact_name"] == "Ana López, PhD" and row["organization"] == "Acme, Inc."
    assert (row["date"], row["time"], row["status"]) == ("2026-11-10", "14:30", "done")
    assert row["questions"] == 'What surprised you, "really"? | The hours.\nAnd the people.'
    assert row["promised"] == "a reading list (received 2026-11-12)\nthe job post"
    assert row["rating"] == "4" and row["next_steps"] == "write to Bo\nread the list"
    assert row["share"] == "no"
    assert "Private body" not in out.read_text(encoding="utf-8-sig")


def test_the_example_exports_every_note(tmp_path: Path) -> None:
    config = str(REPO / "mkdocs.yml")
    for notes, folder in (("contacts", "contacts"), ("interviews", "interviews")):
        out = tmp_path / f"{notes}.csv"
        result = CliRunner().invoke(
            main, ["export", "csv", notes, "-o", str(out), "--config", config]
        )
        assert result.exit_code == 0, result.output
        rows = read_back(out)
        assert sorted(r["slug"] for r in rows) == sorted(
            p.stem for p in (REPO / folder).glob("*.md") if not p.name.startswith(("_", "."))
        )


def test_an_existing_file_is_never_replaced(write_notebook: WriteNotebook, tmp_path: Path) -> None:
    root = write_notebook(NOTES)
    out = tmp_path / "mine.csv"
    out.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "csv", "contacts", "-o", str(out), "--config", str(root / "mkdocs.yml")]
    )
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "mine.csv" in result.output


def test_cells_that_a_spreadsheet_would_run_are_marked_as_text() -> None:
    for formula in ("=1+1", "@SUM(A1)", "+A1", "-2+3*cmd", "\tx", "\r=x"):
        assert cell_text(formula) == "'" + formula
    for plain in ("+1 555 0142", "-12.5", "(555) 0142", "a=b", "", "Acme"):
        assert cell_text(plain) == plain
    assert cell_text(["=a", "b"]) == "'=a\nb"
    assert (cell_text(True), cell_text(None), cell_text(3.0), cell_text(2.5)) == (
        "yes",
        "",
        "3",
        "2.5",
    )
