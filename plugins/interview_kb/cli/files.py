"""Writing files for the commands: new files created exclusively, notes replaced
atomically (a temporary file beside the note, then a rename), never over a change
made meanwhile."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

# The commands that write notes import authoring (and with it Jinja2) when
# they run, as other commands import what only they need: `check` starts
# with no more than it uses.
if TYPE_CHECKING:
    pass


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a file that must not exist yet: no command overwrites a file.

    The bytes go to a hidden temporary file beside it (the reader skips names
    starting with "."), which is then linked under the name: the link fails
    if the name exists, and a process killed half-way leaves either no file
    or the whole one, never half a note.
    """
    temporary = None
    try:
        handle, temporary = _hidden_beside(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except OSError as problem:
            if isinstance(problem, FileExistsError):
                raise
            # A file system without hard links: exclusive creation instead.
            with path.open("xb") as stream:
                stream.write(data)
    except FileExistsError:
        raise click.ClickException(
            f"{path} already exists; choose another name or remove it first"
        ) from None
    except OSError as problem:
        raise click.ClickException(f"cannot write {path}: {problem.strerror}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _hidden_beside(path: Path) -> tuple[int, str]:
    """A new empty file ``.<name>.<random>`` in ``path``'s folder, made the way
    ``open`` makes files: 0o666 less the umask (``mkstemp`` gives 0o600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}"))
        with contextlib.suppress(FileExistsError):
            return os.open(temporary, flags, 0o666), temporary


def replace_file(path: Path, original: bytes, data: bytes, name: str | None = None) -> None:
    """Replace a note's content atomically: a temporary file in the same folder,
    then a rename, so the note is always either the old or the new file.

    The file keeps its permission bits; if it no longer holds ``original``
    (changed by someone else meanwhile), nothing is written. ``name`` is how
    messages call the file (its path relative to the notebook).
    """
    name = name or str(path)
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if target.read_bytes() != original:
            raise click.ClickException(
                f"{name} changed while it was being edited; nothing was written, try again"
            )
        os.replace(temporary, target)
    except BaseException as problem:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(problem, OSError):
            reason = problem.strerror or str(problem)
            raise click.ClickException(
                f"cannot write {name}: {reason}; the note is unchanged"
            ) from None
        raise


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def refresh_file(path: Path, data: bytes, ours: Callable[[bytes], bool], what: str) -> bool:
    """Write ``data`` to ``path``: a new file, or one that ``ours`` recognises
    as written by this command before, replaced atomically (temporary file,
    then rename). Anything else is refused. Returns whether it replaced one."""
    if not path.exists() and not path.is_symlink():
        write_new_file(path, data)
        return False
    try:
        with path.open("rb") as stream:
            original = stream.read(MAX_REFRESHED + 1)
    except OSError as problem:
        raise click.ClickException(f"cannot read {path}: {problem.strerror}") from None
    if len(original) > MAX_REFRESHED or not ours(original):
        raise click.ClickException(
            f"{path} already exists and was not written by {what}; "
            "choose another name or remove it first"
        )
    replace_file(path, original, data, str(path))
    return True


MAX_REFRESHED = 64 * 1024 * 1024  # larger than any file written here: not ours

GENERATED_MARKER = ".interview-kb-generated"
_MARKER_FIRST_LINE = "Written by `interview-kb generate`, which replaces this folder as a whole."


def marker_text(files: Iterable[str]) -> str:
    """The marker ``generate`` leaves in its folder: what it wrote, one a line."""
    return "\n".join([_MARKER_FIRST_LINE, *sorted(files)]) + "\n"


def generated_before(folder: Path) -> list[str] | None:
    """The files listed by the marker of an earlier ``generate`` in ``folder``,
    or None when it has no such marker."""
    marker = folder / GENERATED_MARKER
    if not marker.is_file() or marker.is_symlink():
        return None
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return lines[1:] if lines and lines[0] == _MARKER_FIRST_LINE else None


def replace_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative paths) as a new folder beside ``folder``,
    then put it in ``folder``'s place: the old folder is renamed aside and
    removed, so ``folder`` is at every moment the old tree or the new one
    (between the two renames, for an instant, neither: the new tree is then
    left beside it under a hidden name)."""
    parent = folder.parent
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.new."))
    try:
        if folder.is_dir():  # mkdtemp makes it 0o700: the folder's own bits instead
            os.chmod(staging, stat.S_IMODE(folder.stat().st_mode))
        else:
            mask = os.umask(0o022)
            os.umask(mask)
            os.chmod(staging, 0o777 & ~mask)
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        old = None
        if folder.exists():
            old = parent / f".{folder.name}.old.{secrets.token_hex(4)}"
            os.replace(folder, old)
        os.replace(staging, folder)
    except OSError as problem:
        shutil.rmtree(staging, ignore_errors=True)
        raise click.ClickException(
            f"cannot write {folder}: {problem.strerror or problem}"
        ) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
