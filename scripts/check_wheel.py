#!/usr/bin/env python3
"""Install interview-kb as a person who never cloned the repository would.

Builds the wheel, installs it into a new virtual environment (its dependencies
from the lock, so that the check is the same on every machine), then runs
`interview-kb init my-notes`, builds the new notebook with `mkdocs build
--strict`, runs `check` and `due` in it, and serves it with `interview-kb
serve` until its home page answers. Any step that fails stops the check with its output.

Usage: scripts/check_wheel.py --lock requirements/runtime.txt [--keep]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE_VERSION = re.search(
    r'^__version__ = "([^"]+)"',
    (REPO / "plugins/interview_kb/__init__.py").read_text(encoding="utf-8"),
    re.MULTILINE,
)


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run a command; on failure print what it said and stop."""
    shown = " ".join(str(a) for a in args)
    print(f"$ {shown}", flush=True)
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(
            f"check-wheel: `{shown}` failed with status {result.returncode}\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return result.stdout + result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def check_wheel_contents(wheel: Path, version: str) -> None:
    """The wheel holds the licence, the templates and the starter files, and
    its metadata states the version, the licence and the Python it needs."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(metadata_name).decode("utf-8")
    wanted = {
        "the licence file": any(n.endswith("licenses/LICENSE") for n in names),
        "the page templates": "interview_kb/templates/contact.md.j2" in names,
        "the stylesheet": "interview_kb/assets/interview-kb.css" in names,
        "the starter files": "interview_kb/data/starter/index.md" in names,
        "the built-in question bank": "interview_kb/data/questions.yml" in names,
        "py.typed": "interview_kb/py.typed" in names,
        f"Version: {version}": f"\nVersion: {version}\n" in metadata,
        "License-Expression: MIT": "\nLicense-Expression: MIT\n" in metadata,
        "Requires-Python: >=3.11": "\nRequires-Python: >=3.11\n" in metadata,
    }
    missing = [what for what, present in wanted.items() if not present]
    if missing:
        sys.exit(f"check-wheel: {wheel.name} lacks {', '.join(missing)}")


def serve_until_home_page(venv_bin: Path, notebook: Path, env: dict[str, str]) -> None:
    """`interview-kb serve` answers with the notebook's home page, then is stopped."""
    address = f"127.0.0.1:{free_port()}"
    print(f"$ interview-kb serve --dev-addr {address}", flush=True)
    server = subprocess.Popen(
        [str(venv_bin / "interview-kb"), "serve", "--dev-addr", address],
        cwd=notebook,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # a busy machine; not a claim about speed
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://{address}/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                if "Interview notebook" in page:
                    return
            except OSError:
                time.sleep(0.5)
        output = server.stdout.read() if server.poll() is not None and server.stdout else ""
        sys.exit(f"check-wheel: `interview-kb serve` never served the home page\n{output[-4000:]}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, required=True, help="the runtime lock file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    if SOURCE_VERSION is None:
        sys.exit("check-wheel: no __version__ in plugins/interview_kb/__init__.py")
    version = SOURCE_VERSION.group(1)

    work = Path(tempfile.mkdtemp(prefix="interview-kb-wheel-"))
    try:
        dist = work / "dist"
        run(
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
            "--no-build-isolation", "--wheel-dir", dist, REPO,
        )  # fmt: skip
        wheel = next(dist.glob("interview_kb-*.whl"))
        check_wheel_contents(wheel, version)

        venv = work / "venv"
        run(sys.executable, "-m", "venv", venv)
        python = venv / "bin" / "python"
        pip = (python, "-m", "pip", "install", "--quiet")
        run(*pip, "--require-hashes", "--no-deps", "-r", options.lock.resolve())
        run(*pip, "--no-deps", wheel)
        run(python, "-m", "pip", "check")

        # As a user's shell: no variable of this repository's Makefile.
        env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        shown = run(venv / "bin" / "interview-kb", "--version", env=env)
        if version not in shown:
            sys.exit(f"check-wheel: `interview-kb --version` says {shown!r}, not {version}")

        home = work / "home"
        home.mkdir()
        run(venv / "bin" / "interview-kb", "init", "my-notes", cwd=home, env=env)
        notebook = home / "my-notes"
        if "NO_MKDOCS_2_WARNING" not in (notebook / "mkdocs.yml").read_text(encoding="utf-8"):
            sys.exit("check-wheel: the new mkdocs.yml does not explain the theme's notice")
        built = run(venv / "bin" / "mkdocs", "build", "--strict", cwd=notebook, env=env)
        if re.search(r"^(WARNING|ERROR) +-", built, re.MULTILINE):
            sys.exit(f"check-wheel: the new notebook's build logged problems\n{built}")
        if not (notebook / "site" / "index.html").is_file():
            sys.exit("check-wheel: the build wrote no site/index.html")
        run(venv / "bin" / "interview-kb", "check", cwd=notebook, env=env)
        run(venv / "bin" / "interview-kb", "due", cwd=notebook, env=env)
        serve_until_home_page(venv / "bin", notebook, env)
        print(f"check-wheel: {wheel.name} installs, inits, builds strict and serves")
    finally:
        if options.keep:
            print(f"check-wheel: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
