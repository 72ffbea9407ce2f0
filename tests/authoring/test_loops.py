"""The loop-closing edits on notes written in other styles than the example's:
flow lists and mappings, CRLF line endings with a byte-order mark, keys
missing or empty. Each must change only its lines."""

from __future__ import annotations

import difflib
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_kb.authoring.errors import AuthoringError
from interview_kb.authoring.loops import (
    REFLECTION_TEMPLATE,
    ReflectionFields,
    add_reflection_template,
    add_reminder,
    mark_received,
    reminder_done,
    reschedule,
    set_status,
    write_reflection,
)
from interview_kb.cli import main
from interview_kb.core.model import Reminder
from interview_kb.core.vocab import InterviewStatus, StillInterested

BOM = b"\xef\xbb\xbf"


def changes(old: bytes, new: bytes) -> tuple[list[str], list[str]]:
    a, b = old.decode("utf-8").splitlines(True), new.decode("utf-8").splitlines(True)
    lost: list[str] = []
    gained: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b).get_opcodes():
        if tag != "equal":
            lost += a[i1:i2]
            gained += b[j1:j2]
    return lost, gained


INTERVIEW = (
    "---\n"
    "contact: jane\n"
    "date: '2026-11-03 10:00'   # moved once already\n"
    "promised: [Slides, {item: 'The deck, v2', received: no}]\n"
    "reflection: {learned: A lot, rating: 3}\n"
    "---\n"
    "Body text: date: 2026-11-03\n"
)
CONTACT = "---\nname: Jane Doe\nreminders: [{date: 2027-03-01, note: Try again}]\n---\n"


def test_received_in_a_flow_list_of_texts_and_mappings() -> None:
    raw = INTERVIEW.encode()
    lost, gained = changes(raw, mark_received(raw, 0, date(2026, 11, 5), "i.md"))
    assert lost == ["promised: [Slides, {item: 'The deck, v2', received: no}]\n"]
    assert gained == [
        "promised: [{item: Slides, received: 2026-11-05}, {item: 'The deck, v2', received: no}]\n"
    ]
    lost, gained = changes(raw, mark_received(raw, 1, date(2026, 11, 5), "i.md"))
    assert gained == ["promised: [Slides, {item: 'The deck, v2', received: 2026-11-05}]\n"]


def test_reschedule_keeps_quotes_and_comment_and_body() -> None:
    raw = INTERVIEW.encode()
    new = reschedule(raw, date(2026, 11, 10), time(9, 30), "i.md")
    assert changes(raw, new) == (
        ["date: '2026-11-03 10:00'   # moved once already\n"],
        ["date: '2026-11-10 09:30'   # moved once already\n"],
    )
    new = reschedule(raw, date(2026, 11, 10), None, "i.md")
    assert changes(raw, new)[1] == ["date: '2026-11-10'   # moved once already\n"]


def test_a_cancelled_interview_rescheduled_is_scheduled_again() -> None:
    raw = set_status(INTERVIEW.encode(), InterviewStatus.CANCELLED, "i.md")
    assert changes(INTERVIEW.encode(), raw)[1] == ["status: cancelled\n"]
    again = reschedule(raw, date(2026, 12, 1), None, "i.md")
    assert changes(raw, again) == (
        ["date: '2026-11-03 10:00'   # moved once already\n", "status: cancelled\n"],
        ["date: '2026-12-01'   # moved once already\n", "status: scheduled\n"],
    )
    assert set_status(raw, InterviewStatus.CANCELLED, "i.md") == raw


def test_reflection_in_a_flow_mapping() -> None:
    raw = INTERVIEW.encode()
    fields = ReflectionFields(
        rating=5, still_interested=StillInterested.YES, next_steps=("Write: to Bob",)
    )
    lost, gained = changes(raw, write_reflection(raw, fields, "i.md"))
    assert lost == ["reflection: {learned: A lot, rating: 3}\n"]
    assert gained == [
        "reflection: {learned: A lot, rating: 5, still_interested: yes, "
        "next_steps: ['Write: to Bob']}\n"
    ]


def test_reminders_in_a_flow_list_with_crlf_and_bom() -> None:
    raw = BOM + CONTACT.replace("\n", "\r\n").encode()
    new = add_reminder(raw, Reminder(date(2027, 4, 1), "Ask, again"), "c.md")
    assert new.startswith(BOM)
    assert new[len(BOM) :].decode() == (
        "---\r\nname: Jane Doe\r\nreminders: [{date: 2027-03-01, note: Try again}, "
        "{date: 2027-04-01, note: 'Ask, again'}]\r\n---\r\n"
    )
    done = reminder_done(new, 1, "c.md")
    assert b"{date: 2027-04-01, note: 'Ask, again', done: yes}]\r\n" in done
    assert reminder_done(done, 1, "c.md") == done


def test_reminders_under_an_empty_key() -> None:
    raw = b"---\nname: Jane Doe\nreminders:\ntags: [a]\n---\n"
    new = add_reminder(raw, Reminder(date(2027, 4, 1)), "c.md")
    assert new == b"---\nname: Jane Doe\nreminders:\n  - date: 2027-04-01\ntags: [a]\n---\n"


def test_the_reflection_template_is_comments_only() -> None:
    raw = b"---\ncontact: jane\ndate: 2026-11-03\n---\n"
    new = add_reflection_template(raw, "i.md")
    assert changes(raw, new) == ([], [line + "\n" for line in REFLECTION_TEMPLATE])
    assert add_reflection_template(new, "i.md") == new
    # With a reflection already, nothing to add.
    assert add_reflection_template(INTERVIEW.encode(), "i.md") == INTERVIEW.encode()


def test_a_broken_note_is_refused() -> None:
    with pytest.raises(AuthoringError, match="left as it is"):
        set_status(b"---\ncontact: jane\n---\n", InterviewStatus.CANCELLED, "i.md")
    with pytest.raises(AuthoringError, match="must be a mapping"):
        add_reminder(b"---\nname: J\nreminders: soon\n---\n", Reminder(date(2027, 1, 1)), "c.md")


def notebook(tmp_path: Path) -> Path:
    (tmp_path / "contacts").mkdir()
    (tmp_path / "interviews").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - interview-kb:\n      today: 2026-11-20\n", encoding="utf-8"
    )
    (tmp_path / "contacts" / "jane-doe.md").write_text(CONTACT, encoding="utf-8")
    (tmp_path / "interviews" / "2026-11-03-jane-doe.md").write_text(
        INTERVIEW.replace("contact: jane", "contact: jane-doe"), encoding="utf-8"
    )
    return tmp_path


def cli(root: Path, *args: str, code: int = 0, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, [*args, "--config", str(root / "mkdocs.yml")], env=env)
    assert result.exit_code == code, result.output
    return result.output


def test_commands_say_what_they_did_and_suggest_on_bad_input(tmp_path: Path) -> None:
    root = notebook(tmp_path)
    before = (root / "interviews" / "2026-11-03-jane-doe.md").read_bytes()
    out = cli(root, "received", "2026-11-03-jane-doe", "deck", "--date", "2026-11-04", "--dry-run")
    assert "+promised: [Slides, {item: 'The deck, v2', received: 2026-11-04}]" in out
    assert out.rstrip().endswith("(dry run: nothing written)")
    assert (root / "interviews" / "2026-11-03-jane-doe.md").read_bytes() == before

    out = cli(root, "received", "jane-doe", "sldes", code=2)
    assert "did you mean 'Slides'?" in out and "1. Slides; 2. The deck, v2" in out
    out = cli(root, "received", "2026-11-03-jane-do", "1", code=2)
    assert "did you mean '2026-11-03-jane-doe'?" in out
    out = cli(root, "reflect", "jane", "--rating", "4", code=2)
    assert "did you mean 'jane-doe' (Jane Doe)?" in out
    out = cli(root, "reflect", "jane-doe", "--still-interested", "yess", code=2)
    assert "did you mean 'yes'?" in out
    out = cli(root, "remind", "--done", "jane-doe", "4", code=2)
    assert "1. 2027-03-01 Try again" in out

    out = cli(root, "reschedule", "2026-11-03-jane-doe", "2026-11-25")
    assert "Keeping the time 10:00" in out
    assert "the note keeps its name 2026-11-03-jane-doe" in out
    assert (
        "date: '2026-11-25 10:00'" in (root / "interviews" / "2026-11-03-jane-doe.md").read_text()
    )

    out = cli(root, "remind", "Jane Doe", "2027-05-01", "Ask   about\nsummer")
    assert "Added reminder 2 on 2027-05-01" in out
    text = (root / "contacts" / "jane-doe.md").read_text()
    assert "{date: 2027-05-01, note: Ask about summer}" in text
    assert "Marked reminder 2" in cli(root, "remind", "--done", "jane-doe", "summer")


def test_reflect_opens_the_editor_with_the_block(tmp_path: Path) -> None:
    root = notebook(tmp_path)
    note = root / "interviews" / "2026-11-05-jane-doe.md"
    note.write_text("---\ncontact: jane-doe\ndate: 2026-11-05\n---\n", encoding="utf-8")
    out = cli(root, "reflect", "2026-11-05-jane-doe", env={"VISUAL": "true", "EDITOR": ""})
    assert "Added a commented-out reflection block" in out and "Opening it in true" in out
    assert REFLECTION_TEMPLATE[0] in note.read_text(encoding="utf-8")
