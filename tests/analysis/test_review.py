"""`interview-kb guide --review`: every passage the guide publishes, blanks
marked, and the capitalized words to check."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from interview_kb.analysis.public import public_guide
from interview_kb.analysis.redact import BLANK
from interview_kb.analysis.review import Passage, guide_passages, review, suspects
from interview_kb.cli import main
from interview_kb.reader.notes import read_notebook

from ..conftest import REPO
from ..render.test_guide import member, write_group

TODAY = date(2026, 11, 20)


def _published(guide: object) -> set[str]:
    from interview_kb.analysis.public import PublicGuide

    assert isinstance(guide, PublicGuide)
    texts = {a.text for q in (*guide.questions, *guide.custom) for a in q.answers}
    texts |= {q.text for q in guide.custom}
    texts |= {lesson.text for lesson in guide.lessons}
    return texts


def test_the_review_lists_exactly_what_the_guide_publishes(tmp_path: Path) -> None:
    for tag in ("B", "C"):
        member(tmp_path / f"members/{tag.lower()}", tag)
    notebooks = [
        read_notebook(write_group(tmp_path)),
        *(read_notebook(tmp_path / f"members/{t}") for t in ("b", "c")),
    ]
    notebooks.append(read_notebook(REPO))
    passages = guide_passages(notebooks, TODAY)
    assert {p.published for p in passages} == _published(public_guide(notebooks, TODAY))
    assert {p.notebook for p in passages} == {"", "member 1", "member 2", "member 3"}


def test_the_review_holds_nothing_private_but_what_it_blanks(tmp_path: Path) -> None:
    """The marker notebook: the review shows the shared passages; of every
    private value it shows only names it blanked, never a note body, an
    unshared answer or the rest of a reflection."""
    root = write_group(tmp_path)
    (root / "interviews/2026-10-10-shared.md").write_text(
        (root / "interviews/2026-10-10-shared.md")
        .read_text(encoding="utf-8")
        .replace("SHAREDALESSON", "SHAREDALESSON with ZQPAORG, Annmarker and zqpA@mail.example"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["guide", "--review", "--config", str(root / "mkdocs.yml"), "--today", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    markers = set(re.findall(r"ZQPA[A-Z]+|zqpA@mail\.example|Annmarker", result.output))
    assert markers == {"ZQPAORG", "Annmarker", "zqpA@mail.example"}
    for blanked in markers:
        assert f"[… {blanked}]" in result.output
    for shared in ("SHAREDAANSWER", "SHAREDACUSTOM", "SHAREDACUSTOMANSWER", "SHAREDALESSON"):
        assert shared in result.output
    data = json.loads(
        CliRunner()
        .invoke(
            main,
            [
                "guide",
                "--format",
                "json",
                "--config",
                str(root / "mkdocs.yml"),
                "--today",
                "2026-11-20",
            ],
        )
        .output
    )
    lesson = next(p for p in data["passages"] if p["kind"] == "lesson")
    assert lesson["published"] == f"SHAREDALESSON with {BLANK}, {BLANK} and {BLANK}"
    assert sorted(lesson["blanked"]) == ["Annmarker", "ZQPAORG", "zqpA@mail.example"]
    assert not re.findall(r"ZQPA|Annmarker", json.dumps([p["published"] for p in data["passages"]]))


def test_marked_and_published() -> None:
    from interview_kb.analysis.redact import Blank

    passage = Passage(
        "answer",
        "",
        "i",
        "Q?",
        "Ask Kwame at Fieldnote.",
        (
            Blank(4, 9, "Kwame"),
            Blank(13, 22, "Fieldnote"),
        ),
    )
    assert passage.published == f"Ask {BLANK} at {BLANK}."
    assert passage.marked() == "Ask [… Kwame] at [… Fieldnote]."


def test_suspects() -> None:
    found = suspects(
        [
            "We met people from Acme and the Design Switchers forum.",
            "Hope is not a plan. Acme's team uses SQL on Fridays in May; I agree.",
            "Mostly research. Zorblat hires juniors.",
        ]
    )
    assert {s.word: s.passages for s in found} == {
        "Acme": (1, 2),
        "Design": (1,),
        "Switchers": (1,),
        "SQL": (2,),
        "Zorblat": (3,),
    }


def test_example_review_command() -> None:
    result = CliRunner().invoke(main, ["guide", "--review", "--config", str(REPO / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "[… Fieldnote] had worked with the same nonprofit" in result.output
    assert "Capitalized words left in the guide" in result.output
    summary = CliRunner().invoke(main, ["guide", "--config", str(REPO / "mkdocs.yml")])
    assert summary.exit_code == 0 and "guide --review" in summary.output
    assert review([read_notebook(REPO)], TODAY).passages
