"""`export ics -o FILE` and `generate DIR` replace what they wrote before, and
refuse anything else."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from interview_kb.cli import main
from interview_kb.cli.files import GENERATED_MARKER

from .test_no_data_lost import copy_example, snapshot


def run(root: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--config", str(root / "mkdocs.yml")])
    assert result.exit_code == code, result.output
    return result.output


def test_export_ics_replaces_its_own_file_and_refuses_others(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "notebook")
    target = tmp_path / "calendar.ics"
    assert "Wrote" in run(root, "export", "ics", "-o", str(target), "--today", "2026-11-20")
    first = target.read_bytes()
    out = run(root, "export", "ics", "-o", str(target), "--today", "2026-12-20")
    assert "Replaced" in out
    second = target.read_bytes()
    assert second != first and second.startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendar.ics", "notebook"]

    mine = tmp_path / "mine.ics"
    mine.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//another tool//EN\r\nEND:VCALENDAR\r\n")
    out = run(root, "export", "ics", "-o", str(mine), code=1)
    assert "was not written by export ics" in out
    assert mine.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//another")


def test_generate_replaces_its_own_folder_and_refuses_anything_else(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "notebook")
    out_dir = tmp_path / "vault"
    run(root, "generate", str(out_dir))
    marker = (out_dir / GENERATED_MARKER).read_text(encoding="utf-8").splitlines()
    files = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
    assert set(marker[1:]) == files - {GENERATED_MARKER}

    # A contact gone from the notebook is gone from the new folder too.
    (root / "contacts" / "naomi-feld.md").unlink()
    assert "Replaced" in run(root, "generate", str(out_dir))
    assert not (out_dir / "contacts" / "naomi-feld.md").exists()
    assert (out_dir / "contacts" / "priya-raman.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebook", "vault"]

    # Something else in it: refused, nothing changed.
    (out_dir / "my-notes.md").write_text("mine\n", encoding="utf-8")
    before = snapshot(out_dir)
    out = run(root, "generate", str(out_dir), code=1)
    assert "my-notes.md" in out
    assert snapshot(out_dir) == before

    # A folder of someone else's files is never replaced.
    other = tmp_path / "other"
    (other / "contacts").mkdir(parents=True)
    (other / "contacts" / "priya-raman.md").write_text("mine\n", encoding="utf-8")
    run(root, "generate", str(other), code=1)
    assert snapshot(other) == {"contacts/priya-raman.md": b"mine\n"}
    # Nor one with a marker that generate did not write.
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / GENERATED_MARKER).write_text("not the marker\n", encoding="utf-8")
    run(root, "generate", str(fake), code=1)
    assert snapshot(fake) == {GENERATED_MARKER: b"not the marker\n"}
