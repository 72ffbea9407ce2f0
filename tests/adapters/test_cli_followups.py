"""`due`, `contacts` and `export ics` on the command line, and the follow-ups page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from interview_kb.analysis.followups import calendar_for, due_items
from interview_kb.cli import main
from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook
from interview_kb.render.pages import render_pages

from ..conftest import REPO, golden

CONFIG = str(REPO / "mkdocs.yml")
TODAY = date(2026, 11, 20)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--config", CONFIG])
    assert result.exit_code == 0, result.output
    return result.stdout


def example_items(options: Options | None = None) -> list[dict[str, object]]:
    options = options or Options(today=TODAY, holidays_country="US")
    notebook = read_notebook(REPO, options)
    return [i.as_json() for i in due_items(notebook, TODAY, options, calendar_for(options))]


def test_due_json_is_exactly_the_rules() -> None:
    printed = json.loads(run("due", "--today", "2026-11-20", "--format", "json"))
    assert printed == example_items()
    assert all(
        list(item) == ["kind", "contact", "interview", "due", "days_overdue", "action"]
        for item in printed
    )
    kinds = {item["kind"] for item in printed}
    assert {"thank-you", "reflection", "follow-up", "move-on", "promised", "reconnect"} <= kinds
    assert {"referral", "prepare"} <= kinds


def test_due_today_option_overrides_config() -> None:
    later = json.loads(run("due", "--today", "2026-12-20", "--format", "json"))
    assert all(
        item["days_overdue"] == (date(2026, 12, 20) - date.fromisoformat(str(item["due"]))).days
        for item in later
    )


def test_due_text_is_a_readable_list() -> None:
    out = run("due", "--today", "2026-11-20")
    assert out.startswith("Follow-ups for Friday 2026-11-20")
    assert "Mei Lin Zhou" in out
    assert "10 days overdue" in out
    assert "\x1b[" not in out  # no colour when not writing to a terminal
    assert out.rstrip().splitlines()[-1].startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9"))


def test_due_bad_today_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["due", "--today", "tomorrow", "--config", CONFIG])
    assert result.exit_code == 2
    assert "--today 'tomorrow' is not a date" in result.output


def test_contacts_json() -> None:
    rows = json.loads(run("contacts", "--today", "2026-11-20", "--format", "json"))
    assert list(rows[0]) == [
        "slug",
        "name",
        "organization",
        "role",
        "seniority",
        "warmth",
        "status",
        "last_interaction",
    ]
    by_slug = {r["slug"]: r for r in rows}
    assert by_slug["graham-whitlock"]["status"] == "no-response"
    assert by_slug["tomasz-wrona"]["status"] == "closed"
    assert by_slug["ines-carvalho"]["status"] == "not-contacted"
    assert by_slug["ines-carvalho"]["last_interaction"] is None


def test_ics_parses_back_with_stable_uids(tmp_path: Path) -> None:
    first = (
        CliRunner()
        .invoke(main, ["export", "ics", "--today", "2026-11-20", "--config", CONFIG])
        .stdout_bytes
    )
    later = (
        CliRunner()
        .invoke(main, ["export", "ics", "--today", "2026-11-27", "--config", CONFIG])
        .stdout_bytes
    )
    todos = Calendar.from_ical(first).walk("VTODO")
    assert len(todos) == len(example_items())
    uids = [str(t["UID"]) for t in todos]
    assert len(set(uids)) == len(uids)
    assert {t.decoded("DUE") for t in todos} == {
        date.fromisoformat(str(i["due"])) for i in example_items()
    }
    # A week later the open items keep their UIDs (a calendar updates them).
    later_uids = {str(t["UID"]) for t in Calendar.from_ical(later).walk("VTODO")}
    still_open = {u for u in uids if not u.startswith("prepare/")}
    assert len(still_open & later_uids) >= len(still_open) - 2


def test_ics_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "due.ics"
    target.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "ics", "-o", str(target), "--config", CONFIG])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert target.read_text(encoding="utf-8") == "mine"
    fresh = tmp_path / "new.ics"
    result = CliRunner().invoke(main, ["export", "ics", "-o", str(fresh), "--config", CONFIG])
    assert result.exit_code == 0
    assert Calendar.from_ical(fresh.read_bytes()).walk("VTODO")


def test_follow_ups_page_golden() -> None:
    options = Options(today=TODAY, holidays_country="US")
    pages = render_pages(read_notebook(REPO, options), TODAY, options)
    page = pages["follow-ups.md"]
    assert isinstance(page, str)
    golden("follow-ups.md", page)
    assert "Computed for <strong>Friday 20 November 2026</strong>" in page
    ics = pages["follow-ups.ics"]
    assert isinstance(ics, bytes)
    assert len(Calendar.from_ical(ics).walk("VTODO")) == len(example_items())


def test_guide_mode_serves_no_calendar() -> None:
    options = Options(today=TODAY, publish="guide")
    pages = render_pages(read_notebook(REPO, options), TODAY, options)
    assert "follow-ups.ics" not in pages


def test_follow_ups_page_stays_short_for_far_ahead_items() -> None:
    from types import MappingProxyType

    from interview_kb.core.model import Contact, Interview, Notebook, Reflection
    from interview_kb.render.text import LATER_SHOWN

    count = LATER_SHOWN + 5
    contacts = {
        f"p{n:02d}": Contact(slug=f"p{n:02d}", path=f"contacts/p{n:02d}.md", name=f"P {n}")
        for n in range(count)
    }
    interviews = {
        f"i{n:02d}": Interview(
            slug=f"i{n:02d}",
            path=f"interviews/i{n:02d}.md",
            contact=f"p{n:02d}",
            date=date(2026, 11, 2),
            thank_you=date(2026, 11, 3),
            reflection=Reflection(learned="x"),
        )
        for n in range(count)
    }
    notebook = Notebook(
        contacts=MappingProxyType(contacts), interviews=MappingProxyType(interviews)
    )
    page = str(render_pages(notebook, TODAY, Options())["follow-ups.md"])
    assert page.count("<strong>Reconnect</strong>") == LATER_SHOWN
    assert "And 5 more further ahead: <code>interview-kb due --all</code> lists every one." in page
    assert "Suggested message" not in page  # nothing drafted months ahead
