"""The commands that close loops: received, cancel, reschedule, remind, reflect.

Each edits one note atomically, changing only its lines (authoring/loops.py
reads the result back), and takes ``--dry-run``, which shows the change as
a diff and writes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import click

from ..authoring.errors import AuthoringError
from ..core.model import Interview, Notebook, Reminder, fold
from ..core.people import People
from ..core.suggest import closest
from ..core.synonyms import INTEREST_WORDS, meaning
from ..core.vocab import InterviewStatus, StillInterested, values
from .app import BadInput, Setup, config_option, failed, load_setup, main
from .files import replace_file
from .writing import (
    _contact_hint,
    _day,
    _refuse_if_broken,
    _unreadable,
    find_contact,
    open_in_editor,
)

dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Show the change as a diff; write nothing."
)


def find_interview(setup: Setup, notebook: Notebook, text: str, *, upcoming: bool) -> Interview:
    """The interview named by ``text``: its note name, or a contact (name or
    slug): their next upcoming interview (``upcoming``) or their latest held one."""
    chosen = notebook.interviews.get(text)
    if chosen is not None:
        return chosen
    _unreadable(setup, notebook, setup.options.interviews_dir, text)
    if text in notebook.contacts or People(notebook.contacts).named(text):
        slug = find_contact(setup, notebook, text)
        today = setup.today(None)
        if upcoming:
            ahead = [i for i in notebook.interviews_of(slug) if i.is_upcoming(today)]
            if not ahead:
                raise BadInput(f"{slug} has no upcoming interview; name the note instead")
            return ahead[0]
        held = [i for i in notebook.interviews_of(slug) if i.is_held(today)]
        if not held:
            raise BadInput(f"{slug} has no interview held by {today.isoformat()}")
        return held[-1]
    suggestion = closest(text, notebook.interviews, 3)
    hint = f"; did you mean '{suggestion}'?" if suggestion else _contact_hint(notebook, text)
    raise BadInput(f"interview '{text}' not found in {setup.options.interviews_dir}/{hint}")


def _diff(path: str, old: bytes, new: bytes) -> str:
    before = old.decode("utf-8-sig").splitlines(keepends=True)
    after = new.decode("utf-8-sig").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}", n=1)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _write(setup: Setup, path: str, old: bytes, new: bytes, dry_run: bool, done: str) -> None:
    """Write the edited note (or, with ``dry_run``, show the diff) and say ``done``."""
    if dry_run:
        click.echo(_diff(path, old, new), nl=False)
        click.echo(f"{done} (dry run: nothing written)")
        return
    replace_file(setup.root / path, old, new, path)
    if (setup.root / path).read_bytes() != new:  # pragma: no cover - replace_file checks
        raise click.ClickException(f"{path} does not hold the change; edit it by hand")
    click.echo(done)


def _edit(
    setup: Setup,
    path: str,
    edit: Callable[[bytes], bytes],
    dry_run: bool,
    done: str,
    unchanged: str,
) -> None:
    raw = (setup.root / path).read_bytes()
    try:
        changed = edit(raw)
    except AuthoringError as problem:
        raise failed(problem) from None
    if changed == raw:
        click.echo(unchanged)
        return
    _write(setup, path, raw, changed, dry_run, done)


def _pick(what: str, texts: list[str], given: str, where: str) -> int:
    """The index of the entry ``given`` names: its number from 1, or a unique
    part of its text (case and punctuation ignored)."""
    listing = "; ".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    if not texts:
        raise BadInput(f"{where} has no {what}s")
    if given.strip().isdigit():
        number = int(given)
        if 1 <= number <= len(texts):
            return number - 1
        raise BadInput(f"{what} {number} is not in {where}, which has {listing}")
    wanted = fold(given)
    found = [n for n, t in enumerate(texts) if wanted and wanted in fold(t)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        which = "; ".join(f"{n + 1}. {texts[n]}" for n in found)
        raise BadInput(
            f"'{given}' matches {len(found)} {what}s in {where}: {which}; give its number"
        )
    suggestion = closest(given, texts, 3) or _close_words(given, texts)
    hint = f"did you mean '{suggestion}'? " if suggestion else ""
    raise BadInput(f"no {what} in {where} matches '{given}'; {hint}{where} has {listing}")


def _close_words(given: str, texts: list[str]) -> str | None:
    """The one text in which every word of ``given`` is a word, give or
    take a typing slip ("critque" for "critique night")."""
    words = fold(given).split()
    found = [text for text in texts if words and all(closest(w, fold(text).split()) for w in words)]
    return found[0] if len(found) == 1 else None


@main.command()
@click.argument("interview")
@click.argument("item")
@click.option("--date", "on", help="When it arrived, as YYYY-MM-DD; default today.")
@dry_run_option
@config_option
def received(interview: str, item: str, on: str | None, dry_run: bool, config_file: str) -> None:
    """Mark a promised item of an interview as received.

    ITEM is the item's number, from 1 in the order of the note, or a unique
    part of its text. INTERVIEW is the note's name, or a contact: their
    latest held interview.
    """
    from ..authoring.loops import mark_received

    setup = load_setup(config_file)
    day = _day(setup, on)
    notebook = setup.read()
    chosen = find_interview(setup, notebook, interview, upcoming=False)
    _refuse_if_broken(notebook, chosen.path)
    index = _pick("promised item", [p.item for p in chosen.promised], item, chosen.path)
    promise = chosen.promised[index]
    was = ""
    if promise.received:
        was = f" (was {promise.received_on.isoformat() if promise.received_on else 'yes'})"
    _edit(
        setup,
        chosen.path,
        lambda raw: mark_received(raw, index, day, chosen.path),
        dry_run,
        f"Marked '{promise.item}' received on {day.isoformat()}{was} in {chosen.path}",
        f"{chosen.path} already says '{promise.item}' was received on {day.isoformat()}",
    )


@main.command()
@click.argument("interview")
@dry_run_option
@config_option
def cancel(interview: str, dry_run: bool, config_file: str) -> None:
    """Mark an interview cancelled (status: cancelled).

    INTERVIEW is the note's name, or a contact: their next upcoming
    interview. The note stays; `reschedule` brings it back.
    """
    from ..authoring.loops import set_status

    setup = load_setup(config_file)
    notebook = setup.read()
    chosen = find_interview(setup, notebook, interview, upcoming=True)
    _refuse_if_broken(notebook, chosen.path)
    _edit(
        setup,
        chosen.path,
        lambda raw: set_status(raw, InterviewStatus.CANCELLED, chosen.path),
        dry_run,
        f"Cancelled {chosen.path} (status: cancelled)",
        f"{chosen.path} already says status: cancelled",
    )


def _moment(text: str, keep: time | None) -> tuple[date, time | None, bool]:
    """A DATE-TIME argument: ``2027-01-20``, ``2027-01-20 14:30`` or
    ``2027-01-20T14:30``; a date alone keeps the time ``keep`` (says so)."""
    value = text.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value), keep, True
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(
            f"DATE-TIME '{text}' is not a date; write it as 2027-01-20 or '2027-01-20 14:30'"
        ) from None
    clock = moment.time().replace(second=0, microsecond=0, tzinfo=None)
    return moment.date(), clock, False


@main.command()
@click.argument("interview")
@click.argument("date_time", metavar="DATE-TIME")
@click.option("--all-day", is_flag=True, help="No time of day (drop the time the note has).")
@dry_run_option
@config_option
def reschedule(
    interview: str, date_time: str, all_day: bool, dry_run: bool, config_file: str
) -> None:
    """Move an interview to another day (and time).

    DATE-TIME is 2027-01-20, or '2027-01-20 14:30'; a date alone keeps the
    time the note has. The note keeps its name (the slug stays, with the
    first date in it); a cancelled interview is scheduled again.
    """
    from ..authoring.loops import moment_text
    from ..authoring.loops import reschedule as move

    setup = load_setup(config_file)
    notebook = setup.read()
    chosen = find_interview(setup, notebook, interview, upcoming=True)
    _refuse_if_broken(notebook, chosen.path)
    day, clock, kept = _moment(date_time, chosen.time)
    if all_day:
        clock = None
    elif kept and clock is not None:
        click.echo(f"Keeping the time {clock.strftime('%H:%M')}; add --all-day to drop it")
    when = moment_text(day, clock)
    back = " and scheduled again" if chosen.cancelled else ""
    _edit(
        setup,
        chosen.path,
        lambda raw: move(raw, day, clock, chosen.path),
        dry_run,
        f"Moved {chosen.path} to {when}{back}; the note keeps its name {Path(chosen.path).stem}",
        f"{chosen.path} already says {when}",
    )


@main.command()
@click.argument("contact")
@click.argument("arguments", nargs=-1, metavar="DATE NOTE | --done N")
@click.option("--done", "done", is_flag=True, help="Mark reminder N of CONTACT done.")
@dry_run_option
@config_option
def remind(
    contact: str, arguments: tuple[str, ...], done: bool, dry_run: bool, config_file: str
) -> None:
    """Set a reminder on a contact, or mark one done (rule 9).

    `remind CONTACT DATE NOTE` adds {date, note} to the contact's reminders
    ("try again in March"); it is due on DATE until you act on it.
    `remind --done CONTACT N` marks the N-th reminder (from 1, in the note's
    order; a unique part of its note works too) done.
    """
    from ..authoring.loops import add_reminder, reminder_done

    setup = load_setup(config_file)
    if done and len(arguments) != 1:
        raise BadInput("remind --done takes CONTACT and N, the reminder's number (from 1)")
    if not done and not 1 <= len(arguments) <= 2:
        raise BadInput(
            "remind takes CONTACT, DATE and a NOTE in quotes: "
            'remind jane-doe 2027-03-01 "Try again"'
        )
    notebook = setup.read()
    person = notebook.contacts[find_contact(setup, notebook, contact)]
    _refuse_if_broken(notebook, person.path)
    if done:
        texts = [f"{r.date.isoformat()} {r.note or ''}".strip() for r in person.reminders]
        index = _pick("reminder", texts, arguments[0], person.path)
        _edit(
            setup,
            person.path,
            lambda raw: reminder_done(raw, index, person.path),
            dry_run,
            f"Marked reminder {index + 1} ({texts[index]}) done in {person.path}",
            f"{person.path}: reminder {index + 1} ({texts[index]}) is already done",
        )
        return
    day = _day(setup, arguments[0], "DATE")
    note = " ".join(arguments[1].split()) if len(arguments) > 1 else ""
    reminder = Reminder(date=day, note=note or None)
    number = len(person.reminders) + 1
    _edit(
        setup,
        person.path,
        lambda raw: add_reminder(raw, reminder, person.path),
        dry_run,
        f"Added reminder {number} on {day.isoformat()} in {person.path}",
        "",
    )


def _still_interested(value: str | None) -> StillInterested | None:
    if value is None:
        return None
    folded = value.strip().casefold()
    if folded in values(StillInterested):
        return StillInterested(folded)
    meant = meaning(value, INTEREST_WORDS)
    if meant is not None:
        return StillInterested(meant)
    allowed = values(StillInterested)
    suggestion = closest(folded, allowed)
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    raise BadInput(f"--still-interested '{value}' is not one of {', '.join(allowed)}{hint}")


@main.command()
@click.argument("interview")
@click.option("--learned", help="The one thing you learned.")
@click.option("--went-well", help="What went well.")
@click.option("--improve", help="What to do differently next time.")
@click.option("--still-interested", help="yes, no or unsure.")
@click.option("--rating", type=click.IntRange(1, 5), help="1 to 5.")
@click.option("--next-step", "next_steps", multiple=True, help="A next step (repeatable; added).")
@dry_run_option
@config_option
def reflect(
    interview: str,
    learned: str | None,
    went_well: str | None,
    improve: str | None,
    still_interested: str | None,
    rating: int | None,
    next_steps: tuple[str, ...],
    dry_run: bool,
    config_file: str,
) -> None:
    """Write the reflection of an interview.

    With options, writes those fields under `reflection` (next steps are
    added to those there). Without, opens the note in your editor, with a
    commented-out reflection block to fill in when it has none. INTERVIEW is
    the note's name, or a contact: their latest held interview.
    """
    from ..authoring.loops import ReflectionFields, add_reflection_template, write_reflection

    setup = load_setup(config_file)
    interested = _still_interested(still_interested)

    def text(value: str | None, option: str) -> str | None:
        if value is None:
            return None
        cleaned = " ".join(value.split())
        if not cleaned:
            raise BadInput(f"{option} is empty")
        return cleaned

    fields = ReflectionFields(
        learned=text(learned, "--learned"),
        went_well=text(went_well, "--went-well"),
        improve=text(improve, "--improve"),
        still_interested=interested,
        rating=rating,
        next_steps=tuple(s for s in (text(n, "--next-step") for n in next_steps) if s),
    )
    notebook = setup.read()
    chosen = find_interview(setup, notebook, interview, upcoming=False)
    _refuse_if_broken(notebook, chosen.path)
    if not fields.is_empty():
        _edit(
            setup,
            chosen.path,
            lambda raw: write_reflection(raw, fields, chosen.path),
            dry_run,
            f"Wrote the reflection in {chosen.path}",
            f"{chosen.path} already says so",
        )
        return
    _edit(
        setup,
        chosen.path,
        lambda raw: add_reflection_template(raw, chosen.path),
        dry_run,
        f"Added a commented-out reflection block to {chosen.path}",
        f"{chosen.path} has a reflection already",
    )
    if not dry_run:
        open_in_editor(setup.root / chosen.path)
