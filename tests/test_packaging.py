"""Every data file of the package is shipped (globs in package-data do not recurse)."""

from __future__ import annotations

import fnmatch
import tomllib

from .conftest import REPO


def test_every_data_file_is_in_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["interview_kb"]
    package = REPO / "plugins/interview_kb"
    missing = []
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package).as_posix()
        # fnmatch's "*" crosses "/", setuptools' does not: compare folder by folder.
        if not any(
            fnmatch.fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns
        ):
            missing.append(relative)
    assert not missing, f"add patterns to [tool.setuptools.package-data]: {missing}"
