"""Every count a page or a command shows takes the right word at 0, 1 and 2:
no "1 interviews", "1 were interviewed" or "2 contact" (one plural helper,
core/wording.plural, used everywhere)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_kb.cli import main

from ..conftest import WriteNotebook

# Nouns the pages and commands count, with their plurals.
NOUNS = {
    "contact": "contacts",
    "interview": "interviews",
    "conversation": "conversations",
    "question": "questions",
    "request": "requests",
    "reply": "replies",
    "time": "times",
    "error": "errors",
    "warning": "warnings",
    "minute": "minutes",
    "year": "years",
    "notebook": "notebooks",
    "answer": "answers",
    "person": "people",
}


def notebook_of(write_notebook: WriteNotebook, n: int) -> Path:
    """``n`` contacts, each asked, answered and interviewed once (an hour,
    one year in the field), with one answer, a reflection, a thank-you and
    the interview shared."""
    files: dict[str, str] = {}
    for i in range(n):
        files[f"contacts/p{i}.md"] = (
            f"---\nname: Person {i}\nyears_experience: 1\ntags: [ux]\ninterest: [role]\n"
            "outreach:\n  - {date: 2026-10-01, kind: request}\n"
            "  - {date: 2026-10-02, kind: reply}\n---\n"
        )
        files[f"interviews/2026-10-1{i}-p{i}.md"] = (
            f"---\ncontact: p{i}\ndate: 2026-10-1{i}\nduration: 1\n"
            "questions:\n  - {id: typical-day, answer: Busy days.}\n"
            "thank_you: 2026-10-20\nreflection:\n  learned: Much.\n  rating: 4\n"
            "  still_interested: yes\nshare: yes\n---\n"
        )
    return write_notebook(files)


def words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def wrong_counts(text: str) -> list[str]:
    found = []
    for one, many in NOUNS.items():
        found += re.findall(rf"\b1 {many}\b", text)
        found += re.findall(rf"\b[02] {one}\b(?![-'])", text)
    found += re.findall(r"\b1 were\b|\b[02] was\b", text)
    return found


@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_count_takes_its_word(write_notebook: WriteNotebook, tmp_path: Path, n: int) -> None:
    root = notebook_of(write_notebook, n)
    config = ["--config", str(root / "mkdocs.yml")]
    runner = CliRunner()
    out = tmp_path / f"pages-{n}"
    assert runner.invoke(main, ["generate", str(out), *config]).exit_code == 0
    texts = {p.relative_to(out).as_posix(): words(p.read_text(encoding="utf-8"))
             for p in out.rglob("*.md")}  # fmt: skip
    for command in (["check"], ["stats"], ["contacts"], ["questions"], ["due", "--all"]):
        result = runner.invoke(main, [*command, "--today", "2026-11-20", *config])
        texts[" ".join(command)] = words(result.output)
    problems = {name: wrong_counts(text) for name, text in texts.items()}
    assert not {name: found for name, found in problems.items() if found}
