"""`mkdocs serve --livereload`: editing a note changes the open page by itself."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import REPO
from .conftest import Traffic

pytestmark = pytest.mark.browser

NOTEBOOK = ["mkdocs.yml", "questions.yml", "contacts", "interviews", "docs"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_served(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"mkdocs serve did not answer in 60 s:\n{log.read_text(errors='replace')}")


@pytest.fixture
def served_copy(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """The example notebook copied to a temporary folder, under `mkdocs serve`."""
    root = tmp_path / "notebook"
    root.mkdir()
    for name in NOTEBOOK:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy2(source, root / name)
    address = f"127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://{address}/"
        wait_until_served(url, server, log)
        yield root, url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_editing_a_note_changes_the_open_page(
    served_copy: tuple[Path, str], page: Page, traffic: Traffic
) -> None:
    # served_copy comes first so that the page is closed before the server stops.
    root, url = served_copy
    traffic.allow(url)
    page.goto(url + "contacts/mei-lin-zhou/")
    expect(page.get_by_text("Research and Data Analyst at Riverbend")).to_be_visible()
    note = root / "contacts/mei-lin-zhou.md"
    text = note.read_text(encoding="utf-8")
    assert "role: Research and Data Analyst\n" in text
    note.write_text(
        text.replace("role: Research and Data Analyst\n", "role: Head of Assessment Data\n"),
        encoding="utf-8",
    )
    # No page.reload(): the page must reload by itself.
    expect(page.get_by_text("Head of Assessment Data at Riverbend")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Research and Data Analyst")).to_have_count(0)
