#!/usr/bin/env python3
"""Which installed packages differ from the lock, and how.

Run with the Python of the environment to compare (`make test-latest` runs it
in .venv-latest): prints one line per package whose installed version is not
the locked one, then a count. It never fails: a drift is news, the suite that
follows says whether it matters.

Usage: .venv-latest/bin/python scripts/lock_drift.py requirements/test.txt
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path) -> dict[str, set[str]]:
    """Every pinned version of each package (a universal lock may pin two,
    under different markers)."""
    pins: dict[str, set[str]] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins.setdefault(canonical(match[1]), set()).add(match[2])
    return pins


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    lock = Path(sys.argv[1])
    pins = locked_versions(lock)
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    drift = []
    for name in sorted(installed.keys() | pins.keys()):
        if name == "interview-kb":
            continue
        have, want = installed.get(name), pins.get(name)
        if want is None:
            drift.append(f"  {name}: {have}, not in the lock")
        elif have is None:
            continue  # locked for another platform or Python, or not needed here
        elif have not in want:
            drift.append(f"  {name}: {have}, locked {' or '.join(sorted(want))}")
    print(f"Newest releases against {lock}:")
    print("\n".join(drift) if drift else "  none: the lock is up to date")
    print(f"{len(drift)} package(s) differ from the lock")


if __name__ == "__main__":
    main()
