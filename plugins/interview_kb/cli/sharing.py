"""``interview-kb share``: a member's share bundle for a group's guide."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

import click

from ..core.wording import count_of
from .app import config_option, load_setup, main
from .files import shown_path

# The key of the bundle's hashed ids: kept in the notebook, never in a bundle.
KEY_FILE = ".interview-kb-share-key"


def share_key(root: Path) -> bytes:
    """The notebook's key for the bundle's ids, made on first use."""
    path = root / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as problem:
        raise click.ClickException(f"cannot read {path}: {problem}") from None
    if len(text) >= 32:
        return text.encode("ascii")
    text = secrets.token_hex(32)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise click.ClickException(
            f"{path} is not a key this command wrote; move it away and run it again"
        ) from None
    with os.fdopen(handle, "w", encoding="ascii") as stream:
        stream.write(text + "\n")
    return text.encode("ascii")


def _ours(target: Path) -> list[str]:
    """The files of an earlier bundle in ``target``; refuses anything else."""
    from ..reader.bundle import ID, KIND, MANIFEST

    if not target.exists():
        return []
    if not target.is_dir():
        raise click.ClickException(f"{target} is a file; give a folder for the bundle")
    present = sorted(p for p in target.iterdir() if not p.name.startswith("."))
    if not present:
        return []
    manifest = target / MANIFEST
    try:
        ours = manifest.is_file() and f"bundle: {KIND}" in manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        ours = False
    foreign = [
        p.name
        for p in present
        if not (
            ours
            and p.is_file()
            and not p.is_symlink()
            and (p.name == MANIFEST or (p.suffix == ".yml" and ID.match(p.stem)))
        )
    ]
    if foreign:
        listed = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise click.ClickException(
            f"{target} holds files that are not a share bundle this command wrote ({listed}); "
            "nothing was written: choose an empty folder, or the folder of your bundle"
        )
    return [p.name for p in present]


def _write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@main.command()
@click.option(
    "--out",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The bundle's folder: new, empty, or a bundle this command wrote before.",
)
@click.option("--today", help="As if today were this date, written YYYY-MM-DD.")
@config_option
def share(outdir: Path, today: str | None, config_file: str) -> None:
    """Write your share bundle into a folder, for a group's guide.

    The bundle holds only what the guide may publish from your notebook: the
    answers and lessons of your shared interviews, redacted, with their month
    and who answered (seniority and field), and how often each bank question
    was asked. No name, email, organization, place, note body, unshared
    interview or outreach. Read the files, then send the folder to your group.
    Running it again refreshes the bundle; it never writes over other files.
    """
    from ..analysis.share import share_bundle
    from ..authoring.share_text import bundle_files
    from ..reader.bundle import MANIFEST

    setup = load_setup(config_file)
    target = outdir.resolve()
    for folder in (setup.options.contacts_dir, setup.options.interviews_dir):
        if target.is_relative_to((setup.root / folder).resolve()):
            raise click.ClickException(f"{outdir} is inside your notes; choose another folder")
    before = _ours(target)
    notebook = setup.read()
    bundle = share_bundle(notebook, setup.today(today), share_key(setup.root))
    files = bundle_files(bundle)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():  # bundle.yml last: it lists the others
        _write(target / name, text)
    removed = [name for name in before if name not in files]
    for name in removed:
        (target / name).unlink()
    shown = shown_path(target, Path.cwd())
    click.echo(
        f"Wrote the share bundle {shown}: {count_of(len(bundle.interviews), 'shared interview')}"
    )
    for interview in bundle.interviews:
        answers = sum(1 for a in interview.answers if a.answer)
        lesson = ", a lesson" if interview.lesson else ""
        who = " ".join(w for w in (interview.seniority, interview.tag) if w) or "no attribution"
        click.echo(
            f"  {interview.id}.yml  {interview.month}, {who}: {count_of(answers, 'answer')}{lesson}"
        )
    click.echo(
        f"  {MANIFEST}  counts of {count_of(len(bundle.asked), 'bank question')} asked, "
        f"{count_of(len(bundle.questions), 'question')} of your own bank"
    )
    if removed:
        click.echo(
            f"Removed {count_of(len(removed), 'file')} of the earlier bundle: " + ", ".join(removed)
        )
    click.echo("Read the files before you send the folder: they are what the guide publishes.")
    if notebook.errors:
        click.echo(
            f"{len(notebook.errors)} problem(s) left notes out; `interview-kb check` lists them",
            err=True,
        )
