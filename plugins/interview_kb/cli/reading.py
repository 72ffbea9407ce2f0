"""The commands that read the notebook: check, due, stats, contacts, questions, export ics."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..analysis.timeline import funnel
from ..core.model import (
    Notebook,
)
from ..core.wording import count_of, month_title, percent, weekday_date
from .app import config_option, format_option, load_setup, main
from .files import write_new_file

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    pass


def _text(root: Path, path: str) -> str | None:
    try:
        return (root / path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None


@main.command()
@config_option
@format_option
@click.option("--today", help="Check dates as if today were this date, written YYYY-MM-DD.")
def check(config_file: str, output_format: str, today: str | None) -> None:
    """Check every note and report problems as path:line: severity: message."""
    from ..analysis.sanity import date_warnings
    from ..render.links import docs_folder, link_problems

    setup = load_setup(config_file, quick=True)
    notebook = setup.read()
    # Everything the build would report: the notes, then their links.
    home_page = setup.docs_dir / "index.md" if setup.docs_dir else None
    home = home_page.read_text(encoding="utf-8-sig") if home_page and home_page.is_file() else None
    folder = docs_folder(setup.root, setup.docs_dir) if setup.docs_dir else None
    links = link_problems(setup.root, notebook, setup.options, home, folder)
    problems = [*notebook.problems, *links]
    # Dates that cannot be right (they need today, and are not build problems).
    problems += date_warnings(notebook, setup.today(today), lambda path: _text(setup.root, path))
    if output_format == "json":
        click.echo(json.dumps([p.as_json() for p in problems], indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        summary = (
            f"{count_of(len(notebook.contacts), 'contact')}, "
            f"{count_of(len(notebook.interviews), 'interview')}: "
            f"{count_of(errors, 'error')}, {count_of(warnings, 'warning')}"
        )
        click.echo(summary, err=bool(problems))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


def _colour(text: str, days_overdue: int) -> str:
    if days_overdue > 0:
        return click.style(text, fg="red", bold=True)
    if days_overdue == 0:
        return click.style(text, fg="yellow", bold=True)
    return text


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
@click.option("--all", "show_all", is_flag=True, help="Also list items due later than a week.")
def due(config_file: str, output_format: str, today: str | None, show_all: bool) -> None:
    """What to do: thank-you notes, follow-ups, promised items, reconnecting."""
    from ..analysis.followups import calendar_for, due_items
    from ..render.text import kind_label, section_of, when

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    items = due_items(notebook, day, setup.options, calendar_for(setup.options))
    if output_format == "json":
        click.echo(json.dumps([item.as_json() for item in items], indent=2, ensure_ascii=False))
        return
    shown = [i for i in items if show_all or i.days_overdue >= -7]
    click.echo(f"Follow-ups for {weekday_date(day)}")
    if not shown:
        click.echo("Nothing to do this week.")
    for item in shown:
        name = (
            notebook.contacts[item.contact].name
            if item.contact in notebook.contacts
            else item.contact
        )
        label = kind_label(item.kind)
        head = f"{item.due.isoformat()}  {when(item.days_overdue):<17} {label:<18} {name}"
        click.echo(_colour(head, item.days_overdue))
        click.echo(f"            {item.action}")
    # The same sections as the follow-ups page, so both give the same counts.
    sections = Counter(section_of(item) for item in items)
    later = sections["Later"]
    moved_on = sections["Moved on"]
    click.echo(
        f"{sections['Overdue']} overdue, {sections['Due today']} due today, "
        f"{sections['Next 7 days']} in the next 7 days"
        + (f", {later} later (--all shows them)" if later and not show_all else "")
        + (f", {moved_on} to let go" if moved_on else "")
        + "; "
        + _progress(notebook, day)
    )


def _progress(notebook: Notebook, day: date) -> str:
    """``10 interviews held, 3 coming up; 15 of 19 requests answered (79%)``."""
    held = sum(1 for i in notebook.interviews.values() if i.is_held(day))
    coming = sum(1 for i in notebook.interviews.values() if i.is_upcoming(day))
    text = f"{count_of(held, 'interview')} held, {coming} coming up"
    stages = funnel(notebook, day).overall
    if stages.asked:
        text += (
            f"; {stages.answered} of {count_of(stages.asked, 'request')} answered "
            f"({percent(stages.response_rate)})"
        )
    return text


# Eighths of a character cell, for bars finer than a whole cell.
_BLOCKS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2588"


def _blocks_fit() -> bool:
    """True when standard output can show the block characters."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        _BLOCKS.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def text_bar(value: int, scale: int, width: int, blocks: bool = True) -> str:
    """``value`` out of ``scale`` as a bar ``width`` cells long at most, in
    eighths of a cell (or in whole ``#`` cells without ``blocks``), padded."""
    if scale <= 0 or value <= 0:
        return " " * width
    if not blocks:
        cells = max(1, round(width * value / scale))
        return ("#" * cells).ljust(width)
    eighths = max(1, round(width * 8 * value / scale))
    whole, part = divmod(eighths, 8)
    return (_BLOCKS[8] * whole + (_BLOCKS[part] if part else "")).ljust(width)


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def stats(config_file: str, output_format: str, today: str | None) -> None:
    """The outreach funnel and the activity per month, as text charts."""
    from ..analysis.timeline import WARMTH_GROUPS, activity, funnel

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    result = funnel(notebook, day)
    months = activity(notebook, day)
    stages = ("contacts", "asked", "answered", "interviewed", "thanked")
    if output_format == "json":
        data = {
            "today": day.isoformat(),
            "funnel": {
                **{stage: getattr(result.overall, stage) for stage in stages},
                "response_rate": result.response_rate,
                "by_warmth": {
                    group: {stage: getattr(result.by_warmth[group], stage) for stage in stages}
                    for group in WARMTH_GROUPS
                },
            },
            "months": [
                {
                    "month": f"{m.month:%Y-%m}",
                    "requests": m.requests,
                    "replies": m.replies,
                    "interviews": m.interviews,
                }
                for m in months
            ],
        }
        click.echo(json.dumps(data, indent=2))
        return
    blocks = _blocks_fit()

    def bar(value: int, scale: int, width: int) -> str:
        return click.style(text_bar(value, scale, width, blocks), fg="blue")

    overall = result.overall
    click.echo(f"Outreach funnel, {day.isoformat()}: {count_of(overall.contacts, 'contact')}")
    rate = f"  {percent(overall.response_rate)} of asked" if overall.asked else ""
    rows = (
        ("Asked", overall.asked, ""),
        ("Answered", overall.answered, rate),
        ("Interviewed", overall.interviewed, ""),
        ("Thanked", overall.thanked, ""),
    )
    digits = len(str(overall.contacts))
    for label, value, note in rows:
        click.echo(f"{label:<12} {bar(value, overall.contacts, 20)} {value:>{digits}}{note}")
    click.echo("")
    # The split the JSON holds: are warm contacts answering more often than cold ones?
    click.echo("Answered by warmth")
    for group in WARMTH_GROUPS:
        split = result.by_warmth[group]
        if not split.contacts:
            continue
        share = f"  {percent(split.response_rate)}" if split.asked else ""
        click.echo(
            f"{group.capitalize():<12} {split.answered:>{digits}} of {split.asked:>{digits}} "
            f"asked{share}".rstrip()
        )
    click.echo("")
    if not months:
        click.echo("No activity yet: no requests, replies or interviews.")
        return
    scale = max(max(m.requests, m.replies, m.interviews) for m in months)
    digits = len(str(scale))
    width = 8
    cell = width + 1 + digits
    click.echo("Activity per month")
    headers = "".join(f"  {h:<{cell}}" for h in ("Requests", "Replies", "Interviews"))
    click.echo(f"{'Month':<8}{headers}".rstrip())
    for m in months:
        counts = (m.requests, m.replies, m.interviews)
        cells = "".join(f"  {bar(n, scale, width)} {n:>{digits}}" for n in counts)
        name = month_title(m.month)
        click.echo(f"{name[:3]} {m.month.year}{cells}".rstrip())


@main.command()
@config_option
@format_option
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def contacts(config_file: str, output_format: str, today: str | None) -> None:
    """Every contact with status and last interaction."""
    from ..analysis.followups import contact_rows

    setup = load_setup(config_file)
    rows = contact_rows(setup.read(), setup.today(today), setup.options)
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(
            "No contacts yet. Add the first with\n"
            '  interview-kb new contact "Jane Doe" --organization "Northwind Health" '
            '--role "UX Researcher"\n'
            "or import your LinkedIn connections with\n"
            "  interview-kb import linkedin Connections.csv"
        )
        return
    columns = ("name", "organization", "role", "seniority", "warmth", "status", "last_interaction")
    table = [[str(row[c] or "") for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
    header = [c.replace("_", " ") for c in columns]
    for cells in (header, *table):
        click.echo("  ".join(v.ljust(w) for v, w in zip(cells, widths, strict=True)).rstrip())


@main.group()
def export() -> None:
    """Export the notebook to other tools."""


@export.command("ics")
@config_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this new file.")
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
def export_ics(config_file: str, output: str | None, today: str | None) -> None:
    """Every open follow-up item as a calendar to-do (VTODO) with a due date."""
    from ..analysis.followups import calendar_for, due_items
    from ..render.ical import to_ics

    setup = load_setup(config_file)
    notebook = setup.read()
    day = setup.today(today)
    data = to_ics(
        due_items(notebook, day, setup.options, calendar_for(setup.options)), notebook, day
    )
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        return
    write_new_file(Path(output), data)
    click.echo(f"Wrote {output}", err=True)


@main.command()
@config_option
@format_option
@click.option("--today", help="Count the interviews held by this date, written YYYY-MM-DD.")
def questions(config_file: str, output_format: str, today: str | None) -> None:
    """The question bank: each question, how often it was asked, the answers."""
    from ..analysis.questions import question_rows
    from ..render.questions import category_title

    setup = load_setup(config_file)
    notebook = setup.read()
    rows = question_rows(notebook, setup.today(today))
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for index, (category, group) in enumerate(groupby(rows, key=lambda r: r["category"])):
        title = category_title(str(category)) if category is not None else "Your own questions"
        click.echo(("\n" if index else "") + title)
        for row in group:
            ident = f"  [{row['id']}]" if row["id"] is not None else ""
            click.echo(f"  {row['text']}{ident}  asked {row['asked']}")
            answers = row["answers"]
            assert isinstance(answers, list)
            for answer in answers:
                person = notebook.contacts.get(answer["contact"])
                who = person.name if person else answer["contact"]
                lines = str(answer["answer"]).splitlines() or [""]
                click.echo(f"      {who}: {lines[0]}")
                for line in lines[1:]:
                    click.echo(f"        {line}" if line.strip() else "")


@main.command()
@click.option(
    "--review",
    "show_review",
    is_flag=True,
    help="List every passage the guide will publish, blanks marked, and the words to check.",
)
@config_option
@format_option
@click.option("--today", help="Review as of this date (2026-11-20) instead of today.")
def guide(show_review: bool, config_file: str, output_format: str, today: str | None) -> None:
    """What the published guide will hold, before you publish it.

    With --review, every passage (answers, your own questions, lessons) as the
    guide prints it, each blank showing what it hides, then every capitalized
    word left that may still name someone or an organization: rewrite those
    in the notes. Shared notebooks (shared_from) are read as the guide reads
    them; this review is for you alone, so it is printed, never published.
    """
    from ..analysis.review import review
    from ..reader.notes import read_shared

    setup = load_setup(config_file)
    day = setup.today(today)
    shared = read_shared(setup.root, setup.options.shared_from, setup.options)
    result = review([setup.read(), *shared], day)
    if output_format == "json":
        data = {
            "passages": [
                {
                    "kind": p.kind,
                    "notebook": p.notebook or None,
                    "interview": p.interview,
                    "question": p.question,
                    "published": p.published,
                    "blanked": [b.original for b in p.blanks],
                }
                for p in result.passages
            ],
            "suspects": [{"word": s.word, "passages": list(s.passages)} for s in result.suspects],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    blanks = sum(len(p.blanks) for p in result.passages)
    click.echo(
        f"The guide will publish {count_of(len(result.passages), 'passage')} from shared "
        f"interviews, with {count_of(blanks, 'blank')} and "
        f"{count_of(len(result.suspects), 'capitalized word')} to check."
    )
    if not show_review:
        click.echo("`interview-kb guide --review` lists them.")
        return
    titles = {"answer": "Answer", "question": "Your own question", "lesson": "Lesson"}
    for number, passage in enumerate(result.passages, start=1):
        where = f"{passage.notebook}: " if passage.notebook else ""
        about = f" to \u201c{passage.question}\u201d" if passage.question else ""
        click.echo(f"\n{number}. {titles[passage.kind]}{about} ({where}{passage.interview})")
        marked = passage.marked(click.style("[\u2026 {}]", fg="red", bold=True))
        for line in marked.splitlines() or [""]:
            click.echo(f"   {line}")
    if result.suspects:
        click.echo(
            "\nCapitalized words left in the guide: if one names a person, a team or an "
            "organization, rewrite it in the note (or add the name to a contact's aliases)."
        )
        width = max(len(s.word) for s in result.suspects)
        for suspect in result.suspects:
            numbers = ", ".join(str(n) for n in suspect.passages)
            click.echo(f"  {suspect.word:<{width}}  in {numbers}")
