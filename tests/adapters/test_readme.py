"""The README's "Start your own notebook" runs as written, from the
notebook's folder and from a subfolder of it."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb.cli import main
from interview_kb.core.model import Options
from interview_kb.reader.notes import read_notebook

from ..conftest import REPO, LogGuard


def readme_steps() -> list[list[str]]:
    """The commands of the README's first shell block after "Start your own
    notebook", each split as a shell would (comments and line breaks too)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Start your own notebook", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "no ```sh block in the README's Start your own notebook"
    joined = block.group(1).replace("\\\n", " ")
    return [shlex.split(line, comments=True) for line in joined.splitlines() if line.strip()]


@pytest.mark.parametrize("where", ["top", "subfolder"])
def test_start_your_own_notebook_runs_as_written(
    tmp_path: Path, log_guard: LogGuard, where: str
) -> None:
    steps = readme_steps()
    assert [s[:2] for s in steps][:2] == [["interview-kb", "init"], ["cd", "my-interviews"]]
    here = tmp_path
    before = Path.cwd()
    try:
        for step in steps:
            os.chdir(here)
            if step[0] == "cd":
                here = here / step[1]
                if where == "subfolder" and step[1] == "my-interviews":
                    here = here / "contacts"  # every later command from a subfolder
                continue
            if step[:2] == ["interview-kb", "serve"]:
                continue  # served in test_cli_serve and the wheel check; built below
            assert step[0] == "interview-kb", step
            result = CliRunner().invoke(main, step[1:])
            assert result.exit_code == 0, (step, result.output)
    finally:
        os.chdir(before)
    notebook = tmp_path / "my-interviews"
    book = read_notebook(notebook, Options())
    assert book.problems == ()
    assert [i.contact for i in book.interviews.values()] == ["jane-doe"]
    assert book.contacts["jane-doe"].outreach[0].kind == "request"
    build(load_config(config_file=str(notebook / "mkdocs.yml")))
    assert (notebook / "site" / "contacts" / "jane-doe" / "index.html").is_file()
