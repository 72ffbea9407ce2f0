"""The commands that help with the next step: ``draft`` (a message) and
``prepare`` (an interview's prep sheet)."""

from __future__ import annotations

import json

import click

from ..core.vocab import DraftKind
from .app import BadInput, config_option, main


@main.command()
@click.argument("kind", type=click.Choice([kind.value for kind in DraftKind]))
@click.argument("slug")
@click.option(
    "--to",
    "to",
    help="referral: the person referred (name or slug); try-another: the contact to write to.",
)
@config_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("--today", help="Draft as if today were this date, written YYYY-MM-DD.")
def draft(
    kind: str, slug: str, to: str | None, config_file: str, output_format: str, today: str | None
) -> None:
    """One drafted message: KIND for the contact SLUG (request, follow-up,
    try-another, reconnect) or the interview SLUG (thank-you, promised, referral).

    The draft is signed from profile.yml and quotes nothing you wrote for
    yourself: edit it, then send it from your own e-mail program.
    """
    from ..analysis.drafts import NoDraft, compose
    from ..render.markup import mailto
    from .app import load_setup

    setup = load_setup(config_file)
    notebook = setup.read()
    try:
        found = compose(notebook, DraftKind(kind), slug, to, setup.today(today))
    except NoDraft as problem:
        raise BadInput(str(problem)) from None
    link = mailto(found.email, found.draft.subject, found.draft.body) if found.email else None
    if output_format == "json":
        data = {
            "kind": found.kind.value,
            "to": found.to,
            "email": found.email,
            "subject": found.draft.subject,
            "body": found.draft.body,
            "mailto": link,
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    address = f" <{found.email}>" if found.email else " (no e-mail address in the notes)"
    click.echo(f"To: {found.to}{address}")
    click.echo(f"Subject: {found.draft.subject}")
    click.echo("")
    click.echo(found.draft.body)


@main.command()
@click.argument("interview")
@config_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
@click.option("--today", help="Prepare as if today were this date, written YYYY-MM-DD.")
def prepare(interview: str, config_file: str, output_format: str, today: str | None) -> None:
    """The prep sheet of INTERVIEW (its slug): who, your ties, their organization,
    logistics, your questions with what others answered, more questions, your
    introduction and room to write. The interview's page shows the same sheet
    while it is upcoming, and prints it on paper."""
    from ..analysis.prep import prep_sheet
    from ..core.suggest import closest
    from ..render.prep import prep_json, prep_markdown
    from .app import load_setup

    setup = load_setup(config_file)
    notebook = setup.read()
    found = notebook.interviews.get(interview)
    if found is None:
        near = closest(interview, notebook.interviews, 3)
        hint = f"; did you mean '{near}'?" if near else ": give its file name without .md"
        raise BadInput(f"no interview '{interview}' in {setup.options.interviews_dir}/{hint}")
    day = setup.today(today)
    if not found.is_upcoming(day):
        click.echo(
            f"Note: {interview} is not upcoming on {day.isoformat()}; the sheet is for reference.",
            err=True,
        )
    sheet = prep_sheet(notebook, found, day)
    if output_format == "json":
        click.echo(json.dumps(prep_json(sheet), indent=2, ensure_ascii=False))
        return
    click.echo(prep_markdown(sheet), nl=False)
