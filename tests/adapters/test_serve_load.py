"""Concurrency and load (issue 9, item 6): ``mkdocs serve`` on a generated
notebook while a script edits notes in quick succession keeps answering, ends
on pages that show the last edit of every note, and its memory does not keep
growing from rebuild to rebuild.

The work is done by ``benchmarks/serve_load.py``, which runs the same at the
issue's full size (1,000 notes, 100 edits) and prints its figures; here the
notebook is small enough for ``make test``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ..conftest import REPO

BENCHMARKS = REPO / "benchmarks"
NOTES = 200
EDITS = 30
SPACED = 3  # edits waited for one by one after the burst: more rebuilds to measure

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").is_file(), reason="reads the server's memory in /proc"
)


def load(name: str) -> ModuleType:
    """A script of benchmarks/ (not a package) as a module, by its path."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def serve_load() -> ModuleType:
    # serve_load.py imports generate.py by name, as bench.py does.
    generate = sys.modules.get("generate") or load("generate")
    assert generate.__file__ == str(BENCHMARKS / "generate.py")
    return load("serve_load")


def test_serve_under_edits_keeps_answering_and_ends_on_the_last_edit(
    tmp_path: Path, serve_load: ModuleType
) -> None:
    report = serve_load.run(tmp_path / "notebook", NOTES, EDITS, spaced=SPACED, timeout=180)
    print(report.text())
    assert report.edited == 10
    assert report.answers > 0
    assert report.failures == [], "the server did not answer while it rebuilt"
    assert report.stale == [], "pages that do not show their last edit"
    assert not report.stuck
    assert report.final_errors == []
    # The burst makes at least one rebuild; the spaced edits one each.
    assert len(report.rebuilds) >= 1 + SPACED
    rss = [build.rss_kb for build in report.rebuilds]
    assert all(rss), "the server's memory could not be read"
    assert report.rss_growth_ok(), f"memory grows from rebuild to rebuild: {rss} kB"


def test_the_edits_change_only_the_role_line(tmp_path: Path, serve_load: ModuleType) -> None:
    generate = sys.modules["generate"]
    root = tmp_path / "notebook"
    generate.write_notebook(root, 40, 1)
    (path,) = serve_load.targets(root, 1)
    before = path.read_bytes()
    serve_load.edit_role(path, serve_load.marker(7))
    after = path.read_bytes()
    removed = set(before.splitlines(keepends=True)) - set(after.splitlines(keepends=True))
    added = set(after.splitlines(keepends=True)) - set(before.splitlines(keepends=True))
    assert [line.startswith(b"role: ") for line in removed] == [True]
    assert added == {b"role: Load marker M00007X\n"}
    assert len(after.splitlines()) == len(before.splitlines())


# The end of a log seen in a run: MkDocs dropped the last rebuild's "Documentation
# built in 3.24 seconds", a message it had logged once already.
LOG = """\
INFO    -  Building documentation...
INFO    -  Cleaning site directory
INFO    -  Documentation built in 3.24 seconds
INFO    -  [02:44:57] Serving on http://127.0.0.1:49513/
INFO    -  [02:44:58] Detected file changes
INFO    -  Building documentation...
WARNING -  contacts/x.md:3: warning: something
INFO    -  Documentation built in 3.35 seconds
INFO    -  [02:45:01] Reloading browsers
INFO    -  [02:45:17] Detected file changes
INFO    -  Building documentation...
ERROR   -  contacts/y.md:1: error: the file is empty
INFO    -  [02:45:21] Reloading browsers
INFO    -  [02:45:22] Detected file changes
"""


def test_the_log_tells_every_build_even_when_mkdocs_drops_a_repeated_message(
    serve_load: ModuleType,
) -> None:
    memory = iter([100, 110, 120])
    log = serve_load.BuildLog(lambda: next(memory))
    for second, line in enumerate(LOG.splitlines()):
        log.note(line, float(second))
    assert [(b.detected, b.started, b.finished, b.rss_kb) for b in log.builds] == [
        (None, 0.0, 2.0, 100),
        (4.0, 5.0, 7.0, 110),
        (9.0, 10.0, 12.0, 120),
    ]
    assert [(len(b.errors), b.warnings) for b in log.builds] == [(0, 0), (0, 1), (1, 0)]
    assert not log.idle  # changes detected, their build not begun yet
    assert not log.stuck
    log.note("ERROR   -  An error happened during the rebuild. The server will appear stuck", 14)
    assert log.stuck
