"""Shared fixtures: small notebooks written into temporary folders, and a
guard that fails a test on any warning MkDocs or the plugin logs."""

from __future__ import annotations

import logging
import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Material 9.8 prints an end-of-life banner on every build; it is not ours.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

MINIMAL_CONFIG = """\
site_name: Test notebook
theme:
  name: material
  font: false
plugins:
  - search
  - interview-kb:
      today: 2026-11-20
"""

WriteNotebook = Callable[..., Path]


@pytest.fixture
def write_notebook(tmp_path: Path) -> WriteNotebook:
    """Write a notebook: ``write_notebook({"contacts/jane.md": "...", ...})``.

    Texts are dedented; a ``mkdocs.yml`` and ``docs/`` are added unless given.
    """

    def write(files: dict[str, str | bytes], config: str = MINIMAL_CONFIG) -> Path:
        root = tmp_path / "notebook"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "contacts").mkdir(exist_ok=True)
        (root / "interviews").mkdir(exist_ok=True)
        if "mkdocs.yml" not in files:
            (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return root

    return write


class LogGuard(logging.Handler):
    """Collects every record at WARNING or above from the ``mkdocs`` loggers."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self.expected: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def expect(self, fragment: str) -> None:
        """Allow a warning or error whose message holds ``fragment``."""
        self.expected.append(fragment)

    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    def unexpected(self) -> list[str]:
        return [m for m in self.messages() if not any(e in m for e in self.expected)]


@pytest.fixture
def log_guard() -> Iterator[LogGuard]:
    """Fails the test on any unexpected warning or error logged by MkDocs or us."""
    guard = LogGuard()
    logger = logging.getLogger("mkdocs")
    level, logger.level = logger.level, logging.NOTSET  # nothing may silence the guard
    logger.addHandler(guard)
    try:
        yield guard
    finally:
        logger.removeHandler(guard)
        logger.setLevel(level)
    unexpected = guard.unexpected()
    assert not unexpected, f"unexpected warnings: {unexpected}"
