"""The stylesheet and script the plugin adds to every page of the site.

They ship inside the package (``assets/``) and are copied into the built site
under ``assets/interview-kb/``, so that a minimal ``mkdocs.yml`` gets them and
no page asks another host for anything. The stylesheet underlines links in
running text, shows the keyboard focus and styles the notebook's checklists;
the script names Material's search dialog and lets the keyboard reach a table
that scrolls sideways (see the comments in each file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PACKAGED = Path(__file__).resolve().parent / "assets"
SITE_FOLDER = "assets/interview-kb"
STYLESHEET = f"{SITE_FOLDER}/interview-kb.css"
SCRIPT = f"{SITE_FOLDER}/interview-kb.js"


def add_to_config(config: MkDocsConfig) -> None:
    """List the stylesheet in ``extra_css`` and the script in ``extra_javascript``,
    after the user's own (once, however often the config is loaded)."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if all(str(script) != SCRIPT for script in config.extra_javascript):
        config.extra_javascript.append(SCRIPT)


def add_to_files(files: Files, config: MkDocsConfig) -> None:
    """Copy both files into the site, unless ``docs/`` has a file of that name."""
    for uri in (STYLESHEET, SCRIPT):
        if files.get_file_from_path(uri) is None:
            source = PACKAGED / uri.rsplit("/", 1)[1]
            files.append(File.generated(config, uri, abs_src_path=str(source)))
