"""The members of a group's guide (``shared_from``): share bundles or whole notebooks."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..core.model import Notebook, Options, Problem
from .bundle import is_bundle, read_bundle
from .notes import NoteCache, _relative, read_notebook


def read_shared(
    root: Path, patterns: Iterable[str], options: Options, cache: NoteCache | None = None
) -> list[Notebook]:
    """The notebooks named by ``shared_from``: folders or globs, relative to ``root``.

    A pattern such as ``members/*`` whose fixed part is an existing folder
    may match nothing: a group with no member's bundle yet.
    A folder holding ``bundle.yml`` is a member's share bundle (``bundle.py``),
    read as one; any other is a member's whole notebook.

    Each is read like the main notebook (same folder names, the same
    ``cache``); a problem is reported with the folder in front of the path. A
    pattern that matches no folder is itself a problem, reported on the
    notebook's ``mkdocs.yml``.
    """
    notebooks: list[Notebook] = []
    seen: set[Path] = {root.resolve()}
    for pattern in patterns:
        base = Path(pattern).expanduser()
        matches = (
            sorted(root.glob(pattern))
            if not base.is_absolute()
            else sorted(Path(base.anchor).glob(str(base.relative_to(base.anchor))))
        )
        folders = [m for m in matches if m.is_dir()]
        if not folders and _empty_group(root, pattern):
            continue
        if not folders:
            notebooks.append(
                Notebook(
                    problems=(
                        Problem(
                            "mkdocs.yml",
                            1,
                            "error",
                            f"shared_from '{pattern}' matches no folder; "
                            "give a notebook folder, relative to mkdocs.yml",
                        ),
                    )
                )
            )
            continue
        for folder in folders:
            resolved = folder.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            label = _relative(folder, root)
            if is_bundle(folder):
                notebooks.append(read_bundle(folder, label))
                continue
            notebook = read_notebook(folder, options, cache)
            problems = tuple(
                Problem(f"{label}/{p.path}", p.line, p.severity, p.message)
                for p in notebook.problems
            )
            notebooks.append(
                Notebook(
                    contacts=notebook.contacts,
                    interviews=notebook.interviews,
                    bank=notebook.bank,
                    problems=problems,
                )
            )
    return notebooks


def _empty_group(root: Path, pattern: str) -> bool:
    """Whether ``pattern`` has a wildcard and names an existing folder before it."""
    parts = Path(pattern).expanduser().parts
    wild = [n for n, part in enumerate(parts) if any(c in part for c in "*?[")]
    if not wild:
        return False
    return (root / Path(*parts[: wild[0]])).is_dir() if wild[0] else True
