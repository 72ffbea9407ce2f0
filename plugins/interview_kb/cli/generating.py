"""``interview-kb generate``: the site's generated pages written out as files."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import click

from ..core.wording import count_of
from .app import config_option, load_setup, main
from .files import shown_path, write_new_file

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
    plugin adds to the site. Never writes over a file.
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
    present = [shown_path(p, target) for p in files if p.exists() or p.is_symlink()]
    if present:
        listed = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise click.ClickException(
            f"{outdir} already holds {len(present)} of the files to write ({listed}); "
            "nothing was written: choose an empty folder"
        )
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(path, data)
    click.echo(f"Wrote {count_of(len(files), 'file')} to {outdir}")
    if notebook.errors:
        click.echo(
            f"{len(notebook.errors)} problem(s) left notes out; `interview-kb check` lists them",
            err=True,
        )
