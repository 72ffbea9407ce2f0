"""Writing files for the commands: new files created exclusively, notes replaced
atomically (a temporary file beside the note, then a rename), never over a change
made meanwhile."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
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
