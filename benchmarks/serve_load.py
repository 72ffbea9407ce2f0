"""``mkdocs serve`` under load: a script edits notes in quick succession.

A notebook is generated with ``generate.py``; ``mkdocs serve --livereload`` is
started on it; once it serves, contacts' ``role`` lines are rewritten one after
another (a byte-preserving text replace, each written in place the way most
editors save, ``interval`` seconds apart), round robin over ``edits / 3``
contacts, while a poller asks for a page every 0.2 s. Then, once the server has
rebuilt after the last edit and stays quiet, every edited contact's page must
show its last marker and none of the earlier ones. A few more edits follow,
each waited for, so that there are enough rebuilds to see whether memory grows:
the server's resident memory (``VmRSS``) is read right after every build,
when its log says the build is done (see ``BUILT``).

Used by ``tests/test_serve_load.py`` (a small notebook) and as a command for
the size of issue 9 (1,000 notes, 100 edits)::

    python benchmarks/serve_load.py --notes 1000 --edits 100

It prints the rebuilds (time, memory), the poller's answers and the checks, and
exits 1 when a check fails. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generate import write_notebook

ROLE = re.compile(rb"^role: [^\r\n]*", re.MULTILINE)
# The end of a build. MkDocs drops a log message of its build module that it
# has already logged once, so "Documentation built in 3.24 seconds" is missing
# after a rebuild that took as long as an earlier one: "Reloading browsers",
# which the server logs after every successful rebuild, ends a rebuild too.
BUILT = ("Documentation built in", "Reloading browsers")
POLL_INTERVAL = 0.2
# The server polls the watched folders every 0.5 s and waits 0.1 s for changes
# to stop; 1.5 s without a new build after one is quiet enough.
QUIET = 1.5
# Memory may settle after the first rebuilds; it must not keep growing after.
RSS_GROWTH = 0.15
RSS_SLACK_KB = 20 * 1024


@dataclass
class Build:
    """One build of the server, as its log tells it; times are ``time.monotonic``."""

    detected: float | None  # "Detected file changes" (None: the first build)
    started: float
    finished: float = 0.0
    seconds: float = 0.0  # from "Building documentation..." to its end, as read
    rss_kb: int = 0  # right after the build
    errors: list[str] = field(default_factory=list)
    warnings: int = 0


def rss_kb(pid: int) -> int:
    """The resident memory of a process, in kB (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) if found else 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class BuildLog:
    """The builds of a server, from its log lines one by one."""

    def __init__(self, memory: Callable[[], int] = lambda: 0) -> None:
        self.memory = memory  # the server's resident memory now, in kB
        self.builds: list[Build] = []
        self.lines: list[str] = []
        self.stuck = False  # "An error happened during the rebuild"
        self.current: Build | None = None  # under way
        self.detected: float | None = None  # changes seen, build not begun yet

    @property
    def idle(self) -> bool:
        return self.current is None and self.detected is None

    def note(self, line: str, now: float) -> None:
        self.lines.append(line)
        if "Detected file changes" in line:
            self.detected = now
        elif "Building documentation" in line:
            self.current = Build(detected=self.detected, started=now)
            self.detected = None
        elif any(end in line for end in BUILT) and self.current is not None:
            build = self.current
            build.finished, build.seconds = now, now - build.started
            build.rss_kb = self.memory()
            self.builds.append(build)
            self.current = None
        elif "An error happened during the rebuild" in line:
            self.stuck = True
        elif self.current is not None and line.startswith("ERROR"):
            self.current.errors.append(line)
        elif self.current is not None and line.startswith("WARNING"):
            self.current.warnings += 1


class Server:
    """``mkdocs serve`` in its own process group, its log read as it comes."""

    def __init__(self, root: Path, port: int | None = None, *, ours: bool = False) -> None:
        """``mkdocs serve --livereload``, or with ``ours`` ``interview-kb serve``
        (the same server, started by our command)."""
        self.root = root
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = BuildLog(lambda: rss_kb(self.process.pid))
        self._changed = threading.Condition()
        # MkDocs builds into a temporary folder that it removes on Ctrl-C; it is
        # made in one of ours, removed whatever happens.
        self.scratch = Path(tempfile.mkdtemp(prefix="serve-load-tmp-"))
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONUNBUFFERED": "1",
            "TMPDIR": str(self.scratch),
        }
        address, config = f"127.0.0.1:{self.port}", str(root / "mkdocs.yml")
        if ours:
            ours_bin = str(Path(sys.executable).with_name("interview-kb"))
            command = [ours_bin, "serve", "--dev-addr", address, "--config", config]
        else:
            command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
            command += ["--dev-addr", address, "--config-file", config]
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        assert self.process.stderr is not None
        self._reader = threading.Thread(target=self._read, args=(self.process.stderr,))
        self._reader.daemon = True
        self._reader.start()
        # No proxy from the environment between us and 127.0.0.1.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            line = raw.decode("utf-8", errors="replace").rstrip()
            now = time.monotonic()
            with self._changed:
                self.log.note(line, now)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def builds(self) -> list[Build]:
        return self.log.builds

    def wait(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        """Wait until ``ready()`` (called with the log's lock held)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not ready():
                left = deadline - time.monotonic()
                ended = self.process.poll() is not None
                if left <= 0 or ended or self.log.stuck:
                    why = (
                        "it ended"
                        if ended
                        else "a rebuild failed"
                        if self.log.stuck
                        else "timed out"
                    )
                    tail = "\n".join(self.log.lines[-30:])
                    raise RuntimeError(f"{what}: {why}; the server's log ends:\n{tail}")
                self._changed.wait(min(left, 0.1))

    def get(self, path: str, timeout: float = 300) -> str:
        with self._opener.open(self.url + path, timeout=timeout) as response:
            status: int = response.status
            if status != 200:
                raise urllib.error.HTTPError(
                    self.url + path, status, "not 200", response.headers, None
                )
            body: bytes = response.read()
        return body.decode("utf-8")

    def wait_until_serving(self, timeout: float) -> None:
        self.wait(lambda: bool(self.builds), timeout, "the first build did not finish")
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.get("/", timeout=10)
                return
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.1)

    def settle(self, after: float, timeout: float) -> Build:
        """Wait for a build begun after ``after``, then for ``QUIET`` seconds
        without another; returns the last build.

        A build that began after the last edit reads it; one that began just
        before (its log line read a little late) is followed by another, as the
        server sees the change within its polling interval, less than ``QUIET``.
        """

        def quiet() -> bool:
            done = [b for b in self.builds[1:] if b.started > after]
            return (
                bool(done)
                and self.log.idle
                and time.monotonic() - self.builds[-1].finished >= QUIET
            )

        self.wait(quiet, timeout, "the server did not rebuild after the last edit")
        return self.builds[-1]

    def stop(self) -> None:
        """Ctrl-C (MkDocs then removes its temporary site), else a kill."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._reader.join(timeout=5)
        if self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


@contextlib.contextmanager
def serving(root: Path) -> Iterator[Server]:
    server = Server(root)
    try:
        yield server
    finally:
        server.stop()


class Poller:
    """Asks the server for a page every ``POLL_INTERVAL`` seconds in a thread."""

    def __init__(self, server: Server, path: str) -> None:
        self.server = server
        self.path = path
        self.answers = 0
        self.failures: list[str] = []
        self.slowest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self.server.get(self.path)
                self.answers += 1
            except (OSError, urllib.error.URLError, UnicodeDecodeError) as problem:
                self.failures.append(f"{time.monotonic():.1f}: {problem!r}")
            took = time.monotonic() - started
            self.slowest = max(self.slowest, took)
            self._stop.wait(max(0.0, POLL_INTERVAL - took))

    def __enter__(self) -> Poller:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def edit_role(path: Path, marker: str) -> None:
    """Set the contact's role to ``marker``, every other byte kept; written in place."""
    raw = path.read_bytes()
    new, count = ROLE.subn(b"role: " + marker.encode("ascii"), raw, count=1)
    assert count == 1, path
    path.write_bytes(new)


def targets(root: Path, count: int) -> list[Path]:
    """``count`` contact notes with a ``role`` line, spread over the notebook."""
    notes = sorted(p for p in (root / "contacts").glob("*.md") if not p.name.startswith("_"))
    with_role = [p for p in notes if ROLE.search(p.read_bytes())]
    if len(with_role) < count:
        raise ValueError(f"only {len(with_role)} contacts have a role; {count} wanted")
    step = len(with_role) / count
    return [with_role[int(i * step)] for i in range(count)]


def marker(number: int) -> str:
    """Markers of one length, so that none is part of another."""
    return f"Load marker M{number:05d}X"


@dataclass
class Report:
    """What a run found."""

    notes: int
    contacts: int
    edits: int
    edited: int
    first_build: Build
    burst_seconds: float = 0.0  # from the first edit to the last
    settled_after: float = 0.0  # from the last edit to the quiet server
    builds: list[Build] = field(default_factory=list)
    answers: int = 0
    failures: list[str] = field(default_factory=list)
    slowest_answer: float = 0.0
    stale: list[str] = field(default_factory=list)  # pages without their last marker
    final_errors: list[str] = field(default_factory=list)
    stuck: bool = False

    @property
    def rebuilds(self) -> list[Build]:
        return self.builds[1:]

    def rss_growth_ok(self) -> bool:
        """The last rebuild's memory is within ``RSS_GROWTH`` + ``RSS_SLACK_KB``
        of the second rebuild's (the first may still be warming up)."""
        rss = [b.rss_kb for b in self.rebuilds]
        return len(rss) >= 2 and rss[-1] <= rss[1] * (1 + RSS_GROWTH) + RSS_SLACK_KB

    def problems(self) -> list[str]:
        found = []
        if self.failures:
            found.append(f"{len(self.failures)} requests failed: {self.failures[:3]}")
        if self.stale:
            found.append(f"{len(self.stale)} pages do not show their last edit: {self.stale[:5]}")
        if self.final_errors:
            found.append(f"the last build logged errors: {self.final_errors[:3]}")
        if self.stuck:
            found.append("the server logged a failed rebuild")
        if not self.rss_growth_ok():
            rss = [b.rss_kb for b in self.rebuilds]
            found.append(f"memory grows from rebuild to rebuild: {rss} kB")
        return found

    def text(self) -> str:
        lines = [
            f"notebook: {self.notes} notes, {self.contacts} contacts; "
            f"{self.edits} edits of {self.edited} contacts",
            f"first build: {self.first_build.seconds:.2f} s, "
            f"RSS {self.first_build.rss_kb / 1024:.0f} MB",
            f"edits: {self.burst_seconds:.2f} s from the first to the last; the server was "
            f"quiet {self.settled_after:.1f} s after the last edit ({QUIET} s of it waiting)",
            f"rebuilds: {len(self.rebuilds)}",
        ]
        for number, build in enumerate(self.rebuilds, 1):
            lines.append(
                f"  {number:>3}  {build.seconds:6.2f} s  RSS {build.rss_kb / 1024:7.1f} MB"
                f"  {len(build.errors)} errors, {build.warnings} warnings"
            )
        seconds = [b.seconds for b in self.rebuilds]
        if seconds:
            lines.append(
                f"rebuild time: min {min(seconds):.2f} s, max {max(seconds):.2f} s, "
                f"mean {sum(seconds) / len(seconds):.2f} s"
            )
        rss = [b.rss_kb / 1024 for b in self.rebuilds]
        if len(rss) >= 2:
            lines.append(
                f"RSS: second rebuild {rss[1]:.1f} MB, last {rss[-1]:.1f} MB, "
                f"max {max(rss):.1f} MB (allowed: {RSS_GROWTH:.0%} + "
                f"{RSS_SLACK_KB // 1024} MB over the second)"
            )
        lines.append(
            f"poller: {self.answers} answers, {len(self.failures)} failures, "
            f"slowest {self.slowest_answer:.2f} s (it waits for a rebuild under way)"
        )
        lines.append(
            f"pages showing their last edit: {self.edited - len(self.stale)}/{self.edited}"
        )
        problems = self.problems()
        lines.append("checks: " + ("all passed" if not problems else "; ".join(problems)))
        return "\n".join(lines)


def check_pages(server: Server, last: dict[Path, int], earlier: dict[Path, list[int]]) -> list[str]:
    """The edited contacts whose page does not show their last marker only."""
    stale = []
    for path, number in last.items():
        page = server.get(f"/contacts/{path.stem}/")
        if marker(number) not in page or any(marker(n) in page for n in earlier[path]):
            stale.append(path.stem)
    return stale


def run(
    root: Path,
    notes: int,
    edits: int,
    *,
    seed: int = 1,
    interval: float = 0.05,
    spaced: int = 3,
    timeout: float = 600,
    progress: Callable[[str], None] = lambda text: None,
) -> Report:
    """Generate the notebook in ``root`` (new), serve it and edit it; see the module."""
    summary = write_notebook(root, notes, seed)
    chosen = targets(root, max(1, math.ceil(edits / 3)))
    progress(f"{notes} notes written; starting mkdocs serve")
    with serving(root) as server:
        server.wait_until_serving(timeout)
        report = Report(notes, summary.contacts, edits, len(chosen), server.builds[0])
        progress(f"serving {server.url} after {report.first_build.seconds:.1f} s; editing")
        last: dict[Path, int] = {}
        earlier: dict[Path, list[int]] = {path: [] for path in chosen}
        with Poller(server, f"/contacts/{chosen[0].stem}/") as poller:
            first = time.monotonic()
            for number in range(edits):
                time.sleep(max(0.0, first + number * interval - time.monotonic()))
                path = chosen[number % len(chosen)]
                if path in last:
                    earlier[path].append(last[path])
                edit_role(path, marker(number))
                last[path] = number
            done = time.monotonic()
            report.burst_seconds = done - first
            progress(f"{edits} edits in {report.burst_seconds:.2f} s; waiting for the rebuild")
            final = server.settle(done, timeout)
            report.settled_after = time.monotonic() - done
            report.stale = check_pages(server, last, earlier)
            report.final_errors = list(final.errors)
            # More rebuilds, one at a time, to see the memory over several.
            for extra in range(spaced):
                number = edits + extra
                path = chosen[extra % len(chosen)]
                earlier[path].append(last[path])
                changed = time.monotonic()
                edit_role(path, marker(number))
                last[path] = number
                server.settle(changed, timeout)
                progress(f"spaced edit {extra + 1}/{spaced} rebuilt")
            report.stale += [s for s in check_pages(server, last, earlier) if s not in report.stale]
        report.answers, report.failures = poller.answers, poller.failures
        report.slowest_answer = poller.slowest
        report.builds = list(server.builds)
        report.stuck = server.log.stuck
        report.final_errors += server.builds[-1].errors
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notes", type=int, default=1000, help="notebook size (default 1000)")
    parser.add_argument("--edits", type=int, default=100, help="edits in a row (default 100)")
    parser.add_argument("--interval", type=float, default=0.05, help="seconds between edits")
    parser.add_argument("--spaced", type=int, default=5, help="edits waited for, after")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate into this new folder and keep it")
    args = parser.parse_args(argv)

    def progress(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="serve-load-") as work:
        root = args.keep or Path(work) / "notebook"
        report = run(
            root,
            args.notes,
            args.edits,
            seed=args.seed,
            interval=args.interval,
            spaced=args.spaced,
            progress=progress,
        )
    print(report.text())
    return 1 if report.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
