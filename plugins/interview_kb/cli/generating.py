"""``interview-kb generate``: the site's generated pages written out as files."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import click

from ..core.wording import count_of
from .app import config_option, load_setup, main
from .files import (
    GENERATED_MARKER,
    generated_before,
    marker_text,
    replace_folder,
    shown_path,
    write_new_file,
)

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    pass


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--today", help="Compute as if today were this date, written YYYY-MM-DD.")
@config_option
def generate(outdir: Path, today: str | None, config_file: str) -> None:
    """Write the site's generated pages into OUTDIR as files.

    For another site generator or a note-taking app: the same pages the
    plugin adds to the site. Run again, it replaces the folder it wrote
    (it leaves a marker, .interview-kb-generated, listing its files); it
    never writes over anything else.
    """
    from ..pipeline import build, gather

    setup = load_setup(config_file)
    target = outdir.resolve()
    options = setup.options
    guarded = [
        ((setup.root / options.contacts_dir).resolve(), "the contacts folder"),
        ((setup.root / options.interviews_dir).resolve(), "the interviews folder"),
    ]
    if setup.docs_dir is not None:
        guarded.append((setup.docs_dir, "docs_dir, where the plugin adds the same pages"))
    for folder, what in guarded:
        if target.is_relative_to(folder):
            raise click.ClickException(f"{outdir} is inside {what}; choose a folder outside it")
    inputs = gather(setup.root, options)
    notebook = inputs.notebook
    day = setup.today(today)
    home = None
    index = setup.docs_dir / "index.md" if setup.docs_dir is not None else None
    if options.publish == "notebook" and index is not None and index.is_file():
        home = index.read_text(encoding="utf-8-sig")
    pages: dict[str, str | bytes] = dict(build(inputs, day, options, home, directory_urls=None))
    for site_path, source in inputs.images.items():  # so that embedded images show
        pages.setdefault(site_path, source.read_bytes())
    files: dict[Path, bytes] = {}
    for name, content in sorted(pages.items()):
        relative = PurePosixPath(name)
        path = (target / relative).resolve()
        if relative.is_absolute() or ".." in relative.parts or not path.is_relative_to(target):
            raise click.ClickException(f"the page path {name!r} would fall outside {outdir}")
        for folder, what in guarded:  # OUTDIR is the notebook itself, or holds a link
            if path.is_relative_to(folder):
                raise click.ClickException(
                    f"the page {name} would be written inside {what}; choose another folder"
                )
        files[path] = content.encode("utf-8") if isinstance(content, str) else content
    before = generated_before(target) if target.is_dir() else None
    if before is not None:
        # Written by generate before: replaced as a whole, unless something
        # else was put in the folder since.
        known = {*before, GENERATED_MARKER}
        others = [
            p.relative_to(target).as_posix()
            for p in sorted(target.rglob("*"))
            if not p.is_dir() or p.is_symlink()
            if p.relative_to(target).as_posix() not in known
        ]
        if others:
            listed = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
            raise click.ClickException(
                f"{outdir} was written by generate, but now also holds {listed}; nothing "
                "was written: move those away, or choose another folder"
            )
        names = {p.relative_to(target).as_posix(): data for p, data in files.items()}
        names[GENERATED_MARKER] = marker_text(names).encode("utf-8")
        replace_folder(target, names)
        click.echo(f"Replaced {outdir} with {count_of(len(files), 'file')}")
        _left_out(len(notebook.errors))
        return
    present = [shown_path(p, target) for p in files if p.exists() or p.is_symlink()]
    if present:
        listed = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise click.ClickException(
            f"{outdir} already holds {len(present)} of the files to write ({listed}); "
            "nothing was written: choose an empty folder"
        )
    marker = target / GENERATED_MARKER
    if marker.exists() or marker.is_symlink():
        raise click.ClickException(
            f"{outdir} holds a {GENERATED_MARKER} that generate did not write; "
            "nothing was written: choose another folder"
        )
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(path, data)
    # The marker: how a later run knows it may replace the folder.
    written = [p.relative_to(target).as_posix() for p in files]
    write_new_file(marker, marker_text(written).encode("utf-8"))
    click.echo(f"Wrote {count_of(len(files), 'file')} to {outdir}")
    _left_out(len(notebook.errors))


def _left_out(errors: int) -> None:
    if errors:
        click.echo(f"{errors} problem(s) left notes out; `interview-kb check` lists them", err=True)
