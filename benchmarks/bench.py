"""The benchmark: our build against plain MkDocs, reading against the YAML floor.

For each size (100, 1,000 and 5,000 notes; 10,000 too with ``BENCH_FULL=1``;
``BENCH_SIZES=100,1000`` picks others) it generates a notebook with
``generate.py`` (seed 1) and times, in a fresh Python process each time:

- ``interview-kb check`` against the parse floor: a few lines that read every
  note and parse its front-matter with ``yaml.CSafeLoader``; each also timed
  from within, without Python's start and the imports, to compare the
  reading alone;
- ``mkdocs build`` of the notebook (our plugin) against a plain MkDocs build
  of the same notes as ordinary pages, same theme, no plugin, with the note
  pages out of the sidebar (``not_in_nav``: the render limit) and in it (the
  plain default; skipped above 2,000 notes unless ``BENCH_FULL=1``);
- the peak memory (maximum resident set) of each build, and the site's size;
- a rebuild after one edit, as ``mkdocs serve`` makes it: in one process, a
  first build, then ``BENCH_RUNS`` rebuilds, each after an edit of one note,
  each with the config loaded again (the plugin object, and its cache of read
  notes, outlive the config as in serve).

Each command runs ``BENCH_RUNS`` times (default 5); a run times every command
of every size, the sizes taking turns. Times are medians; each ratio is taken
within one run (ours in run 2 over plain in run 2, or the 5,000-note build of
run 2 over the 1,000-note one) and the median of those ratios is shown. The
machine and the versions are printed, then the tables, which are also written
to ``benchmarks/out/latest.md``. Nothing here asserts a time: the benchmark
always exits 0.

Run it with ``make bench`` or ``.venv/bin/python benchmarks/bench.py``.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from generate import write_notebook
from serve_load import Server, edit_role
from serve_load import targets as role_targets

from interview_kb.plugin import EXTENSIONS as PLUGIN_EXTENSIONS

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
WORK = OUT / "work"
SEED = 1
DEFAULT_SIZES = (100, 200, 1000, 5000)
FULL_SIZES = (100, 200, 1000, 5000, 10000)
# Above this, the plain build with every note in the sidebar grows with the
# square of the notes (about 10 minutes at 5,000): only with BENCH_FULL=1.
IN_NAV_LIMIT = 2000
# The serve case (edit to visible in `interview-kb serve`) up to this size
# unless BENCH_FULL=1: a 5,000-note server rebuilds for about a minute per edit.
SERVE_LIMIT = 2000
BIN = Path(sys.executable).parent
PYTHON = sys.executable

# The plain build gets the Markdown extensions our plugin turns on by itself,
# so that both render the same Markdown the same way.
EXTENSIONS: dict[str, dict[str, object]] = dict(PLUGIN_EXTENSIONS)

# The floor of reading: Python's start, reading every note and parsing its
# front-matter with libyaml. Nothing is checked or built.
FLOOR = """\
import sys
import time
from pathlib import Path

import yaml

started = time.perf_counter()
count = 0
for folder in ("contacts", "interviews"):
    for path in sorted(Path(sys.argv[1], folder).rglob("*.md")):
        if path.name.startswith(("_", ".")):
            continue
        text = path.read_bytes().decode("utf-8")
        _, front, _body = text.split("---\\n", 2)
        yaml.load(front, Loader=yaml.CSafeLoader)
        count += 1
print(count, "notes")
print("reading:", time.perf_counter() - started)
"""

# ``interview-kb check`` timed from within: Python's start and the imports
# are left out. At 100 notes they are most of both readers' times, so the
# reading itself is also compared, with the floor's time from within.
CHECK_INSIDE = """\
import sys
import time

from interview_kb.cli import main

started = time.perf_counter()
try:
    main(["check", "--config", sys.argv[1]])
except SystemExit:
    pass
print("reading:", time.perf_counter() - started)
"""

# A rebuild after one edit, as `mkdocs serve` makes it (mkdocs/commands/serve.py):
# the config is loaded again for every build, the plugins' startup event runs
# once (which makes MkDocs keep our plugin object, and its cache, from one
# build to the next), and pages are built for the live server's address. The
# time of each build, and of reading the notes within it, is printed as JSON.
REBUILD = """\
import json
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from interview_kb import pipeline as kb_pipeline

config_file, site_dir = sys.argv[1], sys.argv[2]
edited, rebuilds = Path(sys.argv[3]), int(sys.argv[4])
serve_url = "http://127.0.0.1:8000/"
reading = []
read_notebook = kb_pipeline.read_notebook  # the plugin reads notes through the pipeline


def timed_read(*args, **kwargs):
    start = time.perf_counter()
    try:
        return read_notebook(*args, **kwargs)
    finally:
        reading.append(time.perf_counter() - start)


kb_pipeline.read_notebook = timed_read


def get_config():
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.site_url = serve_url
    return config


def timed_build(config):
    start = time.perf_counter()
    build(config, serve_url=serve_url)
    return time.perf_counter() - start


config = get_config()
config.plugins.on_startup(command="serve", dirty=False)
ours = config.plugins["interview-kb"]
first = timed_build(config)
parsed = [ours.cache.parsed]
builds = []
original = edited.read_bytes()
try:
    for run in range(rebuilds):
        edited.write_bytes(original + f"\\nEdited {run + 1}.\\n".encode())
        builds.append(timed_build(get_config()))
        parsed.append(ours.cache.parsed)
finally:
    edited.write_bytes(original)
print(json.dumps({
    "first": first,
    "rebuilds": builds,
    "read_first": reading[0],
    "read_rebuilds": reading[1:],
    "read_again": [b - a for a, b in zip(parsed, parsed[1:])],
}))
"""

# Without GNU time: run the command in this process and report its own peak
# resident set (kilobytes on Linux, bytes on macOS) and CPU time, in the
# format of GNU time -f "%U %S %M".
IN_PROCESS = """\
import resource
import runpy
import sys

report, target, *args = sys.argv[1:]
sys.argv = [target, *args]
status = 0
try:
    if target == "-c":
        sys.argv = ["-c", *args[1:]]
        exec(compile(args[0], "<string>", "exec"), {"__name__": "__main__"})
    else:
        runpy.run_path(target, run_name="__main__")
except SystemExit as stop:
    code = stop.code
    status = code if isinstance(code, int) else (0 if code is None else 1)
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
with open(report, "w") as file:
    file.write(f"{usage.ru_utime:.2f} {usage.ru_stime:.2f} {peak}")
sys.exit(status)
"""


# ---------------------------------------------------------------------------
# measuring


@dataclass
class Sample:
    """One run of one command."""

    seconds: float
    cpu_seconds: float | None
    peak_kb: int | None
    ok: bool
    inside: float | None = None  # the time the command measured itself ("reading: s")


@dataclass
class Command:
    """A command to time: ``python <script or -c code> args...``."""

    label: str
    argv: list[str]
    cwd: Path
    site: Path | None = None
    samples: list[Sample] = field(default_factory=list)
    reads: Path | None = None  # the folder of what it reads, read just before
    rehearse: bool = False  # run once, untimed, just before

    @property
    def failed(self) -> bool:
        return any(not s.ok for s in self.samples)


TIME_FORMAT = "%U %S %M"  # user and system CPU seconds, peak resident set (KB)


def gnu_time() -> str | None:
    """GNU time, if it is there and takes ``-f FORMAT -o FILE``."""
    for candidate in ("/usr/bin/time", shutil.which("time")):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
            probe = [candidate, "-f", "%M", "-o", report.name, "true"]
            if subprocess.run(probe, capture_output=True).returncode == 0 and report.read():
                return candidate
    return None


def bytecode_kept() -> bool:
    """Whether Python keeps the bytecode of modules it compiles (``BENCH_BYTECODE``)."""
    return os.environ.get("BENCH_BYTECODE", "1") != "0"


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("INTERVIEW_KB_TODAY", None)
    if bytecode_kept():
        # An installed package comes with its bytecode, and Python writes it
        # for a package installed in place; without it (PYTHONDONTWRITEBYTECODE
        # set), every run compiles the plugin's modules again, which the
        # floor, importing only PyYAML, never does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: Command, timer: str | None, log: Path) -> Sample:
    """Run ``command`` once in a fresh process: wall time and peak memory."""
    if command.site is not None:
        # MkDocs would clean it itself, inside the time measured.
        shutil.rmtree(command.site, ignore_errors=True)
    # The last build's site (hundreds of MB for plain MkDocs in nav) is still
    # being written out to disk; let that finish before the clock starts.
    os.sync()
    # This machine keeps files in its cache for seconds only: whichever
    # command came first after a big build read the notes from the disk, and
    # the next one from memory. Each starts with what it reads in memory: a
    # build with its input files, a reader (a second or less) with its
    # modules too, by a rehearsal.
    if command.reads is not None:
        warm(command.reads)
    if command.rehearse:
        subprocess.run(
            [PYTHON, *command.argv],
            cwd=command.cwd,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    # A command that starts after a few idle seconds (a sync, a file read)
    # ran up to 15% slower here than one that starts on a busy CPU: every
    # command starts on a busy one.
    busy(WARM_UP_SECONDS)
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        if timer:
            argv = [timer, "-f", TIME_FORMAT, "-o", report.name, PYTHON, *command.argv]
        else:
            argv = [PYTHON, "-c", IN_PROCESS, report.name, *command.argv]
        with log.open("w", encoding="utf-8") as output:
            start = time.perf_counter()
            done = subprocess.run(
                argv,
                cwd=command.cwd,
                env=environment(),
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
            seconds = time.perf_counter() - start
        lines = report.read().splitlines()
    # GNU time writes "Command exited with non-zero status N" on a line before.
    fields = lines[-1].split() if lines else []
    try:
        user, system, peak = float(fields[0]), float(fields[1]), int(fields[2])
    except (IndexError, ValueError):
        return Sample(seconds, None, None, False)
    return Sample(seconds, user + system, peak, done.returncode == 0, inside_seconds(log))


def inside_seconds(log: Path) -> float | None:
    """The time a command printed as its last line, ``reading: <seconds>``."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    if lines and lines[-1].startswith("reading: "):
        try:
            return float(lines[-1].split()[1])
        except ValueError:
            return None
    return None


WARM_UP_SECONDS = 1.0


def busy(seconds: float) -> None:
    """Keep one CPU busy for ``seconds``."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def warm(folder: Path) -> None:
    """Read every file under ``folder`` but built sites (into the file cache)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.relative_to(folder).parts[0].startswith("site"):
            path.read_bytes()


def site_bytes(folder: Path) -> int | None:
    """The bytes of the files under a folder (``du -sb`` adds the folders' own)."""
    if not folder.is_dir():
        return None
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def median_of(values: Iterable[float]) -> float | None:
    found = list(values)
    return statistics.median(found) if found else None


# ---------------------------------------------------------------------------
# the plain MkDocs site of the same notes


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _markdown_value(value: Any, depth: int) -> list[str]:
    """Front-matter as nested Markdown lists: ``- **key**: value``."""
    pad = "    " * depth
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}- **{key}**:")
                lines += _markdown_value(item, depth + 1)
            else:
                lines.append(f"{pad}- **{key}**: {_scalar(item)}")
        return lines
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict) and not any(
                isinstance(v, dict | list) for v in item.values()
            ):
                lines.append(
                    pad + "- " + "; ".join(f"**{k}**: {_scalar(v)}" for k, v in item.items())
                )
            elif isinstance(item, dict | list):
                lines.append(f"{pad}-")
                lines += _markdown_value(item, depth + 1)
            else:
                lines.append(f"{pad}- {_scalar(item)}")
        return lines
    return [f"{pad}- {_scalar(value)}"]


def note_as_page(text: str) -> str:
    """A note as an ordinary page: its body, then its front-matter as a list."""
    _, front, body = text.split("---\n", 2)
    data = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    facts = "\n".join(_markdown_value(data, 0))
    return f"{body.strip()}\n\n## Front-matter\n\n{facts}\n"


def write_plain_site(notebook: Path, folder: Path, raw: bool = False) -> tuple[Path, Path]:
    """The same notes as pages of a plain MkDocs site; its two configs (in nav, out).

    Each page shows the note's body and its front-matter (as our pages show
    both); with ``raw``, the notes are copied as they are, and MkDocs keeps
    their front-matter as page metadata without showing it.
    """
    docs = folder / "docs"
    shutil.copytree(notebook / "docs", docs)
    for kind in ("contacts", "interviews"):
        (docs / kind).mkdir()
        for path in sorted((notebook / kind).glob("*.md")):
            if path.name.startswith(("_", ".")):
                continue
            text = path.read_text(encoding="utf-8")
            page = text if raw else note_as_page(text)
            (docs / kind / path.name).write_text(page, encoding="utf-8")
    base: dict[str, Any] = {
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": [{name: settings} for name, settings in EXTENSIONS.items()],
    }
    in_nav = folder / "mkdocs-in-nav.yml"
    out_of_nav = folder / "mkdocs-out-of-nav.yml"
    config = {"site_name": "Plain MkDocs, notes in the sidebar", "site_dir": "site-in-nav", **base}
    in_nav.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    config = {
        "site_name": "Plain MkDocs, notes out of the sidebar",
        "site_dir": "site-out-of-nav",
        **base,
    }
    # Gitignore-style patterns, relative to docs_dir: every note page.
    not_in_nav = "not_in_nav: |\n  /contacts/\n  /interviews/\n"
    out_of_nav.write_text(yaml.safe_dump(config, sort_keys=False) + not_in_nav, encoding="utf-8")
    return in_nav, out_of_nav


# ---------------------------------------------------------------------------
# one size


@dataclass
class Rebuild:
    """The first build and the rebuilds after one edit, in one process."""

    first: float
    rebuilds: list[float]
    read_first: float
    read_rebuilds: list[float]
    read_again: list[int]  # notes read from their files in each rebuild


@dataclass
class Served:
    """Edits seen in a real ``interview-kb serve``, one edit at a time."""

    first: float  # the server's first build, as its log times it
    visible: list[float]  # from writing the note to fetching the page that shows it
    noticed: list[float]  # from writing the note to the server's "Building documentation"
    rebuilds: list[float]  # the rebuild, from its start to its end in the log
    # The same for edits of a note's body (the edits above are of a role, a
    # front-matter field: every view may show it).
    body_visible: list[float] = field(default_factory=list)
    body_rebuilds: list[float] = field(default_factory=list)


@dataclass
class Result:
    notes: int
    contacts: int
    interviews: int
    commands: dict[str, Command]
    sites: dict[str, int | None]
    rebuild: Rebuild | None = None
    served: Served | None = None
    served_problem: str = ""


def measure_rebuild(notebook: Path, runs: int, log: Path) -> Rebuild | None:
    """The first build and ``runs`` rebuilds, each after an edit of one note."""
    site = notebook / "site-serve"
    shutil.rmtree(site, ignore_errors=True)
    edited = sorted((notebook / "contacts").glob("[!_]*.md"))[0]
    argv = [PYTHON, "-c", REBUILD, str(notebook / "mkdocs.yml"), str(site), str(edited), str(runs)]
    done = subprocess.run(
        argv, cwd=notebook, env=environment(), capture_output=True, text=True, check=False
    )
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)
    if done.returncode != 0 or not done.stdout.strip():
        return None
    try:
        found = json.loads(done.stdout.strip().splitlines()[-1])
        return Rebuild(**found)
    except (ValueError, TypeError):
        return None


def rebuilt_since(server: Server, before: int, written: float) -> bool:
    """Whether a rebuild that began after ``written`` has ended."""
    return any(b.started > written for b in server.builds[before:])


def measure_served(notebook: Path, runs: int, log: Path) -> Served:
    """``runs`` edits of a contact's role, then ``runs`` of its body (a line
    added), in a real ``interview-kb serve``, each timed from the write until
    the contact's page, fetched from the server once a rebuild begun after the
    write has ended, shows it (what a browser reloaded by live reload would
    show); the server is left quiet between edits. Raises ``RuntimeError``
    when the server fails or a page does not show its edit."""
    edited = role_targets(notebook, 1)[0]
    original = edited.read_bytes()
    server = Server(notebook, ours=True)

    def seen_after(marker: str, edit: Callable[[], None]) -> tuple[float, float, float]:
        before = len(server.builds)
        edit()
        written = time.monotonic()
        server.wait(partial(rebuilt_since, server, before, written), 900, "no rebuild")
        build = next(b for b in server.builds[before:] if b.started > written)
        page = server.get(f"/contacts/{edited.stem}/")
        seen = time.monotonic()
        if marker not in page:
            raise RuntimeError(f"{marker}: /contacts/{edited.stem}/ lacks the edit")
        server.settle(written, timeout=900)
        return seen - written, build.started - written, build.seconds

    def add_line(marker: str) -> None:
        text = edited.read_bytes()
        edited.write_bytes(text.rstrip(b"\n") + f"\n\n{marker}.\n".encode("ascii"))

    try:
        server.wait_until_serving(timeout=900)
        served = Served(server.builds[0].seconds, [], [], [])
        for run in range(1, runs + 1):
            marker = f"Bench edit {run:03d} of the role"
            visible, noticed, rebuild = seen_after(marker, partial(edit_role, edited, marker))
            served.visible.append(visible)
            served.noticed.append(noticed)
            served.rebuilds.append(rebuild)
        for run in range(1, runs + 1):
            marker = f"Bench line {run:03d} of the body"
            visible, _, rebuild = seen_after(marker, partial(add_line, marker))
            served.body_visible.append(visible)
            served.body_rebuilds.append(rebuild)
        return served
    finally:
        edited.write_bytes(original)
        server.stop()
        log.write_text("\n".join(server.log.lines) + "\n", encoding="utf-8")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def prepare_size(notes: int, full: bool, raw: bool) -> Result:
    """The notebook of ``notes`` notes, its plain site, and the commands to time."""
    folder = WORK / str(notes)
    shutil.rmtree(folder, ignore_errors=True)
    notebook = folder / "notebook"
    progress(f"{notes} notes: generating {notebook}")
    summary = write_notebook(notebook, notes, SEED)
    in_nav, out_of_nav = write_plain_site(notebook, folder / "plain", raw)
    (folder / "logs").mkdir()
    mkdocs = str(BIN / "mkdocs")
    config = str(notebook / "mkdocs.yml")
    plain = out_of_nav.parent
    commands = {
        "check": Command(
            "interview-kb check",
            [str(BIN / "interview-kb"), "check", "--config", config],
            notebook,
            rehearse=True,
        ),
        "floor": Command("parse floor", ["-c", FLOOR, str(notebook)], notebook, rehearse=True),
        "inside": Command(
            "check, from within", ["-c", CHECK_INSIDE, config], notebook, rehearse=True
        ),
        "ours": Command(
            "our build",
            [mkdocs, "build", "-f", config],
            notebook,
            notebook / "site",
            reads=notebook,
        ),
        "out": Command(
            "plain, out of nav",
            [mkdocs, "build", "-f", str(out_of_nav)],
            plain,
            plain / "site-out-of-nav",
            reads=plain / "docs",
        ),
    }
    if notes <= IN_NAV_LIMIT or full:
        commands["in"] = Command(
            "plain, in nav",
            [mkdocs, "build", "-f", str(in_nav)],
            plain,
            plain / "site-in-nav",
            reads=plain / "docs",
        )
    return Result(notes, summary.contacts, summary.interviews, commands, {})


def measure_runs(results: Sequence[Result], runs: int, timer: str | None) -> None:
    """Every command of every size once per run, the sizes taking turns.

    A run measures all the sizes within minutes of each other, so a slow
    moment of a shared machine falls on one run of every size rather than on
    every run of one size: the 5,000-to-1,000 scaling is taken run by run.
    """
    for run in range(1, runs + 1):
        for result in results:
            logs = WORK / str(result.notes) / "logs"
            readers = [(k, c) for k, c in result.commands.items() if c.rehearse]
            builds = [(k, c) for k, c in result.commands.items() if not c.rehearse]
            if run % 2 == 0:
                # Each pair in the other order every other run: on a shared
                # machine the first of two commands is not always the slower.
                readers.reverse()
                builds.reverse()
            for key, command in [*readers, *builds]:
                sample = measure(command, timer, logs / f"{key}-{run}.log")
                command.samples.append(sample)
                status = "" if sample.ok else f"  FAILED (see {logs / f'{key}-{run}.log'})"
                progress(
                    f"{result.notes} notes, run {run}/{runs}: {command.label:<20} "
                    f"{sample.seconds:8.2f} s{status}"
                )


def finish_size(result: Result, runs: int, full: bool) -> None:
    """The sizes of the sites, then the rebuilds as in serve."""
    commands = result.commands
    result.sites.update(
        {key: site_bytes(c.site) for key, c in commands.items() if c.site is not None}
    )
    for command in commands.values():
        if command.site is not None:
            shutil.rmtree(command.site, ignore_errors=True)
    # Last, when the notes are minutes old: the cache does not keep a note
    # changed in the two seconds before it was read.
    notes, folder = result.notes, WORK / str(result.notes)
    progress(f"{notes} notes: a first build and {runs} rebuilds after one edit, as in serve")
    rebuild = measure_rebuild(folder / "notebook", runs, folder / "logs" / "rebuild.log")
    if rebuild is None:
        progress(f"{notes} notes: the rebuilds FAILED (see {folder / 'logs' / 'rebuild.log'})")
    else:
        progress(
            f"{notes} notes: first build {rebuild.first:.2f} s, rebuilds "
            + ", ".join(f"{s:.2f}" for s in rebuild.rebuilds)
            + " s"
        )
    result.rebuild = rebuild
    if notes > SERVE_LIMIT and not full:
        return
    progress(f"{notes} notes: {runs} edits in a real interview-kb serve")
    log = folder / "logs" / "serve.log"
    try:
        served = measure_served(folder / "notebook", runs, log)
    except (RuntimeError, OSError) as problem:
        result.served_problem = str(problem).splitlines()[0]
        progress(f"{notes} notes: the serve case FAILED: {result.served_problem} (see {log})")
        return
    result.served = served
    progress(
        f"{notes} notes: edit to visible " + ", ".join(f"{s:.2f}" for s in served.visible) + " s"
        " (role), " + ", ".join(f"{s:.2f}" for s in served.body_visible) + " s (body)"
    )


# ---------------------------------------------------------------------------
# the table


def _value(sample: Sample, cpu: bool) -> float | None:
    return sample.cpu_seconds if cpu else sample.seconds


def samples(result: Result, key: str) -> list[Sample] | None:
    """The runs of a command; None when it was skipped or a run failed."""
    command = result.commands.get(key)
    if command is None or command.failed:
        return None
    return command.samples


def seconds(result: Result, key: str, cpu: bool = False) -> float | None:
    """The median time of a command: wall-clock, or CPU (user + system)."""
    runs = samples(result, key)
    if runs is None:
        return None
    return median_of(v for s in runs if (v := _value(s, cpu)) is not None)


def ratio(result: Result, top: str, bottom: str, cpu: bool = False) -> float | None:
    """The median of ``top / bottom`` taken run by run."""
    a, b = samples(result, top), samples(result, bottom)
    if a is None or b is None:
        return None
    pairs = ((_value(x, cpu), _value(y, cpu)) for x, y in zip(a, b, strict=True))
    return median_of(x / y for x, y in pairs if x is not None and y)


def reading_ratio(result: Result) -> float | None:
    """The median, run by run, of check's reading over the floor's parsing,
    each timed from within (Python's start and the imports left out)."""
    check, floor = samples(result, "inside"), samples(result, "floor")
    if check is None or floor is None:
        return None
    pairs = zip(check, floor, strict=True)
    return median_of(a.inside / b.inside for a, b in pairs if a.inside and b.inside)


def inside(result: Result, key: str) -> float | None:
    """The median time a command measured from within."""
    runs = samples(result, key)
    if runs is None:
        return None
    return median_of(s.inside for s in runs if s.inside is not None)


def start_up(result: Result, key: str) -> float | None:
    """The median of a command's whole time less what it measured from within."""
    runs = samples(result, key)
    if runs is None:
        return None
    return median_of(s.seconds - s.inside for s in runs if s.inside is not None)


def peak_mb(result: Result, key: str) -> float | None:
    runs = samples(result, key)
    if runs is None:
        return None
    return median_of(s.peak_kb / 1024 for s in runs if s.peak_kb is not None)


def site_mb(result: Result, key: str) -> float | None:
    size = result.sites.get(key)
    return None if size is None else size / 1e6


def cell(result: Result, key: str, value: float | None, style: Callable[[float], str]) -> str:
    if value is not None:
        return style(value)
    if key not in result.commands:
        return "skipped"
    return "failed"


def fmt_s(value: float) -> str:
    return f"{value:.2f}"


def fmt_s3(value: float) -> str:
    return f"{value:.3f}"


def fmt_x(value: float) -> str:
    return f"{value:.2f}x"


def fmt_mb(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def markdown_table(
    columns: Sequence[str], rows: Iterable[Sequence[str]], align: str = "---:"
) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(align for _ in columns) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _times(r: Result, cpu: bool) -> list[str]:
    return [
        cell(r, "check", seconds(r, "check", cpu), fmt_s),
        cell(r, "floor", seconds(r, "floor", cpu), fmt_s),
        cell(r, "check", ratio(r, "check", "floor", cpu), fmt_x),
        cell(r, "ours", seconds(r, "ours", cpu), fmt_s),
        cell(r, "out", seconds(r, "out", cpu), fmt_s),
        cell(r, "in", seconds(r, "in", cpu), fmt_s),
        cell(r, "out", ratio(r, "ours", "out", cpu), fmt_x),
        cell(r, "in", ratio(r, "ours", "in", cpu), fmt_x),
    ]


TIME_COLUMNS = (
    "check (s)",
    "floor (s)",
    "check / floor",
    "ours (s)",
    "plain out of nav (s)",
    "plain in nav (s)",
    "ours / out of nav",
    "ours / in nav",
)


def table(results: Sequence[Result]) -> str:
    """The main table: wall-clock times, ratios, peak memory and site sizes."""
    columns = (
        "notes",
        *TIME_COLUMNS,
        "peak MB ours",
        "peak MB out of nav",
        "peak MB in nav",
        "site MB ours",
        "site MB out of nav",
        "site MB in nav",
    )
    rows = [
        [
            f"{r.notes:,}",
            *_times(r, cpu=False),
            cell(r, "ours", peak_mb(r, "ours"), fmt_mb),
            cell(r, "out", peak_mb(r, "out"), fmt_mb),
            cell(r, "in", peak_mb(r, "in"), fmt_mb),
            cell(r, "ours", site_mb(r, "ours"), fmt_mb),
            cell(r, "out", site_mb(r, "out"), fmt_mb),
            cell(r, "in", site_mb(r, "in"), fmt_mb),
        ]
        for r in results
    ]
    return markdown_table(columns, rows)


def reading_table(results: Sequence[Result]) -> str:
    """Reading with the start-up (Python's start and the imports) left out."""
    columns = (
        "notes",
        "check start-up (s)",
        "floor start-up (s)",
        "check, reading (s)",
        "floor, parsing (s)",
        "reading / parsing",
    )
    rows = [
        [
            f"{r.notes:,}",
            cell(r, "inside", start_up(r, "inside"), fmt_s3),
            cell(r, "floor", start_up(r, "floor"), fmt_s3),
            cell(r, "inside", inside(r, "inside"), fmt_s3),
            cell(r, "floor", inside(r, "floor"), fmt_s3),
            cell(r, "inside", reading_ratio(r), fmt_x),
        ]
        for r in results
    ]
    return markdown_table(columns, rows)


def cpu_table(results: Sequence[Result]) -> str:
    """The same times in CPU seconds (user + system): steadier on a busy machine."""
    columns = ("notes", *(c.replace("(s)", "(CPU s)") for c in TIME_COLUMNS))
    return markdown_table(columns, [[f"{r.notes:,}", *_times(r, cpu=True)] for r in results])


def rebuild_table(results: Sequence[Result]) -> str:
    """The first build and the rebuild after one edit, as in ``mkdocs serve``."""
    columns = (
        "notes",
        "first build (s)",
        "rebuild after one edit (s)",
        "reading, first build (s)",
        "reading, rebuild (s)",
        "notes read again",
    )
    rows = []
    for r in results:
        b = r.rebuild
        if b is None:
            rows.append([f"{r.notes:,}", *(["failed"] * (len(columns) - 1))])
            continue
        rebuild, reading, again = (
            median_of(b.rebuilds),
            median_of(b.read_rebuilds),
            median_of(b.read_again),
        )
        rows.append(
            [
                f"{r.notes:,}",
                fmt_s(b.first),
                "" if rebuild is None else fmt_s(rebuild),
                f"{b.read_first:.3f}",
                "" if reading is None else f"{reading:.3f}",
                "" if again is None else f"{again:g}",
            ]
        )
    return markdown_table(columns, rows)


def served_table(results: Sequence[Result]) -> str:
    """Edit to visible in ``interview-kb serve``, beside our full build of the same run."""
    columns = (
        "notes",
        "full build (s)",
        "edit to visible, role (s)",
        "/ full build",
        "edit to visible, body (s)",
        "/ full build",
        "until the server noticed (s)",
        "rebuild, role (s)",
        "rebuild, body (s)",
        "server's first build (s)",
    )
    rows = []
    for r in results:
        served = r.served
        if served is None:
            why = "failed" if r.served_problem else "skipped"
            rows.append([f"{r.notes:,}", *([why] * (len(columns) - 1))])
            continue
        full = seconds(r, "ours")
        row = [f"{r.notes:,}", "" if full is None else fmt_s(full)]
        for visible in (median_of(served.visible), median_of(served.body_visible)):
            share = visible / full if visible is not None and full else None
            row += [
                "" if visible is None else fmt_s(visible),
                "" if share is None else fmt_x(share),
            ]
        row += [
            f"{median_of(served.noticed) or 0:.2f}",
            f"{median_of(served.rebuilds) or 0:.2f}",
            f"{median_of(served.body_rebuilds) or 0:.2f}",
            fmt_s(served.first),
        ]
        rows.append(row)
    return markdown_table(columns, rows)


def served_targets(results: Sequence[Result]) -> str:
    """The targets of issue 26, against what was measured (nothing is asserted),
    for either kind of edit."""
    by_size = {r.notes: r for r in results}
    rows = ["| target | edit | measured | met |", "|---|---|---:|:---:|"]
    for notes, target, limit, style in (
        (1000, "1,000 notes: edit to visible / full build ≤ 0.3x", 0.3, fmt_x),
        (200, "200 notes: edit to visible < 1 s", 1.0, fmt_s),
    ):
        r = by_size.get(notes)
        full = seconds(r, "ours") if r else None
        for kind in ("role", "body"):
            found = (
                (r.served.visible if kind == "role" else r.served.body_visible)
                if r and r.served
                else []
            )
            visible = median_of(found)
            value = visible if notes == 200 else (visible / full if visible and full else None)
            if value is None:
                rows.append(f"| {target} | {kind} | not measured | |")
            else:
                met = value < limit if notes == 200 else value <= limit
                rows.append(f"| {target} | {kind} | {style(value)} | {'yes' if met else 'no'} |")
    return "\n".join(rows)


def targets(results: Sequence[Result]) -> str:
    """The targets of issue 8, against what was measured (nothing is asserted)."""
    by_size = {r.notes: r for r in results}
    rows = ["| target | measured | met |", "|---|---:|:---:|"]

    def row(target: str, value: float | None, limit: float, style: Callable[[float], str]) -> None:
        if value is None:
            rows.append(f"| {target} | not measured | |")
        else:
            rows.append(f"| {target} | {style(value)} | {'yes' if value <= limit else 'no'} |")

    thousand, five = by_size.get(1000), by_size.get(5000)
    row(
        "1,000 notes: our build / render limit (plain, out of nav) ≤ 1.3x",
        ratio(thousand, "ours", "out") if thousand else None,
        1.3,
        fmt_x,
    )
    scaling = None
    small = samples(thousand, "ours") if thousand else None
    large = samples(five, "ours") if five else None
    if small is not None and large is not None:
        # Run by run: the two sizes' builds of one run are minutes apart.
        pairs = zip(large, small, strict=True)
        scaling = median_of(a.seconds / b.seconds for a, b in pairs)
    row("5,000 notes take ≤ 5x the 1,000-note build", scaling, 5, fmt_x)
    measured = sorted(
        (r.notes, r.sites["ours"]) for r in results if r.sites.get("ours") is not None
    )
    growth: float | None = None
    if len(measured) >= 2:
        (n0, s0), (n1, s1) = measured[0], measured[-1]
        growth = ((s1 or 0) - (s0 or 0)) / (n1 - n0) / 1000
    row(
        "site growth per note ≤ 25 KB (between the smallest and largest size)",
        growth,
        25,
        lambda v: f"{v:.1f} KB",
    )
    # At 100 notes both readers spend most of their time starting: the first
    # row compares whole runs where reading is most of them, the second the
    # reading alone at every size.
    reading = [
        x for r in results if r.notes >= 1000 and (x := ratio(r, "check", "floor")) is not None
    ]
    row(
        "reading: check / parse floor ≤ 1.5x (worst size from 1,000 notes)",
        max(reading, default=None),
        1.5,
        fmt_x,
    )
    alone = [x for r in results if (x := reading_ratio(r)) is not None]
    row(
        "reading, timed from within (start-up left out): ≤ 1.5x the parsing (worst size)",
        max(alone, default=None),
        1.5,
        fmt_x,
    )
    memory = None
    if five:
        ours, limit = peak_mb(five, "ours"), peak_mb(five, "out")
        memory = ours / limit if ours and limit else None
    row("5,000 notes: peak memory / render limit's ≤ 2x", memory, 2, fmt_x)
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# the machine


def _first(path: str, prefix: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _load() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return ", ".join(f"{value:.2f}" for value in os.getloadavg()) + " (1, 5, 15 min)"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine(timer: str | None) -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = _first("/proc/meminfo", "MemTotal")
    if memory.endswith("kB") and memory.split()[0].isdigit():
        memory = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB"
    libyaml = "with libyaml" if hasattr(yaml, "CSafeLoader") else "without libyaml"
    lines = [
        f"- measured: {datetime.now().isoformat(timespec='minutes')}",
        f"- machine: {cpus} CPUs (nproc), {_first('/proc/cpuinfo', 'model name')}, "
        f"{memory} RAM, {platform.platform()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"PyYAML {_version('pyyaml')} {libyaml}",
        f"- mkdocs {_version('mkdocs')}, mkdocs-material {_version('mkdocs-material')}, "
        f"interview-kb {_version('interview-kb')}",
        f"- load average at start: {_load()}",
        "- peak memory: "
        + ("GNU time -f %M" if timer else "in-process getrusage (GNU time not found)"),
        f"- CPU time: {'GNU time -f %U %S' if timer else 'in-process getrusage'}",
        "- bytecode: "
        + (
            "kept (PYTHONDONTWRITEBYTECODE unset for the commands)"
            if bytecode_kept()
            else "as the environment has it (BENCH_BYTECODE=0)"
        ),
    ]
    return "\n".join(lines)


def sizes_wanted(full: bool) -> list[int]:
    given = os.environ.get("BENCH_SIZES", "").strip()
    if given:
        return [int(part) for part in given.split(",") if part.strip()]
    return list(FULL_SIZES if full else DEFAULT_SIZES)


def main() -> int:
    full = os.environ.get("BENCH_FULL", "") not in ("", "0")
    runs = max(1, int(os.environ.get("BENCH_RUNS", "5") or 5))
    raw = os.environ.get("BENCH_PLAIN", "shown") == "raw"
    sizes = sizes_wanted(full)
    timer = gnu_time()
    header = machine(timer) + (
        f"\n- runs: {runs} per command (medians; ratios pair by pair)\n- plain pages: "
        + (
            "the notes as they are (front-matter kept as page metadata, not shown)"
            if raw
            else "each note's body, then its front-matter as a Markdown list"
        )
    )
    print(header, flush=True)
    progress(f"sizes {sizes}, {runs} runs each; work folder {WORK}")
    WORK.mkdir(parents=True, exist_ok=True)
    results = [prepare_size(notes, full, raw) for notes in sizes]
    measure_runs(results, runs, timer)
    for result in results:
        finish_size(result, runs, full)
    for r in results:
        progress(f"{r.notes} notes: {r.contacts} contacts, {r.interviews} interviews")
        for command in r.commands.values():
            if command.failed:
                progress(f"  {command.label} failed; its logs are in {WORK / str(r.notes)}/logs")
    end = f"- load average at end: {_load()}"
    tables = (
        f"{table(results)}\n\nCPU time (user + system) of the same runs:\n\n"
        f"{cpu_table(results)}\n\nReading timed from within each process (Python's start "
        "and the imports left out):\n\n"
        f"{reading_table(results)}\n\nA first build and the rebuild after one edit, as in "
        f"`mkdocs serve` (one process; medians of {runs} rebuilds):\n\n"
        f"{rebuild_table(results)}\n\nEdit to visible in a real `interview-kb serve` (medians of "
        f"{runs} edits; full build: `our build` above, in the same run):\n\n"
        f"{served_table(results)}\n\nThe targets of issue 8 (wall-clock):\n\n{targets(results)}"
        f"\n\nThe targets of issue 26 (wall-clock):\n\n{served_targets(results)}"
    )
    print(f"{end}\n\n{tables}")
    OUT.mkdir(exist_ok=True)
    (OUT / "latest.md").write_text(f"{header}\n{end}\n\n{tables}\n", encoding="utf-8")
    progress(f"written to {OUT / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
