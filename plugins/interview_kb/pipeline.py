"""Gather what the pages are made from, and build every page: the one path from
the notes on disk to ``{site path: page}`` that both adapters take (the MkDocs
plugin's ``on_files`` and ``interview-kb generate``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .core.model import Notebook, Notice, Options, Problem
from .reader.notes import NoteCache, read_notebook
from .reader.shared import read_shared
from .render.links import LinkedNotes, notebook_attachments
from .render.memo import PageMemo
from .render.pages import render_pages


@dataclass(frozen=True)
class Inputs:
    """The notebook, the shared notebooks of a guide, and the images beside the notes."""

    notebook: Notebook
    shared: tuple[Notebook, ...]
    images: dict[str, Path]  # site path: file

    @property
    def problems(self) -> list[Problem]:
        """The reader's problems, the notebook's first, then each shared one's."""
        return [*self.notebook.problems, *(p for s in self.shared for p in s.problems)]

    @property
    def notices(self) -> list[Notice]:
        """What the reader chose for the notebook's notes (see ``Notice``)."""
        return list(self.notebook.notices)


def gather(root: Path, options: Options, cache: NoteCache | None = None) -> Inputs:
    """Read the notes: the notebook's own, the ``shared_from`` ones in ``guide``
    mode, and (in ``notebook`` mode) the images kept beside them."""
    notebook = read_notebook(root, options, cache)
    shared = (
        tuple(read_shared(root, options.shared_from, options, cache))
        if options.publish == "guide"
        else ()
    )
    images = notebook_attachments(root, options) if options.publish == "notebook" else {}
    return Inputs(notebook, shared, images)


def build(
    inputs: Inputs,
    today: date,
    options: Options,
    home: str | None = None,
    linked: LinkedNotes | None = None,
    directory_urls: bool | None = True,
    stash: Callable[[str], str] | None = None,
    plain_bodies: frozenset[str] = frozenset(),
    site_url: str | None = None,
    only: frozenset[str] | None = None,
    memo: PageMemo | None = None,
) -> dict[str, str | bytes]:
    """Every generated page, or those in ``only`` (see ``render.pages.render_pages``)."""
    return render_pages(
        inputs.notebook,
        today,
        options,
        inputs.shared,
        home,
        tuple(inputs.images),
        linked,
        directory_urls=directory_urls,
        stash=stash,
        plain_bodies=plain_bodies,
        site_url=site_url,
        only=only,
        memo=memo,
    )
